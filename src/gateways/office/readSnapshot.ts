/// <reference types="office-js" />
// Excel → WorkbookSnapshot, in one batch: a fixed number of syncs whatever the size of the workbook.
//   1. the sheets and the defined names (the tool's marks: BudgetEval_Report_<n>, BudgetEval_Fill_<n>);
//   2. per sheet: the used range's position, merged areas (ExcelApi 1.13), conditional formats' types, protection;
//   3. the used ranges' values with their number formats (a date is a number shown as a date) and the custom
//      rules' formulas — in row chunks, and in more than one request only when a workbook's cells would pass the
//      response limit.
import { parseRange, rangeAddress, splitReference } from '../../core/address';
import { FILL_NAME_PREFIX, HIGHLIGHT_MARK, REPORT_NAME_PREFIX } from '../../core/compose/reportPlan';
import type { CellRange, CellValue, SheetSnapshot, WorkbookSnapshot } from '../../core/model';
import { DEFAULT_CONFIG, type Limits } from '../../core/config';
import { limitMessage, overLimit, type LimitExceeded } from '../../core/limits';
import { HostError } from '../host';
import { KEY_COLUMN } from '../../core/record/reportRecord';
import { toCellValue } from './cellValues';
import { toHostError } from './excelErrors';
import { API, MIN_EXCEL_API, officeSupports, type Supports } from './requirements';

/** Cells loaded per request: at a few dozen bytes a cell this stays under Excel on the web's 5 MB response limit. */
export const DEFAULT_MAX_READ_CELLS = 150_000;

/** A defined name the tool made: where it points (null sheet when the reference is broken, #REF!). */
export interface MarkName {
  name: string;
  sheet: string | null;
  range: CellRange | null;
}

/** A conditional format that carries HIGHLIGHT_MARK (loaded, so it can be deleted in the same Excel.run). */
export interface ToolRule {
  sheet: string;
  /** As Excel gives it, with the leading '='. */
  formula: string;
  /** Where it applies, so that it can be put back if a later step fails; null when the host cannot say. */
  areas: CellRange[] | null;
  format: Excel.ConditionalFormat;
}

export interface SheetInfo {
  name: string;
  /** Excel's id of the sheet (what change events name). */
  id: string;
  position: number;
  visible: boolean;
  protected: boolean;
}

export interface WorkbookRead {
  snapshot: WorkbookSnapshot;
  sheets: SheetInfo[];
  workbookProtected: boolean;
  /** Every defined name of the workbook, for choosing free ones. */
  names: string[];
  reportMarks: MarkName[];
  fillMarks: MarkName[];
  rules: ToolRule[];
}

export interface ReadOptions {
  supports?: Supports;
  maxReadCells?: number;
  /** The size limits (the defaults of core/config.ts unless given: tests lower them). */
  limits?: Limits;
  /** false: only the marks, rules and protection (Remove highlights), no cell values. */
  cells?: boolean;
}

/** Splits a RangeAreas address (`Sheet1!A1:B2, 'My, sheet'!C3`) at the commas outside quoted sheet names. */
export function splitAreaList(list: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of list) {
    if (ch === "'") quoted = !quoted;
    if (ch === ',' && !quoted) {
      parts.push(current.trim());
      current = '';
    } else current += ch;
  }
  if (current.trim()) parts.push(current.trim());
  return parts;
}

/** The areas of a RangeAreas address as 0-based rectangles. */
export function parseAreas(list: string): CellRange[] {
  return splitAreaList(list)
    .map((part) => parseRange(splitReference(part)?.address ?? part))
    .filter((r): r is CellRange => r !== null);
}

function markOf(item: Excel.NamedItem, sheetsByLower: Map<string, string>): MarkName {
  const ref = item.type === 'Range' && typeof item.value === 'string' ? splitReference(item.value) : null;
  const sheet = ref ? sheetsByLower.get(ref.sheet.toLowerCase()) ?? null : null;
  const range = ref && sheet ? parseRange(ref.address) : null;
  return { name: item.name, sheet: range ? sheet : null, range };
}

interface SheetReads {
  sheet: Excel.Worksheet;
  tool: boolean;
  protection: Excel.WorksheetProtection;
  used: Excel.Range | null;
  merged: Excel.RangeAreas | null;
  formats: Excel.ConditionalFormatCollection | null;
}

function queueSheetReads(sheets: Excel.Worksheet[], toolSheets: Set<string>, supports: Supports, cells: boolean, merges: boolean): SheetReads[] {
  return sheets.map((sheet) => {
    const tool = toolSheets.has(sheet.name.toLowerCase());
    const protection = sheet.protection;
    protection.load('protected');
    // The tool's report sheets too: their record (text column and KEY_COLUMN) carries the fingerprint and the
    // clerk's edits.
    const used = cells ? sheet.getUsedRangeOrNullObject(true) : null;
    used?.load('rowIndex,columnIndex,rowCount,columnCount');
    // The whole sheet rather than the used range: the used range may be a null object.
    const merged = cells && !tool && merges ? sheet.getRange().getMergedAreasOrNullObject() : null;
    merged?.load('address');
    const formats = supports(API.conditionalFormats) ? sheet.getRange().conditionalFormats : null;
    formats?.load('items/type');
    return { sheet, tool, protection, used, merged, formats };
  });
}

interface Block {
  sheet: number;
  top: number;
  left: number;
  range: Excel.Range;
  /** The range's numberFormat was loaded with its values. */
  formats: boolean;
}

export interface PendingBlock {
  sheet: number;
  top: number;
  bottom: number;
  left: number;
  right: number;
  cells: number;
}

/** Row chunks of every used range, grouped into requests of about `maxCells` cells. */
function planBlocks(reads: SheetReads[], maxCells: number): PendingBlock[][] {
  const groups: PendingBlock[][] = [];
  let current: PendingBlock[] = [];
  let cells = 0;
  reads.forEach((r, sheet) => {
    if (!r.used || r.used.isNullObject) return;
    if (r.tool) {
      // A report: only its text column and its record column, from the top.
      const bottom = r.used.rowIndex + r.used.rowCount - 1;
      for (const col of [0, KEY_COLUMN]) current.push({ sheet, top: 0, bottom, left: col, right: col, cells: bottom + 1 });
      cells += 2 * (bottom + 1);
      return;
    }
    const { rowIndex, columnIndex, rowCount, columnCount } = r.used;
    const rowsPerBlock = Math.max(1, Math.floor(maxCells / Math.max(1, columnCount)));
    for (let top = rowIndex; top < rowIndex + rowCount; top += rowsPerBlock) {
      const bottom = Math.min(rowIndex + rowCount - 1, top + rowsPerBlock - 1);
      const blockCells = (bottom - top + 1) * columnCount;
      if (cells + blockCells > maxCells && current.length > 0) {
        groups.push(current);
        current = [];
        cells = 0;
      }
      current.push({ sheet, top, bottom, left: columnIndex, right: columnIndex + columnCount - 1, cells: blockCells });
      cells += blockCells;
    }
  });
  if (current.length > 0) groups.push(current);
  return groups;
}

/**
 * Loads each group of blocks and syncs after it (recursive: the number of groups follows the payload). `requeue`
 * queues again the loads that travel with the first group (the rules' formulas), for a request sent again.
 */
async function loadBlocks(
  context: Excel.RequestContext,
  reads: SheetReads[],
  groups: PendingBlock[][],
  budget: { maxCells: number; requeue: () => void },
  loaded: Block[] = [],
): Promise<Block[]> {
  if (groups.length === 0) return loaded;
  const [first, ...rest] = groups;
  const blocks = first.map((b) => {
    const range = reads[b.sheet].sheet.getRange(rangeAddress(b));
    // The number formats in the same request (ExcelApi 1.1, no extra sync): a date is a serial number in `values`,
    // only its format tells a clerk's date from an amount. Not for the tool's reports (their record is text).
    const formats = !reads[b.sheet].tool;
    if (formats) range.load('values,numberFormat');
    else range.load('values');
    return { sheet: b.sheet, top: b.top, left: b.left, range, formats };
  });
  try {
    await context.sync();
  } catch (error) {
    const sent = first.reduce((n, b) => n + b.cells, 0);
    const smaller = Math.floor(Math.min(budget.maxCells, sent) / 4);
    const width = Math.max(...first.map((b) => b.right - b.left + 1));
    if (toHostError(error).code !== 'too-large' || smaller < width || first.every((b) => b.top === b.bottom)) throw error;
    // The cells weigh more than budgeted (long number formats such as accounting ones, long text): the rest again
    // in requests of a quarter of the cells refused. Only a response over the host's limit costs these syncs.
    budget.requeue();
    return loadBlocks(context, reads, regroup([first, ...rest], smaller), { ...budget, maxCells: smaller }, loaded);
  }
  return loadBlocks(context, reads, rest, budget, [...loaded, ...blocks]);
}

/** The same blocks in groups of at most `maxCells` cells (a block longer than that cut into row chunks). */
export function regroup(groups: PendingBlock[][], maxCells: number): PendingBlock[][] {
  const out: PendingBlock[][] = [];
  let current: PendingBlock[] = [];
  let cells = 0;
  for (const block of groups.flat()) {
    const width = block.right - block.left + 1;
    const rowsPerBlock = Math.max(1, Math.floor(maxCells / width));
    for (let top = block.top; top <= block.bottom; top += rowsPerBlock) {
      const bottom = Math.min(block.bottom, top + rowsPerBlock - 1);
      const chunk = { ...block, top, bottom, cells: (bottom - top + 1) * width };
      if (cells + chunk.cells > maxCells && current.length > 0) {
        out.push(current);
        current = [];
        cells = 0;
      }
      current.push(chunk);
      cells += chunk.cells;
    }
  }
  if (current.length > 0) out.push(current);
  return out;
}

function sheetValues(blocks: Block[]): { values: CellValue[][]; numberFormats: string[][] } {
  const values: CellValue[][] = [];
  const numberFormats: string[][] = [];
  for (const block of blocks) {
    const rows = block.range.values;
    const formats: unknown[][] | null = block.formats ? block.range.numberFormat : null;
    rows.forEach((row, i) => {
      // Blocks of one sheet may share rows (a report's two columns): fill in, never replace.
      const cells: CellValue[] = values[block.top + i] ?? [];
      for (let c = cells.length; c < block.left; c++) cells.push(null);
      const rowFormats = formats?.[i];
      row.forEach((v, j) => {
        const value = toCellValue(v, rowFormats?.[j]);
        cells[block.left + j] = value;
        // A number's own format (a clerk's 95% is 0.95 under `0%`), already loaded with the values: no extra sync.
        const format = rowFormats?.[j];
        if (typeof value === 'number' && typeof format === 'string' && format !== '' && !/^general$/i.test(format)) {
          (numberFormats[block.top + i] ??= [])[block.left + j] = format;
        }
      });
      values[block.top + i] = cells;
    });
  }
  for (let r = 0; r < values.length; r++) if (!values[r]) values[r] = [];
  return { values, numberFormats };
}

/**
 * The same limits as the .xlsx reader: sheets, rows per sheet, cells (here the used ranges' area: Excel tells
 * their size, not how many cells hold something). The tool's own report sheets are read two columns wide and
 * are not the clerk's data: left out.
 */
function overWorkbookLimits(reads: SheetReads[], limits: Limits): LimitExceeded | null {
  const sheets = overLimit(limits, 'maxSheets', reads.length);
  if (sheets) return sheets;
  let cells = 0;
  for (const r of reads) {
    if (!r.used || r.used.isNullObject || r.tool) continue;
    cells += r.used.rowCount * r.used.columnCount;
    const exceeded = overLimit(limits, 'maxRowsPerSheet', r.used.rowCount, r.sheet.name) ?? overLimit(limits, 'maxCells', cells, r.sheet.name);
    if (exceeded) return exceeded;
  }
  return null;
}

export async function readSnapshot(context: Excel.RequestContext, options: ReadOptions = {}): Promise<WorkbookRead> {
  const supports = options.supports ?? officeSupports;
  const wantCells = options.cells ?? true;
  if (!supports(MIN_EXCEL_API)) throw new HostError('unsupported', `ExcelApi ${MIN_EXCEL_API} is needed (this Excel is older)`);

  // 1. Sheets and names.
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name,items/id,items/position,items/visibility');
  const nameItems = context.workbook.names;
  nameItems.load('items/name,items/type,items/value');
  const workbookProtection = supports(API.workbookProtection) ? context.workbook.protection : null;
  workbookProtection?.load('protected');
  await context.sync();

  const sheetsByLower = new Map(worksheets.items.map((s) => [s.name.toLowerCase(), s.name]));
  const reportMarks = nameItems.items.filter((n) => n.name.startsWith(REPORT_NAME_PREFIX)).map((n) => markOf(n, sheetsByLower));
  const fillMarks = nameItems.items.filter((n) => n.name.startsWith(FILL_NAME_PREFIX)).map((n) => markOf(n, sheetsByLower));
  const toolSheets = [...new Set(reportMarks.map((m) => m.sheet).filter((s): s is string => s !== null))];
  const toolSet = new Set(toolSheets.map((s) => s.toLowerCase()));

  // 2. Per sheet: where the used range is, merges, rules, protection. A sheet with more than 512 merged areas
  // makes getMergedAreasOrNullObject fail; the read is then repeated without merges rather than given up.
  const withMerges = wantCells && supports(API.mergedAreas);
  let reads = queueSheetReads(worksheets.items, toolSet, supports, wantCells, withMerges);
  try {
    await context.sync();
  } catch (error) {
    if (!withMerges) throw error;
    reads = queueSheetReads(worksheets.items, toolSet, supports, wantCells, false);
    await context.sync();
  }

  // The size limits, from the used ranges' sizes already loaded: no extra sync, and no value loaded yet.
  if (wantCells) {
    const exceeded = overWorkbookLimits(reads, options.limits ?? DEFAULT_CONFIG.limits);
    if (exceeded) throw new HostError('limit', limitMessage(exceeded, 'en'), exceeded);
  }

  // 3. Values and rule formulas (the formulas travel with the first group of values).
  const customRules = reads.flatMap((r, sheet) =>
    (r.formats?.items ?? [])
      .filter((format) => format.type === 'Custom')
      .map((format) => {
        const rule = format.custom.rule;
        rule.load('formula');
        // Several areas need RangeAreas (1.9); before that only a single-area rule can tell its range.
        const ranges = supports(API.rangeAreas) ? format.getRanges() : format.getRangeOrNullObject();
        ranges.load('address');
        return { sheet, format, rule, ranges };
      }),
  );
  const maxCells = options.maxReadCells ?? DEFAULT_MAX_READ_CELLS;
  const groups = planBlocks(reads, maxCells);
  if (groups.length === 0 && customRules.length > 0) await context.sync();
  const requeue = () => customRules.forEach((c) => (c.rule.load('formula'), c.ranges.load('address')));
  const blocks = await loadBlocks(context, reads, groups, { maxCells, requeue });

  const sheets: SheetSnapshot[] = reads.map((r, index) => {
    const { values, numberFormats } = wantCells ? sheetValues(blocks.filter((b) => b.sheet === index)) : { values: [], numberFormats: [] };
    const merges = r.merged && !r.merged.isNullObject ? parseAreas(r.merged.address) : [];
    return { name: r.sheet.name, values, merges, ...(numberFormats.length > 0 ? { numberFormats } : {}) };
  });
  const rules: ToolRule[] = customRules
    .filter((c) => c.rule.formula.includes(HIGHLIGHT_MARK))
    .map((c) => ({ sheet: reads[c.sheet].sheet.name, formula: c.rule.formula, areas: c.ranges.isNullObject ? null : parseAreas(c.ranges.address), format: c.format }));

  return {
    snapshot: { sheets, toolSheets, unkeptContent: [] },
    sheets: worksheets.items.map((s, i) => ({ name: s.name, id: s.id, position: s.position, visible: s.visibility === 'Visible', protected: reads[i].protection.protected })),
    workbookProtected: workbookProtection?.protected ?? false,
    names: nameItems.items.map((n) => n.name),
    reportMarks,
    fillMarks,
    rules,
  };
}
