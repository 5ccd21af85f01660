// The one module that reaches into ExcelJS (4.4) beyond its typed API. Each use below says why; each has a test
// in test/gateways/xlsx/excelAdapter.test.ts that fails if an ExcelJS upgrade changes it, for the Node build
// (lib/) and the browser build (dist/exceljs.min.js) alike — so only instance members are used, never deep
// imports, which the browser build does not have (one exception, Node only: the writer, at the end).
import ExcelJS from 'exceljs';
import XmlStreamModule from 'exceljs/lib/utils/xml-stream';
import WorkbookXformModule from 'exceljs/lib/xlsx/xform/book/workbook-xform';
import CommentsXformModule from 'exceljs/lib/xlsx/xform/comment/comments-xform';
import VmlNotesXformModule from 'exceljs/lib/xlsx/xform/comment/vml-notes-xform';
import RelationshipsXformModule from 'exceljs/lib/xlsx/xform/core/relationships-xform';
import WorksheetXformModule from 'exceljs/lib/xlsx/xform/sheet/worksheet-xform';
import SharedStringsXformModule from 'exceljs/lib/xlsx/xform/strings/shared-strings-xform';
import StylesXformModule from 'exceljs/lib/xlsx/xform/style/styles-xform';
import UtilsModule from 'exceljs/lib/utils/utils';
import JSZip from 'jszip';
import { cellAddress, parseRange } from '../../core/address';
import type { CellRange } from '../../core/model';

/** ExcelJS's worksheet model as its reader builds it (the part the adapter touches). */
interface WorksheetModel {
  name?: string;
  /** `<mergeCell ref>` values, applied by the Worksheet's model setter. */
  mergeCells?: string[];
}

interface ReadModel {
  worksheets: WorksheetModel[];
  worksheetHash: Record<string, WorksheetModel>;
}

/** The part a sheet's relationship points at, as ExcelJS's WorkbookXform.reconcile resolves it. */
function partOf(target: string): string {
  return `xl/${target.replace(/^(\s|\/xl\/)+/, '')}`;
}

/**
 * `workbook.xlsx` (ExcelJS's XLSX class). Its load() calls these through `this`, so wrapping them on the
 * instance changes that one load and nothing else.
 */
interface XlsxInternals {
  /** xl/workbook.xml → its model (sheets with their relationship ids); load() calls it for that part. */
  parseWorkbook(stream: AsyncIterable<unknown>): Promise<{ sheets?: { name: string; rId: string }[] }>;
  /** A .rels part → its relationships. */
  parseRels(stream: AsyncIterable<unknown>): Promise<{ Id: string; Target: string }[]>;
  /** Called by load() for each xl/worksheets/sheetN.xml, with the part's text as chunks of strings. */
  _processWorksheetEntry(stream: AsyncIterable<unknown>, model: ReadModel, sheetNo: string, options: unknown, path: string): Promise<void>;
  /** Called by load() once every part is parsed, before the model goes to `workbook.model`. */
  reconcile(model: ReadModel, options: unknown): void;
}

/** A worksheet's merge index: master cell's address → the merged range (1-based). Filled by mergeCells. */
type MergeIndex = Record<string, { top: number; left: number; bottom: number; right: number }>;

interface WorksheetInternals {
  _merges: MergeIndex;
}

/** Thrown when this ExcelJS no longer has what the adapter relies on: loud, never a silent wrong read. */
export class ExcelJsChangedError extends Error {}

function xlsxInternals(workbook: ExcelJS.Workbook): XlsxInternals {
  const xlsx = workbook.xlsx as unknown as Partial<XlsxInternals>;
  const missing = (['_processWorksheetEntry', 'reconcile', 'parseWorkbook', 'parseRels'] as const).filter((m) => typeof xlsx[m] !== 'function');
  if (missing.length > 0) {
    throw new ExcelJsChangedError(`ExcelJS changed: workbook.xlsx has no ${missing.join(', ')}`);
  }
  return xlsx as XlsxInternals;
}

function mergeIndex(ws: ExcelJS.Worksheet): MergeIndex {
  const index = (ws as unknown as Partial<WorksheetInternals>)._merges;
  if (!index || typeof index !== 'object') throw new ExcelJsChangedError('ExcelJS changed: a worksheet has no _merges index');
  return index;
}

/** Chunks of a part's text, as ExcelJS's own load() feeds its parser (16 K characters each). */
function* chunks(text: string): Generator<string> {
  for (let i = 0; i < text.length; i += 16384) yield text.substring(i, i + 16384);
}

/**
 * Applies a sheet's merges in linear time. ExcelJS's mergeCells checks each new merge against every earlier one
 * (exceljs #637, #2689), also when a file is read: 40,000 merges cost 800 million checks. Here each merge still
 * goes through ExcelJS's own mergeCellsWithoutStyle (it marks the cells and indexes the range as ExcelJS
 * expects), but with an empty index in place during the call, so its check has nothing to loop over; overlaps
 * are found instead with a set of the cells already merged, and refused as ExcelJS refuses them.
 */
export function applyMerges(ws: ExcelJS.Worksheet, refs: readonly string[]): void {
  const index = mergeIndex(ws);
  const internals = ws as unknown as WorksheetInternals;
  const taken = new Set<number>();
  try {
    for (const ref of refs) {
      const range = parseRange(ref);
      if (!range) continue;
      for (let r = range.top; r <= range.bottom; r++) {
        for (let c = range.left; c <= range.right; c++) {
          const key = r * 16384 + c;
          if (taken.has(key)) throw new Error(`Cannot merge already merged cells (${ref} on sheet ${ws.name})`);
          taken.add(key);
        }
      }
      const single: MergeIndex = {};
      internals._merges = single;
      ws.mergeCellsWithoutStyle(range.top + 1, range.left + 1, range.bottom + 1, range.right + 1);
      const master = cellAddress(range.top, range.left);
      if (!single[master]) throw new ExcelJsChangedError('ExcelJS changed: mergeCells no longer indexes the range under its master cell');
      index[master] = single[master];
    }
  } finally {
    internals._merges = index;
  }
}

/** A sheet's merged ranges, 0-based. From the merge index: `ws.model` would rebuild every row just to list them. */
export function sheetMerges(ws: ExcelJS.Worksheet): CellRange[] {
  return Object.values(mergeIndex(ws)).map((m) => ({ top: m.top - 1, left: m.left - 1, bottom: m.bottom - 1, right: m.right - 1 }));
}

export interface SheetPart {
  path: string;
  /** The sheet's name (undefined for a part no sheet of the workbook points at). */
  name: string | undefined;
  xml: string;
}

export interface ExcelLoad {
  workbook: ExcelJS.Workbook;
  /** Worksheet name → the package part it was read from (`xl/worksheets/sheet1.xml`). */
  partOfSheet: Map<string, string>;
}

/**
 * Reads .xlsx bytes with ExcelJS, with two changes to its load(): `beforeSheet` sees each worksheet part's text
 * before ExcelJS parses it (and may throw to stop the read there, before the sheet's rows exist), and merges are
 * applied in linear time. ExcelJS unzips each part once; `zip` (the caller's, loaded from the same bytes) gives
 * the sheets' names from two small parts.
 */
export async function loadWithExcelJS(bytes: Uint8Array, zip: JSZip, beforeSheet: (part: SheetPart) => void): Promise<ExcelLoad> {
  const workbook = new ExcelJS.Workbook();
  const xlsx = xlsxInternals(workbook);
  // Which sheet each part is, for beforeSheet: ExcelJS learns it only at the end, and the parts may come in any
  // order (ExcelJS itself writes the sheets before xl/workbook.xml). Two small parts, parsed by ExcelJS's parser.
  const names = new Map<string, string>();
  const book = zip.file('xl/workbook.xml');
  const rels = zip.file('xl/_rels/workbook.xml.rels');
  if (book && rels) {
    const { sheets = [] } = await xlsx.parseWorkbook(chunks(await book.async('string')) as unknown as AsyncIterable<unknown>);
    const targets = new Map((await xlsx.parseRels(chunks(await rels.async('string')) as unknown as AsyncIterable<unknown>)).map((r) => [r.Id, r.Target]));
    for (const sheet of sheets) {
      const target = targets.get(sheet.rId);
      if (target !== undefined) names.set(partOf(target), sheet.name);
    }
  }
  const processSheet = xlsx._processWorksheetEntry;
  const reconcile = xlsx.reconcile;
  const deferredMerges = new Map<string, string[]>();
  const partOfSheet = new Map<string, string>();

  xlsx._processWorksheetEntry = async function (stream, model, sheetNo, options, path) {
    // load() has written the whole part into the stream before calling: draining it costs no extra unzip.
    const parts: string[] = [];
    for await (const chunk of stream) parts.push(String(chunk));
    const xml = parts.join('');
    beforeSheet({ path, name: names.get(path), xml });
    await processSheet.call(this, chunks(xml) as unknown as AsyncIterable<unknown>, model, sheetNo, options, path);
  };
  xlsx.reconcile = function (model, options) {
    // reconcile() names the sheets and then drops worksheetHash: keep which part each sheet came from.
    const byPath = Object.entries(model.worksheetHash);
    reconcile.call(this, model, options);
    for (const [path, sheet] of byPath) if (sheet.name !== undefined) partOfSheet.set(sheet.name, path);
    // Take the merges out of the model so that the Worksheet's model setter (quadratic) has none to apply.
    for (const sheet of model.worksheets) {
      if (sheet.name !== undefined && sheet.mergeCells && sheet.mergeCells.length > 0) deferredMerges.set(sheet.name, sheet.mergeCells);
      sheet.mergeCells = [];
    }
  };
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  for (const ws of workbook.worksheets) {
    const refs = deferredMerges.get(ws.name);
    if (refs) applyMerges(ws, refs);
  }
  return { workbook, partOfSheet };
}

/** ExcelJS's XmlStream (lib/utils/xml-stream.js): the text of one part, as an array of small strings. */
interface XmlStreamInternals {
  _xml: string[];
  _rollbacks: unknown[];
  closeNode(): void;
  closeAll(): void;
  /** Added here: the text already joined, in order, before what `_xml` holds. */
  _joined?: string[];
}

/** Small strings held before they are joined into one: large enough that joining costs nothing noticeable. */
const JOIN_EVERY = 1 << 16;
const LEAN_MARK = Symbol.for('budget-eval.leanXmlStream');

/**
 * Makes ExcelJS's XML writer hold a part's text as joined pieces instead of one array of millions of small
 * strings: at 50,000 project rows that array (ten strings a cell) took the command's heap from 0.5 to 1.5 GB
 * while the workbook was written, and the peak RSS to 1.7 GB; joined every 65,536 strings it is 1.0 GB.
 * The text is the same, byte for byte (test/gateways/xlsx/excelAdapter.test.ts). A piece is joined only when
 * no rollback is pending, as a rollback truncates `_xml` to a length it recorded. Node build only: the
 * browser build bundles its own copy of the class, out of reach (webpack resolves this path to nothing), and
 * the page reads files under the same limits in a worker of its own. Returns whether the writer is lean.
 */
export function leanXmlWriter(xmlStream: unknown = XmlStreamModule): boolean {
  const proto = (xmlStream as { prototype?: XmlStreamInternals } | undefined)?.prototype;
  if (!proto || typeof proto.closeNode !== 'function' || typeof proto.closeAll !== 'function') return false;
  const marked = proto as unknown as Record<symbol, boolean>;
  if (marked[LEAN_MARK]) return true;
  const xmlGetter = Object.getOwnPropertyDescriptor(proto, 'xml')?.get;
  if (!xmlGetter) throw new ExcelJsChangedError('ExcelJS changed: XmlStream has no xml getter');
  const closeNode = proto.closeNode;
  proto.closeNode = function (this: XmlStreamInternals) {
    closeNode.call(this);
    const xml = this._xml;
    if (xml.length > JOIN_EVERY && this._rollbacks.length === 0) {
      (this._joined ??= []).push(xml.join(''));
      xml.length = 0;
    }
  };
  Object.defineProperty(proto, 'xml', {
    configurable: true,
    get(this: XmlStreamInternals) {
      const rest = xmlGetter.call(this) as string;
      return this._joined ? this._joined.join('') + rest : rest;
    },
  });
  marked[LEAN_MARK] = true;
  return true;
}

leanXmlWriter();

// ---------------------------------------------------------------------------------------------------------------
// Writing sheet by sheet (Node build only).

type Ctor = new (...args: never[]) => unknown;
interface XformLike {
  prepare(model: unknown, options?: unknown): void;
  render(xmlStream: unknown, model: unknown): void;
}
/** The parts of ExcelJS's writer (lib/xlsx) that `leanWrite` uses, as xlsx.js requires them. */
const WRITE_PARTS = {
  XmlStream: XmlStreamModule,
  WorkbookXform: WorkbookXformModule,
  WorksheetXform: WorksheetXformModule,
  RelationshipsXform: RelationshipsXformModule,
  CommentsXform: CommentsXformModule,
  VmlNotesXform: VmlNotesXformModule,
  SharedStringsXform: SharedStringsXformModule,
  StylesXform: StylesXformModule,
} as Record<string, unknown>;

/** The methods of `workbook.xlsx` that ExcelJS's write() calls, used here in the same order. */
const XLSX_WRITE_STEPS = [
  'addContentTypes',
  'addOfficeRels',
  'addWorkbookRels',
  'addSharedStrings',
  'addDrawings',
  'addTables',
  'addThemes',
  'addStyles',
  'addMedia',
  'addApp',
  'addCore',
  'addWorkbook',
] as const;
type XlsxWriter = Record<(typeof XLSX_WRITE_STEPS)[number], (zip: ZipSink, model: BookModel) => Promise<void>>;

/** What ExcelJS's add…() methods write into: its ZipWriter's append(), over JSZip with ZipWriter's options. */
interface ZipSink {
  append(data: string | Uint8Array, options: { name: string; base64?: boolean }): void;
}

interface SheetModel {
  id: number;
  rows: unknown[];
  tables: { target?: string; id?: number }[];
  rels?: unknown[];
  comments: unknown[];
}
interface BookModel {
  creator?: string;
  lastModifiedBy?: string;
  created?: Date;
  modified?: Date;
  properties: { date1904?: boolean };
  media: unknown[];
  worksheets: SheetModel[];
  sheets?: SheetModel[];
  [key: string]: unknown;
}

/**
 * What a sheet whose rows are written straight to XML (not as ExcelJS cells) needs from ExcelJS's writer, so that
 * the text is what ExcelJS would have written for the same cells: its numbering of styles (StylesXform's
 * addStyleModel, which remembers a style object it has seen) and of shared strings, its list of merges (fed, as
 * its CellXform.prepare feeds it, one merged cell at a time), the sheet's dimension and its XML escaping.
 */
export interface DirectSheetContext {
  /** A cell's (or row's) style → its style id (0: the default, not written). `cellType`: ExcelJS.ValueType. */
  style(style: Partial<ExcelJS.Style>, cellType?: number): number;
  /** A string cell's text → its index in the shared strings. */
  string(text: string): number;
  /** A merged cell (not the master) and its range's master cell, in rows' order. */
  merge(address: string, master: string): void;
  /** A written row (1-based) and its first and last columns (1-based; 0 when it has no cells). */
  expand(row: number, min: number, max: number): void;
  /** ExcelJS's escaping of text and attribute values. */
  encode(text: string): string;
}

/** Writes a sheet's rows: the `<row>` elements of its `<sheetData>`, in order (the sheet has no ExcelJS cells). */
export type DirectRows = (context: DirectSheetContext) => string;

interface MergesInternals {
  add(merge: { address: string; master: string }): void;
  readonly mergeCells: string[];
}

/** Whether this ExcelJS has every part leanWrite uses (false in the browser build, which bundles its own). */
export function leanWriteAvailable(workbook?: ExcelJS.Workbook): boolean {
  if (Object.values(WRITE_PARTS).some((part) => typeof part !== 'function')) return false;
  if (typeof (UtilsModule as { xmlEncode?: unknown } | undefined)?.xmlEncode !== 'function') return false;
  if (!workbook) return true;
  const xlsx = workbook.xlsx as unknown as Record<string, unknown>;
  return XLSX_WRITE_STEPS.every((step) => typeof xlsx[step] === 'function');
}

/**
 * The workbook's model with each sheet's model but no rows: ExcelJS's `workbook.model` builds every sheet's full
 * model twice (`worksheets` and `sheets`), with an object per cell, before the first is written.
 */
function modelWithoutRows(workbook: ExcelJS.Workbook): BookModel {
  const sheets = workbook.worksheets as unknown as { _rows: unknown[] }[];
  const rows = sheets.map((ws) => ws._rows);
  if (rows.some((r) => !Array.isArray(r))) throw new ExcelJsChangedError('ExcelJS changed: a worksheet has no _rows array');
  try {
    for (const ws of sheets) ws._rows = [];
    return workbook.model as unknown as BookModel;
  } finally {
    sheets.forEach((ws, i) => (ws._rows = rows[i]));
  }
}

interface RowInternals {
  model?: { number: number; min: number; max: number } | null;
}

/**
 * A sheet's model as ExcelJS's Worksheet `model` getter builds it, each row dropped from the worksheet as soon as
 * its model is made: the sheet's cells and their model never coexist whole (at a million cells, some 300 MB).
 */
function consumedSheetModel(ws: ExcelJS.Worksheet): SheetModel {
  const internals = ws as unknown as { _rows: (RowInternals | undefined)[] };
  const rows = internals._rows;
  if (!Array.isArray(rows)) throw new ExcelJsChangedError('ExcelJS changed: a worksheet has no _rows array');
  internals._rows = [];
  const model = ws.model as unknown as SheetModel & { dimensions: { expand(top: number, left: number, bottom: number, right: number): void } };
  // The getter's loop over the rows, as in lib/doc/worksheet.js.
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    rows[r] = undefined;
    const rowModel = row && row.model;
    if (rowModel) {
      model.dimensions.expand(rowModel.number, rowModel.min, rowModel.number, rowModel.max);
      model.rows.push(rowModel);
    }
  }
  return model;
}

/**
 * ExcelJS's `workbook.xlsx.writeBuffer()` (lib/xlsx/xlsx.js: write, prepareModel, addWorksheets), the same bytes,
 * but one sheet at a time: each sheet's model is built, prepared (its strings and styles numbered, in the order
 * ExcelJS numbers them), rendered to text and dropped before the next is built. ExcelJS prepares every sheet
 * before it renders the first, so it holds a model of every cell (twice over, see modelWithoutRows) at once: at
 * 100,000 project rows that took the command to 1.94 GB. The rest of the package (content types, relationships,
 * shared strings, styles, workbook) is written by ExcelJS's own add…() methods, in write()'s order.
 * `consume`: drop each row from the workbook as soon as its model is built (the workbook is not usable after;
 * the command's case, which writes it once and exits) — a sheet's cells and their model then never coexist.
 * test/gateways/xlsx/excelAdapter.test.ts compares the bytes with ExcelJS's own write and fails if the
 * ExcelJS code this follows changes.
 * `directSheets`: sheets (by name) that have no cells in the workbook and whose rows are written by the given
 * function instead, numbered through ExcelJS's own styles and strings (the report sheet: as long as the input,
 * and ExcelJS's cells, their models and its XML writer were most of the command's time beyond the bare round trip).
 */
export async function leanWrite(workbook: ExcelJS.Workbook, consume = false, directSheets?: ReadonlyMap<string, DirectRows>): Promise<Uint8Array> {
  if (!leanWriteAvailable(workbook)) throw new ExcelJsChangedError('ExcelJS changed: its writer parts are not where leanWrite expects them');
  const P = WRITE_PARTS as Record<string, Ctor> & { StylesXform: Ctor & { Mock: Ctor } };
  const xlsx = workbook.xlsx as unknown as XlsxWriter;
  const model = modelWithoutRows(workbook);
  const options: { useSharedStrings?: boolean; useStyles?: boolean } = {};

  // prepareModel(model, options), as in xlsx.js
  model.creator = model.creator || 'ExcelJS';
  model.lastModifiedBy = model.lastModifiedBy || 'ExcelJS';
  model.created = model.created || new Date();
  model.modified = model.modified || new Date();
  model.useSharedStrings = options.useSharedStrings !== undefined ? options.useSharedStrings : true;
  model.useStyles = options.useStyles !== undefined ? options.useStyles : true;
  model.sharedStrings = new P.SharedStringsXform();
  model.styles = model.useStyles ? new P.StylesXform(true as never) : new P.StylesXform.Mock();
  (new P.WorkbookXform() as XformLike).prepare(model);
  const worksheetXform = new P.WorksheetXform() as XformLike;
  const worksheetOptions: Record<string, unknown> = {
    sharedStrings: model.sharedStrings,
    styles: model.styles,
    date1904: model.properties.date1904,
    drawingsCount: 0,
    media: model.media,
  };
  worksheetOptions.drawings = model.drawings = [];
  worksheetOptions.commentRefs = model.commentRefs = [];
  let tableCount = 0;
  const tables: unknown[] = (model.tables = []);

  // addWorksheets(zip, model), rendered as soon as each sheet is prepared and kept as text until its turn
  const relationshipsXform = new P.RelationshipsXform() as XformLike;
  const commentsXform = new P.CommentsXform() as XformLike;
  const vmlNotesXform = new P.VmlNotesXform() as XformLike;
  const render = (xform: XformLike, part: unknown): string => {
    const xmlStream = new P.XmlStream() as { xml: string };
    xform.render(xmlStream, part);
    return xmlStream.xml;
  };
  const sheetParts: { name: string; xml: string }[] = [];
  workbook.worksheets.forEach((ws, i) => {
    const sheet = consume ? consumedSheetModel(ws) : (ws.model as unknown as SheetModel);
    sheet.tables.forEach((table) => {
      tableCount++;
      table.target = `table${tableCount}.xml`;
      table.id = tableCount;
      tables.push(table);
    });
    worksheetXform.prepare(sheet, worksheetOptions);
    const direct = directSheets?.get(ws.name);
    const rows = direct ? directRows(direct, sheet, worksheetOptions) : null;
    let xml = render(worksheetXform, sheet);
    if (rows) {
      // The sheet rendered without rows has `<sheetData/>`: the rows go in its place.
      const at = xml.indexOf(EMPTY_SHEET_DATA);
      if (at < 0) throw new ExcelJsChangedError('ExcelJS changed: a sheet without rows has no <sheetData/>');
      xml = `${xml.slice(0, at)}<sheetData>${rows}</sheetData>${xml.slice(at + EMPTY_SHEET_DATA.length)}`;
    }
    sheetParts.push({ name: `xl/worksheets/sheet${sheet.id}.xml`, xml });
    if (sheet.rels && sheet.rels.length) sheetParts.push({ name: `xl/worksheets/_rels/sheet${sheet.id}.xml.rels`, xml: render(relationshipsXform, sheet.rels) });
    if (sheet.comments.length > 0) {
      sheetParts.push({ name: `xl/comments${sheet.id}.xml`, xml: render(commentsXform, sheet) });
      sheetParts.push({ name: `xl/drawings/vmlDrawing${sheet.id}.vml`, xml: render(vmlNotesXform, sheet) });
    }
    sheet.rows = [];
    // workbookXform.prepare made `sheets` the same array: both now hold the prepared sheet, without its rows.
    model.worksheets[i] = sheet;
  });

  // write(stream, options), as in xlsx.js, into ZipStream.ZipWriter's JSZip with its options
  const zip = new JSZip();
  const sink: ZipSink = {
    append(data, { name, base64 }) {
      if (base64) zip.file(name, data, { base64: true });
      else zip.file(name, data);
    },
  };
  await xlsx.addContentTypes(sink, model);
  await xlsx.addOfficeRels(sink, model);
  await xlsx.addWorkbookRels(sink, model);
  for (const part of sheetParts.splice(0)) sink.append(part.xml, { name: part.name });
  await xlsx.addSharedStrings(sink, model);
  await xlsx.addDrawings(sink, model);
  await xlsx.addTables(sink, model);
  await Promise.all([xlsx.addThemes(sink, model), xlsx.addStyles(sink, model)]);
  await xlsx.addMedia(sink, model);
  await Promise.all([xlsx.addApp(sink, model), xlsx.addCore(sink, model)]);
  await xlsx.addWorkbook(sink, model);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

const EMPTY_SHEET_DATA = '<sheetData/>';

/**
 * Runs a sheet's direct row writer after ExcelJS has prepared the sheet without rows, at the point where its
 * prepare would have numbered the rows' styles and strings (the rest of a sheet's prepare numbers only
 * conditional formats' dxf styles, a separate list). The merges it reports become the sheet's `<mergeCells>`.
 */
function directRows(direct: DirectRows, sheet: SheetModel, options: Record<string, unknown>): string {
  if (sheet.rows.length > 0) throw new Error('a sheet written directly must have no cells in the workbook');
  const styles = options.styles as { addStyleModel(style: unknown, cellType?: number): number };
  const strings = options.sharedStrings as { add(text: string): number };
  const merges = options.merges as MergesInternals | undefined;
  const dimensions = (sheet as unknown as { dimensions?: { expand(top: number, left: number, bottom: number, right: number): void } }).dimensions;
  if (typeof styles?.addStyleModel !== 'function' || typeof strings?.add !== 'function' || typeof merges?.add !== 'function' || typeof dimensions?.expand !== 'function') {
    throw new ExcelJsChangedError('ExcelJS changed: a worksheet\'s prepare no longer leaves styles, strings and merges where leanWrite expects them');
  }
  const xmlEncode = (UtilsModule as { xmlEncode(text: string): string }).xmlEncode;
  const rows = direct({
    style: (style, cellType) => styles.addStyleModel(style, cellType),
    string: (text) => strings.add(text),
    merge: (address, master) => merges.add({ address, master }),
    expand: (row, min, max) => dimensions.expand(row, min, row, max),
    encode: (text) => xmlEncode(text),
  });
  (sheet as unknown as { mergeCells: string[] }).mergeCells = merges.mergeCells;
  return rows;
}
