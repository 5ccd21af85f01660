// A failure as a clerk reads it: what happened and what to do, with the host's own words in small print.
import { Caption1, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, tokens } from '@fluentui/react-components';
import { useStrings, type ErrorText } from '../../i18n';

const useStyles = makeStyles({
  detail: { display: 'block', color: tokens.colorNeutralForeground3, marginTop: tokens.spacingVerticalXS, overflowWrap: 'anywhere' },
});

export function ErrorMessage({ title, error }: { title?: string; error: ErrorText }) {
  const strings = useStrings();
  const styles = useStyles();
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        {title && <MessageBarTitle>{title}</MessageBarTitle>}
        {error.message}
        {error.detail && <Caption1 className={styles.detail}>{strings.errorDetail(error.detail)}</Caption1>}
      </MessageBarBody>
    </MessageBar>
  );
}
