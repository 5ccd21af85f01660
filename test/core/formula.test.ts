// The formula model: one printer (Excel's A1 syntax), one evaluator (Excel's semantics), and the report's rules
// built from it agreeing with the engine — the clerk's highlight included.
import { parseRange, splitReference } from '../../src/core/address';
import { highlightExpr } from '../../src/core/compose/highlight';
import { HIGHLIGHT_MARK } from '../../src/core/compose/reportPlan';
import { evaluateFormula, type FormulaEnv, type FormulaValue } from '../../src/core/formula/evaluateFormula';
import { add, call, div, eq, group, gt, IF, lt, mul, num, printFormula, ref, ROUND, rowTemplate, sub, text } from '../../src/core/formula/formula';
import { adjustmentScoreExpr, executionScoreExpr, printSource, sourceExpr, statusExpr } from '../../src/core/formula/reportFormulas';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../../src/core/model';
import { runPipeline } from '../../src/core/pipeline';
import { DEFAULT_SCORE_PROFILE } from '../../src/core/score/profile';
import { options, sheet, workbook } from './snapshot';

/** Cells by A1 address on one sheet (or `Sheet!A1`), for the evaluator. */
function envOf(book: WorkbookSnapshot, defaultSheet: string): FormulaEnv {
  const at = (reference: string) => {
    const split = splitReference(reference);
    const ws = book.sheets.find((s) => s.name === (split?.sheet ?? defaultSheet)) as SheetSnapshot;
    const range = parseRange(split?.address ?? reference);
    if (!range) throw new Error(reference);
    return { ws, range };
  };
  const value = (v: CellValue | undefined): FormulaValue => (v === undefined || v === null ? null : typeof v === 'object' ? { error: '#VALUE!' } : (v as FormulaValue));
  return {
    cell: (reference) => {
      const { ws, range } = at(reference);
      return value(ws.values[range.top]?.[range.left]);
    },
    range: (reference) => {
      const { ws, range } = at(reference);
      const out: FormulaValue[] = [];
      for (let r = range.top; r <= range.bottom; r++) for (let c = range.left; c <= range.right; c++) out.push(value(ws.values[r]?.[c]));
      return out;
    },
  };
}

const NO_CELLS: FormulaEnv = { cell: () => null, range: () => [] };
const calc = (e: Parameters<typeof printFormula>[0], env = NO_CELLS) => evaluateFormula(e, env);

describe('printing a formula', () => {
  it('brackets only where precedence needs them, and where a group asks', () => {
    expect(printFormula(mul(sub(num(1), ref('C5')), num(10000)))).toBe('(1-C5)*10000');
    expect(printFormula(sub(ref('A1'), sub(ref('B1'), ref('C1'))))).toBe('A1-(B1-C1)');
    expect(printFormula(sub(sub(ref('A1'), ref('B1')), ref('C1')))).toBe('A1-B1-C1');
    expect(printFormula(div(ref('A1'), mul(ref('B1'), ref('C1'))))).toBe('A1/(B1*C1)');
    expect(printFormula(gt(add(ref('A1'), ref('B1')), num(0)))).toBe('A1+B1>0');
    expect(printFormula(div(group(ref("'项目支出'!D6")), num(10000)))).toBe("('项目支出'!D6)/10000");
  });

  it('writes text with its quotes doubled and numbers as Excel reads them back', () => {
    expect(printFormula(text('say "hi"'))).toBe('"say ""hi"""');
    expect(printFormula(num(0.9))).toBe('0.9');
    expect(printFormula(num(1e-7))).toBe('1E-7');
    expect(printFormula(num(1e21))).toBe('1E21');
    expect(() => printFormula(num(NaN))).toThrow();
  });

  it('the highlight rule carries our mark exactly as the gateways look for it', () => {
    const layout = { sheet: 'S', headerTop: 0, headerBottom: 0, firstCol: 0, lastCol: 2, columns: { name: 0, adjusted: 1, actual: 2 }, wanDivisor: {}, targetIsPercent: false };
    const printed = printFormula(highlightExpr(layout as never, 'adjusted', 0.9, 1) ?? num(0));
    expect(printed).toBe(`AND(${HIGHLIGHT_MARK},$B2>0,ROUND($C2/$B2,4)<ROUND(0.9,4))`);
  });
});

describe('evaluating a formula as Excel does', () => {
  it('ROUND goes half away from zero, in decimal', () => {
    expect(calc(ROUND(num(2.675), 2))).toBe(2.68);
    expect(calc(ROUND(num(-2.5), 0))).toBe(-3);
    expect(calc(ROUND(num(0.94995), 4))).toBe(0.95);
    expect(calc(ROUND(num(1.005), 2))).toBe(1.01);
  });

  it('division by zero is #DIV/0!, and it propagates; IF computes only the branch it takes', () => {
    expect(calc(div(num(1), num(0)))).toEqual({ error: '#DIV/0!' });
    expect(calc(add(num(1), div(num(1), ref('A1'))))).toEqual({ error: '#DIV/0!' });
    expect(calc(IF(gt(ref('A1'), num(0)), div(num(1), ref('A1')), text('')))).toBe('');
  });

  it('compares as Excel: a blank is 0 or "", text is above every number, text ignores case', () => {
    expect(calc(eq(ref('A1'), text('')))).toBe(true);
    expect(calc(eq(ref('A1'), num(0)))).toBe(true);
    expect(calc(eq(num(0), text('')))).toBe(false);
    expect(calc(lt(num(1e9), text('a')))).toBe(true);
    expect(calc(eq(text('On Target'), text('on target')))).toBe(true);
  });

  it('gives text results, and counts and sums ranges', () => {
    const book = workbook([sheet('S', [['甲', '达标'], ['乙', '未达标'], ['丙', '无预算'], [null, 3]])]);
    const env = envOf(book, 'S');
    expect(calc(call('LEFT', text('未达标（需说明原因）'), num(3)), env)).toBe('未达标');
    expect(calc(call('COUNTA', ref('A1:A4')), env)).toBe(3);
    expect(calc(call('COUNTIF', ref('B1:B4'), text('达标')), env)).toBe(1);
    expect(calc(call('SUM', ref('B1:B4')), env)).toBe(3);
    expect(calc(add(ref('A1'), num(1)), env)).toEqual({ error: '#VALUE!' });
  });
});

describe('the report’s rules, computed from their formulas, equal the engine’s values', () => {
  it('status at the displayed edges (a rate of 89.995% is 90.00%, on target)', () => {
    const words = { noBudget: '无预算', onTarget: '达标', under: '未达标', explain: '未达标（需说明原因）' };
    const status = (rate: number | string) => calc(statusExpr(typeof rate === 'string' ? text(rate) : num(rate), num(0.9), 0.6, words));
    expect(status(0.89995)).toBe('达标');
    expect(status(0.89994)).toBe('未达标');
    expect(status(0.59994)).toBe('未达标（需说明原因）');
    expect(status('')).toBe('无预算');
  });

  it('execution and adjustment scores follow core/score for rates around each band', () => {
    const profile = DEFAULT_SCORE_PROFILE;
    for (const rate of [1, 0.99995, 0.9901, 0.95, 0.8, 0.5, 0]) {
      const points = 20;
      const short = Math.floor(Math.max(0, Math.round((1 - rate) * 10000)) / Math.round(profile.execution.step * 10000));
      const expected = Math.round(Math.max(0, points - short * profile.execution.penaltyShare * points) * 100) / 100;
      expect(calc(executionScoreExpr(ROUND(num(rate), 4), num(points), profile.execution))).toBeCloseTo(expected, 10);
    }
    for (const rate of [0, 0.00004, 0.05, -0.1, 0.2, 0.5]) {
      const bp = Math.abs(Math.round(rate * 10000));
      const band = profile.adjustment.bands.find((b) => bp <= Math.round(b.upTo * 10000));
      const share = bp === 0 ? profile.adjustment.zeroShare : band?.share ?? 0;
      expect(calc(adjustmentScoreExpr(ROUND(num(rate), 4), num(10), profile.adjustment))).toBeCloseTo(Math.round(10 * share * 100) / 100, 10);
    }
  });

  // The disagreement found in issue 10: basis 年初 on a table with 预算调整数 and 调整后 but no 年初. The engine
  // derives 年初 = 调整后 − 调整数 (80) and divides by it; the rule divided by 调整后 (100) and marked the row.
  it.each([
    ['basis 年初 without a 年初 column', ['项目名称', '预算调整数', '调整后预算数', '实际支出数'], 'initial'],
    ['basis 年初 with 年初 and 调整数 only', ['项目名称', '年初预算数', '预算调整数', '实际支出数'], 'initial'],
    ['basis 调整后 with 年初 and 调整数 only', ['项目名称', '年初预算数', '预算调整数', '实际支出数'], 'adjusted'],
  ] as const)('%s: every highlighted row is a row the engine finds under target', (_name, header, basis) => {
    // [name, adjustment, adjusted, actual] or [name, initial, adjustment, actual]
    const rows: CellValue[][] = header[1] === '预算调整数'
      ? [['甲', 20, 100, 75], ['乙', 0, 100, 75], ['丙', -20, 100, 100], ['丁', 10, 100, 85]]
      : [['甲', 80, 20, 75], ['乙', 100, 0, 75], ['丙', 120, -20, 100], ['丁', 90, 10, 85]];
    const book = workbook([sheet('项目支出', [['单位：万元'], [...header], ...rows])]);
    const result = runPipeline(book, options({ basis }));
    if (!result.ok) throw new Error('not evaluated');
    const layout = result.evaluation.projectTables[0];
    const env = envOf(book, '项目支出');
    const marked = result.evaluation.projects.map((p) => calc(highlightExpr(layout, basis, result.evaluation.department.target, p.location.row) ?? num(0), env));
    expect(marked).toEqual(result.evaluation.projects.map((p) => p.underTarget));
    // The printed rule is the expression at the first row.
    expect(result.highlights.rules[0].formula).toBe(printFormula(highlightExpr(layout, basis, result.evaluation.department.target, result.evaluation.projects[0].location.row) ?? num(0)));
  });
});

describe('row templates (a formula printed once per column, filled in per row)', () => {
  it('prints what printFormula prints for every row', () => {
    const build = (row: string) => IF(gt(ref(`D${row}`), num(0)), div(ref(`F${row}`), group(add(ref(`D${row}`), ref(`$E${row}`)))), text('"未达标"'));
    const parts = rowTemplate(build);
    const fill = (row: number) => parts.join(String(row));
    for (const row of [1, 5, 10, 99, 1048576]) expect(fill(row)).toBe(printFormula(build(String(row))));
    expect(rowTemplate(() => ROUND(num(1e-7), 2))).toEqual(['ROUND(1E-7,2)']);
  });

  it('refuses a formula whose text depends on its row otherwise than in its references', () => {
    expect(() => rowTemplate((row) => num(row === '1' ? 1 : 2))).toThrow(/row/);
  });

  it('prints a source cell as printFormula prints its expression', () => {
    for (const source of [
      { ref: "'项目支出'!D6", divisor: 10000, formula: true },
      { ref: '项目支出!D6', divisor: 1, formula: true },
      { ref: 'S!A1', divisor: 1e-7, formula: true },
      { ref: 'S!A2', divisor: 10000, formula: true },
    ]) {
      expect(printSource(source)).toBe(printFormula(sourceExpr(source)));
    }
  });
});
