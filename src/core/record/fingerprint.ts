// The fingerprint of the data a report was made from: a digest of the parsed input — the numbers and texts the
// report uses — not of raw cells, so a change of format, column width or position leaves it alone while a
// changed amount, name, target, explanation or hand score changes it. A form's own figures and texts and every
// indicator (an edited 得分 too) count; a workbook with neither keeps the fingerprint it had before forms were
// read, so that its reports stay current.
import type { Amounts, BudgetInput, FormExtras, IndicatorInput, ProjectInput } from '../model';
import { digest } from './digest';

const amounts = (a: Amounts) => [a.initialBudget, a.adjustment, a.adjustedBudget, a.carryover, a.actual];

/** What a form says besides its money (its cells are layout: left out). */
const formFields = (f: FormExtras) => [f.executionPoints, f.executionScore, f.givenRate, f.totalPoints, f.totalScore, f.department, f.unit, f.year, f.problems, f.improvements, f.conclusion];

const indicatorFields = (i: IndicatorInput) => [i.level1, i.level1Points, i.level2, i.name, i.target, i.actual, i.points, i.score, i.reason];

/**
 * A project's form and indicators, as one more element of its entry: none at all for a table row without
 * indicators, so that such a project's entry (and a workbook of them) digests exactly as before.
 */
function formAndIndicators(p: ProjectInput): unknown[] {
  const indicators = p.indicators ?? [];
  if (!p.form && indicators.length === 0) return [];
  return [{ kind: p.source?.kind ?? 'table', form: p.form ? formFields(p.form) : null, indicators: indicators.map(indicatorFields) }];
}

/** A project's entry: one flat array, no spreads (one per project of a large workbook). */
function projectEntry(p: ProjectInput): unknown[] {
  const entry: unknown[] = [p.name, p.initialBudget, p.adjustment, p.adjustedBudget, p.carryover, p.actual, p.target, p.givenRate, p.purpose, p.outcome, p.reason];
  if (p.form || (p.indicators !== undefined && p.indicators.length > 0)) entry.push(...formAndIndicators(p));
  return entry;
}

/** What the report reads from the input, in a fixed order; cell addresses and layout are left out on purpose. */
function canonical(input: BudgetInput): unknown {
  const { info } = input;
  return {
    v: 1,
    info: [info.name, info.year, info.target, info.explainBelow, info.responsibilities, info.annualWork, info.performanceManagement, info.unitsIncluded],
    projects: input.projects.map(projectEntry),
    categories: input.categories.map((c) => [c.name, ...amounts(c)]),
    total: input.categoryTotal && [input.categoryTotal.name, ...amounts(input.categoryTotal)],
    // Where the points and hand scores sit (pointsCell, scoreCell) is layout: only what they are counts.
    score: input.scoreProfile ? { ...input.scoreProfile, indicators: input.scoreProfile.indicators.map((i) => [i.name, i.points, i.kind, i.manualScore]) } : null,
  };
}

export function fingerprintInput(input: BudgetInput): string {
  return digest(JSON.stringify(canonical(input)));
}
