// Told once: Excel's Undo cannot take back what the add-in writes, and what does. Dismissal is remembered.
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useState } from 'react';
import { useStrings } from '../../i18n';

export const UNDO_NOTICE_KEY = 'budget-eval.undo-notice-dismissed';

/** The part of Web Storage the notice uses; localStorage may be missing or throw in an Office sandbox. */
export type NoticeStorage = Pick<Storage, 'getItem' | 'setItem'>;

function wasDismissed(storage: NoticeStorage | null): boolean {
  try {
    return storage?.getItem(UNDO_NOTICE_KEY) === '1';
  } catch {
    return false;
  }
}

export function UndoNotice({ storage }: { storage: NoticeStorage | null }) {
  const strings = useStrings();
  const [dismissed, setDismissed] = useState(() => wasDismissed(storage));
  if (dismissed) return null;
  const dismiss = () => {
    setDismissed(true);
    try {
      storage?.setItem(UNDO_NOTICE_KEY, '1');
    } catch {
      // Not remembered: the notice comes back next time, which is harmless.
    }
  };
  return (
    <MessageBar intent="warning" layout="multiline" politeness="polite">
      <MessageBarBody>
        <MessageBarTitle>{strings.undoTitle}</MessageBarTitle>
        {strings.undoBody}
      </MessageBarBody>
      <MessageBarActions>
        <Button size="small" onClick={dismiss}>
          {strings.undoDismiss}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
