// Shown when the page is not running inside Excel: what the clerk can do instead.
import { makeStyles, tokens } from '@fluentui/react-components';
import { useStrings } from '../../i18n';

const useStyles = makeStyles({
  heading: { margin: 0, fontSize: tokens.fontSizeBase400 },
  code: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: 'anywhere' },
});

export function NoExcel() {
  const strings = useStrings();
  const styles = useStyles();
  return (
    <section aria-label={strings.noExcelTitle}>
      <h2 className={styles.heading}>{strings.noExcelTitle}</h2>
      <p>{strings.noExcelBody}</p>
      <p>{strings.noExcelWhatToDo}</p>
      <ul>
        <li>
          {strings.noExcelCommand}
          <br />
          <code className={styles.code}>{strings.noExcelCommandExample}</code>
          <br />
          {strings.noExcelCommandResult}
        </li>
        <li>{strings.noExcelBrowserSoon}</li>
      </ul>
    </section>
  );
}
