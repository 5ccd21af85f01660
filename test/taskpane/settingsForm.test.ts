import { DEFAULT_SETTINGS } from '../../src/gateways/host';
import { mergeSettings, parsePercent, percentText, withPercent } from '../../src/taskpane/components/Settings/settingsForm';

describe('parsePercent', () => {
  it('reads percents as fractions, empty as unset', () => {
    expect(parsePercent('95')).toEqual({ ok: true, value: 0.95 });
    expect(parsePercent(' 92.5 % ')).toEqual({ ok: true, value: 0.925 });
    expect(parsePercent('９５％')).toEqual({ ok: true, value: 0.95 });
    expect(parsePercent('100')).toEqual({ ok: true, value: 1 });
    expect(parsePercent('')).toEqual({ ok: true, value: undefined });
    expect(parsePercent('   ')).toEqual({ ok: true, value: undefined });
  });

  it('refuses what is not a number from 0 to 100', () => {
    for (const text of ['0', '0.0', '100.01', '120', '-5', 'abc', '9 5', '%', '1e2', '95,5']) expect(parsePercent(text)).toEqual({ ok: false });
  });
});

describe('percentText', () => {
  it('shows a fraction as the percent a clerk types', () => {
    expect(percentText(0.95)).toBe('95');
    expect(percentText(0.925)).toBe('92.5');
    expect(percentText(undefined)).toBe('');
  });
});

describe('mergeSettings', () => {
  it('puts stored values over the defaults', () => {
    expect(mergeSettings({})).toEqual(DEFAULT_SETTINGS);
    expect(mergeSettings({ target: 0.9, basis: 'initial', lang: 'en', style: 'fixed' })).toEqual({ target: 0.9, basis: 'initial', lang: 'en', style: 'fixed' });
  });

  it('drops stored values of the wrong kind', () => {
    const stored = { target: 95, explainBelow: 'x', basis: 'other', lang: 'fr', style: null } as unknown as Parameters<typeof mergeSettings>[0];
    expect(mergeSettings(stored)).toEqual(DEFAULT_SETTINGS);
    expect(mergeSettings(null)).toEqual(DEFAULT_SETTINGS);
  });
});

describe('withPercent', () => {
  it('sets a percent, or takes the key out when unset', () => {
    expect(withPercent(DEFAULT_SETTINGS, 'target', 0.9)).toEqual({ ...DEFAULT_SETTINGS, target: 0.9 });
    expect('target' in withPercent({ ...DEFAULT_SETTINGS, target: 0.9 }, 'target', undefined)).toBe(false);
  });
});
