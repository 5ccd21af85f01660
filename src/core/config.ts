// The policy numbers of the product in one typed object, with their defaults. Hosts and tests may lower the
// limits (a test of the size refusal need not build a 300 MB file); nothing else in core hard-codes them.
import type { IndicatorRules } from './score/indicators/rules';
// runPipeline takes the object and passes it down; a workbook's 部门信息 thresholds and its 评分设置 sheet
// override the thresholds and the scoring for that workbook only.
import { DEFAULT_EXPLAIN_BELOW, DEFAULT_TARGET } from './model';
import { DEFAULT_SCORE_PROFILE, type ScoreProfile } from './score/profile';

export interface Limits {
  /** Largest absolute amount any single cell or any sum may hold, in 元 (no department comes near). */
  maxAmountYuan: number;
  /** Worksheets in one workbook (forms are one sheet per project: at least 200 of them). */
  maxSheets: number;
  /** Rows in one sheet (at least 50,000 project rows plus headers and totals). */
  maxRowsPerSheet: number;
  /** Non-empty cells read from the whole workbook. */
  maxCells: number;
  /** Uncompressed bytes of all the package's parts together. */
  maxUncompressedBytes: number;
  /** Parts (zip entries) in the package: a few per sheet, so 200 forms need a few hundred. */
  maxParts: number;
}

export interface Lists {
  /** Projects named one by one (二、（二）, and 三's under-target list before "N more, see Table 4"; the missed indicators in 三 likewise, before "N more, see Table 3"). */
  projects: number;
  /** The largest projects named when there are more than `projects`. */
  largest: number;
  /** Findings quoted in 三 (the rest: see 附表2). */
  findings: number;
  /** Under-target projects named in 四's first measure. */
  names: number;
}

export interface Config {
  limits: Limits;
  /** The indicator scoring rule: default points, qualitative bands (score/indicators/rules.ts). */
  indicators: IndicatorRules;
  /** The thresholds when neither a setting nor the workbook's 部门信息 gives one (fractions, in (0, 1]). */
  thresholds: { target: number; explainBelow: number };
  tolerances: {
    /** The totals table's 项目支出 against the projects' sum, in 万元: half a cent of a 万元 figure shown to 2 decimals. */
    projectTotal: number;
    /** A 合计 row against its rows, and 调整后 against 年初 + 调整数, in the table's own unit (a cent when in 元). */
    tableSum: number;
  };
  /** A project whose adjustment rate (as displayed) is beyond ± this is flagged (adjustment-over-30). */
  adjustmentWarning: number;
  /** How many items a paragraph names (the 附表 list them all). */
  lists: Lists;
  /** The scoring when the workbook has no 评分设置 sheet; a sheet's 评分参数 rows start from these bands. */
  scoring: ScoreProfile;
}

export const DEFAULT_CONFIG: Config = {
  limits: {
    maxAmountYuan: 1e15,
    // Why these figures: docs/ARCHITECTURE.md, "Size limits".
    maxSheets: 500,
    maxRowsPerSheet: 120_000,
    // What the command writes in 1.5 GB (measured: docs/BENCHMARKS.md); admits 50,000 projects and a regeneration.
    maxCells: 950_000,
    // Long texts weigh in memory several times their unzipped size: 100 MB of them peaked at 1.10 GB, 128 MB at
    // 1.39 GB, 200 MB at 1.53 GB. The regeneration over 50,000 projects is 53 MB unzipped.
    maxUncompressedBytes: 100 * 1024 * 1024,
    maxParts: 10_000,
  },
  // The indicator scoring rule (财预〔2020〕10号): points when a form gives none; qualitative bands as shares of
  // the points ([low, high], closed); an actual more than 50% above a positive target is questioned.
  indicators: {
    points: { execution: 10, output: 50, effect: 30, satisfaction: 10 },
    bands: { met: [0.8, 1], partial: [0.6, 0.8], missed: [0, 0.6] },
    farAbove: 0.5,
  },
  thresholds: { target: DEFAULT_TARGET, explainBelow: DEFAULT_EXPLAIN_BELOW },
  tolerances: { projectTotal: 0.005, tableSum: 0.01 },
  adjustmentWarning: 0.3,
  lists: { projects: 30, largest: 5, findings: 10, names: 5 },
  scoring: DEFAULT_SCORE_PROFILE,
};
