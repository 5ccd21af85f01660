// The report no longer matches the data it was made from (the clerk edited a figure since): say so, name the
// report sheets, and offer the same Generate as the main button.
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { sheetList, useStrings } from '../../i18n';

export interface StaleNoticeProps {
  /** The stale report sheets; nothing is shown when empty. */
  sheets: string[];
  /** Generate cannot start now (a run or another operation is going). */
  disabled: boolean;
  onGenerate(): void;
}

export function StaleNotice({ sheets, disabled, onGenerate }: StaleNoticeProps) {
  const strings = useStrings();
  if (sheets.length === 0) return null;
  const names = sheetList(strings, sheets);
  return (
    <MessageBar intent="warning" layout="multiline" politeness="polite">
      <MessageBarBody>
        <MessageBarTitle>{strings.staleTitle}</MessageBarTitle>
        <div>{strings.staleBody(names, sheets.length)}</div>
      </MessageBarBody>
      <MessageBarActions>
        <Button size="small" disabledFocusable={disabled} onClick={onGenerate}>
          {strings.staleGenerate}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
