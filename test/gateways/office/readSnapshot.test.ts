/// <reference types="office-js" />
// Reading the workbook in Excel: the same snapshot as the .xlsx gateway reads from the file, in a fixed number
// of syncs whatever the number of sheets and rows.
import type { CellValue, WorkbookSnapshot } from '../../../src/core/model';
import { readSnapshot } from '../../../src/gateways/office';
import { runPipeline } from '../../../src/core/pipeline';
import { isDateFormat, toCellValue } from '../../../src/gateways/office/cellValues';
import { parseAreas, regroup, splitAreaList } from '../../../src/gateways/office/readSnapshot';
import { loadWorkbook } from '../../../src/gateways/xlsx/readWorkbook';
import { createFakeWorkbook, type FakeSheetInit } from '../../fakes/excel';
import { install, projectWorkbookInit, REPORT_DATE, runExcel, SAMPLE, sampleWorkbook, uninstall } from './helpers';

afterEach(uninstall);

/** Rows as dense arrays without trailing empties, so that sparse and rectangular reads compare. */
function normalise(snapshot: WorkbookSnapshot): unknown {
  return snapshot.sheets.map((s) => {
    const rows = Array.from({ length: s.values.length }, (_, r) => {
      const row = Array.from({ length: s.values[r]?.length ?? 0 }, (_, c) => s.values[r]?.[c] ?? null);
      while (row.length > 0 && row[row.length - 1] === null) row.pop();
      return row;
    });
    while (rows.length > 0 && rows[rows.length - 1].length === 0) rows.pop();
    return { name: s.name, rows, merges: [...s.merges].sort((a, b) => a.top - b.top || a.left - b.left) };
  });
}

describe('readSnapshot', () => {
  it('reads the sample as the .xlsx gateway reads the file', async () => {
    install(await sampleWorkbook());
    const read = await runExcel((context) => readSnapshot(context));
    const fromFile = (await loadWorkbook(SAMPLE)).snapshot;
    expect(normalise(read.snapshot)).toEqual(normalise(fromFile));
    expect(read.snapshot.toolSheets).toEqual([]);
    expect(read.snapshot.unkeptContent).toEqual([]);
  });

  it('places a used range that starts at C3 at row 2, column 2, and turns Excel values into CellValues', async () => {
    install(
      createFakeWorkbook({
        sheets: [{ name: 'S', origin: 'C3', values: [['项目名称', 12.5, true], [{ error: '#DIV/0!' }, '', '#N/A'], [null, 'text', 0]] }],
      }),
    );
    const read = await runExcel((context) => readSnapshot(context));
    const values = read.snapshot.sheets[0].values;
    expect(values[0]).toEqual([]);
    expect(values[1]).toEqual([]);
    expect(values[2]).toEqual<CellValue[]>([null, null, '项目名称', 12.5, true]);
    expect(values[3]).toEqual<CellValue[]>([null, null, { error: '#DIV/0!' }, null, { error: '#N/A' }]);
    expect(values[4]).toEqual<CellValue[]>([null, null, null, 'text', 0]);
  });

  it('gives cached formula results (what range.values gives)', async () => {
    install(createFakeWorkbook({ sheets: [{ name: 'S', values: [[1, 2, 3]], formulas: { C1: '=A1+B1' } }] }));
    const read = await runExcel((context) => readSnapshot(context));
    expect(read.snapshot.sheets[0].values[0]).toEqual([1, 2, 3]);
  });

  it('reads merged areas on ExcelApi 1.13, none before', async () => {
    const init = { sheets: [{ name: 'S', values: [['title'], ['a', 'b']], merges: ['A1:C1', 'B3:C4'] }] };
    install(createFakeWorkbook(init));
    const withMerges = await runExcel((context) => readSnapshot(context));
    expect(withMerges.snapshot.sheets[0].merges).toEqual([
      { top: 0, left: 0, bottom: 0, right: 2 },
      { top: 2, left: 1, bottom: 3, right: 2 },
    ]);
    install(createFakeWorkbook(init), { maxExcelApi: '1.12' });
    const without = await runExcel((context) => readSnapshot(context));
    expect(without.snapshot.sheets[0].merges).toEqual([]);
  });

  it('reads on without merges when a sheet has more than 512 (Excel refuses to list them)', async () => {
    const merges = Array.from({ length: 600 }, (_, i) => `A${i * 2 + 1}:B${i * 2 + 1}`);
    install(createFakeWorkbook({ sheets: [{ name: 'S', values: [['x']], merges }] }));
    const read = await runExcel((context) => readSnapshot(context));
    expect(read.snapshot.sheets[0].values[0]).toEqual(['x']);
    expect(read.snapshot.sheets[0].merges).toEqual([]);
  });

  it('recognises the tool’s marks: report sheets (not read as input), fills and rules', async () => {
    install(
      createFakeWorkbook({
        sheets: [
          { name: '项目支出', values: [['a']], conditionalFormats: [{ range: 'A4:J6 A8:J9', formula: '=AND(ISTEXT("budget-eval"),$E4>0)' }, { range: 'A1', formula: '=TRUE' }] },
          { name: 'My report', values: [['old report', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'budget-eval:p:1.1.1:0123456789abcdef']] },
        ],
        names: [
          { name: 'BudgetEval_Report_1', reference: "'My report'!$A$1" },
          { name: 'BudgetEval_Report_2', reference: '#REF!' },
          { name: 'BudgetEval_Fill_1', reference: '项目支出!$A$5:$J$5' },
          { name: 'Clerk', reference: '项目支出!$A$1' },
        ],
      }),
    );
    const read = await runExcel((context) => readSnapshot(context));
    expect(read.snapshot.toolSheets).toEqual(['My report']);
    expect(read.snapshot.sheets.map((s) => [s.name, s.values.length])).toEqual([
      ['项目支出', 1],
      ['My report', 1],
    ]);
    // Of a report, only its text column and its record column (KEY_COLUMN, K) are read.
    const report = read.snapshot.sheets[1].values[0];
    expect([report[0], report[10]]).toEqual(['old report', 'budget-eval:p:1.1.1:0123456789abcdef']);
    expect(report.slice(1, 10).every((v) => v === null || v === undefined)).toBe(true);
    expect(read.reportMarks).toEqual([
      { name: 'BudgetEval_Report_1', sheet: 'My report', range: { top: 0, left: 0, bottom: 0, right: 0 } },
      { name: 'BudgetEval_Report_2', sheet: null, range: null },
    ]);
    expect(read.fillMarks).toEqual([{ name: 'BudgetEval_Fill_1', sheet: '项目支出', range: { top: 4, left: 0, bottom: 4, right: 9 } }]);
    expect(read.rules.map((r) => [r.sheet, r.formula, r.areas])).toEqual([
      [
        '项目支出',
        '=AND(ISTEXT("budget-eval"),$E4>0)',
        [
          { top: 3, left: 0, bottom: 5, right: 9 },
          { top: 7, left: 0, bottom: 8, right: 9 },
        ],
      ],
    ]);
    expect(read.names).toEqual(['BudgetEval_Fill_1', 'BudgetEval_Report_1', 'BudgetEval_Report_2', 'Clerk']);
  });

  it('uses 3 syncs for 1 sheet or 30, 10 rows or 10,000', async () => {
    const counts: number[] = [];
    for (const init of [
      projectWorkbookInit(10),
      projectWorkbookInit(10000),
      { sheets: Array.from({ length: 30 }, (_, i): FakeSheetInit => ({ name: `S${i}`, values: [[i, 'x'], ['y', i]], merges: ['C1:D1'] })) },
    ]) {
      const { fake } = install(createFakeWorkbook(init));
      await runExcel((context) => readSnapshot(context));
      counts.push(fake.stats.syncs);
    }
    expect(counts).toEqual([3, 3, 3]);
  });

  it('splits the values into more requests only when the cells would pass the response budget', async () => {
    const init = projectWorkbookInit(1000);
    const { fake } = install(createFakeWorkbook(init));
    const whole = await runExcel((context) => readSnapshot(context));
    expect(fake.stats.syncs).toBe(3);
    const small = install(createFakeWorkbook(init));
    const chunked = await runExcel((context) => readSnapshot(context, { maxReadCells: 1500 }));
    expect(small.fake.stats.syncs).toBeGreaterThan(4);
    expect(small.fake.stats.maxResponseBytes).toBeLessThan(fake.stats.maxResponseBytes);
    expect(chunked.snapshot).toEqual(whole.snapshot);
  });

  it('parses RangeAreas addresses with quoted sheet names', () => {
    expect(splitAreaList("'My, sheet'!A1:B2, 'My, sheet'!C3")).toEqual(["'My, sheet'!A1:B2", "'My, sheet'!C3"]);
    expect(parseAreas("Sheet1!A1:B4, Sheet1!D1:D4")).toEqual([
      { top: 0, left: 0, bottom: 3, right: 1 },
      { top: 0, left: 3, bottom: 3, right: 3 },
    ]);
  });
});

// Issue 11 item 5: a date in a money column is an error in Excel too. Excel gives a date as its serial number;
// the number format, loaded with the values in the same request, tells it from an amount.
describe('dates and number formats', () => {
  it('tells date formats from number formats', () => {
    for (const format of ['yyyy/m/d', 'm/d/yyyy', 'yyyy"年"m"月"d"日"', '[DBNum1][$-804]yyyy"年"m"月"d"日"', 'h:mm', '[h]:mm:ss', 'mmm-yy', 'd-mmm', 'yyyy-mm-dd hh:mm']) {
      expect([format, isDateFormat(format)]).toEqual([format, true]);
    }
    for (const format of ['General', '0.00', '#,##0.00', '0.00E+00', '_ * #,##0.00_ ;_ * \\-#,##0.00_ ;_ * "-"??_ ;_ @_ ', '0.00"万元"', '[Red]0.00', '@', '0%', '¥#,##0.00;[Red]¥-#,##0.00', '\\m0', '', null]) {
      expect([format, isDateFormat(format)]).toEqual([format, false]);
    }
  });

  it('turns a number shown as a date into a date, and never hands over NaN or Infinity', () => {
    expect(toCellValue(44256, 'yyyy/m/d')).toEqual(new Date(Date.UTC(2021, 2, 1)));
    expect(toCellValue(44256, '#,##0.00')).toBe(44256);
    expect(toCellValue(44256)).toBe(44256);
    expect(toCellValue(NaN)).toEqual({ invalid: 'NaN' });
    expect(toCellValue(Infinity, 'General')).toEqual({ invalid: 'Infinity' });
  });

  it('reads a date in a money column as a date, in the same 3 syncs, and the pipeline refuses it at its cell', async () => {
    const init = projectWorkbookInit(10);
    const [info, sheet] = init.sheets;
    const values = (sheet.values ?? []).map((row) => [...(row ?? [])]);
    const header = values.findIndex((row) => row.includes('实际支出数'));
    const col = values[header].indexOf('实际支出数');
    values[header + 1][col] = 44256; // typed as 2021/3/1 by a clerk: a serial number with a date format
    const ref = `${String.fromCharCode(65 + col)}${header + 2}`;
    const { fake } = install(createFakeWorkbook({ ...init, sheets: [info, { ...sheet, values, numberFormats: { ...sheet.numberFormats, [ref]: 'yyyy"年"m"月"d"日"' } }] }));
    const read = await runExcel((context) => readSnapshot(context));
    expect(fake.stats.syncs).toBe(3);
    expect(read.snapshot.sheets[1].values[header + 1][col]).toEqual(new Date(Date.UTC(2021, 2, 1)));
    const result = runPipeline(read.snapshot, { lang: 'zh', basis: 'adjusted', style: 'fixed', reportDate: REPORT_DATE });
    expect(result.ok).toBe(false);
    expect(result.findings.find((f) => f.cell === `${sheet.name}!${ref}`)).toMatchObject({
      severity: 'error',
      code: 'invalid-number',
      message: expect.stringContaining('实为日期 2021-03-01'),
    });
  });

  it('a date typed into the fake gets a date format, as in Excel', async () => {
    install(createFakeWorkbook({ sheets: [{ name: 'S', values: [['填报日期', new Date(Date.UTC(2022, 0, 15))]] }] }));
    const read = await runExcel((context) => readSnapshot(context));
    expect(read.snapshot.sheets[0].values[0]).toEqual(['填报日期', new Date(Date.UTC(2022, 0, 15))]);
  });

  it('cells heavier than budgeted (accounting formats) past the response limit: the same blocks in smaller requests', async () => {
    const init = projectWorkbookInit(1000);
    const [info, sheet] = init.sheets;
    const accounting = '_ * #,##0.00_ ;_ * \\-#,##0.00_ ;_ * "-"??_ ;_ @_ ';
    const numberFormats: Record<string, string> = {};
    (sheet.values ?? []).forEach((row, r) => (row ?? []).forEach((v, c) => {
      if (typeof v === 'number') numberFormats[`${String.fromCharCode(65 + c)}${r + 1}`] = accounting;
    }));
    // A highlight rule of the tool's: its formula travels with the first request, and must survive it being sent again.
    const rule = { range: 'A4:I1003', formula: '=AND(ISTEXT("budget-eval"),$E4>0)' };
    const heavy = { ...init, sheets: [info, { ...sheet, numberFormats, conditionalFormats: [rule] }] };
    const reference = install(createFakeWorkbook(heavy), { maxResponseBytes: null });
    const whole = await runExcel((context) => readSnapshot(context));
    const oneRequest = reference.fake.stats.maxResponseBytes;
    uninstall();
    const limited = install(createFakeWorkbook(heavy), { maxResponseBytes: Math.floor(oneRequest / 3) });
    const split = await runExcel((context) => readSnapshot(context));
    // One refused request, then its cells in smaller ones that pass.
    expect(limited.fake.stats.syncs).toBeGreaterThan(4);
    expect(limited.fake.stats.requests.filter((r) => r.responseBytes > oneRequest / 3)).toHaveLength(1);
    expect(limited.fake.stats.unsyncedCommands).toBe(0);
    expect(split.snapshot).toEqual(whole.snapshot);
    expect(split.rules.map((r) => [r.sheet, r.formula, r.areas])).toEqual([['项目支出', rule.formula, [{ top: 3, left: 0, bottom: 1002, right: 8 }]]]);
  });

  it('regroups blocks into smaller requests, cutting a long block into row chunks', () => {
    const block = { sheet: 0, top: 0, bottom: 9, left: 0, right: 1, cells: 20 };
    const other = { sheet: 1, top: 0, bottom: 1, left: 0, right: 1, cells: 4 };
    expect(regroup([[block, other]], 10)).toEqual([
      [{ ...block, bottom: 4, cells: 10 }],
      [{ ...block, top: 5, cells: 10 }],
      [other],
    ]);
    expect(regroup([[block], [other]], 100)).toEqual([[block, other]]);
  });
});
