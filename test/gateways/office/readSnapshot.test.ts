/// <reference types="office-js" />
// Reading the workbook in Excel: the same snapshot as the .xlsx gateway reads from the file, in a fixed number
// of syncs whatever the number of sheets and rows.
import type { CellValue, WorkbookSnapshot } from '../../../src/core/model';
import { readSnapshot } from '../../../src/gateways/office';
import { parseAreas, splitAreaList } from '../../../src/gateways/office/readSnapshot';
import { loadWorkbook } from '../../../src/gateways/xlsx/readWorkbook';
import { createFakeWorkbook, type FakeSheetInit } from '../../fakes/excel';
import { install, projectWorkbookInit, runExcel, SAMPLE, sampleWorkbook, uninstall } from './helpers';

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
