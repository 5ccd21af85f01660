/// <reference types="office-js" />
// The plans → Excel, so that a failure leaves the workbook as it was:
//   W1  the whole report is built in a sheet of its own (under a temporary name when it replaces the tool's
//       previous report); if any request fails, that sheet is deleted and nothing else was touched;
//   W2  a small commit: the new highlight replaces the old, the old report sheet (the tool's, never a clerk's)
//       goes, the new one takes its name, place and mark, and is activated.
// Each step is one request unless its payload passes the limit (then one more per chunk): 2 syncs for any
// ordinary workbook, 10 rows or 10,000.
import { cellAddress, columnLetters, rangeAddress } from '../../core/address';
import { REPORT_NAME_PREFIX, replacementProblem, type HighlightPlan, type HighlightRule, type PageSetup, type ReportPlan } from '../../core/compose/reportPlan';
import type { CellRange } from '../../core/model';
import { HostError } from '../host';
import { COMMAND_BYTES, jsonBytes, packRequests, syncGroups, write, DEFAULT_MAX_REQUEST_BYTES, type QueuedWrite } from './batches';
import { addRule, additionWrites, leaveProtected, removalWrites, restoreHighlights, type NamedFill } from './highlights';
import type { WorkbookRead } from './readSnapshot';
import { BORDER_COLOR, HIGHLIGHT_FILL_COLOR, HIGHLIGHT_FONT_COLOR, layoutReport, TEXT_FORMAT, type ReportLayout, type StyleBlock } from './reportLayout';
import { API, officeSupports, type Supports } from './requirements';

export interface WriteOptions {
  supports?: Supports;
  maxRequestBytes?: number;
  /** Told the new report sheet's id as soon as it is known (before the commit), for the host's event filter. */
  onReportSheetId?: (id: string) => void;
}

export interface WriteOutcome {
  reportSheet: string;
  highlight: 'rule' | 'fill' | 'none';
  chart: boolean;
  /** Protected sheets whose highlight was left as it was (leaveProtected). */
  protectedSheets: string[];
}

/** Value rows per request piece: small enough to pack well, large enough to keep the command count low. */
const VALUE_CHUNK_BYTES = 256 * 1024;
const TEMP_SHEET = 'BudgetEval~new';

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

function freeSheetName(read: WorkbookRead, base: string): string {
  const taken = new Set(read.sheets.map((s) => s.name.toLowerCase()));
  for (let n = 1; ; n++) {
    const name = n === 1 ? base : `${base}${n}`;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

function rows(top: number, bottom: number): string {
  return `${top + 1}:${bottom + 1}`;
}

function column(col: number): string {
  return `${columnLetters(col)}:${columnLetters(col)}`;
}

/** The values grid in row chunks, each with its number formats first (text cells become text, not formulas). */
function valueWrites(sheet: Excel.Worksheet, layout: ReportLayout, budget: number): QueuedWrite[] {
  const chunkBytes = Math.min(VALUE_CHUNK_BYTES, Math.floor(budget / 2));
  // `formulas` takes values too; text cells keep their `=…` as text because their format (@) is set first.
  const sent = (r: number) => layout.formulas.get(r) ?? layout.values[r];
  const rowBytes = (r: number) => jsonBytes(sent(r)) + jsonBytes(layout.numberFormats[r]);
  const writes: QueuedWrite[] = [];
  let top = 0;
  while (top < layout.rowCount) {
    let bottom = top;
    let bytes = rowBytes(top);
    while (bottom + 1 < layout.rowCount && bytes < chunkBytes) {
      bottom++;
      bytes += rowBytes(bottom);
    }
    const range: CellRange = { top, bottom, left: 0, right: layout.colCount - 1 };
    const rowsOf = Array.from({ length: bottom - top + 1 }, (_, i) => top + i);
    const withFormulas = rowsOf.some((r) => layout.formulas.has(r));
    const grid = rowsOf.map(sent);
    const formats = layout.numberFormats.slice(top, bottom + 1);
    writes.push(
      write(
        3,
        () => {
          const target = sheet.getRange(rangeAddress(range));
          target.numberFormat = formats;
          if (withFormulas) target.formulas = grid;
          else target.values = grid;
        },
        bytes,
      ),
    );
    top = bottom + 1;
  }
  return writes;
}

type Edge = 'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight' | 'InsideHorizontal' | 'InsideVertical';

function styleWrite(sheet: Excel.Worksheet, block: StyleBlock): QueuedWrite {
  const { range, style } = block;
  // Inside borders only where there is an inside: a single row has no horizontal one.
  const edges: Edge[] = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'];
  if (range.bottom > range.top) edges.push('InsideHorizontal');
  if (range.right > range.left) edges.push('InsideVertical');
  const commands = 7 + (style.fill ? 1 : 0) + (style.color ? 1 : 0) + (style.border ? edges.length * 3 : 0);
  return write(commands, () => {
    const format = sheet.getRange(rangeAddress(range)).format;
    format.font.name = style.fontName;
    format.font.size = style.fontSize;
    format.font.bold = style.bold;
    format.horizontalAlignment = style.horizontal;
    format.verticalAlignment = style.vertical;
    format.wrapText = style.wrap;
    if (style.color) format.font.color = style.color;
    // style.indent is left to Excel's own cell padding: indentLevel needs ExcelApi 1.9, a cosmetic not worth a gate.
    if (style.fill) format.fill.color = style.fill;
    if (style.border) {
      for (const edge of edges) {
        const border = format.borders.getItem(edge);
        border.style = 'Continuous';
        border.color = BORDER_COLOR;
        border.weight = 'Thin';
      }
    }
  });
}

/** The summary table's under-target rows as a rule on the status, so the fill follows a corrected figure. */
function summaryRuleWrite(sheet: Excel.Worksheet, rule: NonNullable<ReportLayout['summaryRule']>): QueuedWrite {
  return write(5, () => addRule(sheet.getRange(rangeAddress(rule.range)), rule.formula));
}

/** The report's record: a hidden column of text (fingerprint, paragraph keys), read back on the next Generate. */
function keyWrite(sheet: Excel.Worksheet, layout: ReportLayout): QueuedWrite {
  const range: CellRange = { top: 0, bottom: layout.rowCount - 1, left: layout.keyColumn, right: layout.keyColumn };
  const values = layout.keys.map((k) => [k]);
  return write(
    4,
    () => {
      const target = sheet.getRange(rangeAddress(range));
      target.numberFormat = values.map(() => [TEXT_FORMAT]);
      target.values = values;
      target.columnHidden = true;
    },
    jsonBytes(values) * 2,
  );
}

/** Excel.PageLayout takes its margins in points; the plan has them in inches (the file's unit). */
const POINTS_PER_INCH = 72;

/** Everything of the report sheet, in order: widths, values, formats, merges, heights, print settings, chart. */
function reportWrites(sheet: Excel.Worksheet, layout: ReportLayout, page: PageSetup, supports: Supports, budget: number): QueuedWrite[] {
  const writes: QueuedWrite[] = [
    ...layout.columnWidths.map((width, c) =>
      write(2, () => {
        sheet.getRange(column(c)).format.columnWidth = width;
      }),
    ),
    ...valueWrites(sheet, layout, budget),
    ...layout.styles.map((block) => styleWrite(sheet, block)),
    ...layout.highlights.map((range) =>
      write(3, () => {
        const format = sheet.getRange(rangeAddress(range)).format;
        format.fill.color = HIGHLIGHT_FILL_COLOR;
        format.font.color = HIGHLIGHT_FONT_COLOR;
      }),
    ),
    ...layout.merges.map((m) => write(2, () => sheet.getRange(rangeAddress(m.range)).merge(m.across))),
    ...(layout.summaryRule ? [summaryRuleWrite(sheet, layout.summaryRule)] : []),
    keyWrite(sheet, layout),
    ...layout.rowHeights.map((h) =>
      write(2, () => {
        sheet.getRange(rows(h.top, h.bottom)).format.rowHeight = h.height;
      }),
    ),
  ];
  if (supports(API.showGridlines)) {
    writes.push(
      write(1, () => {
        sheet.showGridlines = page.showGridlines;
      }),
    );
  }
  if (supports(API.pageLayout)) {
    // The plan's page (core): paper, fit, margins, the summary header on every printed page.
    writes.push(
      write(11, () => {
        const layoutOf = sheet.pageLayout;
        const points = (inches: number) => Math.round(inches * POINTS_PER_INCH * 100) / 100;
        layoutOf.orientation = page.orientation === 'portrait' ? 'Portrait' : 'Landscape';
        layoutOf.paperSize = page.paper;
        layoutOf.zoom = { horizontalFitToPages: page.fitToWidth, verticalFitToPages: page.fitToHeight };
        layoutOf.leftMargin = points(page.margins.left);
        layoutOf.rightMargin = points(page.margins.right);
        layoutOf.topMargin = points(page.margins.top);
        layoutOf.bottomMargin = points(page.margins.bottom);
        layoutOf.headerMargin = points(page.margins.header);
        layoutOf.footerMargin = points(page.margins.footer);
        layoutOf.setPrintTitleRows(`$${page.printTitleRows.top + 1}:$${page.printTitleRows.bottom + 1}`);
      }),
    );
  }
  const chart = layout.chart;
  if (chart) {
    writes.push(
      write(10, () => {
        // The rate and target columns of the summary table (header row included: the series' names), the
        // project names as categories: the chart follows the table's cells.
        const drawn = sheet.charts.add('BarClustered', sheet.getRange(rangeAddress(chart.data)), 'Columns');
        drawn.name = chart.name;
        drawn.title.text = chart.title;
        const names = sheet.getRange(rangeAddress(chart.categories));
        chart.series.forEach((_, i) => drawn.series.getItemAt(i).setXAxisValues(names));
        drawn.axes.categoryAxis.reversePlotOrder = chart.reversed;
        drawn.setPosition(cellAddress(chart.anchor.top, chart.anchor.left), cellAddress(chart.anchor.bottom, chart.anchor.right));
      }),
    );
  }
  return writes;
}

/** Deletes a sheet this run made, if it is there (cleanup after a failure; its own errors are not reported). */
async function discardSheet(context: Excel.RequestContext, name: string, markName: string | null): Promise<void> {
  try {
    const sheet = context.workbook.worksheets.getItemOrNullObject(name);
    const mark = markName ? context.workbook.names.getItemOrNullObject(markName) : null;
    await context.sync();
    if (!sheet.isNullObject) sheet.delete();
    if (mark && !mark.isNullObject) mark.delete();
    await context.sync();
  } catch {
    // The original error is the one to report.
  }
}

/**
 * After a failed commit. Before the sheet swap began (the new sheet still has its temporary name and the old
 * report is there, or there was no old report): the highlight goes back to what it was and the new sheet goes,
 * so the workbook is as before. Once the swap began (the old report is already deleted): it is completed
 * instead (renamed and marked), so a report remains; the highlight is then already the new one.
 */
async function recoverCommit(
  context: Excel.RequestContext,
  read: WorkbookRead,
  added: { rules: HighlightRule[]; fills: NamedFill[] },
  names: { build: string; final: string; mark: string },
  supports: Supports,
): Promise<void> {
  const sheets = context.workbook.worksheets;
  let swapBegun = false;
  if (!same(names.build, names.final)) {
    try {
      const built = sheets.getItemOrNullObject(names.build);
      const old = sheets.getItemOrNullObject(names.final);
      await context.sync();
      // Begun: the old report is deleted (the new one still has the temporary name) or the new one is renamed.
      swapBegun = built.isNullObject || old.isNullObject;
    } catch {
      swapBegun = false;
    }
  }
  if (!swapBegun) {
    await restoreHighlights(context, read, added, supports);
    await discardSheet(context, names.build, same(names.build, names.final) ? names.mark : null);
    return;
  }
  try {
    const built = sheets.getItemOrNullObject(names.build);
    const mark = context.workbook.names.getItemOrNullObject(names.mark);
    await context.sync();
    if (!built.isNullObject) built.name = names.final;
    if (mark.isNullObject) context.workbook.names.add(names.mark, sheets.getItem(names.final).getRange('A1'));
    await context.sync();
  } catch {
    // The original error is the one to report.
  }
}

function markNameFor(read: WorkbookRead, plan: ReportPlan, replacesSheet: boolean): string {
  const own = replacesSheet ? read.reportMarks.find((m) => m.sheet !== null && same(m.sheet, plan.sheetName)) : undefined;
  if (own) return own.name;
  const taken = new Set(read.names.map((n) => n.toLowerCase()));
  for (let n = 1; ; n++) if (!taken.has(`${REPORT_NAME_PREFIX}_${n}`.toLowerCase())) return `${REPORT_NAME_PREFIX}_${n}`;
}

export async function writeResult(context: Excel.RequestContext, readAll: WorkbookRead, plan: ReportPlan, highlights: HighlightPlan, options: WriteOptions = {}): Promise<WriteOutcome> {
  const supports = options.supports ?? officeSupports;
  const budget = options.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES;
  const replacesSheet = plan.replaces;
  const problem = replacementProblem(plan, readAll.sheets.map((s) => s.name), readAll.snapshot.toolSheets);
  if (problem) throw new HostError(problem.kind === 'exists' ? 'item-exists' : 'unknown', problem.message);
  // No sheet can be added or swapped in a workbook whose structure is protected: the report cannot be written.
  if (readAll.workbookProtected) throw new HostError('protected', 'the workbook structure is protected');
  // Rules where the host draws them; elsewhere the plan's fallback fills (every under-target row). From here on
  // `read` knows only the tool's rules and fills on sheets it may change.
  const useRules = supports(API.conditionalFormats);
  const { read, rules, fills, protectedSheets } = leaveProtected(readAll, useRules ? highlights.rules : [], useRules ? [] : highlights.fallbackFills);

  const layout = layoutReport(plan, { chart: supports(API.charts), rules: useRules });
  const buildName = replacesSheet ? freeSheetName(read, TEMP_SHEET) : plan.sheetName;
  const markName = markNameFor(read, plan, replacesSheet);

  // W1: the report, complete, in a sheet nobody else uses.
  const sheet = context.workbook.worksheets.add(buildName);
  sheet.load('id');
  try {
    await syncGroups(context, packRequests(reportWrites(sheet, layout, plan.pageSetup, supports, budget), budget, COMMAND_BYTES));
    options.onReportSheetId?.(sheet.id);
  } catch (error) {
    await discardSheet(context, buildName, null);
    throw error;
  }

  // W2: the commit. The new rules go in before the old ones go out; the sheet swap comes last.
  const names = context.workbook.names;
  const oldMarks = replacesSheet ? read.reportMarks.filter((m) => m.sheet === null || same(m.sheet, plan.sheetName)) : read.reportMarks.filter((m) => m.sheet === null);
  const oldPosition = read.sheets.find((s) => same(s.name, plan.sheetName))?.position;
  const addedRules = additionWrites(context, read, rules, [], supports);
  const addedFills = additionWrites(context, read, [], fills, supports);
  const commit: QueuedWrite[] = [
    ...addedRules.writes,
    ...removalWrites(context, read),
    ...addedFills.writes,
    write(4 + oldMarks.length, () => {
      // The old sheet first: while it stands, its mark does too, so a failure here leaves the old report whole.
      if (replacesSheet) context.workbook.worksheets.getItem(plan.sheetName).delete();
      for (const m of oldMarks) names.getItem(m.name).delete();
      if (buildName !== plan.sheetName) sheet.name = plan.sheetName;
      if (replacesSheet && oldPosition !== undefined) sheet.position = oldPosition;
    }),
    write(4, () => {
      names.add(markName, sheet.getRange('A1'));
      sheet.activate();
      sheet.getRange('A1').select();
    }),
  ];
  try {
    await syncGroups(context, packRequests(commit, budget));
  } catch (error) {
    await recoverCommit(context, read, { rules, fills: addedFills.fills }, { build: buildName, final: plan.sheetName, mark: markName }, supports);
    throw error;
  }

  return {
    reportSheet: plan.sheetName,
    highlight: rules.length > 0 ? 'rule' : fills.length > 0 ? 'fill' : 'none',
    protectedSheets,
    chart: layout.chart !== null,
  };
}
