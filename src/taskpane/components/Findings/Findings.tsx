// The problems found in the data, grouped by severity with counts; each names its cell (a link where the host
// can select it).
import { makeStyles, tokens } from '@fluentui/react-components';
import type { Finding, Severity } from '../../../core/model';
import { useStrings } from '../../i18n';
import { CellLink } from '../CellLink/CellLink';

const SEVERITIES: Severity[] = ['error', 'warning', 'info'];

const useStyles = makeStyles({
  heading: { margin: `${tokens.spacingVerticalS} 0`, fontSize: tokens.fontSizeBase300 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  group: { borderLeft: `${tokens.strokeWidthThick} solid`, paddingLeft: tokens.spacingHorizontalS, marginBottom: tokens.spacingVerticalS },
  error: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  warning: { borderLeftColor: tokens.colorPaletteDarkOrangeBorder2 },
  info: { borderLeftColor: tokens.colorNeutralStroke1 },
  cell: { marginRight: tokens.spacingHorizontalXS },
});

export interface FindingsProps {
  findings: readonly Finding[];
  /** Absent: the host cannot select, and cells show as text. */
  onSelect?(reference: string): void;
  /** The heading level of each severity's heading. */
  level?: 3 | 4;
}

export function Findings({ findings, onSelect, level = 4 }: FindingsProps) {
  const strings = useStrings();
  const styles = useStyles();
  const Heading = level === 3 ? 'h3' : 'h4';
  if (findings.length === 0) return <p>{strings.noFindings}</p>;
  return (
    <div>
      {SEVERITIES.map((severity) => {
        const group = findings.filter((f) => f.severity === severity);
        if (group.length === 0) return null;
        return (
          <section key={severity} className={`${styles.group} ${styles[severity]}`} aria-label={strings.severity[severity](group.length)} data-severity={severity}>
            <Heading className={styles.heading}>{strings.severity[severity](group.length)}</Heading>
            <ul className={styles.list}>
              {group.map((finding, i) => (
                <li key={`${finding.code}-${finding.cell ?? ''}-${i}`}>
                  {finding.cell !== null && (
                    <span className={styles.cell}>
                      <CellLink reference={finding.cell} onSelect={onSelect} />
                    </span>
                  )}
                  {finding.message}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
