// 项目支出绩效自评表 forms written with ExcelJS as budget systems export them, one project a sheet: the national
// layout (财预〔2020〕10号: one 年度指标值 column, 一级指标 carrying its points) and the split-target layout with
// Sichuan's 预算执行情况 block (指标性质 | 指标值 | 度量单位, 合计, 评价结论 / 存在问题 / 改进措施 below). Used by
// scripts/make-samples.ts (assets/sample-forms.xlsx) and bench/generate.ts (the 200-form workbook).
// The layouts are those of test/core/forms/formSheets.ts, which the reader's unit tests use.
import ExcelJS from 'exceljs';

const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF808080' } };
const BORDER_ALL: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const LABEL_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
const CENTER: Partial<ExcelJS.Alignment> = { horizontal: 'center', vertical: 'middle', wrapText: true };
const WRAP: Partial<ExcelJS.Alignment> = { vertical: 'middle', wrapText: true };

export type MoneyUnit = '万元' | '元';

export interface FormIndicator {
  level1: '产出指标' | '效益指标' | '满意度指标';
  level2: string;
  name: string;
  /** National layout: the whole target as the clerk writes it (≥95%); split layout: 指标性质 | 指标值 | 度量单位. */
  op: string;
  value: string | number;
  unit: string;
  /** A number under a `%` unit is written as a fraction with a percent format (Excel's 97%). */
  actual: string | number;
  points: number;
  score: number;
  reason?: string;
}

export interface FormSpec {
  sheet: string;
  year: number;
  project: string;
  department: string;
  unitName: string;
  moneyUnit: MoneyUnit;
  /** [年初预算, 全年预算 / 调整后预算, 全年执行] per row: 当年财政拨款 (财政资金), 上年结转资金 (财政专户管理资金), 其他资金. */
  parts: Array<[number, number, number]>;
  /** The 年度资金总额 / 总额 row as written; omitted: the sums of the parts (a zero row: the export fault). */
  total?: [number, number, number];
  purpose: string;
  outcome: string;
  /** Sichuan's money block has a 原因 cell. */
  reason?: string;
  indicators: FormIndicator[];
  conclusion?: string;
  problems?: string;
  improvements?: string;
  /** A line under the form (说明：…). */
  note?: string;
}

export const EXECUTION_POINTS = 10;
export const LEVEL1_POINTS: Record<FormIndicator['level1'], number> = { 产出指标: 50, 效益指标: 30, 满意度指标: 10 };

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** The rate and the execution 得分 the form writes: points × min(1, the rate as shown), at 2 decimals. */
export function executionFigures(adjusted: number, actual: number): { rate: number | null; score: number } {
  if (adjusted === 0) return { rate: null, score: 0 };
  const rate = actual / adjusted;
  return { rate, score: round(EXECUTION_POINTS * Math.min(1, round(rate, 4)), 2) };
}

function sums(spec: FormSpec): [number, number, number] {
  return [0, 1, 2].map((i) => round(spec.parts.reduce((s, p) => s + p[i], 0), 6)) as [number, number, number];
}

function box(ws: ExcelJS.Worksheet, top: number, bottom: number, left: number, right: number): void {
  for (let r = top; r <= bottom; r++) for (let c = left; c <= right; c++) ws.getCell(r, c).border = BORDER_ALL;
}

function label(cell: ExcelJS.Cell, text: string): void {
  cell.value = text;
  cell.font = { bold: true };
  cell.fill = LABEL_FILL;
  cell.alignment = CENTER;
}

function formTitle(ws: ExcelJS.Worksheet, lastCol: number, year: number): void {
  ws.mergeCells(1, 1, 1, lastCol);
  ws.getCell(1, 1).value = '项目支出绩效自评表';
  ws.getCell(1, 1).font = { bold: true, size: 16 };
  ws.getCell(1, 1).alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 28;
  ws.mergeCells(2, 1, 2, lastCol);
  ws.getCell(2, 1).value = `（${year}年度）`;
  ws.getCell(2, 1).alignment = { horizontal: 'center', vertical: 'middle' };
}

function money(cell: ExcelJS.Cell, value: number, unit: MoneyUnit): void {
  cell.value = value;
  cell.numFmt = unit === '元' ? '#,##0.00' : '#,##0.00##';
}

/**
 * The actual as the clerk types it: a fraction with a percent format under a `%` unit (Excel stores a typed 97% so);
 * otherwise the number alone in a split layout (the unit is in 度量单位), with its unit in the national one.
 */
function actualCell(cell: ExcelJS.Cell, ind: FormIndicator, split: boolean): void {
  if (typeof ind.actual === 'number' && ind.unit === '%') {
    cell.value = ind.actual;
    cell.numFmt = '0%';
  } else cell.value = split || typeof ind.actual === 'string' ? ind.actual : `${ind.actual}${ind.unit}`;
}

function indicatorLevels(ws: ExcelJS.Worksheet, first: number, indicators: FormIndicator[], level1Col: number, withPoints: boolean): void {
  // 一级 and 二级 merged down their rows, their text in the first (the reader carries it down).
  let start = 0;
  for (let i = 1; i <= indicators.length; i++) {
    if (i < indicators.length && indicators[i].level1 === indicators[start].level1) continue;
    const l1 = indicators[start].level1;
    ws.getCell(first + start, level1Col).value = withPoints ? `${l1}（${LEVEL1_POINTS[l1]}分）` : l1;
    if (i - 1 > start) ws.mergeCells(first + start, level1Col, first + i - 1, level1Col);
    start = i;
  }
  start = 0;
  for (let i = 1; i <= indicators.length; i++) {
    if (i < indicators.length && indicators[i].level2 === indicators[start].level2 && indicators[i].level1 === indicators[start].level1) continue;
    ws.getCell(first + start, level1Col + 1).value = indicators[start].level2;
    if (i - 1 > start) ws.mergeCells(first + start, level1Col + 1, first + i - 1, level1Col + 1);
    start = i;
  }
  for (let r = first; r < first + indicators.length; r++) {
    ws.getCell(r, level1Col).alignment = CENTER;
    ws.getCell(r, level1Col + 1).alignment = CENTER;
  }
}

function scoreTotal(spec: FormSpec, executionScore: number): { points: number; score: number } {
  return {
    points: EXECUTION_POINTS + spec.indicators.reduce((s, i) => s + i.points, 0),
    score: round(executionScore + spec.indicators.reduce((s, i) => s + i.score, 0), 2),
  };
}

/** The national layout, columns A:I (财预〔2020〕10号 as budget systems export it). */
export function addNationalForm(wb: ExcelJS.Workbook, spec: FormSpec): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(spec.sheet, { pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  [10, 16, 14, 22, 14, 14, 9, 9, 26].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const last = 9;
  formTitle(ws, last, spec.year);

  ws.mergeCells('A3:B3');
  label(ws.getCell('A3'), '项目名称');
  ws.mergeCells('C3:I3');
  ws.getCell('C3').value = spec.project;
  ws.mergeCells('A4:B4');
  label(ws.getCell('A4'), '主管部门');
  ws.mergeCells('C4:F4');
  ws.getCell('C4').value = spec.department;
  ws.mergeCells('G4:H4');
  label(ws.getCell('G4'), '实施单位');
  ws.getCell('I4').value = spec.unitName;
  ws.getCell('I4').alignment = WRAP;

  ws.mergeCells('A5:B5');
  label(ws.getCell('A5'), `项目资金（${spec.moneyUnit}）`);
  ['年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'].forEach((h, i) => label(ws.getCell(5, 3 + i), h));
  const total = spec.total ?? sums(spec);
  const { rate, score } = executionFigures(total[1], total[2]);
  const partLabels = ['其中：当年财政拨款', '上年结转资金', '其他资金'];
  ws.mergeCells('A6:A9');
  label(ws.getCell('B6'), '年度资金总额');
  total.forEach((v, i) => money(ws.getCell(6, 3 + i), v, spec.moneyUnit));
  ws.getCell('F6').value = EXECUTION_POINTS;
  ws.getCell('G6').value = rate;
  ws.getCell('G6').numFmt = '0.00%';
  ws.getCell('H6').value = score;
  for (let i = 0; i < 3; i++) {
    const r = 7 + i;
    label(ws.getCell(r, 2), partLabels[i]);
    const part = spec.parts[i] ?? [0, 0, 0];
    part.forEach((v, j) => money(ws.getCell(r, 3 + j), v, spec.moneyUnit));
    for (const c of [6, 8]) ws.getCell(r, c).value = '—';
    for (let c = 6; c <= 8; c++) ws.getCell(r, c).alignment = CENTER;
  }

  ws.mergeCells('A10:A11');
  label(ws.getCell('A10'), '年度总体目标');
  ws.mergeCells('B10:E10');
  label(ws.getCell('B10'), '预期目标');
  ws.mergeCells('F10:I10');
  label(ws.getCell('F10'), '实际完成情况');
  ws.mergeCells('B11:E11');
  ws.getCell('B11').value = spec.purpose;
  ws.mergeCells('F11:I11');
  ws.getCell('F11').value = spec.outcome;
  for (const a of ['B11', 'F11']) ws.getCell(a).alignment = { vertical: 'top', wrapText: true };
  ws.getRow(11).height = 48;

  const header = 12;
  ['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'].forEach((h, i) => label(ws.getCell(header, 1 + i), h));
  const first = header + 1;
  spec.indicators.forEach((ind, i) => {
    const r = first + i;
    ws.getCell(r, 4).value = ind.name;
    ws.getCell(r, 5).value = `${ind.op}${ind.value}${ind.unit}`;
    actualCell(ws.getCell(r, 6), ind, false);
    ws.getCell(r, 7).value = ind.points;
    ws.getCell(r, 8).value = ind.score;
    if (ind.reason) ws.getCell(r, 9).value = ind.reason;
    ws.getCell(r, 4).alignment = WRAP;
    ws.getCell(r, 9).alignment = WRAP;
    for (let c = 5; c <= 8; c++) ws.getCell(r, c).alignment = CENTER;
  });
  const lastIndicator = first + spec.indicators.length - 1;
  ws.mergeCells(header, 1, lastIndicator, 1);
  indicatorLevels(ws, first, spec.indicators, 2, true);
  const totalRow = lastIndicator + 1;
  ws.mergeCells(totalRow, 1, totalRow, 6);
  label(ws.getCell(totalRow, 1), '总分');
  const sum = scoreTotal(spec, score);
  ws.getCell(totalRow, 7).value = sum.points;
  ws.getCell(totalRow, 8).value = sum.score;
  ws.getCell(totalRow, 8).font = { bold: true };
  box(ws, 3, totalRow, 1, last);
  if (spec.note) {
    ws.mergeCells(totalRow + 1, 1, totalRow + 1, last);
    ws.getCell(totalRow + 1, 1).value = spec.note;
  }
  return ws;
}

/** Split targets (指标性质 | 指标值 | 度量单位) and Sichuan's 预算执行情况 block, columns A:K. */
export function addSplitForm(wb: ExcelJS.Workbook, spec: FormSpec): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(spec.sheet, { pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  [10, 14, 14, 22, 9, 12, 9, 11, 8, 8, 24].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const last = 11;
  formTitle(ws, last, spec.year);

  label(ws.getCell('A3'), '项目名称');
  ws.mergeCells('B3:K3');
  ws.getCell('B3').value = spec.project;
  label(ws.getCell('A4'), '主管部门');
  ws.mergeCells('B4:E4');
  ws.getCell('B4').value = spec.department;
  ws.mergeCells('F4:G4');
  label(ws.getCell('F4'), '实施单位（盖章）');
  ws.mergeCells('H4:K4');
  ws.getCell('H4').value = spec.unitName;

  ws.mergeCells('A5:B6');
  label(ws.getCell('A5'), `预算执行情况（${EXECUTION_POINTS}分）`);
  ws.mergeCells('C5:E5');
  label(ws.getCell('C5'), `年度预算数（${spec.moneyUnit}）`);
  ws.mergeCells('F5:K5');
  label(ws.getCell('F5'), '执行情况');
  ['年初预算', '调整后预算数', '预算执行数', '预算执行率', '权重', '得分', '原因'].forEach((h, i) => label(ws.getCell(6, 3 + i), h));
  const total = spec.total ?? sums(spec);
  // A total row the export left at 0: the form's rate and score are those of the parts (what the clerk saw).
  const figures = spec.total && spec.total[1] === 0 ? sums(spec) : total;
  const { rate, score } = executionFigures(figures[1], figures[2]);
  ws.mergeCells('A7:A11');
  label(ws.getCell('B7'), '总额');
  total.forEach((v, i) => money(ws.getCell(7, 3 + i), v, spec.moneyUnit));
  ws.getCell('F7').value = rate;
  ws.getCell('F7').numFmt = '0.00%';
  ws.getCell('G7').value = EXECUTION_POINTS;
  ws.getCell('H7').value = score;
  if (spec.reason) ws.getCell('I7').value = spec.reason;
  ws.mergeCells('I7:K7');
  ws.getCell('I7').alignment = WRAP;
  ws.getRow(7).height = spec.reason ? 32 : 18;
  ['其中：财政资金', '财政专户管理资金', '单位资金', '其他资金'].forEach((text, i) => {
    const r = 8 + i;
    label(ws.getCell(r, 2), text);
    const part = spec.parts[i];
    if (part) part.forEach((v, j) => money(ws.getCell(r, 3 + j), v, spec.moneyUnit));
    ws.mergeCells(r, 9, r, 11);
  });

  ws.mergeCells('A12:A13');
  label(ws.getCell('A12'), '年度总体目标');
  ws.mergeCells('B12:E12');
  label(ws.getCell('B12'), '预期目标');
  ws.mergeCells('F12:K12');
  label(ws.getCell('F12'), '实际完成情况');
  ws.mergeCells('B13:E13');
  ws.getCell('B13').value = spec.purpose;
  ws.mergeCells('F13:K13');
  ws.getCell('F13').value = spec.outcome;
  for (const a of ['B13', 'F13']) ws.getCell(a).alignment = { vertical: 'top', wrapText: true };
  ws.getRow(13).height = 48;

  const header = 14;
  label(ws.getCell(header, 1), `绩效指标（${100 - EXECUTION_POINTS}分）`);
  ['一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位', '完成值', '权重', '得分', '偏差原因'].forEach((h, i) => label(ws.getCell(header, 2 + i), h));
  const first = header + 1;
  spec.indicators.forEach((ind, i) => {
    const r = first + i;
    ws.getCell(r, 4).value = ind.name;
    if (ind.op) ws.getCell(r, 5).value = ind.op;
    ws.getCell(r, 6).value = ind.value;
    if (ind.unit) ws.getCell(r, 7).value = ind.unit;
    actualCell(ws.getCell(r, 8), ind, true);
    ws.getCell(r, 9).value = ind.points;
    ws.getCell(r, 10).value = ind.score;
    if (ind.reason) ws.getCell(r, 11).value = ind.reason;
    ws.getCell(r, 4).alignment = WRAP;
    ws.getCell(r, 11).alignment = WRAP;
    for (let c = 5; c <= 10; c++) ws.getCell(r, c).alignment = CENTER;
  });
  const lastIndicator = first + spec.indicators.length - 1;
  ws.mergeCells(header, 1, lastIndicator, 1);
  indicatorLevels(ws, first, spec.indicators, 2, false);
  const totalRow = lastIndicator + 1;
  ws.mergeCells(totalRow, 1, totalRow, 8);
  label(ws.getCell(totalRow, 1), '合计');
  const sum = scoreTotal(spec, score);
  ws.getCell(totalRow, 9).value = sum.points;
  ws.getCell(totalRow, 10).value = sum.score;
  ws.getCell(totalRow, 10).font = { bold: true };
  let r = totalRow + 1;
  for (const [text, value] of [
    ['评价结论', spec.conclusion ?? ''],
    ['存在问题', spec.problems ?? '无'],
    ['改进措施', spec.improvements ?? '无'],
  ]) {
    label(ws.getCell(r, 1), text);
    ws.mergeCells(r, 2, r, last);
    ws.getCell(r, 2).value = value;
    ws.getCell(r, 2).alignment = WRAP;
    ws.getRow(r).height = value.length > 40 ? 32 : 18;
    r++;
  }
  box(ws, 3, r - 1, 1, last);
  if (spec.note) {
    ws.mergeCells(r, 1, r, last);
    ws.getCell(r, 1).value = spec.note;
  }
  return ws;
}
