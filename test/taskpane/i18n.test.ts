import { HostError, type HostErrorCode } from '../../src/gateways/host';
import { describeError, STRINGS, uiLanguage } from '../../src/taskpane/i18n';
import { themeFromBackground } from '../../src/taskpane/theme';

/** Every leaf of a strings object by its path; functions are called with sample arguments. */
function leaves(value: unknown, path = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === 'string') out.set(path, value);
  else if (typeof value === 'function') out.set(path, String((value as (...args: unknown[]) => unknown)('X', 1, 'Y')));
  else if (typeof value === 'object' && value !== null) {
    for (const [key, child] of Object.entries(value)) for (const [p, s] of leaves(child, path ? `${path}.${key}` : key)) out.set(p, s);
  } else out.set(path, `<${typeof value}>`);
  return out;
}

describe('the UI strings', () => {
  const zh = leaves(STRINGS.zh);
  const en = leaves(STRINGS.en);

  it('have the same keys in Chinese and English', () => {
    expect([...en.keys()].sort()).toEqual([...zh.keys()].sort());
    expect(zh.size).toBeGreaterThan(50);
  });

  it.each(['zh', 'en'] as const)('has no empty string in %s', (lang) => {
    const empty = [...leaves(STRINGS[lang])].filter(([, text]) => text.trim() === '' || text.includes('undefined')).map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it('has an explanation for every host error code, in both languages', () => {
    const codes: HostErrorCode[] = ['protected', 'cell-edit', 'too-large', 'item-exists', 'not-found', 'unsupported', 'busy', 'limit', 'unknown'];
    for (const lang of ['zh', 'en'] as const) expect(Object.keys(STRINGS[lang].hostError).sort()).toEqual([...codes].sort());
  });

  it('names the main button as the issue asks', () => {
    expect(STRINGS.zh.generate).toBe('生成自评报告');
    expect(STRINGS.en.generate).toBe('Generate evaluation');
  });
});

describe('uiLanguage', () => {
  it('is Chinese for any zh display language and English otherwise', () => {
    expect(['zh-CN', 'zh-TW', 'zh', 'ZH-cn', 'zh_CN'].map(uiLanguage)).toEqual(['zh', 'zh', 'zh', 'zh', 'zh']);
    expect(['en-US', 'fr-FR', 'zu', '', undefined, null].map(uiLanguage)).toEqual(['en', 'en', 'en', 'en', 'en', 'en']);
  });
});

describe('describeError', () => {
  it('explains a HostError by its code, with the host’s words as the detail', () => {
    expect(describeError(STRINGS.zh, new HostError('cell-edit', 'InvalidOperationInCellEditMode'))).toEqual({
      message: 'Excel 正处于单元格编辑状态：请按 Enter 或 Esc 退出编辑后再试。',
      detail: 'InvalidOperationInCellEditMode',
    });
    expect(describeError(STRINGS.zh, new HostError('protected', '')).message).toBe('工作表或工作簿受保护：请在“审阅”选项卡中撤销保护后再试。“导出 Word”不改动工作簿，受保护时也可使用。');
    expect(describeError(STRINGS.en, new HostError('busy', 'throttled')).message).toMatch(/busy/);
  });

  it('treats anything else as unknown, keeping its message', () => {
    expect(describeError(STRINGS.en, new TypeError('x is undefined'))).toEqual({ message: STRINGS.en.hostError.unknown, detail: 'x is undefined' });
    expect(describeError(STRINGS.zh, 42)).toEqual({ message: STRINGS.zh.hostError.unknown, detail: null });
  });
});

describe('themeFromBackground', () => {
  it('is dark on a dark Office background and light otherwise', () => {
    expect(themeFromBackground('#262626')).toBe('dark');
    expect(themeFromBackground('#000')).toBe('dark');
    expect(themeFromBackground('#FFFFFF')).toBe('light');
    expect(themeFromBackground('#e6e6e6')).toBe('light');
    expect(themeFromBackground(undefined)).toBe('light');
    expect(themeFromBackground('not a colour')).toBe('light');
  });
});
