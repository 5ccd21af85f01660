// Where the browser page remembers its settings (Web Storage), apart from the .xlsx gateway so that the page
// can keep them without loading ExcelJS (the gateway itself runs in a Web Worker, which has no localStorage).
import type { Basis, Lang, NumberStyle } from '../../core/model';
import type { Settings } from '../host';

/** The part of Web Storage the host keeps its settings in (localStorage in the page). */
// Spelled out rather than Pick<Storage, …>: this gateway also compiles for Node (the command), without DOM types.
export interface SettingsStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** The localStorage key of the browser page's settings (JSON of Settings). */
export const FILE_SETTINGS_KEY = 'budget-eval.settings';

const BASES: readonly Basis[] = ['adjusted', 'initial', 'adjusted-plus-carryover'];
const LANGS: readonly Lang[] = ['zh', 'en'];
const STYLES: readonly NumberStyle[] = ['trim', 'fixed'];

/** What was stored → the settings that make sense; anything else is dropped, never trusted. */
export function parseStoredSettings(text: string | null): Partial<Settings> {
  let value: unknown;
  try {
    value = text === null ? null : (JSON.parse(text) as unknown);
  } catch {
    return {};
  }
  if (!value || typeof value !== 'object') return {};
  const v = value as Record<string, unknown>;
  const out: Partial<Settings> = {};
  const fraction = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x) && x >= 0 && x <= 1;
  if (fraction(v.target)) out.target = v.target;
  if (fraction(v.explainBelow)) out.explainBelow = v.explainBelow;
  if (BASES.includes(v.basis as Basis)) out.basis = v.basis as Basis;
  if (LANGS.includes(v.lang as Lang)) out.lang = v.lang as Lang;
  if (STYLES.includes(v.style as NumberStyle)) out.style = v.style as NumberStyle;
  return out;
}

export function loadFileSettings(storage: SettingsStorage | null): Partial<Settings> {
  return parseStoredSettings(storage?.getItem(FILE_SETTINGS_KEY) ?? null);
}

export function saveFileSettings(storage: SettingsStorage | null, settings: Settings): void {
  if (!storage) return;
  const value: Partial<Settings> = { basis: settings.basis, lang: settings.lang, style: settings.style };
  if (settings.target !== undefined) value.target = settings.target;
  if (settings.explainBelow !== undefined) value.explainBelow = settings.explainBelow;
  storage.setItem(FILE_SETTINGS_KEY, JSON.stringify(value));
}
