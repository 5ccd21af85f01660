// A project's 绩效自评 by the rule: each indicator scored, the execution score, the totals, and what a
// reviewer would question (scores above the rule, missed indicators without a reason, points that do not
// add up, a form's own figures that its data contradict). The clerk's cells are only read, never changed.
import { makeFinding } from '../../findings';
import type { Finding, Lang, ProjectInput } from '../../model';
import { displayedRate, formatAmount, formatRate } from '../../numbers';
import { groupIndicators, resolvePoints } from './points';
import type { IndicatorRules } from './rules';
import { round2, scoreIndicator, type IndicatorResult } from './scoreIndicator';

export interface SelfScore {
  /** Execution points + every indicator's points. */
  points: number;
  /** Execution points × min(1, the rate as shown), unrounded. */
  executionScore: number;
  /** executionScore + Σ indicator ruleScores (a null one counts 0). */
  ruleScore: number;
  /** The form's 总分 / 合计 得分, else the sum of the clerk's 得分 (with the execution 得分), else null. */
  clerkScore: number | null;
}

export interface ProjectScoring {
  indicators: IndicatorResult[];
  /** Null when the project has no indicators. */
  selfScore: SelfScore | null;
}

/** Execution points × min(1, rate as shown); 0 when there is no rate (a zero budget, reported already). */
export function executionPoints(points: number, rate: number | null): number {
  return rate === null ? 0 : points * Math.min(1, Math.max(0, displayedRate(rate)));
}

const pts = (v: number) => formatAmount(v, 'trim');
const EPS = 0.005 + 1e-9;

/**
 * Scores the project's indicators and checks its form's figures, pushing the findings. `executionRate` is the
 * evaluation's (on the chosen basis); a form's given 执行率 is checked against its own 执行数 ÷ 全年预算数.
 */
export function scoreProject(project: ProjectInput, executionRate: number | null, rules: IndicatorRules, lang: Lang, findings: Finding[]): ProjectScoring {
  const inputs = project.indicators ?? [];
  const form = project.form;
  if (inputs.length === 0 && !form) return { indicators: [], selfScore: null };
  const execPoints = form?.executionPoints ?? rules.points.execution;
  const execScore = executionPoints(execPoints, executionRate);
  if (form) checkForm(project, execScore, lang, findings);
  if (inputs.length === 0) return { indicators: [], selfScore: null };

  const groups = groupIndicators(inputs, rules);
  const points = resolvePoints(inputs, groups);
  const indicators: IndicatorResult[] = new Array(inputs.length);
  for (const group of groups) for (const i of group.members) indicators[i] = scoreIndicator(inputs[i], points[i], group.category, rules);

  const project_ = project.name;
  for (const ind of indicators) {
    // Built only when a finding fires, without spreads (the hot path of 200 forms × 15 indicators).
    const add = (code: Parameters<typeof makeFinding>[0], cell: string, extra: Record<string, string> = {}) =>
      findings.push(makeFinding(code, cell, lang, Object.assign({ project: project_, name: ind.name, target: ind.target, actual: ind.actual }, extra)));
    if (ind.kind === 'not-comparable') add('indicator-not-comparable', ind.cell);
    if (ind.farAbove) add('indicator-far-above-target', ind.cell, { share: formatRate(rules.farAbove, 'trim') });
    if (ind.score !== null && ind.aboveRule) {
      const rule = ind.ruleRange ? `${pts(ind.ruleRange[0])}–${pts(ind.ruleRange[1])}` : pts(ind.ruleScore ?? 0);
      add('indicator-above-rule', ind.scoreCell ?? ind.cell, { score: pts(ind.score), rule, points: pts(ind.points) });
    } else if (ind.score !== null && ind.ruleScore !== null && ind.ruleScore - ind.score > EPS) {
      add('indicator-below-rule', ind.scoreCell ?? ind.cell, { score: pts(ind.score), rule: pts(ind.ruleScore) });
    }
    if (ind.met === false && (ind.reason ?? '').trim() === '') add('indicator-missed-no-reason', ind.cell);
  }

  // Points that do not add up: a 一级's 三级 against its （N分）, everything against the 总分 row's 分值.
  for (const group of groups) {
    const sum = group.members.reduce((s, i) => s + indicators[i].points, 0);
    const cell = inputs[group.members[0]].cell;
    if (group.statedPoints !== null && Math.abs(round2(sum) - round2(group.statedPoints)) > EPS) {
      findings.push(makeFinding('indicator-points', cell, lang, { kind: 'level1', project: project_, level1: group.level1, sum: pts(sum), stated: pts(group.statedPoints) }));
    } else if (group.category === 'other' && group.statedPoints === null && group.members.some((i) => inputs[i].points === null)) {
      findings.push(makeFinding('indicator-points', cell, lang, { kind: 'other', project: project_, level1: group.level1 }));
    }
  }
  const indicatorPoints = indicators.reduce((s, i) => s + i.points, 0);
  const allPoints = execPoints + indicatorPoints;
  if (form?.totalPoints != null && Math.abs(round2(allPoints) - round2(form.totalPoints)) > EPS) {
    findings.push(
      makeFinding('indicator-points', form.totalScoreCell ?? project.cell, lang, { kind: 'total', project: project_, sum: pts(allPoints), execution: pts(execPoints), stated: pts(form.totalPoints) }),
    );
  }

  const ruleScore = execScore + indicators.reduce((s, i) => s + (i.ruleScore ?? 0), 0);
  const clerkCells = indicators.some((i) => i.score !== null) || (form?.executionScore ?? null) !== null;
  const clerkIndicators = indicators.reduce((s, i) => s + (i.score ?? 0), 0);
  let clerkScore: number | null = null;
  if (form) clerkScore = form.totalScore ?? (clerkCells ? (form.executionScore ?? 0) + clerkIndicators : null);
  // A table row has no execution 得分 cell: the rule's stands in for it.
  else if (clerkCells) clerkScore = execScore + clerkIndicators;
  return { indicators, selfScore: { points: allPoints, executionScore: execScore, ruleScore, clerkScore } };
}

/** A form's own 执行率, execution 得分 and 总分 得分 against what its figures give (arithmetic, not the rule). */
function checkForm(project: ProjectInput, execScore: number, lang: Lang, findings: Finding[]): void {
  const form = project.form!;
  const name = project.name;
  const givenRate = form.givenRate ?? project.givenRate;
  const givenRateCell = form.givenRateCell ?? project.givenRateCell;
  // The form's own definition, whatever the basis: 执行数 ÷ 全年预算数.
  if (givenRate !== null && givenRateCell) {
    const own = project.adjustedBudget > 0 ? project.actual / project.adjustedBudget : null;
    if (own === null ? givenRate !== 0 : displayedRate(own) !== displayedRate(givenRate)) {
      findings.push(
        makeFinding('form-figure-mismatch', givenRateCell, lang, {
          name,
          what: 'rate',
          given: formatRate(givenRate, 'fixed'),
          computed: own === null ? '—' : formatRate(own, 'fixed'),
        }),
      );
    }
  }
  if (form.executionScore !== null && form.executionScoreCell && Math.abs(round2(form.executionScore) - round2(execScore)) > EPS) {
    findings.push(
      makeFinding('form-figure-mismatch', form.executionScoreCell, lang, {
        name,
        what: 'execution',
        given: pts(form.executionScore),
        computed: pts(execScore),
      }),
    );
  }
  const indicators = project.indicators ?? [];
  const cells = [form.executionScore, ...indicators.map((i) => i.score)].filter((v): v is number => v !== null);
  if (form.totalScore !== null && form.totalScoreCell && cells.length > 0) {
    const sum = cells.reduce((s, v) => s + v, 0);
    if (Math.abs(round2(form.totalScore) - round2(sum)) > EPS) {
      findings.push(
        makeFinding('form-figure-mismatch', form.totalScoreCell, lang, {
          name,
          what: 'total',
          given: pts(form.totalScore),
          computed: pts(sum),
        }),
      );
    }
  }
}
