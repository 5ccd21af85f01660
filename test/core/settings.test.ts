// One rule for the clerk's settings, wherever they come from: the document (Excel), the browser's storage, the
// pane's form and the command's flags agree on what a threshold may be and which choices exist.
import { BASES, isThreshold, LANGS, readStoredSettings, STYLES } from '../../src/core/settings';
import { parseSettings } from '../../src/gateways/office/excelHost';
import { parseStoredSettings } from '../../src/gateways/xlsx/fileSettings';
import { mergeSettings, parsePercent } from '../../src/taskpane/components/Settings/settingsForm';
import { main } from '../../src/cli/main';

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
