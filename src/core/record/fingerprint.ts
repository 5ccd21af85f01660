// The fingerprint of the data a report was made from: a digest of the parsed input — the numbers and texts the
// report uses — not of raw cells, so a change of format, column width or position leaves it alone while a
// changed amount, name, target, explanation or hand score changes it.
import type { Amounts, BudgetInput } from '../model';
import { digest } from './digest';

const amounts = (a: Amounts) => [a.initialBudget, a.adjustment, a.adjustedBudget, a.carryover, a.actual];

/** What the report reads from the input, in a fixed order; cell addresses and layout are left out on purpose. */
function canonical(input: BudgetInput): unknown {
  const { info } = input;
  return {
    v: 1,
    info: [info.name, info.year, info.target, info.explainBelow, info.responsibilities, info.annualWork, info.performanceManagement, info.unitsIncluded],
    projects: input.projects.map((p) => [p.name, ...amounts(p), p.target, p.givenRate, p.purpose, p.outcome, p.reason]),
    categories: input.categories.map((c) => [c.name, ...amounts(c)]),
    total: input.categoryTotal && [input.categoryTotal.name, ...amounts(input.categoryTotal)],
    // Where the points and hand scores sit (pointsCell, scoreCell) is layout: only what they are counts.
    score: input.scoreProfile ? { ...input.scoreProfile, indicators: input.scoreProfile.indicators.map((i) => [i.name, i.points, i.kind, i.manualScore]) } : null,
  };
}

export function fingerprintInput(input: BudgetInput): string {
  return digest(JSON.stringify(canonical(input)));
}
