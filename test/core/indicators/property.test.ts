// Random indicator tables never crash, and every rule score stays within [0, points] (issue 9, "Tests").
import fc from 'fast-check';
import { DEFAULT_CONFIG } from '../../../src/core/config';
import { evaluate, nonFiniteNumbers } from '../../../src/core/evaluate';
import type { Finding, IndicatorInput } from '../../../src/core/model';
import { scoreProject } from '../../../src/core/score/indicators/selfScore';
import { form, input, project } from './helpers';
import { options } from '../snapshot';

const RUNS = { numRuns: Number(process.env.PROPERTY_RUNS ?? 300) };

const op = fc.constantFrom('', '≥', '＞', '>=', '≧', '不低于', '≤', '＜', '<=', '≦', '不超过', '=', '＝');
const unit = fc.constantFrom('', '%', '百分比', '元', '万元', '个', '项', '人', '天', '起', 'km');
const num = fc.oneof(fc.integer({ min: -5, max: 1000 }).map(String), fc.double({ min: -1e6, max: 1e12, noNaN: true }).map((v) => String(v)), fc.constant('0'));
const quantity = fc.tuple(op, num, unit).map(([o, n, u]) => `${o}${n}${u}`);
const text = fc.oneof(
  quantity,
  fc.tuple(num, unit, num, unit).map(([a, u, b, v]) => `${a}${u}-${b}${v}`),
  fc.constantFrom('达成', '未达成', '部分达成', '基本完成', '已完成', '不及时', '是', '否', '效果明显', '12月底前完成', '良好', '', 'toString', '__proto__', 'constructor'),
  fc.string({ maxLength: 12 }),
);
const points = fc.option(fc.oneof(fc.double({ min: -10, max: 200, noNaN: true }), fc.integer({ min: 0, max: 100 })), { nil: null });

const indicator: fc.Arbitrary<IndicatorInput> = fc.record({
  level1: fc.constantFrom('产出指标', '成本指标', '效益指标', '满意度指标', '服务对象满意度指标', '其他', ''),
  level1Points: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
  level2: fc.constantFrom('数量指标', '成本指标', '时效指标', ''),
  name: fc.string({ maxLength: 6 }),
  target: text,
  actual: text,
  points,
  score: points,
  reason: fc.option(fc.string({ maxLength: 4 }), { nil: null }),
  cell: fc.constant('表!C5'),
  scoreCell: fc.option(fc.constant('表!G5'), { nil: null }),
});

describe('random indicator tables', () => {
  it('never crash; ruleScore within [0, points]; every number finite', () => {
    fc.assert(
      fc.property(
        fc.array(indicator, { maxLength: 12 }),
        fc.option(fc.double({ min: 0, max: 5, noNaN: true }), { nil: null }),
        fc.boolean(),
        (list, rate, isForm) => {
          const findings: Finding[] = [];
          const p = project({ indicators: list, ...(isForm ? { form: form({ totalPoints: 100, totalScore: 90, executionScore: 8 }) } : {}) });
          for (const lang of ['zh', 'en'] as const) {
            const result = scoreProject(p, rate, DEFAULT_CONFIG.indicators, lang, findings);
            for (const r of result.indicators) {
              expect(r.points).toBeGreaterThanOrEqual(0);
              if (r.ruleScore !== null) {
                expect(r.ruleScore).toBeGreaterThanOrEqual(0);
                expect(r.ruleScore).toBeLessThanOrEqual(r.points);
              }
              if (r.ruleRange) expect(r.ruleRange[0]).toBeLessThanOrEqual(r.ruleRange[1]);
            }
            expect(nonFiniteNumbers(result)).toEqual([]);
            expect(result.selfScore === null).toBe(list.length === 0);
          }
          expect(findings.every((f) => f.message.length > 0 && !/undefined|NaN/.test(f.message))).toBe(true);
        },
      ),
      RUNS,
    );
  });

  it('through evaluate, with several projects', () => {
    fc.assert(
      fc.property(fc.array(fc.array(indicator, { maxLength: 6 }), { minLength: 1, maxLength: 4 }), (tables) => {
        const ev = evaluate(input(tables.map((list, i) => project({ name: `项目${i}`, indicators: list }))), options());
        expect(nonFiniteNumbers(ev)).toEqual([]);
      }),
      { numRuns: Math.ceil(RUNS.numRuns / 3) },
    );
  });
});
