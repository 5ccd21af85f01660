// The 自评评分: every band edge as displayed, the grades, the 评分设置 sheet and the report's table and sentence.
import { composeReport } from '../../src/core/compose/composeReport';
import { parseWorkbook } from '../../src/core/parse/parseWorkbook';
import { evaluationJson, runPipeline } from '../../src/core/pipeline';
import { DEFAULT_SCORE_PROFILE, profileWith, type ScoreIndicator } from '../../src/core/score/profile';
import { adjustmentScore, computeScore, executionScore, gradeOf } from '../../src/core/score/score';
import { layoutReport } from '../../src/gateways/office/reportLayout';
import { goldenWorkbook } from './golden';
import { planRows } from '../../src/core/compose/reportPlan';
import { only, options, projectSheet, sheet, workbook, type Row } from './snapshot';

const P = DEFAULT_SCORE_PROFILE;

describe('预算完成率 (20 points, minus 2 per full 5 percentage points below 100%)', () => {
  it.each([
    [1.2, 20],
    [1, 20],
    [0.9648, 20],
    [0.9501, 20],
    [0.95005, 20], // shown 95.01%
    [0.95004, 18], // shown 95.00%
    [0.95, 18],
    [0.9499, 18],
    [0.9001, 18],
    [0.9, 16],
    [0.8999, 16],
    [0.8501, 16],
    [0.8499, 14],
    [0.85, 14],
    [0.8, 12],
    [0.55, 2],
    [0.5, 0],
    [0.4999, 0],
    [0, 0],
  ])('%p → %p', (rate, score) => {
    expect(executionScore(rate, 20, P)).toBeCloseTo(score, 9);
  });
});

describe('预算调整率 (10 points by |rate|: 0 → 100%, ≤10% → 75%, ≤20% → 50%, ≤30% → 25%, above → 0)', () => {
  it.each([
    [0, 10],
    [0.00004, 10], // shown 0.00%
    [0.00005, 7.5], // shown 0.01%
    [0.0216, 7.5],
    [0.1, 7.5],
    [0.10004, 7.5],
    [0.1001, 5],
    [0.2, 5],
    [0.2001, 2.5],
    [0.3, 2.5],
    [0.3001, 0],
    [1, 0],
    [-0.0216, 7.5],
    [-0.1, 7.5],
    [-0.1001, 5],
    [-0.3, 2.5],
    [-0.3001, 0],
  ])('%p → %p', (rate, score) => {
    expect(adjustmentScore(rate, 10, P)).toBeCloseTo(score, 9);
  });
});

describe('grades', () => {
  it.each([
    [100, '优'],
    [90, '优'],
    [89.995, '优'], // shown 90.00
    [89.99, '良'],
    [80, '良'],
    [79.99, '中'],
    [60, '中'],
    [59.99, '差'],
    [0, '差'],
  ])('%p → %s', (score, grade) => {
    expect(gradeOf(score, P)).toBe(grade);
  });
});

describe('computeScore', () => {
  const facts = { executionRate: 2190.49 / 2270.4, adjustmentRate: 48.03 / 2222.37, rated: 7, onTarget: 4 };

  it('scores the golden figures and leaves the five hand-scored indicators open', () => {
    const s = computeScore(facts, P, 'zh');
    expect(s.rows.map((r) => [r.name, r.points, r.score])).toEqual([
      ['预算完成率', 20, 20],
      ['预算调整率', 10, 7.5],
      ['项目执行达标率', 20, 11.43],
      ['预算编制科学性', 10, null],
      ['绩效目标合理性', 10, null],
      ['预算管理制度健全性', 10, null],
      ['资金使用合规性', 10, null],
      ['预决算信息公开', 10, null],
    ]);
    expect(s.rows[2].actual).toBeCloseTo(4 / 7, 12);
    expect(s).toMatchObject({ total: 38.93, max: 100, unscored: 50, grade: '差', bestGrade: '良', provisional: true, fromSheet: false });
  });

  it('counts the share of projects on target, leaving out projects without a rate', () => {
    expect(computeScore({ ...facts, rated: 4, onTarget: 3 }, P, 'zh').rows[2].score).toBe(15);
    expect(computeScore({ ...facts, rated: 0, onTarget: 0 }, P, 'zh').rows[2].score).toBeNull();
  });

  it('leaves a rate it cannot compute unscored', () => {
    const s = computeScore({ ...facts, executionRate: null, adjustmentRate: null }, P, 'en');
    expect(s.rows.slice(0, 2).map((r) => r.score)).toEqual([null, null]);
    expect(s.unscored).toBe(80);
  });

  it('is final once every indicator is scored, and scales a profile that is not on 100 points', () => {
    const manual = P.indicators.map((i): ScoreIndicator => (i.kind === 'manual' ? { ...i, manualScore: 9 } : i));
    const s = computeScore(facts, profileWith(manual), 'zh');
    expect(s).toMatchObject({ total: 83.93, unscored: 0, grade: '良', bestGrade: '良', provisional: false, fromSheet: true });
    const small = computeScore({ ...facts, rated: 1, onTarget: 1 }, profileWith([{ name: '预算完成率', points: 40, kind: 'execution', manualScore: null }, { name: '项目', points: 10, kind: 'projects', manualScore: null }]), 'zh');
    expect(small).toMatchObject({ total: 50, max: 50, grade: '优' });
  });
});

/** A small department: one project table and a 评分设置 sheet. */
function scored(scoreRows: Row[]) {
  return workbook([
    sheet('部门信息', [['部门名称', '测试局'], ['年度', 2023], ['执行率目标', 0.95], ['说明阈值', 0.9]]),
    projectSheet('项目支出', [
      ['甲项目', 100, 0, 100, 100],
      ['乙项目', 100, 0, 100, 80],
    ]),
    sheet('评分设置', [['自评评分设置'], ['说明：每行一个指标'], ['指标', '分值', '类型', '得分', '评分标准'], ...scoreRows]),
  ]);
}

describe('the 评分设置 sheet', () => {
  const defaults: Row[] = [
    ['预算完成率', 20, '预算完成率', null, '自动'],
    ['预算调整率', 10, '预算调整率'],
    ['项目执行达标率', 20, '项目达标率'],
    ['预算编制科学性', 10, '人工评分', 8],
    ['绩效目标合理性', 10, '人工评分', '9.5'],
    ['预算管理制度健全性', 10, '人工评分', 10],
    ['资金使用合规性', 10, '人工评分', 10],
    ['预决算信息公开', 10, '人工评分'],
  ];

  it('counts the clerk’s hand scores and says what is still unscored', () => {
    const result = runPipeline(scored(defaults), options());
    if (!result.ok) throw new Error(JSON.stringify(result.findings));
    const s = result.evaluation.score;
    // 90% → 16; adjustment 0 → 10; 1 of 2 on target → 10; by hand 8 + 9.5 + 10 + 10.
    expect(s.rows.map((r) => r.score)).toEqual([16, 10, 10, 8, 9.5, 10, 10, null]);
    expect(s).toMatchObject({ total: 73.5, max: 100, unscored: 10, grade: '中', bestGrade: '良', provisional: true, fromSheet: true });
    expect(result.findings.filter((f) => f.code === 'score-setting')).toEqual([]);
    // The sheet is neither a project table nor the information block.
    expect(result.evaluation.projects.map((p) => p.name)).toEqual(['甲项目', '乙项目']);
  });

  it('reports a bad cell at its cell and goes on', () => {
    const rows = defaults.map((r) => [...r]);
    rows[3][3] = '优秀'; // 得分 not a number → unscored
    rows[4][3] = 12; // above the points → unscored
    rows[5][1] = 'ten'; // 分值 not a number → left out
    rows[6][2] = '其他'; // unknown kind → left out
    const parsed = parseWorkbook(scored(rows), 'zh');
    expect(only(parsed.findings, 'score-setting').map((f) => [f.cell, f.severity])).toEqual([
      ['评分设置!D7', 'warning'],
      ['评分设置!D8', 'warning'],
      ['评分设置!B9', 'warning'],
      ['评分设置!C10', 'warning'],
      ['评分设置!B3', 'warning'], // the points now add up to 80
    ]);
    expect(only(parsed.findings, 'score-setting')[0].message).toContain('预算编制科学性');
    const result = runPipeline(scored(rows), options());
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.evaluation.score).toMatchObject({ max: 80, unscored: 30 });
  });

  it('falls back to the default profile when the sheet has no header', () => {
    const parsed = parseWorkbook(workbook([...scored([]).sheets.slice(0, 2), sheet('评分设置', [['随便写写']])]), 'zh');
    expect(parsed.input.scoreProfile).toBeUndefined();
    expect(only(parsed.findings, 'score-setting').map((f) => f.cell)).toEqual(['评分设置!A1']);
  });
});

describe('the report', () => {
  const golden = (lang: 'zh' | 'en') => {
    const result = runPipeline(goldenWorkbook(), options({ lang }));
    if (!result.ok) throw new Error(JSON.stringify(result.findings));
    return result;
  };
  const texts = (lang: 'zh' | 'en') => planRows(golden(lang).report).map((r) => r.cells.map((c) => c.value));

  it('puts the total and its provisional grade in 二、（一）, and the table as 附表1, then the problems (附表2), then the summary (附表4)', () => {
    const rows = texts('zh');
    const flat = rows.map((r) => r[0]);
    const summary = flat.indexOf('（一）自评结论综述');
    expect(flat[summary + 2]).toBe(
      '按自评评分标准，本部门已评指标得分 38.93 分（满分 100 分，另有 50 分待人工评分），等级暂定为“差”（仅按已评得分）：人工评分完成后总分在 38.93 至 88.93 分之间，等级在“差”至“良”之间，待人工评分完成后确定（评分明细见附表1）。',
    );
    const scoreTable = flat.indexOf('附表1：自评评分表');
    const problems = flat.indexOf('附表2：数据问题清单');
    const projects = flat.indexOf('附表4：项目支出绩效情况汇总表');
    expect(scoreTable).toBeGreaterThan(summary);
    expect(problems).toBeGreaterThan(scoreTable);
    expect(projects).toBeGreaterThan(problems);
    const table2 = scoreTable;
    expect(rows[table2 + 1]).toEqual(['指标', '分值', '实际值', '得分', '说明']);
    expect(rows[table2 + 2].slice(0, 4)).toEqual(['预算完成率', 20, 2190.49 / 2270.4, 20]);
    expect(rows[table2 + 3].slice(0, 4)).toEqual(['预算调整率', 10, 48.03 / 2222.37, 7.5]);
    expect(rows[table2 + 4].slice(0, 4)).toEqual(['项目执行达标率', 20, 4 / 7, 11.43]);
    expect(rows[table2 + 5].slice(0, 4)).toEqual(['预算编制科学性', 10, null, null]);
    expect(rows[table2 + 10]).toEqual(['合计', 100, null, 38.93, '另有 50 分待人工评分；等级暂定“差”']);
    expect(flat.some((t) => typeof t === 'string' && t.includes('详见附表1'))).toBe(false);
  });

  it('says the same in English', () => {
    const rows = texts('en');
    const flat = rows.map((r) => r[0]);
    expect(flat).toContain('Table 1: Self-evaluation score');
    expect(flat).toContain('Table 2: Problems found in the data');
    expect(flat).toContain('Table 4: Projects');
    expect(rows[flat.indexOf('Table 1: Self-evaluation score') + 1]).toEqual(['Indicator', 'Points', 'Actual', 'Score', 'Notes']);
    expect(flat).toContain(
      'By the scoring rules the department scores 38.93 of 100 points so far (50 points still to be scored by hand); provisional grade Poor (差) (on the scored points only): once scored by hand the total will be 38.93–88.93 and the grade between Poor (差) and Good (良), to be settled then (details in Table 1).',
    );
  });

  it('states a final grade once everything is scored', () => {
    const manual = DEFAULT_SCORE_PROFILE.indicators.map((i) => (i.kind === 'manual' ? [i.name, i.points, '人工评分', 10] : [i.name, i.points, i.kind === 'execution' ? '预算完成率' : i.kind === 'adjustment' ? '预算调整率' : '项目达标率']));
    const result = runPipeline(scored(manual), options());
    if (!result.ok) throw new Error('failed');
    const flat = planRows(result.report).map((r) => r.cells[0]?.value);
    expect(flat).toContain('按自评评分标准，本部门自评得分 86 分（满分 100 分），等级为“良”（评分明细见附表1）。');
  });

  it('keeps the Office chart on the summary table (附表4), not the scoring table', () => {
    const { report } = golden('zh');
    const chart = layoutReport(report).chart;
    const summary = report.regions.summary;
    expect(chart?.categories).toEqual({ top: summary.first, bottom: summary.last, left: 0, right: 0 });
    expect(summary.last - summary.first + 1).toBe(7);
    expect(planRows(report)[summary.header].cells[0].value).toBe('项目名称');
    expect(chart?.data.top).toBe(summary.header);
    expect(composeReport(golden('zh').evaluation, 'x').regions.summary.header).toBe(summary.header);
  });

  it('gives the score in the --json evaluation', () => {
    const result = golden('zh');
    const json = evaluationJson(result, options()) as { score: { total: number; max: number; unscored: number; grade: string; rows: { name: string; score: number | null }[] } };
    expect(json.score).toMatchObject({ total: 38.93, max: 100, unscored: 50, grade: '差' });
    expect(json.score.rows.map((r) => r.score)).toEqual([20, 7.5, 11.43, null, null, null, null, null]);
  });
});
