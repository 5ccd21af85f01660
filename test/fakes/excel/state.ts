// The fake workbook's state: plain data that the fake object model reads and changes at `sync()`, and that
// tests build from plain values and inspect afterwards. No jest, no DOM, no Node: it also runs in a browser.
import { formatAddress, formatRect, parseRect, splitAreas, splitSheet, MAX_COLS, MAX_ROWS, type Rect } from './address';

export type FakeScalar = number | string | boolean;

export type BorderEdge = 'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight' | 'InsideVertical' | 'InsideHorizontal';

export interface FakeBorder {
  style: string;
  color: string;
  weight: string;
}

export interface FakeCell {
  /** What `range.values` returns: '' for an empty cell, the error string (`#DIV/0!`) for an error. */
  value: FakeScalar;
  /** `=…` when the cell holds a formula (its cached result is `value`). */
  formula?: string;
  numberFormat?: string;
  bold?: boolean;
  italic?: boolean;
  fontName?: string;
  fontSize?: number;
  fontColor?: string;
  fill?: string;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  wrapText?: boolean;
  borders?: Partial<Record<'top' | 'bottom' | 'left' | 'right', FakeBorder>>;
}

export interface FakeConditionalFormat {
  id: string;
  type: string;
  areas: Rect[];
  /** For custom rules: the formula as set (`=AND(…)`). */
  formula?: string;
  fill?: string | null;
  fontColor?: string | null;
  priority: number;
  deleted?: boolean;
}

export interface FakeSeries {
  name: string;
  values: { sheetId: string; rect: Rect } | null;
  xAxisValues: { sheetId: string; rect: Rect } | null;
  chartType?: string;
}

export interface FakeChart {
  id: string;
  name: string;
  chartType: string;
  seriesBy: string;
  source: { sheetId: string; rect: Rect };
  series: FakeSeries[];
  title: string | null;
  position: { start: Rect; end: Rect } | null;
  reversePlotOrder: boolean;
  deleted?: boolean;
}

export interface FakeSheet {
  id: string;
  name: string;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  /** rows[r][c]; holes are empty cells with no format. */
  rows: (FakeCell | undefined)[][];
  merges: Rect[];
  columnWidths: Map<number, number>;
  rowHeights: Map<number, number>;
  hiddenColumns: Set<number>;
  conditionalFormats: FakeConditionalFormat[];
  charts: FakeChart[];
  protected: boolean;
  showGridlines: boolean;
  frozenRows: number;
  pageLayout: Record<string, unknown>;
  selection: Rect | null;
  deleted?: boolean;
}

export type FakeNameTarget = { kind: 'range'; sheetId: string; rect: Rect } | { kind: 'error'; error: string } | { kind: 'constant'; value: FakeScalar };

export interface FakeName {
  name: string;
  target: FakeNameTarget;
  visible: boolean;
  comment: string;
  deleted?: boolean;
}

export interface FakeWorkbookState {
  sheets: FakeSheet[];
  names: FakeName[];
  activeSheetId: string | null;
  protected: boolean;
  /** Office.context.document.settings as saved with the document (after saveAsync). */
  settings: Record<string, unknown>;
  nextId: number;
}

// ---------------------------------------------------------------------------------------------------------
// Building a workbook from plain data

export type FakeInitValue = FakeScalar | null | undefined | Date | { error: string };

export interface FakeSheetInit {
  name: string;
  /** Values from `origin` (A1 by default); null / undefined are empty cells, `{ error }` an error value. */
  values?: FakeInitValue[][];
  origin?: string;
  /** Formulas by address (`{ D4: '=B4+C4' }`); the cell's value is its cached result. */
  formulas?: Record<string, string>;
  /** Number formats by address. */
  numberFormats?: Record<string, string>;
  /** Fills by address or range (`{ 'A4:J4': '#FFFF00' }`). */
  fills?: Record<string, string>;
  merges?: string[];
  /** Custom conditional formats: areas separated by spaces or commas (`A4:J10` or `A4:J6 A8:J9`). */
  conditionalFormats?: { range: string; formula: string; fill?: string }[];
  columnWidths?: Record<string, number>;
  protected?: boolean;
  visibility?: FakeSheet['visibility'];
}

export interface FakeWorkbookInit {
  sheets: FakeSheetInit[];
  /** Workbook-level names: `{ name: 'BudgetEval_Report_1', reference: "'绩效自评报告'!$A$1" }`. */
  names?: { name: string; reference: string }[];
  protected?: boolean;
  settings?: Record<string, unknown>;
  /** The active sheet's name; the first sheet by default. */
  active?: string;
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** A JavaScript date as the serial number `range.values` gives for it. */
export function dateSerial(date: Date): number {
  return (date.getTime() - EXCEL_EPOCH) / 86400000;
}

export function toScalar(value: FakeInitValue): FakeScalar {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return dateSerial(value);
  if (typeof value === 'object') return value.error;
  return value;
}

export function newId(state: FakeWorkbookState, prefix: string): string {
  state.nextId += 1;
  return `{${prefix}-${state.nextId}}`;
}

export function emptySheet(state: FakeWorkbookState, name: string): FakeSheet {
  return {
    id: newId(state, 'sheet'),
    name,
    visibility: 'Visible',
    rows: [],
    merges: [],
    columnWidths: new Map(),
    rowHeights: new Map(),
    hiddenColumns: new Set(),
    conditionalFormats: [],
    charts: [],
    protected: false,
    showGridlines: true,
    frozenRows: 0,
    pageLayout: {},
    selection: null,
  };
}

function rectOf(address: string): Rect {
  const rect = parseRect(address);
  if (!rect) throw new Error(`fake workbook: bad address ${address}`);
  return rect;
}

export function cellAt(sheet: FakeSheet, row: number, col: number, create: true): FakeCell;
export function cellAt(sheet: FakeSheet, row: number, col: number, create?: false): FakeCell | undefined;
export function cellAt(sheet: FakeSheet, row: number, col: number, create = false): FakeCell | undefined {
  let cells = sheet.rows[row];
  if (!cells) {
    if (!create) return undefined;
    cells = [];
    sheet.rows[row] = cells;
  }
  let cell = cells[col];
  if (!cell && create) {
    cell = { value: '' };
    cells[col] = cell;
  }
  return cell;
}

export function addConditionalFormat(state: FakeWorkbookState, sheet: FakeSheet, cf: Omit<FakeConditionalFormat, 'id' | 'priority'>): FakeConditionalFormat {
  // A new rule goes on top (priority 0), as Excel puts it.
  for (const other of sheet.conditionalFormats) other.priority += 1;
  const created: FakeConditionalFormat = { ...cf, id: newId(state, 'cf'), priority: 0 };
  sheet.conditionalFormats.unshift(created);
  return created;
}

/** Builds the state of a workbook from plain data, e.g. a snapshot read by the .xlsx gateway. */
export function createFakeWorkbook(init: FakeWorkbookInit): FakeWorkbookState {
  const state: FakeWorkbookState = { sheets: [], names: [], activeSheetId: null, protected: init.protected ?? false, settings: { ...(init.settings ?? {}) }, nextId: 0 };
  for (const s of init.sheets) {
    const sheet = emptySheet(state, s.name);
    sheet.protected = s.protected ?? false;
    sheet.visibility = s.visibility ?? 'Visible';
    const origin = s.origin ? rectOf(s.origin) : { top: 0, left: 0, bottom: 0, right: 0 };
    (s.values ?? []).forEach((row, r) => {
      (row ?? []).forEach((v, c) => {
        const scalar = toScalar(v);
        if (scalar === '') return;
        const cell = cellAt(sheet, origin.top + r, origin.left + c, true);
        cell.value = scalar;
        // Excel keeps a date as its serial number with a date format (what a typed date gets); `numberFormats` may override.
        if (v instanceof Date) cell.numberFormat = 'yyyy/m/d';
      });
    });
    for (const [address, formula] of Object.entries(s.formulas ?? {})) {
      const rect = rectOf(address);
      cellAt(sheet, rect.top, rect.left, true).formula = formula.startsWith('=') ? formula : `=${formula}`;
    }
    for (const [address, format] of Object.entries(s.numberFormats ?? {})) {
      const rect = rectOf(address);
      cellAt(sheet, rect.top, rect.left, true).numberFormat = format;
    }
    for (const [address, color] of Object.entries(s.fills ?? {})) {
      const rect = rectOf(address);
      for (let r = rect.top; r <= rect.bottom; r++) for (let c = rect.left; c <= rect.right; c++) cellAt(sheet, r, c, true).fill = color;
    }
    sheet.merges = (s.merges ?? []).map(rectOf);
    for (const [column, width] of Object.entries(s.columnWidths ?? {})) sheet.columnWidths.set(rectOf(`${column}1`).left, width);
    state.sheets.push(sheet);
    for (const cf of (s.conditionalFormats ?? []).slice().reverse()) {
      addConditionalFormat(state, sheet, {
        type: 'Custom',
        areas: cf.range.split(/[\s,]+/).filter(Boolean).map(rectOf),
        formula: cf.formula.startsWith('=') ? cf.formula : `=${cf.formula}`,
        fill: cf.fill ?? '#FFE08A',
        fontColor: null,
      });
    }
  }
  for (const n of init.names ?? []) {
    state.names.push({ name: n.name, target: nameTarget(state, n.reference), visible: true, comment: '' });
  }
  const active = init.active ? findSheet(state, init.active) : state.sheets[0];
  state.activeSheetId = active?.id ?? null;
  return state;
}

/** A reference (`'Sheet'!$A$1`, `=Sheet!A1:B2`, `#REF!`, a number) as a name's target. */
export function nameTarget(state: FakeWorkbookState, reference: string): FakeNameTarget {
  const ref = reference.trim().replace(/^=/, '');
  if (/^#REF!/.test(ref) || ref.includes('#REF!')) return { kind: 'error', error: '#REF!' };
  const areas = splitAreas(ref);
  if (areas.length === 1) {
    const { sheet, address } = splitSheet(areas[0]);
    const rect = parseRect(address);
    if (sheet !== null && rect) {
      const target = findSheet(state, sheet);
      return target ? { kind: 'range', sheetId: target.id, rect } : { kind: 'error', error: '#REF!' };
    }
  }
  const n = Number(ref);
  if (ref !== '' && Number.isFinite(n)) return { kind: 'constant', value: n };
  return { kind: 'constant', value: ref.replace(/^"|"$/g, '') };
}

export function findSheet(state: FakeWorkbookState, name: string): FakeSheet | undefined {
  const lower = name.toLowerCase();
  return state.sheets.find((s) => s.name.toLowerCase() === lower);
}

export function sheetById(state: FakeWorkbookState, id: string): FakeSheet | undefined {
  return state.sheets.find((s) => s.id === id);
}

export function findName(state: FakeWorkbookState, name: string): FakeName | undefined {
  const lower = name.toLowerCase();
  return state.names.find((n) => n.name.toLowerCase() === lower);
}

/** What `namedItem.value` gives: the address for a range (`Sheet1!$A$1`), else the value. */
export function nameValue(state: FakeWorkbookState, n: FakeName): FakeScalar {
  const t = n.target;
  if (t.kind === 'range') {
    const sheet = sheetById(state, t.sheetId);
    return sheet ? formatAddress(sheet.name, t.rect, true) : '#REF!';
  }
  if (t.kind === 'error') return t.error;
  return t.value;
}

export function nameType(state: FakeWorkbookState, n: FakeName): string {
  const t = n.target;
  if (t.kind === 'range') return sheetById(state, t.sheetId) ? 'Range' : 'Error';
  if (t.kind === 'error') return 'Error';
  if (typeof t.value === 'number') return Number.isInteger(t.value) ? 'Integer' : 'Double';
  return typeof t.value === 'boolean' ? 'Boolean' : 'String';
}

// ---------------------------------------------------------------------------------------------------------
// Reading the state back, for tests

/** Every value of a sheet from A1 to its last used cell, '' for empty cells. */
export function sheetValues(state: FakeWorkbookState, name: string): FakeScalar[][] {
  const sheet = findSheet(state, name);
  if (!sheet) throw new Error(`fake workbook: no sheet ${name}`);
  const used = usedRect(sheet, true);
  if (!used) return [];
  const out: FakeScalar[][] = [];
  for (let r = 0; r <= used.bottom; r++) {
    const row: FakeScalar[] = [];
    for (let c = 0; c <= used.right; c++) row.push(sheet.rows[r]?.[c]?.value ?? '');
    out.push(row);
  }
  return out;
}

/** A cell by reference (`项目支出!B10`). */
export function cellByRef(state: FakeWorkbookState, reference: string): FakeCell | undefined {
  const { sheet, address } = splitSheet(reference);
  const target = sheet === null ? undefined : findSheet(state, sheet);
  const rect = parseRect(address);
  if (!target || !rect) throw new Error(`fake workbook: bad reference ${reference}`);
  return cellAt(target, rect.top, rect.left);
}

function hasFormat(cell: FakeCell): boolean {
  return Object.keys(cell).some((k) => k !== 'value' && k !== 'formula' && (cell as unknown as Record<string, unknown>)[k] !== undefined);
}

/** The used range: cells with a value (valuesOnly) or with a value or a format; null for a blank sheet. */
export function usedRect(sheet: FakeSheet, valuesOnly: boolean): Rect | null {
  let top = MAX_ROWS;
  let left = MAX_COLS;
  let bottom = -1;
  let right = -1;
  sheet.rows.forEach((cells, r) => {
    if (!cells) return;
    cells.forEach((cell, c) => {
      if (!cell) return;
      const used = cell.value !== '' || cell.formula !== undefined || (!valuesOnly && hasFormat(cell));
      if (!used) return;
      top = Math.min(top, r);
      bottom = Math.max(bottom, r);
      left = Math.min(left, c);
      right = Math.max(right, c);
    });
  });
  return bottom < 0 ? null : { top, left, bottom, right };
}

/**
 * Everything a user could observe in the workbook, in a canonical form (cells by address, only cells that hold
 * something), for "nothing changed" checks. Ids are left out: a sheet deleted and re-created is not the same.
 */
export function describeState(state: FakeWorkbookState): unknown {
  const sheetName = (id: string) => sheetById(state, id)?.name ?? '#REF!';
  return {
    protected: state.protected,
    active: state.activeSheetId ? sheetName(state.activeSheetId) : null,
    sheets: state.sheets.map((s) => {
      const cells: Record<string, FakeCell> = {};
      s.rows.forEach((row, r) =>
        row?.forEach((cell, c) => {
          if (cell && (cell.value !== '' || cell.formula !== undefined || hasFormat(cell))) {
            cells[formatRect({ top: r, left: c, bottom: r, right: c })] = JSON.parse(JSON.stringify(cell));
          }
        }),
      );
      return {
        name: s.name,
        visibility: s.visibility,
        cells,
        merges: s.merges.map((m) => formatAddress(s.name, m)).sort(),
        columnWidths: [...s.columnWidths.entries()].sort((a, b) => a[0] - b[0]),
        rowHeights: [...s.rowHeights.entries()].sort((a, b) => a[0] - b[0]),
        hiddenColumns: [...s.hiddenColumns].sort((a, b) => a - b),
        conditionalFormats: s.conditionalFormats.map((cf) => ({ type: cf.type, areas: cf.areas.map((a) => formatAddress(s.name, a)), formula: cf.formula, fill: cf.fill, fontColor: cf.fontColor })),
        charts: s.charts.map((ch) => ({ name: ch.name, type: ch.chartType, source: formatAddress(sheetName(ch.source.sheetId), ch.source.rect), title: ch.title })),
        protected: s.protected,
        showGridlines: s.showGridlines,
        frozenRows: s.frozenRows,
        pageLayout: s.pageLayout,
      };
    }),
    names: state.names
      .map((n) => ({ name: n.name, value: nameValue(state, n), visible: n.visible, comment: n.comment }))
      .sort((a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase())),
    settings: state.settings,
  };
}

/** Clones a state (for a before/after comparison, or to reuse a built workbook across tests). */
export function cloneState(state: FakeWorkbookState): FakeWorkbookState {
  return {
    ...state,
    sheets: state.sheets.map((s) => ({
      ...s,
      rows: s.rows.map((cells) => cells && cells.map((cell) => (cell ? (cell.borders ? { ...cell, borders: { ...cell.borders } } : { ...cell }) : cell))),
      merges: s.merges.map((m) => ({ ...m })),
      columnWidths: new Map(s.columnWidths),
      rowHeights: new Map(s.rowHeights),
      hiddenColumns: new Set(s.hiddenColumns),
      conditionalFormats: s.conditionalFormats.map((cf) => ({ ...cf, areas: cf.areas.map((a) => ({ ...a })) })),
      charts: s.charts.map((ch) => ({ ...ch, series: ch.series.map((x) => ({ ...x })) })),
      pageLayout: { ...s.pageLayout },
    })),
    names: state.names.map((n) => ({ ...n })),
    settings: { ...state.settings },
  };
}
