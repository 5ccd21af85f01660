// The data that flows through the pure pipeline:
//   WorkbookSnapshot ──parse──▶ BudgetInput ──evaluate──▶ Evaluation ──compose──▶ ReportPlan
// Nothing here knows about Excel, ExcelJS, the DOM or the file system.

/** An Excel error value such as #DIV/0! or #REF!, as a gateway reads it. */
import type { ScoreProfile } from './score/profile';
import type { Score } from './score/score';
import type { IndicatorResult } from './score/indicators/scoreIndicator';
import type { SelfScore } from './score/indicators/selfScore';

export interface CellError {
  error: string;
}

/**
 * A numeric cell whose stored value is not a number (`<v>12abc</v>`, `<v></v>`, `<v>NaN</v>` in the file):
 * `invalid` is the text as stored. Never read as a number; an error where a number is expected.
 */
export interface CellInvalid {
  invalid: string;
}

/** What a gateway hands the parser for one cell: the value, or a formula's cached result. */
export type CellValue = number | string | boolean | Date | CellError | CellInvalid | null;

/** A rectangle of cells, 0-based and inclusive. */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetSnapshot {
  name: string;
  /** values[row][col], 0-based from A1; rows may be ragged or missing. */
  values: CellValue[][];
  /** Merged areas; the value sits in the top-left cell. */
  merges: CellRange[];
  /**
   * numberFormats[row][col]: the number format of numeric cells whose format is not General, where the
   * gateway knows it (so that a clerk's 95% typed as 0.95 with a % format reads as shown). Optional.
   */
  numberFormats?: (string | null | undefined)[][];
}

/** Something in the input that the output workbook cannot carry (charts, pivots, images…). */
export interface UnkeptContent {
  /** In the report's language, or in both (so that the pane words the warning in its own). */
  what: string | Worded;
  where: string | Worded;
}

export interface WorkbookSnapshot {
  sheets: SheetSnapshot[];
  /** Sheets this tool made itself (recognised by its marks); never read as input. */
  toolSheets: string[];
  unkeptContent: UnkeptContent[];
}

export type Lang = 'zh' | 'en';
export type Basis = 'adjusted' | 'initial' | 'adjusted-plus-carryover';
export type NumberStyle = 'trim' | 'fixed';
export type Severity = 'error' | 'warning' | 'info';

export type FindingCode =
  | 'no-project-table'
  | 'missing-column'
  | 'not-a-number'
  | 'invalid-number'
  | 'error-value'
  | 'negative-amount'
  | 'over-budget'
  | 'total-mismatch'
  | 'project-total-mismatch'
  | 'adjusted-mismatch'
  | 'zero-budget'
  | 'needs-explanation'
  | 'adjustment-over-30'
  | 'duplicate-project'
  | 'rate-mismatch'
  | 'content-not-kept'
  | 'unnamed-row'
  | 'totals-from-projects'
  | 'defaults-used'
  | 'score-setting'
  | 'kept-edit'
  | 'kept-addition'
  | 'score-sheet-ignored'
  | 'text-truncated'
  | 'form-total-mismatch'
  | 'form-table-duplicate'
  | 'form-info-mismatch'
  | 'indicator-unknown-project'
  | 'indicator-not-comparable'
  | 'indicator-far-above-target'
  | 'indicator-above-rule'
  | 'indicator-below-rule'
  | 'indicator-missed-no-reason'
  | 'indicator-points'
  | 'form-figure-mismatch'
  | 'threshold-out-of-range'
  | 'explain-above-target';

export interface Finding {
  severity: Severity;
  code: FindingCode;
  /** `Sheet!A1` with the sheet quoted as Excel quotes it, or null for the workbook as a whole. */
  cell: string | null;
  /** In the report's language (the report and the JSON show it). */
  message: string;
  /** What the message was made from, so that the pane can word it in its own language (core/wording). */
  params: FindingParams;
}

/** Words a finding's message quotes, in both languages (a column's name, a list, a place). */
export type Worded = Record<Lang, string>;
export type FindingParams = Record<string, string | number | Worded>;

/** Options a user sets (command line, task pane); every one has a default. */
export interface EvaluationOptions {
  lang: Lang;
  basis: Basis;
  style: NumberStyle;
  /** Fractions (0.95); when set they win over the workbook's own values. */
  target?: number;
  explainBelow?: number;
  /** The date written under the report (落款); the host supplies today's. */
  reportDate: Date;
}

export const DEFAULT_TARGET = 0.95;
export const DEFAULT_EXPLAIN_BELOW = 0.9;

/** Amounts in 万元, unrounded. `null` where the table does not say. */
export interface Amounts {
  initialBudget: number | null;
  adjustment: number | null;
  adjustedBudget: number;
  carryover: number;
  actual: number;
}

/** The figures in their order (a table's money columns, the summary's columns). */
export const AMOUNT_FIELDS: readonly (keyof Amounts)[] = ['initialBudget', 'adjustment', 'adjustedBudget', 'carryover', 'actual'];

/**
 * A figure by its index in AMOUNT_FIELDS, by named loads: a load keyed by a name that changes from one call to the
 * next is a slow lookup, where a loop visits every figure of 50,000 rows.
 */
export function amountAt(a: Amounts, index: number): number | null {
  switch (index) {
    case 0:
      return a.initialBudget;
    case 1:
      return a.adjustment;
    case 2:
      return a.adjustedBudget;
    case 3:
      return a.carryover;
    default:
      return a.actual;
  }
}

/** Where a row's figures sit in the clerk's workbook, for highlights and traceable figures. */
export interface RowLocation {
  sheet: string;
  /** Index of the project's table in `BudgetInput.projectTables`. */
  table: number;
  /** 0-based row of the project in its sheet. */
  row: number;
  /** 0-based first and last column of the project table. */
  firstCol: number;
  lastCol: number;
}

export type AmountField = keyof Amounts;

/**
 * The cell a figure was read from: the report's summary table writes `=ref/divisor` there (traceable figures).
 * `formula` is false when the cell held a number as text ("1,234"), which a formula cannot use.
 */
export interface SourceCell {
  ref: string;
  divisor: number;
  formula: boolean;
}

/** The figures read from a cell; a figure the tool derived (调整后 = 年初 + 调整) has none. */
export type AmountSources = Partial<Record<AmountField, SourceCell>>;

/**
 * A table row's figures read from its own cells, as one object shared by the rows of a table that read the same
 * fields (not five objects and five references per row: 20 MB at 50,000 rows). Each reference lacks its row,
 * which is the project's (`location.row`). Read through sourceOf / sourcesOf (core/sources.ts).
 */
export interface RowSources {
  /** Per field read from the row's cell: its column's reference without the row (`项目支出!C`), as SourceCell's otherwise. */
  row: Partial<Record<AmountField, { column: string; divisor: number; formula: boolean }>>;
}

/** Where a project was read from: a row of a project table, or a 项目支出绩效自评表 form (one per sheet). */
export interface ProjectSource {
  kind: 'form' | 'table';
  sheet: string;
}

/**
 * One performance indicator (绩效指标) as the clerk wrote it, from a form or from the 绩效指标 sheet.
 * Texts are as shown in the cell (a 0.95 with a % format is "95%"); split-layout targets are joined
 * (指标性质 + 指标值 + 度量单位 → "≥95%").
 */
export interface IndicatorInput {
  /** 一级指标 without its points: 产出指标. */
  level1: string;
  /** The points written in the 一级 cell (产出指标（50分） → 50), else null. */
  level1Points: number | null;
  level2: string;
  /** 三级指标. */
  name: string;
  target: string;
  actual: string;
  /** 分值 / 权重; null when blank. */
  points: number | null;
  /** The clerk's 得分; null when blank. */
  score: number | null;
  /** 偏差原因 / 未完成原因分析; null when blank. */
  reason: string | null;
  /** `Sheet!C12`: the 三级 name cell. */
  cell: string;
  /** The clerk's 得分 cell (for the highlight when above the rule). */
  scoreCell: string | null;
}

/** What a form says besides its money and indicators: its own figures, to be checked, and its texts. */
export interface FormExtras {
  /** 预算执行率's points (分值 / 权重) and the clerk's 得分, with their cells. */
  executionPoints: number | null;
  executionScore: number | null;
  executionScoreCell: string | null;
  /** The form's own 执行率 (fraction) and its cell, to be checked against 执行数 ÷ 全年预算数 (not a table's rate check). */
  givenRate: number | null;
  givenRateCell: string | null;
  /** The 总分 / 合计 row: its 分值 and 得分. */
  totalPoints: number | null;
  totalScore: number | null;
  totalScoreCell: string | null;
  /** 主管部门, 实施单位, and the year in the title （YYYY年度）, with the cells they came from. */
  department: string | null;
  departmentCell: string | null;
  unit: string | null;
  year: number | null;
  /** 存在问题, 改进措施, 评价结论 (Sichuan) when written and not 无. */
  problems: string | null;
  improvements: string | null;
  conclusion: string | null;
  /**
   * A figure whose total row was empty or 0 and was summed from the rows under it: those cells, as one range
   * (`Sheet!B6:B8`) that the report's formulas sum (附表3's execution score). Absent when none was.
   */
  breakdownSources?: AmountSources;
}

export interface ProjectInput extends Amounts {
  name: string;
  /** Table row or form; absent means a table row (older callers). */
  source?: ProjectSource;
  /** The project's indicators (form or 绩效指标 sheet); absent or [] when none. */
  indicators?: IndicatorInput[];
  /** Present for a project read from a form. */
  form?: FormExtras;
  /** Where its figures were read: a table row's cells (RowSources) or a form's (AmountSources). Read through core/sources.ts. */
  sources: AmountSources | RowSources;
  /** The row's own target cell, when the target came from it. */
  targetSource: SourceCell | null;
  /** `Sheet!B6`: the project's name cell. */
  cell: string;
  location: RowLocation;
  /** The row's own target (fraction) when its table has a target column with a value. */
  target: number | null;
  /** A rate the clerk wrote in the table (fraction), to be checked against ours. */
  givenRate: number | null;
  givenRateCell: string | null;
  purpose: string;
  outcome: string;
  reason: string;
}

/** A row of the department totals table (基本支出, 项目支出, …). */
export interface CategoryInput extends Amounts {
  name: string;
  cell: string;
  sources: AmountSources;
}

export interface DepartmentInfo {
  name: string | null;
  year: number | null;
  target: number | null;
  explainBelow: number | null;
  responsibilities: string | null;
  annualWork: string | null;
  performanceManagement: string | null;
  unitsIncluded: string | null;
  /** The cells the target and the explain-below threshold were read from (the 依据 of sentences citing them). */
  cells?: { target?: string; explainBelow?: string };
}

/** A project table as found, for the gateways: where to highlight and how. */
export interface ProjectTableLayout {
  sheet: string;
  headerTop: number;
  headerBottom: number;
  firstCol: number;
  lastCol: number;
  /** 0-based columns of the number cells the highlight formula reads, when present. */
  columns: Partial<Record<'initial' | 'adjustment' | 'adjusted' | 'carryover' | 'actual' | 'target', number>>;
  /** Divisors that turn each column's values into 万元. */
  wanDivisor: Partial<Record<'initial' | 'adjustment' | 'adjusted' | 'carryover' | 'actual', number>>;
  /** True when the target column holds percents (header says (%)). */
  targetIsPercent: boolean;
}

export interface BudgetInput {
  info: DepartmentInfo;
  projects: ProjectInput[];
  categories: CategoryInput[];
  /** The totals table's total row, when it has one. */
  categoryTotal: CategoryInput | null;
  projectTables: ProjectTableLayout[];
  /** The 评分设置 sheet's profile; the default when absent. */
  scoreProfile?: ScoreProfile;
}

export interface Rates {
  /** adjustment / initial budget; null when the initial budget is 0 or unknown. */
  adjustmentRate: number | null;
  /** actual / denominator of the basis; null when the denominator is 0. */
  executionRate: number | null;
}

export interface ProjectResult extends ProjectInput, Rates {
  denominator: number;
  effectiveTarget: number;
  underTarget: boolean;
  /** Below the explain-below threshold: the report asks for a reason. */
  needsReason: boolean;
  /** The indicators scored by the rule ([] when none), and the project's 绩效自评 totals (null when none). */
  indicators: IndicatorResult[];
  selfScore: SelfScore | null;
}

/**
 * A table row's project as the parser makes it: the input, with the fields evaluate adds present and unset, so that
 * evaluate completes this one object in place instead of copying it into a result (at 50,000 rows the copies were a
 * sixth of the pipeline's time, mostly the collector's). evaluate does so once (completesInPlace); every other
 * project is copied, so that an Evaluation does not change after it is returned.
 */
export type PendingProject = ProjectInput & { [K in Exclude<keyof ProjectResult, keyof ProjectInput>]: undefined };

export interface CategoryResult extends CategoryInput, Rates {}

export interface Totals extends Amounts, Rates {
  source: 'totals-table' | 'projects';
  /** The totals table's total row cells, when the totals were read from one. */
  sources: AmountSources;
}

export interface Evaluation {
  department: {
    name: string | null;
    year: number | null;
    unit: '万元';
    target: number;
    explainBelow: number;
    basis: Basis;
    /** Where target and explainBelow came from, when from the workbook (not a setting or the default). */
    thresholdCells: { target?: string; explainBelow?: string };
  };
  info: DepartmentInfo;
  totals: Totals;
  /** The sum of the projects, for the summary table's totals row. */
  projectSum: Amounts & Rates;
  projects: ProjectResult[];
  categories: CategoryResult[];
  findings: Finding[];
  projectTables: ProjectTableLayout[];
  /** The 自评评分 (scoring table, total and grade). */
  score: Score;
  options: EvaluationOptions;
}
