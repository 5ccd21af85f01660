// The report's formulas, each built once from the formula model: the summary table's amounts, rates and
// statuses, the scoring table's rates and scores, and the rule that marks a clerk's under-target rows. The
// engine (core/evaluate.ts, core/score) computes the same figures; test/core/formula.test.ts holds them together.
import type { Basis, SourceCell } from '../model';
import type { ScoreProfile } from '../score/profile';
import { displayedRate } from '../numbers';
import { add, call, div, eq, group, gt, IF, le, lt, mul, ne, num, printNumber, ref, ROUND, sub, text, type Expr } from './formula';

/** `'项目支出'!D6/10000`: the source cell in 万元. */
export function sourceExpr(source: SourceCell): Expr {
  return source.divisor === 1 ? ref(source.ref) : div(ref(source.ref), num(source.divisor));
}

/** `printFormula(sourceExpr(source))` without the tree. */
export function printSource(source: SourceCell): string {
  // A reference and a number bind tighter than `/`: no brackets (printFormula).
  return source.divisor === 1 ? source.ref : `${source.ref}/${printNumber(source.divisor)}`;
}

/** A rate that is blank where there is no budget, as the engine leaves it unknown (never #DIV/0!). */
export function rateExpr(actual: Expr, denominator: Expr): Expr {
  return IF(gt(denominator, num(0)), div(actual, denominator), text(''));
}

/** The adjustment rate: blank on a zero 年初 (the engine: unknown). */
export function adjustmentRateExpr(adjustment: Expr, initial: Expr): Expr {
  return IF(ne(initial, num(0)), div(adjustment, initial), text(''));
}

/** The figures a rate may be taken from; null where neither read nor derivable. */
export interface Figures {
  initial: Expr | null;
  adjustment: Expr | null;
  adjusted: Expr | null;
  carryover: Expr | null;
}

/**
 * The rate's denominator for the basis, as core/evaluate.ts `denominator` takes it: 年初 (or, without one,
 * 调整后), 调整后 + 结转, or 调整后. Figures the parser derives are derived here the same way.
 */
export function denominatorExpr(basis: Basis, given: Figures): Expr | null {
  const { initial, adjusted } = completeFigures(given);
  if (basis === 'initial') return initial ?? adjusted;
  if (basis === 'adjusted-plus-carryover') return adjusted && given.carryover ? group(add(adjusted, given.carryover)) : null;
  return adjusted;
}

/** 调整后 = 年初 + 调整, 调整 = 调整后 − 年初, 年初 = 调整后 − 调整 (core/parse/parseWorkbook.ts `budgets`). */
export function completeFigures(given: Figures): Figures {
  const { initial: i, adjustment: a, adjusted: d } = given;
  return {
    initial: i ?? (d && a ? group(sub(d, a)) : null),
    adjustment: a ?? (i && d ? group(sub(d, i)) : null),
    adjusted: d ?? (i && a ? group(add(i, a)) : null),
    carryover: given.carryover,
  };
}

export interface StatusText {
  noBudget: string;
  onTarget: string;
  under: string;
  explain: string;
}

/** The status as the engine decides it: rates compared as displayed (ROUND to 4 places of the fraction). */
export function statusExpr(rate: Expr, target: Expr, explainBelow: number, words: StatusText): Expr {
  const shown = ROUND(rate, 4);
  return IF(eq(rate, text('')), text(words.noBudget), IF(lt(shown, ROUND(target, 4)), IF(lt(shown, num(displayedRate(explainBelow))), text(words.explain), text(words.under)), text(words.onTarget)));
}

/** The rule on the summary's rows: 未达标 and 未达标（需说明原因） alike, read from the status formula's text. */
export function underStatusExpr(status: Expr, under: string): Expr {
  return eq(call('LEFT', status, num(under.length)), text(under));
}

/** core/score/score.ts: whole hundredths of a percent short of 100%, then whole steps of them — no float noise at the edges. */
export function executionScoreExpr(shown: Expr, points: Expr, rule: ScoreProfile['execution']): Expr {
  const stepBp = Math.round(rule.step * 10000);
  const short = call('INT', div(call('MAX', num(0), ROUND(mul(sub(num(1), shown), num(10000)), 0)), num(stepBp)));
  return ROUND(call('MAX', num(0), sub(points, mul(mul(short, num(rule.penaltyShare)), points))), 2);
}

/** core/score/score.ts: the share of the points for the |rate| in basis points, band by band. */
export function adjustmentScoreExpr(shown: Expr, points: Expr, rule: ScoreProfile['adjustment']): Expr {
  const bp = call('ABS', ROUND(mul(shown, num(10000)), 0));
  let share: Expr = num(0);
  for (const band of [...rule.bands].reverse()) share = IF(le(bp, num(Math.round(band.upTo * 10000))), num(band.share), share);
  return ROUND(mul(points, IF(eq(bp, num(0)), num(rule.zeroShare), share)), 2);
}

/** The share of rated projects on target, over the summary's names and statuses. */
export function projectShareExpr(names: string, statuses: string, words: StatusText): Expr {
  const rated = sub(call('COUNTA', ref(names)), call('COUNTIF', ref(statuses), text(words.noBudget)));
  return IF(gt(rated, num(0)), div(call('COUNTIF', ref(statuses), text(words.onTarget)), rated), text(''));
}

/** A hand score: what the clerk enters in 评分设置, blank while unscored. */
export function manualScoreExpr(cell: string): Expr {
  return IF(call('ISNUMBER', ref(cell)), ref(cell), text(''));
}

/** The row's own target as the parser reads it: a fraction, or a percent when the header says (%) or it exceeds 1. */
export function rowTargetExpr(cell: Expr, percent: boolean, fallback: number): Expr {
  const value = percent ? div(cell, num(100)) : IF(gt(cell, num(1)), div(cell, num(100)), cell);
  return IF(call('ISNUMBER', cell), value, num(fallback));
}

/**
 * core/score/indicators/selfScore.ts `executionPoints`: points × min(1, the rate as shown), 0 without a budget.
 * `actual` and `denominator` are the project's money cells (附表3).
 */
export function projectExecutionScoreExpr(actual: Expr, denominator: Expr, points: number): Expr {
  const shown = ROUND(div(actual, denominator), 4);
  return IF(gt(denominator, num(0)), mul(num(points), IF(gt(shown, num(1)), num(1), call('MAX', num(0), shown))), num(0));
}
