import { hasErrors, makeFinding, sortFindings } from '../../src/core/findings';
import type { Finding, FindingCode, Lang, Severity, SheetSnapshot, WorkbookSnapshot } from '../../src/core/model';
import { runPipeline } from '../../src/core/pipeline';
import { err, options, sheet, workbook, type Row } from './snapshot';

const S = 'My sheet'; // quoted in references, as Excel quotes it
const HEADER: Row = ['序号', '项目名称', '年初预算数', '预算调整数', '调整后预算数', '实际支出数', '执行率', '偏差原因'];
const INFO = sheet('部门信息', [['执行率目标', 0.95], ['说明阈值', 0.9], ['金额单位', '万元']]);

const projects = (rows: Row[], header: Row = HEADER): SheetSnapshot => sheet(S, [header, ...rows]);
const ok = (name: string): Row => [null, name, 100, 0, 100, 100];
const totals = (projectRow: Row): SheetSnapshot =>
  sheet('部门支出', [['支出类别', '年初预算数', '预算调整数', '调整后预算数', '实际支出数'], ['基本支出', 10, 0, 10, 10], projectRow]);

/** For each code: a workbook that shows it, and where it is reported. */
const CASES: [FindingCode, Severity, () => WorkbookSnapshot, string | null][] = [
  ['no-project-table', 'error', () => workbook([INFO]), null],
  ['missing-column', 'error', () => workbook([INFO, projects([ok('甲')], ['项目名称', '年初预算数', '调整后预算数'])]), `'${S}'!A1`],
  ['not-a-number', 'error', () => workbook([INFO, projects([[null, '甲', '一百', 0, 100, 100]])]), `'${S}'!C2`],
  ['error-value', 'error', () => workbook([INFO, projects([[null, '甲', 100, 0, 100, err('#DIV/0!')]])]), `'${S}'!F2`],
  ['negative-amount', 'error', () => workbook([INFO, projects([[null, '甲', 100, -200, -100, -1]])]), `'${S}'!E2`],
  ['over-budget', 'warning', () => workbook([INFO, projects([[null, '甲', 100, 0, 100, 120]])]), `'${S}'!B2`],
  ['total-mismatch', 'warning', () => workbook([INFO, projects([ok('甲'), [null, '合计', 100, 0, 100, 99]])]), `'${S}'!F3`],
  ['project-total-mismatch', 'warning', () => workbook([INFO, totals(['项目支出', 100, 0, 100, 90]), projects([ok('甲')])]), '部门支出!A3'],
  ['adjusted-mismatch', 'warning', () => workbook([INFO, projects([[null, '甲', 100, 5, 100, 100]])]), `'${S}'!E2`],
  ['zero-budget', 'warning', () => workbook([INFO, projects([[null, '甲', 0, 0, 0, 0]])]), `'${S}'!B2`],
  ['needs-explanation', 'warning', () => workbook([INFO, projects([[null, '甲', 100, 0, 100, 50]])]), `'${S}'!B2`],
  ['adjustment-over-30', 'warning', () => workbook([INFO, projects([[null, '甲', 100, 50, 150, 150]])]), `'${S}'!B2`],
  ['duplicate-project', 'warning', () => workbook([INFO, projects([ok('甲'), ok('甲')])]), `'${S}'!B3`],
  ['rate-mismatch', 'warning', () => workbook([INFO, projects([[null, '甲', 100, 0, 100, 100, 0.5]])]), `'${S}'!G2`],
  ['content-not-kept', 'warning', () => workbook([INFO, projects([ok('甲')])], { unkeptContent: [{ what: '图表', where: S }] }), null],
  ['unnamed-row', 'warning', () => workbook([INFO, projects([ok('甲'), [null, null, 5, 0, 5, 5]])]), `'${S}'!B3`],
  ['totals-from-projects', 'info', () => workbook([INFO, projects([ok('甲')])]), null],
  ['defaults-used', 'info', () => workbook([sheet('部门信息', [['金额单位', '万元']]), projects([ok('甲')])]), null],
  ['defaults-used', 'info', () => workbook([sheet('部门信息', [['执行率目标', 0.95], ['说明阈值', 0.9]]), projects([ok('甲')])]), `'${S}'!A1`],
  ['threshold-out-of-range', 'warning', () => workbook([sheet('部门信息', [['执行率目标', 120]]), projects([ok('甲')])]), '部门信息!B1'],
  ['explain-above-target', 'warning', () => workbook([sheet('部门信息', [['执行率目标', 0.8], ['说明阈值', 0.9]]), projects([ok('甲')])]), '部门信息!B2'],
  ['score-sheet-ignored', 'warning', () => workbook([INFO, projects([ok('甲')]), sheet('评分设置 (2)', [['指标']]), sheet('评分设置', [['指标']])]), "'评分设置 (2)'!A1"],
];

describe.each(CASES)('%s', (code, severity, build, cell) => {
  const found = (lang: Lang): Finding[] => runPipeline(build(), options({ lang })).findings.filter((f) => f.code === code);

  it(`is a${severity === 'error' ? 'n' : ''} ${severity} at ${cell ?? 'the workbook'}`, () => {
    const zh = found('zh');
    expect(zh.length).toBeGreaterThanOrEqual(1);
    expect(zh[0]).toMatchObject({ code, severity, cell });
  });

  it('has a message in each language', () => {
    const [zh, en] = [found('zh')[0], found('en')[0]];
    expect(zh.message.trim()).not.toBe('');
    expect(en.message.trim()).not.toBe('');
    expect(zh.message).not.toBe(en.message);
    expect(zh.message).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('the catalogue', () => {
  it('has messages in both languages for every code', () => {
    for (const [code, severity] of CASES) {
      const zh = makeFinding(code, null, 'zh', { name: 'X', column: 'C', text: 't', value: 1 });
      const en = makeFinding(code, null, 'en', { name: 'X', column: 'C', text: 't', value: 1 });
      expect(zh.severity).toBe(severity);
      expect(en.severity).toBe(severity);
      expect(zh.message).not.toBe(en.message);
    }
  });

  it('lists errors, then warnings, then info, each in the order found', () => {
    const f = (code: FindingCode, cell: string) => makeFinding(code, cell, 'en');
    const list = [f('defaults-used', '1'), f('over-budget', '2'), f('not-a-number', '3'), f('zero-budget', '4'), f('error-value', '5')];
    expect(sortFindings(list).map((x) => x.cell)).toEqual(['3', '5', '2', '4', '1']);
    expect(hasErrors(list)).toBe(true);
    expect(hasErrors(list.filter((x) => x.severity !== 'error'))).toBe(false);
  });

  it('lists all the errors at once', () => {
    const result = runPipeline(
      workbook([INFO, projects([[null, '甲', 'abc', 0, 100, 100], [null, '乙', 100, 0, 100, err('#REF!')], [null, '丙', 100, 0, 100, -3], ok('丁')])]),
      options(),
    );
    expect(result.ok).toBe(false);
    expect(result.findings.filter((x) => x.severity === 'error').map((x) => [x.code, x.cell])).toEqual([
      ['not-a-number', `'${S}'!C2`],
      ['error-value', `'${S}'!F3`],
      ['negative-amount', `'${S}'!F4`],
    ]);
  });
});

describe('names in findings', () => {
  it('drop a project’s leading system code, as the rest of the report does (the cell still leads to it)', () => {
    const f = makeFinding('over-budget', '项目!B3', 'zh', { name: '51000023R000000012345-农村人居环境整治项目', actual: '12', budget: '10' });
    expect(f.message).toBe('“农村人居环境整治项目”实际支出 12 万元超过预算 10 万元。');
    expect(f.params.name).toBe('农村人居环境整治项目');
    const i = makeFinding('indicator-below-rule', '表!G9', 'en', { project: '219-池州市项目', name: '验收合格率', score: '8', rule: '9' });
    expect(i.message).toBe('"池州市项目", indicator "验收合格率": the score given, 8, is below the rule\'s 9.');
    // Not a code: kept.
    expect(makeFinding('over-budget', null, 'zh', { name: 'COVID-19防控经费', actual: '1', budget: '0' }).message).toContain('COVID-19防控经费');
  });
});
