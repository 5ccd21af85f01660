// Insert the template; remove the tool's highlights. Each says whether it worked.
import { Button, makeStyles, MessageBar, MessageBarBody, Spinner, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { WorkbookHost } from '../../../gateways/host';
import { describeError, useStrings } from '../../i18n';
import { ErrorMessage } from '../ErrorMessage/ErrorMessage';

type Action = 'insertTemplate' | 'removeHighlights';
type Outcome = { action: Action; ok: true } | { action: Action; ok: false; error: unknown };

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
      await (action === 'insertTemplate' ? host.insertTemplate() : host.removeHighlights());
      setOutcome({ action, ok: true });
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
        {outcome?.ok === true && (
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>{strings[outcome.action].done}</MessageBarBody>
          </MessageBar>
        )}
        {outcome?.ok === false && <ErrorMessage title={strings[outcome.action].failed} error={describeError(strings, outcome.error)} />}
      </div>
    </section>
  );
}
