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

export interface FieldRule<T> {
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

/** A value not taken, where it was and what was expected. */
export interface FieldProblem<F extends string> {
  /** `target` (stored), `--target` (a flag) or `部门信息!B5` (a cell): whatever the caller's `pathOf` says. */
  path: string;
  field: F;
  value: unknown;
  expected: Record<Lang, string>;
}
export type SettingsProblem = FieldProblem<SettingsField>;

/**
 * Field by field: each given field (not undefined) that passes its rule is taken; each that does not is a
 * problem at its path, all of them at once. Fields the schema does not know are ignored.
 */
export function validateFields<F extends string, T extends Partial<Record<F, unknown>>>(
  schema: Record<F, FieldRule<unknown>>,
  input: Partial<Record<F, unknown>>,
  pathOf: (field: F) => string = (field) => field,
): { values: T; problems: FieldProblem<F>[] } {
  const values: Partial<Record<F, unknown>> = {};
  const problems: FieldProblem<F>[] = [];
  for (const field of Object.keys(schema) as F[]) {
    const value = input[field];
    if (value === undefined) continue;
    const rule = schema[field];
    if (rule.is(value)) values[field] = value;
    else problems.push({ path: pathOf(field), field, value, expected: rule.expected });
  }
  return { values: values as T, problems };
}

/** The clerk's settings (stored, flags, the workbook's 部门信息 cells) through SETTINGS_SCHEMA. */
export function validateSettings(
  input: Partial<Record<SettingsField, unknown>>,
  pathOf?: (field: SettingsField) => string,
): { settings: StoredSettings; problems: SettingsProblem[] } {
  const { values, problems } = validateFields<SettingsField, StoredSettings>(SETTINGS_SCHEMA, input, pathOf);
  return { settings: values, problems };
}

/** Hundredths of a percent: rates are compared as displayed, so a bound or step is a whole number of them. */
const wholeBasisPoints = (v: number) => Math.abs(v * 10000 - Math.round(v * 10000)) < 1e-6 && Math.round(v * 10000) >= 1;
const numberWhere = (ok: (v: number) => boolean) => (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && ok(value);

/** `points`: an indicator group's default points; `edge`: a qualitative band's lower edge; `excess`: the far-above share. */
export type ScoreParamField = 'step' | 'penalty' | 'share' | 'bound' | 'grade' | 'points' | 'edge' | 'excess';

/** The most points an indicator group may carry in 评分设置 (scoreSheet.ts MAX_POINTS). */
const MAX_INDICATOR_POINTS = 1000;

/**
 * The 评分设置 sheet's 评分参数 values, by the same kind of rule (the path is the cell, the problem a
 * `score-setting` finding there). A penalty share is bounded like a threshold: above 0, at most 100%.
 */
export const SCORE_PARAM_SCHEMA: Record<ScoreParamField, FieldRule<number>> = {
  step: {
    is: numberWhere((v) => v > 0 && v <= 1 && wholeBasisPoints(v)),
    expected: { zh: '0.01 至 100 之间的百分点数（如 5、5% 或 0.05）', en: 'percentage points from 0.01 to 100 (5, 5% or 0.05)' },
  },
  penalty: { is: isThreshold, expected: { zh: '大于 0、不超过 100% 的比例（如 10%、0.1 或 10）', en: 'a share above 0, at most 100% (10%, 0.1 or 10)' } },
  share: { is: numberWhere((v) => v >= 0 && v <= 1), expected: { zh: '0 至 100% 之间的比例（如 75%、0.75 或 75）', en: 'a share from 0 to 100% (75%, 0.75 or 75)' } },
  bound: { is: numberWhere(wholeBasisPoints), expected: { zh: '大于 0 的百分比，最多两位小数（如 10%、0.1 或 10）', en: 'a percent above 0, at most 2 decimals (10%, 0.1 or 10)' } },
  grade: { is: numberWhere((v) => v > 0 && v <= 100), expected: { zh: '0 至 100 之间的分数（如 90）', en: 'points from 0 to 100 (90)' } },
  points: {
    is: numberWhere((v) => v >= 0 && v <= MAX_INDICATOR_POINTS),
    expected: { zh: `0 至 ${MAX_INDICATOR_POINTS} 之间的分数（如 50）`, en: `points from 0 to ${MAX_INDICATOR_POINTS} (50)` },
  },
  edge: { is: isThreshold, expected: { zh: '大于 0、不超过 100% 的比例（如 80%、0.8 或 80）', en: 'a share above 0, at most 100% (80%, 0.8 or 80)' } },
  excess: { is: numberWhere((v) => v > 0 && v <= 10), expected: { zh: '大于 0、不超过 1000% 的比例（如 50%、0.5 或 50）', en: 'a share above 0, at most 1000% (50%, 0.5 or 50)' } },
};

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
