// The .xlsx gateway's report cells: text written as text (@), Excel's limits kept, merges that do not grow with
// the data, and the highlight's fills and names in runs rather than one per row.
import ExcelJS from 'exceljs';
import { MAX_CELL_TEXT, MAX_ROW_HEIGHT } from '../../../src/core/compose/reportPlan';
import type { EvaluationOptions } from '../../../src/core/model';
import { FIXED_RULE } from '../../../src/core/compose/highlight';
import { evaluateXlsx } from '../../../src/gateways/xlsx/evaluateXlsx';

const OPTIONS: EvaluationOptions = { lang: 'zh', basis: 'adjusted', style: 'trim', reportDate: new Date(2026, 10, 29) };
const REPORT = '绩效自评报告';
const HEADER = ['项目名称', '年初预算数', '预算调整数', '调整后预算数', '实际支出数'];

type Row = ExcelJS.CellValue[];

async function xlsx(sheets: Record<string, Row[]>): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    rows.forEach((row) => ws.addRow(row));
  }
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

async function evaluated(bytes: Uint8Array) {
  const { result, output } = await evaluateXlsx(bytes, OPTIONS);
  if (!result.ok || !output) throw new Error(result.findings.map((f) => f.message).join('\n'));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(output as unknown as ExcelJS.Buffer);
  return { result, wb, report: wb.getWorksheet(REPORT) as ExcelJS.Worksheet };
}

function cellWith(ws: ExcelJS.Worksheet, text: string): ExcelJS.Cell {
  let found: ExcelJS.Cell | undefined;
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      if (!found && cell.value === text) found = cell;
    }),
  );
  if (!found) throw new Error(`no cell "${text}"`);
  return found;
}

const merges = (ws: ExcelJS.Worksheet) => (ws.model as unknown as { merges: string[] }).merges.length;

describe('the report sheet written by the .xlsx gateway', () => {
  it('writes the text it writes as text (@): names, findings, the narrative; figures and formulas keep their formats', async () => {
    const { report, result } = await evaluated(await xlsx({ 项目支出: [HEADER, ['=1+2', 100, 0, 100, 50], ['2021-1', 100, 0, 100, 100]] }));
    expect(cellWith(report, '=1+2').numFmt).toBe('@');
    expect(cellWith(report, '2021-1').numFmt).toBe('@');
    const finding = result.findings.find((f) => f.code === 'needs-explanation');
    expect(cellWith(report, finding?.message as string).numFmt).toBe('@');
    expect(cellWith(report, '一、基本情况').numFmt).toBe('@');
    const name = cellWith(report, '=1+2');
    const row = report.getRow(Number(name.row));
    expect(row.getCell(2).numFmt).toBe('#,##0.00'); // an amount
    expect(row.getCell(6).numFmt).toBe('0.00%'); // the rate
    const status = row.getCell(8);
    expect(status.type).toBe(ExcelJS.ValueType.Formula); // the status: a formula yielding text, not text
    expect(status.numFmt ?? 'General').not.toBe('@');
  });

  it('writes as many merges for 2,000 under-target projects as for 40', async () => {
    const rows = (n: number): Row[] => [HEADER, ...Array.from({ length: n }, (_, i): Row => [`项目${i + 1}`, 100, 0, 100, 50])];
    const small = await evaluated(await xlsx({ 项目支出: rows(40) })); // over the narrative's 30: no paragraph per project
    const large = await evaluated(await xlsx({ 项目支出: rows(2000) }));
    expect(large.result.findings.length).toBeGreaterThanOrEqual(2000);
    expect(merges(large.report)).toBe(merges(small.report));
  });

  it('keeps Excel’s limits: no text over 32,767 characters, no row over 409 points', async () => {
    const long = '负责某某工作。'.repeat(6000);
    const { report, result } = await evaluated(await xlsx({ 部门信息: [['部门职责', long]], 项目支出: [HEADER, [long, 100, 0, 100, 100]] }));
    let longest = 0;
    let cut = 0;
    report.eachRow((row) => {
      expect(row.height ?? 0).toBeLessThanOrEqual(MAX_ROW_HEIGHT);
      row.eachCell((cell) => {
        // A merged area's other cells echo its first one's value.
        if (cell.type === ExcelJS.ValueType.Merge || typeof cell.value !== 'string') return;
        longest = Math.max(longest, cell.value.length);
        if (cell.value.endsWith('…（已截断）')) cut++;
      });
    });
    expect(longest).toBe(MAX_CELL_TEXT);
    expect(cut).toBeGreaterThanOrEqual(2); // the paragraph and the name in 附表4 at least
    expect(result.findings.filter((f) => f.code === 'text-truncated')).toHaveLength(cut);
  });

  it('marks adjacent under-target rows it cannot recompute with one fixed rule over one range, leaving the cells’ own fills', async () => {
    // Amounts stored as text: no rule can compute the rate from them, so the rows get a fixed rule.
    const rows: Row[] = [HEADER, ...Array.from({ length: 300 }, (_, i): Row => [`项目${i + 1}`, '100', '0', '100', '50'])];
    const { wb, result } = await evaluated(await xlsx({ 项目支出: rows }));
    expect(result.highlights.rules).toEqual([{ sheet: '项目支出', areas: [{ top: 1, bottom: 300, left: 0, right: 4 }], formula: FIXED_RULE }]);
    expect(wb.definedNames.model.filter((n) => n.name.startsWith('BudgetEval_Fill'))).toEqual([]);
    const ws = wb.getWorksheet('项目支出') as ExcelJS.Worksheet;
    expect(ws.getCell('C301').fill).toBeUndefined();
  });
});
