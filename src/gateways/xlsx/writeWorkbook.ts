// Applies the pipeline's plans to an ExcelJS workbook: the report sheet, its mark, the highlight rules.
// The clerk's sheets keep their values; only the tool's own sheet and rules are ever replaced.
import ExcelJS from 'exceljs';
import { cellAddress, parseRange, quoteSheet, rangeAddress, splitReference } from '../../core/address';
import { formulaPieces, formulaShape } from '../../core/formulaText';
import type { CellRange } from '../../core/model';
import {
  FILL_NAME_PREFIX,
  GENERAL_FORMAT,
  replacementProblem,
  TEXT_FORMAT,
  HIGHLIGHT_FILL,
  HIGHLIGHT_FONT,
  HIGHLIGHT_MARK,
  REPORT_NAME_PREFIX,
  type HighlightPlan,
  type PageSetup,
  planRow,
  planRows,
  type PlanCell,
  type ReportPlan,
} from '../../core/compose/reportPlan';
import { BORDER_RGB, cellLook } from '../../core/compose/reportStyle';
import type { DirectRows, DirectSheetContext } from './excelAdapter';
import { toolSheetNames } from './readWorkbook';

const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: `FF${BORDER_RGB}` } };
const BOX: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** One style object per kind of cell: ExcelJS writes a shared object once, a fresh one per cell every time. */
function cellStyle(source: PlanCell, lang: 'zh' | 'en', cache: Map<string, Partial<ExcelJS.Style>>): Partial<ExcelJS.Style> {
  // The plan's number format (core), as the Office gateway sets it: text the tool writes is `@`.
  const fmt = source.numberFormat;
  const key = `${source.style}|${source.format}|${source.highlight ? 1 : 0}|${lang}|${fmt}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const look = cellLook(source, lang);
  const style: Partial<ExcelJS.Style> = {
    font: { name: look.font, size: look.size, bold: look.bold, ...(look.color ? { color: { argb: `FF${look.color}` } } : {}) },
    alignment: { vertical: look.vertical, horizontal: look.horizontal, wrapText: look.wrap, ...(look.indent ? { indent: look.indent } : {}) },
  };
  if (fmt !== GENERAL_FORMAT) style.numFmt = fmt;
  if (look.border) style.border = BOX;
  if (look.fill) style.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${look.fill}` } };
  cache.set(key, style);
  return style;
}

/**
 * Sets one cell's fill without touching others: ExcelJS shares one style object among the cells a file gave
 * the same style, so `cell.fill = …` would repaint every one of them.
 */
function setFill(cell: ExcelJS.Cell, fill: ExcelJS.Fill): void {
  cell.style = { ...cell.style, fill };
}

/**
 * Removes whole names. ExcelJS's API removes a name only cell by cell; its public model (the names with their
 * ranges, as it writes them) is read once and set back without them: one pass however many names go.
 */
function deleteDefinedNames(wb: ExcelJS.Workbook, drop: (entry: { name: string; ranges: string[] }) => boolean): void {
  const model = wb.definedNames.model;
  const kept = model.filter((entry) => !drop(entry));
  if (kept.length !== model.length) wb.definedNames.model = kept;
}

/**
 * Hands out free names `PREFIX_1`, `PREFIX_2`, … The workbook's names are listed once: ExcelJS rebuilds its
 * whole list on every `definedNames.model`, so asking it per name was quadratic in the fills written.
 */
function nameAllocator(wb: ExcelJS.Workbook, prefix: string): () => string {
  const taken = new Set(wb.definedNames.model.map((n) => n.name));
  let i = 0;
  return () => {
    for (i++; taken.has(`${prefix}_${i}`); i++);
    taken.add(`${prefix}_${i}`);
    return `${prefix}_${i}`;
  };
}

/** Removes a sheet the tool made (and its mark): the plan says which, checked against the workbook as it is. */
function removeToolSheet(wb: ExcelJS.Workbook, name: string): void {
  const ws = wb.getWorksheet(name);
  if (ws) wb.removeWorksheet(ws.id);
  deleteDefinedNames(wb, (entry) => entry.name.startsWith(REPORT_NAME_PREFIX) && entry.ranges.some((r) => splitReference(r)?.sheet === name));
}

/**
 * Writes a column's run of formulas of one shape (the rate, the status, `项目支出!F5/10000` down the rows) as one
 * shared formula: the file then holds the formula once per run and `<f t="shared" si="…"/>` in each other cell,
 * instead of 50,000 copies. Excel, WPS and LibreOffice read them alike; ExcelJS translates them when reading.
 */
class SharedFormulas {
  private readonly runs = new Map<number, FormulaRun>();

  value(formula: string, result: string | number, row: number, col: number): ExcelJS.CellValue {
    const run = this.runs.get(col);
    // The core tokenizer decides (text in quotes is not a reference: "A1" in row 5 and "A2" in row 6 are not one
    // shape); the run's master filled down to this row, compared as text, spares it for the usual case.
    if (run && run.row === row - 1 && (filledDown(run.template, formula, row - run.masterRow) || formulaShape(formula, row, col) === runShape(run, col))) {
      run.row = row;
      return { sharedFormula: run.master, result } as ExcelJS.CellValue;
    }
    this.runs.set(col, { master: cellAddress(row, col), formula, masterRow: row, row, template: fillTemplate(formula) });
    return { formula, result };
  }
}

interface FormulaRun {
  master: string;
  formula: string;
  masterRow: number;
  /** The last row of the run. */
  row: number;
  template: FillTemplate;
  /** The master's shape, made when a formula is not the master filled down as text. */
  shape?: string;
}

function runShape(run: FormulaRun, col: number): string {
  return (run.shape ??= formulaShape(run.formula, run.masterRow, col));
}

/** A formula as the text around its relative rows: `texts[0] rows[0] texts[1] … texts[n]` (rows 1-based). */
interface FillTemplate {
  texts: string[];
  rows: number[];
}

function fillTemplate(formula: string): FillTemplate {
  const texts: string[] = [];
  const rows: number[] = [];
  let text = '';
  for (const p of formulaPieces(formula)) {
    if (p.kind === 'text') text += p.text;
    else if (p.rowAbsolute) text += `${p.sheet}${p.colAbsolute ? '$' : ''}${p.letters}$${p.row + 1}`;
    else {
      texts.push(`${text}${p.sheet}${p.colAbsolute ? '$' : ''}${p.letters}`);
      rows.push(p.row + 1);
      text = '';
    }
  }
  texts.push(text);
  return { texts, rows };
}

/**
 * Whether `formula` is the template's formula with its relative rows moved down by `by`, character for
 * character: then the tokenizer reads it as the same pieces with those rows moved, i.e. the same shape.
 */
function filledDown(template: FillTemplate, formula: string, by: number): boolean {
  const { texts, rows } = template;
  let at = 0;
  for (let i = 0; i < rows.length; i++) {
    if (!formula.startsWith(texts[i], at)) return false;
    at += texts[i].length;
    const row = String(rows[i] + by);
    if (!formula.startsWith(row, at)) return false;
    at += row.length;
  }
  const tail = texts[rows.length];
  return formula.length === at + tail.length && formula.startsWith(tail, at);
}

/** ExcelJS's paper sizes are the file's codes. */
const PAPER_CODE: Record<PageSetup['paper'], number> = { A4: 9 };

export function writeReportSheet(wb: ExcelJS.Workbook, plan: ReportPlan): ExcelJS.Worksheet {
  return addReportSheet(wb, plan, true);
}

/**
 * The report sheet without its cells, and the writer of its rows for excelAdapter's leanWrite: the same text
 * ExcelJS writes for writeReportSheet's cells (test/gateways/xlsx/directRows.test.ts compares the files), made
 * straight from the plan instead of through an ExcelJS cell, a cell model and ExcelJS's XML writer per cell.
 * Null (and nothing added) when the plan puts a record key where a cell or a merge already is: only
 * writeReportSheet's order of writes says what such a cell becomes.
 */
export function writeReportShell(wb: ExcelJS.Workbook, plan: ReportPlan): DirectRows | null {
  const keyCol = plan.keyColumn;
  const collides =
    plan.keys.some((k) => (planRow(plan, k.row)?.cells.length ?? 0) > keyCol) ||
    plan.merges.some((m) => m.right >= keyCol && m.left <= keyCol && plan.keys.some((k) => k.row >= m.top && k.row <= m.bottom));
  if (collides) return null;
  addReportSheet(wb, plan, false);
  return (context) => planRowsXml(plan, context);
}

function addReportSheet(wb: ExcelJS.Workbook, plan: ReportPlan, withCells: boolean): ExcelJS.Worksheet {
  const problem = replacementProblem(
    plan,
    wb.worksheets.map((w) => w.name),
    toolSheetNames(wb),
  );
  if (problem) throw new Error(problem.message);
  if (plan.replaces) removeToolSheet(wb, plan.sheetName);
  const page = plan.pageSetup;
  const ws = wb.addWorksheet(plan.sheetName, {
    pageSetup: {
      paperSize: PAPER_CODE[page.paper],
      orientation: page.orientation,
      fitToPage: true,
      fitToWidth: page.fitToWidth,
      fitToHeight: page.fitToHeight,
      margins: { ...page.margins },
    },
    views: [{ showGridLines: page.showGridlines }],
  });
  ws.columns = plan.columnWidths.map((width) => ({ width }));
  if (withCells) {
    const styles = new Map<string, Partial<ExcelJS.Style>>();
    const shared = new SharedFormulas();
    const rule = plan.summaryRule?.range;
    planRows(plan).forEach((row, r) => {
      const excelRow = ws.getRow(r + 1);
      row.cells.forEach((cell, c) => {
        const target = excelRow.getCell(c + 1);
        target.value = cellValue(cell, r, c, shared);
        target.style = reportCellStyle(cell, r, c, rule, plan.lang, styles);
      });
      if (row.height) excelRow.height = row.height;
    });
    for (const m of plan.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  }
  if (plan.summaryRule) ws.addConditionalFormatting({ ref: rangeAddress(plan.summaryRule.range), rules: [highlightRule(plan.summaryRule.formula)] });
  // The report's record (fingerprint, paragraph keys): a hidden column of text, not printed.
  const keyColumn = ws.getColumn(plan.keyColumn + 1);
  keyColumn.hidden = true;
  if (withCells) {
    for (const key of plan.keys) {
      const cell = ws.getCell(key.row + 1, plan.keyColumn + 1);
      cell.value = key.text;
      cell.numFmt = TEXT_FORMAT;
    }
  }
  ws.pageSetup.printTitlesRow = `${page.printTitleRows.top + 1}:${page.printTitleRows.bottom + 1}`;
  wb.definedNames.add(`${quoteSheet(plan.sheetName)}!$A$1`, nameAllocator(wb, REPORT_NAME_PREFIX)());
  return ws;
}

/**
 * Text is stored as a string value; ExcelJS writes formulas only from { formula }, so `=…` stays text. A formula
 * goes with its computed result: readers that do not calculate (LibreOffice by default) show it.
 */
function cellValue(cell: PlanCell, r: number, c: number, shared: SharedFormulas): ExcelJS.CellValue {
  return cell.formula ? shared.value(cell.formula, cell.value ?? '', r, c) : cell.value;
}

/** Under the summary's rule the fill follows the status; a fixed one would outlive a corrected figure. */
function reportCellStyle(cell: PlanCell, r: number, c: number, rule: CellRange | undefined, lang: 'zh' | 'en', styles: Map<string, Partial<ExcelJS.Style>>): Partial<ExcelJS.Style> {
  return cellStyle(cell.highlight && inside(rule, r, c) ? { ...cell, highlight: false } : cell, lang, styles);
}

const { Null, Merge, Number: NumberType, String: StringType, Formula } = ExcelJS.ValueType;

/** A report cell as ExcelJS's cell model would hold it when its prepare has run (cell-xform.js). */
interface DirectCell {
  col: number;
  type: ExcelJS.ValueType;
  style: Partial<ExcelJS.Style>;
  value?: string | number | null;
  formula?: string;
  /** A shared formula's clone: its master cell. */
  master?: DirectCell;
  result?: string | number;
  address: string;
  styleId?: number;
  ssId?: number;
  /** A shared formula's master once a clone refers to it: its index and the range it covers (0-based). */
  si?: number;
  bottom?: number;
  right?: number;
  row?: number;
  /** A formula's place in the text, where its `<f>` attributes go. */
  slot?: { text: string };
}

/**
 * Text written in order, with slots filled in later: joined as it goes into flat pieces (every PIECE_PARTS
 * parts, and at each slot), so that the rows' texts — chains of small strings until joined — do not live to
 * the end of a sheet as long as the input, to be copied by every collection on the way.
 */
class SlottedText {
  private readonly pieces: (string | { text: string })[] = [];
  private parts: string[] = [];

  push(text: string): void {
    this.parts.push(text);
    if (this.parts.length >= PIECE_PARTS) this.cut();
  }

  /** A place in the text for what is known only later. */
  slot(): { text: string } {
    this.cut();
    const slot = { text: '' };
    this.pieces.push(slot);
    return slot;
  }

  text(): string {
    this.cut();
    return this.pieces.map((p) => (typeof p === 'string' ? p : p.text)).join('');
  }

  private cut(): void {
    if (this.parts.length === 0) return;
    this.pieces.push(this.parts.join(''));
    this.parts = [];
  }
}

const PIECE_PARTS = 1024;

/**
 * The report's rows as ExcelJS writes them for writeReportSheet's cells: the same cells (the plan's, then the
 * merges over them with their master's style, then the record's keys), the same shared formulas, the styles and
 * strings numbered in the same order, and the same text (row-xform.js, cell-xform.js).
 */
function planRowsXml(plan: ReportPlan, context: DirectSheetContext): string {
  const styles = new Map<string, Partial<ExcelJS.Style>>();
  const shared = new SharedFormulas();
  const rule = plan.summaryRule?.range;
  const keyCol = plan.keyColumn;
  const keys = new Map(plan.keys.map((k) => [k.row, k.text]));
  // Merges as writeReportSheet applies them (after the cells), each checked against the earlier ones.
  const mergesAt = new Map<number, CellRange[]>();
  const merged = new Set<number>();
  let last = plan.rows.length - 1;
  for (const m of plan.merges) {
    for (let r = m.top; r <= m.bottom; r++) {
      for (let c = m.left; c <= m.right; c++) {
        if (merged.has(r * 16384 + c)) throw new Error(`Cannot merge already merged cells (${rangeAddress(m)} on sheet ${plan.sheetName})`);
        merged.add(r * 16384 + c);
      }
      let list = mergesAt.get(r);
      if (!list) mergesAt.set(r, (list = []));
      list.push(m);
    }
    last = Math.max(last, m.bottom);
  }
  for (const k of plan.keys) last = Math.max(last, k.row);
  const mergeMasters = new Map<CellRange, DirectCell>();
  const rowStyle = {};
  const keyStyle: Partial<ExcelJS.Style> = { numFmt: TEXT_FORMAT };
  const enc = context.encode;
  let si = 0;
  // The text, row by row as ExcelJS prepares and then renders them. A formula's `<f>` attributes are known only
  // when its run ends (a clone below makes it a shared master with the run's range): each goes in a slot of
  // `out`, filled once the run ends, so that no cell is held beyond its row.
  const out = new SlottedText();
  /** Formulas whose run may still grow (address → cell); `slot`: where their attributes go in `out`. */
  const pending = new Map<string, DirectCell>();
  const settle = (before: number) => {
    for (const [address, cell] of pending) {
      // A run grows only by the row below its last: one whose last row is above `before` is complete.
      if ((cell.bottom ?? cell.row!) >= before) continue;
      if (cell.si !== undefined) cell.slot!.text = ` t="shared" ref="${cell.address}:${cellAddress(Math.max(cell.bottom!, cell.row!), Math.max(cell.right!, cell.col))}" si="${cell.si}"`;
      pending.delete(address);
    }
  };

  for (let r = 0; r <= last; r++) {
    settle(r - 1);
    const row = planRow(plan, r);
    const cells: DirectCell[] = [];
    if (row) {
      row.cells.forEach((cell, c) => {
        const value = cellValue(cell, r, c, shared) as ExcelJS.CellValue;
        const style = reportCellStyle(cell, r, c, rule, plan.lang, styles);
        const address = cellAddress(r, c);
        if (value !== null && typeof value === 'object') {
          const f = value as { formula?: string; sharedFormula?: string; result: string | number };
          const master = f.sharedFormula === undefined ? undefined : pending.get(f.sharedFormula);
          if (f.sharedFormula !== undefined && !master) throw new Error(`Shared Formula master must exist above and or left of clone for cell ${address}`);
          cells[c] = { col: c, type: Formula, style, formula: f.formula, master, result: f.result, address, row: r };
        } else {
          cells[c] = { col: c, type: value === null || value === undefined ? Null : typeof value === 'number' ? NumberType : StringType, style, value: value as string | number | null, address };
        }
      });
    }
    for (const m of mergesAt.get(r) ?? []) {
      if (r === m.top) {
        const master = (cells[m.left] ??= { col: m.left, type: Null, style: {}, value: null, address: cellAddress(r, m.left) });
        mergeMasters.set(m, master);
      }
      const master = mergeMasters.get(m)!;
      for (let c = m.left; c <= m.right; c++) {
        if (r === m.top && c === m.left) continue;
        cells[c] = { col: c, type: Merge, style: master.style, address: cellAddress(r, c), value: master.address };
      }
    }
    const key = keys.get(r);
    if (key !== undefined) cells[keyCol] = { col: keyCol, type: StringType, style: keyStyle, value: key, address: cellAddress(r, keyCol) };
    const height = row?.height || undefined;
    let min = 0;
    let max = 0;
    for (const cell of cells) {
      if (cell === undefined) continue;
      if (!min) min = cell.col + 1;
      max = cell.col + 1;
    }
    if (!height && !min) continue;

    // Prepare (row-xform.js, cell-xform.js).
    context.style(rowStyle);
    for (const cell of cells) {
      if (cell === undefined) continue;
      const effective = cell.type === Formula ? (cell.result === null || cell.result === undefined ? Null : typeof cell.result === 'number' ? NumberType : StringType) : cell.type;
      const styleId = context.style(cell.style, effective);
      if (styleId) cell.styleId = styleId;
      if (cell.type === StringType) cell.ssId = context.string(cell.value as string);
      else if (cell.type === Merge) context.merge(cell.address, cell.value as string);
      else if (cell.type === Formula) {
        if (cell.formula !== undefined) pending.set(cell.address, cell);
        const master = cell.master;
        if (master) {
          if (master.si === undefined) {
            master.si = si++;
            master.bottom = r;
            master.right = cell.col;
          } else {
            master.bottom = Math.max(master.bottom!, r);
            master.right = Math.max(master.right!, cell.col);
          }
        }
      }
    }
    context.expand(r + 1, min, max);

    // Render (row-xform.js, cell-xform.js).
    let xml = `<row r="${r + 1}"`;
    if (height) xml += ` ht="${height}" customHeight="1"`;
    if (min > 0 && max > 0 && min <= max) xml += ` spans="${min}:${max}"`;
    xml += ' x14ac:dyDescent="0.25"';
    if (!min) {
      out.push(`${xml}/>`);
      continue;
    }
    xml += '>';
    for (const cell of cells) {
      if (cell === undefined || (cell.type === Null && !cell.styleId)) continue;
      xml += `<c r="${cell.address}"`;
      if (cell.styleId) xml += ` s="${cell.styleId}"`;
      switch (cell.type) {
        case NumberType:
          xml += `><v>${enc(String(cell.value))}</v></c>`;
          break;
        case StringType:
          xml += ` t="s"><v>${cell.ssId}</v></c>`;
          break;
        case Formula: {
          const result = cell.result;
          const text = result === null || result === undefined ? '' : typeof result === 'number' ? `<v>${enc(String(result))}</v>` : `<v>${enc(result)}</v>`;
          xml += typeof result === 'string' ? ' t="str"><f' : '><f';
          if (cell.formula === undefined) {
            xml += ` t="shared" si="${cell.master!.si}"/>${text}</c>`;
          } else {
            out.push(xml);
            cell.slot = out.slot();
            xml = `>${enc(cell.formula)}</f>${text}</c>`;
          }
          break;
        }
        default: // Null, Merge
          xml += '/>';
      }
    }
    out.push(`${xml}</row>`);
  }
  settle(Infinity);
  return out.text();
}

type RuleList = { ref: string; rules: { type: string; formulae?: string[] }[] }[];

/** Takes the tool's highlight out of the clerk's tables: its rules (by their mark) and its fills (by their names). */
export function removeHighlights(wb: ExcelJS.Workbook): void {
  for (const ws of wb.worksheets) {
    const list = (ws as unknown as { conditionalFormattings?: RuleList }).conditionalFormattings;
    if (!list) continue;
    const kept = list
      .map((cf) => ({ ...cf, rules: cf.rules.filter((rule) => !(rule.formulae ?? []).some((f) => f.includes(HIGHLIGHT_MARK))) }))
      .filter((cf) => cf.rules.length > 0);
    list.splice(0, list.length, ...kept);
  }
  for (const entry of wb.definedNames.model) {
    if (!entry.name.startsWith(FILL_NAME_PREFIX)) continue;
    for (const reference of entry.ranges) {
      const ref = splitReference(reference);
      const range = ref && parseRange(ref.address);
      const ws = ref && wb.getWorksheet(ref.sheet);
      if (!range || !ws) continue;
      forEachCell(range, (r, c) => {
        setFill(ws.getCell(r + 1, c + 1), { type: 'pattern', pattern: 'none' });
      });
    }
  }
  deleteDefinedNames(wb, (entry) => entry.name.startsWith(FILL_NAME_PREFIX));
}

/** The highlight's look as a conditional-format rule: the clerk's tables and the report's summary alike. */
function highlightRule(formula: string): ExcelJS.ConditionalFormattingRule {
  return {
    type: 'expression',
    priority: 1,
    formulae: [formula],
    style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: HIGHLIGHT_FILL } }, font: { color: { argb: HIGHLIGHT_FONT } } },
  };
}

function inside(range: CellRange | null | undefined, row: number, col: number): boolean {
  return !!range && row >= range.top && row <= range.bottom && col >= range.left && col <= range.right;
}

function forEachCell(range: CellRange, visit: (row: number, col: number) => void): void {
  for (let r = range.top; r <= range.bottom; r++) for (let c = range.left; c <= range.right; c++) visit(r, c);
}

/**
 * Replaces the tool's highlight with the plan's rules: those that follow the data and the fixed ones. A file is
 * read by hosts that draw rules, so it never gets the fallback fills (which would paint over the clerk's colours).
 */
export function writeHighlights(wb: ExcelJS.Workbook, plan: HighlightPlan): void {
  removeHighlights(wb);
  for (const rule of plan.rules) {
    const ws = wb.getWorksheet(rule.sheet);
    if (!ws) continue;
    ws.addConditionalFormatting({ ref: rule.areas.map(rangeAddress).join(' '), rules: [highlightRule(rule.formula)] });
  }
}
