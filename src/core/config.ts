// The policy numbers of the product in one typed object, with their defaults. Hosts and tests may lower the
// limits (a test of the size refusal need not build a 300 MB file); nothing else in core hard-codes them.
import type { IndicatorRules } from './score/indicators/rules';

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

export interface Config {
  limits: Limits;
  /** The indicator scoring rule: default points, qualitative bands (score/indicators/rules.ts). */
  indicators: IndicatorRules;
}

export const DEFAULT_CONFIG: Config = {
  limits: {
    maxAmountYuan: 1e15,
    // Why these figures: docs/ARCHITECTURE.md, "Size limits".
    maxSheets: 500,
    maxRowsPerSheet: 120_000,
    // What the command writes in 1.5 GB (measured: docs/BENCHMARKS.md); admits 50,000 projects and a regeneration.
    maxCells: 950_000,
    maxUncompressedBytes: 200 * 1024 * 1024,
    maxParts: 10_000,
  },
  // The indicator scoring rule (财预〔2020〕10号): points when a form gives none; qualitative bands as shares of
  // the points ([low, high], closed); an actual more than 50% above a positive target is questioned.
  indicators: {
    points: { execution: 10, output: 50, effect: 30, satisfaction: 10 },
    bands: { met: [0.8, 1], partial: [0.6, 0.8], missed: [0, 0.6] },
    farAbove: 0.5,
  },
};
