// BudgetInput → Evaluation: rates, targets, flags and the findings that need the arithmetic.
import { cellRef } from './address';
import { DEFAULT_CONFIG, type Config } from './config';
import { amountLimitText, hasErrors, makeFinding } from './findings';
import { inBoth, type Wording } from './wording';
import { normalHash, normalise } from './headers';
import {
  AMOUNT_FIELDS,
  type Amounts,
  type AmountSources,
  type Basis,
  type BudgetInput,
  type CategoryResult,
  type Evaluation,
  type EvaluationOptions,
  type Finding,
  type Lang,
  type PendingProject,
  type ProjectInput,
  type ProjectResult,
  type Rates,
  type SourceCell,
  type Totals,
  type Worded,
} from './model';
import { displayedRate, formatAmount, formatRate } from './numbers';
import { withOverrides } from './score/indicators/rules';
import { scoreProject } from './score/indicators/selfScore';
import { computeScore } from './score/score';
import { explainBelowInEffect } from './settings';
import { isRowSources } from './sources';

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
  // One pass, no closure per field; the same additions in the same order as a reduce from 0.
  const sum = new AmountsSum();
  for (let i = 0; i < rows.length; i++) sum.add(rows[i]);
  return sum.amounts();
}

/**
 * A running sum of rows' amounts, for a sum made while the rows are made. Its fields are always numbers, so each
 * addition updates them in place (a field that may hold null gets a new number object at every addition: 10 MB a
 * pass over 50,000 rows); whether 年初 and 调整 are known is kept beside them.
 */
export class AmountsSum {
  private initialBudget = 0;
  private adjustment = 0;
  private adjustedBudget = 0;
  private carryover = 0;
  private actual = 0;
  private initialKnown = true;
  private adjustmentKnown = true;

  add(r: Amounts): void {
    // Unknown for the sum as soon as one row does not have it.
    if (r.initialBudget === null) this.initialKnown = false;
    else this.initialBudget += r.initialBudget;
    if (r.adjustment === null) this.adjustmentKnown = false;
    else this.adjustment += r.adjustment;
    this.adjustedBudget += r.adjustedBudget;
    this.carryover += r.carryover;
    this.actual += r.actual;
  }

  amounts(): Amounts {
    return {
      initialBudget: this.initialKnown ? this.initialBudget : null,
      adjustment: this.adjustmentKnown ? this.adjustment : null,
      adjustedBudget: this.adjustedBudget,
      carryover: this.carryover,
      actual: this.actual,
    };
  }
}

/** What a caller of checkAmountSums already knows of the projects: their sum, and whether they are of one table. */
export interface ProjectsSum {
  sum: Amounts;
  oneTable: boolean;
}

/** A table row's indicators: none, one frozen array for all of them (not an empty array per project). */
const NO_INDICATORS = Object.freeze([]) as unknown as ProjectResult['indicators'];

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

  // The 评分设置 sheet's indicator settings win over the configuration's.
  const indicatorRules = withOverrides(config.indicators, input.scoreProfile?.indicatorRules);
  // Set by the per-project check below: every number of every project is tested where the project is made.
  let projectsFinite = true;
  const projects: ProjectResult[] = new Array(input.projects.length);
  // The projects' sum and whether they come from one table, made in the same loop (not one more pass over each).
  const projectSumRunning = new AmountsSum();
  const firstTable = input.projects.length > 0 ? input.projects[0].location.table : -1;
  let oneTable = true;
  const evaluator = new ProjectEvaluator(input.projects, basis, lang, target, explainBelow, indicatorRules, config, findings);
  for (let index = 0; index < input.projects.length; index++) {
    const project = input.projects[index];
    projectSumRunning.add(project);
    if (project.location.table !== firstTable) oneTable = false;
    const result = evaluator.result(project, index);
    if (projectsFinite && !projectIsFinite(result)) projectsFinite = false;
    projects[index] = result;
  }

  const projectSumAmounts = projectSumRunning.amounts();
  const projectSum = withRates(projectSumAmounts, basis);

  const categories: CategoryResult[] = input.categories.map((c) => ({ ...c, ...rates(c, basis) }));
  let totals: Totals;
  if (input.categoryTotal) {
    totals = totalsOf(input.categoryTotal, basis, 'totals-table', input.categoryTotal.sources);
  } else if (input.categories.length > 0) {
    totals = totalsOf(sumAmounts(input.categories), basis, 'totals-table', {});
  } else {
    totals = totalsOf(projectSumAmounts, basis, 'projects', {});
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

  checkAmountSums(input, config.limits.maxAmountYuan, lang, findings, { sum: projectSumAmounts, oneTable });
  checkSumRates(input, projectSum, totals, lang, findings);

  const defaultsUsed: ((w: Wording) => string)[] = [];
  if (options.target === undefined && input.info.target === null) defaultsUsed.push((w) => w.defaultTarget(pct(defaults.target)));
  if (options.explainBelow === undefined && input.info.explainBelow === null) defaultsUsed.push((w) => w.defaultExplainBelow(pct(defaults.explainBelow)));
  if (defaultsUsed.length > 0) findings.push(makeFinding('defaults-used', null, lang, { what: inBoth((w) => defaultsUsed.map((d) => d(w)).join(w.clauseSeparator)) }));

  // Counted, not listed: the projects with a rate, and those of them on target.
  let rated = 0;
  let onTarget = 0;
  for (let k = 0; k < projects.length; k++) {
    const p = projects[k];
    if (p.executionRate === null) continue;
    rated++;
    if (!p.underTarget) onTarget++;
  }
  const score = computeScore(
    {
      executionRate: totals.executionRate,
      adjustmentRate: totals.adjustmentRate,
      rated,
      onTarget,
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
  // The projects were checked as they were made (projectIsFinite); the rest is walked here, and the paths are
  // looked for (a walk of the whole evaluation) only when something is not finite.
  if (!hasErrors(findings) && (!projectsFinite || hasNonFiniteBesidesProjects(evaluation))) {
    const bad = nonFiniteNumbers(evaluation);
    if (bad.length > 0) {
      findings.push(makeFinding('invalid-number', null, lang, { kind: 'not-finite', column: bad.slice(0, 5).map((b) => b.path).join(', '), text: shownNumber(bad[0].value) }));
    }
  }
  return evaluation;
}

/**
 * One project's result and the findings about it. A function of its own, called per project: it is optimised once
 * and stays so, where the same lines inside evaluate's loop ran unoptimised again after each call that threw
 * evaluate's optimised code away (a shape seen for the first time anywhere in that long function).
 */
class ProjectEvaluator {
  /** Thresholds as displayed, once: every comparison is between displayed values (see belowAsDisplayed). */
  private readonly shownTarget: number;
  private readonly shownExplainBelow: number;
  /** Said once, not per project (thousands of needs-explanation findings in a workbook mostly under target). */
  private readonly explainBelowText: string;
  private readonly names: FirstOfName;
  private readonly adjustmentWarning: number;

  constructor(
    projects: readonly ProjectInput[],
    private readonly basis: Basis,
    private readonly lang: Lang,
    private readonly target: number,
    explainBelow: number,
    private readonly indicatorRules: ReturnType<typeof withOverrides>,
    config: Config,
    private readonly findings: Finding[],
  ) {
    this.shownTarget = displayedRate(target);
    this.shownExplainBelow = displayedRate(explainBelow);
    this.explainBelowText = this.pct(explainBelow);
    this.names = new FirstOfName(projects);
    this.adjustmentWarning = config.adjustmentWarning;
  }

  private pct(rate: number): string {
    return formatRate(rate, 'fixed');
  }

  result(project: ProjectInput, index: number): ProjectResult {
    // The rates inline (rates() is the definition): no object per project that is not kept.
    const denom = denominator(project, this.basis);
    const initial = project.initialBudget;
    let adjustmentRate = initial === null || initial === 0 || project.adjustment === null ? null : project.adjustment / initial;
    let executionRate = denom > 0 ? project.actual / denom : null;
    // A rate that is not a number a report can show (a budget of 1e-300 万元): an error at the row, then unknown.
    if (executionRate !== null && !usableRate(executionRate)) {
      this.findings.push(unusableRate(project, 'execution', executionRate, this.lang));
      executionRate = null;
    }
    if (adjustmentRate !== null && !usableRate(adjustmentRate)) {
      this.findings.push(unusableRate(project, 'adjustment', adjustmentRate, this.lang));
      adjustmentRate = null;
    }
    const effectiveTarget = project.target ?? this.target;
    const shown = executionRate === null ? null : displayedRate(executionRate);
    const underTarget = shown !== null && shown < (project.target === null ? this.shownTarget : displayedRate(project.target));
    const needsReason = shown !== null && shown < this.shownExplainBelow;
    const name = project.name;
    if (denom <= 0) this.findings.push(makeFinding('zero-budget', project.cell, this.lang, { name, basis: inBoth((w) => w.basisName[this.basis]) }));
    if (denom > 0 && project.actual - denom > 5e-7) {
      this.findings.push(makeFinding('over-budget', project.cell, this.lang, { name, actual: formatAmount(project.actual, 'trim'), budget: formatAmount(denom, 'trim') }));
    }
    if (needsReason && project.reason.trim() === '') {
      this.findings.push(makeFinding('needs-explanation', project.cell, this.lang, { name, rate: this.pct(executionRate ?? 0), threshold: this.explainBelowText }));
    }
    if (adjustmentRate !== null && Math.abs(displayedRate(adjustmentRate)) > this.adjustmentWarning) {
      this.findings.push(makeFinding('adjustment-over-30', project.cell, this.lang, { name, rate: this.pct(adjustmentRate), limit: formatRate(this.adjustmentWarning, 'trim') }));
    }
    const other = this.names.earlier(index);
    if (other) this.findings.push(makeFinding('duplicate-project', project.cell, this.lang, { name, other: other.cell }));
    // A form's own 执行率 is checked by its own definition (form-figure-mismatch in scoreProject), not here.
    if (project.givenRate !== null && project.givenRateCell && project.source?.kind !== 'form') {
      if (executionRate === null ? project.givenRate !== 0 : shown !== displayedRate(project.givenRate)) {
        this.findings.push(
          makeFinding('rate-mismatch', project.givenRateCell, this.lang, { name, given: this.pct(project.givenRate), computed: executionRate === null ? '—' : this.pct(executionRate) }),
        );
      }
    }
    // A table row without indicators has nothing to score (scoreProject would say so): no object for it.
    const scoring = project.form || (project.indicators?.length ?? 0) > 0 ? scoreProject(project, executionRate, this.indicatorRules, this.lang, this.findings) : null;
    if (completesInPlace(project)) {
      // The parser's table row becomes its own result (PendingProject): no copy of its twenty fields.
      const done = project as unknown as ProjectResult;
      done.adjustmentRate = adjustmentRate;
      done.executionRate = executionRate;
      done.denominator = denom;
      done.effectiveTarget = effectiveTarget;
      done.underTarget = underTarget;
      done.needsReason = needsReason;
      done.indicators = NO_INDICATORS;
      done.selfScore = null;
      return done;
    }
    // Written out field by field (spreading ~20 fields per project was the slowest line of the pipeline); a form's
    // source and form go after the name, in the order the keys have always had (the rare path may spread).
    const plain: ProjectResult = {
      name,
      cell: project.cell,
      location: project.location,
      sources: project.sources,
      targetSource: project.targetSource,
      initialBudget: initial,
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
      adjustmentRate,
      executionRate,
      denominator: denom,
      effectiveTarget,
      underTarget,
      needsReason,
      indicators: scoring === null ? NO_INDICATORS : scoring.indicators,
      selfScore: scoring === null ? null : scoring.selfScore,
    };
    return (
      project.source === undefined && project.form === undefined
        ? plain
        : Object.assign({ name, ...(project.source ? { source: project.source } : {}), ...(project.form ? { form: project.form } : {}) }, plain)
    );
  }
}

/**
 * Whether evaluate may complete this project in place: a table row as the parser made it (its pending fields
 * present and unset) with nothing to score. Anything else is copied: a form or a row with indicators (a result's
 * indicators are not the input's), an object made elsewhere (a test's, the pane's), a project evaluated before (so
 * that a second evaluation of one input, with other settings, leaves the first one's results as they were).
 */
function completesInPlace(project: ProjectInput): project is PendingProject {
  return (
    'underTarget' in project &&
    (project as Partial<PendingProject>).underTarget === undefined &&
    project.source === undefined &&
    project.form === undefined &&
    (project.indicators === undefined || project.indicators.length === 0)
  );
}

/**
 * The duplicate check: the first project of each normalised name, in a table keyed by the name's hash
 * (normalHash), so that no normalised copy of every name is made and no Map entry either; names of one hash are
 * compared as strings. Lives for one evaluation.
 */
class FirstOfName {
  private readonly mask: number;
  /** Per slot: 1 + the index of the first project of a name, or 0 for a free slot; and that name's hash. */
  private readonly slots: Int32Array;
  private readonly hashes: Int32Array;

  constructor(private readonly projects: readonly ProjectInput[]) {
    let size = 16;
    while (size < projects.length * 2) size *= 2;
    this.mask = size - 1;
    this.slots = new Int32Array(size);
    this.hashes = new Int32Array(size);
  }

  /** The first earlier project whose name normalises as this one's does, or null (this one is then the first). */
  earlier(index: number): ProjectInput | null {
    const name = this.projects[index].name;
    const hash = normalHash(name);
    let key: string | null = null;
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const taken = this.slots[slot];
      if (taken === 0) {
        this.slots[slot] = index + 1;
        this.hashes[slot] = hash;
        return null;
      }
      if (this.hashes[slot] !== hash) continue;
      const first = this.projects[taken - 1];
      key ??= normalise(name);
      if (normalise(first.name) === key) return first;
    }
  }
}

/**
 * 项目自评平均分: Σ(rule total ÷ points × 100 × adjusted budget) ÷ Σ adjusted budget over the projects with
 * indicators (a plain mean when their budgets are all 0); null when there are none.
 */
export function projectAverage(projects: readonly ProjectResult[]): { average: number; projects: number } | null {
  // One indexed pass over the projects (a callback per project costs ten times the loop); the sums in the same
  // order as before, so the same rounding.
  let scored = 0;
  let weight = 0;
  let weighted = 0;
  let plain = 0;
  for (let k = 0; k < projects.length; k++) {
    const p = projects[k];
    if (p.selfScore === null || !(p.selfScore.points > 0)) continue;
    const on100 = (p.selfScore.ruleScore / p.selfScore.points) * 100;
    const budget = Math.max(0, p.adjustedBudget);
    scored++;
    weight += budget;
    weighted += on100 * budget;
    plain += on100;
  }
  if (scored === 0) return null;
  return { average: weight > 0 ? weighted / weight : plain / scored, projects: scored };
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

/**
 * Every sum within the amount limit (each cell is, but 50,000 rows of 1e11 万元 are not): each project table's sums,
 * all projects' and the categories'. An error at the table's header (the categories': their total row, else the
 * first). The parser runs it too, so that these errors come with the cells' own. `known`: the projects' sum (sumAmounts)
 * and whether they are of one table, when the caller made them with the projects (a pass over 50,000 rows fewer).
 */
export function checkAmountSums(input: BudgetInput, maxAmountYuan: number, lang: Lang, findings: Finding[], known?: ProjectsSum): void {
  const maxWan = maxAmountYuan / 10000;
  const reported = new Set<string>();
  const check = (sum: Amounts, cell: string | null) => {
    for (const key of AMOUNT_FIELDS) {
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
  const projects = input.projects;
  const first = projects.length > 0 ? projects[0].location.table : -1;
  if (known ? known.oneTable : projects.every((p) => p.location.table === first)) {
    // One table (the common case): its sum is all projects' sum, without a list of its rows.
    if (projects.length > 0) check(known ? known.sum : sumAmounts(projects), tableCell(input, first));
  } else {
    const byTable = new Map<number, Amounts[]>();
    for (const project of projects) {
      const rows = byTable.get(project.location.table) ?? [];
      rows.push(project);
      byTable.set(project.location.table, rows);
    }
    for (const [table, rows] of byTable) check(sumAmounts(rows), tableCell(input, table));
    // All tables together: at the first table's header (each one alone is within the limit).
    check(known ? known.sum : sumAmounts(projects), tableCell(input, first));
  }
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

/** A computed rate no report can show: an error at the project's row. */
function unusableRate(project: ProjectInput, name: 'execution' | 'adjustment', rate: number, lang: Lang): Finding {
  return makeFinding('invalid-number', project.cell, lang, { kind: 'not-finite', column: inBoth((w) => `${project.name} ${w.rateName[name]}`), text: shownNumber(rate) });
}

const finiteOrNull = (value: number | null): boolean => value === null || Number.isFinite(value);

/** A source cell's divisor (its other fields are text and a flag). */
const sourceFinite = (source: Pick<SourceCell, 'divisor'> | null | undefined): boolean => source == null || Number.isFinite(source.divisor);

/**
 * Every number of one project's result (as evaluate makes it) finite, tested field by field where the result is
 * made (the generic walk over 10,000 projects and their sources: 6 ms, this 0.5 ms). Nested parts that only forms
 * and indicators have are walked. test/core/guard.test.ts plants a NaN at every numeric path of real evaluations.
 */
export function projectIsFinite(p: ProjectResult): boolean {
  const l = p.location;
  // A table row's cells (shared by its table's rows) or a form's.
  const s = isRowSources(p.sources) ? p.sources.row : p.sources;
  return (
    finiteOrNull(p.initialBudget) &&
    finiteOrNull(p.adjustment) &&
    Number.isFinite(p.adjustedBudget) &&
    Number.isFinite(p.carryover) &&
    Number.isFinite(p.actual) &&
    finiteOrNull(p.target) &&
    finiteOrNull(p.givenRate) &&
    finiteOrNull(p.adjustmentRate) &&
    finiteOrNull(p.executionRate) &&
    Number.isFinite(p.denominator) &&
    Number.isFinite(p.effectiveTarget) &&
    Number.isFinite(l.table) &&
    Number.isFinite(l.row) &&
    Number.isFinite(l.firstCol) &&
    Number.isFinite(l.lastCol) &&
    sourceFinite(p.targetSource) &&
    sourceFinite(s.initialBudget) &&
    sourceFinite(s.adjustment) &&
    sourceFinite(s.adjustedBudget) &&
    sourceFinite(s.carryover) &&
    sourceFinite(s.actual) &&
    // Input objects with fields the check above does not know (more than the model's) are walked whole.
    !hasUnknownKeys(l, p.sources) &&
    (p.indicators.length === 0 || !hasNonFinite(p.indicators)) &&
    (p.selfScore === null || !hasNonFinite(p.selfScore)) &&
    (p.form === undefined || !hasNonFinite(p.form)) &&
    (p.source === undefined || !hasNonFinite(p.source))
  );
}

const LOCATION_KEYS = 5;

/**
 * True when the location or the sources (objects from the input) have fields projectIsFinite does not test:
 * then they are walked. The result itself is made by evaluate with the fields listed above.
 */
function hasUnknownKeys(l: ProjectResult['location'], s: ProjectResult['sources']): boolean {
  let n = 0;
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- counting keys without an array of them
  for (const _ in l) n++;
  if (n !== LOCATION_KEYS) return hasNonFinite(l);
  if (isRowSources(s)) {
    for (const key in s) if (key !== 'row') return hasNonFinite(s);
    for (const key in s.row) if (!(key in FIELD_KEYS)) return hasNonFinite(s);
    return false;
  }
  for (const key in s) if (!(key in FIELD_KEYS)) return hasNonFinite(s);
  return false;
}

const FIELD_KEYS: Record<keyof Amounts, true> = { initialBudget: true, adjustment: true, adjustedBudget: true, carryover: true, actual: true };

/** The evaluation's numbers outside its projects (those are checked as each is made). */
function hasNonFiniteBesidesProjects(ev: Evaluation): boolean {
  for (const key in ev) {
    if (key !== 'projects' && hasNonFinite((ev as unknown as Record<string, unknown>)[key])) return true;
  }
  return false;
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

/** Amounts and their rates, written out field by field: one object shape whatever the amounts came from. */
function withRates(a: Amounts, basis: Basis): Amounts & Rates {
  const { adjustmentRate, executionRate } = rates(a, basis);
  return { initialBudget: a.initialBudget, adjustment: a.adjustment, adjustedBudget: a.adjustedBudget, carryover: a.carryover, actual: a.actual, adjustmentRate, executionRate };
}

/**
 * The department totals, in one shape from each of their three sources: spreads made a differently shaped object
 * per source, and the optimised evaluate was thrown away at each call where the shape it had seen changed.
 */
function totalsOf(a: Amounts, basis: Basis, source: Totals['source'], sources: AmountSources): Totals {
  const { initialBudget, adjustment, adjustedBudget, carryover, actual, adjustmentRate, executionRate } = withRates(a, basis);
  return { initialBudget, adjustment, adjustedBudget, carryover, actual, adjustmentRate, executionRate, source, sources };
}
