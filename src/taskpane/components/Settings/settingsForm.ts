// The settings form's rules, free of React: reading a percent the clerk typed, and taking stored settings
// (which come from the document, so may be anything) into a well-formed Settings.
import type { Basis, Lang, NumberStyle } from '../../../core/model';
import { foldWidth, formatRate } from '../../../core/numbers';
import { DEFAULT_SETTINGS, type Settings } from '../../../gateways/host';

export type PercentKey = 'target' | 'explainBelow';

/** `''` → unset (the workbook's own value); `95`, `92.5`, `95%`, `９５` → 0.95…; anything else, or outside 0–100, → invalid. */
export function parsePercent(text: string): { ok: true; value: number | undefined } | { ok: false } {
  const folded = foldWidth(text).trim().replace(/\s*%$/, '');
  if (folded === '') return text.trim() === '' ? { ok: true, value: undefined } : { ok: false };
  if (!/^(\d+(\.\d*)?|\.\d+)$/.test(folded)) return { ok: false };
  const percent = Number(folded);
  if (!Number.isFinite(percent) || percent < 0 || percent > 100) return { ok: false };
  return { ok: true, value: percent / 100 };
}

/** 0.95 → `95`, 0.925 → `92.5`, unset → `''`: what the input shows for a stored fraction. */
export function percentText(fraction: number | undefined): string {
  return fraction === undefined ? '' : formatRate(fraction, 'trim').replace(/%$/, '');
}

const BASES: readonly Basis[] = ['adjusted', 'initial', 'adjusted-plus-carryover'];
const LANGS: readonly Lang[] = ['zh', 'en'];
const STYLES: readonly NumberStyle[] = ['trim', 'fixed'];

const isFraction = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 1;
const oneOf = <T extends string>(list: readonly T[], value: unknown, fallback: T): T => (list.includes(value as T) ? (value as T) : fallback);

/** Stored settings over the defaults; a value of the wrong kind is dropped rather than trusted. */
export function mergeSettings(stored: Partial<Settings> | null | undefined): Settings {
  const s: Partial<Record<keyof Settings, unknown>> = stored ?? {};
  const merged: Settings = {
    basis: oneOf(BASES, s.basis, DEFAULT_SETTINGS.basis),
    lang: oneOf(LANGS, s.lang, DEFAULT_SETTINGS.lang),
    style: oneOf(STYLES, s.style, DEFAULT_SETTINGS.style),
  };
  if (isFraction(s.target)) merged.target = s.target;
  if (isFraction(s.explainBelow)) merged.explainBelow = s.explainBelow;
  return merged;
}

/** The settings with one percent set, or taken out when unset (so nothing stores `undefined`). */
export function withPercent(settings: Settings, key: PercentKey, value: number | undefined): Settings {
  const next: Settings = { ...settings };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next;
}
