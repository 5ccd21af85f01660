// Traceable figures: the report's summary and scoring tables are formulas over the clerk's cells, stored with
// their computed values. A spreadsheet engine (HyperFormula, tests only) recalculates the written workbook: every
// formula must give the value stored with it, and after a source number changes, the figures the engine
// computes from the changed data.
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { splitReference } from '../../../src/core/address';
import type { EvaluationOptions } from '../../../src/core/model';
import { evaluateXlsx } from '../../../src/gateways/xlsx/evaluateXlsx';
import { formulaCells, spreadsheet, valueAt } from './recalculate';

const SAMPLE = new Uint8Array(readFileSync(path.join(__dirname, '..', '..', '..', 'assets', 'sample-2021.xlsx')));
const OPTIONS: EvaluationOptions = { lang: 'zh', basis: 'adjusted', style: 'trim', reportDate: new Date(2026, 10, 29) };
const REPORT = '绩效自评报告';

async function evaluated(bytes: Uint8Array, options = OPTIONS) {
  const { result, output } = await evaluateXlsx(bytes, options);
  if (!result.ok || !output) throw new Error('not evaluated');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(output as unknown as ExcelJS.Buffer);
  return { result, wb, output };
}

function sameValue(actual: unknown, expected: unknown): boolean {
  if (typeof expected === 'number' && typeof actual === 'number') return Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected));
  return (actual ?? '') === (expected ?? '');
}

describe('traceable figures in the written workbook', () => {
  it('every amount of the summary table points at its source cell, in 万元, with the engine’s value stored', async () => {
    const { result, wb } = await evaluated(SAMPLE);
    const report = wb.getWorksheet(REPORT) as ExcelJS.Worksheet;
    const projects = result.evaluation.projects;
    for (const p of projects) {
      // The summary table (附表4) is the last to list the projects (附表3 lists those with indicators first).
      const row = report.getColumn(1).values.lastIndexOf(p.name);
      expect(row).toBeGreaterThan(0);
      const cells = report.getRow(row);
      // 年初 | 调整 | 调整后 | 实际 point at the project's own row of 项目支出 (元 → 万元).
      const sourceRow = Number(/\d+$/.exec(p.cell)?.[0]);
      const expected = [
        [2, `项目支出!C${sourceRow}/10000`, p.initialBudget],
        [3, `项目支出!D${sourceRow}/10000`, p.adjustment],
        [4, `项目支出!E${sourceRow}/10000`, p.adjustedBudget],
        [5, `项目支出!F${sourceRow}/10000`, p.actual],
      ] as const;
      for (const [col, formula, value] of expected) {
        expect(cells.getCell(col).formula).toBe(formula);
        expect(cells.getCell(col).result).toBe(value);
      }
      expect(cells.getCell(6).formula).toBe(`IF(D${row}>0,E${row}/D${row},"")`);
      expect(cells.getCell(6).result).toBe(p.executionRate);
      expect(cells.getCell(8).result).toBe(p.underTarget ? (p.needsReason ? '未达标（需说明原因）' : '未达标') : '达标');
    }
  });

  it('the scoring table’s rates are formulas over the totals table’s cells; its scores and total too', async () => {
    const { result, wb } = await evaluated(SAMPLE);
    const report = wb.getWorksheet(REPORT) as ExcelJS.Worksheet;
    const row = (name: string) => report.getRow(report.getColumn(1).values.findIndex((v) => v === name));
    const execution = row('预算完成率');
    // The totals table's 合计 row (部门支出!B6:E6): actual ÷ adjusted.
    expect(execution.getCell(3).formula).toBe('IF((部门支出!D6)>0,(部门支出!E6)/(部门支出!D6),"")');
    expect(execution.getCell(3).result).toBe(result.evaluation.totals.executionRate);
    expect(execution.getCell(4).result).toBe(20);
    expect(row('预算调整率').getCell(3).formula).toBe('IF((部门支出!B6)<>0,(部门支出!C6)/(部门支出!B6),"")');
    expect(row('项目执行达标率').getCell(3).result).toBeCloseTo(4 / 7, 12);
    const total = row('合计');
    expect(total.getCell(4).formula).toMatch(/^ROUND\(SUM\(D\d+:D\d+\),2\)$/);
    expect(total.getCell(4).result).toBe(38.93);
  });

  it.each([
    ['zh', 'adjusted'],
    ['en', 'adjusted'],
    ['zh', 'initial'],
    ['zh', 'adjusted-plus-carryover'],
  ] as const)('a spreadsheet engine recalculating the workbook gets every stored value (%s, %s)', async (lang, basis) => {
    const { wb, result } = await evaluated(SAMPLE, { ...OPTIONS, lang, basis });
    const REPORT = result.report.sheetName;
    const report = wb.getWorksheet(REPORT) as ExcelJS.Worksheet;
    const formulas = formulaCells(report);
    expect(formulas.length).toBeGreaterThan(7 * 7);
    const hf = spreadsheet(wb);
    const wrong = formulas.filter((f) => !sameValue(valueAt(hf, REPORT, f.address), f.result));
    expect(wrong.map((f) => [f.address, f.formula, f.result, valueAt(hf, REPORT, f.address)])).toEqual([]);
  });

  it('after a source number changes, the recalculated tables equal a new evaluation of the changed data', async () => {
    const { wb } = await evaluated(SAMPLE);
    // 三防抢险工作经费 now spends 2,300,000 元 of 2,378,800: 96.69%, on target.
    const source = wb.getWorksheet('项目支出') as ExcelJS.Worksheet;
    const row = source.getColumn(2).values.findIndex((v) => v === '三防抢险工作经费');
    const hf = spreadsheet(wb);
    const cell = hf.simpleCellAddressFromString(`F${row}`, hf.getSheetId('项目支出') as number);
    if (!cell) throw new Error('no cell');
    hf.setCellContents(cell, 2300000);

    source.getCell(`F${row}`).value = 2300000;
    const changed = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const again = await evaluated(changed);
    // The new report's narrative is shorter (one project fewer under target): cells are matched by the row's
    // label (project or indicator) and the column.
    const keyed = (ws: ExcelJS.Worksheet) =>
      new Map(formulaCells(ws).map((f) => [`${String(ws.getCell(`A${/\d+$/.exec(f.address)?.[0]}`).value)}|${f.address.replace(/\d+$/, '')}`, f]));
    const fresh = keyed(again.wb.getWorksheet(REPORT) as ExcelJS.Worksheet);
    const recalculated = keyed(wb.getWorksheet(REPORT) as ExcelJS.Worksheet);
    expect([...recalculated.keys()].sort()).toEqual([...fresh.keys()].sort());
    const differ = [...fresh].filter(([key, f]) => !sameValue(valueAt(hf, REPORT, recalculated.get(key)?.address ?? ''), f.result));
    expect(differ.map(([key, f]) => [key, f.result, valueAt(hf, REPORT, recalculated.get(key)?.address ?? '')])).toEqual([]);
    // And it did change: the project is on target now, and the score follows.
    expect(again.result.evaluation.projects.find((p) => p.name === '三防抢险工作经费')?.underTarget).toBe(false);
    expect(again.result.evaluation.score.total).not.toBe(38.93);
  });

  it('every figure of a narrative paragraph has its source cells beside it (依据)', async () => {
    const { wb, result } = await evaluated(SAMPLE);
    const report = wb.getWorksheet(REPORT) as ExcelJS.Worksheet;
    // The 依据 column: the plan's last (the widest table sets how many there are).
    const lastCol = result.report.columnWidths.length;
    const checked: string[] = [];
    report.eachRow((row) => {
      const text = row.getCell(1).value;
      if (typeof text !== 'string' || !/\d+(\.\d+)?(万元|%)/.test(text) || !/^(本部门|其中|[0-9]+、)/.test(text)) return;
      const sources = String(row.getCell(lastCol).value ?? '');
      expect(sources).toMatch(/^依据：/);
      for (const ref of sources.replace(/^依据：/, '').split('、')) {
        const at = splitReference(ref);
        if (at) expect(wb.getWorksheet(at.sheet)).toBeDefined();
        else expect(ref).toMatch(/^[A-Z]+\d+(:[A-Z]+\d+)?$/);
      }
      checked.push(text.slice(0, 8));
    });
    expect(checked.length).toBeGreaterThanOrEqual(10);
  });

  it('the summary’s under-target rows are a rule on the status, not a fixed fill', async () => {
    const { wb } = await evaluated(SAMPLE);
    const report = wb.getWorksheet(REPORT) as ExcelJS.Worksheet;
    const rows = report.getColumn(1).values;
    // In the summary table (附表4), the last to list the projects.
    const first = rows.lastIndexOf('应急管理工作经费');
    const under = rows.lastIndexOf('三防抢险工作经费');
    const rules = (report as unknown as { conditionalFormattings: { ref: string; rules: { formulae?: string[] }[] }[] }).conditionalFormattings;
    expect(rules.map((r) => [r.ref, r.rules[0].formulae])).toEqual([[`A${first}:H${first + 6}`, [`LEFT($H${first},3)="未达标"`]]]);
    expect(report.getCell(`A${under}`).fill?.type === 'pattern' && (report.getCell(`A${under}`).fill as ExcelJS.FillPattern).pattern === 'solid').toBe(false);
  });

  it('the record column is hidden, and holds the fingerprint', async () => {
    const { wb, result } = await evaluated(SAMPLE);
    const report = wb.getWorksheet(REPORT) as ExcelJS.Worksheet;
    expect(report.getColumn(11).hidden).toBe(true);
    expect(report.getCell('K1').value).toBe(`budget-eval:fingerprint:${result.fingerprint}`);
  });
});

describe('traceable figures from the 评分设置 sheet', () => {
  /** The sample with a scoring sheet: default indicators, one hand score entered, the others blank. */
  async function withScoringSheet(): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(SAMPLE as unknown as ExcelJS.Buffer);
    const ws = wb.addWorksheet('评分设置');
    ws.addRow(['指标', '分值', '类型', '得分']);
    ws.addRow(['预算完成率', 20, '预算完成率']);
    ws.addRow(['预算调整率', 10, '预算调整率']);
    ws.addRow(['项目执行达标率', 20, '项目达标率']);
    ws.addRow(['预算编制科学性', 10, '人工评分', 8]);
    ws.addRow(['绩效目标合理性', 10, '人工评分']);
    return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  }

  it('points and hand scores are formulas over the sheet; a score entered there reaches the report’s total', async () => {
    const { wb, result } = await evaluated(await withScoringSheet());
    const report = wb.getWorksheet(REPORT) as ExcelJS.Worksheet;
    const row = (name: string) => report.getRow(report.getColumn(1).values.findIndex((v) => v === name));
    expect(row('预算编制科学性').getCell(2).formula).toBe('评分设置!B5');
    expect(row('预算编制科学性').getCell(4).formula).toBe('IF(ISNUMBER(评分设置!D5),评分设置!D5,"")');
    expect(row('预算编制科学性').getCell(4).result).toBe(8);
    expect(row('绩效目标合理性').getCell(4).formula).toBe('IF(ISNUMBER(评分设置!D6),评分设置!D6,"")');
    expect(result.evaluation.score.total).toBe(46.93);

    const hf = spreadsheet(wb);
    const at = hf.simpleCellAddressFromString('D6', hf.getSheetId('评分设置') as number);
    if (!at) throw new Error('no cell');
    hf.setCellContents(at, 9);
    // The same as evaluating the workbook with that score entered.
    const scoring = wb.getWorksheet('评分设置') as ExcelJS.Worksheet;
    scoring.getCell('D6').value = 9;
    const again = await evaluated(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
    expect(again.result.evaluation.score.total).toBe(55.93);
    const total = row('合计');
    expect(valueAt(hf, REPORT, total.getCell(4).address)).toBeCloseTo(55.93, 10);
    expect(valueAt(hf, REPORT, total.getCell(2).address)).toBe(70);
  });
});

describe('formulas for every layout the parser reads', () => {
  async function book(rows: (string | number | null)[][], options: Partial<EvaluationOptions> = {}) {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('项目支出');
    ws.addRow(['单位：元']);
    for (const row of rows) ws.addRow(row);
    return evaluated(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer), { ...OPTIONS, ...options });
  }

  const layouts: [string, (string | number | null)[][], Partial<EvaluationOptions>][] = [
    ['年初 + 调整 (调整后 derived)', [['项目名称', '年初预算数', '预算调整数', '实际支出数'], ['甲', 100000, 5000, 98000], ['乙', 200000, -20000, 150000]], {}],
    ['调整后 + 调整 (年初 derived)', [['项目名称', '预算调整数', '调整后预算数', '实际支出数'], ['甲', 5000, 105000, 98000], ['乙', 0, 80000, 80000]], {}],
    ['年初 + 调整后 (调整 derived)', [['项目名称', '年初预算数', '调整后预算数', '实际支出数'], ['甲', 100000, 105000, 98000], ['乙', 90000, 80000, 70000]], {}],
    ['调整后 only', [['项目名称', '调整后预算数', '实际支出数'], ['甲', 105000, 98000], ['乙', 0, 0]], {}],
    ['a number stored as text', [['项目名称', '年初预算数', '预算调整数', '调整后预算数', '实际支出数'], ['甲', '100,000', 5000, 105000, 98000]], {}],
    [
      'carry-over and targets per row, in percent',
      [['项目名称', '年初预算数', '预算调整数', '调整后预算数', '上年结转', '实际支出数', '执行率目标(%)'], ['甲', 100000, 5000, 105000, 20000, 98000, 90], ['乙', 50000, 0, 50000, 0, 49000, null]],
      { basis: 'adjusted-plus-carryover' },
    ],
    ['basis 年初', [['项目名称', '年初预算数', '预算调整数', '调整后预算数', '实际支出数'], ['甲', 100000, 5000, 105000, 98000]], { basis: 'initial' }],
  ];

  it.each(layouts)('%s: the recalculated report equals the stored values', async (_name, rows, options) => {
    const { wb, result } = await book(rows, options);
    const report = wb.getWorksheet(result.report.sheetName) as ExcelJS.Worksheet;
    const formulas = formulaCells(report);
    expect(formulas.length).toBeGreaterThan(0);
    const hf = spreadsheet(wb);
    const wrong = formulas.filter((f) => !sameValue(valueAt(hf, result.report.sheetName, f.address), f.result));
    expect(wrong.map((f) => [f.address, f.formula, f.result, valueAt(hf, result.report.sheetName, f.address)])).toEqual([]);
  });
});
