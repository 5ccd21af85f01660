// Where the browser page remembers its settings (Web Storage), apart from the .xlsx gateway so that the page
// can keep them without loading ExcelJS (the gateway itself runs in a Web Worker, which has no localStorage).
import { readStoredSettings } from '../../core/settings';
import type { Settings } from '../host';

/** The part of Web Storage the host keeps its settings in (localStorage in the page). */
// Spelled out rather than Pick<Storage, …>: this gateway also compiles for Node (the command), without DOM types.
export interface SettingsStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** The localStorage key of the browser page's settings (JSON of Settings). */
export const FILE_SETTINGS_KEY = 'budget-eval.settings';

/** What was stored → the settings that make sense; anything else is dropped, never trusted. */
export function parseStoredSettings(text: string | null): Partial<Settings> {
  return readStoredSettings(text);
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
