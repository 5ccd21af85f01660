// The fingerprint, both versions (core/record/fingerprint.ts). Version 1 (legacyFingerprint), which reports
// recorded until version 2, must digest exactly what the earlier code did, or every stored report would read as
// stale: `reference` below is that earlier code, kept here as the definition. Version 2 must tell apart any two
// inputs that differ in what the report uses, and nothing else.
import fc from 'fast-check';
import type { Amounts, BudgetInput, FormExtras, IndicatorInput, ProjectInput } from '../../src/core/model';
import { parseWorkbook } from '../../src/core/parse/parseWorkbook';
import { digest } from '../../src/core/record/digest';
import { fingerprintInput, legacyFingerprint } from '../../src/core/record/fingerprint';
import { DEFAULT_SCORE_PROFILE } from '../../src/core/score/profile';
import { nationalForm, sichuanForm } from './forms/formSheets';
import { goldenWorkbook } from './golden';
import { workbook } from './snapshot';

const amounts = (a: Amounts) => [a.initialBudget, a.adjustment, a.adjustedBudget, a.carryover, a.actual];
const formFields = (f: FormExtras) => [f.executionPoints, f.executionScore, f.givenRate, f.totalPoints, f.totalScore, f.department, f.unit, f.year, f.problems, f.improvements, f.conclusion];
const indicatorFields = (i: IndicatorInput) => [i.level1, i.level1Points, i.level2, i.name, i.target, i.actual, i.points, i.score, i.reason];
function formAndIndicators(p: ProjectInput): unknown[] {
  const indicators = p.indicators ?? [];
  if (!p.form && indicators.length === 0) return [];
  return [{ kind: p.source?.kind ?? 'table', form: p.form ? formFields(p.form) : null, indicators: indicators.map(indicatorFields) }];
}
function reference(input: BudgetInput): string {
  const { info } = input;
  const canonical = {
    v: 1,
    info: [info.name, info.year, info.target, info.explainBelow, info.responsibilities, info.annualWork, info.performanceManagement, info.unitsIncluded],
    projects: input.projects.map((p) => [p.name, ...amounts(p), p.target, p.givenRate, p.purpose, p.outcome, p.reason, ...formAndIndicators(p)]),
    categories: input.categories.map((c) => [c.name, ...amounts(c)]),
    total: input.categoryTotal && [input.categoryTotal.name, ...amounts(input.categoryTotal)],
    score: input.scoreProfile ? { ...input.scoreProfile, indicators: input.scoreProfile.indicators.map((i) => [i.name, i.points, i.kind, i.manualScore]) } : null,
  };
  return digest(JSON.stringify(canonical));
}

// Texts JSON must escape (quotes, backslashes, controls, lone surrogates), CJK and pairs, and some long enough
// to matter.
const text = fc.oneof(
  { arbitrary: fc.string({ unit: 'binary', maxLength: 20 }), weight: 10 },
  { arbitrary: fc.constantFrom('', '"', '\\', '\n\t\u0000\u001f', '\ud800', '\udc00x', '😀', '应急管理工作经费', '</script>'), weight: 5 },
  { arbitrary: fc.string({ unit: 'grapheme', minLength: 5000, maxLength: 20000 }), weight: 1 },
);
const number = fc.oneof(fc.double(), fc.constantFrom(-0, 0, 1e21, 1e-7, 0.1 + 0.2, NaN, Infinity, -Infinity));
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });
const money = fc.record({ initialBudget: maybe(number), adjustment: maybe(number), adjustedBudget: number, carryover: number, actual: number });
const indicator = fc.record({ level1: text, level1Points: maybe(number), level2: text, name: text, target: text, actual: text, points: maybe(number), score: maybe(number), reason: maybe(text) });
const form = fc.record({ executionPoints: maybe(number), executionScore: maybe(number), givenRate: maybe(number), totalPoints: maybe(number), totalScore: maybe(number), department: maybe(text), unit: maybe(text), year: maybe(number), problems: maybe(text), improvements: maybe(text), conclusion: maybe(text) });
const project = fc
  .tuple(money, text, maybe(number), maybe(number), text, text, text, fc.option(form, { nil: undefined }), fc.option(fc.array(indicator, { maxLength: 3 }), { nil: undefined }), fc.option(fc.constantFrom('form', 'table'), { nil: undefined }))
  .map(([m, name, target, givenRate, purpose, outcome, reason, f, indicators, kind]) => ({ ...m, name, target, givenRate, purpose, outcome, reason, form: f, indicators, source: kind && { kind, sheet: 'S' } }));
const category = fc.tuple(money, text).map(([m, name]) => ({ ...m, name }));
const input = fc
  .record({
    info: fc.record({ name: maybe(text), year: maybe(number), target: maybe(number), explainBelow: maybe(number), responsibilities: maybe(text), annualWork: maybe(text), performanceManagement: maybe(text), unitsIncluded: maybe(text) }),
    projects: fc.array(project, { maxLength: 6 }),
    categories: fc.array(category, { maxLength: 3 }),
    categoryTotal: fc.oneof(fc.constant(null), fc.constant(undefined), category),
    scoreProfile: fc.option(fc.constant(DEFAULT_SCORE_PROFILE), { nil: undefined }),
  })
  .map((i) => i as unknown as BudgetInput);

describe('the version-1 fingerprint, as reports recorded it', () => {
  it('digests what JSON.stringify of the canonical value digested, for any input', () => {
    fc.assert(
      fc.property(input, (i) => {
        expect(legacyFingerprint(i)).toBe(reference(i));
      }),
      { numRuns: 300 },
    );
  });

  it('digests the golden workbook, its forms and its scoring sheet as before', () => {
    const scoring = { name: '评分设置', values: [['指标', '分值', '类型', '得分'], ['预算完成率', 20, '预算完成率', null], ['预算编制科学性', 10, '人工评分', 8]], merges: [] };
    for (const book of [goldenWorkbook(), workbook([nationalForm('自评表 (1)'), sichuanForm('自评表 (2)')]), { ...goldenWorkbook(), sheets: [...goldenWorkbook().sheets, scoring] }]) {
      const parsed = parseWorkbook(book, 'zh').input;
      expect(legacyFingerprint(parsed)).toBe(reference(parsed));
    }
  });
});

/** A deep copy (structuredClone keeps -0, NaN and lone surrogates). */
const copy = (i: BudgetInput): BudgetInput => structuredClone(i);

/** One project's figure or text changed to something else (the input is copied first). */
const projectChanges: ((p: ProjectInput) => void)[] = [
  (p) => (p.name += 'x'),
  (p) => (p.purpose += 'x'),
  (p) => (p.outcome += '。'),
  (p) => (p.reason = p.reason === '' ? '延期' : ''),
  (p) => (p.initialBudget = p.initialBudget === null ? 0 : null),
  (p) => (p.adjustment = p.adjustment === null ? 1 : null),
  (p) => (p.adjustedBudget = p.adjustedBudget === 1 ? 2 : 1),
  (p) => (p.carryover = p.carryover === 0.01 ? 0.02 : 0.01),
  (p) => (p.actual = p.actual === 5 ? 6 : 5),
  (p) => (p.target = p.target === null ? 0.9 : null),
  (p) => (p.givenRate = p.givenRate === 0.5 ? 0.6 : 0.5),
  (p) => (p.indicators = [...(p.indicators ?? []), { level1: '产出指标', level1Points: 50, level2: '数量指标', name: '培训人次', target: '100', actual: '98', points: 10, score: 9, reason: null } as IndicatorInput]),
];

describe('the fingerprint (version 2)', () => {
  const finite = (i: BudgetInput) => JSON.stringify(i, (_, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? 0 : v));

  it('is the same for the same data, in another object', () => {
    fc.assert(
      fc.property(input, (i) => {
        expect(fingerprintInput(copy(i))).toBe(fingerprintInput(i));
      }),
      { numRuns: 200 },
    );
  });

  it('changes when any figure or text of any project changes', () => {
    fc.assert(
      fc.property(input.filter((i) => i.projects.length > 0), fc.nat(), fc.nat({ max: projectChanges.length - 1 }), (i, which, change) => {
        const changed = copy(i);
        const project = changed.projects[which % changed.projects.length];
        const before = finite({ ...i, projects: [i.projects[which % i.projects.length]] } as BudgetInput);
        projectChanges[change](project);
        // A change that gives the same value (NaN to NaN aside, which no parse lets through) changes nothing.
        fc.pre(finite({ ...changed, projects: [project] } as BudgetInput) !== before);
        expect(fingerprintInput(changed)).not.toBe(fingerprintInput(i));
      }),
      { numRuns: 300 },
    );
  });

  it('tells apart a text moved from one field or project to the next, and a project more or less', () => {
    const one = goldenWorkbookInput();
    const moved = copy(one);
    moved.projects[0].name += moved.projects[0].purpose.slice(0, 1);
    moved.projects[0].purpose = moved.projects[0].purpose.slice(1);
    expect(fingerprintInput(moved)).not.toBe(fingerprintInput(one));
    const fewer = copy(one);
    fewer.projects.pop();
    expect(fingerprintInput(fewer)).not.toBe(fingerprintInput(one));
  });

  it('changes with the department, a category or the scoring, and not with where cells are', () => {
    const one = goldenWorkbookInput();
    const renamed = copy(one);
    renamed.info.name = '另一个局';
    expect(fingerprintInput(renamed)).not.toBe(fingerprintInput(one));
    const category = copy(one);
    category.categories[0].actual += 0.01;
    expect(fingerprintInput(category)).not.toBe(fingerprintInput(one));
    const moved = copy(one);
    moved.projects[0].cell = 'Elsewhere!Z99';
    moved.projects[0].location = { ...moved.projects[0].location, row: 99 };
    expect(fingerprintInput(moved)).toBe(fingerprintInput(one));
  });

  it('takes -0 as 0, as a clerk and JSON see it', () => {
    const one = goldenWorkbookInput();
    const zero = copy(one);
    zero.projects[0].carryover = 0;
    const minus = copy(one);
    minus.projects[0].carryover = -0;
    expect(fingerprintInput(minus)).toBe(fingerprintInput(zero));
  });
});

function goldenWorkbookInput(): BudgetInput {
  return parseWorkbook(goldenWorkbook(), 'zh').input;
}
