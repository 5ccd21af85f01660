// The evaluated workbook as a normal browser download: a Blob behind an <a download>, made when the run ends
// and let go when the result goes. Nothing leaves the page: the URL is a blob: URL of this page's own memory.
import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { useStrings } from '../../i18n';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  button: { alignSelf: 'flex-start', maxWidth: '100%' },
  hint: { color: tokens.colorNeutralForeground2 },
});

export interface DownloadLinkProps {
  output: { name: string; bytes: Uint8Array };
  /** The evaluated workbook's report sheet, for its hint; unused when `hint` is given. */
  reportSheet?: string;
  /** The button and the line under it; the evaluated workbook's by default. */
  label?: string;
  hint?: string;
  mime?: string;
}

export function DownloadLink({ output, reportSheet = '', label, hint, mime = XLSX_MIME }: DownloadLinkProps) {
  const strings = useStrings();
  const styles = useStyles();
  const [url, setUrl] = useState<string | null>(null);

  useEffect(() => {
    const made = URL.createObjectURL(new Blob([output.bytes as Uint8Array<ArrayBuffer>], { type: mime }));
    setUrl(made);
    return () => URL.revokeObjectURL(made);
  }, [output, mime]);

  return (
    <div className={styles.root}>
      {/* Until the URL exists (one effect away) the button is disabled rather than a link to nowhere. */}
      {url === null ? (
        <Button appearance="primary" className={styles.button} disabled>
          {label ?? strings.download}
        </Button>
      ) : (
        <Button as="a" appearance="primary" className={styles.button} href={url} download={output.name}>
          {label ?? strings.download}
        </Button>
      )}
      <Text size={200} className={styles.hint}>
        {hint ?? strings.downloadHint(output.name, reportSheet)}
      </Text>
    </div>
  );
}
