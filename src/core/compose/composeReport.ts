// Evaluation → ReportPlan: the narrative, then (as 附表, after the signature, as official documents place
// attachments) the summary table of every project and the list of problems found in the data.
import type { CellRange, Evaluation, Lang } from '../model';
import {
  attachmentCaption,
  projectStatus,
  selfScoreColumns,
  showsCarryover,
  SCORE_HEADERS,
  SCORE_TOTAL_LABEL,
  scoreNote,
  scoreTotalNote,
  SUMMARY_TOTAL_LABEL,
  STATUS_TEXT,
  summaryColumns,
  summaryNote,
  type Column,
} from './attachments';
import { columnLetters, quoteSheet, splitReference } from '../address';
import { AMOUNT_FIELDS, amountAt, type AmountField, type AmountSources, type Basis, type ProjectResult, type RowSources, type SourceCell } from '../model';
import { hasSource, isRowSources, sourceOf } from '../sources';
import { add, call, div, group, mul, num, printFormula, printNumber, ref, ROUND, rowTemplate, sub, text as textExpr, type Expr } from '../formula/formula';
import { gradeBands } from '../score/score';
import { categoryScores, executionPointsOf, missedName, projectGrade, scoredProjects, shownName, usesOther } from './indicators';
import {
  adjustmentRateExpr,
  adjustmentScoreExpr,
  completeFigures,
  denominatorExpr,
  executionScoreExpr,
  manualScoreExpr,
  printSource,
  projectExecutionScoreExpr,
  projectShareExpr,
  rateExpr,
  sourceExpr,
  statusExpr,
  underStatusExpr,
  type Figures,
} from '../formula/reportFormulas';
import { words } from '../wording';
import { formatKey, KEY_COLUMN, paragraphHash } from '../record/reportRecord';
import { composeNarrative, SOURCE_SCORE_TOTAL, SOURCE_SUMMARY_TOTAL, type Block } from './narrative';
import {
  CHART_MAX_PROJECTS,
  CHART_NAME,
  CHART_TITLE,
  fitCellText,
  MAX_CELL_TEXT,
  MAX_ROW_HEIGHT,
  AMOUNT_FORMAT,
  GENERAL_FORMAT,
  PERCENT_FORMAT,
  TEXT_FORMAT,
  PAGE_SETUP_MARGINS,
  type CellFormat,
  type CellStyle,
  type BodyColumn,
  type ChartPlan,
  type PlanBody,
  type PlanCell,
  type PlanRow,
  type ReportPlan,
  type SummaryColumn,
  type TableRegion,
} from './reportPlan';
import { fontSize } from './reportStyle';


/**
 * Lines a wrapped text needs across `width` characters of column, at `size` points. Excel's column width counts
 * digits of the default 11 pt font; a CJK glyph takes about 1.75 of them (a little more than LibreOffice needs,
 * on purpose: a spare line is harmless, a clipped one is not).
 */
export function estimateLines(text: string, width: number, size = 11): number {
  if (!text.includes('\n')) return linesOf(text, width, size); // most cells: no array per cell
  let lines = 0;
  for (const line of text.split('\n')) lines += linesOf(line, width, size);
  return lines;
}

function linesOf(line: string, width: number, size: number): number {
  let units = 0;
  for (let i = 0; i < line.length; i++) {
    const code = line.charCodeAt(i);
    units += (code >= 0x2e80 && code <= 0x9fff) || (code >= 0xff00 && code <= 0xffef) ? 1.75 : 1.0;
  }
  return Math.max(1, Math.ceil((units * size) / 11 / Math.max(1, width - 1)));
}

/**
 * Points for `lines` lines of `size`-point type, with a little air: hosts do not fit merged or wrapped rows.
 * Never over Excel's tallest row (409 pt): a taller one is refused by Excel and clipped by the file hosts.
 */
function heightFor(lines: number, size: number): number {
  return Math.min(MAX_ROW_HEIGHT, Math.round(lines * size * 1.45 + 4));
}

/** The number format of a new cell (numberFormatOf, inlined: every cell of the report is made here). */
function formatOf(value: string | number | null, format: CellFormat, formula: string | undefined): string {
  if (format === 'amount') return AMOUNT_FORMAT;
  if (format === 'percent') return PERCENT_FORMAT;
  return formula !== undefined || typeof value !== 'string' ? GENERAL_FORMAT : TEXT_FORMAT;
}

function cell(value: string | number | null, style: CellStyle, format: CellFormat = 'text', highlight = false, formula?: string): PlanCell {
  // The number format is decided here: a formula given later goes only to amounts and rates, whose format does
  // not depend on it. Each shape as one literal, in the order the fields have always had.
  const numberFormat = formatOf(value, format, formula);
  if (formula === undefined) return highlight ? { value, format, style, numberFormat, highlight: true } : { value, format, style, numberFormat };
  return highlight ? { value, format, style, numberFormat, highlight: true, formula } : { value, format, style, numberFormat, formula };
}

export interface ComposeOptions {
  /** The narrative to write; defaults to the freshly composed one (the pipeline passes the clerk's kept edits). */
  narrative?: Block[];
  /** The fingerprint of the input (core/record/fingerprint.ts), recorded in the sheet. */
  fingerprint?: string;
  /** The sheet of that name is the tool's earlier report, replaced (chooseReportSheetName). */
  replaces?: boolean;
}

export function composeReport(ev: Evaluation, sheetName: string, options: ComposeOptions = {}): ReportPlan {
  const narrative = options.narrative ?? composeNarrative(ev);
  const fingerprint = options.fingerprint ?? '';
  const { lang } = ev.options;
  const showCarry = showsCarryover(ev);
  const columns: Column[] = summaryColumns(ev);
  const scored = scoredProjects(ev.projects);
  const selfColumns = scored.length > 0 ? selfScoreColumns(ev) : [];
  // 附表3 with its 其他 column has one column more than 附表4 without 上年结转: the sheet gets a column for it.
  const widths = [...columns.map((c) => c.width), ...selfColumns.slice(columns.length).map((c) => c.width)];
  const totalWidth = widths.reduce((a, b) => a + b, 0);
  const last = widths.length - 1;
  const summaryLast = columns.length - 1;
  if (last >= KEY_COLUMN) throw new Error('the report is wider than its record column allows');
  const rows: (PlanRow | null)[] = [];
  const bodies: PlanBody[] = [];
  const merges: CellRange[] = [];
  const keys: ReportPlan['keys'] = [];
  // Each row is finished as it is made, in one pass over its cells: its height, its texts cut at the cell
  // limit, and its numbers checked (no walk over the whole plan afterwards).
  const cut: NonNullable<ReportPlan['truncated']> = [];
  const nonFinite: NonNullable<ReportPlan['nonFinite']> = [];
  const finishRow = (r: number, cells: PlanCell[], cellWidths: number[]): number => {
    // A loop, not map and spread: called for every row of the report.
    let height = cells.length === 0 ? -Infinity : 0;
    for (let c = 0; c < cells.length; c++) {
      const x = cells[c];
      const value = x.value;
      if (typeof value === 'number') {
        if (!Number.isFinite(value)) nonFinite.push({ path: `report.rows[${r}].cells[${c}].value`, value });
        continue;
      }
      if (typeof value !== 'string') continue;
      // Measured as generated (a text over the limit is as tall as a row gets), then cut.
      const size = fontSize(x.style);
      height = Math.max(height, heightFor(estimateLines(value, cellWidths[c] ?? cellWidths[0], size), size));
      if (value.length > MAX_CELL_TEXT) {
        cut.push({ row: r, col: c, length: value.length });
        x.value = fitCellText(value, lang);
      }
    }
    if (!Number.isFinite(height)) nonFinite.push({ path: `report.rows[${r}].height`, value: height });
    return height;
  };
  const spanWidths = [totalWidth];
  const spanRow = (text: string, style: CellStyle) => {
    const cells = [cell(text, style)];
    const r = rows.length;
    rows.push({ cells, spanAll: true, height: finishRow(r, cells, spanWidths) });
    if (last > 0) merges.push({ top: r, bottom: r, left: 0, right: last });
  };
  const tableRow = (cells: PlanCell[], cellWidths: number[] = widths) => rows.push({ cells, height: finishRow(rows.length, cells, cellWidths) });
  const blank = () => rows.push({ cells: [] });

  // The narrative: paragraphs across all columns but the last, which holds their 依据 (the cells their figures
  // come from); sources pointing into the report itself are filled in once the tables below are laid out.
  keys.push({ row: 0, text: formatKey({ kind: 'fingerprint', fingerprint }) });
  // The 依据 cell is measured a little narrower than it is: its references break only at 、, not anywhere.
  const paragraphWidths = [totalWidth - widths[last], ...widths.slice(1, last), widths[last] - 5];
  const paragraphs: { row: number; sources: string[] }[] = [];
  const blockRows: number[] = [];
  for (const block of narrative) {
    blockRows.push(rows.length);
    if (block.kind !== 'paragraph') {
      spanRow(block.text, block.kind);
      // Headings and the signature anchor paragraphs the clerk adds (the title's row holds the fingerprint).
      if (block.id !== undefined && rows.length > 1) keys.push({ row: rows.length - 1, text: formatKey({ kind: 'anchor', id: block.id }) });
      continue;
    }
    const row = rows.length;
    rows.push({ cells: [cell(block.text, 'paragraph')] });
    merges.push({ top: row, bottom: row, left: 0, right: last - 1 });
    paragraphs.push({ row, sources: block.sources ?? [] });
    if (block.own) keys.push({ row, text: formatKey({ kind: 'own' }) });
    // The hash of the text as written (cut at the cell limit), so that the next run does not take a cut
    // paragraph for the clerk's edit.
    else if (block.id !== undefined) keys.push({ row, text: formatKey({ kind: 'paragraph', id: block.id, hash: paragraphHash(fitCellText(block.fresh ?? block.text, lang)) }) });
    if (block.fresh !== undefined && block.id !== undefined) {
      const note = block.fresh ? words(lang).report.comparison(block.fresh) : words(lang).report.comparisonGone;
      spanRow(note, 'comparison');
      keys.push({ row: rows.length - 1, text: formatKey({ kind: 'fresh', id: block.id }) });
    }
  }

  // The attachments, after the signature. The summary table goes last: its header repeats on every printed
  // page from where it starts (print titles), which on earlier pages would sit over the other tables.
  keys.push({ row: rows.length, text: formatKey({ kind: 'end' }) });
  let scoreTotalRow = -1;
  let scoreRegion: TableRegion | undefined;
  /** Filled once the summary table is laid out: score formulas that read it. */
  const afterSummary: ((summary: SummaryRefs) => void)[] = [];
  const writeScore = () => {
    blank();
    spanRow(attachmentCaption('score', lang), 'caption');
    const scoreWidths = [widths[0], widths[1], widths[2], widths[3], widths.slice(4).reduce((a, b) => a + b, 0)];
    const scoreRow = (cells: PlanCell[]) => {
      tableRow(cells, scoreWidths);
      merges.push({ top: rows.length - 1, bottom: rows.length - 1, left: 4, right: last });
    };
    const scoreHeader = rows.length;
    scoreRow(SCORE_HEADERS[lang].map((h) => cell(h, 'tableHeader')));
    const score = ev.score;
    const first = rows.length;
    for (const r of score.rows) {
      const row = rows.length;
      const actual = cell(r.actual, 'tableCell', r.actual === null ? 'text' : 'percent');
      const scored = cell(r.score, 'tableCell', 'amount');
      scoreRow([cell(r.name, 'tableCell'), withFormula(cell(r.points, 'tableCell', 'amount'), r.pointsCell), actual, scored, cell(r.note, 'tableCell')]);
      // A hand score shows what the clerk enters in 评分设置 (blank while unscored).
      if (r.kind === 'manual' && r.scoreCell) scored.formula = printFormula(manualScoreExpr(r.scoreCell));
      if (r.actual === null || r.score === null) continue;
      const points = ref(`B${row + 1}`);
      const shown = ROUND(ref(`C${row + 1}`), 4);
      const kind = r.kind;
      if (kind === 'execution' || kind === 'adjustment') {
        // Over the totals table's cells, or over the summary's total row once it has its place.
        if (ev.totals.source === 'projects') {
          afterSummary.push((summary) => {
            // A total the table leaves blank (年初 where no project has one) is no figure: the engine does without it.
            const figure = (field: AmountField) => (ev.projectSum[field] === null || (field === 'carryover' && !showCarry) ? null : ref(summary.totalCell(field)));
            actual.formula = printOptional(departmentRate(ev, kind, figure));
          });
        } else actual.formula = printOptional(departmentRate(ev, kind, totalsFigure(ev)));
        scored.formula = printFormula(
          kind === 'execution' ? executionScoreExpr(shown, points, ev.score.rules.execution) : adjustmentScoreExpr(shown, points, ev.score.rules.adjustment),
        );
      } else if (kind === 'projects') {
        afterSummary.push((summary) => {
          actual.formula = printFormula(summary.projectShare);
        });
        scored.formula = printFormula(ROUND(mul(points, ref(`C${row + 1}`)), 2));
      }
    }
    const end = rows.length - 1;
    scoreTotalRow = rows.length;
    const sum = (col: string) => (end >= first ? printFormula(ROUND(call('SUM', ref(`${col}${first + 1}:${col}${end + 1}`)), 2)) : undefined);
    scoreRow([
      cell(SCORE_TOTAL_LABEL[lang], 'tableTotal'),
      withFormula(cell(score.max, 'tableTotal', 'amount'), sum('B')),
      cell(null, 'tableTotal'),
      withFormula(cell(score.total, 'tableTotal', 'amount'), sum('D')),
      cell(scoreTotalNote(ev), 'tableTotal'),
    ]);
    scoreRegion = { header: scoreHeader, first, last: end, total: scoreTotalRow, widths: scoreWidths, columns: [0, 1, 2, 3, 4], note: scoreNote(ev) };
    spanRow(scoreNote(ev), 'note');
  };
  // 附表2 has a row per finding (thousands on a large workbook): no merges, whose cost in ExcelJS grows with the
  // square of their number. The problem goes in the first, widest column, then its severity and its cell.
  const writeProblems = () => {
    blank();
    spanRow(attachmentCaption('problems', lang), 'caption');
    const w = words(lang).report;
    tableRow([cell(w.problemHeaders.problem, 'tableHeader'), cell(w.problemHeaders.severity, 'tableHeader'), cell(w.problemHeaders.cell, 'tableHeader')]);
    if (ev.findings.length === 0) tableRow([cell(w.noProblems, 'tableCell'), cell(null, 'tableCell'), cell(null, 'tableCell')]);
    // Indexed loops over the findings and the projects: a for-of costs an iterator step per row while the code
    // is still interpreted (the command runs it once).
    for (let k = 0; k < ev.findings.length; k++) {
      const f = ev.findings[k];
      tableRow([cell(f.message, 'tableCell'), cell(w.severity[f.severity], 'tableCell'), cell(f.cell ?? w.wholeWorkbook, 'tableCell')]);
    }
  };
  // 附表3, one row per project with indicators (no merges: it can be as long as the project list). The execution
  // score is a formula over the project's money cells, 总分 a formula over the row; the rest are values.
  let selfScoreRegion: TableRegion | undefined;
  const writeSelfScore = () => {
    if (scored.length === 0) return;
    blank();
    spanRow(attachmentCaption('selfScore', lang), 'caption');
    const header = rows.length;
    const count = selfColumns.length;
    const cellWidths = widths.slice(0, count);
    tableRow(selfColumns.map((c) => cell(c.header[lang], 'tableHeader')), cellWidths);
    const other = usesOther(ev.projects);
    const w = words(lang);
    const first = rows.length;
    for (let k = 0; k < scored.length; k++) {
      const p = scored[k];
      const s = p.selfScore!;
      const excelRow = rows.length + 1;
      const byCategory = categoryScores(p);
      const execution = cell(s.executionScore, 'tableCell', 'amount');
      execution.formula = printOptional(projectExecutionScore(ev, p));
      const categories = [byCategory.output, byCategory.effect, byCategory.satisfaction, ...(other ? [byCategory.other] : [])].map((v) => cell(v, 'tableCell', 'amount'));
      const lastCategory = columnLetters(1 + categories.length);
      const rule = cell(s.ruleScore, 'tableCell', 'amount');
      rule.formula = printFormula(call('SUM', ref(`B${excelRow}:${lastCategory}${excelRow}`)));
      const grade = projectGrade(p, ev.score.rules);
      const missed = p.indicators.filter((i) => i.met === false).map((i) => missedName(i, lang));
      tableRow(
        [
          cell(shownName(p), 'tableCell'),
          execution,
          ...categories,
          rule,
          cell(s.clerkScore, 'tableCell', 'amount'),
          cell(grade === null ? null : w.grade(grade), 'tableCell'),
          cell(missed.length > 0 ? missed.join(w.listSeparator) : null, 'tableCell'),
        ],
        cellWidths,
      );
    }
    const note = w.report.selfScoreNote(gradeBands(ev.score.rules, lang));
    // No total row: scores of projects of different sizes do not add up (项目自评平均分 weighs them, in 附表1).
    selfScoreRegion = { header, first, last: rows.length - 1, total: -1, widths: cellWidths, columns: selfColumns.map((_, c) => c), note };
    spanRow(note, 'note');
  };
  const writeSummary = (): SummaryRefs => {
    blank();
    spanRow(attachmentCaption('summary', lang), 'caption');
    const summaryHeaderRow = rows.length;
    tableRow(columns.map((c) => cell(c.header[lang], 'tableHeader')));
    const col = summaryColumnIndex(showCarry);
    const letters = columns.map((_, c) => columnLetters(c));
    const statusText = STATUS_TEXT[lang];
    const firstProject = rows.length;
    // The project rows go into a body kept by column (PlanBody): their formulas are the same but for a number
    // (the row's own, or its source cell's row), each printed once as a template.
    const basis = ev.department.basis;
    const atRow = (row: string) => (c: number) => `${letters[c]}${row}`;
    const rateWith = (hasInitial: boolean) => rowTemplate((row) => rateExpr(ref(atRow(row)(col.actual)), summaryDenominator(basis, atRow(row), col, hasInitial)));
    const formatAt = (c: number): CellFormat => (c === col.rate || c === col.target ? 'percent' : c === 0 || c === col.status ? 'text' : 'amount');
    const n = ev.projects.length;
    // Every column's arrays made once at their length (see BodyColumn); a row without a formula keeps template -1.
    const bodyColumns: BodyColumn[] = columns.map((_, c) => {
      const format = formatAt(c);
      const values = format === 'text' ? { values: new Array<string | null>(n).fill(null) } : { values: new Float64Array(n), blank: new Uint8Array(n) };
      return { style: 'tableCell', format, ...values, templates: [], template: new Int32Array(n).fill(-1), number: new Int32Array(n) };
    });
    const body: PlanBody = { first: firstProject, count: 0, columns: bodyColumns, highlight: new Uint8Array(n), heights: new Int32Array(n) };
    const own = (c: number, parts: string[]) => {
      bodyColumns[c].templates.push(parts);
      return bodyColumns[c].templates.length - 1;
    };
    const rate = own(col.rate, rateWith(true));
    const rateWithoutInitial = own(col.rate, rateWith(false));
    const status = own(col.status, rowTemplate((row) => statusExpr(ref(atRow(row)(col.rate)), ref(atRow(row)(col.target)), ev.department.explainBelow, statusText)));
    const derived = derivedFigures(atRow, col);
    const derivedAt: Partial<Record<AmountField, number>> = {
      initialBudget: own(col.initial, derived.initialBudget),
      adjustment: own(col.adjustment, derived.adjustment),
      adjustedBudget: own(col.adjusted, derived.adjustedBudget),
    };
    const sources = columns.map(() => new SourceTemplates());
    const size = fontSize('tableCell');
    const statusWidth = widths[col.status] ?? widths[0];
    const statusHeights = new Map<string, number>();
    const fieldColumn = [col.initial, col.adjustment, col.adjusted, col.carryover, col.actual];
    // A table's rows share their RowSources: its cells by field index, taken out again only when the table changes.
    let ownCellsOf: RowSources['row'] | null = null;
    const ownCells: (RowSources['row'][AmountField] | undefined)[] = [];
    for (let k = 0; k < ev.projects.length; k++) {
      const p = ev.projects[k];
      const r = rows.length;
      const excelRow = r + 1;
      const rowCells = isRowSources(p.sources) ? p.sources.row : null;
      if (rowCells !== null && rowCells !== ownCellsOf) {
        ownCellsOf = rowCells;
        for (let f = 0; f < AMOUNT_FIELDS.length; f++) ownCells[f] = rowCells[AMOUNT_FIELDS[f]];
      }
      // A figure's cell: its source's formula, or the row's own derivation (figureFormula), only where it shows a value.
      for (let f = 0; f < AMOUNT_FIELDS.length; f++) {
        const c = fieldColumn[f];
        if (c < 0) continue;
        const field = AMOUNT_FIELDS[f];
        const value = amountAt(p, f);
        const column = bodyColumns[c];
        if (typeof value === 'number' && !Number.isFinite(value)) nonFinite.push({ path: `report.rows[${r}].cells[${c}].value`, value });
        if (value === null) {
          column.blank![k] = 1;
          continue;
        }
        column.values[k] = value;
        // A table row's cell: its column's reference and the row's number, no reference made and taken apart.
        const own = rowCells === null ? undefined : ownCells[f];
        if (own !== undefined) {
          if (own.formula) sources[c].addRow(column, k, own.column, own.divisor, p.location.row + 1);
          continue;
        }
        const source = rowCells === null ? (p.sources as AmountSources)[field] : undefined;
        if (source !== undefined) {
          if (source.formula) sources[c].add(column, k, source);
        } else if (derivable(p, field)) withNumber(column, k, derivedAt[field]!, excelRow);
      }
      const rateColumn = bodyColumns[col.rate];
      if (typeof p.executionRate === 'number' && !Number.isFinite(p.executionRate)) nonFinite.push({ path: `report.rows[${r}].cells[${col.rate}].value`, value: p.executionRate });
      if (p.executionRate === null) rateColumn.blank![k] = 1;
      else rateColumn.values[k] = p.executionRate;
      withNumber(rateColumn, k, p.initialBudget !== null ? rate : rateWithoutInitial, excelRow);
      const targetColumn = bodyColumns[col.target];
      if (typeof p.effectiveTarget === 'number' && !Number.isFinite(p.effectiveTarget)) nonFinite.push({ path: `report.rows[${r}].cells[${col.target}].value`, value: p.effectiveTarget });
      targetColumn.values[k] = p.effectiveTarget;
      if (p.target !== null && p.targetSource?.formula) sources[col.target].add(targetColumn, k, p.targetSource);
      const statusColumn = bodyColumns[col.status];
      let statusShown = projectStatus(p, lang);
      withNumber(statusColumn, k, status, excelRow);
      // The row's height from its texts: its name and its status (one of four, measured once each).
      let statusHeight = statusHeights.get(statusShown);
      if (statusHeight === undefined) statusHeights.set(statusShown, (statusHeight = heightFor(estimateLines(statusShown, statusWidth, size), size)));
      let name = shownName(p);
      const height = Math.max(heightFor(estimateLines(name, widths[0], size), size), statusHeight);
      if (name.length > MAX_CELL_TEXT) {
        cut.push({ row: r, col: 0, length: name.length });
        name = fitCellText(name, lang);
      }
      if (statusShown.length > MAX_CELL_TEXT) {
        cut.push({ row: r, col: col.status, length: statusShown.length });
        statusShown = fitCellText(statusShown, lang);
      }
      bodyColumns[0].values[k] = name;
      statusColumn.values[k] = statusShown;
      body.highlight[k] = p.underTarget ? 1 : 0;
      body.heights[k] = height;
      rows.push(null);
      body.count++;
    }
    if (body.count > 0) bodies.push(body);
    const lastProject = rows.length - 1;
    const s = ev.projectSum;
    const totalRow = rows.length;
    const at = (c: number) => `${columnLetters(c)}${totalRow + 1}`;
    const sum = (c: number) =>
      lastProject >= firstProject ? printFormula(call('SUM', ref(`${columnLetters(c)}${firstProject + 1}:${columnLetters(c)}${lastProject + 1}`))) : undefined;
    const sumRate = cell(s.executionRate, 'tableTotal', 'percent');
    if (lastProject >= firstProject) sumRate.formula = printFormula(rateExpr(ref(at(col.actual)), summaryDenominator(ev.department.basis, at, col, s.initialBudget !== null)));
    tableRow([
      cell(SUMMARY_TOTAL_LABEL[lang], 'tableTotal'),
      withFormula(cell(s.initialBudget, 'tableTotal', 'amount'), s.initialBudget === null ? undefined : sum(col.initial)),
      withFormula(cell(s.adjustment, 'tableTotal', 'amount'), s.adjustment === null ? undefined : sum(col.adjustment)),
      withFormula(cell(s.adjustedBudget, 'tableTotal', 'amount'), sum(col.adjusted)),
      ...(showCarry ? [withFormula(cell(s.carryover, 'tableTotal', 'amount'), sum(col.carryover))] : []),
      withFormula(cell(s.actual, 'tableTotal', 'amount'), sum(col.actual)),
      sumRate,
      cell(null, 'tableTotal'),
      cell(null, 'tableTotal'),
    ]);
    spanRow(
      `${summaryNote(ev)}${words(lang).report.formulasNote}`,
      'note',
    );
    const under = statusText.under;
    const rule =
      lastProject >= firstProject
        ? {
            range: { top: firstProject, bottom: lastProject, left: 0, right: summaryLast },
            // 未达标 and 未达标（需说明原因） alike; the status is itself a formula over the row's cells.
            formula: printFormula(underStatusExpr(ref(`$${letters[col.status]}${firstProject + 1}`), under)),
          }
        : null;
    const names = `A${firstProject + 1}:A${lastProject + 1}`;
    const statuses = `${columnLetters(col.status)}${firstProject + 1}:${columnLetters(col.status)}${lastProject + 1}`;
    return {
      region: { header: summaryHeaderRow, first: firstProject, last: lastProject, total: totalRow, widths: columns.map((c) => c.width), columns: columns.map((_, c) => c), note: summaryNote(ev), named: col },
      totalRow,
      rule,
      projectShare: lastProject >= firstProject ? projectShareExpr(names, statuses, statusText) : textExpr(''),
      totalCell: (field) => at(col[COLUMN_OF[field]]),
    };
  };
  writeScore(); // 附表1
  writeProblems(); // 附表2
  writeSelfScore(); // 附表3, when some project has indicators
  const summary = writeSummary(); // 附表4
  for (const fill of afterSummary) fill(summary);

  const printed = fingerprint.slice(0, 12);
  spanRow(
    words(lang).report.fingerprintNote(printed),
    'note',
  );

  // The 依据 cells, now that the report's own tables have their places.
  const reportRef = (token: string): string[] => {
    if (token === SOURCE_SUMMARY_TOTAL) return [`${quoteSheet(sheetName)}!A${summary.totalRow + 1}:${columnLetters(summaryLast - 1)}${summary.totalRow + 1}`];
    if (token === SOURCE_SCORE_TOTAL) return scoreTotalRow >= 0 ? [`${quoteSheet(sheetName)}!D${scoreTotalRow + 1}`] : [];
    return [token];
  };
  const sourcesLabel = words(lang).report.sources;
  for (const p of paragraphs) {
    const refs = [...new Set(p.sources.flatMap(reportRef))];
    const row = rows[p.row]!;
    if (refs.length > 0) {
      row.cells = [row.cells[0], ...Array.from({ length: last - 1 }, () => cell(null, 'paragraph')), cell(`${sourcesLabel}${groupBySheet(refs).join(words(lang).listSeparator)}`, 'sources')];
    }
    row.height = finishRow(p.row, row.cells, paragraphWidths);
  }
  // The paragraphs were finished last: the cuts in the order of the cells.
  const truncated = paragraphs.length > 0 ? cut.sort((a, b) => a.row - b.row || a.col - b.col) : cut;
  if (!scoreRegion) throw new Error('the score table was not laid out');
  return {
    sheetName,
    lang,
    replaces: options.replaces ?? false,
    columnWidths: widths,
    rows,
    bodies,
    merges,
    regions: { score: scoreRegion, scoreTotal: { row: scoreRegion.total, col: 3 }, summary: summary.region, ...(selfScoreRegion ? { selfScore: selfScoreRegion } : {}) },
    chart: chartPlan(summary.region, rows.length, last, lang),
    pageSetup: {
      paper: 'A4',
      orientation: 'portrait',
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { ...PAGE_SETUP_MARGINS },
      printTitleRows: { top: summary.region.header, bottom: summary.region.header },
      showGridlines: false,
    },
    blockRows,
    summaryRule: summary.rule,
    fingerprint,
    keys,
    keyColumn: KEY_COLUMN,
    ...(truncated.length > 0 ? { truncated } : {}),
    ...(nonFinite.length > 0 ? { nonFinite } : {}),
  };
}

/**
 * The chart of the summary table's rate and target columns against the project names, below the report and
 * across its width; none without projects or past CHART_MAX_PROJECTS (unreadable, and slow to draw).
 */
function chartPlan(summary: SummaryRegion, rowCount: number, last: number, lang: Lang): ChartPlan | null {
  const projects = summary.last - summary.first + 1;
  if (projects <= 0 || projects > CHART_MAX_PROJECTS) return null;
  const { rate, target } = summary.named;
  const column = (c: number) => ({ name: { top: summary.header, bottom: summary.header, left: c, right: c }, values: { top: summary.first, bottom: summary.last, left: c, right: c } });
  const top = rowCount + 1;
  return {
    name: CHART_NAME,
    title: CHART_TITLE[lang],
    kind: 'barClustered',
    data: { top: summary.header, bottom: summary.last, left: rate, right: target },
    categories: { top: summary.first, bottom: summary.last, left: 0, right: 0 },
    series: [column(rate), column(target)],
    reversed: true,
    anchor: { top, left: 0, bottom: top + Math.max(14, Math.ceil(projects * 1.4) + 6), right: last },
  };
}

/** `项目支出!C5、项目支出!E5` → `项目支出!C5、E5`: each sheet named once per run of its cells. */
function groupBySheet(refs: string[]): string[] {
  let sheet: string | null = null;
  return refs.map((ref) => {
    const at = splitReference(ref);
    if (!at) return ref;
    const same = at.sheet === sheet;
    sheet = at.sheet;
    return same ? at.address : ref;
  });
}

type SummaryRegion = ReportPlan['regions']['summary'];

interface SummaryRefs {
  region: SummaryRegion;
  totalRow: number;
  rule: ReportPlan['summaryRule'];
  /** Formula for the share of projects on target, over the status column. */
  projectShare: Expr;
  /** The summary total row's cell of a figure. */
  totalCell: (field: AmountField) => string;
}

const COLUMN_OF: Record<AmountField, Exclude<SummaryColumn, 'name'>> = {
  initialBudget: 'initial',
  adjustment: 'adjustment',
  adjustedBudget: 'adjusted',
  carryover: 'carryover',
  actual: 'actual',
};

function summaryColumnIndex(showCarry: boolean): Record<SummaryColumn, number> {
  const c = showCarry ? 1 : 0;
  return { name: 0, initial: 1, adjustment: 2, adjusted: 3, carryover: showCarry ? 4 : -1, actual: 4 + c, rate: 5 + c, target: 6 + c, status: 7 + c };
}

function withFormula(target: PlanCell, formula: string | undefined): PlanCell {
  if (formula !== undefined && target.value !== null) target.formula = formula;
  return target;
}

/** 调整后 = 年初 + 调整, 调整 = 调整后 − 年初, 年初 = 调整后 − 调整, over the row's own cells, as row templates. */
function derivedFigures(atRow: (row: string) => (col: number) => string, col: Record<SummaryColumn, number>): Record<'adjustedBudget' | 'adjustment' | 'initialBudget', string[]> {
  const cellOf = (row: string, c: SummaryColumn) => ref(atRow(row)(col[c]));
  return {
    adjustedBudget: rowTemplate((row) => add(cellOf(row, 'initial'), cellOf(row, 'adjustment'))),
    adjustment: rowTemplate((row) => sub(cellOf(row, 'adjusted'), cellOf(row, 'initial'))),
    initialBudget: rowTemplate((row) => sub(cellOf(row, 'adjusted'), cellOf(row, 'adjustment'))),
  };
}

/** The summary's money columns, in the order of their columns. */
/**
 * Whether a figure without a cell of its own is computed from the row's others as the parser derived it
 * (调整后 = 年初 + 调整, 调整 = 调整后 − 年初, 年初 = 调整后 − 调整). A cell holding a number as text cannot be
 * read by a formula: its value is written instead.
 */
function derivable(p: ProjectResult, field: AmountField): boolean {
  if (field === 'adjustedBudget') return p.initialBudget !== null;
  if (field === 'adjustment') return hasSource(p, 'adjustedBudget') && hasSource(p, 'initialBudget');
  if (field === 'initialBudget') return hasSource(p, 'adjustedBudget') && hasSource(p, 'adjustment');
  return false;
}

/** Row `k` of a body column gets the formula of `template` with `n` in it. */
function withNumber(column: BodyColumn, k: number, template: number, n: number): void {
  column.template[k] = template;
  column.number[k] = n;
}

/**
 * A column's source formulas as templates (printSource's text): `项目支出!C4/10000` is `['项目支出!C', '/10000']`
 * with 4. A table's cells share one; the last one is tried first (a table's rows come one after another).
 */
class SourceTemplates {
  private readonly known = new Map<string, number>();
  private lastPrefix = '';
  private lastDivisor = NaN;
  private lastIndex = -1;

  /** A table row's cell: its column's reference without the row (`项目支出!C`), and the row's number. */
  addRow(column: BodyColumn, k: number, columnRef: string, divisor: number, row: number): void {
    if (divisor !== this.lastDivisor || columnRef !== this.lastPrefix) {
      const suffix = divisor === 1 ? '' : `/${printNumber(divisor)}`;
      this.lastIndex = this.index(column, `${columnRef}\u0000${suffix}`, [columnRef, suffix]);
      this.lastPrefix = columnRef;
      this.lastDivisor = divisor;
    }
    withNumber(column, k, this.lastIndex, row);
  }

  add(column: BodyColumn, k: number, source: SourceCell): void {
    const { ref: text, divisor } = source;
    // The row: the reference's last digits (a row has no leading 0 and at most 7 digits).
    let start = text.length;
    let row = 0;
    for (let scale = 1; start > 0; start--, scale *= 10) {
      const code = text.charCodeAt(start - 1);
      if (code < 48 || code > 57) break;
      row += (code - 48) * scale;
    }
    if (start === text.length || text.charCodeAt(start) === 48 || text.length - start > 7) {
      // Not a single cell's reference: its whole text, a template of its own.
      withNumber(column, k, this.index(column, printSource(source), [printSource(source)]), 0);
      return;
    }
    if (divisor !== this.lastDivisor || start !== this.lastPrefix.length || !text.startsWith(this.lastPrefix)) {
      const prefix = text.slice(0, start);
      const suffix = divisor === 1 ? '' : `/${printNumber(divisor)}`;
      this.lastIndex = this.index(column, `${prefix}\u0000${suffix}`, [prefix, suffix]);
      this.lastPrefix = prefix;
      this.lastDivisor = divisor;
    }
    withNumber(column, k, this.lastIndex, row);
  }

  private index(column: BodyColumn, key: string, parts: string[]): number {
    let index = this.known.get(key);
    if (index === undefined) {
      index = column.templates.push(parts) - 1;
      this.known.set(key, index);
    }
    return index;
  }
}

/** The summary row's denominator: its 年初 column holds the derived 年初 where the table has none. */
function summaryDenominator(basis: Basis, at: (col: number) => string, col: Record<SummaryColumn, number>, hasInitial: boolean): Expr {
  const cellOf = (c: SummaryColumn) => ref(at(col[c]));
  const figures: Figures = {
    initial: hasInitial ? cellOf('initial') : null,
    adjustment: null,
    adjusted: cellOf('adjusted'),
    carryover: col.carryover >= 0 ? cellOf('carryover') : null,
  };
  // Without a carry-over column the engine adds a carry-over of 0: the adjusted budget alone.
  return denominatorExpr(basis, figures) ?? cellOf('adjusted');
}

/** The totals table's figure cells (bracketed: `(部门支出!D6)/…` reads as one figure), or null where none was read. */
function totalsFigure(ev: Evaluation): ((field: AmountField) => Expr | null) | null {
  const t = ev.totals;
  if (Object.keys(t.sources).length === 0) return null;
  return (field) => {
    const source = t.sources[field];
    return source?.formula ? group(sourceExpr(source)) : null;
  };
}

/**
 * 附表3's execution score over the project's money cells (a form's total row, or the rows under it summed when
 * the total row was empty), on the report's basis as the engine scored it; none when a figure has no cell.
 */
function projectExecutionScore(ev: Evaluation, p: ProjectResult): Expr | undefined {
  const breakdown = p.form?.breakdownSources ?? {};
  const figure = (field: AmountField): Expr | null => {
    const own = sourceOf(p, field);
    // Brackets only where precedence needs them (printFormula).
    if (own) return own.formula ? sourceExpr(own) : null;
    const parts = breakdown[field];
    if (!parts) return null;
    const sum = call('SUM', ref(parts.ref));
    return parts.divisor === 1 ? sum : div(sum, num(parts.divisor));
  };
  const actual = figure('actual');
  const denominator = denominatorExpr(ev.department.basis, {
    initial: figure('initialBudget'),
    adjustment: figure('adjustment'),
    adjusted: figure('adjustedBudget'),
    carryover: figure('carryover') ?? (p.carryover === 0 ? num(0) : null),
  });
  if (!actual || !denominator) return undefined;
  return projectExecutionScoreExpr(actual, denominator, executionPointsOf(p));
}

/** The printed formula, or none. */
function printOptional(e: Expr | undefined): string | undefined {
  return e === undefined ? undefined : printFormula(e);
}

/** The department's rate over its source cells (the totals table), or over the summary table's total row. */
function departmentRate(ev: Evaluation, kind: 'execution' | 'adjustment', figure: ((field: AmountField) => Expr | null) | null): Expr | undefined {
  if (!figure) return undefined;
  const t = ev.totals;
  const f = completeFigures({
    initial: figure('initialBudget'),
    adjustment: figure('adjustment'),
    adjusted: figure('adjustedBudget'),
    carryover: figure('carryover') ?? (t.carryover === 0 ? num(0) : null),
  });
  if (kind === 'adjustment') return f.initial && f.adjustment ? adjustmentRateExpr(f.adjustment, f.initial) : undefined;
  const actual = figure('actual');
  const denom = denominatorExpr(ev.department.basis, f);
  return actual && denom ? rateExpr(actual, denom) : undefined;
}
