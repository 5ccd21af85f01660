// What a run produced: the department totals, the projects under target, each project's 绩效自评 score by the
// rule beside the one the clerk filed (projects with indicators), the problems in the data and a
// link to the report sheet (in Excel) or the evaluated workbook to download (a file in the browser); or,
// when the workbook could not be evaluated, its errors (and nothing to download); or the host's failure.
import { makeStyles, MessageBar, MessageBarBody, tokens, useId } from '@fluentui/react-components';
import type { Ref } from 'react';
import { quoteSheet } from '../../../core/address';
import { formatAmount, formatRate } from '../../../core/numbers';
import type { GenerateOutcome } from '../../../gateways/host';
import { describeError, sheetList, useStrings } from '../../i18n';
import { ErrorMessage } from '../ErrorMessage/ErrorMessage';
import { CellLink } from '../CellLink/CellLink';
import { DownloadLink } from '../Download/DownloadLink';
import { Findings, useShownItems } from '../Findings/Findings';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400 },
  subheading: { margin: 0, fontSize: tokens.fontSizeBase300 },
  totals: {
    display: 'grid',
    // The figures keep their line ("2270.4 (10k yuan)" must not break before its unit); the terms wrap between
    // words, never inside one ("Executio/n rate"): their column is at least their longest word wide.
    gridTemplateColumns: 'minmax(min-content, 40%) minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground2, overflowWrap: 'normal', wordBreak: 'normal' },
  // `break-word`, not the page's `anywhere`: the figure's whole width counts when the columns are sized, and
  // it still breaks rather than stick out of a pane too narrow for it.
  value: { margin: 0, fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: 'tabular-nums', overflowWrap: 'break-word' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  department: { margin: 0 },
  above: { color: tokens.colorPaletteDarkOrangeForeground1 },
  hint: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
});

/** Scores as clerks write them: 2 decimals at most. */
const points = (value: number) => formatAmount(value, 'trim');

export type RunResult = { kind: 'done'; outcome: GenerateOutcome } | { kind: 'failed'; error: unknown };

export interface ResultsProps {
  result: RunResult;
  /** Absent: the host cannot select, and cells show as text. */
  onSelect?(reference: string): void;
  /** A failed host.select, shown above the results. */
  selectError: unknown;
  headingRef: Ref<HTMLHeadingElement>;
}

export function Results({ result, onSelect, selectError, headingRef }: ResultsProps) {
  const strings = useStrings();
  const styles = useStyles();
  const headingId = useId('results-heading');
  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <h2 id={headingId} ref={headingRef} tabIndex={-1} className={styles.heading}>
        {strings.results}
      </h2>
      {selectError !== null && selectError !== undefined && <ErrorMessage title={strings.selectFailed} error={describeError(strings, selectError)} />}
      {result.kind === 'failed' ? (
        <ErrorMessage error={describeError(strings, result.error)} />
      ) : result.outcome.ok ? (
        <Written outcome={result.outcome} onSelect={onSelect} />
      ) : (
        <>
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>{strings.notWritten}</MessageBarBody>
          </MessageBar>
          <Findings findings={result.outcome.findings} onSelect={onSelect} level={3} />
        </>
      )}
    </section>
  );
}

function Written({ outcome, onSelect }: { outcome: Extract<GenerateOutcome, { ok: true }>; onSelect?(reference: string): void }) {
  const strings = useStrings();
  const styles = useStyles();
  const { evaluation, reportSheet, highlight, protectedSheets = [] } = outcome;
  const style = evaluation.options.style;
  const { totals, department, score } = evaluation;
  const rate = (value: number | null) => (value === null ? strings.noRate : formatRate(value, style));
  const under = evaluation.projects.filter((p) => p.underTarget);
  const { shown: underShown, more: underMore } = useShownItems(under);
  const scored = evaluation.projects.filter((p) => p.selfScore !== null);
  const { shown: scoredShown, more: scoredMore } = useShownItems(scored);
  const ids = { totals: useId('totals'), under: useId('under'), scores: useId('scores'), findings: useId('findings') };
  const who = [department.name, department.year].filter((part) => part !== null && part !== '').join(' ');

  return (
    <>
      {who && <p className={styles.department}>{strings.resultsIntro(who)}</p>}
      {outcome.output && <DownloadLink output={outcome.output} reportSheet={reportSheet} />}
      <section aria-labelledby={ids.totals}>
        <h3 id={ids.totals} className={styles.subheading}>
          {strings.totals}
        </h3>
        <dl className={styles.totals}>
          <dt className={styles.term}>{strings.adjustedBudget}</dt>
          <dd className={styles.value}>{strings.amount(formatAmount(totals.adjustedBudget, style))}</dd>
          <dt className={styles.term}>{strings.actual}</dt>
          <dd className={styles.value}>{strings.amount(formatAmount(totals.actual, style))}</dd>
          <dt className={styles.term}>{strings.adjustmentRate}</dt>
          <dd className={styles.value}>{rate(totals.adjustmentRate)}</dd>
          <dt className={styles.term}>{strings.executionRate}</dt>
          <dd className={styles.value}>{rate(totals.executionRate)}</dd>
          <dt className={styles.term}>{strings.score}</dt>
          <dd className={styles.value}>
            {strings.scoreValue(
              `${formatAmount(score.total, 'trim')} / ${formatAmount(score.max, 'trim')}`,
              score.provisional ? formatAmount(score.unscored, 'trim') : '',
              strings.grades[score.grade],
            )}
          </dd>
        </dl>
      </section>

      {!outcome.output && (
        <p>
          <CellLink reference={`${quoteSheet(reportSheet)}!A1`} onSelect={onSelect}>
            {strings.openReport(reportSheet)}
          </CellLink>
        </p>
      )}

      <section aria-labelledby={ids.under}>
        <h3 id={ids.under} className={styles.subheading}>
          {strings.underTarget(under.length)}
        </h3>
        {under.length === 0 ? (
          <p>{strings.noneUnderTarget}</p>
        ) : (
          <ul className={styles.list}>
            {underShown.map((project) => (
              <li key={project.cell}>
                <CellLink reference={project.cell} onSelect={onSelect}>
                  {project.name}
                </CellLink>{' '}
                {project.executionRate === null
                  ? strings.projectNoRate(formatRate(project.effectiveTarget, style))
                  : strings.projectRate(formatRate(project.executionRate, style), formatRate(project.effectiveTarget, style))}
              </li>
            ))}
          </ul>
        )}
        {underMore}
        {highlight === 'fill' && under.length > 0 && (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>{strings.highlightFill}</MessageBarBody>
          </MessageBar>
        )}
        {highlight === 'rule' && under.length > 0 && <p>{strings.highlightRule}</p>}
        {protectedSheets.length > 0 && (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>{strings.highlightProtected(sheetList(strings, protectedSheets), protectedSheets.length)}</MessageBarBody>
          </MessageBar>
        )}
      </section>

      {scored.length > 0 && (
        <section aria-labelledby={ids.scores}>
          <h3 id={ids.scores} className={styles.subheading}>
            {strings.selfScores(scored.length)}
          </h3>
          <p className={styles.hint}>{strings.selfScoresHint}</p>
          <ul className={styles.list}>
            {scoredShown.map((project) => {
              const self = project.selfScore!;
              // Compared as shown (2 decimals), as the indicators' own above-rule finding compares them.
              const above = self.clerkScore !== null && Math.round(self.clerkScore * 100) > Math.round(self.ruleScore * 100);
              return (
                <li key={project.cell}>
                  <CellLink reference={project.cell} onSelect={onSelect}>
                    {project.name}
                  </CellLink>{' '}
                  {strings.selfScore(points(self.ruleScore), self.clerkScore === null ? '' : points(self.clerkScore), points(self.points))}
                  {above && <span className={styles.above}>{strings.selfScoreAbove}</span>}
                </li>
              );
            })}
          </ul>
          {scoredMore}
        </section>
      )}

      <section aria-labelledby={ids.findings}>
        <h3 id={ids.findings} className={styles.subheading}>
          {strings.findings}
        </h3>
        <Findings findings={evaluation.findings} onSelect={onSelect} />
      </section>
    </>
  );
}
