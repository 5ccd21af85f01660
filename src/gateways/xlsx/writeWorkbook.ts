// Applies the pipeline's plans to an ExcelJS workbook: the report sheet, its mark, the highlight rules.
// The clerk's sheets keep their values; only the tool's own sheet and rules are ever replaced.
import ExcelJS from 'exceljs';
import { cellAddress, parseRange, quoteSheet, rangeAddress, splitReference } from '../../core/address';
import { formulaShape } from '../../core/formulaText';
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
  type PlanCell,
  type ReportPlan,
} from '../../core/compose/reportPlan';
import { BORDER_RGB, cellLook } from '../../core/compose/reportStyle';
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
  private readonly runs = new Map<number, { master: string; shape: string; row: number }>();

  value(formula: string, result: string | number, row: number, col: number): ExcelJS.CellValue {
    // The core tokenizer: text in quotes is not a reference ("A1" in row 5 and "A2" in row 6 are not one shape).
    const shape = formulaShape(formula, row, col);
    const run = this.runs.get(col);
    if (run && run.shape === shape && run.row === row - 1) {
      run.row = row;
      return { sharedFormula: run.master, result } as ExcelJS.CellValue;
    }
    this.runs.set(col, { master: cellAddress(row, col), shape, row });
    return { formula, result };
  }
}

/** ExcelJS's paper sizes are the file's codes. */
const PAPER_CODE: Record<PageSetup['paper'], number> = { A4: 9 };

export function writeReportSheet(wb: ExcelJS.Workbook, plan: ReportPlan): ExcelJS.Worksheet {
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
  const styles = new Map<string, Partial<ExcelJS.Style>>();
  ws.columns = plan.columnWidths.map((width) => ({ width }));
  const shared = new SharedFormulas();
  const rule = plan.summaryRule?.range;
  plan.rows.forEach((row, r) => {
    const excelRow = ws.getRow(r + 1);
    row.cells.forEach((cell, c) => {
      const target = excelRow.getCell(c + 1);
      // Text is stored as a string value; ExcelJS writes formulas only from { formula }, so `=…` stays text.
      // A formula goes with its computed result: readers that do not calculate (LibreOffice by default) show it.
      target.value = cell.formula ? shared.value(cell.formula, cell.value ?? '', r, c) : cell.value;
      // Under the summary's rule the fill follows the status; a fixed one would outlive a corrected figure.
      target.style = cellStyle(cell.highlight && inside(rule, r, c) ? { ...cell, highlight: false } : cell, plan.lang, styles);
    });
    if (row.height) excelRow.height = row.height;
  });
  for (const m of plan.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  if (plan.summaryRule) ws.addConditionalFormatting({ ref: rangeAddress(plan.summaryRule.range), rules: [highlightRule(plan.summaryRule.formula)] });
  // The report's record (fingerprint, paragraph keys): a hidden column of text, not printed.
  const keyColumn = ws.getColumn(plan.keyColumn + 1);
  keyColumn.hidden = true;
  for (const key of plan.keys) {
    const cell = ws.getCell(key.row + 1, plan.keyColumn + 1);
    cell.value = key.text;
    cell.numFmt = TEXT_FORMAT;
  }
  ws.pageSetup.printTitlesRow = `${page.printTitleRows.top + 1}:${page.printTitleRows.bottom + 1}`;
  wb.definedNames.add(`${quoteSheet(plan.sheetName)}!$A$1`, nameAllocator(wb, REPORT_NAME_PREFIX)());
  return ws;
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

/** Replaces the tool's highlight with the plan's: rules that follow the data, plain fills (named) where needed. */
export function writeHighlights(wb: ExcelJS.Workbook, plan: HighlightPlan): void {
  removeHighlights(wb);
  for (const rule of plan.rules) {
    const ws = wb.getWorksheet(rule.sheet);
    if (!ws) continue;
    ws.addConditionalFormatting({ ref: rule.areas.map(rangeAddress).join(' '), rules: [highlightRule(rule.formula)] });
  }
  const fillName = nameAllocator(wb, FILL_NAME_PREFIX);
  for (const fill of plan.fills) {
    const ws = wb.getWorksheet(fill.sheet);
    if (!ws) continue;
    forEachCell(fill.range, (r, c) => {
      setFill(ws.getCell(r + 1, c + 1), { type: 'pattern', pattern: 'solid', fgColor: { argb: HIGHLIGHT_FILL } });
    });
    wb.definedNames.add(`${quoteSheet(fill.sheet)}!${absolute(fill.range)}`, fillName());
  }
}

function absolute(range: CellRange): string {
  const start = cellAddress(range.top, range.left, true);
  const end = cellAddress(range.bottom, range.right, true);
  return start === end ? start : `${start}:${end}`;
}
