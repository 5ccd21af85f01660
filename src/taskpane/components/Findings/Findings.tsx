// The problems found in the data, grouped by severity with counts; each names its cell (a link where the host
// can select it). A workbook of tens of thousands of rows can have thousands: each severity lists the first
// few hundred, with a button for the rest, so the pane stays quick to render and to scroll.
import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { parseRange, splitReference } from '../../../core/address';
import type { Finding, Severity } from '../../../core/model';
import { wordFinding } from '../../../core/wording';
import { uiLanguage, useStrings } from '../../i18n';
import { CellLink } from '../CellLink/CellLink';

const SEVERITIES: Severity[] = ['error', 'warning', 'info'];

/**
 * The other cells a finding's message names (a duplicate's first row, a project's form and its table row): links
 * too, so that both places of a duplicate are one click away. Only references to a cell or range.
 */
const OTHER_CELL_PARAMS = ['other', 'form', 'table'] as const;

export function otherCells(finding: Finding): string[] {
  const cells = new Set<string>();
  for (const key of OTHER_CELL_PARAMS) {
    const value = finding.params?.[key];
    if (typeof value !== 'string' || value === finding.cell) continue;
    const at = splitReference(value);
    if (at && parseRange(at.address)) cells.add(value);
  }
  return [...cells];
}

/** How many entries a long list shows until the clerk asks for all. */
export const LIST_SHOWN = 200;

/** The first `LIST_SHOWN` of `items`, and the line plus button that shows the rest. */
export function useShownItems<T>(items: readonly T[]): { shown: readonly T[]; more: JSX.Element | null } {
  const strings = useStrings();
  const styles = useStyles();
  const [all, setAll] = useState(false);
  if (all || items.length <= LIST_SHOWN) return { shown: items, more: null };
  return {
    shown: items.slice(0, LIST_SHOWN),
    more: (
      <div className={styles.more}>
        <Text size={200}>{strings.findingsShown(LIST_SHOWN, items.length)}</Text>
        <Button size="small" onClick={() => setAll(true)}>
          {strings.findingsShowAll(items.length)}
        </Button>
      </div>
    ),
  };
}

const useStyles = makeStyles({
  heading: { margin: `${tokens.spacingVerticalS} 0`, fontSize: tokens.fontSizeBase300 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  group: { borderLeft: `${tokens.strokeWidthThick} solid`, paddingLeft: tokens.spacingHorizontalS, marginBottom: tokens.spacingVerticalS },
  error: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  warning: { borderLeftColor: tokens.colorPaletteDarkOrangeBorder2 },
  info: { borderLeftColor: tokens.colorNeutralStroke1 },
  cell: { marginRight: tokens.spacingHorizontalXS },
  more: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalXS },
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
  const Heading = level === 3 ? 'h3' : 'h4';
  if (findings.length === 0) return <p>{strings.noFindings}</p>;
  return (
    <div>
      {SEVERITIES.map((severity) => {
        const group = findings.filter((f) => f.severity === severity);
        if (group.length === 0) return null;
        return <Group key={severity} severity={severity} group={group} onSelect={onSelect} Heading={Heading} />;
      })}
    </div>
  );
}

function Group({ severity, group, onSelect, Heading }: { severity: Severity; group: readonly Finding[]; onSelect?(reference: string): void; Heading: 'h3' | 'h4' }) {
  const strings = useStrings();
  const styles = useStyles();
  const { shown, more } = useShownItems(group);
  // The pane's language, not the report's: the message is worded again from the finding's code and parameters.
  const lang = uiLanguage(strings.langTag);
  return (
    <section className={`${styles.group} ${styles[severity]}`} aria-label={strings.severity[severity](group.length)} data-severity={severity}>
      <Heading className={styles.heading}>{strings.severity[severity](group.length)}</Heading>
      <ul className={styles.list}>
        {shown.map((finding, i) => (
          <li key={`${finding.code}-${finding.cell ?? ''}-${i}`}>
            {finding.cell !== null && (
              <span className={styles.cell}>
                <CellLink reference={finding.cell} onSelect={onSelect} />
              </span>
            )}
            {wordFinding(finding, lang)}
            {otherCells(finding).map((reference) => (
              <span key={reference}>
                {' '}
                {strings.seeAlso}
                <CellLink reference={reference} onSelect={onSelect} />
              </span>
            ))}
          </li>
        ))}
      </ul>
      {more}
    </section>
  );
}
