// Issue 9's highlights in the forms: the 全年执行数 / 预算执行数 cell of a form under target, marked like a table
// row (a rule that recomputes the rate from the form's own cells, else a fill), and a clerk's 得分 above the
// rule (a fill) — in the plan both gateways render, and in the fallback of a host without conditional formats.
import { parseRange } from '../../../src/core/address';
import { FIXED_RULE, formHighlightExpr } from '../../../src/core/compose/highlight';
import { evaluateFormula, type FormulaEnv, type FormulaValue } from '../../../src/core/formula/evaluateFormula';
import type { Basis, CellValue, SheetSnapshot, WorkbookSnapshot } from '../../../src/core/model';
import { runPipeline } from '../../../src/core/pipeline';
import { options, workbook } from '../snapshot';
import { nationalForm, sichuanForm, splitForm } from './formSheets';

function run(book: WorkbookSnapshot, basis: Basis = 'adjusted') {
  const result = runPipeline(book, options({ basis }));
  if (!result.ok) throw new Error(JSON.stringify(result.findings));
  return result;
}

function setCell(s: SheetSnapshot, address: string, value: CellValue): SheetSnapshot {
  const at = parseRange(address)!;
  const values = s.values.map((r) => [...r]);
  while (values.length <= at.top) values.push([]);
  values[at.top][at.left] = value;
  return { ...s, values };
}

/** The cells of one sheet, for the formula model's evaluator. */
function envOf(s: SheetSnapshot): FormulaEnv {
  const value = (v: CellValue | undefined): FormulaValue => (v === undefined || v === null ? null : typeof v === 'object' ? { error: '#VALUE!' } : (v as FormulaValue));
  return {
    cell: (reference) => {
      const at = parseRange(reference)!;
      return value(s.values[at.top]?.[at.left]);
    },
    range: () => [],
  };
}

const cell = (sheet: string, address: string) => ({ sheet, range: parseRange(address)! });

describe('a form’s execution cell', () => {
  it('gets a rule on 预算执行数 that follows the form’s cells (四川表: 45 of 60, under 95%)', () => {
    const form = sichuanForm('自评表 (2)');
    const result = run(workbook([form]));
    expect(result.evaluation.projects[0].underTarget).toBe(true);
    expect(result.highlights.rules).toEqual([
      { sheet: '自评表 (2)', areas: [parseRange('E7')], formula: 'AND(ISTEXT("budget-eval"),D7>0,ROUND(E7/D7,4)<ROUND(0.95,4))' },
      // 教学质量's 得分 (qualitative), above its band's top of 24 points.
      { sheet: '自评表 (2)', areas: [parseRange('J16')], formula: 'AND(ISTEXT("budget-eval"),ISNUMBER(J16),J16>24)' },
    ]);
    // Rules only; a host without conditional formats fills the cells instead.
    expect(result.highlights.fallbackFills).toEqual([cell('自评表 (2)', 'E7'), cell('自评表 (2)', 'J16')]);
  });

  it('has the rule on every form, true exactly where the engine finds the project under target', () => {
    for (const basis of ['adjusted', 'initial', 'adjusted-plus-carryover'] as const) {
      for (const actual of [114, 113.99, 113.94, 100, 50, 130]) {
        const form = setCell(nationalForm('自评表 (1)'), 'E6', actual);
        const result = run(workbook([form]), basis);
        const p = result.evaluation.projects[0];
        const rule = result.highlights.rules[0];
        expect(rule.areas).toEqual([parseRange('E6')]);
        // 年初 under the basis 年初 (C), else 全年预算数 (D).
        expect(rule.formula).toContain(basis === 'initial' ? 'ROUND(E6/C6,4)' : 'ROUND(E6/D6,4)');
        expect(evaluateFormula(formHighlightExpr(p, basis)!, envOf(form))).toBe(p.underTarget);
        expect(result.highlights.fallbackFills).toEqual(p.underTarget ? [cell('自评表 (1)', 'E6')] : []);
      }
    }
  });

  it('gets a fixed rule where the actual was summed from the rows under an empty total row: the total row, under target only', () => {
    // 云南表: 年度资金总额 left at 0; 1,000,000 of 1,200,000 spent (83%).
    const under = setCell(splitForm('云南表'), 'D6', 1000000);
    const result = run(workbook([under]));
    expect(result.evaluation.projects[0].underTarget).toBe(true);
    // The money block's total row, as far as the block reaches (年初预算数 B to 得分 G).
    const row = { sheet: '云南表', range: { top: 4, bottom: 4, left: 1, right: 6 } };
    expect(result.highlights.rules).toEqual([{ sheet: '云南表', areas: [row.range], formula: FIXED_RULE }]);
    expect(result.highlights.fallbackFills).toEqual([row]);
    // On target (95%): nothing.
    const onTarget = run(workbook([splitForm('云南表')]));
    expect(onTarget.highlights).toEqual({ rules: [], fallbackFills: [] });
  });

  it('gets a fixed rule where a figure is a number typed as text (Excel cannot divide it), never a fill over the form’s colours', () => {
    const form = setCell(sichuanForm('四川表'), 'E7', '45');
    const result = run(workbook([form]));
    expect(result.evaluation.projects[0].underTarget).toBe(true);
    expect(result.highlights.rules).toEqual([
      { sheet: '四川表', areas: [parseRange('E7')], formula: FIXED_RULE },
      { sheet: '四川表', areas: [parseRange('J16')], formula: 'AND(ISTEXT("budget-eval"),ISNUMBER(J16),J16>24)' },
    ]);
    expect(result.highlights.fallbackFills).toEqual([cell('四川表', 'E7'), cell('四川表', 'J16')]);
  });
});

describe('a clerk’s 得分 above the rule', () => {
  it('gets a rule (the form’s own colour comes back when it goes), and a fill on a host without conditional formats', () => {
    // 国家表: 验收合格率 target 100%, actual 95% of 15 points → 14.25; the clerk wrote 15.
    const form = setCell(nationalForm('自评表 (1)'), 'H14', 15);
    const result = run(workbook([form]));
    const above = result.evaluation.projects[0].indicators.filter((i) => i.aboveRule).map((i) => i.scoreCell);
    expect(above).toEqual(["'自评表 (1)'!H14"]);
    expect(result.highlights.rules).toContainEqual({ sheet: '自评表 (1)', areas: [parseRange('H14')], formula: 'AND(ISTEXT("budget-eval"),ISNUMBER(H14),H14>14.255)' });
    expect(result.highlights.fallbackFills).toContainEqual(cell('自评表 (1)', 'H14'));
  });
});
