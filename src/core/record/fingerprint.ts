// The fingerprint of the data a report was made from: a digest of the parsed input — the numbers and texts the
// report uses — not of raw cells, so a change of format, column width or position leaves it alone while a
// changed amount, name, target, explanation or hand score changes it. A form's own figures and texts and every
// indicator (an edited 得分 too) count.
//
// Two versions. Reports record the current one (fingerprintInput); a report made before it recorded the first
// (legacyFingerprint), which the stale check still recognises (freshness.ts), so that no earlier report reads as
// stale for want of a new digest.
import type { Amounts, BudgetInput, FormExtras, IndicatorInput, ProjectInput } from '../model';
import { digest, partsDigest } from './digest';

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

/** Everything but the projects' own figures and texts, in a fixed order; cell addresses and layout are left out on purpose. */
function canonicalBesidesProjects(input: BudgetInput) {
  const { info } = input;
  return {
    info: [info.name, info.year, info.target, info.explainBelow, info.responsibilities, info.annualWork, info.performanceManagement, info.unitsIncluded],
    categories: input.categories.map((c) => [c.name, ...amounts(c)]),
    total: input.categoryTotal && [input.categoryTotal.name, ...amounts(input.categoryTotal)],
    // Where the points and hand scores sit (pointsCell, scoreCell) is layout: only what they are counts.
    score: input.scoreProfile ? { ...input.scoreProfile, indicators: input.scoreProfile.indicators.map((i) => [i.name, i.points, i.kind, i.manualScore]) } : null,
  };
}

/** Numbers a project row holds (PROJECT_NUMBERS of them) and texts (PROJECT_TEXTS). */
const PROJECT_NUMBERS = 7;
const PROJECT_TEXTS = 5;
const TEXTS_AT_ONCE = 1000 * PROJECT_TEXTS;

/**
 * The fingerprint (version 2). The projects — tens of thousands in a large workbook — go in as columns, not as
 * text: their texts as UTF-16 one after another, their numbers as IEEE doubles (-0 as 0), which of them are blank
 * as a bit each, the texts' lengths. The rest (a few hundred cells) goes in as JSON. At 50,000 projects: 25 ms
 * where the JSON of version 1 took 75 and 12 MB.
 */
export function fingerprintInput(input: BudgetInput): string {
  const projects = input.projects;
  const n = projects.length;
  const numbers = new Float64Array(n * PROJECT_NUMBERS);
  const blanks = new Uint8Array(n);
  const lengths = new Uint32Array(n * PROJECT_TEXTS);
  // The texts go to the hash a thousand projects at a time (all of them at once: 9 MB at 50,000 projects).
  const texts: string[] = [];
  const hash = partsDigest();
  for (let i = 0; i < n; i++) {
    const p = projects[i];
    const at = i * PROJECT_NUMBERS;
    let blank = 0;
    // `+ 0` makes -0 0, as JSON and a clerk see it.
    if (p.initialBudget === null) blank |= 1;
    else numbers[at] = p.initialBudget + 0;
    if (p.adjustment === null) blank |= 2;
    else numbers[at + 1] = p.adjustment + 0;
    numbers[at + 2] = p.adjustedBudget + 0;
    numbers[at + 3] = p.carryover + 0;
    numbers[at + 4] = p.actual + 0;
    if (p.target === null) blank |= 4;
    else numbers[at + 5] = p.target + 0;
    if (p.givenRate === null) blank |= 8;
    else numbers[at + 6] = p.givenRate + 0;
    blanks[i] = blank;
    const extras = p.form || (p.indicators !== undefined && p.indicators.length > 0) ? JSON.stringify(formAndIndicators(p)[0]) : '';
    const t = i * PROJECT_TEXTS;
    texts.push(p.name, p.purpose, p.outcome, p.reason, extras);
    if (texts.length === TEXTS_AT_ONCE) {
      hash.update(texts.join(''));
      texts.length = 0;
    }
    lengths[t] = p.name.length;
    lengths[t + 1] = p.purpose.length;
    lengths[t + 2] = p.outcome.length;
    lengths[t + 3] = p.reason.length;
    lengths[t + 4] = extras.length;
  }
  hash.update(texts.join(''));
  const rest = JSON.stringify(canonicalBesidesProjects(input));
  hash.update(rest);
  hash.update(bytesOf(numbers));
  hash.update(blanks);
  hash.update(bytesOf(lengths));
  // The version, the rest's length and the number of projects last, each part's length following from them when
  // read from the end: the texts (hashed first, as they came) are what is left, cut by their lengths.
  hash.update(bytesOf(new Uint32Array([2, rest.length, n])));
  return hash.digest();
}

/** A typed array's bytes, in the platform's order: little-endian on every machine Excel, browsers and Node run on here. */
function bytesOf(array: Float64Array | Uint32Array): Uint8Array {
  return new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
}

/** A project's entry in version 1: one flat array, no spreads. */
function legacyEntry(p: ProjectInput): unknown[] {
  const entry: unknown[] = [p.name, p.initialBudget, p.adjustment, p.adjustedBudget, p.carryover, p.actual, p.target, p.givenRate, p.purpose, p.outcome, p.reason];
  if (p.form || (p.indicators !== undefined && p.indicators.length > 0)) entry.push(...formAndIndicators(p));
  return entry;
}

/**
 * The fingerprint reports recorded before version 2: SHA-256 of the JSON of everything. Only the stale check
 * reads it, for a report that recorded it. (A workbook with neither forms nor indicators kept, in it, the
 * fingerprint it had before forms were read.)
 */
export function legacyFingerprint(input: BudgetInput): string {
  const { info, categories, total, score } = canonicalBesidesProjects(input);
  return digest(JSON.stringify({ v: 1, info, projects: input.projects.map(legacyEntry), categories, total, score }));
}
