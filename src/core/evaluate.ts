// BudgetInput → Evaluation: rates, targets, flags and the findings that need the arithmetic.
import { cellRef } from './address';
import { DEFAULT_CONFIG, type Config } from './config';
import { amountLimitText, hasErrors, makeFinding } from './findings';
import { inBoth, type Wording } from './wording';
import { normalise } from './headers';
import {
  type Amounts,
  type Basis,
  type BudgetInput,
  type CategoryResult,
  type Evaluation,
  type EvaluationOptions,
  type Finding,
  type Lang,
  type ProjectResult,
  type Rates,
  type Totals,
  type Worded,
} from './model';
import { displayedRate, formatAmount, formatRate } from './numbers';
import { withOverrides } from './score/indicators/rules';
import { scoreProject } from './score/indicators/selfScore';
import { computeScore } from './score/score';
import { explainBelowInEffect } from './settings';

export function denominator(amounts: Amounts, basis: Basis): number {
  switch (basis) {
    case 'initial':
      return amounts.initialBudget ?? amounts.adjustedBudget;
    case 'adjusted-plus-carryover':
      return amounts.adjustedBudget + amounts.carryover;
    case 'adjusted':
      return amounts.adjustedBudget;
  }
}

export function rates(amounts: Amounts, basis: Basis): Rates {
  const denom = denominator(amounts, basis);
  const initial = amounts.initialBudget;
  return {
    adjustmentRate: initial === null || initial === 0 || amounts.adjustment === null ? null : amounts.adjustment / initial,
    executionRate: denom > 0 ? amounts.actual / denom : null,
  };
}

/** `rate < threshold`, both as displayed (2 decimals of a percent), so a flag never contradicts the text. */
export function belowAsDisplayed(rate: number, threshold: number): boolean {
  return displayedRate(rate) < displayedRate(threshold);
}

export function sumAmounts(rows: readonly Amounts[]): Amounts {
  const known = (pick: (a: Amounts) => number | null) => (rows.every((r) => pick(r) !== null) ? rows.reduce((s, r) => s + (pick(r) ?? 0), 0) : null);
  return {
    initialBudget: known((r) => r.initialBudget),
    adjustment: known((r) => r.adjustment),
    adjustedBudget: rows.reduce((s, r) => s + r.adjustedBudget, 0),
    carryover: rows.reduce((s, r) => s + r.carryover, 0),
    actual: rows.reduce((s, r) => s + r.actual, 0),
  };
}

/** The rates checked for a value a report can show, and their names in the catalogue: built once, not per project. */
const RATE_FIELDS = [['executionRate', 'execution'], ['adjustmentRate', 'adjustment']] as const;

const PROJECT_CATEGORY = new Set(['项目支出', '项目支出合计', 'projectexpenditure', 'projects', 'project']);

export function evaluate(input: BudgetInput, options: EvaluationOptions, parseFindings: readonly Finding[] = [], config: Config = DEFAULT_CONFIG): Evaluation {
  const { lang, basis } = options;
  const findings: Finding[] = [...parseFindings];
  const defaults = config.thresholds;
  const target = options.target ?? input.info.target ?? defaults.target;
  const givenExplainBelow = options.explainBelow ?? input.info.explainBelow ?? defaults.explainBelow;
  const pct = (rate: number) => formatRate(rate, 'fixed');
  // Where each threshold came from: a setting (flag, pane, stored), the workbook's cell, or the default.
  const targetCell = options.target === undefined ? input.info.cells?.target : undefined;
  const explainCell = options.explainBelow === undefined ? input.info.cells?.explainBelow : undefined;
  const { explainBelow, lowered } = explainBelowInEffect(target, givenExplainBelow);
  if (lowered) {
    const from = (set: boolean, cell: string | undefined) =>
      cell ?? (set ? 'settings' : 'default');
    findings.push(
      makeFinding('explain-above-target', explainCell ?? targetCell ?? null, lang, {
        explainBelow: pct(givenExplainBelow),
        target: pct(target),
        from: from(options.explainBelow !== undefined, explainCell),
        targetFrom: from(options.target !== undefined, targetCell),
      }),
    );
  }

  // Thresholds as displayed, once: every comparison is between displayed values (see belowAsDisplayed).
  const shownTarget = displayedRate(target);
  const shownExplainBelow = displayedRate(explainBelow);
  const seen = new Map<string, string>();
  // The 评分设置 sheet's indicator settings win over the configuration's.
  const indicatorRules = withOverrides(config.indicators, input.scoreProfile?.indicatorRules);
  const projects: ProjectResult[] = input.projects.map((project) => {
    const r = rates(project, basis);
    // A rate that is not a number a report can show (a budget of 1e-300 万元): an error at the row, then unknown.
    for (const [key, name] of RATE_FIELDS) {
      const rate = r[key];
      if (rate === null || usableRate(rate)) continue;
      findings.push(makeFinding('invalid-number', project.cell, lang, { kind: 'not-finite', column: inBoth((w) => `${project.name} ${w.rateName[name]}`), text: shownNumber(rate) }));
      r[key] = null;
    }
    const denom = denominator(project, basis);
    const effectiveTarget = project.target ?? target;
    const shown = r.executionRate === null ? null : displayedRate(r.executionRate);
    const underTarget = shown !== null && shown < (project.target === null ? shownTarget : displayedRate(project.target));
    const needsReason = shown !== null && shown < shownExplainBelow;
    const p = { name: project.name };
    if (denom <= 0) findings.push(makeFinding('zero-budget', project.cell, lang, { ...p, basis: inBoth((w) => w.basisName[basis]) }));
    if (denom > 0 && project.actual - denom > 5e-7) {
      findings.push(makeFinding('over-budget', project.cell, lang, { ...p, actual: formatAmount(project.actual, 'trim'), budget: formatAmount(denom, 'trim') }));
    }
    if (needsReason && project.reason.trim() === '') {
      findings.push(makeFinding('needs-explanation', project.cell, lang, { ...p, rate: pct(r.executionRate ?? 0), threshold: pct(explainBelow) }));
    }
    if (r.adjustmentRate !== null && Math.abs(displayedRate(r.adjustmentRate)) > config.adjustmentWarning) {
      findings.push(makeFinding('adjustment-over-30', project.cell, lang, { ...p, rate: pct(r.adjustmentRate), limit: formatRate(config.adjustmentWarning, 'trim') }));
    }
    const key = normalise(project.name);
    const other = seen.get(key);
    if (other) findings.push(makeFinding('duplicate-project', project.cell, lang, { ...p, other }));
    else seen.set(key, project.cell);
    // A form's own 执行率 is checked by its own definition (form-figure-mismatch in scoreProject), not here.
    if (project.givenRate !== null && project.givenRateCell && project.source?.kind !== 'form') {
      const computed = r.executionRate;
      if (computed === null ? project.givenRate !== 0 : shown !== displayedRate(project.givenRate)) {
        findings.push(
          makeFinding('rate-mismatch', project.givenRateCell, lang, { ...p, given: pct(project.givenRate), computed: computed === null ? '—' : pct(computed) }),
        );
      }
    }
    const scoring = scoreProject(project, r.executionRate, indicatorRules, lang, findings);
    // Written out field by field: spreading ~20 fields per project was the slowest line of the pipeline.
    const result: ProjectResult = {
      name: project.name,
      ...(project.source ? { source: project.source } : {}),
      ...(project.form ? { form: project.form } : {}),
      cell: project.cell,
      location: project.location,
      sources: project.sources,
      targetSource: project.targetSource,
      initialBudget: project.initialBudget,
      adjustment: project.adjustment,
      adjustedBudget: project.adjustedBudget,
      carryover: project.carryover,
      actual: project.actual,
      target: project.target,
      givenRate: project.givenRate,
      givenRateCell: project.givenRateCell,
      purpose: project.purpose,
      outcome: project.outcome,
      reason: project.reason,
      adjustmentRate: r.adjustmentRate,
      executionRate: r.executionRate,
      denominator: denom,
      effectiveTarget,
      underTarget,
      needsReason,
      indicators: scoring.indicators,
      selfScore: scoring.selfScore,
    };
    return result;
  });

  const projectSumAmounts = sumAmounts(input.projects);
  const projectSum = { ...projectSumAmounts, ...rates(projectSumAmounts, basis) };

  const categories: CategoryResult[] = input.categories.map((c) => ({ ...c, ...rates(c, basis) }));
  let totals: Totals;
  if (input.categoryTotal) {
    totals = { ...pickAmounts(input.categoryTotal), ...rates(input.categoryTotal, basis), source: 'totals-table', sources: input.categoryTotal.sources };
  } else if (input.categories.length > 0) {
    const sum = sumAmounts(input.categories);
    totals = { ...sum, ...rates(sum, basis), source: 'totals-table', sources: {} };
  } else {
    totals = { ...projectSum, source: 'projects', sources: {} };
    findings.push(makeFinding('totals-from-projects', null, lang));
  }

  const projectCategory = input.categories.find((c) => PROJECT_CATEGORY.has(normalise(c.name)));
  if (projectCategory && input.projects.length > 0) {
    for (const key of ['initialBudget', 'adjustedBudget', 'actual'] as const) {
      const given = projectCategory[key];
      const sum = projectSumAmounts[key];
      if (given === null || sum === null) continue;
      if (Math.abs(given - sum) > config.tolerances.projectTotal + 1e-9 * Math.abs(sum)) {
        findings.push(
          makeFinding('project-total-mismatch', projectCategory.cell, lang, { column: inBoth((w) => w.projectTotalColumns[key]), given: formatAmount(given, 'trim'), sum: formatAmount(sum, 'trim') }),
        );
      }
    }
  }

  checkAmountSums(input, config.limits.maxAmountYuan, lang, findings);
  checkSumRates(input, projectSum, totals, lang, findings);

  const defaultsUsed: ((w: Wording) => string)[] = [];
  if (options.target === undefined && input.info.target === null) defaultsUsed.push((w) => w.defaultTarget(pct(defaults.target)));
  if (options.explainBelow === undefined && input.info.explainBelow === null) defaultsUsed.push((w) => w.defaultExplainBelow(pct(defaults.explainBelow)));
  if (defaultsUsed.length > 0) findings.push(makeFinding('defaults-used', null, lang, { what: inBoth((w) => defaultsUsed.map((d) => d(w)).join(w.clauseSeparator)) }));

  const rated = projects.filter((p) => p.executionRate !== null);
  const score = computeScore(
    {
      executionRate: totals.executionRate,
      adjustmentRate: totals.adjustmentRate,
      rated: rated.length,
      onTarget: rated.filter((p) => !p.underTarget).length,
      projectAverage: projectAverage(projects),
    },
    input.scoreProfile ?? config.scoring,
    lang,
    options.style,
  );

  const evaluation: Evaluation = {
    department: {
      name: input.info.name,
      year: input.info.year,
      unit: '万元',
      target,
      explainBelow,
      basis,
      thresholdCells: {
        ...(options.target === undefined && input.info.cells?.target ? { target: input.info.cells.target } : {}),
        // Taken as the target: its source is the target's.
        ...(lowered ? (targetCell ? { explainBelow: targetCell } : {}) : explainCell ? { explainBelow: explainCell } : {}),
      },
    },
    info: input.info,
    totals,
    projectSum,
    projects,
    categories,
    findings,
    projectTables: input.projectTables,
    score,
    options,
  };
  // The last guard: whatever slipped past the checks above, no NaN or ±Infinity reaches a report.
  if (!hasErrors(findings)) {
    const bad = nonFiniteNumbers(evaluation);
    if (bad.length > 0) {
      findings.push(makeFinding('invalid-number', null, lang, { kind: 'not-finite', column: bad.slice(0, 5).map((b) => b.path).join(', '), text: shownNumber(bad[0].value) }));
    }
  }
  return evaluation;
}

/**
 * 项目自评平均分: Σ(rule total ÷ points × 100 × adjusted budget) ÷ Σ adjusted budget over the projects with
 * indicators (a plain mean when their budgets are all 0); null when there are none.
 */
export function projectAverage(projects: readonly ProjectResult[]): { average: number; projects: number } | null {
  const scored = projects.filter((p) => p.selfScore !== null && p.selfScore.points > 0);
  if (scored.length === 0) return null;
  const on100 = (p: ProjectResult) => (p.selfScore!.ruleScore / p.selfScore!.points) * 100;
  const weight = scored.reduce((s, p) => s + Math.max(0, p.adjustedBudget), 0);
  const average = weight > 0 ? scored.reduce((s, p) => s + on100(p) * Math.max(0, p.adjustedBudget), 0) / weight : scored.reduce((s, p) => s + on100(p), 0) / scored.length;
  return { average, projects: scored.length };
}

/** A figure in a message: never the words NaN or Infinity, which a clerk cannot act on. */
function shownNumber(value: number): string | Worded {
  if (Number.isNaN(value)) return inBoth((w) => w.nonFinite.nan);
  if (!Number.isFinite(value)) return inBoth((w) => (value > 0 ? w.nonFinite.infinity : w.nonFinite.minusInfinity));
  return String(value);
}

/**
 * A computed rate whose percent and basis points stay finite (a budget of 1e-310 万元 gives an infinite rate).
 * Far looser than MAX_RATE for rates read from cells: a 0.01 元 budget spent as 1 万元 is a real typo to report.
 */
function usableRate(rate: number): boolean {
  return Math.abs(rate) <= 1e300;
}

const AMOUNT_KEYS: (keyof Amounts)[] = ['initialBudget', 'adjustment', 'adjustedBudget', 'carryover', 'actual'];

/**
 * Every sum within the amount limit (each cell is, but 50,000 rows of 1e11 万元 are not): each project table's sums,
 * all projects' and the categories'. An error at the table's header (the categories': their total row, else the
 * first). The parser runs it too, so that these errors come with the cells' own.
 */
export function checkAmountSums(input: BudgetInput, maxAmountYuan: number, lang: Lang, findings: Finding[]): void {
  const maxWan = maxAmountYuan / 10000;
  const reported = new Set<string>();
  const check = (sum: Amounts, cell: string | null) => {
    for (const key of AMOUNT_KEYS) {
      const value = sum[key];
      if (value === null || (Number.isFinite(value) && Math.abs(value) <= maxWan) || reported.has(`${cell}|${key}`)) continue;
      reported.add(`${cell}|${key}`);
      findings.push(
        makeFinding('invalid-number', cell, lang, {
          kind: 'sum-too-large',
          column: inBoth((w) => w.amountName[key]),
          text: shownNumber(value),
          limit: inBoth((_, l) => amountLimitText(maxAmountYuan, '万元', l)),
        }),
      );
    }
  };
  const byTable = new Map<number, Amounts[]>();
  for (const project of input.projects) {
    const rows = byTable.get(project.location.table) ?? [];
    rows.push(project);
    byTable.set(project.location.table, rows);
  }
  for (const [table, rows] of byTable) check(sumAmounts(rows), tableCell(input, table));
  // All tables together: at the first table's header (each one alone is within the limit).
  if (byTable.size > 1) check(sumAmounts(input.projects), tableCell(input, input.projects[0].location.table));
  if (input.categories.length > 0) check(sumAmounts(input.categories), input.categoryTotal?.cell ?? input.categories[0].cell);
}

function tableCell(input: BudgetInput, table: number): string | null {
  const layout = input.projectTables[table];
  return layout ? cellRef(layout.sheet, layout.headerTop, layout.firstCol) : null;
}

/** The rates of the sums (each row's rates are numbers, yet a sum's may not be): reported once, then unknown. */
function checkSumRates(input: BudgetInput, projectSum: Rates, totals: Totals, lang: Lang, findings: Finding[]): void {
  const projectCell = input.projects.length > 0 ? tableCell(input, input.projects[0].location.table) : null;
  const categoryCell = input.categoryTotal?.cell ?? input.categories[0]?.cell ?? null;
  const reported = new Set<string>();
  for (const [rates, cell] of [[projectSum, projectCell], [totals, totals.source === 'projects' ? projectCell : categoryCell]] as const) {
    for (const key of ['executionRate', 'adjustmentRate'] as const) {
      const rate = rates[key];
      if (rate === null || usableRate(rate)) continue;
      if (!reported.has(`${cell}|${key}`)) {
        reported.add(`${cell}|${key}`);
        const name = key === 'executionRate' ? 'execution' : 'adjustment';
        findings.push(makeFinding('invalid-number', cell, lang, { kind: 'not-finite', column: inBoth((w) => w.rateName[name]), text: shownNumber(rate) }));
      }
      rates[key] = null;
    }
  }
}

/** Paths of the numbers in a value that are NaN or ±Infinity (dates aside); [] at once when there is none. */
export function nonFiniteNumbers(value: unknown): { path: string; value: number }[] {
  return hasNonFinite(value) ? pathsOfNonFinite(value, '', []) : [];
}

/** The walk for the common case, every number finite: no paths built (50,000 projects in a few ms, not seconds). */
function hasNonFinite(value: unknown): boolean {
  if (typeof value === 'number') return !Number.isFinite(value);
  if (value === null || typeof value !== 'object' || value instanceof Date) return false;
  // Leaves (strings, numbers) tested here rather than by a call each: a report plan has a few hundred thousand.
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      if (typeof v === 'number' ? !Number.isFinite(v) : typeof v === 'object' && v !== null && hasNonFinite(v)) return true;
    }
    return false;
  }
  const record = value as Record<string, unknown>;
  for (const key in record) {
    const v = record[key];
    if (typeof v === 'number' ? !Number.isFinite(v) : typeof v === 'object' && v !== null && hasNonFinite(v)) return true;
  }
  return false;
}

function pathsOfNonFinite(value: unknown, path: string, out: { path: string; value: number }[]): { path: string; value: number }[] {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) out.push({ path, value });
  } else if (Array.isArray(value)) {
    for (let i = 0; i < value.length && out.length < 20; i++) pathsOfNonFinite(value[i], `${path}[${i}]`, out);
  } else if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    for (const [key, inner] of Object.entries(value)) {
      if (out.length >= 20) break;
      pathsOfNonFinite(inner, path === '' ? key : `${path}.${key}`, out);
    }
  }
  return out;
}

function pickAmounts(a: Amounts): Amounts {
  return { initialBudget: a.initialBudget, adjustment: a.adjustment, adjustedBudget: a.adjustedBudget, carryover: a.carryover, actual: a.actual };
}
