// A project's 绩效自评 by the rule: execution score, totals, every finding, and the wiring into evaluate and
// the command's JSON (issue 9, "Scoring", "Fine points" and "The command's JSON").
import { DEFAULT_CONFIG } from '../../../src/core/config';
import { evaluate, projectAverage } from '../../../src/core/evaluate';
import type { Finding, ProjectInput } from '../../../src/core/model';
import { evaluationJson, type PipelineResult } from '../../../src/core/pipeline';
import { executionPoints, scoreProject } from '../../../src/core/score/indicators/selfScore';
import { DEFAULT_SCORE_PROFILE, profileWith } from '../../../src/core/score/profile';
import { computeScore } from '../../../src/core/score/score';
import { planHighlights } from '../../../src/core/compose/highlight';
import { codes, only, options, workbook } from '../snapshot';
import { form, ind, input, project } from './helpers';

const R = DEFAULT_CONFIG.indicators;

function scored(p: ProjectInput, rate: number | null = p.actual / p.adjustedBudget, lang: 'zh' | 'en' = 'zh') {
  const findings: Finding[] = [];
  return { ...scoreProject(p, rate, R, lang, findings), findings };
}

describe('the execution score', () => {
  it('is execution points × min(1, the rate as shown), unrounded', () => {
    expect(executionPoints(10, 0.949951)).toBeCloseTo(9.5, 12);
    expect(executionPoints(10, 0.94994)).toBeCloseTo(9.499, 12);
    expect(executionPoints(10, 1.2)).toBe(10);
    expect(executionPoints(10, null)).toBe(0);
    expect(executionPoints(7, 0.5)).toBe(3.5);
  });
});

describe('selfScore', () => {
  it('is null without indicators; points, rule and clerk totals with them', () => {
    expect(scored(project()).selfScore).toBeNull();
    const p = project({
      actual: 90,
      indicators: [
        ind({ level1: '产出指标', level1Points: 50, target: '≥100', actual: '80', points: null, score: 40, reason: '进度滞后' }),
        ind({ level1: '效益指标', target: '效果明显', actual: '达成', points: null, score: 30 }),
        ind({ level1: '满意度指标', target: '≥90%', actual: '95%', points: null, score: 10 }),
      ],
    });
    const s = scored(p);
    expect(s.selfScore).toEqual({ points: 100, executionScore: 9, ruleScore: 9 + 40 + 30 + 10, clerkScore: 9 + 40 + 30 + 10 });
    expect(s.indicators.map((i) => i.points)).toEqual([50, 30, 10]);
    expect(codes(s.findings)).toEqual([]);
  });

  it('a null ruleScore counts 0 and has its finding; a table project’s clerk total adds the rule’s execution score', () => {
    const s = scored(project({ indicators: [ind({ target: '良好', actual: '很好', points: 10, score: null }), ind({ target: '≥1', actual: '1', points: 10, score: 9 })] }));
    expect(s.selfScore).toEqual({ points: 30, executionScore: 10, ruleScore: 20, clerkScore: 19 });
    expect(codes(s.findings)).toEqual(['indicator-not-comparable', 'indicator-below-rule']);
  });

  it('a form’s clerk total is its 总分 得分, else its own 得分 cells with the execution 得分', () => {
    const list = [ind({ points: 90, score: 80, target: '≥100', actual: '100' })];
    expect(scored(project({ form: form({ totalScore: 95, executionScore: 10 }), indicators: list })).selfScore?.clerkScore).toBe(95);
    expect(scored(project({ form: form({ executionScore: 10 }), indicators: list })).selfScore?.clerkScore).toBe(90);
    expect(scored(project({ form: form(), indicators: [ind({ score: null })] })).selfScore?.clerkScore).toBeNull();
    expect(scored(project({ form: form({ executionPoints: 20 }), indicators: list })).selfScore).toMatchObject({ points: 110, executionScore: 20 });
  });
});

describe('findings', () => {
  const one = (list: Partial<Parameters<typeof ind>[0]>[], p: Partial<ProjectInput> = {}, lang: 'zh' | 'en' = 'zh') =>
    // The message as the clerk reads it; the params behind it are the catalogue's business (wording.test.ts).
    scored(project({ ...p, indicators: list.map((o) => ind(o)) }), undefined, lang).findings.map(({ params: _params, ...f }) => f);

  it('indicator-not-comparable (info) at the 三级 cell', () => {
    const [f] = one([{ name: '培训人数', target: '≥95%', actual: '10人', cell: '表1!C12' }]);
    expect(f).toEqual({
      severity: 'info',
      code: 'indicator-not-comparable',
      cell: '表1!C12',
      message: '“项目甲”的指标“培训人数”：目标“≥95%”与实际完成值“10人”无法按评分规则比较，按填报得分计。',
    });
  });

  it('indicator-far-above-target (info)', () => {
    const [f] = one([{ name: '培训人数', target: '≥100人', actual: '200人' }], {}, 'en');
    expect(f).toMatchObject({ severity: 'info', code: 'indicator-far-above-target' });
    expect(f.message).toBe('"项目甲", indicator "培训人数": the actual 200人 is more than 50% above the target ≥100人; was the target set too low?');
  });

  it('indicator-above-rule (warning) at the 得分 cell: more than 0.005 above, above the band, above the points', () => {
    expect(one([{ target: '≥100', actual: '50', score: 5.005, reason: '原因' }])).toEqual([]);
    const [f] = one([{ name: '覆盖率', target: '≥100', actual: '50', score: 5.01, scoreCell: '表1!G12', reason: '原因' }]);
    expect(f).toEqual({ severity: 'warning', code: 'indicator-above-rule', cell: '表1!G12', message: '“项目甲”的指标“覆盖率”填报得分 5.01 高于按评分规则应得的 5 分（分值 10），评审时可能扣减。' });
    expect(one([{ target: '效果明显', actual: '基本达成', score: 9, reason: '原因' }])[0].message).toContain('应得的 6–8 分');
    expect(codes(one([{ target: '效果明显', actual: '很好', score: 12 }]))).toEqual(['indicator-not-comparable', 'indicator-above-rule']);
  });

  it('indicator-below-rule (info)', () => {
    expect(one([{ target: '≥100', actual: '100', score: 9.995 }])).toEqual([]);
    expect(one([{ target: '≥100', actual: '100', score: 9.99 }])).toMatchObject([{ severity: 'info', code: 'indicator-below-rule' }]);
    expect(one([{ target: '效果明显', actual: '达成', score: 8 }])).toEqual([]); // within the band
  });

  it('indicator-missed-no-reason (warning), not when a reason is written', () => {
    const [f] = one([{ name: '按时完成率', target: '100%', actual: '90%', score: 9 }]);
    expect(f).toMatchObject({ severity: 'warning', code: 'indicator-missed-no-reason', message: '“项目甲”的指标“按时完成率”未完成（目标 100%，实际 90%），请填写偏差原因。' });
    expect(one([{ target: '100%', actual: '90%', score: 9, reason: '天气影响' }])).toEqual([]);
    expect(codes(one([{ target: '效果明显', actual: '未完成', reason: '  ' }]))).toEqual(['indicator-missed-no-reason']);
  });

  it('indicator-points (warning): a 一级’s 三级 against its （N分）, all against the 总分 row, an unknown 一级 without points', () => {
    const level1 = one([{ level1Points: 50, points: 20, cell: '表1!C12' }, { level1Points: 50, points: 20 }]);
    expect(level1).toEqual([
      { severity: 'warning', code: 'indicator-points', cell: '表1!C12', message: '“项目甲”的一级指标“产出指标”下各三级指标分值合计 40 分，与标注的 50 分不符。' },
    ]);
    expect(one([{ level1Points: 50, points: 20 }, { level1Points: 50, points: null }])).toEqual([]);
    const total = one([{ points: 80 }], { form: form({ totalPoints: 100 }) });
    expect(total).toMatchObject([{ code: 'indicator-points', cell: '表1!G30', message: '“项目甲”各项分值合计 90 分（含预算执行率 10 分），与总分行的分值 100 分不符。' }]);
    expect(one([{ points: 90 }], { form: form({ totalPoints: 100 }) })).toEqual([]);
    expect(one([{ level1: '管理指标', points: null }])).toMatchObject([{ code: 'indicator-points', message: expect.stringContaining('按 0 分计') }]);
  });

  it('form-figure-mismatch (warning): the form’s 执行率 (its own definition), execution 得分 and 总分', () => {
    const f = (over: Partial<ProjectInput>) =>
      only(scored(project({ form: form(), ...over }), 0.5).findings, 'form-figure-mismatch').map(({ params: _params, ...rest }) => rest);
    // 执行数 ÷ 全年预算数 = 90%, whatever the basis's rate (0.5 here).
    expect(f({ actual: 90, givenRate: 0.9, givenRateCell: '表1!G8' })).toEqual([]);
    expect(f({ actual: 90, givenRate: 0.8, givenRateCell: '表1!G8' })).toEqual([
      { severity: 'warning', code: 'form-figure-mismatch', cell: '表1!G8', message: '“项目甲”自评表的执行率为 80.00%，按全年执行数 ÷ 全年预算数应为 90.00%。' },
    ]);
    expect(f({ form: form({ executionScore: 5 }) })).toEqual([]);
    expect(f({ form: form({ executionScore: 6 }) })).toMatchObject([{ cell: '表1!H8', message: '“项目甲”自评表的预算执行率得分为 6，按分值 × 执行率（不超过 100%）应为 5。' }]);
    const totals = f({ form: form({ executionScore: 5, totalScore: 90 }), indicators: [ind({ points: 90, score: 80 })] });
    expect(totals).toMatchObject([{ cell: '表1!G30', message: '“项目甲”自评表的总分为 90，按表中各项得分之和应为 85。' }]);
    expect(f({ form: form({ executionScore: 5, totalScore: 85 }), indicators: [ind({ points: 90, score: 80 })] })).toEqual([]);
  });
});

describe('evaluate', () => {
  const o = options();
  it('gives every project its indicators and selfScore; a form’s 执行率 raises no rate-mismatch', () => {
    const ev = evaluate(
      input([
        project({ name: '表项目', cell: '项目支出!B3' }),
        project({
          name: '表单项目',
          cell: '自评表!B3',
          actual: 90,
          source: { kind: 'form', sheet: '自评表' },
          form: form(),
          givenRate: 0.8,
          givenRateCell: '自评表!G8',
          indicators: [ind({ points: 90, score: 90 })],
        }),
      ]),
      o,
    );
    expect(ev.projects[0]).toMatchObject({ indicators: [], selfScore: null });
    expect(ev.projects[1].selfScore).toEqual({ points: 100, executionScore: 9, ruleScore: 99, clerkScore: 90 });
    expect(ev.projects[1].source).toEqual({ kind: 'form', sheet: '自评表' });
    expect(codes(ev.findings)).toContain('form-figure-mismatch');
    expect(codes(ev.findings)).not.toContain('rate-mismatch');
  });

  it('the 评分设置 sheet’s indicator settings win over the configuration', () => {
    const profile = { ...DEFAULT_SCORE_PROFILE, indicatorRules: { points: { execution: 20 } } };
    const ev = evaluate(input([project({ indicators: [ind({ points: 80 })] })], { scoreProfile: profile }), o);
    expect(ev.projects[0].selfScore?.points).toBe(100);
  });

  it('the command’s JSON: source, indicators and selfScore per project', () => {
    const ev = evaluate(
      input([project({ indicators: [ind({ level1: '产出指标', level1Points: 50, level2: '质量指标', name: '合格率', target: '≥95%', actual: '90%', points: null, score: 45, cell: '表1!C12' })] })]),
      o,
    );
    const json = evaluationJson({ ok: true, evaluation: ev } as PipelineResult, o) as { projects: Record<string, unknown>[] };
    expect(json.projects[0].source).toEqual({ kind: 'table', sheet: '表1' });
    expect(json.projects[0].indicators).toEqual([
      { level1: '产出指标', level2: '质量指标', name: '合格率', target: '≥95%', actual: '90%', points: 50, score: 45, ruleScore: expect.closeTo((50 * 90) / 95, 10), ruleRange: null, met: false, reason: null, cell: '表1!C12' },
    ]);
    expect(json.projects[0].selfScore).toEqual({ points: 60, executionScore: 10, ruleScore: expect.closeTo(10 + (50 * 90) / 95, 10), clerkScore: 55 });
  });
});

describe('the highlight', () => {
  it('marks a clerk’s 得分 above the rule with a rule on that cell only (a fill only where rules cannot be)', () => {
    const ev = evaluate(
      input([
        project({
          indicators: [
            ind({ target: '≥100', actual: '50', score: 9, reason: '原因', scoreCell: "'自评表 1'!G12" }),
            ind({ target: '≥100', actual: '100', score: 10, scoreCell: "'自评表 1'!G13" }),
            ind({ target: '≥100', actual: '50', score: 9, reason: '原因', scoreCell: null }),
          ],
        }),
      ]),
      options(),
    );
    const plan = planHighlights(ev, workbook([]));
    const at = { top: 11, bottom: 11, left: 6, right: 6 };
    // ≥100, actual 50 of 10 points → 5; the clerk's 9 is above it.
    expect(plan.rules).toEqual([{ sheet: '自评表 1', areas: [at], formula: 'AND(ISTEXT("budget-eval"),ISNUMBER(G12),G12>5.005)' }]);
    expect(plan.fallbackFills).toEqual([{ sheet: '自评表 1', range: at }]);
  });
});

describe('项目自评平均分 (project-average)', () => {
  it('weights the projects’ rule totals on 100 by adjusted budget; null without indicators', () => {
    const ev = evaluate(
      input([
        project({ adjustedBudget: 300, actual: 300, indicators: [ind({ points: 90, target: '≥100', actual: '100' })] }), // 100
        project({ name: '乙', adjustedBudget: 100, actual: 50, indicators: [ind({ points: 90, target: '≥100', actual: '50' })] }), // 5 + 45 = 50 of 100
        project({ name: '丙', adjustedBudget: 1000, actual: 1000 }),
      ]),
      options(),
    );
    expect(projectAverage(ev.projects)).toEqual({ average: (100 * 300 + 50 * 100) / 400, projects: 2 });
    expect(projectAverage(ev.projects.slice(2))).toBeNull();
  });

  it('scores points × average ÷ 100 in a profile that has it; the default profile is unchanged', () => {
    expect(DEFAULT_SCORE_PROFILE.indicators.some((i) => i.kind === 'project-average')).toBe(false);
    const profile = profileWith([{ name: '项目自评平均分', points: 20, kind: 'project-average', manualScore: null }]);
    const facts = { executionRate: 1, adjustmentRate: 0, rated: 1, onTarget: 1 };
    expect(computeScore({ ...facts, projectAverage: { average: 87.5, projects: 2 } }, profile, 'zh').rows[0]).toMatchObject({ score: 17.5, actual: 0.875 });
    expect(computeScore({ ...facts, projectAverage: null }, profile, 'zh').rows[0]).toMatchObject({ score: null, actual: null });
  });

  it('reaches the score through evaluate', () => {
    const profile = profileWith([{ name: '项目自评平均分', points: 100, kind: 'project-average', manualScore: null }]);
    const ev = evaluate(input([project({ indicators: [ind({ points: 90 })] })], { scoreProfile: profile }), options());
    expect(ev.score.rows[0]).toMatchObject({ kind: 'project-average', score: 100 });
    expect(only(ev.findings, 'indicator-points')).toEqual([]);
  });
});
