// The report as a host-neutral plan of a sheet: rows of styled cells, widths, merges and print settings,
// plus the highlight to put in the clerk's own tables. The gateways only translate this into their API.
import type { CellRange, Lang } from '../model';
import { WORDING } from '../wording';
import { HIGHLIGHT_FILL_RGB, HIGHLIGHT_FONT_RGB } from './reportStyle';

export type CellFormat = 'text' | 'amount' | 'percent';

export type CellStyle =
  | 'title'
  | 'heading1'
  | 'heading2'
  | 'paragraph'
  | 'sources'
  | 'signature'
  | 'caption'
  | 'tableHeader'
  | 'tableCell'
  | 'tableTotal'
  | 'note'
  /** The text generated now, under a paragraph the clerk rewrote (kept). */
  | 'comparison';

export interface PlanCell {
  /** The value, or a formula's computed result (stored with it: readers that do not calculate see it). */
  value: string | number | null;
  /** A formula without its `=`, in A1 references (other sheets quoted as Excel quotes them). */
  formula?: string;
  format: CellFormat;
  style: CellStyle;
  /** Under-target row of the summary table: filled (the report is a snapshot). */
  highlight?: boolean;
}

export interface PlanRow {
  cells: PlanCell[];
  /** The first cell spans the whole width (paragraphs, headings). */
  spanAll?: boolean;
  /** Points, from the row's text and type size: hosts do not fit the height of merged or wrapped cells. */
  height?: number;
}

/** Excel's limits on what a cell and a row hold: characters of text (UTF-16 units), and points of height. */
export const MAX_CELL_TEXT = 32_767;
export const MAX_ROW_HEIGHT = 409;
/** What ends a text cut at the cell limit, so that a reader sees it was cut. */
export const TRUNCATION_MARK: Record<Lang, string> = { zh: WORDING.zh.report.truncated, en: WORDING.en.report.truncated };

/** `text` as it fits in one cell: cut with the mark when over `max`, never inside a surrogate pair. */
export function fitCellText(text: string, lang: Lang, max = MAX_CELL_TEXT): string {
  if (text.length <= max) return text;
  const mark = TRUNCATION_MARK[lang];
  let end = max - mark.length;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--; // a high surrogate whose partner would be cut off
  return text.slice(0, end) + mark;
}

/** The number formats a report cell gets, the same in every host. */
export const TEXT_FORMAT = '@';
export const AMOUNT_FORMAT = '#,##0.00';
export const PERCENT_FORMAT = '0.00%';
export const GENERAL_FORMAT = 'General';

/**
 * Text the tool writes (names, reasons, the clerk's wording, findings) is formatted as text, so that no host
 * re-parses it (`=…`, `1e5`, `2021-1`); a formula that yields text (the status) must not be: Excel would keep
 * the formula itself as text.
 */
export function numberFormatOf(cell: PlanCell | undefined): string {
  if (cell?.format === 'amount') return AMOUNT_FORMAT;
  if (cell?.format === 'percent') return PERCENT_FORMAT;
  if (!cell || cell.formula || typeof cell.value !== 'string') return GENERAL_FORMAT;
  return TEXT_FORMAT;
}

export interface ReportPlan {
  sheetName: string;
  lang: Lang;
  /** Column widths in characters. */
  columnWidths: number[];
  rows: PlanRow[];
  /** 0-based rows of the summary table's header, repeated on every printed page. */
  summaryHeaderRow: number;
  /** Merged areas besides the spanAll rows. */
  merges: CellRange[];
  /** The fingerprint of the data the report was made from. */
  fingerprint: string;
  /**
   * The summary table's project rows as a rule that follows the status formula (a host with conditional
   * formats draws this instead of the cells' fixed `highlight`): formula relative to the range's top-left cell.
   */
  summaryRule: { range: CellRange; formula: string } | null;
  /** The report's record (core/record/reportRecord.ts): text per row of the hidden column `keyColumn`. */
  keys: { row: number; text: string }[];
  keyColumn: number;
  /** Cells whose text was cut at MAX_CELL_TEXT (0-based), with the length it had; absent when none was. */
  truncated?: { row: number; col: number; length: number }[];
}

/** Marks that tell the tool's own sheets and rules from the clerk's; readable by ExcelJS and Office.js alike. */
export const REPORT_NAME_PREFIX = 'BudgetEval_Report';
/** Plain fills the tool put in a clerk's table (where a rule could not be used): one defined name per range. */
export const FILL_NAME_PREFIX = 'BudgetEval_Fill';
/** A conditional-format formula that contains this literal is ours. */
export const HIGHLIGHT_MARK = 'ISTEXT("budget-eval")';
export const HIGHLIGHT_FILL = `FF${HIGHLIGHT_FILL_RGB}`;
export const HIGHLIGHT_FONT = `FF${HIGHLIGHT_FONT_RGB}`;

export interface HighlightRule {
  sheet: string;
  /** The project rows the rule covers (whole table width), as separate areas. */
  areas: CellRange[];
  /** Formula relative to the first area's top-left cell, without the leading `=`. */
  formula: string;
}

export interface HighlightPlan {
  rules: HighlightRule[];
  /** Under-target rows whose cells are not plain numbers: a fixed fill instead of a rule. */
  fills: { sheet: string; range: CellRange }[];
}

const BASE_NAME: Record<Lang, string> = { zh: WORDING.zh.report.sheetName, en: WORDING.en.report.sheetName };

/**
 * The report sheet's name: the first of `绩效自评报告`, `绩效自评报告 (2)`, … that is either the tool's own
 * sheet (replaced) or free (created). A clerk's own sheet of that name is never touched.
 */
export function chooseReportSheetName(lang: Lang, existing: readonly string[], toolSheets: readonly string[]): { name: string; replaces: boolean } {
  const lower = new Set(existing.map((s) => s.toLowerCase()));
  const tool = new Set(toolSheets.map((s) => s.toLowerCase()));
  for (let n = 1; ; n++) {
    const name = n === 1 ? BASE_NAME[lang] : `${BASE_NAME[lang]} (${n})`;
    if (tool.has(name.toLowerCase())) return { name, replaces: true };
    if (!lower.has(name.toLowerCase())) return { name, replaces: false };
  }
}
