// The clerk's settings, validated once: the lists of choices and the bound of a threshold, for the stored
// settings of both hosts, the pane's form and the command's flags. (Hand-written rather than a schema
// library: five fields, and the pane's start-up chunk stays as it is.)
import type { Basis, Lang, NumberStyle } from './model';

export const BASES: readonly Basis[] = ['adjusted', 'initial', 'adjusted-plus-carryover'];
export const LANGS: readonly Lang[] = ['zh', 'en'];
export const STYLES: readonly NumberStyle[] = ['trim', 'fixed'];

/** A target or explain-below threshold, as a fraction: above 0, at most 100%. */
export function isThreshold(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 && value <= 1;
}

/** The settings as stored: every field optional. */
export interface StoredSettings {
  target?: number;
  explainBelow?: number;
  basis?: Basis;
  lang?: Lang;
  style?: NumberStyle;
}

const oneOf = <T extends string>(list: readonly T[], value: unknown): value is T => list.includes(value as T);

/**
 * Whatever was stored (an object, or its JSON) → the fields that make sense; anything else is dropped, never
 * trusted (a document's settings and a browser's storage may hold anything).
 */
export function readStoredSettings(stored: unknown): StoredSettings {
  let value = stored;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value) as unknown;
    } catch {
      return {};
    }
  }
  if (!value || typeof value !== 'object') return {};
  const v = value as Record<string, unknown>;
  const out: StoredSettings = {};
  if (isThreshold(v.target)) out.target = v.target;
  if (isThreshold(v.explainBelow)) out.explainBelow = v.explainBelow;
  if (oneOf(BASES, v.basis)) out.basis = v.basis;
  if (oneOf(LANGS, v.lang)) out.lang = v.lang;
  if (oneOf(STYLES, v.style)) out.style = v.style;
  return out;
}
