// One rule for the clerk's settings, wherever they come from: the document (Excel), the browser's storage, the
// pane's form and the command's flags agree on what a threshold may be and which choices exist.
import { runPipeline } from '../../src/core/pipeline';
import { BASES, explainBelowInEffect, isThreshold, LANGS, readStoredSettings, SCORE_PARAM_SCHEMA, STYLES, validateSettings } from '../../src/core/settings';
import { parseSettings } from '../../src/gateways/office/excelHost';
import { parseStoredSettings } from '../../src/gateways/xlsx/fileSettings';
import { mergeSettings, parsePercent } from '../../src/taskpane/components/Settings/settingsForm';
import { main } from '../../src/cli/main';
import { only, options, projectSheet, sheet, workbook } from './snapshot';

const stored = (target: number) => ({ target, explainBelow: target, basis: 'initial', lang: 'en', style: 'fixed' });

describe('a threshold is above 0 and at most 100%, in every host', () => {
  it.each([
    [0.95, true],
    [1, true],
    [0.0001, true],
    [0, false],
    [1.2, false],
    [-0.5, false],
    [Number.NaN, false],
    [Number.POSITIVE_INFINITY, false],
  ])('%p → kept: %p', (value, kept) => {
    expect(isThreshold(value)).toBe(kept);
    const expected = kept ? { target: value, explainBelow: value } : {};
    // A stored 1.2 once passed Excel's reading (up to 1.5) and was dropped by the pane's (up to 1).
    expect(parseSettings(stored(value))).toEqual({ ...expected, basis: 'initial', lang: 'en', style: 'fixed' });
    expect(parseStoredSettings(JSON.stringify(stored(value)))).toEqual(parseSettings(stored(value)));
    const merged = mergeSettings(stored(value) as never);
    expect(merged.target).toBe(kept ? value : undefined);
    expect(merged.explainBelow).toBe(kept ? value : undefined);
  });

  it('the form and the command read a typed percent by the same bound', async () => {
    for (const [text, ok] of [['95', true], ['100', true], ['0', false], ['100.5', false]] as const) {
      expect(parsePercent(text).ok).toBe(ok);
      const err: string[] = [];
      const code = await main(['--target', text, '--json'], { out: () => undefined, err: (l) => err.push(l), cwd: process.cwd(), now: () => new Date(2026, 10, 29) });
      expect(code === 2 && err.some((l) => l.includes('--target'))).toBe(!ok);
    }
  });

  it('the choices are one list each, and nothing else is taken from storage', () => {
    expect(BASES).toEqual(['adjusted', 'initial', 'adjusted-plus-carryover']);
    expect(LANGS).toEqual(['zh', 'en']);
    expect(STYLES).toEqual(['trim', 'fixed']);
    expect(readStoredSettings({ basis: 'carryover', lang: 'fr', style: 'round', extra: 1 })).toEqual({});
    expect(readStoredSettings('{not json')).toEqual({});
    expect(readStoredSettings(null)).toEqual({});
  });
});

describe('one schema, problems with their path', () => {
  it('validates field by field and returns every problem at once, at its path', () => {
    const { settings, problems } = validateSettings({ target: 1.2, explainBelow: 0, basis: 'carryover', lang: 'en', style: 'fixed' }, (f) => `--${f}`);
    expect(settings).toEqual({ lang: 'en', style: 'fixed' });
    expect(problems.map((p) => [p.path, p.field, p.value])).toEqual([
      ['--target', 'target', 1.2],
      ['--explainBelow', 'explainBelow', 0],
      ['--basis', 'basis', 'carryover'],
    ]);
    expect(problems[0].expected.zh).toMatch(/100%/);
    expect(problems[2].expected.en).toBe(BASES.join(' | '));
  });

  it('the command says every bad flag at once, each by its name', async () => {
    const err: string[] = [];
    const code = await main(['--target', '120', '--explain-below', 'x', '--basis', 'carryover', '--style', 'round', '--json'], { out: () => undefined, err: (l) => err.push(l), cwd: process.cwd(), now: () => new Date(2026, 10, 29) });
    expect(code).toBe(2);
    const text = err.join('\n');
    for (const flag of ['--target', '--explain-below', '--basis', '--style']) expect(text).toContain(`${flag}: expected`);
  });

  it('a workbook threshold outside (0, 100%] is said at its cell, all at once, and not used', () => {
    const info = sheet('部门信息', [['执行率目标', '120%'], ['说明阈值', -5]]);
    const result = runPipeline(workbook([info, projectSheet('项目支出', [['甲', 100, 0, 100, 100]])]), options());
    const found = only(result.findings, 'threshold-out-of-range');
    expect(found.map((f) => [f.cell, f.severity])).toEqual([
      ['部门信息!B1', 'warning'],
      ['部门信息!B2', 'warning'],
    ]);
    expect(found[0].message).toBe('“执行率目标”为“120%”，应为大于 0、不超过 100% 的百分比：未使用，按设置或默认值。');
    expect(result.ok && [result.evaluation.department.target, result.evaluation.department.explainBelow]).toEqual([0.95, 0.9]);
    const en = runPipeline(workbook([info, projectSheet('项目支出', [['甲', 100, 0, 100, 100]])]), options({ lang: 'en' }));
    expect(only(en.findings, 'threshold-out-of-range')[1].message).toBe('"说明阈值" is "-5"; it should be a percent above 0, at most 100%: not used (the setting or the default applies).');
  });
});

describe('explain-below above the target: a warning, and taken as the target, in every host', () => {
  // 85% is under both: with explain-below 90% taken as it is, 甲 would need a reason though the target is 80%.
  const book = (info: [string, number][]) => workbook([sheet('部门信息', info), projectSheet('项目支出', [['甲', 100, 0, 100, 85]])]);

  it('from the workbook’s cells: at the 说明阈值 cell', () => {
    const result = runPipeline(book([['执行率目标', 0.8], ['说明阈值', 0.9]]), options());
    if (!result.ok) throw new Error('refused');
    const [found] = only(result.findings, 'explain-above-target');
    expect(found).toMatchObject({ cell: '部门信息!B2', severity: 'warning' });
    expect(found.message).toBe('说明阈值 90.00%（部门信息!B2）高于执行率目标 80.00%（部门信息!B1）：按执行率目标 80.00% 作为说明阈值。');
    expect(result.evaluation.department.explainBelow).toBe(0.8);
    expect(result.evaluation.department.thresholdCells).toEqual({ target: '部门信息!B1', explainBelow: '部门信息!B1' });
    expect(only(result.findings, 'needs-explanation')).toEqual([]);
  });

  it('from the settings (pane, stored settings, flags): at the workbook, naming the settings', () => {
    const result = runPipeline(book([]), options({ lang: 'en', target: 0.8, explainBelow: 0.9 }));
    if (!result.ok) throw new Error('refused');
    const [found] = only(result.findings, 'explain-above-target');
    expect(found.cell).toBeNull();
    expect(found.message).toBe('The explain-below threshold 90.00% (the settings) is above the target 80.00% (the settings): the target 80.00% is used as the explain-below threshold.');
    expect(result.evaluation.department.explainBelow).toBe(0.8);
    // A stored setting and the pane's form keep both values; the pipeline applies the rule for every host.
    expect(readStoredSettings({ target: 0.8, explainBelow: 0.9 })).toEqual({ target: 0.8, explainBelow: 0.9 });
  });

  it('a setting over the workbook’s target: at the 说明阈值 cell, naming the settings for the target', () => {
    const result = runPipeline(book([['说明阈值', 0.9]]), options({ target: 0.8 }));
    const [found] = only(result.findings, 'explain-above-target');
    expect(found.cell).toBe('部门信息!B1');
    expect(found.message).toContain('执行率目标 80.00%（设置）');
  });

  it('the command’s flags: a warning on stderr and in the JSON, the target taken', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(['--target', '80', '--explain-below', '90', '--json'], { out: (l) => out.push(l), err: (l) => err.push(l), cwd: process.cwd(), now: () => new Date(2026, 10, 29) });
    expect(code).toBe(0);
    const json = JSON.parse(out.join('\n')) as { department: { explainBelow: number }; findings: { code: string }[] };
    expect(json.department.explainBelow).toBe(0.8);
    expect(json.findings.map((f) => f.code)).toContain('explain-above-target');
  });

  it('equal thresholds, or explain-below above only beyond what is displayed, are no problem', () => {
    expect(explainBelowInEffect(0.8, 0.8)).toEqual({ explainBelow: 0.8, lowered: false });
    expect(explainBelowInEffect(0.8, 0.800001)).toEqual({ explainBelow: 0.800001, lowered: false });
    expect(explainBelowInEffect(0.8, 0.8001)).toEqual({ explainBelow: 0.8, lowered: true });
  });
});

describe('the 评分设置 cells through the same kind of rule', () => {
  it('every bad parameter cell is a score-setting finding at its cell, all at once; a penalty share is bounded like a threshold', () => {
    for (const v of [0.95, 1, 0, 1.2, -0.5, Number.NaN]) expect(SCORE_PARAM_SCHEMA.penalty.is(v)).toBe(isThreshold(v));
    const scoring = sheet('评分设置', [['指标', '分值', '类型', '得分'], ['预算完成率', 100, '预算完成率'], [], ['评分参数', '值'], ['预算完成率每档扣分比例', 0], ['等级“优”最低分', 120], ['预算调整率第1档得分比例', 'abc']]);
    const result = runPipeline(workbook([scoring, projectSheet('项目支出', [['甲', 100, 0, 100, 100]])]), options());
    expect(only(result.findings, 'score-setting').map((f) => f.cell)).toEqual(['评分设置!B5', '评分设置!B6', '评分设置!B7']);
    expect(only(result.findings, 'score-setting')[0].message).toContain(SCORE_PARAM_SCHEMA.penalty.expected.zh);
  });
});
