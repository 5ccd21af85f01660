// 导出 Word: the report as a Word document laid out as an official document, offered as a download. The host
// runs the same pipeline as Generate and writes nothing to the workbook, so it can be used before or after it.
import { Button, makeStyles, MessageBar, MessageBarBody, Spinner, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { DocxOutcome, Settings, WorkbookHost } from '../../../gateways/host';
import { describeError, useStrings } from '../../i18n';
import { DOCX_MIME, DownloadLink } from '../Download/DownloadLink';
import { ErrorMessage } from '../ErrorMessage/ErrorMessage';
import { Findings } from '../Findings/Findings';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  button: { alignSelf: 'flex-start', maxWidth: '100%' },
  hint: { color: tokens.colorNeutralForeground3 },
});

type Outcome = { kind: 'done'; outcome: DocxOutcome } | { kind: 'failed'; error: unknown };

export interface DocxExportProps {
  host: WorkbookHost;
  /** The pane's settings; null while they are invalid (the click then asks for them to be fixed). */
  settings: Settings | null;
  /** Another operation is going. */
  disabled: boolean;
  onBusyChange(busy: boolean): void;
  onInvalidSettings(): void;
  /** Absent: the host cannot select, and cells show as text. */
  onSelect?(reference: string): void;
}

export function DocxExport({ host, settings, disabled, onBusyChange, onInvalidSettings, onSelect }: DocxExportProps) {
  const strings = useStrings();
  const styles = useStyles();
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<Outcome | null>(null);

  const exportDocx = async () => {
    if (disabled || running) return;
    if (!settings) {
      onInvalidSettings();
      return;
    }
    setRunning(true);
    setResult(null);
    onBusyChange(true);
    try {
      setResult({ kind: 'done', outcome: await host.exportDocx(settings) });
    } catch (error) {
      setResult({ kind: 'failed', error });
    } finally {
      setRunning(false);
      onBusyChange(false);
    }
  };

  return (
    <div className={styles.root}>
      <Button
        className={styles.button}
        disabledFocusable={disabled || running}
        icon={running ? <Spinner size="tiny" /> : undefined}
        onClick={() => void exportDocx()}
      >
        {strings.exportDocx.label}
      </Button>
      <Text size={200} className={styles.hint}>
        {strings.exportDocx.hint}
      </Text>
      <div role="status" aria-live="polite">
        {running && <Text size={200}>{strings.exportDocx.running}</Text>}
        {result?.kind === 'failed' && <ErrorMessage title={strings.exportDocx.failed} error={describeError(strings, result.error)} />}
        {result?.kind === 'done' && !result.outcome.ok && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>{strings.exportDocx.notMade}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      {result?.kind === 'done' && !result.outcome.ok && <Findings findings={result.outcome.findings.filter((f) => f.severity === 'error')} onSelect={onSelect} />}
      {result?.kind === 'done' && result.outcome.ok && (
        <DownloadLink
          output={result.outcome}
          label={strings.exportDocx.download}
          hint={strings.exportDocx.ready(result.outcome.name)}
          mime={DOCX_MIME}
        />
      )}
    </div>
  );
}
