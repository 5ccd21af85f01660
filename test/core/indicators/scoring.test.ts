// Scoring one indicator by the published rule (issue 9, "Scoring" and "Fine points").
import { DEFAULT_CONFIG } from '../../../src/core/config';
import type { IndicatorInput } from '../../../src/core/model';
import { readCompletion } from '../../../src/core/score/indicators/completion';
import { groupIndicators, resolvePoints } from '../../../src/core/score/indicators/points';
import { categoryOf } from '../../../src/core/score/indicators/rules';
import { scoreIndicator } from '../../../src/core/score/indicators/scoreIndicator';
import { ind } from './helpers';

const R = DEFAULT_CONFIG.indicators;
const score = (over: Partial<IndicatorInput>, points = 10) => scoreIndicator(ind(over), points, categoryOf(over.level1 ?? '产出指标'), R);

describe('quantitative', () => {
  it.each([
    // positive: points × min(1, actual ÷ target)
    ['≥95%', '95%', 10, true],
    ['≥95%', '94.995%', 10, true], // equal as shown (2 decimals)
    ['≥95%', '94.99%', (10 * 94.99) / 95, false],
    ['≥95%', '100%', 10, true],
    ['>95%', '95%', 10, true], // ＞ read as ≥
    ['≥95%', '47.5', 5, false], // the actual takes the target's unit
    ['≥95%', '47.5百分比', 5, false],
    ['95', '80', (10 * 80) / 95, false], // bare: positive
    ['≥10万元', '50000元', 5, false], // 元 vs 万元
    ['≥10个', '5项', 5, false], // counts compare
    ['≥0', '0', 10, true], // ≥0: any actual ≥ 0
    ['≥0', '5', 10, true],
    // reverse: full when actual ≤ target, else points × target ÷ actual
    ['≤90万元', '90万元', 10, true],
    ['≤90万元', '100万元', 9, false],
    ['≤90万元', '80万元', 10, true],
    ['不超过5天', '10天', 5, false],
    ['≤0', '0', 10, true], // zero target
    ['≤0', '1', 0, false],
    ['＜0起', '2起', 0, false],
    // equal: full when equal as shown, else points × min(a/t, t/a)
    ['=8个', '8个', 10, true],
    ['=8个', '8.004个', 10, true],
    ['=8个', '4个', 5, false],
    ['=8个', '16个', 5, false],
    ['=0', '0', 10, true],
    ['=0', '0.01', 0, false],
    ['=0起', '3起', 0, false],
    // ranges: met inside; outside points × (low ÷ actual… actual ÷ low) or high ÷ actual
    ['90%-100%', '95%', 10, true],
    ['90%-100%', '90%', 10, true],
    ['90%-100%', '100%', 10, true],
    ['90%-100%', '45%', 5, false],
    ['90%-100%', '200%', 5, false],
  ])('target %s, actual %s → %p (met %p)', (target, actual, ruleScore, met) => {
    const r = score({ target, actual });
    expect(r.kind).toBe('quantitative');
    expect(r.ruleScore).toBeCloseTo(ruleScore as number, 9);
    expect(r.met).toBe(met);
    expect(r.ruleRange).toBeNull();
  });

  it('a bare number under the 二级 成本指标 is a ceiling', () => {
    expect(score({ level2: '成本指标', target: '100', actual: '125' })).toMatchObject({ direction: 'reverse', ruleScore: 8, met: false });
    expect(score({ level1: '成本指标', level2: '经济成本指标', target: '100', actual: '90' })).toMatchObject({ direction: 'reverse', ruleScore: 10, met: true });
    expect(score({ level2: '数量指标', target: '100', actual: '125' })).toMatchObject({ direction: 'positive', ruleScore: 10, met: true });
  });

  it('an actual more than 50% above a positive target is far above it', () => {
    expect(score({ target: '≥100', actual: '150' }).farAbove).toBe(false);
    expect(score({ target: '≥100', actual: '150.01' }).farAbove).toBe(true);
    expect(score({ target: '≤100', actual: '10' }).farAbove).toBe(false);
    expect(score({ target: '≥0', actual: '1000' }).farAbove).toBe(false);
  });

  it('never leaves [0, points]: a negative actual scores 0', () => {
    expect(score({ target: '≥100', actual: '-5' }).ruleScore).toBe(0);
    expect(score({ target: '=8', actual: '-8' }).ruleScore).toBe(0);
  });
});

describe('units that do not compare, and text', () => {
  it.each([
    ['≥95%', '10个'],
    ['≥10万元', '10天'],
    ['≥10天', '10小时'],
    ['95', '95%'], // a target with no unit and an actual with one
    ['效果明显', '95%'], // a text target with a number
    ['≥95%', ''],
    ['90%-100%', '90%-95%'],
  ])('%s vs %s is not comparable: the clerk’s score stands, clamped', (target, actual) => {
    expect(score({ target, actual, score: 7 })).toMatchObject({ kind: 'not-comparable', ruleScore: 7, met: null, ruleRange: null });
    expect(score({ target, actual, score: null }).ruleScore).toBeNull();
    expect(score({ target, actual, score: 12 }).ruleScore).toBe(10);
    expect(score({ target, actual, score: 12 }).aboveRule).toBe(true);
  });
});

describe('qualitative', () => {
  it.each([
    ['达成', 'met'],
    ['达到预期', 'met'],
    ['已完成', 'met'],
    ['是', 'met'],
    ['合规', 'met'],
    ['及时', 'met'],
    ['效果明显', 'met'],
    ['部分达成', 'partial'],
    ['基本达成', 'partial'],
    ['基本完成', 'partial'],
    ['未达成', 'missed'],
    ['未完成', 'missed'],
    ['否', 'missed'],
    ['不合规', 'missed'],
    ['不及时', 'missed'],
    ['未按时完成', 'missed'],
    ['完成，但不及时', 'missed'], // the worst word counts
    ['是否', null], // 是 / 否 only alone
    ['完成率95%', null], // a figure's name, not a verdict
    ['完成值达到预期', 'met'],
    ['良好', null],
    ['toString', null], // found by the property test: not a key of Object.prototype
    ['', null],
  ])('%p reads as %p', (text, completion) => {
    expect(readCompletion(text)).toBe(completion);
  });

  // 10 points: 达成 [8, 10], 部分达成 [6, 8], 未达成 [0, 6], closed at both ends.
  it.each([
    ['达成', null, 10, [8, 10], true, false],
    ['达成', 10, 10, [8, 10], true, false],
    ['达成', 8, 8, [8, 10], true, false], // on the edge: within
    ['达成', 7.99, 8, [8, 10], true, false],
    ['达成', 11, 10, [8, 10], true, true],
    ['基本完成', null, 8, [6, 8], false, false],
    ['基本完成', 8, 8, [6, 8], false, false],
    ['基本完成', 6, 6, [6, 8], false, false],
    ['基本完成', 8.01, 8, [6, 8], false, true],
    ['基本完成', 5.99, 6, [6, 8], false, false],
    ['未完成', null, 6, [0, 6], false, false],
    ['未完成', 0, 0, [0, 6], false, false],
    ['未完成', 6, 6, [0, 6], false, false],
    ['未完成', 6.01, 6, [0, 6], false, true],
    ['未完成', -1, 0, [0, 6], false, false],
  ])('actual %p, clerk %p → %p in %p (met %p, above %p)', (actual, clerk, ruleScore, range, met, above) => {
    const r = score({ target: '效果明显', actual, score: clerk as number | null });
    expect(r.kind).toBe('qualitative');
    expect(r.ruleScore).toBeCloseTo(ruleScore as number, 9);
    expect(r.ruleRange).toEqual(range);
    expect(r.met).toBe(met);
    expect(r.aboveRule).toBe(above);
  });

  it('a date target is text; a numeric target with a text actual is scored on the actual’s words', () => {
    expect(score({ target: '12月底前完成', actual: '按时完成' })).toMatchObject({ kind: 'qualitative', met: true, ruleScore: 10 });
    expect(score({ target: '≥95%', actual: '已完成' })).toMatchObject({ kind: 'qualitative', met: true });
    expect(score({ target: '≥95%', actual: '部分完成' })).toMatchObject({ kind: 'qualitative', met: false, ruleScore: 8 });
    expect(score({ target: '12月底前完成', actual: '良好' })).toMatchObject({ kind: 'not-comparable', met: null });
  });

  it('the band edges are configuration', () => {
    const rules = { ...R, bands: { met: [0.8, 1], partial: [0.5, 0.8], missed: [0, 0.5] } as typeof R.bands };
    expect(scoreIndicator(ind({ target: '效果明显', actual: '基本完成', score: 5 }), 10, 'output', rules).ruleScore).toBe(5);
  });
});

describe('points', () => {
  const points = (list: IndicatorInput[]) => resolvePoints(list, groupIndicators(list, R));

  it('a form’s own 分值 win; blank ones share what their 一级’s points leave', () => {
    const list = [
      ind({ level1: '产出指标', level1Points: 50, points: 20 }),
      ind({ level1: '产出指标', level1Points: 50, points: null }),
      ind({ level1: '产出指标', level1Points: 50, points: null }),
      ind({ level1: '效益指标', points: null }),
      ind({ level1: '满意度指标', points: null }),
    ];
    expect(points(list)).toEqual([20, 15, 15, 30, 10]);
  });

  it('defaults: 产出 50 (with 成本指标), 效益 30, 满意度 10 (with 服务对象满意度指标); other 0', () => {
    const list = [
      ind({ level1: '产出指标', points: null }),
      ind({ level1: '成本指标', points: null }),
      ind({ level1: '效益指标', points: null }),
      ind({ level1: '服务对象满意度指标', points: null }),
      ind({ level1: '管理指标', points: null }),
    ];
    const groups = groupIndicators(list, R);
    expect(groups.map((g) => g.category)).toEqual(['output', 'output', 'effect', 'satisfaction', 'other']);
    // 产出指标 and 成本指标 are two 一级 names: each has the 产出 default (a form stating 成本 apart gives its own points).
    expect(resolvePoints(list, groups)).toEqual([50, 50, 30, 10, 0]);
  });

  it('given points above the 一级’s leave the blank ones 0, never negative', () => {
    expect(points([ind({ level1Points: 10, points: 12 }), ind({ level1Points: 10, points: null })])).toEqual([12, 0]);
  });
});
