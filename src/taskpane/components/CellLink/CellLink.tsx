// A button that looks like a link and selects a cell or range in the workbook; plain text where the host
// cannot select (an .xlsx file in the browser page), so nothing looks clickable that does nothing.
import { Link, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useStrings } from '../../i18n';

export interface CellLinkProps {
  /** `项目支出!B10`, `'My sheet'!A1`: what host.select receives. */
  reference: string;
  /** Absent: the host cannot select; the reference (or the children) shows as text. */
  onSelect?(reference: string): void;
  children?: ReactNode;
}

const useStyles = makeStyles({
  // As text, the name or reference still stands apart from the sentence that follows it.
  text: { fontWeight: tokens.fontWeightSemibold },
});

export function CellLink({ reference, onSelect, children }: CellLinkProps) {
  const strings = useStrings();
  const styles = useStyles();
  if (!onSelect) return <span className={styles.text}>{children ?? reference}</span>;
  return (
    <Link as="button" inline title={strings.selectHint} onClick={() => onSelect(reference)}>
      {children ?? reference}
    </Link>
  );
}
