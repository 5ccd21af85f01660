// The settings form's rules, free of React: reading a percent the clerk typed, and taking stored settings
// (which come from the document, so may be anything) into a well-formed Settings.
import { foldWidth, formatRate } from '../../../core/numbers';
import { isThreshold, readStoredSettings } from '../../../core/settings';
import { DEFAULT_SETTINGS, type Settings } from '../../../gateways/host';

export type PercentKey = 'target' | 'explainBelow';

/** `''` → unset (the workbook's own value); `95`, `92.5`, `95%`, `９５` → 0.95…; anything else, or outside (0, 100], → invalid. */
export function parsePercent(text: string): { ok: true; value: number | undefined } | { ok: false } {
  const folded = foldWidth(text).trim().replace(/\s*%$/, '');
  if (folded === '') return text.trim() === '' ? { ok: true, value: undefined } : { ok: false };
  if (!/^(\d+(\.\d*)?|\.\d+)$/.test(folded)) return { ok: false };
  const percent = Number(folded);
  if (!isThreshold(percent / 100)) return { ok: false };
  return { ok: true, value: percent / 100 };
}

/** 0.95 → `95`, 0.925 → `92.5`, unset → `''`: what the input shows for a stored fraction. */
export function percentText(fraction: number | undefined): string {
  return fraction === undefined ? '' : formatRate(fraction, 'trim').replace(/%$/, '');
}

/** Stored settings over the defaults; a value of the wrong kind is dropped rather than trusted. */
export function mergeSettings(stored: Partial<Settings> | null | undefined): Settings {
  const s = readStoredSettings(stored);
  const merged: Settings = { basis: s.basis ?? DEFAULT_SETTINGS.basis, lang: s.lang ?? DEFAULT_SETTINGS.lang, style: s.style ?? DEFAULT_SETTINGS.style };
  if (s.target !== undefined) merged.target = s.target;
  if (s.explainBelow !== undefined) merged.explainBelow = s.explainBelow;
  return merged;
}

/** The settings with one percent set, or taken out when unset (so nothing stores `undefined`). */
export function withPercent(settings: Settings, key: PercentKey, value: number | undefined): Settings {
  const next: Settings = { ...settings };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next;
}
