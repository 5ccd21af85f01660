// The report as a host-neutral plan of a sheet: rows of styled cells, widths, merges and print settings,
// plus the highlight to put in the clerk's own tables. The gateways only translate this into their API.
import type { CellRange, Lang } from '../model';
import { formatAmount, formatRate } from '../numbers';
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
  /** The cell's number format (numberFormatOf), decided here once for every host. */
  numberFormat: string;
}

export interface PlanRow {
  cells: PlanCell[];
  /** The first cell spans the whole width (paragraphs, headings). */
  spanAll?: boolean;
  /** Points, from the row's text and type size: hosts do not fit the height of merged or wrapped cells. */
  height?: number;
}

/**
 * Rows of one table kept by column (附表4's project rows: one per project, most of a large report): each
 * column's values, and its formulas as a few texts split where a number goes, with each row's number — as
 * Excel's own shared formulas are — instead of an object and a formula text per cell. `planRow` makes a row's
 * cells from it, the same cells a PlanRow would hold. Plain data: it crosses to the page from the worker.
 */
export interface PlanBody {
  /** The plan row of its first row: its rows are `first` … `first + count − 1` (null in `rows`). */
  first: number;
  count: number;
  columns: BodyColumn[];
  /** Per row: 1 when under target (every cell of the row filled, as PlanCell.highlight), else 0. */
  highlight: Uint8Array;
  /** Per row: its height in whole points (PlanRow.height). */
  heights: Int32Array;
}

/**
 * One column of a body. Typed arrays where the values are numbers: no number object per cell and no array grown
 * row by row (at 50,000 rows 35 MB less made and thrown away each run), and still plain data.
 */
export interface BodyColumn {
  style: CellStyle;
  format: CellFormat;
  /** Per row: a text column's texts, or a number column's numbers (see `blank`). */
  values: (string | null)[] | Float64Array;
  /** A number column's blanks: 1 where the row's cell holds no number (its 0 in `values` is none). */
  blank?: Uint8Array;
  /** Formula texts split where a number goes: `['项目支出!C', '/10000']` with 4 is `项目支出!C4/10000`. */
  templates: string[][];
  /** Per row: the index of its formula's template (-1: no formula), and the number that goes into it. */
  template: Int32Array;
  number: Int32Array;
}

/** The cell of `column` in the body's row `i` (0-based within the body). */
export function bodyCell(body: PlanBody, column: BodyColumn, i: number): PlanCell {
  const value = column.blank?.[i] === 1 ? null : column.values[i];
  const t = column.template[i];
  const { format, style } = column;
  const formula = t < 0 ? undefined : column.templates[t].join(String(column.number[i]));
  const numberFormat = numberFormatOf({ value, format, style, formula });
  const highlight = body.highlight[i] === 1;
  if (formula === undefined) return highlight ? { value, format, style, numberFormat, highlight } : { value, format, style, numberFormat };
  return highlight ? { value, format, style, numberFormat, highlight, formula } : { value, format, style, numberFormat, formula };
}

/** The body holding plan row `r`, if any. */
function bodyAt(plan: Pick<ReportPlan, 'bodies'>, r: number): PlanBody | undefined {
  for (const body of plan.bodies) if (r >= body.first && r < body.first + body.count) return body;
  return undefined;
}

/**
 * Row `r` of the report (undefined past its end): a body's row made from its columns, made again at each call
 * (gateways write a row and let it go).
 */
export function planRow(plan: Pick<ReportPlan, 'rows' | 'bodies'>, r: number): PlanRow | undefined {
  const row = plan.rows[r];
  if (row) return row;
  const body = row === null ? bodyAt(plan, r) : undefined;
  if (!body) return undefined;
  const i = r - body.first;
  const cells: PlanCell[] = new Array(body.columns.length);
  for (let c = 0; c < cells.length; c++) cells[c] = bodyCell(body, body.columns[c], i);
  return { cells, height: body.heights[i] };
}

/** Every row of the report, the bodies' made (for hosts that take the whole sheet at once, and for tests). */
export function planRows(plan: Pick<ReportPlan, 'rows' | 'bodies'>): PlanRow[] {
  const rows: PlanRow[] = new Array(plan.rows.length);
  for (let r = 0; r < rows.length; r++) rows[r] = planRow(plan, r)!;
  return rows;
}

/**
 * A table cell as text, the same in every host that does not show a live number: amounts with two decimals,
 * rates as percents ('—' when there is none), text as it is.
 */
export function cellText(cell: Pick<PlanCell, 'value' | 'format'> | undefined): string {
  const value = cell?.value ?? null;
  if (cell?.format === 'percent') return typeof value === 'number' ? formatRate(value, 'fixed') : '—';
  if (cell?.format === 'amount') return typeof value === 'number' ? formatAmount(value, 'fixed') : '';
  return value === null ? '' : String(value);
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
export function numberFormatOf(cell: Omit<PlanCell, 'numberFormat'> | undefined): string {
  if (cell?.format === 'amount') return AMOUNT_FORMAT;
  if (cell?.format === 'percent') return PERCENT_FORMAT;
  if (!cell || cell.formula || typeof cell.value !== 'string') return GENERAL_FORMAT;
  return TEXT_FORMAT;
}

/** A table of the report (0-based rows): header, body rows `first`…`last` (none when first > last), total row (-1: none). */
export interface TableRegion {
  header: number;
  first: number;
  last: number;
  total: number;
  /** Its columns' widths in characters (a merged column counts once, with the width it spans). */
  widths: number[];
  /** The plan column each of the table's columns starts at. */
  columns: number[];
  /** The note that goes with the table in every host (a sheet may add its own sentence to its note row). */
  note: string;
}

export type SummaryColumn = 'name' | 'initial' | 'adjustment' | 'adjusted' | 'carryover' | 'actual' | 'rate' | 'target' | 'status';

/** Where the report's parts are, so that no host has to find them again from the cells. */
export interface ReportRegions {
  /** 附表1, the score. */
  score: TableRegion;
  /** The score total's cell (附表1's total row, 得分). */
  scoreTotal: { row: number; col: number };
  /** 附表3, the projects' self-scores by the indicator rule; absent when no project has indicators. No total row. */
  selfScore?: TableRegion;
  /** 附表4, the projects: also each named column (-1 for 上年结转 when not shown). */
  summary: TableRegion & { named: Record<SummaryColumn, number> };
}

/** The bar chart of the projects' rates against their targets, drawn by hosts that can draw charts. */
export interface ChartPlan {
  name: string;
  title: string;
  kind: 'barClustered';
  /** The series' block (rate and target columns, header row included: the series' names), by columns. */
  data: CellRange;
  /** The project names (the categories). */
  categories: CellRange;
  /** The same series one by one: the name's cell and the values. */
  series: { name: CellRange; values: CellRange }[];
  /** Categories top to bottom in table order (the bar axis reversed). */
  reversed: boolean;
  /** Where the chart sits: below the report, across its width. */
  anchor: CellRange;
}

/** How the report prints, and the sheet's view. Margins in inches (Excel's file unit; Office.js takes points). */
export interface PageSetup {
  paper: 'A4';
  orientation: 'portrait';
  /** Pages across (1) and down (0: as many as needed). */
  fitToWidth: number;
  fitToHeight: number;
  margins: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
  /** Rows repeated on every printed page (the summary table's header). */
  printTitleRows: { top: number; bottom: number };
  showGridlines: boolean;
}

export const PAGE_SETUP_MARGINS: PageSetup['margins'] = { left: 0.6, right: 0.6, top: 0.7, bottom: 0.7, header: 0.3, footer: 0.3 };

/** A bar per project: past this many the chart is left out (it would be unreadable and slow). */
export const CHART_MAX_PROJECTS = 60;
export const CHART_NAME = 'BudgetEval_Chart';
export const CHART_TITLE: Record<Lang, string> = { zh: '项目执行率与目标', en: 'Execution rate vs target' };

export interface ReportPlan {
  sheetName: string;
  lang: Lang;
  /** The sheet of that name is the tool's earlier report and is replaced; false: it is created. */
  replaces: boolean;
  /** Column widths in characters. */
  columnWidths: number[];
  /** Every row; null where a body holds it (`planRow` reads either). */
  rows: (PlanRow | null)[];
  /** Long tables kept by column (附表4's project rows). */
  bodies: PlanBody[];
  /** Every merged area, the spanAll rows' included (one per row: hosts may join runs of them). */
  merges: CellRange[];
  regions: ReportRegions;
  chart: ChartPlan | null;
  pageSetup: PageSetup;
  /** The row of each narrative block given to composeReport (a kept paragraph's comparison row follows it). */
  blockRows: number[];
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
  /**
   * Numbers of the rows (cell values, heights) that are NaN or ±Infinity, found as each row was made, by their
   * path in `{ report }` (as nonFiniteNumbers names it); absent when every one is finite. A bug of ours: the
   * pipeline refuses such a plan.
   */
  nonFinite?: { path: string; value: number }[];
}

/** Marks that tell the tool's own sheets and rules from the clerk's; readable by ExcelJS and Office.js alike. */
export const REPORT_NAME_PREFIX = 'BudgetEval_Report';
/** Plain fills the tool put in a clerk's table (on a host without conditional formats): one defined name per range. */
export const FILL_NAME_PREFIX = 'BudgetEval_Fill';
/** A conditional-format formula that contains this literal is ours. */
export const HIGHLIGHT_MARK = 'ISTEXT("budget-eval")';
export const HIGHLIGHT_FILL = `FF${HIGHLIGHT_FILL_RGB}`;
export const HIGHLIGHT_FONT = `FF${HIGHLIGHT_FONT_RGB}`;

export interface HighlightRule {
  sheet: string;
  /** The project rows the rule covers (whole table width), as separate areas; or a form's execution cell. */
  areas: CellRange[];
  /** Formula relative to the first area's top-left cell, without the leading `=`. */
  formula: string;
}

export interface HighlightPlan {
  /** Rules that recompute a row's rate, and fixed rules (FIXED_RULE) over rows whose cells are not plain numbers. */
  rules: HighlightRule[];
  /** For a host without conditional formats: every under-target row as a fixed fill (in place of the rules). */
  fallbackFills: { sheet: string; range: CellRange }[];
}

/**
 * Whether the plan may be written over the workbook as it is now: the sheet it replaces must still be the
 * tool's, the one it creates must still be free. A problem's message, or null. Both workbook gateways ask this.
 */
export function replacementProblem(
  plan: Pick<ReportPlan, 'sheetName' | 'replaces'>,
  sheets: readonly string[],
  toolSheets: readonly string[],
): { kind: 'not-ours' | 'exists'; message: string } | null {
  const name = plan.sheetName.toLowerCase();
  if (plan.replaces && !toolSheets.some((s) => s.toLowerCase() === name)) {
    return { kind: 'not-ours', message: `refusing to replace "${plan.sheetName}": the tool did not make it` };
  }
  if (!plan.replaces && sheets.some((s) => s.toLowerCase() === name)) return { kind: 'exists', message: `the sheet "${plan.sheetName}" already exists` };
  return null;
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
