// The report's catalogues (src/core/wording): both languages have every key and no empty text, and a finding
// made in one language is worded in the other exactly as if it had been made there (what the pane does).
import { makeFinding } from '../../src/core/findings';
import type { Finding, FindingCode, Lang } from '../../src/core/model';
import { runPipeline } from '../../src/core/pipeline';
import { inBoth, paramsIn, wordFinding, WORDING } from '../../src/core/wording';
import type { ProjectWords, ScoreWords, TotalsWords } from '../../src/core/wording/zh';
import { err, options, sheet, workbook } from './snapshot';

const totals: TotalsWords = { initialBudget: '1', adjustment: '2', adjustedBudget: '3', carryover: '4', actual: '5', adjustmentRate: '6%', executionRate: '7%', fromProjects: true };
const score: ScoreWords = { total: '50', max: '100', unscored: '10', best: '60', grade: '中', bestGrade: '良' };
const project: ProjectWords = { n: 1, name: 'X', budget: '1', actual: '2', rate: '3%', below: '95%', purpose: 'P', outcome: 'O' };

/** Arguments for the functions that take more than plain words and numbers, by path. */
const ARGS: Record<string, unknown[]> = {
  unitAssumed: [['A1', 'B2']],
  'cli.projects': [3, 1, ['A'], 2],
  'cli.score': ['50 / 100', true, '10', '中'],
  'scoreSheet.badValue': ['X', 'a number', 'Y', '5'],
  'scoreSheet.bandIncomplete': [4, true, 'A', 'B'],
  'scoreSheet.badKind': ['X', 'Y', ['A', 'B']],
  'scoreSheet.boundsNotIncreasing': [{ band: 2, value: '10%', isDefault: false }, { band: 1, value: '10%', isDefault: true }],
  'scoreSheet.qualitativeEdges': [{ value: '80%', isDefault: false }, { value: '60%', isDefault: true }],
  'scoreSheet.sharesIncreasing': [{ band: 1, value: '80%', isDefault: true }, { band: 0, value: '70%', isDefault: false }],
  'scoreSheet.gradesNotDecreasing': [{ grade: '良', value: 95, isDefault: false }, { grade: '优', value: 90, isDefault: true }],
  'narrative.heading1': [0, 'X'],
  'narrative.heading2': [0, 'X'],
  'narrative.category': ['X', '1', '2', '3%'],
  'narrative.underItem': [1, 'X', '1%', '2%', 'R'],
  'narrative.totals': [totals],
  'narrative.score': [score],
  'narrative.scoreProvisional': [score],
  'narrative.scoreProvisionalSameGrade': [score],
  'narrative.project': [project],
  'narrative.categories': [['A', 'B']],
  'narrative.conclusion': [{ rate: '90%', met: false, target: '95%', count: 3, ok: 2, under: 1 }],
  'narrative.projectSummary': [{ count: 3, budget: '1', actual: '2', rate: '3%', under: 1, largest: ['A', 'B'] }],
  'narrative.findingsSummary': [2, ['A', 'B'], true],
  'score.adjustment': [2, ['A', 'B']],
  'grade': ['优'],
  'score.firstBand': ['优', 90],
  'score.band': ['良', 80, 90],
  'report.grade': ['优'],
  'report.scoreTotalProvisional': ['10', '中'],
  'narrative.formProblems': ['A', 'B'],
  'narrative.formMeasures': [1, 'A', 'B'],
  'narrative.missedIndicator': ['A', 'B', 'C', 'D'],
  'narrative.missedItem': [1, 'A', 'B', 'C'],
  'report.selfScoreNote': ['A'],
  'narrative.indicators': [{ set: 5, met: 2, missed: 2, unknown: 1, score: '80', points: '100', missedList: ['A', 'B'] }],
};

const KINDS = ['invalid', 'date', 'too-large', 'sum-too-large', 'not-finite'];
/** Any parameter a message names: `X`, or 1. */
const anyParams = new Proxy({} as Record<string, string | number>, { get: (_, key) => (key === 'kind' ? 'invalid' : 'X') });

/** Every leaf of a catalogue by its path; functions are called with sample arguments. */
function leaves(value: unknown, path = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === 'string') out.set(path, value);
  else if (typeof value === 'function') {
    const fn = value as (...args: unknown[]) => unknown;
    if (path.startsWith('findings.')) {
      if (path === 'findings.invalid-number') for (const kind of KINDS) out.set(`${path}.${kind}`, String(fn({ kind, column: 'X', text: 'Y', limit: 'Z' })));
      else out.set(path, String(fn(anyParams)));
    } else out.set(path, String(fn(...(ARGS[path] ?? ['X', 1, 'Y']))));
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, child] of Object.entries(value)) for (const [p, s] of leaves(child, path ? `${path}.${key}` : key)) out.set(p, s);
  } else out.set(path, `<${typeof value}>`);
  return out;
}

describe('the report wording', () => {
  const zh = leaves(WORDING.zh);
  const en = leaves(WORDING.en);

  it('has the same keys in Chinese and English', () => {
    expect([...en.keys()].sort()).toEqual([...zh.keys()].sort());
    expect(zh.size).toBeGreaterThan(100);
  });

  it.each(['zh', 'en'] as const)('has no empty or half-filled text in %s', (lang) => {
    const bad = [...leaves(WORDING[lang])].filter(([path, text]) => (text.trim() === '' && !path.endsWith('Separator')) || /undefined|\[object|NaN/.test(text)).map(([key]) => key);
    expect(bad).toEqual([]);
  });

  it('words every finding code in both languages', () => {
    const all: FindingCode[] = Object.keys(WORDING.zh.findings) as FindingCode[];
    expect(all.length).toBeGreaterThan(20);
    for (const lang of ['zh', 'en'] as const) expect(Object.keys(WORDING[lang].findings).sort()).toEqual([...all].sort());
  });
});

describe('a finding in the pane’s language', () => {
  it('keeps its parameters, words within them in both languages, and is worded again in the other language', () => {
    const f = makeFinding('zero-budget', '项目支出!B3', 'zh', { name: '甲', basis: inBoth((w) => w.basisName.initial) });
    expect(f.message).toBe('“甲”的年初预算为 0，无法计算执行率。');
    expect(f.params).toEqual({ name: '甲', basis: { zh: '年初预算', en: 'initial budget' } });
    expect(wordFinding(f, 'en')).toBe('"甲" has a initial budget of 0: no execution rate can be computed.');
    expect(wordFinding(f, 'zh')).toBe(f.message);
    expect(paramsIn(f.params, 'en')).toEqual({ name: '甲', basis: 'initial budget' });
  });

  it('words plain parameters as they are, and leaves the finding’s own parameters untouched', () => {
    const f = makeFinding('needs-explanation', '项目支出!B3', 'zh', { name: '甲', rate: '80.00%', threshold: '90.00%' });
    expect(f.message).toBe('“甲”执行率 80.00% 低于 90.00%，需填写偏差原因。');
    expect(paramsIn(f.params, 'en')).toEqual({ name: '甲', rate: '80.00%', threshold: '90.00%' });
    expect(wordFinding(f, 'en')).toContain('80.00%');
    expect(f.params).toEqual({ name: '甲', rate: '80.00%', threshold: '90.00%' });
  });

  it('falls back to the message for a finding without parameters (one made by an older version)', () => {
    expect(wordFinding({ code: 'unnamed-row', message: '旧的' }, 'en')).toBe('旧的');
  });

  /** A workbook with something wrong almost everywhere: most warning and info codes at once. */
  function messy() {
    return workbook([
      sheet('项目支出', [
        ['项目名称', '年初预算数', '预算调整数', '调整后预算数', '实际支出数', '执行率'],
        ['甲', 100, 50, 140, 160, 0.5],
        ['乙', 0, 0, 0, 10],
        ['丙', 100, 0, 100, 30],
        ['丙', 100, 0, 100, 99],
        [null, 5, 0, 5, 5],
      ]),
      sheet('部门支出', [
        ['支出类别', '年初预算数', '预算调整数', '调整后预算数', '实际支出数'],
        ['基本支出', 10, 0, 10, 10],
        ['项目支出', 1, 0, 1, 1],
        ['合计', 99, 0, 99, 99],
      ]),
      sheet('评分设置', [
        ['指标', '分值', '类型', '得分'],
        ['预算完成率', 20, '预算完成率'],
        ['怪指标', 'x', '预算完成率'],
        ['另一个', 10, '不知道'],
        [],
        ['评分参数', '值'],
        ['不存在的参数', 3],
        ['预算完成率每低（个百分点）', '很多'],
        ['预算调整率第2档上限', '5%'],
        ['预算调整率第4档上限', '50%'],
        ['等级“良”最低分', 95],
      ]),
    ]);
  }

  function errorWorkbook() {
    return workbook([sheet('项目支出', [['项目名称', '年初预算数', '预算调整数', '调整后预算数', '实际支出数'], ['甲', 'abc', 0, 100, err('#DIV/0!')], ['乙', 100, 0, 100, -3]])]);
  }

  it('has the scoring sheet’s problems in the messy workbook (so the test below covers them)', () => {
    const texts = findingsIn('zh').map((f) => f.message).join('\n');
    for (const words of ['无法识别，未使用', '按默认值 5 个百分点计分', '各档上限应逐档增大', '此档未使用', '等级分数线应逐级降低', '此指标未计入', '不是 100 分']) expect(texts).toContain(words);
  });

  const findingsIn = (lang: Lang, snapshot = messy()): Finding[] => {
    const result = runPipeline(snapshot, options({ lang }));
    return result.findings;
  };

  it.each([
    ['a workbook full of warnings', messy],
    ['a workbook with errors', errorWorkbook],
    ['a workbook with no project table', () => workbook([sheet('Sheet1', [['hello']])])],
  ])('words each finding of %s in the other language as that language would have made it', (_, make) => {
    const zh = findingsIn('zh', make());
    const en = findingsIn('en', make());
    expect(zh.length).toBeGreaterThan(0);
    expect(zh.map((f) => f.code)).toEqual(en.map((f) => f.code));
    expect(zh.map((f) => wordFinding(f, 'en'))).toEqual(en.map((f) => f.message));
    expect(en.map((f) => wordFinding(f, 'zh'))).toEqual(zh.map((f) => f.message));
  });
});
