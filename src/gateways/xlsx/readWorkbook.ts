// .xlsx → WorkbookSnapshot, with ExcelJS. Runs in Node and in the browser (no fs here: bytes in).
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { parseRange, splitReference } from '../../core/address';
import { REPORT_NAME_PREFIX } from '../../core/compose/reportPlan';
import { DEFAULT_CONFIG, type Limits } from '../../core/config';
import { limitMessage, overLimit, type LimitExceeded } from '../../core/limits';
import type { CellValue, Lang, SheetSnapshot, UnkeptContent, WorkbookSnapshot } from '../../core/model';
import { KEY_COLUMN, parseKey } from '../../core/record/reportRecord';
import { words } from '../../core/wording';
import { ExcelJsChangedError, loadWithExcelJS, sheetMerges, type ExcelLoad, type SheetPart } from './excelAdapter';
import { scanSheetXml } from './sheetXml';
import { findUnkeptContent } from './unkeptContent';
import { declaredSize } from './zipParts';

/** ExcelJS's cell value → the pipeline's: formulas give their cached result, rich text its plain text. */
export function toCellValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  // Infinity (`<v>1e999</v>`) or NaN is no amount: the parser reports it at its cell.
  if (typeof value === 'number') return Number.isFinite(value) ? value : { invalid: String(value) };
  if (typeof value === 'string' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('error' in value) return { error: String(value.error) };
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('formula' in value || 'sharedFormula' in value) {
      const result = (value as ExcelJS.CellFormulaValue).result;
      if (result === undefined) return null;
      return toCellValue(result as ExcelJS.CellValue);
    }
    if ('text' in value) return String((value as ExcelJS.CellHyperlinkValue).text);
  }
  return null;
}

/** `invalid`: the numeric cells of this sheet whose stored text is not a number (address → text). */
function sheetSnapshot(ws: ExcelJS.Worksheet, invalid: ReadonlyMap<string, string> | undefined): SheetSnapshot {
  const values: CellValue[][] = [];
  const numberFormats: string[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const v = cell.type === ExcelJS.ValueType.Merge ? null : toCellValue(cell.value);
      // ExcelJS leaves a cached result of 0 out of `value`; `result` still has it.
      const value = v === null && cell.type === ExcelJS.ValueType.Formula ? toCellValue(cell.result as ExcelJS.CellValue) : v;
      cells[colNumber - 1] = value;
      // A number's format, so a clerk's 95% (0.95 under `0%`) reads as shown; General is the default and left out.
      const format = typeof value === 'number' ? cell.numFmt : undefined;
      if (format && !/^general$/i.test(format)) (numberFormats[rowNumber - 1] ??= [])[colNumber - 1] = format;
    });
    values[rowNumber - 1] = cells;
  });
  // ExcelJS has read these as a number or as blank: the stored text replaces that guess.
  for (const [address, text] of invalid ?? []) {
    const at = parseRange(address);
    if (!at) continue;
    const cells = (values[at.top] ??= []);
    cells[at.left] = { invalid: text };
  }
  return { name: ws.name, values, merges: sheetMerges(ws), ...(numberFormats.length > 0 ? { numberFormats } : {}) };
}

/**
 * A report sheet of the tool's as the pipeline reads it, and as the Office gateway reads it: its text column and
 * its record column (core/record/reportRecord.ts), not the tables under the narrative (half a million cells at
 * 50,000 projects, which the snapshot would hold through the whole run).
 */
function recordSnapshot(ws: ExcelJS.Worksheet): SheetSnapshot {
  const values: CellValue[][] = [];
  // The record ends at its end mark (the narrative's last row): what follows is tables, which it does not read.
  let ended = false;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (ended) return;
    const cells: CellValue[] = [];
    for (const col of [0, KEY_COLUMN]) {
      // findCell: a read must not add cells to the workbook the command writes back (getCell would).
      const cell = row.findCell(col + 1);
      if (!cell || cell.type === ExcelJS.ValueType.Merge) continue;
      const value = toCellValue(cell.value);
      if (value !== null) cells[col] = value;
    }
    if (cells.length > 0) values[rowNumber - 1] = cells;
    const key = cells[KEY_COLUMN];
    if (typeof key === 'string' && parseKey(key)?.kind === 'end') ended = true;
  });
  return { name: ws.name, values, merges: [] };
}

/** Sheets the tool made itself, from the defined names that mark them. */
export function toolSheetNames(wb: ExcelJS.Workbook): string[] {
  const names: string[] = [];
  for (const entry of wb.definedNames.model) {
    if (!entry.name.startsWith(REPORT_NAME_PREFIX)) continue;
    for (const range of entry.ranges) {
      const ref = splitReference(range);
      if (ref) names.push(ref.sheet);
    }
  }
  return names;
}

export type UnreadableReason = 'encrypted' | 'not-xlsx' | 'corrupt' | 'too-large';

export class UnreadableWorkbookError extends Error {
  constructor(
    /** For 'corrupt' and 'too-large', the whole sentence for the clerk, in the language asked for. */
    message: string,
    readonly reason: UnreadableReason,
    extra: { limit?: LimitExceeded; detail?: string } = {},
  ) {
    super(message);
    this.limit = extra.limit;
    this.detail = extra.detail;
  }

  /** For 'too-large': which limit, so that each host can word it in its own language. */
  readonly limit?: LimitExceeded;
  /** For 'corrupt': what was wrong, without the advice (the pane words its own). */
  readonly detail?: string;
}

export interface LoadedWorkbook {
  workbook: ExcelJS.Workbook;
  snapshot: WorkbookSnapshot;
}

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

/** What the output cannot keep, worded in both languages (the same list in the same order) for the pane's sake. */
async function unkeptInBoth(zip: JSZip): Promise<UnkeptContent[]> {
  const [zh, en] = await Promise.all([findUnkeptContent(zip, 'zh'), findUnkeptContent(zip, 'en')]);
  const text = (v: UnkeptContent['what'], lang: Lang) => (typeof v === 'string' ? v : v[lang]);
  return zh.map((c, i) => ({ what: { zh: text(c.what, 'zh'), en: text(en[i].what, 'en') }, where: { zh: text(c.where, 'zh'), en: text(en[i].where, 'en') } }));
}

/** Stops ExcelJS's load from inside the sheet hook. */
class OverLimit extends Error {
  constructor(readonly exceeded: LimitExceeded) {
    super(exceeded.limit);
  }
}

function tooLarge(exceeded: LimitExceeded, lang: Lang): UnreadableWorkbookError {
  return new UnreadableWorkbookError(limitMessage(exceeded, lang), 'too-large', { limit: exceeded });
}

function damaged(detail: string, lang: Lang): UnreadableWorkbookError {
  return new UnreadableWorkbookError(
    words(lang).unreadable.damaged(detail),
    'corrupt',
    { detail },
  );
}

/**
 * The namespace prefix of an XML part's root element (`x` for `<x:worksheet …>`), or null. Some producers write
 * the SpreadsheetML elements prefixed; ExcelJS cannot read such parts (exceljs #1437: it fails or reads them
 * empty), so they are refused with what to do rather than called damaged or read wrong. Only the root tag is looked at: past the declaration, comments and whitespace.
 */
export function rootPrefix(xml: string): string | null {
  const root = /^(?:\uFEFF)?(?:\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->)*<([A-Za-z_][\w.-]*):[A-Za-z_][\w.-]*[\s/>]/.exec(xml.slice(0, 4096));
  return root ? root[1] : null;
}

class PrefixedPart extends Error {
  constructor(readonly part: string) {
    super(part);
  }
}

function prefixedWorkbook(part: string, lang: Lang): UnreadableWorkbookError {
  return new UnreadableWorkbookError(
    words(lang).unreadable.prefixed(part),
    'not-xlsx',
  );
}

/** The package's directory, checked against the limits before anything is unzipped. */
function checkDirectory(zip: JSZip, limits: Limits, lang: Lang): void {
  const files = Object.values(zip.files).filter((f) => !f.dir);
  const sheets = files.filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f.name)).length;
  const exceeded =
    overLimit(limits, 'maxParts', files.length) ??
    overLimit(limits, 'maxSheets', sheets) ??
    overLimit(limits, 'maxUncompressedBytes', files.reduce((sum, f) => sum + declaredSize(f), 0));
  if (exceeded) throw tooLarge(exceeded, lang);
}

/**
 * Reads an .xlsx file's bytes. Encrypted files and old binary formats are told apart from broken ones; a file
 * over the size limits (core/config.ts) is refused before it is parsed: from the zip's directory first, then
 * each sheet from its text, before ExcelJS makes its rows.
 */
export async function loadWorkbook(bytes: Uint8Array, lang: Lang = 'zh', limits: Limits = DEFAULT_CONFIG.limits): Promise<LoadedWorkbook> {
  if (OLE_MAGIC.every((b, i) => bytes[i] === b)) {
    // Both an encrypted .xlsx and an old .xls / .et live in an OLE compound file.
    throw new UnreadableWorkbookError('encrypted or old binary workbook', 'encrypted');
  }
  let zip: JSZip;
  try {
    // The directory only: nothing is unzipped yet.
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new UnreadableWorkbookError('not an .xlsx file', 'not-xlsx');
  }
  if (!zip.file('xl/workbook.xml')) throw new UnreadableWorkbookError('not an .xlsx workbook', 'not-xlsx');
  checkDirectory(zip, limits, lang);
  try {
    // Every part's checksum, in a streaming pass that holds no part in memory: a changed byte is a damaged file,
    // never a different project name.
    zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
  } catch (error) {
    // JSZip's words ("Corrupted zip : CRC32 mismatch", "Bug : uncompressed data size mismatch") in the clerk's.
    const message = (error as Error).message;
    const w = words(lang).unreadable;
    const detail = /crc32/i.test(message) ? w.checksum : /size mismatch/i.test(message) ? w.partSize : message;
    throw damaged(detail, lang);
  }

  if (rootPrefix(await zip.file('xl/workbook.xml')!.async('string')) !== null) throw prefixedWorkbook('xl/workbook.xml', lang);

  const invalidByPart = new Map<string, Map<string, string>>();
  let cells = 0;
  const beforeSheet = (part: SheetPart) => {
    if (rootPrefix(part.xml) !== null) throw new PrefixedPart(part.path);
    const facts = scanSheetXml(part.xml);
    const sheet = part.name ?? part.path;
    cells += facts.cells + facts.mergedCells;
    const exceeded =
      overLimit(limits, 'maxRowsPerSheet', Math.max(facts.dimensionRows, facts.rows), sheet) ?? overLimit(limits, 'maxCells', cells, sheet);
    if (exceeded) throw new OverLimit(exceeded);
    if (facts.invalid.size > 0) invalidByPart.set(part.path, facts.invalid);
  };
  let loaded: ExcelLoad;
  try {
    loaded = await loadWithExcelJS(bytes, zip, beforeSheet);
  } catch (error) {
    if (error instanceof OverLimit) throw tooLarge(error.exceeded, lang);
    if (error instanceof PrefixedPart) throw prefixedWorkbook(error.part, lang);
    if (error instanceof ExcelJsChangedError) throw error;
    throw damaged((error as Error).message, lang);
  }
  const { workbook, partOfSheet } = loaded;
  const toolSheets = toolSheetNames(workbook);
  const tool = new Set(toolSheets);
  const snapshot: WorkbookSnapshot = {
    sheets: workbook.worksheets.map((ws) => (tool.has(ws.name) ? recordSnapshot(ws) : sheetSnapshot(ws, invalidByPart.get(partOfSheet.get(ws.name) ?? '')))),
    toolSheets,
    unkeptContent: await unkeptInBoth(zip),
  };
  return { workbook, snapshot };
}
