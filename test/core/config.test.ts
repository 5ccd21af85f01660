// The configuration object: the policy numbers live there, code reads them from the config passed down, and a
// workbook's own 部门信息 thresholds and 评分设置 sheet override them for that workbook.
import { DEFAULT_CONFIG, type Config } from '../../src/core/config';
import { runPipeline } from '../../src/core/pipeline';
import { DEFAULT_SCORE_PROFILE } from '../../src/core/score/profile';
import { only, options, projectSheet, sheet, workbook } from './snapshot';

const config = (over: Partial<Config>): Config => ({ ...DEFAULT_CONFIG, ...over });
const run = (projects: [string, number, number, number, number][], c: Config = DEFAULT_CONFIG, extra = [sheet('部门信息', [['金额单位', '万元']])]) => {
  const result = runPipeline(workbook([...extra, projectSheet('项目支出', projects)]), options(), c);
  if (!result.ok) throw new Error(JSON.stringify(result.findings));
  return result;
};

describe('the configuration object holds the policy numbers', () => {
  it('has the product’s defaults', () => {
    expect(DEFAULT_CONFIG.thresholds).toEqual({ target: 0.95, explainBelow: 0.9 });
    expect(DEFAULT_CONFIG.tolerances).toEqual({ projectTotal: 0.005, tableSum: 0.01 });
    expect(DEFAULT_CONFIG.adjustmentWarning).toBe(0.3);
    expect(DEFAULT_CONFIG.lists).toEqual({ projects: 30, largest: 5, findings: 10, names: 5 });
    expect(DEFAULT_CONFIG.scoring).toBe(DEFAULT_SCORE_PROFILE);
  });

  it('the thresholds’ defaults come from the config, and the workbook’s cells win over them', () => {
    const c = config({ thresholds: { target: 0.8, explainBelow: 0.5 } });
    const result = run([['甲', 100, 0, 100, 85]], c);
    expect([result.evaluation.department.target, result.evaluation.department.explainBelow]).toEqual([0.8, 0.5]);
    expect(only(result.findings, 'defaults-used')[0].message).toBe('使用默认值：执行率目标 80.00%，说明阈值 50.00%。');
    expect(result.evaluation.projects[0].underTarget).toBe(false);
    const own = run([['甲', 100, 0, 100, 85]], c, [sheet('部门信息', [['执行率目标', 0.9], ['说明阈值', 0.6]])]);
    expect([own.evaluation.department.target, own.evaluation.department.explainBelow]).toEqual([0.9, 0.6]);
  });

  it('how many items a paragraph names', () => {
    const projects: [string, number, number, number, number][] = ['甲', '乙', '丙', '丁'].map((n, i) => [n, 100, 40, 140, 70 + i]); // each adjusted by 40%: a warning each
    const text = (c: Config) => run(projects, c).narrative.map((b) => b.text).join('\n');
    const all = text(DEFAULT_CONFIG);
    expect(all).not.toContain('个项目低于目标，见附表4');
    expect(all).toContain('1.针对甲、乙、丙、丁执行率未达标的项目');
    const few = text(config({ lists: { projects: 2, largest: 1, findings: 1, names: 3 } }));
    expect(few).toContain('另有 2 个项目低于目标，见附表4。');
    expect(few).toContain('支出最大的 1 个项目为：丁（');
    expect(few).toContain('1.针对甲、乙、丙等执行率未达标的项目');
    expect(few).toMatch(/数据核对发现 \d+ 处需要注意的问题（详见附表2）：[^；]*等/);
  });

  it('the adjustment rule and the project-total tolerance', () => {
    const adjusted: [string, number, number, number, number][] = [['甲', 100, 40, 140, 140]];
    expect(only(run(adjusted).findings, 'adjustment-over-30')).toHaveLength(1);
    expect(only(run(adjusted).findings, 'adjustment-over-30')[0].message).toBe('“甲”预算调整率 40.00% 超过 ±30%，请说明调整原因。');
    expect(only(run(adjusted, config({ adjustmentWarning: 0.5 })).findings, 'adjustment-over-30')).toHaveLength(0);
    expect(only(run(adjusted, config({ adjustmentWarning: 0.25 })).findings, 'adjustment-over-30')[0].message).toContain('超过 ±25%');
    const totals = sheet('部门支出', [['支出类别', '年初预算数', '预算调整数', '调整后预算数', '实际支出数'], ['基本支出', 10, 0, 10, 10], ['项目支出', 100, 0, 100, 100.01]]);
    const ok: [string, number, number, number, number][] = [['甲', 100, 0, 100, 100]];
    expect(only(run(ok, DEFAULT_CONFIG, [totals]).findings, 'project-total-mismatch')).toHaveLength(1);
    expect(only(run(ok, config({ tolerances: { ...DEFAULT_CONFIG.tolerances, projectTotal: 0.05 } }), [totals]).findings, 'project-total-mismatch')).toHaveLength(0);
  });

  it('the table tolerance: a 合计 row and 调整后 against 年初 + 调整数, in the table’s unit', () => {
    const loose = config({ tolerances: { ...DEFAULT_CONFIG.tolerances, tableSum: 0.05 } });
    const summed = [sheet('部门信息', [['金额单位', '万元']]), sheet('项目支出', [['项目名称', '年初预算数', '预算调整数', '调整后预算数', '实际支出数'], ['甲', 100, 0, 100, 90], ['合计', 100, 0, 100, 90.03]])];
    const codesOf = (c: Config) => runPipeline(workbook(summed), options(), c).findings.map((f) => f.code);
    expect(codesOf(DEFAULT_CONFIG)).toContain('total-mismatch');
    expect(codesOf(loose)).not.toContain('total-mismatch');
    const off: [string, number, number, number, number][] = [['甲', 100, 0, 100.03, 90]];
    expect(only(run(off).findings, 'adjusted-mismatch')).toHaveLength(1);
    expect(only(run(off, loose).findings, 'adjusted-mismatch')).toHaveLength(0);
  });

  it('the scoring: the config’s bands, which a 评分设置 sheet’s own rows override for that workbook', () => {
    const scoring = { ...DEFAULT_SCORE_PROFILE, grades: [{ grade: '优' as const, from: 99 }, { grade: '良' as const, from: 98 }, { grade: '中' as const, from: 97 }] };
    const c = config({ scoring });
    expect(run([['甲', 100, 0, 100, 100]], c).evaluation.score.rules.grades).not.toEqual(run([['甲', 100, 0, 100, 100]]).evaluation.score.rules.grades);
    // A sheet with indicators only keeps the config's bands; its 评分参数 rows replace them.
    const sheetOnly = sheet('评分设置', [['指标', '分值', '类型', '得分'], ['预算完成率', 100, '预算完成率']]);
    expect(run([['甲', 100, 0, 100, 100]], c, [sheetOnly]).evaluation.score.rules.grades).toEqual(run([['甲', 100, 0, 100, 100]], c).evaluation.score.rules.grades);
    const withParams = sheet('评分设置', [['指标', '分值', '类型', '得分'], ['预算完成率', 100, '预算完成率'], [], ['评分参数', '值'], ['等级“优”最低分', 90], ['等级“良”最低分', 80], ['等级“中”最低分', 60]]);
    expect(run([['甲', 100, 0, 100, 100]], c, [withParams]).evaluation.score.rules.grades).toEqual(run([['甲', 100, 0, 100, 100]]).evaluation.score.rules.grades);
  });
});
