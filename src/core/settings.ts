// The clerk's settings, validated once: one schema (field → rule), for the stored settings of both hosts, the
// pane's form, the command's flags and the workbook's 部门信息 cells; each problem comes back with its path (a
// stored field `target`, a flag `--target`, a cell `部门信息!B5`), so each host says it where the clerk looks.
// Hand-written rather than zod or valibot: five fields and one cross-field rule; a library would add a
// dependency to the pane's start-up chunk and to the command's production install for less than this file
// (see docs/ARCHITECTURE.md, "One settings schema").
import type { Basis, Lang, NumberStyle } from './model';
import { displayedRate } from './numbers';

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

export type SettingsField = keyof StoredSettings;

const oneOf = <T extends string>(list: readonly T[], value: unknown): value is T => list.includes(value as T);

interface FieldRule<T> {
  is: (value: unknown) => value is T;
  /** What the field takes, in words, for the message that names the path. */
  expected: Record<Lang, string>;
}

const THRESHOLD: FieldRule<number> = { is: isThreshold, expected: { zh: '大于 0、不超过 100% 的百分比', en: 'a percent above 0, at most 100%' } };
const choice = <T extends string>(list: readonly T[]): FieldRule<T> => ({
  is: (value): value is T => oneOf(list, value),
  expected: { zh: list.join(' | '), en: list.join(' | ') },
});

/** The one schema: each field's rule. */
export const SETTINGS_SCHEMA: { [K in SettingsField]-?: FieldRule<NonNullable<StoredSettings[K]>> } = {
  target: THRESHOLD,
  explainBelow: THRESHOLD,
  basis: choice(BASES),
  lang: choice(LANGS),
  style: choice(STYLES),
};

const FIELDS = Object.keys(SETTINGS_SCHEMA) as SettingsField[];

/** A value not taken, where it was and what was expected. */
export interface SettingsProblem {
  /** `target` (stored), `--target` (a flag) or `部门信息!B5` (a cell): whatever the caller's `pathOf` says. */
  path: string;
  field: SettingsField;
  value: unknown;
  expected: Record<Lang, string>;
}

/**
 * Field by field: each given field (not undefined) that passes its rule is taken; each that does not is a
 * problem at its path, all of them at once. Fields the schema does not know are ignored.
 */
export function validateSettings(
  input: Partial<Record<SettingsField, unknown>>,
  pathOf: (field: SettingsField) => string = (field) => field,
): { settings: StoredSettings; problems: SettingsProblem[] } {
  const settings: Record<string, unknown> = {};
  const problems: SettingsProblem[] = [];
  for (const field of FIELDS) {
    const value = input[field];
    if (value === undefined) continue;
    const rule = SETTINGS_SCHEMA[field] as FieldRule<unknown>;
    if (rule.is(value)) settings[field] = value;
    else problems.push({ path: pathOf(field), field, value, expected: rule.expected });
  }
  return { settings: settings as StoredSettings, problems };
}

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
  return validateSettings(value as Record<string, unknown>).settings;
}

/**
 * Explain-below above the target (as displayed) would ask a reason of projects that are on target: the target
 * is taken for it. One rule for every host, applied where the thresholds in effect meet (evaluate).
 */
export function explainBelowInEffect(target: number, explainBelow: number): { explainBelow: number; lowered: boolean } {
  return displayedRate(explainBelow) > displayedRate(target) ? { explainBelow: target, lowered: true } : { explainBelow, lowered: false };
}
