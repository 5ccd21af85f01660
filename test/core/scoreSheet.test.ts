// The 评分设置 sheet's 评分参数 table (the bands), Excel's renamed copies of the sheet, and the cells an
// indicator's 分值 and 得分 come from.
import { parseWorkbook } from '../../src/core/parse/parseWorkbook';
import { Grid } from '../../src/core/parse/grid';
import { isScoreSheet, readScoreSheet, scoreSheetCopy } from '../../src/core/parse/scoreSheet';
import { runPipeline } from '../../src/core/pipeline';
import type { Finding, Lang } from '../../src/core/model';
import { DEFAULT_SCORE_PROFILE, type ScoreProfile } from '../../src/core/score/profile';
import { adjustmentScore, computeScore, executionScore, gradeBands, gradeOf } from '../../src/core/score/score';
import { only, options, projectSheet, sheet, workbook, type Row } from './snapshot';

const D = DEFAULT_SCORE_PROFILE;

const INDICATORS: Row[] = [
  ['预算完成率', 20, '预算完成率'],
  ['预算调整率', 10, '预算调整率'],
  ['项目执行达标率', 20, '项目达标率'],
  ['预算编制科学性', 10, '人工评分'],
  ['绩效目标合理性', 10, '人工评分'],
  ['预算管理制度健全性', 10, '人工评分'],
  ['资金使用合规性', 10, '人工评分'],
  ['预决算信息公开', 10, '人工评分'],
];

/** Rows 1–3 title, help, header; rows 4–11 the indicators; row 12 blank; row 13 the 评分参数 header; parameters from row 14. */
const PARAM_FIRST_ROW = 14;
function scoreRows(params: Row[] | null, header: Row = ['评分参数', '值', '说明']): Row[] {
  return [['自评评分设置'], ['说明'], ['指标', '分值', '类型', '得分', '评分标准'], ...INDICATORS, [], ...(params ? [header, ...params] : [])];
}

function read(params: Row[] | null, lang: Lang = 'zh', header?: Row, name = '评分设置'): { profile: ScoreProfile; findings: Finding[] } {
  const findings: Finding[] = [];
  const profile = readScoreSheet(new Grid(sheet(name, scoreRows(params, header))), lang, findings);
  if (!profile) throw new Error(JSON.stringify(findings));
  return { profile, findings };
}

/** The profile from one parameter row, with no finding. */
function one(label: string, value: Row[number]): ScoreProfile {
  const { profile, findings } = read([[label, value, '说明文字']]);
  expect(findings).toEqual([]);
  return profile;
}

const bands = (p: ScoreProfile) => p.adjustment.bands.map((b) => [b.upTo, b.share]);

describe('the 评分参数 table: each parameter, as a percent, a fraction or a plain number', () => {
  it.each([
    ['预算完成率每低（个百分点）', 5, 0.05],
    ['预算完成率每低（个百分点）', '5', 0.05],
    ['预算完成率每低（个百分点）', '5%', 0.05],
    ['预算完成率每低（个百分点）', 0.05, 0.05],
    ['预算完成率每低（个百分点）', 2.5, 0.025],
    ['预算完成率每低（个百分点）', 1, 0.01], // the label asks for points: 1 is one point, not 100%
    ['预算完成率每低（个百分点）', '１０', 0.1], // full-width digits
    ['每低个百分点', 3, 0.03],
    ['Execution rate: step (percentage points)', 4, 0.04],
    ['Execution step', '4%', 0.04],
  ])('step: %s = %p → %p', (label, value, step) => {
    const p = one(label, value);
    expect(p.execution.step).toBeCloseTo(step, 12);
    expect(p.execution.penaltyShare).toBe(D.execution.penaltyShare);
    expect(p.adjustment).toEqual(D.adjustment);
    expect(p.grades).toEqual(D.grades);
  });

  it.each([
    ['预算完成率每档扣分比例', 0.1, 0.1],
    ['预算完成率每档扣分比例', '10%', 0.1],
    ['预算完成率每档扣分比例', 10, 0.1],
    ['预算完成率每档扣分比例', 0.05, 0.05],
    ['每档扣分比例', '25 %', 0.25],
    ['Execution rate: points off per step (share)', 1, 1],
  ])('points off per step: %s = %p → %p', (label, value, share) => {
    const p = one(label, value);
    expect(p.execution.penaltyShare).toBeCloseTo(share, 12);
    expect(p.execution.step).toBe(D.execution.step);
  });

  it.each([
    ['预算调整率为 0 时得分比例', 1, 1],
    ['预算调整率为 0 时得分比例', '100%', 1],
    ['预算调整率为 0 时得分比例', 100, 1],
    ['调整率为0得分比例', 0.9, 0.9],
    ['Adjustment rate: share at 0', '90%', 0.9],
  ])('share at 0: %s = %p → %p', (label, value, share) => {
    const p = one(label, value);
    expect(p.adjustment.zeroShare).toBeCloseTo(share, 12);
    expect(p.adjustment.bands).toEqual(D.adjustment.bands);
  });

  it.each([
    ['预算调整率第1档上限', 0.05, [[0.05, 0.75], [0.2, 0.5], [0.3, 0.25]]],
    ['预算调整率第1档上限', '5%', [[0.05, 0.75], [0.2, 0.5], [0.3, 0.25]]],
    ['预算调整率第1档上限', 5, [[0.05, 0.75], [0.2, 0.5], [0.3, 0.25]]],
    ['第二档上限', '25%', [[0.1, 0.75], [0.25, 0.5], [0.3, 0.25]]],
    ['Adjustment rate: band 3 up to', 0.4, [[0.1, 0.75], [0.2, 0.5], [0.4, 0.25]]],
    ['预算调整率第1档得分比例', 0.8, [[0.1, 0.8], [0.2, 0.5], [0.3, 0.25]]],
    ['预算调整率第1档得分比例', '80%', [[0.1, 0.8], [0.2, 0.5], [0.3, 0.25]]],
    ['预算调整率第1档得分比例', 80, [[0.1, 0.8], [0.2, 0.5], [0.3, 0.25]]],
    ['Band 3 share', 0, [[0.1, 0.75], [0.2, 0.5], [0.3, 0]]],
  ])('bands: %s = %p', (label, value, expected) => {
    const p = one(label, value);
    bands(p).forEach(([upTo, share], i) => {
      expect(upTo).toBeCloseTo(expected[i][0], 12);
      expect(share).toBeCloseTo(expected[i][1], 12);
    });
    expect(p.adjustment.zeroShare).toBe(1);
  });

  it.each([
    ['等级“优”最低分', 95, '优', 95],
    ['等级“优”最低分', '95', '优', 95],
    ['等级“优”最低分', '95%', '优', 95],
    ['良', 85, '良', 85],
    ['等级“中”最低分', 50, '中', 50],
    ['Grade Fair from', 65, '中', 65],
    ['Excellent', 92.5, '优', 92.5],
  ])('grades: %s = %p → %s from %p', (label, value, grade, from) => {
    const p = one(label, value);
    expect(p.grades.find((g) => g.grade === grade)?.from).toBe(from);
    expect(p.grades.map((g) => g.grade)).toEqual(['优', '良', '中']);
  });

  it('reads the whole table, in English too, with the indicators unchanged above it', () => {
    const params: Row[] = [
      ['Execution rate: step (percentage points)', 2.5, 'notes'],
      ['Execution rate: points off per step (share)', '5%'],
      ['Adjustment rate: share at 0', 1],
      ['Adjustment rate: band 1 up to', '5%'],
      ['Adjustment rate: band 1 share', '80%'],
      ['Adjustment rate: band 2 up to', 0.15],
      ['Adjustment rate: band 2 share', 0.6],
      ['Adjustment rate: band 3 up to', 25],
      ['Adjustment rate: band 3 share', 30],
      ['Grade Excellent from', 85],
      ['Grade Good from', 75],
      ['Grade Fair from', 60],
    ];
    const { profile, findings } = read(params, 'en', ['Parameter', 'Value', 'Notes']);
    expect(findings).toEqual([]);
    expect(profile.indicators.map((i) => i.name)).toEqual(D.indicators.map((i) => i.name));
    expect(profile.execution).toEqual({ step: 0.025, penaltyShare: 0.05 });
    expect(profile.adjustment.zeroShare).toBe(1);
    expect(bands(profile)).toEqual([
      [0.05, 0.8],
      [0.15, 0.6],
      [0.25, 0.3],
    ]);
    expect(profile.grades).toEqual([
      { grade: '优', from: 85 },
      { grade: '良', from: 75 },
      { grade: '中', from: 60 },
    ]);
  });

  it('keeps every default when the table is missing or empty, and ignores note lines without a value', () => {
    expect(read(null).findings).toEqual([]);
    for (const params of [null, [], [['注：删去的行按默认值计分']]]) {
      const { profile, findings } = read(params);
      expect(findings).toEqual([]);
      expect({ execution: profile.execution, adjustment: profile.adjustment, grades: profile.grades }).toEqual({ execution: D.execution, adjustment: D.adjustment, grades: D.grades });
      expect(profile.indicators).toHaveLength(8); // the parameter rows are not indicators
    }
  });

  it('takes a fourth band given by both its rows', () => {
    const { profile, findings } = read([
      ['预算调整率第4档上限', '40%'],
      ['预算调整率第4档得分比例', '10%'],
    ]);
    expect(findings).toEqual([]);
    expect(bands(profile)).toEqual([
      [0.1, 0.75],
      [0.2, 0.5],
      [0.3, 0.25],
      [0.4, 0.1],
    ]);
    expect(adjustmentScore(0.35, 10, profile)).toBe(1);
    expect(adjustmentScore(0.4001, 10, profile)).toBe(0);
  });
});

describe('the 评分参数 table: problems', () => {
  const cell = (offset: number, col = 'B') => `评分设置!${col}${PARAM_FIRST_ROW + offset}`;

  it.each([
    ['预算完成率每低（个百分点）', 'abc', '按默认值 5 个百分点计分'],
    ['预算完成率每低（个百分点）', 0, '按默认值 5 个百分点计分'],
    ['预算完成率每低（个百分点）', 150, '按默认值 5 个百分点计分'],
    ['预算完成率每低（个百分点）', 0.00005, '按默认值 5 个百分点计分'], // finer than the 0.01% rates are shown at
    ['预算完成率每档扣分比例', 0, '按默认值 10% 计分'],
    ['预算完成率每档扣分比例', '120%', '按默认值 10% 计分'],
    ['预算调整率为 0 时得分比例', -0.5, '按默认值 100% 计分'],
    ['预算调整率第2档上限', '无', '按默认值 20% 计分'],
    ['预算调整率第2档得分比例', 200, '按默认值 50% 计分'],
    ['等级“良”最低分', 120, '按默认值 80 计分'],
    ['等级“良”最低分', '八十', '按默认值 80 计分'],
    ['等级“良”最低分', null, '按默认值 80 计分'], // blank
  ])('%s = %p → a finding at its cell, and the default', (label, value, says) => {
    const { profile, findings } = read([[label, value]]);
    expect(findings.map((f) => [f.code, f.severity, f.cell])).toEqual([['score-setting', 'warning', cell(0)]]);
    expect(findings[0].message).toContain(`“${label}”应为`);
    expect(findings[0].message).toContain(says);
    expect({ execution: profile.execution, adjustment: profile.adjustment, grades: profile.grades }).toEqual({ execution: D.execution, adjustment: D.adjustment, grades: D.grades });
  });

  it('uses the default for the bad cell only', () => {
    const { profile, findings } = read([
      ['预算完成率每低（个百分点）', 'five'],
      ['预算完成率每档扣分比例', '20%'],
    ]);
    expect(findings.map((f) => f.cell)).toEqual([cell(0)]);
    expect(profile.execution).toEqual({ step: 0.05, penaltyShare: 0.2 });
  });

  it('says it in English', () => {
    const { findings } = read([['Execution step', 'x']], 'en');
    expect(findings[0].message).toBe('Scoring: "Execution step" should be percentage points from 0.01 to 100 (5, 5% or 0.05), found "x"; the default 5 percentage points is used.');
  });

  it('reports an unknown parameter with a value, and a repeated one, at the label', () => {
    const { profile, findings } = read([
      ['预算完成率每低（个百分点）', 4],
      ['扣分上限', 10],
      ['预算完成率每低（个百分点）', 3],
    ]);
    expect(findings.map((f) => f.cell)).toEqual([cell(1, 'A'), cell(2, 'A')]);
    expect(findings[0].message).toContain('无法识别');
    expect(findings[1].message).toContain(`只用第一行（${cell(0)}）`);
    expect(profile.execution.step).toBe(0.04);
  });

  it('reports a band given by one row only', () => {
    const { profile, findings } = read([['预算调整率第4档上限', '40%']]);
    expect(findings.map((f) => f.cell)).toEqual([cell(0)]);
    expect(findings[0].message).toContain('第4档只有上限');
    expect(profile.adjustment).toEqual(D.adjustment);
  });

  it('keeps the default bands when the upper bounds do not increase, naming the cell', () => {
    const { profile, findings } = read([
      ['预算调整率第1档上限', '10%'],
      ['预算调整率第2档上限', '10%'],
      ['预算调整率第2档得分比例', '60%'],
    ]);
    expect(findings.map((f) => [f.code, f.cell])).toEqual([['score-setting', cell(1)]]);
    expect(findings[0].message).toBe('评分设置：预算调整率各档上限应逐档增大：第2档上限 10% 不大于第1档的 10%，各档按默认值计分。');
    expect(profile.adjustment).toEqual(D.adjustment);
  });

  it('checks the bounds against the defaults of the rows left out', () => {
    // Band 1 moved above the default band 2 (20%).
    const { profile, findings } = read([['预算调整率第1档上限', '25%']]);
    expect(findings.map((f) => f.cell)).toEqual([cell(0)]);
    expect(profile.adjustment).toEqual(D.adjustment);
  });

  it('keeps the default bands when a share rises from one band to the next', () => {
    const { profile, findings } = read([
      ['预算调整率为 0 时得分比例', '70%'],
      ['预算调整率第1档得分比例', '75%'],
    ]);
    expect(findings.map((f) => f.cell)).toEqual([cell(1)]);
    expect(findings[0].message).toContain('逐档不增');
    expect(profile.adjustment).toEqual(D.adjustment);
  });

  it('keeps the default grades when the thresholds do not decrease, naming the cell', () => {
    const { profile, findings } = read([
      ['等级“优”最低分', 90],
      ['等级“良”最低分', 70],
      ['等级“中”最低分', 75],
    ]);
    expect(findings.map((f) => f.cell)).toEqual([cell(2)]);
    expect(findings[0].message).toContain('等级分数线应逐级降低');
    expect(profile.grades).toEqual(D.grades);
    // 良 above the default 优
    expect(read([['等级“良”最低分', 95]]).findings.map((f) => f.cell)).toEqual([cell(0)]);
  });
});

describe('scores at the edges of edited bands (as displayed: 2 decimals of a percent)', () => {
  const { profile } = read([
    ['预算完成率每低（个百分点）', 2.5],
    ['预算完成率每档扣分比例', '5%'],
    ['预算调整率第1档上限', '5%'],
    ['预算调整率第2档上限', '15%'],
    ['预算调整率第3档上限', '25%'],
    ['等级“优”最低分', 85],
    ['等级“良”最低分', 75],
    ['等级“中”最低分', 65],
  ]);

  it.each([
    [0, 10],
    [0.05, 7.5],
    [0.05004, 7.5], // shown 5.00%
    [0.05005, 5], // shown 5.01%
    [0.0501, 5],
    [-0.05, 7.5],
    [-0.0501, 5],
    [0.15, 5],
    [0.1501, 2.5],
    [0.25, 2.5],
    [0.2501, 0],
  ])('adjustment %p → %p of 10', (rate, score) => {
    expect(adjustmentScore(rate, 10, profile)).toBeCloseTo(score, 9);
  });

  it.each([
    [1, 20],
    [0.9751, 20],
    [0.97505, 20], // shown 97.51%
    [0.97504, 19], // shown 97.50%: one full step of 2.5 points, 5% of 20 off
    [0.975, 19],
    [0.9501, 19],
    [0.95, 18],
    [0.75, 10],
    [0, 0],
  ])('execution %p → %p of 20', (rate, score) => {
    expect(executionScore(rate, 20, profile)).toBeCloseTo(score, 9);
  });

  it.each([
    [85, '优'],
    [84.995, '优'],
    [84.99, '良'],
    [75, '良'],
    [74.99, '中'],
    [65, '中'],
    [64.99, '差'],
  ])('grade %p → %s', (score, grade) => {
    expect(gradeOf(score, profile)).toBe(grade);
  });

  it('writes the edited bands into the scoring table’s notes and the grade sentence', () => {
    const facts = { executionRate: 0.9, adjustmentRate: 0.1, rated: 1, onTarget: 1 };
    const zh = computeScore(facts, profile, 'zh');
    expect(zh.rows[0]).toMatchObject({ score: 16, note: '100% 得满分，每低 2.5 个百分点扣 1 分' });
    expect(zh.rows[1]).toMatchObject({ score: 5, note: '按调整率绝对值：0 得 10 分，≤5.00% 得 7.5 分，≤15.00% 得 5 分，≤25.00% 得 2.5 分，其余 0 分' });
    const en = computeScore(facts, profile, 'en', 'trim');
    expect(en.rows[0].note).toBe('Full at 100%; 1 off per full 2.5 percentage points below');
    expect(en.rows[1].note).toBe('By |rate|: 0 → 10, ≤5% → 7.5, ≤15% → 5, ≤25% → 2.5, above → 0');
    expect(zh.rules).toEqual({ execution: profile.execution, adjustment: profile.adjustment, grades: profile.grades });
    expect(gradeBands(profile, 'zh')).toBe('优 ≥ 85 分，75 分 ≤ 良 < 85 分，65 分 ≤ 中 < 75 分，差 < 65 分');
    expect(gradeBands(profile, 'en')).toBe('Excellent ≥ 85, Good 75–84.99, Fair 65–74.99, Poor < 65');
    expect(gradeBands(D, 'zh')).toBe('优 ≥ 90 分，80 分 ≤ 良 < 90 分，60 分 ≤ 中 < 80 分，差 < 60 分');
    expect(gradeBands(D, 'en')).toBe('Excellent ≥ 90, Good 80–89.99, Fair 60–79.99, Poor < 60');
  });

  it('scores a workbook with the sheet’s bands, end to end', () => {
    const rows = scoreRows([
      ['预算完成率每低（个百分点）', 2.5],
      ['预算完成率每档扣分比例', '5%'],
    ]);
    const result = runPipeline(
      workbook([
        sheet('部门信息', [['部门名称', '测试局'], ['年度', 2023], ['执行率目标', 0.95], ['说明阈值', 0.9]]),
        projectSheet('项目支出', [
          ['甲项目', 100, 0, 100, 100],
          ['乙项目', 100, 0, 100, 80],
        ]),
        sheet('评分设置', rows),
      ]),
      options(),
    );
    if (!result.ok) throw new Error(JSON.stringify(result.findings));
    expect(only(result.findings, 'score-setting')).toEqual([]);
    // 90%: 4 full steps of 2.5 points, 1 point each.
    expect(result.evaluation.score.rows[0]).toMatchObject({ score: 16, note: '100% 得满分，每低 2.5 个百分点扣 1 分' });
  });
});

describe('Excel’s renamed copies of the sheet', () => {
  it.each([
    ['评分设置', 0],
    ['Scoring', 0],
    ['scoring', 0],
    ['评分设置 (2)', 2],
    ['评分设置(3)', 3],
    ['评分设置（4）', 4],
    ['Scoring (2)', 2],
    ['评分设置 (12)', 12],
    ['评分设置备份', null],
    ['评分设置 (x)', null],
    ['评分设置 (2) (3)', null],
    ['项目支出 (2)', null],
  ])('%s → %p', (name, copy) => {
    expect(scoreSheetCopy(name)).toBe(copy);
    expect(isScoreSheet(name)).toBe(copy !== null);
  });

  const base = () => [
    sheet('部门信息', [['部门名称', '测试局'], ['年度', 2023], ['执行率目标', 0.95], ['说明阈值', 0.9]]),
    projectSheet('项目支出', [['甲项目', 100, 0, 100, 100]]),
  ];
  const scoreSheet = (name: string, step: number) => sheet(name, scoreRows([['预算完成率每低（个百分点）', step]]));

  it('reads a copy that is the only score sheet', () => {
    for (const name of ['评分设置 (2)', '评分设置(3)', 'Scoring (2)']) {
      const parsed = parseWorkbook(workbook([...base(), scoreSheet(name, 4)]), 'zh');
      expect(parsed.input.scoreProfile?.execution.step).toBe(0.04);
      expect(parsed.findings.filter((f) => f.code === 'score-sheet-ignored' || f.code === 'score-setting')).toEqual([]);
      expect(parsed.input.projects.map((p) => p.name)).toEqual(['甲项目']);
    }
  });

  it('reads the original when the template was inserted again, and names the copy it ignores', () => {
    const parsed = parseWorkbook(workbook([...base(), scoreSheet('评分设置 (2)', 3), scoreSheet('评分设置', 4)]), 'zh');
    expect(parsed.input.scoreProfile?.execution.step).toBe(0.04);
    const ignored = only(parsed.findings, 'score-sheet-ignored');
    expect(ignored.map((f) => [f.severity, f.cell])).toEqual([['warning', "'评分设置 (2)'!A1"]]);
    expect(ignored[0].message).toBe('工作簿有多张评分设置表：按“评分设置”计分，未读取“评分设置 (2)”（要使用其中的设置，请删除另一张或将其改名）。');
    // Neither copy is read as a table or as the information block.
    expect(parsed.input.projects.map((p) => p.name)).toEqual(['甲项目']);
    expect(only(parsed.findings, 'score-setting')).toEqual([]);
  });

  it('reads the lowest number when there is no original', () => {
    const parsed = parseWorkbook(workbook([...base(), scoreSheet('评分设置 (3)', 3), scoreSheet('Scoring (2)', 2), scoreSheet('评分设置(4)', 4)]), 'en');
    expect(parsed.input.scoreProfile?.execution.step).toBe(0.02);
    const ignored = only(parsed.findings, 'score-sheet-ignored');
    expect(ignored.map((f) => f.cell)).toEqual(["'评分设置 (3)'!A1", "'评分设置(4)'!A1"]);
    expect(ignored[0].message).toBe('The workbook has more than one Scoring sheet: "Scoring (2)" is used and "评分设置 (3)" is not read (to use its settings, delete or rename the other one).');
  });

  it('reports the problems of a copy at its own (quoted) cells', () => {
    const parsed = parseWorkbook(workbook([...base(), sheet('评分设置 (2)', scoreRows([['预算完成率每低（个百分点）', 'x']]))]), 'zh');
    expect(only(parsed.findings, 'score-setting').map((f) => f.cell)).toEqual([`'评分设置 (2)'!B${PARAM_FIRST_ROW}`]);
  });
});

describe('the cells of 分值 and 得分 (for formulas in the report)', () => {
  it('records the cell of a plain number only', () => {
    const findings: Finding[] = [];
    const profile = readScoreSheet(
      new Grid(
        sheet('评分设置', [
          ['指标', '分值', '类型', '得分'],
          ['预算完成率', 20, '预算完成率', 18], // 得分 of a data-scored row is not read
          ['预算调整率', '10', '预算调整率'], // text
          ['项目执行达标率', 20, '项目达标率'],
          ['预算编制科学性', 10, '人工评分', 8],
          ['绩效目标合理性', 10, '人工评分', '9.5'], // text
          ['预算管理制度健全性', 10, '人工评分'], // unscored
          ['资金使用合规性', 10, '人工评分', 12], // out of range: unscored
          ['预决算信息公开', 10, '人工评分', 0],
        ]),
      ),
      'zh',
      findings,
    );
    expect(findings.map((f) => f.cell)).toEqual(['评分设置!D8']);
    expect(profile?.indicators.map((i) => [i.name, i.pointsCell, i.scoreCell])).toEqual([
      ['预算完成率', '评分设置!B2', undefined],
      ['预算调整率', undefined, undefined],
      ['项目执行达标率', '评分设置!B4', undefined],
      ['预算编制科学性', '评分设置!B5', '评分设置!D5'],
      ['绩效目标合理性', '评分设置!B6', undefined],
      ['预算管理制度健全性', '评分设置!B7', '评分设置!D7'], // blank: the report shows the score once entered
      ['资金使用合规性', '评分设置!B8', undefined],
      ['预决算信息公开', '评分设置!B9', '评分设置!D9'],
    ]);
    // The fields are absent, not undefined, where there is no cell.
    expect('scoreCell' in profile!.indicators[0]).toBe(false);
  });

  it('quotes a copy’s name', () => {
    const { profile } = read(null, 'zh', undefined, '评分设置 (2)');
    expect(profile.indicators[0].pointsCell).toBe("'评分设置 (2)'!B4");
  });

  it('leaves the default profile without cells', () => {
    expect(D.indicators.every((i) => i.pointsCell === undefined && i.scoreCell === undefined)).toBe(true);
  });
});
