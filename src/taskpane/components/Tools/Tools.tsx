// Insert the template; remove the tool's highlights. Each says whether it worked.
import { Button, makeStyles, MessageBar, MessageBarBody, Spinner, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { WorkbookHost } from '../../../gateways/host';
import { describeError, sheetList, useStrings } from '../../i18n';
import { ErrorMessage } from '../ErrorMessage/ErrorMessage';

type Action = 'insertTemplate' | 'removeHighlights';
/** `protectedSheets`: where Remove highlights left the tool's marks (protected sheets). */
type Outcome = { action: Action; ok: true; protectedSheets: string[] } | { action: Action; ok: false; error: unknown };

const ACTIONS: readonly Action[] = ['insertTemplate', 'removeHighlights'];

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400 },
  row: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  button: { alignSelf: 'flex-start', maxWidth: '100%' },
  hint: { color: tokens.colorNeutralForeground3 },
});

export interface ToolsProps {
  host: WorkbookHost;
  /** Another operation is going. */
  disabled: boolean;
  onBusyChange(busy: boolean): void;
}

export function Tools({ host, disabled, onBusyChange }: ToolsProps) {
  const strings = useStrings();
  const styles = useStyles();
  const [running, setRunning] = useState<Action | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const run = async (action: Action) => {
    if (disabled || running) return;
    setRunning(action);
    setOutcome(null);
    onBusyChange(true);
    try {
      let protectedSheets: string[] = [];
      if (action === 'insertTemplate') await host.insertTemplate();
      else ({ protectedSheets } = await host.removeHighlights());
      setOutcome({ action, ok: true, protectedSheets });
    } catch (error) {
      setOutcome({ action, ok: false, error });
    } finally {
      setRunning(null);
      onBusyChange(false);
    }
  };

  return (
    <section className={styles.root} aria-label={strings.tools}>
      <h2 className={styles.heading}>{strings.tools}</h2>
      {ACTIONS.map((action) => (
        <div key={action} className={styles.row}>
          <Button
            className={styles.button}
            disabledFocusable={disabled || running !== null}
            icon={running === action ? <Spinner size="tiny" /> : undefined}
            onClick={() => void run(action)}
          >
            {strings[action].label}
          </Button>
          <Text size={200} className={styles.hint}>
            {strings[action].hint}
          </Text>
        </div>
      ))}
      <div role="status" aria-live="polite">
        {outcome?.ok === true && outcome.protectedSheets.length === 0 && (
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>{strings[outcome.action].done}</MessageBarBody>
          </MessageBar>
        )}
        {outcome?.ok === true && outcome.protectedSheets.length > 0 && (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>{strings.removeHighlights.keptProtected(sheetList(strings, outcome.protectedSheets), outcome.protectedSheets.length)}</MessageBarBody>
          </MessageBar>
        )}
        {outcome?.ok === false && <ErrorMessage title={strings[outcome.action].failed} error={describeError(strings, outcome.error)} />}
      </div>
    </section>
  );
}
