// The bundled sample through the whole command, checked against the seed report's own figures.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { conditionalFormats, readBack, runCli, sheetTexts, tempDir } from './workbooks';

const UNDER = ['三防抢险工作经费', '总值班室工作经费', '安全生产宣传教育中心工作经费'];

describe('budget-eval on the bundled sample (seed figures, fiscal 2021)', () => {
  const dir = tempDir();
  let run: Awaited<ReturnType<typeof runCli>>;

  beforeAll(async () => {
    run = await runCli([], dir);
  });

  it('exits 0, writes sample-2021.evaluation.xlsx in the current folder and prints a summary', () => {
    expect(run.code).toBe(0);
    expect(existsSync(path.join(dir, 'sample-2021.evaluation.xlsx'))).toBe(true);
    expect(run.out).toContain('预算完成率 96.48%');
    expect(run.out).toContain('预算调整率 2.16%');
    expect(run.out).toContain('自评得分 38.93 / 100 分（另有 50 分待人工评分，等级暂定“差”）');
    expect(run.out).toContain('sample-2021.evaluation.xlsx');
  });

  it('states the totals in section （三） as the seed does', async () => {
    const wb = await readBack(path.join(dir, 'sample-2021.evaluation.xlsx'));
    const texts = sheetTexts(wb.getWorksheet('绩效自评报告')!);
    const section = texts.find((t) => t.startsWith('本部门年度整体支出年初预算数'));
    expect(section).toBe(
      '本部门年度整体支出年初预算数 2222.37万元，整体支出预算调整数 48.03万元，整体年度实际支出数 2190.49万元，预算调整率 2.16%，预算完成率 96.48%。',
    );
    for (const heading of ['一、基本情况', '（一）部门概况', '（二）年度总体工作和重点工作任务', '（三）部门整体支出情况', '（四）部门整体绩效管理情况', '二、综合评价分析', '（一）自评结论综述', '（二）各项工作任务绩效目标完成情况分析', '三、存在的主要问题', '四、下一步改进措施']) {
      expect(texts).toContain(heading);
    }
    expect(texts[0]).toBe('广州市荔湾区应急管理局2021年部门整体支出绩效自评报告');
    expect(texts).toContain('附表1：自评评分表');
    expect(texts).toContain('附表2：数据问题清单');
    expect(texts).toContain('附表4：项目支出绩效情况汇总表');
  });

  it('names exactly the three projects under 95%, with their rates, in 三、存在的主要问题', async () => {
    const wb = await readBack(path.join(dir, 'sample-2021.evaluation.xlsx'));
    const texts = sheetTexts(wb.getWorksheet('绩效自评报告')!);
    const start = texts.indexOf('三、存在的主要问题');
    const end = texts.indexOf('四、下一步改进措施');
    const problems = texts.slice(start, end).join('\n');
    expect(problems).toContain('三防抢险工作经费执行率 94.19%，低于 95% 的目标');
    expect(problems).toContain('总值班室工作经费执行率 92.03%，低于 95% 的目标');
    expect(problems).toContain('安全生产宣传教育中心工作经费执行率 88.31%，低于 95% 的目标。【请说明原因】');
    const named = problems.match(/（\d+）([^执]+)执行率/g) ?? [];
    expect(named.map((n) => n.replace(/（\d+）|执行率/g, ''))).toEqual(UNDER);
  });

  it('prints the same evaluation as JSON, to the cent and to 0.01%', async () => {
    const json = await runCli(['--json'], dir);
    expect(json.code).toBe(0);
    const ev = JSON.parse(json.out);
    expect(ev.department).toMatchObject({ name: '广州市荔湾区应急管理局', year: 2021, unit: '万元', target: 0.95, explainBelow: 0.9, basis: 'adjusted' });
    expect(ev.totals.initialBudget).toBeCloseTo(2222.37, 6);
    expect(ev.totals.adjustment).toBeCloseTo(48.03, 6);
    expect(ev.totals.adjustedBudget).toBeCloseTo(2270.4, 6);
    expect(ev.totals.actual).toBeCloseTo(2190.49, 6);
    expect(ev.totals.adjustmentRate).toBeCloseTo(48.03 / 2222.37, 10);
    expect(ev.totals.executionRate).toBeCloseTo(2190.49 / 2270.4, 10);
    expect(ev.score).toMatchObject({ total: 38.93, max: 100, unscored: 50, grade: '差' });
    expect(ev.score.rows.slice(0, 3).map((r: { score: number }) => r.score)).toEqual([20, 7.5, 11.43]);
    expect(ev.projects).toHaveLength(7);
    expect(ev.projects.filter((p: { underTarget: boolean }) => p.underTarget).map((p: { name: string }) => p.name)).toEqual(UNDER);
    const edu = ev.projects.find((p: { name: string }) => p.name === '安全生产宣传教育中心工作经费');
    expect(edu).toMatchObject({ cell: '项目支出!B10', adjustedBudget: 21.685, actual: 19.15 });
    expect(ev.findings.map((f: { code: string }) => f.code)).toEqual(['needs-explanation']);
  });

  it('highlights the clerk’s project table with one rule that recomputes the rate from the row', async () => {
    const wb = await readBack(path.join(dir, 'sample-2021.evaluation.xlsx'));
    const rules = conditionalFormats(wb.getWorksheet('项目支出')!);
    expect(rules).toHaveLength(1);
    expect(rules[0].ref).toBe('A4:J10');
    expect(rules[0].rules[0].formulae?.[0]).toBe('AND(ISTEXT("budget-eval"),$E4>0,ROUND($F4/$E4,4)<ROUND(0.95,4))');
  });
});
