// A button that looks like a link and selects a cell or range in the workbook.
import { Link } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useStrings } from '../../i18n';

export interface CellLinkProps {
  /** `项目支出!B10`, `'My sheet'!A1`: what host.select receives. */
  reference: string;
  onSelect(reference: string): void;
  children?: ReactNode;
}

export function CellLink({ reference, onSelect, children }: CellLinkProps) {
  const strings = useStrings();
  return (
    <Link as="button" inline title={strings.selectHint} onClick={() => onSelect(reference)}>
      {children ?? reference}
    </Link>
  );
}
