// Kept edits through both gateways: the clerk rewrites a paragraph of the report (in Excel, or in the file),
// Generate runs again, and their paragraph is still there with the text generated now beside it.
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { EvaluationOptions } from '../../src/core/model';
import { evaluateXlsx } from '../../src/gateways/xlsx/evaluateXlsx';
import { cellByRef, findSheet, sheetValues } from '../fakes/excel';
import { install, REPORT_DATE, sampleWorkbook, SETTINGS, uninstall } from './office/helpers';

const SAMPLE = new Uint8Array(readFileSync(path.join(__dirname, '..', '..', 'assets', 'sample-2021.xlsx')));
const OPTIONS: EvaluationOptions = { lang: 'zh', basis: 'adjusted', style: 'trim', reportDate: new Date(2026, 10, 29) };
const REPORT = '绩效自评报告';
const MINE = '1.我们将逐月通报各项目支付进度，由分管领导督办执行率低于目标的项目。';
const ADDED = '此外，本局将于明年一季度组织开展预算执行专项检查。';

afterEach(uninstall);

describe('kept edits in an .xlsx file (the command, the browser page)', () => {
  it('a rewritten paragraph survives regeneration; the untouched ones are regenerated', async () => {
    const first = await evaluateXlsx(SAMPLE, OPTIONS);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(first.output as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet(REPORT) as ExcelJS.Worksheet;
    const row = ws.getColumn(1).values.findIndex((v) => typeof v === 'string' && v.startsWith('1.针对'));
    const generated = ws.getCell(`A${row}`).value as string;
    ws.getCell(`A${row}`).value = MINE;
    const edited = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);

    const second = await evaluateXlsx(edited, OPTIONS);
    if (!second.result.ok || !second.output) throw new Error('not evaluated');
    expect(second.result.kept.map((k) => k.heading)).toEqual(['四、下一步改进措施']);
    const again = new ExcelJS.Workbook();
    await again.xlsx.load(second.output as unknown as ExcelJS.Buffer);
    const texts = (again.getWorksheet(REPORT) as ExcelJS.Worksheet).getColumn(1).values.map((v) => (typeof v === 'string' ? v : ''));
    const at = texts.indexOf(MINE);
    expect(at).toBeGreaterThan(0);
    expect(texts[at + 1]).toContain(generated);
    // Only the report sheet was replaced: one report, no copy.
    expect(again.worksheets.filter((s) => s.name.startsWith(REPORT)).map((s) => s.name)).toEqual([REPORT]);
  });
});

describe('kept edits in Excel (Office.js, on the fake)', () => {
  it('a paragraph typed over in the report sheet survives Generate', async () => {
    const state = await sampleWorkbook();
    const { host } = install(state);
    expect(await host.generate(SETTINGS, undefined, REPORT_DATE)).toMatchObject({ ok: true });
    const values = sheetValues(state, REPORT);
    const row = values.findIndex((r) => typeof r[0] === 'string' && r[0].startsWith('1.针对'));
    const generated = values[row][0] as string;
    const cell = cellByRef(state, `${REPORT}!A${row + 1}`);
    if (!cell) throw new Error('no cell');
    cell.value = MINE;

    const outcome = await host.generate(SETTINGS, undefined, REPORT_DATE);
    expect(outcome).toMatchObject({ ok: true });
    if (!outcome.ok) return;
    expect(outcome.evaluation.findings.filter((f) => f.code === 'kept-edit').map((f) => f.message)).toEqual([expect.stringContaining('四、下一步改进措施 第 1 段')]);
    const after = sheetValues(state, REPORT).map((r) => String(r[0] ?? ''));
    const at = after.indexOf(MINE);
    expect(at).toBeGreaterThan(0);
    expect(after[at + 1]).toContain(generated);
    // The record column is hidden in Excel too.
    expect(findSheet(state, REPORT)?.hiddenColumns.has(10)).toBe(true);
  });

  it('a row the clerk inserts in the narrative and types into survives Generate, where they put it', async () => {
    const state = await sampleWorkbook();
    const { host } = install(state);
    expect(await host.generate(SETTINGS, undefined, REPORT_DATE)).toMatchObject({ ok: true });
    const report = findSheet(state, REPORT);
    if (!report) throw new Error('no report');
    const row = sheetValues(state, REPORT).findIndex((r) => typeof r[0] === 'string' && r[0].startsWith('1.针对'));
    // Excel's Insert row: everything below moves down a row, the record column with it.
    report.rows.splice(row + 1, 0, [{ value: ADDED }]);
    const outcome = await host.generate(SETTINGS, undefined, REPORT_DATE);
    if (!outcome.ok) throw new Error('not ok');
    expect(outcome.evaluation.findings.filter((f) => f.code === 'kept-addition')).toHaveLength(1);
    const after = sheetValues(state, REPORT).map((r) => String(r[0] ?? ''));
    expect(after[after.indexOf(ADDED) - 1]).toMatch(/^1\.针对/);
  });
});
