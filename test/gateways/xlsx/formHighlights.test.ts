// Issue 9's highlights written by the .xlsx gateway (the command and the browser page): a form's execution cell
// under a rule that HyperFormula computes as the engine does, a clerk's 得分 above the rule filled and named, and
// both taken away again by the gateway's removal (run before every write, so a regeneration never piles up).
import ExcelJS from 'exceljs';
import type { EvaluationOptions, SheetSnapshot } from '../../../src/core/model';
import { FIXED_RULE } from '../../../src/core/compose/highlight';
import { evaluateXlsx } from '../../../src/gateways/xlsx/evaluateXlsx';
import { removeHighlights } from '../../../src/gateways/xlsx/writeWorkbook';
import { nationalForm, sichuanForm } from '../../core/forms/formSheets';
import { formWorkbookBytes } from './formWorkbook';
import { ruleAt, spreadsheet } from './recalculate';

const OPTIONS: EvaluationOptions = { lang: 'zh', basis: 'adjusted', style: 'trim', reportDate: new Date(2026, 10, 29) };
const NATIONAL = '自评表 (1)';
const SICHUAN = '自评表 (2)';

type RuleList = { ref: string; rules: { type: string; formulae?: string[] }[] }[];
const rulesOf = (ws: ExcelJS.Worksheet) => ((ws as unknown as { conditionalFormattings?: RuleList }).conditionalFormattings ?? []).map((cf) => ({ ref: cf.ref, formulae: cf.rules.flatMap((r) => r.formulae ?? []) }));
const fillOf = (ws: ExcelJS.Worksheet, address: string) => {
  const fill = ws.getCell(address).fill as ExcelJS.FillPattern | undefined;
  return fill?.pattern === 'solid' ? fill.fgColor?.argb : null;
};
const fillNames = (wb: ExcelJS.Workbook) => wb.definedNames.model.filter((n) => n.name.startsWith('BudgetEval_Fill')).flatMap((n) => n.ranges);

/** The national form with 验收合格率's 得分 (H14) at `score`: 15 is above the rule's 14.25. */
function nationalWith(score: number): SheetSnapshot {
  const form = nationalForm(NATIONAL);
  const values = form.values.map((r) => [...r]);
  values[13][7] = score;
  return { ...form, values };
}

async function evaluate(bytes: Uint8Array) {
  const { result, output } = await evaluateXlsx(bytes, OPTIONS);
  if (!result.ok || !output) throw new Error(result.findings.map((f) => f.message).join('\n'));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(output as unknown as ExcelJS.Buffer);
  return { result, wb, output };
}

describe('forms highlighted in an .xlsx', () => {
  it('puts a rule on each form’s execution cell, true where the project is under target, and a rule on the 得分 above the rule (no fill: the form’s own colour stays)', async () => {
    const { wb } = await evaluate(await formWorkbookBytes([nationalWith(15), sichuanForm(SICHUAN)]));
    const national = wb.getWorksheet(NATIONAL) as ExcelJS.Worksheet;
    const sichuan = wb.getWorksheet(SICHUAN) as ExcelJS.Worksheet;
    expect(rulesOf(national)).toEqual([{ ref: 'E6', formulae: ['AND(ISTEXT("budget-eval"),D6>0,ROUND(E6/D6,4)<ROUND(0.95,4))'] }, { ref: 'H14', formulae: ['AND(ISTEXT("budget-eval"),ISNUMBER(H14),H14>14.255)'] }]);
    expect(rulesOf(sichuan)).toEqual([{ ref: 'E7', formulae: ['AND(ISTEXT("budget-eval"),D7>0,ROUND(E7/D7,4)<ROUND(0.95,4))'] }, { ref: 'J16', formulae: ['AND(ISTEXT("budget-eval"),ISNUMBER(J16),J16>24)'] }]);
    // Computed by a spreadsheet engine over the written cells: 114 of 120 is on target, 45 of 60 is not.
    const hf = spreadsheet(wb);
    expect(ruleAt(hf, NATIONAL, rulesOf(national)[0].formulae[0], 6, [6])).toEqual([false]);
    expect(ruleAt(hf, SICHUAN, rulesOf(sichuan)[0].formulae[0], 7, [7])).toEqual([true]);
    // 验收合格率 15 of 15 (the rule: 14.25) and 教学质量 25 (基本达成: at most 24): true in the engine, and no
    // fill written over the clerk's cells.
    expect(ruleAt(hf, NATIONAL, rulesOf(national)[1].formulae[0], 14, [14])).toEqual([true]);
    expect(ruleAt(hf, SICHUAN, rulesOf(sichuan)[1].formulae[0], 16, [16])).toEqual([true]);
    expect(fillOf(national, 'H14')).toBeNull();
    expect(fillOf(sichuan, 'J16')).toBeNull();
    expect(fillNames(wb)).toEqual([]);
    // The clerk's cells are never written: 15 stays 15.
    expect(national.getCell('H14').value).toBe(15);
  });

  it('takes them away again: on a regeneration once the 得分 is corrected, and by the gateway’s removal', async () => {
    const first = await evaluate(await formWorkbookBytes([nationalWith(15), sichuanForm(SICHUAN)]));
    // The clerk corrects H14 in the evaluated workbook and runs it again.
    const national = first.wb.getWorksheet(NATIONAL) as ExcelJS.Worksheet;
    national.getCell('H14').value = 14;
    const again = await evaluate(new Uint8Array((await first.wb.xlsx.writeBuffer()) as ArrayBuffer));
    const n2 = again.wb.getWorksheet(NATIONAL) as ExcelJS.Worksheet;
    // The corrected 得分 has no rule any more; the rules are replaced, not added to.
    expect(rulesOf(n2).map((r) => r.ref)).toEqual(['E6']);
    expect(rulesOf(again.wb.getWorksheet(SICHUAN) as ExcelJS.Worksheet).map((r) => r.ref)).toEqual(['E7', 'J16']);

    removeHighlights(again.wb);
    for (const name of [NATIONAL, SICHUAN]) expect(rulesOf(again.wb.getWorksheet(name) as ExcelJS.Worksheet)).toEqual([]);
    expect(fillOf(again.wb.getWorksheet(SICHUAN) as ExcelJS.Worksheet, 'J16')).toBeNull();
    expect(fillNames(again.wb)).toEqual([]);
  });

  it('puts a fixed rule on the execution cell where a figure is text (no rule can divide it), not a fill over the form', async () => {
    const form = sichuanForm(SICHUAN);
    const values = form.values.map((r) => [...r]);
    values[6][4] = '45';
    const { wb } = await evaluate(await formWorkbookBytes([{ ...form, values }]));
    const ws = wb.getWorksheet(SICHUAN) as ExcelJS.Worksheet;
    expect(rulesOf(ws)).toEqual([
      { ref: 'E7', formulae: [FIXED_RULE] },
      { ref: 'J16', formulae: ['AND(ISTEXT("budget-eval"),ISNUMBER(J16),J16>24)'] },
    ]);
    expect(fillOf(ws, 'E7')).toBeNull(); // the form's own (none), not the highlight's
    expect(fillNames(wb)).toEqual([]);
  });
});
