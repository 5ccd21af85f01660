// 附表3 项目绩效自评得分表 in the written workbook, recalculated by a spreadsheet engine (HyperFormula): the
// execution score over the forms' money cells (their total row, or the rows under it summed when it was empty)
// and 总分 over the row give the values stored with them, and follow the engine when a money cell changes.
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import type { Basis, EvaluationOptions, SheetSnapshot } from '../../../src/core/model';
import { evaluateXlsx } from '../../../src/gateways/xlsx/evaluateXlsx';
import { nationalForm, sichuanForm, splitForm } from '../../core/forms/formSheets';
import { formWorkbookBytes } from './formWorkbook';
import { formulaCells, spreadsheet, valueAt } from './recalculate';

const OPTIONS: EvaluationOptions = { lang: 'zh', basis: 'adjusted', style: 'trim', reportDate: new Date(2026, 10, 29) };
const REPORT = '绩效自评报告';

async function evaluated(sheets: SheetSnapshot[], options = OPTIONS) {
  const bytes = new Uint8Array(await formWorkbookBytes(sheets));
  const { result, output } = await evaluateXlsx(bytes, options);
  if (!result.ok || !output) throw new Error(result.ok ? 'no output' : result.findings.map((f) => f.message).join('\n'));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(output as unknown as ExcelJS.Buffer);
  return { result, wb };
}

/** 附表3's body rows (1-based) in the written sheet: from its header to its note. */
function selfScoreRows(ws: ExcelJS.Worksheet): number[] {
  const col = ws.getColumn(1).values as unknown[];
  const caption = col.findIndex((v) => v === '附表3：项目绩效自评得分表');
  const rows: number[] = [];
  for (let r = caption + 2; typeof col[r] === 'string' && !(col[r] as string).startsWith('注：'); r++) rows.push(r);
  return rows;
}

const close = (a: unknown, b: number) => typeof a === 'number' && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

describe('附表3’s formulas, recalculated', () => {
  it('every formula of 附表3 gives the value stored with it, and the execution score follows a changed money cell', async () => {
    const { result, wb } = await evaluated([nationalForm(), splitForm(), sichuanForm()]);
    const ws = wb.getWorksheet(REPORT)!;
    const rows = selfScoreRows(ws);
    expect(rows).toHaveLength(3);
    const hf = spreadsheet(wb);
    const inTable = formulaCells(ws).filter((c) => rows.includes(Number(/\d+$/.exec(c.address)![0])));
    // Execution score and 总分 on each row.
    expect(inTable).toHaveLength(6);
    for (const c of inTable) expect(close(valueAt(hf, REPORT, c.address), c.result as number)).toBe(true);
    const projects = result.evaluation.projects;
    rows.forEach((r, i) => {
      expect(close(valueAt(hf, REPORT, `B${r}`), projects[i].selfScore!.executionScore)).toBe(true);
      expect(close(valueAt(hf, REPORT, `F${r}`), projects[i].selfScore!.ruleScore)).toBe(true);
    });

    // The national form's 全年执行数 falls to 60 of 120: 10 × 50% = 5; the Yunnan form's first part row to 600,000 元.
    hf.setCellContents(hf.simpleCellAddressFromString('E6', hf.getSheetId('国家表')!)!, 60);
    hf.setCellContents(hf.simpleCellAddressFromString('D6', hf.getSheetId('云南表')!)!, 600000);
    expect(close(valueAt(hf, REPORT, `B${rows[0]}`), 5)).toBe(true);
    expect(close(valueAt(hf, REPORT, `B${rows[1]}`), 5)).toBe(true); // 60 万 of 120 万
    expect(close(valueAt(hf, REPORT, `F${rows[0]}`), 5 + projects[0].indicators.reduce((s, x) => s + (x.ruleScore ?? 0), 0))).toBe(true);
  });

  it('agrees with the engine over random money blocks (zero total rows, 元 and 万元, over 100%, no budget) and bases', async () => {
    const money = fc.record({
      adjusted: fc.integer({ min: 0, max: 500 }),
      actual: fc.integer({ min: 0, max: 600 }),
      zeroTotal: fc.boolean(),
      yuan: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(money, fc.constantFrom<Basis>('adjusted', 'initial', 'adjusted-plus-carryover'), async (m, basis) => {
        const scale = m.yuan ? 10000 : 1;
        const [adj, act] = [m.adjusted * scale, m.actual * scale];
        // The total row, or (zeroTotal) its 0s with the money in the rows under it.
        const total = m.zeroTotal ? [null, '年度资金总额', 0, 0, 0, 10, null, null] : [null, '年度资金总额', adj, adj, act, 10, null, null];
        const form = nationalForm('国家表', { unit: m.yuan ? '元' : '万元', total });
        const values = form.values.map((r) => [...r]);
        values[6] = [null, '其中：当年财政拨款', adj, adj, act, '—', null, '—'];
        values[7] = [null, '上年结转资金', 0, 0, 0, '—', null, '—'];
        const { result, wb } = await evaluated([{ ...form, values }], { ...OPTIONS, basis });
        const ws = wb.getWorksheet(REPORT)!;
        const [row] = selfScoreRows(ws);
        const hf = spreadsheet(wb);
        const p = result.evaluation.projects[0];
        expect(ws.getCell(`B${row}`).formula).toBeTruthy();
        expect(close(valueAt(hf, REPORT, `B${row}`), p.selfScore!.executionScore)).toBe(true);
        expect(close(valueAt(hf, REPORT, `F${row}`), p.selfScore!.ruleScore)).toBe(true);
        hf.destroy();
      }),
      { numRuns: Number(process.env.FORMULA_RUNS ?? 12) },
    );
  });
});
