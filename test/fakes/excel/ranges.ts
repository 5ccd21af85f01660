// Ranges, their formats and conditional formats, with Excel's rules: 2D arrays must match the range's size,
// strings that start with = + - @ become formulas unless the cell is formatted as text (@), protected sheets
// refuse changes, a custom conditional format's formula starts with '='.
import { cellCount, formatAddress, formatRect, intersects, MAX_COLS, MAX_ROWS, type Rect } from './address';
import { defineScalars, FakeCollection, FakeObject, type FakeRequestContext } from './context';
import { officeError } from './errors';
import { addConditionalFormat, cellAt, type FakeCell, type FakeConditionalFormat as CfState, type FakeScalar, type FakeSheet } from './state';

export interface RangeTarget {
  sheet: FakeSheet;
  rects: Rect[];
}

export function assertEditable(sheet: FakeSheet): void {
  if (sheet.protected) {
    throw officeError('AccessDenied', `The cell or chart you're trying to change is on a protected sheet (${sheet.name}).`);
  }
}

function requireApi(context: FakeRequestContext, api: string, what: string): void {
  if (!context.host.supports(api)) throw officeError('ApiNotFound', `${what} needs ExcelApi ${api}.`);
}

function single(target: RangeTarget): Rect {
  return target.rects[0];
}

function forEachCell(target: RangeTarget, fn: (cell: FakeCell, row: number, col: number) => void): void {
  for (const rect of target.rects) {
    if (cellCount(rect) > 4_000_000) throw officeError('InvalidArgument', 'The fake does not format whole-sheet ranges cell by cell.');
    for (let r = rect.top; r <= rect.bottom; r++) for (let c = rect.left; c <= rect.right; c++) fn(cellAt(target.sheet, r, c, true), r, c);
  }
}

function uniform(target: RangeTarget, read: (cell: FakeCell | undefined) => unknown): unknown {
  let first: unknown;
  let seen = false;
  for (const rect of target.rects) {
    for (let r = rect.top; r <= Math.min(rect.bottom, rect.top + 100_000); r++) {
      for (let c = rect.left; c <= Math.min(rect.right, rect.left + 1000); c++) {
        const v = read(target.sheet.rows[r]?.[c]);
        if (!seen) {
          first = v;
          seen = true;
        } else if (v !== first) return null;
      }
    }
  }
  return first ?? null;
}

function grid<V>(target: RangeTarget, read: (cell: FakeCell | undefined) => V): V[][] {
  const rect = single(target);
  if (cellCount(rect) > 5_000_000) throw officeError('ResponsePayloadSizeLimitExceeded', 'The range is too large to return its values.');
  const out: V[][] = [];
  for (let r = rect.top; r <= rect.bottom; r++) {
    const row: V[] = [];
    const cells = target.sheet.rows[r];
    for (let c = rect.left; c <= rect.right; c++) row.push(read(cells?.[c]));
    out.push(row);
  }
  return out;
}

const NUMERIC = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** A string typed into a cell that is not formatted as text, read the way Excel reads it. */
function interpretInput(cell: FakeCell, text: string, formulasMode: boolean): void {
  delete cell.formula;
  if (cell.numberFormat === '@') {
    cell.value = text;
    return;
  }
  if (NUMERIC.test(text.trim())) {
    cell.value = Number(text);
    return;
  }
  if (/^(true|false)$/i.test(text.trim())) {
    cell.value = text.trim().toLowerCase() === 'true';
    return;
  }
  const formulaStart = formulasMode ? /^=/ : /^[=+\-@]/;
  if (text.length > 1 && formulaStart.test(text)) {
    // The fake does not calculate: the formula is kept and its result left empty.
    cell.formula = text.startsWith('=') ? text : `=${text.startsWith('@') ? text.slice(1) : text}`;
    cell.value = '';
    return;
  }
  cell.value = text;
}

type GridMode = 'values' | 'formulas' | 'numberFormat';

function writeGrid(target: RangeTarget, input: unknown, mode: GridMode): void {
  const rect = single(target);
  const rows = rect.bottom - rect.top + 1;
  const cols = rect.right - rect.left + 1;
  if (!Array.isArray(input) || input.length !== rows || input.some((row) => !Array.isArray(row) || row.length !== cols)) {
    const got = Array.isArray(input) ? `${input.length}×${Array.isArray(input[0]) ? (input[0] as unknown[]).length : '?'}` : typeof input;
    throw officeError(
      'InvalidArgument',
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${rows}×${cols} expected, ${got} given).`,
    );
  }
  assertEditable(target.sheet);
  (input as unknown[][]).forEach((row, r) =>
    row.forEach((value, c) => {
      if (value === null || value === undefined) return; // null leaves the cell as it is
      if (typeof value === 'number' && !Number.isFinite(value)) throw officeError('InvalidArgument', `Not a finite number at row ${r}, column ${c}.`);
      if (typeof value !== 'number' && typeof value !== 'string' && typeof value !== 'boolean') {
        throw officeError('InvalidArgument', `Unsupported value type ${typeof value} at row ${r}, column ${c}.`);
      }
      if (typeof value === 'string' && value.length > 32767) throw officeError('InvalidArgument', `A cell holds at most 32,767 characters (row ${r}, column ${c}).`);
      const cell = cellAt(target.sheet, rect.top + r, rect.left + c, true);
      if (mode === 'numberFormat') {
        if (typeof value !== 'string') throw officeError('InvalidArgument', 'A number format must be a string.');
        if (value === 'General') delete cell.numberFormat;
        else cell.numberFormat = value;
        return;
      }
      if (typeof value === 'string') {
        if (value === '') {
          delete cell.formula;
          cell.value = '';
        } else interpretInput(cell, value, mode === 'formulas');
      } else {
        delete cell.formula;
        cell.value = value;
      }
    }),
  );
}

/** Cell contents changed (by the add-in): a WorksheetChanged event for the change handlers, after the sync. */
function noteChanged(context: FakeRequestContext, target: RangeTarget): void {
  for (const rect of target.rects) {
    context.host.events.note({ type: 'WorksheetChanged', worksheetId: target.sheet.id, address: formatRect(rect), changeType: 'RangeEdited', source: 'Local' });
  }
}

function valueType(cell: FakeCell | undefined): string {
  const v = cell?.value ?? '';
  if (v === '') return 'Empty';
  if (typeof v === 'number') return 'Double';
  if (typeof v === 'boolean') return 'Boolean';
  return /^#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|SPILL!|CALC!|GETTING_DATA)$/.test(v) ? 'Error' : 'String';
}

function rangeAddress(target: RangeTarget): string {
  return target.rects.map((r) => formatAddress(target.sheet.name, r)).join(', ');
}

function mergeRects(target: RangeTarget, across: boolean): void {
  assertEditable(target.sheet);
  const toMerge: Rect[] = [];
  for (const rect of target.rects) {
    if (across) for (let r = rect.top; r <= rect.bottom; r++) toMerge.push({ ...rect, top: r, bottom: r });
    else toMerge.push({ ...rect });
  }
  for (const m of toMerge) {
    if (m.top === m.bottom && m.left === m.right) continue;
    target.sheet.merges = target.sheet.merges.filter((existing) => !intersects(existing, m));
    target.sheet.merges.push(m);
    // Excel keeps the upper-left value only.
    for (let r = m.top; r <= m.bottom; r++) {
      for (let c = m.left; c <= m.right; c++) {
        if (r === m.top && c === m.left) continue;
        const cell = target.sheet.rows[r]?.[c];
        if (cell) {
          cell.value = '';
          delete cell.formula;
        }
      }
    }
  }
}

const HORIZONTAL = ['General', 'Left', 'Center', 'Right', 'Fill', 'Justify', 'CenterAcrossSelection', 'Distributed'];
const VERTICAL = ['Top', 'Center', 'Bottom', 'Justify', 'Distributed'];

function color(value: unknown): string {
  if (typeof value !== 'string' || !(/^#[0-9A-Fa-f]{6}$/.test(value) || /^[A-Za-z]+$/.test(value))) {
    throw officeError('InvalidArgument', `Not a color: ${String(value)}`);
  }
  return value.toUpperCase();
}

function oneOf(allowed: string[], value: unknown, what: string): string {
  if (typeof value !== 'string' || !allowed.includes(value)) throw officeError('InvalidArgument', `Not a valid ${what}: ${String(value)}`);
  return value;
}

// ---------------------------------------------------------------------------------------------------------

export class FakeRange extends FakeObject<RangeTarget> {
  static override className = 'Range';

  get format(): FakeRangeFormat {
    return this._child('format', () => new FakeRangeFormat(this.context, this._sub('format'), () => this._target()));
  }

  get conditionalFormats(): FakeConditionalFormatCollection {
    return this._child('conditionalFormats', () => new FakeConditionalFormatCollection(this.context, this._sub('conditionalFormats'), () => this._target(), '1.6'));
  }

  getCell(row: number, column: number): FakeRange {
    return new FakeRange(this.context, this._sub(`getCell(${row},${column})`), () => {
      const t = this._target();
      const r = single(t);
      const rect = { top: r.top + row, left: r.left + column, bottom: r.top + row, right: r.left + column };
      if (row < 0 || column < 0 || rect.bottom >= MAX_ROWS || rect.right >= MAX_COLS) throw officeError('InvalidArgument', 'The cell is outside the sheet.');
      return { sheet: t.sheet, rects: [rect] };
    });
  }

  getResizedRange(deltaRows: number, deltaColumns: number): FakeRange {
    return new FakeRange(this.context, this._sub(`getResizedRange(${deltaRows},${deltaColumns})`), () => {
      requireApi(this.context, '1.7', 'Range.getResizedRange');
      const t = this._target();
      const r = single(t);
      const rect = { ...r, bottom: r.bottom + deltaRows, right: r.right + deltaColumns };
      if (rect.bottom < rect.top || rect.right < rect.left || rect.bottom >= MAX_ROWS || rect.right >= MAX_COLS) {
        throw officeError('InvalidArgument', 'The resized range is outside the sheet or empty.');
      }
      return { sheet: t.sheet, rects: [rect] };
    });
  }

  getMergedAreasOrNullObject(): FakeRangeAreas {
    return new FakeRangeAreas(
      this.context,
      this._sub('getMergedAreasOrNullObject()'),
      () => {
        requireApi(this.context, '1.13', 'Range.getMergedAreasOrNullObject');
        const t = this._target();
        const merges = t.sheet.merges.filter((m) => t.rects.some((r) => intersects(m, r)));
        if (merges.length > 512) throw officeError('GeneralException', 'More than 512 merged areas: the merged areas cannot be returned.');
        return merges.length === 0 ? null : { sheet: t.sheet, rects: merges.map((m) => ({ ...m })) };
      },
      true,
    );
  }

  merge(across = false): void {
    this._call('merge', [across], '1.2', () => mergeRects(this._target(), across));
  }

  unmerge(): void {
    this._call('unmerge', [], '1.2', () => {
      const t = this._target();
      assertEditable(t.sheet);
      t.sheet.merges = t.sheet.merges.filter((m) => !t.rects.some((r) => intersects(m, r)));
    });
  }

  select(): void {
    this._call('select', [], '1.1', () => {
      const t = this._target();
      if (t.sheet.visibility !== 'Visible') throw officeError('InvalidSelection', 'Cannot select a range on a hidden sheet.');
      this.context.host.state.activeSheetId = t.sheet.id;
      t.sheet.selection = { ...single(t) };
    });
  }

  clear(applyTo: string = 'All'): void {
    this._call('clear', [applyTo], '1.1', () => {
      const t = this._target();
      assertEditable(t.sheet);
      forEachCell(t, (cell) => {
        if (applyTo === 'All' || applyTo === 'Contents') {
          cell.value = '';
          delete cell.formula;
        }
        if (applyTo === 'All' || applyTo === 'Formats') {
          for (const key of Object.keys(cell)) if (key !== 'value' && key !== 'formula') delete (cell as unknown as Record<string, unknown>)[key];
        }
      });
      if (applyTo === 'All' || applyTo === 'Contents') noteChanged(this.context, t);
    });
  }
}

defineScalars<RangeTarget>(FakeRange, {
  address: { get: rangeAddress },
  rowIndex: { get: (t) => single(t).top },
  columnIndex: { get: (t) => single(t).left },
  rowCount: { get: (t) => single(t).bottom - single(t).top + 1 },
  columnCount: { get: (t) => single(t).right - single(t).left + 1 },
  cellCount: { get: (t) => cellCount(single(t)) },
  values: {
    get: (t) => grid<FakeScalar>(t, (c) => c?.value ?? ''),
    set: (t, v, self) => {
      writeGrid(t, v, 'values');
      noteChanged(self.context, t);
    },
  },
  formulas: {
    get: (t) => grid<FakeScalar>(t, (c) => c?.formula ?? c?.value ?? ''),
    set: (t, v, self) => {
      writeGrid(t, v, 'formulas');
      noteChanged(self.context, t);
    },
  },
  numberFormat: { get: (t) => grid<string>(t, (c) => c?.numberFormat ?? 'General'), set: (t, v) => writeGrid(t, v, 'numberFormat') },
  valueTypes: { get: (t) => grid<string>(t, valueType) },
  // Excel takes columnHidden on whole columns or any range (it hides the range's columns), from ExcelApi 1.2.
  columnHidden: {
    api: '1.2',
    get: (t) => {
      const states = new Set<boolean>();
      for (const rect of t.rects) for (let c = rect.left; c <= rect.right; c++) states.add(t.sheet.hiddenColumns.has(c));
      return states.size === 1 ? [...states][0] : null;
    },
    set: (t, v) => {
      if (typeof v !== 'boolean') throw officeError('InvalidArgument', `Not a boolean: ${String(v)}`);
      assertEditable(t.sheet);
      for (const rect of t.rects) {
        for (let c = rect.left; c <= rect.right; c++) {
          if (v) t.sheet.hiddenColumns.add(c);
          else t.sheet.hiddenColumns.delete(c);
        }
      }
    },
  },
});

/** Several rectangles of one sheet (ExcelApi 1.9): getRanges, merged areas. */
export class FakeRangeAreas extends FakeObject<RangeTarget> {
  static override className = 'RangeAreas';

  get areas(): FakeRangeCollection {
    return this._child('areas', () => new FakeRangeCollection(this.context, this._sub('areas'), () => this._target()));
  }

  get conditionalFormats(): FakeConditionalFormatCollection {
    return this._child('conditionalFormats', () => new FakeConditionalFormatCollection(this.context, this._sub('conditionalFormats'), () => this._target(), '1.9'));
  }

  get format(): FakeRangeFormat {
    return this._child('format', () => new FakeRangeFormat(this.context, this._sub('format'), () => this._target()));
  }
}

defineScalars<RangeTarget>(FakeRangeAreas, {
  address: { api: '1.9', get: rangeAddress },
  areaCount: { api: '1.9', get: (t) => t.rects.length },
  cellCount: { api: '1.9', get: (t) => t.rects.reduce((n, r) => n + cellCount(r), 0) },
});

export class FakeRangeCollection extends FakeCollection<RangeTarget, FakeRange> {
  static override className = 'RangeCollection';

  protected _itemTargets(target: RangeTarget): unknown[] {
    return target.rects.map((rect) => ({ sheet: target.sheet, rects: [rect] }));
  }

  protected _makeItem(target: unknown, index: number): FakeRange {
    const range = new FakeRange(this.context, this._sub(`items[${index}]`), () => target as RangeTarget);
    range._bind(target as RangeTarget);
    return range;
  }
}

export class FakeRangeFormat extends FakeObject<RangeTarget> {
  static override className = 'RangeFormat';

  get font(): FakeRangeFont {
    return this._child('font', () => new FakeRangeFont(this.context, this._sub('font'), () => this._target()));
  }

  get fill(): FakeRangeFill {
    return this._child('fill', () => new FakeRangeFill(this.context, this._sub('fill'), () => this._target()));
  }

  get borders(): FakeRangeBorderCollection {
    return this._child('borders', () => new FakeRangeBorderCollection(this.context, this._sub('borders'), () => this._target()));
  }

  autofitColumns(): void {
    this._call('autofitColumns', [], '1.2', () => assertEditable(this._target().sheet));
  }

  autofitRows(): void {
    this._call('autofitRows', [], '1.2', () => assertEditable(this._target().sheet));
  }
}

const DEFAULT_COLUMN_WIDTH = 48;
const DEFAULT_ROW_HEIGHT = 15;

defineScalars<RangeTarget>(FakeRangeFormat, {
  columnWidth: {
    api: '1.2',
    get: (t) => {
      const widths = new Set<number>();
      for (const rect of t.rects) for (let c = rect.left; c <= Math.min(rect.right, rect.left + 1000); c++) widths.add(t.sheet.columnWidths.get(c) ?? DEFAULT_COLUMN_WIDTH);
      return widths.size === 1 ? [...widths][0] : null;
    },
    set: (t, v) => {
      if (typeof v !== 'number' || !(v >= 0) || v > 1800) throw officeError('InvalidArgument', `Not a column width: ${String(v)}`);
      assertEditable(t.sheet);
      for (const rect of t.rects) for (let c = rect.left; c <= rect.right; c++) t.sheet.columnWidths.set(c, v);
    },
  },
  rowHeight: {
    api: '1.2',
    get: (t) => {
      const heights = new Set<number>();
      for (const rect of t.rects) for (let r = rect.top; r <= Math.min(rect.bottom, rect.top + 100_000); r++) heights.add(t.sheet.rowHeights.get(r) ?? DEFAULT_ROW_HEIGHT);
      return heights.size === 1 ? [...heights][0] : null;
    },
    set: (t, v) => {
      // Excel's rows are at most 409 points high.
      if (typeof v !== 'number' || !(v >= 0) || v > 409) throw officeError('InvalidArgument', `Not a row height: ${String(v)}`);
      assertEditable(t.sheet);
      for (const rect of t.rects) {
        if (rect.bottom - rect.top > 100_000) throw officeError('InvalidArgument', 'The fake does not size every row of a whole column.');
        for (let r = rect.top; r <= rect.bottom; r++) t.sheet.rowHeights.set(r, v);
      }
    },
  },
  wrapText: {
    get: (t) => uniform(t, (c) => c?.wrapText ?? false),
    set: (t, v) => {
      if (typeof v !== 'boolean') throw officeError('InvalidArgument', 'wrapText is a boolean.');
      assertEditable(t.sheet);
      forEachCell(t, (c) => (c.wrapText = v));
    },
  },
  horizontalAlignment: {
    get: (t) => uniform(t, (c) => c?.horizontalAlignment ?? 'General'),
    set: (t, v) => {
      const a = oneOf(HORIZONTAL, v, 'horizontal alignment');
      assertEditable(t.sheet);
      forEachCell(t, (c) => (c.horizontalAlignment = a));
    },
  },
  verticalAlignment: {
    get: (t) => uniform(t, (c) => c?.verticalAlignment ?? 'Bottom'),
    set: (t, v) => {
      const a = oneOf(VERTICAL, v, 'vertical alignment');
      assertEditable(t.sheet);
      forEachCell(t, (c) => (c.verticalAlignment = a));
    },
  },
});

export class FakeRangeFont extends FakeObject<RangeTarget> {
  static override className = 'RangeFont';
}

function cellSetter<V>(check: (v: unknown) => V, apply: (cell: FakeCell, v: V) => void): (t: RangeTarget, v: unknown) => void {
  return (t, v) => {
    const value = check(v);
    assertEditable(t.sheet);
    forEachCell(t, (cell) => apply(cell, value));
  };
}

const bool = (v: unknown): boolean => {
  if (typeof v !== 'boolean') throw officeError('InvalidArgument', `Not a boolean: ${String(v)}`);
  return v;
};

defineScalars<RangeTarget>(FakeRangeFont, {
  bold: { get: (t) => uniform(t, (c) => c?.bold ?? false), set: cellSetter(bool, (c, v) => (c.bold = v)) },
  italic: { get: (t) => uniform(t, (c) => c?.italic ?? false), set: cellSetter(bool, (c, v) => (c.italic = v)) },
  color: { get: (t) => uniform(t, (c) => c?.fontColor ?? '#000000'), set: cellSetter(color, (c, v) => (c.fontColor = v)) },
  name: {
    get: (t) => uniform(t, (c) => c?.fontName ?? 'Calibri'),
    set: cellSetter(
      (v) => {
        if (typeof v !== 'string' || !v) throw officeError('InvalidArgument', 'A font name is a string.');
        return v;
      },
      (c, v) => (c.fontName = v),
    ),
  },
  size: {
    get: (t) => uniform(t, (c) => c?.fontSize ?? 11),
    set: cellSetter(
      (v) => {
        if (typeof v !== 'number' || v < 1 || v > 409) throw officeError('InvalidArgument', `Not a font size: ${String(v)}`);
        return v;
      },
      (c, v) => (c.fontSize = v),
    ),
  },
});

export class FakeRangeFill extends FakeObject<RangeTarget> {
  static override className = 'RangeFill';

  clear(): void {
    this._call('clear', [], '1.1', () => {
      const t = this._target();
      assertEditable(t.sheet);
      forEachCell(t, (c) => delete c.fill);
    });
  }
}

defineScalars<RangeTarget>(FakeRangeFill, {
  color: { get: (t) => uniform(t, (c) => c?.fill ?? null), set: cellSetter(color, (c, v) => (c.fill = v)) },
});

type Edge = 'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight' | 'InsideVertical' | 'InsideHorizontal';
const EDGES: Edge[] = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal'];

interface BorderTarget {
  range: RangeTarget;
  edge: Edge;
  deleted?: boolean;
}

export class FakeRangeBorderCollection extends FakeObject<RangeTarget> {
  static override className = 'RangeBorderCollection';

  getItem(index: string): FakeRangeBorder {
    return new FakeRangeBorder(this.context, this._sub(`getItem(${JSON.stringify(index)})`), () => {
      if (!EDGES.includes(index as Edge)) throw officeError('InvalidArgument', `Not a border index the fake knows: ${index}`);
      return { range: this._target(), edge: index as Edge };
    });
  }
}

/** The cells' sides an edge setting reaches. */
function edgeSides(rect: Rect, edge: Edge, r: number, c: number): ('top' | 'bottom' | 'left' | 'right')[] {
  switch (edge) {
    case 'EdgeTop':
      return r === rect.top ? ['top'] : [];
    case 'EdgeBottom':
      return r === rect.bottom ? ['bottom'] : [];
    case 'EdgeLeft':
      return c === rect.left ? ['left'] : [];
    case 'EdgeRight':
      return c === rect.right ? ['right'] : [];
    case 'InsideHorizontal':
      return [...(r > rect.top ? (['top'] as const) : []), ...(r < rect.bottom ? (['bottom'] as const) : [])];
    case 'InsideVertical':
      return [...(c > rect.left ? (['left'] as const) : []), ...(c < rect.right ? (['right'] as const) : [])];
  }
}

function borderSetter(key: 'style' | 'color' | 'weight', check: (v: unknown) => string): (t: BorderTarget, v: unknown) => void {
  return (t, v) => {
    const value = check(v);
    assertEditable(t.range.sheet);
    for (const rect of t.range.rects) {
      for (let r = rect.top; r <= rect.bottom; r++) {
        for (let c = rect.left; c <= rect.right; c++) {
          const sides = edgeSides(rect, t.edge, r, c);
          if (sides.length === 0) continue;
          const cell = cellAt(t.range.sheet, r, c, true);
          cell.borders = cell.borders ?? {};
          for (const side of sides) {
            const current = cell.borders[side] ?? { style: 'None', color: '#000000', weight: 'Thin' };
            cell.borders[side] = { ...current, [key]: value };
          }
        }
      }
    }
  };
}

export class FakeRangeBorder extends FakeObject<BorderTarget> {
  static override className = 'RangeBorder';
}

defineScalars<BorderTarget>(FakeRangeBorder, {
  style: { set: borderSetter('style', (v) => oneOf(['None', 'Continuous', 'Dash', 'DashDot', 'DashDotDot', 'Dot', 'Double', 'SlantDashDot'], v, 'border style')) },
  color: { set: borderSetter('color', color) },
  weight: { set: borderSetter('weight', (v) => oneOf(['Hairline', 'Thin', 'Medium', 'Thick'], v, 'border weight')) },
});

// ---------------------------------------------------------------------------------------------------------
// Conditional formats (ExcelApi 1.6)

interface CfTarget {
  sheet: FakeSheet;
  cf: CfState;
}

const CF_TYPES = ['Custom', 'DataBar', 'ColorScale', 'IconSet', 'TopBottom', 'PresetCriteria', 'ContainsText', 'CellValue'];

export class FakeConditionalFormatCollection extends FakeCollection<RangeTarget, FakeConditionalFormat> {
  static override className = 'ConditionalFormatCollection';

  constructor(
    context: FakeRequestContext,
    path: string,
    resolver: () => RangeTarget,
    private readonly api: string,
  ) {
    super(context, path, () => {
      requireApi(context, api, 'conditionalFormats');
      return resolver();
    });
  }

  protected _itemTargets(target: RangeTarget): unknown[] {
    return target.sheet.conditionalFormats
      .filter((cf) => cf.areas.some((a) => target.rects.some((r) => intersects(a, r))))
      .sort((a, b) => a.priority - b.priority)
      .map((cf) => ({ sheet: target.sheet, cf }));
  }

  protected _makeItem(target: unknown, index: number): FakeConditionalFormat {
    const item = new FakeConditionalFormat(this.context, this._sub(`items[${index}]`), () => target as CfTarget);
    item._bind(target as CfTarget);
    return item;
  }

  add(type: string): FakeConditionalFormat {
    const created = new FakeConditionalFormat(this.context, this._sub(`add(${JSON.stringify(type)})`), () => {
      throw officeError('InvalidOperation', 'The conditional format was used before it was added.');
    });
    this._call('add', [type], this.api, () => {
      const t = this._target();
      if (!CF_TYPES.includes(type)) throw officeError('InvalidArgument', `Not a conditional format type: ${type}`);
      assertEditable(t.sheet);
      const cf = addConditionalFormat(this.context.host.state, t.sheet, { type, areas: t.rects.map((r) => ({ ...r })), fill: null, fontColor: null });
      created._bind({ sheet: t.sheet, cf });
    });
    return created;
  }

  clearAll(): void {
    this._call('clearAll', [], this.api, () => {
      const t = this._target();
      assertEditable(t.sheet);
      // The fake removes every rule that touches the range (Excel trims rules that reach beyond it).
      for (const cf of t.sheet.conditionalFormats) if (cf.areas.some((a) => t.rects.some((r) => intersects(a, r)))) cf.deleted = true;
      t.sheet.conditionalFormats = t.sheet.conditionalFormats.filter((cf) => !cf.deleted);
    });
  }
}

export class FakeConditionalFormat extends FakeObject<CfTarget> {
  static override className = 'ConditionalFormat';

  protected override _alive(t: CfTarget): boolean {
    return !t.cf.deleted && !t.sheet.deleted;
  }

  get custom(): FakeCustomConditionalFormat {
    return this._child(
      'custom',
      () =>
        new FakeCustomConditionalFormat(this.context, this._sub('custom'), () => {
          const t = this._target();
          if (t.cf.type !== 'Custom') throw officeError('InvalidOperation', `The conditional format is of type ${t.cf.type}, not Custom.`);
          return t;
        }),
    );
  }

  get customOrNullObject(): FakeCustomConditionalFormat {
    return this._child(
      'customOrNullObject',
      () =>
        new FakeCustomConditionalFormat(
          this.context,
          this._sub('customOrNullObject'),
          () => {
            const t = this._target();
            return t.cf.type === 'Custom' ? t : null;
          },
          true,
        ),
    );
  }

  delete(): void {
    this._call('delete', [], '1.6', () => {
      const t = this._target();
      assertEditable(t.sheet);
      t.cf.deleted = true;
      t.sheet.conditionalFormats = t.sheet.conditionalFormats.filter((cf) => cf !== t.cf);
    });
  }

  getRange(): FakeRange {
    return new FakeRange(this.context, this._sub('getRange()'), () => {
      const t = this._target();
      if (t.cf.areas.length !== 1) throw officeError('InvalidOperation', 'The conditional format applies to several ranges: use getRanges().');
      return { sheet: t.sheet, rects: [{ ...t.cf.areas[0] }] };
    });
  }

  getRangeOrNullObject(): FakeRange {
    return new FakeRange(
      this.context,
      this._sub('getRangeOrNullObject()'),
      () => {
        const t = this._target();
        return t.cf.areas.length === 1 ? { sheet: t.sheet, rects: [{ ...t.cf.areas[0] }] } : null;
      },
      true,
    );
  }

  getRanges(): FakeRangeAreas {
    return new FakeRangeAreas(this.context, this._sub('getRanges()'), () => {
      requireApi(this.context, '1.9', 'ConditionalFormat.getRanges');
      const t = this._target();
      return { sheet: t.sheet, rects: t.cf.areas.map((a) => ({ ...a })) };
    });
  }
}

defineScalars<CfTarget>(FakeConditionalFormat, {
  type: { api: '1.6', get: (t) => t.cf.type },
  priority: { api: '1.6', get: (t) => t.cf.priority },
  id: { api: '1.14', get: (t) => t.cf.id },
});

export class FakeCustomConditionalFormat extends FakeObject<CfTarget> {
  static override className = 'CustomConditionalFormat';

  protected override _alive(t: CfTarget): boolean {
    return !t.cf.deleted && !t.sheet.deleted;
  }

  get rule(): FakeConditionalFormatRule {
    return this._child('rule', () => new FakeConditionalFormatRule(this.context, this._sub('rule'), () => this._target()));
  }

  get format(): FakeConditionalRangeFormat {
    return this._child('format', () => new FakeConditionalRangeFormat(this.context, this._sub('format'), () => this._target()));
  }
}

export class FakeConditionalFormatRule extends FakeObject<CfTarget> {
  static override className = 'ConditionalFormatRule';
}

defineScalars<CfTarget>(FakeConditionalFormatRule, {
  formula: {
    api: '1.6',
    get: (t) => t.cf.formula ?? '',
    set: (t, v) => {
      // The fake insists on the leading '=' that Excel's samples always write: without it the rule is text.
      if (typeof v !== 'string' || !v.startsWith('=') || v.length < 2) throw officeError('InvalidArgument', `A rule formula starts with '=': ${String(v)}`);
      if (v.length > 8192) throw officeError('InvalidArgument', 'The formula is longer than 8192 characters.');
      assertEditable(t.sheet);
      t.cf.formula = v;
    },
  },
});

export class FakeConditionalRangeFormat extends FakeObject<CfTarget> {
  static override className = 'ConditionalRangeFormat';

  get fill(): FakeConditionalRangeFill {
    return this._child('fill', () => new FakeConditionalRangeFill(this.context, this._sub('fill'), () => this._target()));
  }

  get font(): FakeConditionalRangeFont {
    return this._child('font', () => new FakeConditionalRangeFont(this.context, this._sub('font'), () => this._target()));
  }
}

export class FakeConditionalRangeFill extends FakeObject<CfTarget> {
  static override className = 'ConditionalRangeFill';

  clear(): void {
    this._call('clear', [], '1.6', () => {
      this._target().cf.fill = null;
    });
  }
}

defineScalars<CfTarget>(FakeConditionalRangeFill, {
  color: {
    api: '1.6',
    get: (t) => t.cf.fill ?? null,
    set: (t, v) => {
      assertEditable(t.sheet);
      t.cf.fill = color(v);
    },
  },
});

export class FakeConditionalRangeFont extends FakeObject<CfTarget> {
  static override className = 'ConditionalRangeFont';
}

defineScalars<CfTarget>(FakeConditionalRangeFont, {
  color: {
    api: '1.6',
    get: (t) => t.cf.fontColor ?? null,
    set: (t, v) => {
      assertEditable(t.sheet);
      t.cf.fontColor = color(v);
    },
  },
});
