import { belowAsDisplayed, denominator, evaluate, rates, sumAmounts } from '../../src/core/evaluate';
import type { Amounts, EvaluationOptions, SheetSnapshot } from '../../src/core/model';
import { formatRate } from '../../src/core/numbers';
import { parseWorkbook } from '../../src/core/parse/parseWorkbook';
import { evaluationJson, runPipeline } from '../../src/core/pipeline';
import { goldenWorkbook } from './golden';
import { codes, only, options, PROJECT_HEADER, projectSheet, sheet, workbook, type Row } from './snapshot';

const amounts = (over: Partial<Amounts>): Amounts => ({ initialBudget: 100, adjustment: 0, adjustedBudget: 100, carryover: 0, actual: 100, ...over });

function run(sheets: SheetSnapshot[], opts: Partial<EvaluationOptions> = {}) {
  const o = options(opts);
  const parsed = parseWorkbook(workbook(sheets), o.lang);
  return evaluate(parsed.input, o, parsed.findings);
}

/** One project table in 万元 with the target and explain-below set in an info sheet. */
function oneTable(rows: Row[], header: Row = PROJECT_HEADER, info: Row[] = [['执行率目标', 0.95], ['说明阈值', 0.9]]): SheetSnapshot[] {
  return [sheet('部门信息', info), sheet('项目支出', [['单位：万元'], header, ...rows])];
}

describe('the arithmetic', () => {
  it('computes the adjustment rate, null when the initial budget is 0 or unknown', () => {
    expect(rates(amounts({ initialBudget: 200, adjustment: 50, adjustedBudget: 250 }), 'adjusted').adjustmentRate).toBe(0.25);
    expect(rates(amounts({ initialBudget: 0, adjustment: 50, adjustedBudget: 50 }), 'adjusted').adjustmentRate).toBeNull();
    expect(rates(amounts({ initialBudget: null, adjustment: null, adjustedBudget: 50 }), 'adjusted').adjustmentRate).toBeNull();
  });

  it('computes the execution rate on each basis', () => {
    const a = amounts({ initialBudget: 2500, adjustment: 190.62, adjustedBudget: 2690.62, carryover: 19.8, actual: 2690.62 });
    expect(denominator(a, 'adjusted')).toBe(2690.62);
    expect(denominator(a, 'initial')).toBe(2500);
    expect(denominator(a, 'adjusted-plus-carryover')).toBeCloseTo(2710.42, 10);
    expect(rates(a, 'adjusted').executionRate).toBe(1);
    expect(rates(a, 'initial').executionRate).toBeCloseTo(2690.62 / 2500, 12);
    expect(formatRate(rates(a, 'adjusted-plus-carryover').executionRate ?? NaN, 'fixed')).toBe('99.27%');
  });

  it('has no execution rate for a zero denominator', () => {
    expect(rates(amounts({ initialBudget: 0, adjustment: 0, adjustedBudget: 0, actual: 5 }), 'adjusted').executionRate).toBeNull();
    expect(rates(amounts({ initialBudget: 0, adjustment: 10, adjustedBudget: 10, actual: 5 }), 'initial').executionRate).toBeNull();
  });

  it('compares as displayed', () => {
    expect(belowAsDisplayed(0.94995, 0.95)).toBe(false);
    expect(belowAsDisplayed(0.949949, 0.95)).toBe(true);
    expect(belowAsDisplayed(18999 / 20000, 0.95)).toBe(false);
  });

  it('sums amounts, with null where any row does not know', () => {
    expect(sumAmounts([amounts({ actual: 1.1 }), amounts({ actual: 2.2 })])).toMatchObject({ initialBudget: 200, adjustedBudget: 200, actual: 1.1 + 2.2 });
    expect(sumAmounts([amounts({}), amounts({ initialBudget: null, adjustment: null })])).toMatchObject({ initialBudget: null, adjustment: null, adjustedBudget: 200 });
  });

  it('reads carry-over into the adjusted-plus-carryover basis', () => {
    const ev = run(oneTable([['甲', 2690.62, 2690.62, 19.8]], ['项目名称', '调整后预算数', '实际支出数', '上年结转']), { basis: 'adjusted-plus-carryover' });
    expect(ev.projects[0]).toMatchObject({ carryover: 19.8, denominator: 2710.42 });
    expect(formatRate(ev.projects[0].executionRate ?? NaN, 'fixed')).toBe('99.27%');
    expect(ev.projects[0].underTarget).toBe(false);
  });
});

describe('targets and thresholds', () => {
  const project = (name: string, budget: number, actual: number, extra: Row = []): Row => [null, name, budget, 0, budget, actual, ...extra];

  it('takes a project’s own target, else the option, else the workbook’s, else 95%', () => {
    const header = [...PROJECT_HEADER, '执行率目标'];
    const rows = [project('甲', 100, 85, [0.8]), project('乙', 100, 85)];
    const byWorkbook = run(oneTable(rows, header, [['执行率目标', 0.9]]));
    expect(byWorkbook.projects.map((p) => [p.effectiveTarget, p.underTarget])).toEqual([
      [0.8, false],
      [0.9, true],
    ]);
    expect(byWorkbook.department.target).toBe(0.9);
    const byOption = run(oneTable(rows, header, [['执行率目标', 0.9]]), { target: 0.85 });
    expect(byOption.projects.map((p) => [p.effectiveTarget, p.underTarget])).toEqual([
      [0.8, false],
      [0.85, false],
    ]);
    const byDefault = run(oneTable(rows, header, []));
    expect(byDefault.projects.map((p) => p.effectiveTarget)).toEqual([0.8, 0.95]);
    expect(byDefault.department).toMatchObject({ target: 0.95, explainBelow: 0.9 });
  });

  it('uses the rate as displayed against the target: 94.995% shows as 95.00% and is not under 95%', () => {
    const ev = run(oneTable([project('甲', 20000, 18999), project('乙', 1000000, 949949), project('丙', 100, 95)]));
    expect(ev.projects.map((p) => [formatRate(p.executionRate ?? NaN, 'fixed'), p.underTarget])).toEqual([
      ['95.00%', false],
      ['94.99%', true],
      ['95.00%', false],
    ]);
  });

  it('uses the rate as displayed against explain-below, and asks for a reason only when there is none', () => {
    const header = [...PROJECT_HEADER, '偏差原因'];
    const ev = run(oneTable([project('甲', 20000, 17999), project('乙', 1000000, 899949), project('丙', 100, 50, ['资金未拨付'])], header));
    expect(ev.projects.map((p) => p.needsReason)).toEqual([false, true, true]);
    expect(only(ev.findings, 'needs-explanation').map((f) => f.cell)).toEqual(['项目支出!B4']);
  });

  it('uses the adjustment rate as displayed against ±30%', () => {
    const row = (name: string, adjustment: number): Row => [null, name, 100000, adjustment, 100000 + adjustment, 100000 + adjustment];
    const ev = run(oneTable([row('甲', 30004), row('乙', 30005), row('丙', -30004), row('丁', -30005), row('戊', 30000)]));
    expect(only(ev.findings, 'adjustment-over-30').map((f) => f.cell)).toEqual(['项目支出!B4', '项目支出!B6']);
  });

  it('checks a given rate against ours as displayed, at the rate cell', () => {
    const header = [...PROJECT_HEADER, '执行率'];
    const ev = run(oneTable([project('甲', 1000000, 964849, [0.9648]), project('乙', 1000000, 964849, [0.9649]), project('丙', 100, 90, ['90.00%'])], header));
    expect(only(ev.findings, 'rate-mismatch').map((f) => f.cell)).toEqual(['项目支出!G4']);
  });

  it('gives a zero denominator no rate, never under target, and reports it', () => {
    const ev = run(oneTable([project('甲', 0, 0), project('乙', 0, 5)]));
    expect(ev.projects.map((p) => [p.executionRate, p.underTarget, p.needsReason])).toEqual([
      [null, false, false],
      [null, false, false],
    ]);
    expect(only(ev.findings, 'zero-budget').map((f) => f.cell)).toEqual(['项目支出!B3', '项目支出!B4']);
    expect(only(ev.findings, 'needs-explanation')).toEqual([]);
    const initialBasis = run(oneTable([[null, '丙', 0, 10, 10, 10]]), { basis: 'initial' });
    expect(initialBasis.projects[0].executionRate).toBeNull();
    expect(only(initialBasis.findings, 'zero-budget')).toHaveLength(1);
  });

  it('reports spending over the budget', () => {
    const ev = run(oneTable([project('甲', 100, 100), project('乙', 100, 100.01)]));
    expect(only(ev.findings, 'over-budget').map((f) => f.cell)).toEqual(['项目支出!B4']);
  });

  it('reports a project that appears twice, at the second, naming the first', () => {
    const ev = run(oneTable([project('甲 项目', 100, 100), project('乙', 100, 100), project('甲项目', 100, 100)]));
    const dup = only(ev.findings, 'duplicate-project');
    expect(dup.map((f) => f.cell)).toEqual(['项目支出!B5']);
    expect(dup[0].message).toContain('项目支出!B3');
  });

  it('tells duplicates from names that only share a hash (the check groups names by normalHash)', () => {
    // 项目71wu and 项目itfa have the same normalHash: neither is a duplicate; their copies in other widths are.
    const ev = run(oneTable([project('项目71wu', 100, 100), project('项目itfa', 100, 100), project('项目ＩＴＦＡ', 100, 100), project('项目 71WU', 100, 100), project('项目itfb', 100, 100)]));
    const dup = only(ev.findings, 'duplicate-project');
    expect(dup.map((f) => [f.cell, f.params.other])).toEqual([
      ['项目支出!B5', '项目支出!B4'],
      ['项目支出!B6', '项目支出!B3'],
    ]);
  });

  it('says which defaults it used', () => {
    const sheets = [projectSheet('项目支出', [['甲', 100, 0, 100, 100]])];
    const used = only(run(sheets).findings, 'defaults-used');
    expect(used).toEqual([expect.objectContaining({ severity: 'info', cell: null })]);
    expect(used[0].message).toMatch(/95\.00%.*90\.00%/);
    expect(only(run(sheets, { target: 0.9, explainBelow: 0.8 }).findings, 'defaults-used')).toEqual([]);
    expect(only(run(oneTable([[null, '甲', 100, 0, 100, 100]])).findings, 'defaults-used')).toEqual([]);
  });
});

describe('a parsed table row is completed in place, once', () => {
  const sheets = oneTable([
    [1, '甲', 100, 10, 110, 90],
    [2, '乙', 100, 0, 100, 100],
  ]);

  it('makes the parser’s row its own result: one object per project, not an input and a copy', () => {
    const parsed = parseWorkbook(workbook(sheets), 'zh');
    const ev = evaluate(parsed.input, options(), parsed.findings);
    expect(ev.projects[0]).toBe(parsed.input.projects[0]);
    expect(ev.projects[0]).toMatchObject({ name: '甲', actual: 90, adjustedBudget: 110, denominator: 110, underTarget: true, indicators: [], selfScore: null });
    expect(ev.projects[0].executionRate).toBeCloseTo(90 / 110, 12);
  });

  it('copies on a second evaluation of the same input, so that the first one’s results stay as they were', () => {
    const parsed = parseWorkbook(workbook(sheets), 'zh');
    const first = evaluate(parsed.input, options({ basis: 'adjusted' }), parsed.findings);
    const firstRate = first.projects[0].executionRate;
    const second = evaluate(parsed.input, options({ basis: 'initial' }), parsed.findings);
    expect(second.projects[0]).not.toBe(first.projects[0]);
    expect(first.projects[0].executionRate).toBe(firstRate);
    expect(first.projects[0].denominator).toBe(110);
    expect(second.projects[0].denominator).toBe(100);
    expect(second.projects[0].executionRate).toBeCloseTo(0.9, 12);
    // The input's own figures are the parser's, whichever evaluation came first.
    expect(parsed.input.projects[0]).toMatchObject({ initialBudget: 100, adjustment: 10, adjustedBudget: 110, actual: 90 });
  });

  it('copies a project made elsewhere (it has no unset result fields), leaving it as it was', () => {
    const parsed = parseWorkbook(workbook(sheets), 'zh');
    const { adjustmentRate, executionRate, denominator: d, effectiveTarget, underTarget, needsReason, selfScore, ...plain } = parsed.input.projects[0] as unknown as Record<string, unknown>;
    expect([adjustmentRate, executionRate, d, effectiveTarget, underTarget, needsReason, selfScore]).toEqual(Array(7).fill(undefined));
    const made = { ...plain } as unknown as (typeof parsed.input.projects)[0];
    const ev = evaluate({ ...parsed.input, projects: [made] }, options(), []);
    expect(ev.projects[0]).not.toBe(made);
    expect('underTarget' in made).toBe(false);
    expect(ev.projects[0].underTarget).toBe(true);
  });
});

describe('department totals', () => {
  const projects = projectSheet('项目支出', [
    ['甲', 100, 10, 110, 100],
    ['乙', 50, 0, 50, 40],
  ]);
  const totalsSheet = (rows: Row[]) => sheet('部门支出', [['单位：万元'], ['支出类别', '年初预算数', '预算调整数', '调整后预算数', '实际支出数'], ...rows]);

  it('come from the totals table’s total row', () => {
    const ev = run([totalsSheet([['基本支出', 500, 5, 505, 500], ['项目支出', 150, 10, 160, 140], ['合计', 650, 15, 665, 640]]), projects]);
    expect(ev.totals).toMatchObject({ source: 'totals-table', initialBudget: 650, adjustment: 15, adjustedBudget: 665, actual: 640 });
    expect(ev.totals.executionRate).toBeCloseTo(640 / 665, 12);
    expect(codes(ev.findings)).not.toContain('totals-from-projects');
    expect(only(ev.findings, 'project-total-mismatch')).toEqual([]);
  });

  it('else from the sum of its rows', () => {
    const ev = run([totalsSheet([['基本支出', 500, 5, 505, 500], ['项目支出', 150, 10, 160, 140]]), projects]);
    expect(ev.totals).toMatchObject({ source: 'totals-table', initialBudget: 650, adjustment: 15, adjustedBudget: 665, actual: 640 });
  });

  it('else from the sum of the projects, with an info finding', () => {
    const ev = run([projects]);
    expect(ev.totals).toMatchObject({ source: 'projects', initialBudget: 150, adjustment: 10, adjustedBudget: 160, actual: 140 });
    expect(ev.totals).toMatchObject({ adjustmentRate: ev.projectSum.adjustmentRate, executionRate: ev.projectSum.executionRate });
    expect(only(ev.findings, 'totals-from-projects')).toEqual([expect.objectContaining({ severity: 'info', cell: null })]);
  });

  it('report a 项目支出 row that differs from the sum of the projects', () => {
    const ev = run([totalsSheet([['基本支出', 500, 5, 505, 500], ['项目支出', 150, 10, 160, 150], ['合计', 650, 15, 665, 650]]), projects]);
    const mismatch = only(ev.findings, 'project-total-mismatch');
    expect(mismatch.map((f) => [f.severity, f.cell])).toEqual([['warning', '部门支出!A4']]);
    expect(mismatch[0].message).toContain('150');
  });
});

describe('the golden case (the seed department, 2021)', () => {
  const result = runPipeline(goldenWorkbook(), options());
  if (!result.ok) throw new Error(JSON.stringify(result.findings));
  const ev = result.evaluation;
  const byName = new Map(ev.projects.map((p) => [p.name, p]));

  it('reads the department and its totals', () => {
    expect(ev.department).toMatchObject({ name: '广州市荔湾区应急管理局', year: 2021, unit: '万元', target: 0.95, explainBelow: 0.9, basis: 'adjusted' });
    expect(ev.totals.source).toBe('totals-table');
    expect(ev.totals.initialBudget).toBeCloseTo(2222.37, 9);
    expect(ev.totals.adjustment).toBeCloseTo(48.03, 9);
    expect(ev.totals.adjustedBudget).toBeCloseTo(2270.4, 9);
    expect(ev.totals.actual).toBeCloseTo(2190.49, 9);
    expect(formatRate(ev.totals.adjustmentRate ?? NaN, 'fixed')).toBe('2.16%');
    expect(formatRate(ev.totals.executionRate ?? NaN, 'fixed')).toBe('96.48%');
  });

  it('reads the projects given in 元 as 万元', () => {
    expect(ev.projects).toHaveLength(7);
    const centre = byName.get('安全生产宣传教育中心工作经费');
    expect(centre).toMatchObject({ cell: '项目支出!B10', initialBudget: 21.685, adjustment: 0, adjustedBudget: 21.685, actual: 19.15 });
    expect(byName.get('总值班室工作经费')).toMatchObject({ initialBudget: 18, adjustment: -1.18, adjustedBudget: 16.82, actual: 15.48 });
    expect(ev.projectSum.initialBudget).toBeCloseTo(619.685, 9);
    expect(ev.projectSum.actual).toBeCloseTo(627.46, 9);
  });

  it('finds the three projects under 95%', () => {
    const under = ev.projects.filter((p) => p.underTarget).map((p) => [p.name, formatRate(p.executionRate ?? NaN, 'fixed')]);
    expect(under).toEqual([
      ['三防抢险工作经费', '94.19%'],
      ['总值班室工作经费', '92.03%'],
      ['安全生产宣传教育中心工作经费', '88.31%'],
    ]);
    expect(byName.get('三防抢险工作经费')).toMatchObject({ actual: 224.06, adjustedBudget: 237.88 });
  });

  it('gives the JSON amounts in 万元, unrounded', () => {
    const json = evaluationJson(result, options()) as { totals: Record<string, unknown>; projects: Record<string, unknown>[] };
    expect(json.totals).toMatchObject({ source: 'totals-table', actual: ev.totals.actual, executionRate: ev.totals.executionRate });
    expect(json.projects[6]).toMatchObject({ name: '安全生产宣传教育中心工作经费', cell: '项目支出!B10', initialBudget: 21.685, actual: 19.15, underTarget: true, target: 0.95 });
    expect(json.projects[6].executionRate).toBe(19.15 / 21.685);
  });

  it('asks a reason for the one under 90%, and nothing else', () => {
    expect(ev.findings.map((f) => [f.code, f.cell])).toEqual([['needs-explanation', '项目支出!B10']]);
    const explained = runPipeline(goldenWorkbook({ 安全生产宣传教育中心工作经费: '部分培训改为线上开展。' }), options());
    expect(explained.findings).toEqual([]);
  });
});
