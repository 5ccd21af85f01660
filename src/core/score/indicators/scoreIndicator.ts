// One indicator scored by the published rule: quantitative (a number on both sides, by its operator),
// qualitative (the completion words of the actual, in bands), or not comparable (the clerk's score stands).
import type { IndicatorInput } from '../../model';
import { roundHalfAway } from '../../numbers';
import { readCompletion } from './completion';
import { readQuantity, type Direction } from './quantity';
import type { IndicatorCategory, IndicatorRules } from './rules';
import { commonScale } from './units';

export type IndicatorKind = 'quantitative' | 'qualitative' | 'not-comparable';

export interface IndicatorResult extends IndicatorInput {
  /** The points it is scored on: the form's 分值, else its share of its 一级's points. */
  points: number;
  /** The 分值 the clerk wrote (null when blank: `points` is then a share). */
  givenPoints: number | null;
  category: IndicatorCategory;
  kind: IndicatorKind;
  /** How a quantitative target reads (range: within it); null otherwise. */
  direction: Direction | 'range' | null;
  /** The rule's score, within [0, points]; null only when not comparable and the clerk gave none. */
  ruleScore: number | null;
  /** Qualitative: the band in points [low, high]; null otherwise. */
  ruleRange: [number, number] | null;
  /** Full points due (quantitative) or 达成 (qualitative); null when not comparable. */
  met: boolean | null;
  /** A positive target exceeded by more than `farAbove`. */
  farAbove: boolean;
  /** The clerk's 得分 is above the rule (by more than 0.005, or above the band): a reviewer will deduct. */
  aboveRule: boolean;
}

/** Scores are compared as clerks write them: 2 decimals. */
export const round2 = (v: number) => roundHalfAway(v, 2);

/** Within [low, high]; NaN (never expected) counts as low. */
const clamp = (v: number, low: number, high: number) => (Number.isNaN(v) ? low : Math.min(high, Math.max(low, v)));

interface Scored {
  kind: IndicatorKind;
  direction: Direction | 'range' | null;
  score: number | null;
  range: [number, number] | null;
  met: boolean | null;
  farAbove: boolean;
}

/** Under the 二级 成本指标 (or a 一级 of that name) a bare number is a ceiling. */
const isCost = (ind: IndicatorInput) => /成本/.test(ind.level2) || /^成本指标/.test(ind.level1.replace(/\s/g, ''));

function quantitative(ind: IndicatorInput, points: number, rules: IndicatorRules): Scored | 'text' | null {
  const target = readQuantity(ind.target);
  const actual = readQuantity(ind.actual);
  if (target === null) return actual === null ? 'text' : null;
  if (actual === null) return ind.actual.trim() === '' ? null : 'text';
  if (actual.kind === 'range') return null;
  const scale = commonScale(target.unit, actual.unit);
  if (!scale) return null;
  // The actual in the target's unit, so that "equal as shown" rounds both in one unit.
  const a = (actual.value * scale.actual) / scale.target;
  const ra = round2(a);
  const full = (met: boolean, partial: number): Pick<Scored, 'score' | 'met'> => ({ met, score: met ? points : points * clamp(partial, 0, 1) });
  if (target.kind === 'range') {
    const { low, high } = target;
    const inside = ra >= round2(low) && ra <= round2(high);
    const s = full(inside, ra < round2(low) ? (low > 0 ? a / low : 0) : a > 0 ? high / a : 0);
    return { kind: 'quantitative', direction: 'range', range: null, farAbove: false, ...s };
  }
  const t = target.value;
  const rt = round2(t);
  const direction: Direction = target.direction ?? (isCost(ind) ? 'reverse' : 'positive');
  let s: Pick<Scored, 'score' | 'met'>;
  switch (direction) {
    case 'positive':
      // ≥0 (or below): met by any actual at or above it, else nothing to scale by.
      s = full(ra >= rt, t > 0 ? a / t : 0);
      break;
    case 'reverse':
      // ≤0 is a zero target (安全事故 0 起): full at 0, else 0.
      s = full(ra <= rt, rt > 0 && a > 0 ? t / a : 0);
      break;
    case 'equal':
      s = full(ra === rt, rt !== 0 && a / t > 0 ? Math.min(a / t, t / a) : 0);
      break;
  }
  const farAbove = direction === 'positive' && t > 0 && a > t * (1 + rules.farAbove);
  return { kind: 'quantitative', direction, range: null, farAbove, ...s };
}

function qualitative(ind: IndicatorInput, points: number, rules: IndicatorRules): Scored | null {
  const completion = readCompletion(ind.actual);
  if (completion === null) return null;
  const [low, high] = rules.bands[completion];
  const range: [number, number] = [clamp(low, 0, 1) * points, clamp(high, 0, 1) * points];
  const score = ind.score === null ? range[1] : clamp(ind.score, range[0], range[1]);
  return { kind: 'qualitative', direction: null, score, range, met: completion === 'met', farAbove: false };
}

/** The indicator with its rule score; `points` from resolvePoints, `category` from its 一级. */
export function scoreIndicator(ind: IndicatorInput, points: number, category: IndicatorCategory, rules: IndicatorRules): IndicatorResult {
  const q = quantitative(ind, points, rules);
  const scored: Scored = (q === 'text' ? qualitative(ind, points, rules) : q) ?? {
    kind: 'not-comparable',
    direction: null,
    score: ind.score,
    range: null,
    met: null,
    farAbove: false,
  };
  const ruleScore = scored.score === null ? null : clamp(scored.score, 0, points);
  const aboveRule = ind.score !== null && (ind.score - (ruleScore ?? 0) > 0.005 + 1e-9 || (scored.range !== null && ind.score > scored.range[1]));
  // Field by field: a spread of the input cost ~50 µs per indicator (the pipeline's note on ProjectResult).
  return {
    level1: ind.level1,
    level1Points: ind.level1Points,
    level2: ind.level2,
    name: ind.name,
    target: ind.target,
    actual: ind.actual,
    score: ind.score,
    reason: ind.reason,
    cell: ind.cell,
    scoreCell: ind.scoreCell,
    points,
    givenPoints: ind.points,
    category,
    kind: scored.kind,
    direction: scored.direction,
    ruleScore,
    ruleRange: scored.range,
    met: scored.met,
    farAbove: scored.farAbove,
    aboveRule,
  };
}
