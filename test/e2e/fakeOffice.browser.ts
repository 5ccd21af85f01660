// The fake Excel (test/fakes/excel) as the page's office.js: bundled into one IIFE by harness.ts (esbuild)
// and served in place of Microsoft's CDN script. It reads the workbook from `window.__fakeExcelConfig` (set
// by the same script, before this code) and leaves a small, JSON-friendly handle on `window.__fakeExcel` for
// the test to read what the pane did.
import { formatRect } from '../fakes/excel/address';
import { installFakeOffice, type FakeOfficeOptions } from '../fakes/excel/office';
import { createFakeWorkbook, findSheet, sheetValues, type FakeInitValue, type FakeWorkbookInit } from '../fakes/excel/state';

export interface FakeExcelConfig {
  /** The workbook; dates travel as `{ __date: ISO string }`. */
  workbook: FakeWorkbookInit;
  options: FakeOfficeOptions;
}

export interface FakeExcelHandle {
  syncs(): number;
  maxRequestBytes(): number;
  sheetNames(): string[];
  activeSheet(): string | null;
  /** The live conditional formats of a sheet. */
  rules(sheet: string): { type: string; formula: string | null; areas: string[] }[];
  values(sheet: string): unknown[][];
  /** The clerk types into a cell (`项目支出!F5`): raises the change event the pane listens for. */
  editCell(reference: string, value: string | number | boolean | null): Promise<void>;
  /** Change handlers the pane has registered and not removed. */
  changeHandlers(): number;
}

type Revivable = FakeInitValue | { __date: string };

const win = window as unknown as { __fakeExcelConfig?: FakeExcelConfig; __fakeExcel?: FakeExcelHandle };
const config = win.__fakeExcelConfig;
if (!config) throw new Error('fake office.js: window.__fakeExcelConfig is missing');

const revive = (value: Revivable): FakeInitValue =>
  value !== null && typeof value === 'object' && '__date' in value ? new Date(value.__date) : (value as FakeInitValue);
const init: FakeWorkbookInit = {
  ...config.workbook,
  // JSON turns the holes of sparse rows into null: empty rows again.
  sheets: config.workbook.sheets.map((sheet) => ({ ...sheet, values: sheet.values?.map((row) => (row ?? []).map((v) => revive(v as Revivable))) })),
};
const state = createFakeWorkbook(init);
const fake = installFakeOffice(window as unknown as typeof globalThis, state, config.options);

win.__fakeExcel = {
  syncs: () => fake.stats.syncs,
  maxRequestBytes: () => fake.stats.maxRequestBytes,
  sheetNames: () => state.sheets.filter((s) => !s.deleted).map((s) => s.name),
  activeSheet: () => state.sheets.find((s) => s.id === state.activeSheetId)?.name ?? null,
  rules: (sheet) =>
    (findSheet(state, sheet)?.conditionalFormats ?? [])
      .filter((cf) => !cf.deleted)
      .map((cf) => ({ type: cf.type, formula: cf.formula ?? null, areas: cf.areas.map((a) => formatRect(a)) })),
  values: (sheet) => sheetValues(state, sheet),
  editCell: (reference, value) => fake.editCell(reference, value),
  changeHandlers: () => fake.changeHandlers,
};
