// Evaluation → ReportPlan: the narrative, then (as 附表, after the signature, as official documents place
// attachments) the summary table of every project and the list of problems found in the data.
import type { CellRange, Evaluation, Finding, Lang } from '../model';
import {
  attachmentCaption,
  projectStatus,
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
import type { AmountField, Amounts, AmountSources, SourceCell } from '../model';
import { displayedRate } from '../numbers';
import { formatKey, KEY_COLUMN, paragraphHash } from '../record/reportRecord';
import { composeNarrative, SOURCE_SCORE_TOTAL, SOURCE_SUMMARY_TOTAL, type Block } from './narrative';
import {
  CHART_MAX_PROJECTS,
  CHART_NAME,
  CHART_TITLE,
  fitCellText,
  MAX_ROW_HEIGHT,
  numberFormatOf,
  PAGE_SETUP_MARGINS,
  type CellFormat,
  type CellStyle,
  type ChartPlan,
  type PlanCell,
  type PlanRow,
  type ReportPlan,
  type SummaryColumn,
  type TableRegion,
} from './reportPlan';
import { fontSize } from './reportStyle';

const SEVERITY_TEXT: Record<Lang, Record<Finding['severity'], string>> = {
  zh: { error: '错误', warning: '警告', info: '提示' },
  en: { error: 'Error', warning: 'Warning', info: 'Info' },
};

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

/** The height a row needs: its tallest cell, each measured across the width it has. */
function rowHeight(cells: PlanCell[], widths: number[]): number {
  // A loop, not map and spread: called for every row of the report.
  let height = cells.length === 0 ? -Infinity : 0;
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    if (typeof c.value === 'string') height = Math.max(height, heightFor(estimateLines(c.value, widths[i] ?? widths[0], fontSize(c.style)), fontSize(c.style)));
  }
  return height;
}

function cell(value: string | number | null, style: CellStyle, format: CellFormat = 'text', highlight = false): PlanCell {
  // The number format is set again once the cell has its formula (finishCells).
  const planned: PlanCell = { value, format, style, numberFormat: '' };
  if (highlight) planned.highlight = true;
  return planned;
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
  const zh = lang === 'zh';
  const showCarry = showsCarryover(ev);
  const columns: Column[] = summaryColumns(ev);
  const widths = columns.map((c) => c.width);
  const totalWidth = widths.reduce((a, b) => a + b, 0);
  const last = columns.length - 1;
  if (last >= KEY_COLUMN) throw new Error('the report is wider than its record column allows');
  const rows: PlanRow[] = [];
  const merges: CellRange[] = [];
  const keys: ReportPlan['keys'] = [];
  const spanRow = (text: string, style: CellStyle) => {
    const cells = [cell(text, style)];
    rows.push({ cells, spanAll: true, height: rowHeight(cells, [totalWidth]) });
    if (last > 0) merges.push({ top: rows.length - 1, bottom: rows.length - 1, left: 0, right: last });
  };
  const tableRow = (cells: PlanCell[], cellWidths: number[] = widths) => rows.push({ cells, height: rowHeight(cells, cellWidths) });
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
      const note = block.fresh
        ? zh
          ? `【以上为您修改过的段落，已保留。本次生成的内容如下，供对照；核对后可删除本行】\n${block.fresh}`
          : `[The paragraph above is your own text, kept. The text generated now follows for comparison; delete this row when done]\n${block.fresh}`
        : zh
          ? '【以上为您修改过的段落，已保留；本次生成的报告中已没有与之对应的段落】'
          : '[The paragraph above is your own text, kept; the report generated now has no paragraph in its place]';
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
      if (r.kind === 'manual' && r.scoreCell) scored.formula = `IF(ISNUMBER(${r.scoreCell}),${r.scoreCell},"")`;
      if (r.actual === null || r.score === null) continue;
      const points = `B${row + 1}`;
      const shown = `ROUND(C${row + 1},4)`;
      if (r.kind === 'execution') {
        actual.formula = departmentRate(ev, 'execution');
        scored.formula = executionScoreFormula(shown, points, ev);
      } else if (r.kind === 'adjustment') {
        actual.formula = departmentRate(ev, 'adjustment');
        scored.formula = adjustmentScoreFormula(shown, points, ev);
      } else if (r.kind === 'projects') {
        afterSummary.push((summary) => {
          actual.formula = summary.projectShare;
        });
        scored.formula = `ROUND(${points}*C${row + 1},2)`;
      }
      if (actual.formula && ev.totals.source === 'projects' && r.kind !== 'projects') {
        const template = actual.formula;
        afterSummary.push((summary) => {
          actual.formula = template.replace(/\{total:(\w+)\}/g, (_m, field: string) => summary.totalCell(field as AmountField));
        });
      }
    }
    const end = rows.length - 1;
    scoreTotalRow = rows.length;
    const sum = (col: string) => (end >= first ? `ROUND(SUM(${col}${first + 1}:${col}${end + 1}),2)` : undefined);
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
    tableRow([cell(zh ? '问题' : 'Problem', 'tableHeader'), cell(zh ? '级别' : 'Severity', 'tableHeader'), cell(zh ? '位置' : 'Cell', 'tableHeader')]);
    if (ev.findings.length === 0) tableRow([cell(zh ? '未发现问题。' : 'No problems found.', 'tableCell'), cell(null, 'tableCell'), cell(null, 'tableCell')]);
    for (const f of ev.findings) {
      tableRow([cell(f.message, 'tableCell'), cell(SEVERITY_TEXT[lang][f.severity], 'tableCell'), cell(f.cell ?? (zh ? '整个工作簿' : 'Workbook'), 'tableCell')]);
    }
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
    for (const p of ev.projects) {
      const h = p.underTarget;
      const excelRow = rows.length + 1;
      const at = (c: number) => `${letters[c]}${excelRow}`;
      const f = figureFormulas(p.sources, p, at, col);
      const rate = cell(p.executionRate, 'tableCell', 'percent', h);
      const denom = denominatorOf(ev.department.basis, at, col, p.initialBudget !== null);
      rate.formula = `IF(${denom}>0,${at(col.actual)}/${denom},"")`;
      const target = cell(p.effectiveTarget, 'tableCell', 'percent', h);
      if (p.target !== null && p.targetSource?.formula) target.formula = sourceFormula(p.targetSource);
      const statusCell = cell(projectStatus(p, lang), 'tableCell', 'text', h);
      statusCell.formula = statusFormula(at(col.rate), at(col.target), ev.department.explainBelow, statusText);
      tableRow([
        cell(p.name, 'tableCell', 'text', h),
        withFormula(cell(p.initialBudget, 'tableCell', 'amount', h), f.initialBudget),
        withFormula(cell(p.adjustment, 'tableCell', 'amount', h), f.adjustment),
        withFormula(cell(p.adjustedBudget, 'tableCell', 'amount', h), f.adjustedBudget),
        ...(showCarry ? [withFormula(cell(p.carryover, 'tableCell', 'amount', h), f.carryover)] : []),
        withFormula(cell(p.actual, 'tableCell', 'amount', h), f.actual),
        rate,
        target,
        statusCell,
      ]);
    }
    const lastProject = rows.length - 1;
    const s = ev.projectSum;
    const totalRow = rows.length;
    const at = (c: number) => `${columnLetters(c)}${totalRow + 1}`;
    const sum = (c: number) => (lastProject >= firstProject ? `SUM(${columnLetters(c)}${firstProject + 1}:${columnLetters(c)}${lastProject + 1})` : undefined);
    const sumRate = cell(s.executionRate, 'tableTotal', 'percent');
    const denom = denominatorOf(ev.department.basis, at, col, s.initialBudget !== null);
    if (lastProject >= firstProject) sumRate.formula = `IF(${denom}>0,${at(col.actual)}/${denom},"")`;
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
      `${summaryNote(ev)}${
        zh
          ? '表中金额是指向源数据单元格的公式（选中单元格可见出处），源数据修改后 Excel 会重算本表；文字部分须重新生成。'
          : ' The amounts are formulas pointing at the source cells (select one to see where it comes from): Excel recalculates this table when a source changes; the text needs a new Generate.'
      }`,
      'note',
    );
    const under = statusText.under;
    const rule =
      lastProject >= firstProject
        ? {
            range: { top: firstProject, bottom: lastProject, left: 0, right: last },
            // 未达标 and 未达标（需说明原因） alike; the status is itself a formula over the row's cells.
            formula: `LEFT($${letters[col.status]}${firstProject + 1},${under.length})="${under}"`,
          }
        : null;
    const names = `A${firstProject + 1}:A${lastProject + 1}`;
    const statuses = `${columnLetters(col.status)}${firstProject + 1}:${columnLetters(col.status)}${lastProject + 1}`;
    return {
      region: { header: summaryHeaderRow, first: firstProject, last: lastProject, total: totalRow, widths, columns: columns.map((_, c) => c), note: summaryNote(ev), named: col },
      totalRow,
      rule,
      projectShare:
        lastProject >= firstProject
          ? `IF(COUNTA(${names})-COUNTIF(${statuses},"${statusText.noBudget}")>0,COUNTIF(${statuses},"${statusText.onTarget}")/(COUNTA(${names})-COUNTIF(${statuses},"${statusText.noBudget}")),"")`
          : '""',
      totalCell: (field) => at(col[COLUMN_OF[field]]),
    };
  };
  writeScore(); // 附表1
  writeProblems(); // 附表2
  const summary = writeSummary(); // 附表3
  for (const fill of afterSummary) fill(summary);

  const printed = fingerprint.slice(0, 12);
  spanRow(
    zh
      ? `本报告由“部门整体支出绩效自评”工具根据本工作簿的数据生成，数据指纹 ${printed}。源数据修改后请重新生成；命令 budget-eval --check 可核对报告是否与数据一致。`
      : `Generated from this workbook's data by the self-evaluation tool; data fingerprint ${printed}. Generate again after the data changes; budget-eval --check tells whether the report matches the data.`,
    'note',
  );

  // The 依据 cells, now that the report's own tables have their places.
  const reportRef = (token: string): string[] => {
    if (token === SOURCE_SUMMARY_TOTAL) return [`${quoteSheet(sheetName)}!A${summary.totalRow + 1}:${columnLetters(last - 1)}${summary.totalRow + 1}`];
    if (token === SOURCE_SCORE_TOTAL) return scoreTotalRow >= 0 ? [`${quoteSheet(sheetName)}!D${scoreTotalRow + 1}`] : [];
    return [token];
  };
  const sourcesLabel = zh ? '依据：' : 'Source: ';
  for (const p of paragraphs) {
    const refs = [...new Set(p.sources.flatMap(reportRef))];
    const row = rows[p.row];
    if (refs.length > 0) {
      row.cells = [row.cells[0], ...Array.from({ length: last - 1 }, () => cell(null, 'paragraph')), cell(`${sourcesLabel}${groupBySheet(refs).join(zh ? '、' : ', ')}`, 'sources')];
    }
    row.height = rowHeight(row.cells, paragraphWidths);
  }

  const truncated = finishCells(rows, lang);
  if (!scoreRegion) throw new Error('the score table was not laid out');
  return {
    sheetName,
    lang,
    replaces: options.replaces ?? false,
    columnWidths: widths,
    rows,
    merges,
    regions: { score: scoreRegion, scoreTotal: { row: scoreRegion.total, col: 3 }, summary: summary.region },
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

/**
 * Each cell's number format, now that it has its formula; and every text over Excel's cell limit (a clerk's
 * 部门职责, a project name, a finding quoting one) cut, here in core so that every host writes the same. The
 * cells cut, for the findings (core/pipeline.ts).
 */
function finishCells(rows: PlanRow[], lang: Lang): NonNullable<ReportPlan['truncated']> {
  const cut: NonNullable<ReportPlan['truncated']> = [];
  rows.forEach((row, r) =>
    row.cells.forEach((c, col) => {
      c.numberFormat = numberFormatOf(c);
      if (typeof c.value !== 'string') return;
      const fitted = fitCellText(c.value, lang);
      if (fitted === c.value) return;
      cut.push({ row: r, col, length: c.value.length });
      c.value = fitted;
    }),
  );
  return cut;
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
  projectShare: string;
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

/** `'项目支出'!D6/10000`: the source cell in 万元. */
function sourceFormula(source: SourceCell): string {
  return source.divisor === 1 ? source.ref : `${source.ref}/${source.divisor}`;
}

/**
 * A row's figures as formulas: read ones point at their cell; derived ones are computed from the row's others
 * as the parser derived them (调整后 = 年初 + 调整, 调整 = 调整后 − 年初, 年初 = 调整后 − 调整). A cell holding a
 * number as text cannot be read by a formula: its value is written instead.
 */
function figureFormulas(sources: AmountSources, amounts: Amounts, at: (col: number) => string, col: Record<SummaryColumn, number>): Partial<Record<AmountField, string>> {
  const out: Partial<Record<AmountField, string>> = {};
  for (const field of Object.keys(COLUMN_OF) as AmountField[]) {
    const source = sources[field];
    if (source?.formula) out[field] = sourceFormula(source);
  }
  const known = (field: AmountField) => sources[field] !== undefined;
  if (!known('adjustedBudget') && amounts.initialBudget !== null) out.adjustedBudget = `${at(col.initial)}+${at(col.adjustment)}`;
  if (!known('adjustment') && known('adjustedBudget') && known('initialBudget')) out.adjustment = `${at(col.adjusted)}-${at(col.initial)}`;
  if (!known('initialBudget') && known('adjustedBudget') && known('adjustment')) out.initialBudget = `${at(col.adjusted)}-${at(col.adjustment)}`;
  return out;
}

function denominatorOf(basis: Evaluation['department']['basis'], at: (col: number) => string, col: Record<SummaryColumn, number>, hasInitial: boolean): string {
  if (basis === 'initial') return at(hasInitial ? col.initial : col.adjusted);
  if (basis === 'adjusted-plus-carryover') return col.carryover >= 0 ? `(${at(col.adjusted)}+${at(col.carryover)})` : at(col.adjusted);
  return at(col.adjusted);
}

/** The status as the engine decides it: rates compared as displayed (ROUND to 4 places of the fraction). */
function statusFormula(rate: string, target: string, explainBelow: number, text: (typeof STATUS_TEXT)[Lang]): string {
  const shown = `ROUND(${rate},4)`;
  return `IF(${rate}="","${text.noBudget}",IF(${shown}<ROUND(${target},4),IF(${shown}<${displayedRate(explainBelow)},"${text.explain}","${text.under}"),"${text.onTarget}"))`;
}

/**
 * The department's rate over its source cells (the totals table), or over the summary table's total row when
 * the totals are the projects' sum (`{total:field}` placeholders, filled once that row has its place).
 */
function departmentRate(ev: Evaluation, kind: 'execution' | 'adjustment'): string | undefined {
  const t = ev.totals;
  let figure: (field: AmountField) => string | null;
  if (t.source === 'projects') figure = (field) => `{total:${field}}`;
  else if (Object.keys(t.sources).length > 0) {
    figure = (field) => {
      const source = t.sources[field];
      if (source?.formula) return `(${sourceFormula(source)})`;
      return null;
    };
  } else return undefined;
  const initial = figure('initialBudget');
  const adjustment = figure('adjustment') ?? (initial && figure('adjustedBudget') ? `(${figure('adjustedBudget')}-${initial})` : null);
  const adjusted = figure('adjustedBudget') ?? (initial && adjustment ? `(${initial}+${adjustment})` : null);
  if (kind === 'adjustment') return initial && adjustment ? `IF(${initial}<>0,${adjustment}/${initial},"")` : undefined;
  const actual = figure('actual');
  const basis = ev.department.basis;
  const carry = figure('carryover') ?? (t.carryover === 0 ? '0' : null);
  const denom = basis === 'initial' ? initial ?? adjusted : basis === 'adjusted-plus-carryover' ? adjusted && carry && `(${adjusted}+${carry})` : adjusted;
  return actual && denom ? `IF(${denom}>0,${actual}/${denom},"")` : undefined;
}

function executionScoreFormula(shown: string, points: string, ev: Evaluation): string {
  const { step, penaltyShare } = ev.score.rules.execution;
  const stepBp = Math.round(step * 10000);
  // Whole hundredths of a percent short of 100%, then whole steps of them: no float noise at the edges.
  return `ROUND(MAX(0,${points}-INT(MAX(0,ROUND((1-${shown})*10000,0))/${stepBp})*${penaltyShare}*${points}),2)`;
}

function adjustmentScoreFormula(shown: string, points: string, ev: Evaluation): string {
  const { zeroShare, bands } = ev.score.rules.adjustment;
  const bp = `ABS(ROUND(${shown}*10000,0))`;
  let share = '0';
  for (const band of [...bands].reverse()) share = `IF(${bp}<=${Math.round(band.upTo * 10000)},${band.share},${share})`;
  return `ROUND(${points}*IF(${bp}=0,${zeroShare},${share}),2)`;
}
