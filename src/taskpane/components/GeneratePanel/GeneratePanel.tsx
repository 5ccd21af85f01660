// The main button, and the progress of a run: a progress bar plus a live region that screen readers announce.
import { Button, makeStyles, ProgressBar, Text, tokens, useId } from '@fluentui/react-components';
import type { Progress } from '../../../gateways/host';
import { useStrings } from '../../i18n';

const STEPS: Progress[] = ['reading', 'computing', 'writing'];

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  button: { width: '100%', maxWidth: '100%' },
  hint: { color: tokens.colorNeutralForeground3 },
  status: { minHeight: tokens.lineHeightBase300, margin: 0 },
  cancel: { alignSelf: 'flex-start' },
});

export interface GeneratePanelProps {
  /** A run is going: the button is disabled and the progress shows. */
  running: boolean;
  /** Another operation (insert template, remove highlights) is going: the button is disabled. */
  disabled: boolean;
  /** The host's last reported step; null before the first. */
  step: Progress | null;
  /** Said in the live region when no run is going: the last run's summary, or a problem to fix first. */
  announcement: string;
  /** What the button does, under it; the Excel wording by default. */
  hint?: string;
  onGenerate(): void;
  /** Shown while a run can still be cancelled. */
  onCancel?(): void;
}

export function GeneratePanel({ running, disabled, step, announcement, hint, onGenerate, onCancel }: GeneratePanelProps) {
  const strings = useStrings();
  const styles = useStyles();
  const statusId = useId('generate-status');
  const hintId = useId('generate-hint');
  const stepText = step === null ? strings.progress.starting : strings.progress[step];
  const busy = running || disabled;

  return (
    <div className={styles.root}>
      <Button
        appearance="primary"
        size="large"
        className={styles.button}
        // Focusable while disabled, so keyboard focus is not dropped to the page when the run starts.
        disabledFocusable={busy}
        aria-describedby={hintId}
        onClick={busy ? undefined : onGenerate}
      >
        {strings.generate}
      </Button>
      <Text id={hintId} size={200} className={styles.hint}>
        {hint ?? strings.generateHint}
      </Text>
      {running && onCancel && (
        <Button className={styles.cancel} onClick={onCancel}>
          {strings.cancel}
        </Button>
      )}
      {running && (
        <ProgressBar
          aria-label={strings.progressLabel}
          aria-describedby={statusId}
          value={step === null ? undefined : (STEPS.indexOf(step) + 1) / STEPS.length}
          max={1}
          thickness="large"
        />
      )}
      <p id={statusId} role="status" aria-live="polite" className={styles.status}>
        {running ? stepText : announcement}
      </p>
    </div>
  );
}
