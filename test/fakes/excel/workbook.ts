// The workbook, its worksheets, defined names, charts and page layout, with Excel's rules: sheet names are
// unique (case-insensitive), at most 31 characters and free of : \ / ? * [ ]; a protected workbook refuses
// structure changes; names follow a renamed sheet and turn into #REF! when it is deleted.
import { formatAddress, MAX_COLS, MAX_ROWS, parseRect, splitAreas, splitSheet, type Rect } from './address';
import { defineScalars, FakeClientResult, FakeCollection, FakeObject, type FakeRequestContext } from './context';
import { officeError } from './errors';
import { FakeEventHandlers } from './events';
import { assertEditable, FakeRange, FakeRangeAreas, type RangeTarget } from './ranges';
import {
  createFakeWorkbook,
  emptySheet,
  findName,
  findSheet,
  nameTarget,
  nameType,
  nameValue,
  newId,
  sheetById,
  usedRect,
  type FakeChart,
  type FakeName,
  type FakeSheet,
  type FakeWorkbookState,
} from './state';

/** The longest address Worksheet.getRanges takes here (see getRanges). */
export const MAX_RANGES_ADDRESS = 8192;

function requireApi(context: FakeRequestContext, api: string, what: string): void {
  if (!context.host.supports(api)) throw officeError('ApiNotFound', `${what} needs ExcelApi ${api}.`);
}

function assertStructureEditable(state: FakeWorkbookState): void {
  if (state.protected) throw officeError('AccessDenied', 'The workbook is protected: sheets cannot be added, deleted, renamed or moved.');
}

export function checkSheetName(state: FakeWorkbookState, name: unknown, except?: FakeSheet): string {
  if (typeof name !== 'string' || name.trim() === '' || name.length > 31 || /[:\\/?*[\]]/.test(name) || name.startsWith("'") || name.endsWith("'")) {
    throw officeError('InvalidArgument', `The sheet name "${String(name)}" is not valid.`);
  }
  if (name.toLowerCase() === 'history') throw officeError('InvalidArgument', '"History" is a name Excel reserves.');
  const other = findSheet(state, name);
  if (other && other !== except) throw officeError('ItemAlreadyExists', `A sheet named "${name}" already exists.`);
  return name;
}

function visibleSheets(state: FakeWorkbookState): FakeSheet[] {
  return state.sheets.filter((s) => s.visibility === 'Visible');
}

/** A Range, string or `=Sheet!A1` reference as a range of this workbook. */
function rangeOf(state: FakeWorkbookState, value: unknown, defaultSheet?: FakeSheet): RangeTarget {
  if (value instanceof FakeRange) return value._target();
  if (typeof value === 'string') {
    const { sheet, address } = splitSheet(value);
    const target = sheet === null ? defaultSheet : findSheet(state, sheet);
    const rect = parseRect(address);
    if (!target || !rect) throw officeError('InvalidArgument', `Not a range reference: ${value}`);
    return { sheet: target, rects: [rect] };
  }
  throw officeError('InvalidArgument', 'Expected a Range or an address.');
}

// ---------------------------------------------------------------------------------------------------------

export class FakeWorkbook extends FakeObject<FakeWorkbookState> {
  static override className = 'Workbook';

  get worksheets(): FakeWorksheetCollection {
    return this._child('worksheets', () => new FakeWorksheetCollection(this.context, 'wb.worksheets', () => this._target()));
  }

  get names(): FakeNamedItemCollection {
    return this._child('names', () => new FakeNamedItemCollection(this.context, 'wb.names', () => this._target()));
  }

  get protection(): FakeWorkbookProtection {
    return this._child('protection', () => new FakeWorkbookProtection(this.context, 'wb.protection', () => this._target()));
  }

  insertWorksheetsFromBase64(base64: string, options: { positionType?: string; relativeTo?: unknown; sheetNamesToInsert?: string[] } = {}): FakeClientResult<string[]> {
    const result = new FakeClientResult<string[]>();
    this._call('insertWorksheetsFromBase64', [base64, { ...options, relativeTo: options.relativeTo instanceof FakeObject ? options.relativeTo._path : options.relativeTo }], '1.13', async () => {
      const state = this._target();
      const host = this.context.host;
      if (!host.decodeWorkbook) throw officeError('ApiNotFound', 'insertWorksheetsFromBase64 is not available on this host.');
      assertStructureEditable(state);
      let init;
      try {
        init = await host.decodeWorkbook(base64);
      } catch (error) {
        throw officeError('InvalidArgument', `The base64 string is not a workbook: ${(error as Error).message}`);
      }
      const wanted = options.sheetNamesToInsert?.length ? init.sheets.filter((s) => options.sheetNamesToInsert?.includes(s.name)) : init.sheets;
      const names: string[] = [];
      for (const s of wanted) {
        let name = s.name;
        if (findSheet(state, name) || names.some((n) => n.toLowerCase() === name.toLowerCase())) {
          if (host.insertNameClash === 'fail') throw officeError('ItemAlreadyExists', `A sheet named "${name}" already exists.`);
          for (let n = 2; findSheet(state, `${s.name} (${n})`); n++) name = `${s.name} (${n + 1})`;
          if (name === s.name) name = `${s.name} (2)`;
        }
        names.push(name);
      }
      const built = createFakeWorkbook({ sheets: wanted.map((s, i) => ({ ...s, name: names[i] })) });
      const sheets = built.sheets.map((s) => ({ ...s, id: newId(state, 'sheet') }));
      let index = state.sheets.length;
      const position = options.positionType ?? 'End';
      if (position === 'Beginning') index = 0;
      if (position === 'Before' || position === 'After') {
        const rel = options.relativeTo instanceof FakeWorksheet ? options.relativeTo._target() : findSheet(state, String(options.relativeTo));
        if (!rel) throw officeError('InvalidArgument', 'relativeTo is not a sheet of this workbook.');
        index = state.sheets.indexOf(rel) + (position === 'After' ? 1 : 0);
      }
      state.sheets.splice(index, 0, ...sheets);
      for (const sheet of sheets) this.context.host.events.note({ type: 'WorksheetAdded', worksheetId: sheet.id, source: 'Local' });
      result._resolve(sheets.map((s) => s.id));
    });
    return result;
  }
}

export class FakeWorkbookProtection extends FakeObject<FakeWorkbookState> {
  static override className = 'WorkbookProtection';
}

defineScalars<FakeWorkbookState>(FakeWorkbookProtection, {
  protected: { api: '1.7', get: (s) => s.protected },
});

export class FakeWorksheetCollection extends FakeCollection<FakeWorkbookState, FakeWorksheet> {
  static override className = 'WorksheetCollection';
  private _onChanged: FakeEventHandlers | undefined;

  private _onAdded: FakeEventHandlers | undefined;

  /** Data of any sheet changed (ExcelApi 1.9 on the collection; Worksheet.onChanged is 1.7). See events.ts. */
  get onChanged(): FakeEventHandlers {
    this._onChanged ??= new FakeEventHandlers(this.context, this._sub('onChanged'), 'WorksheetCollection.onChanged', '1.9');
    return this._onChanged;
  }

  /** A sheet was added (ExcelApi 1.7). */
  get onAdded(): FakeEventHandlers {
    this._onAdded ??= new FakeEventHandlers(this.context, this._sub('onAdded'), 'WorksheetCollection.onAdded', '1.7', { kind: 'added' });
    return this._onAdded;
  }

  protected _itemTargets(state: FakeWorkbookState): unknown[] {
    return state.sheets;
  }

  protected _makeItem(target: unknown, index: number): FakeWorksheet {
    const sheet = new FakeWorksheet(this.context, `${this._path}.items[${index}]`, () => target as FakeSheet);
    sheet._bind(target as FakeSheet);
    return sheet;
  }

  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(this.context, this._sub(`getItem(${JSON.stringify(key)})`), () => {
      const state = this._target();
      const sheet = findSheet(state, key) ?? sheetById(state, key);
      if (!sheet) throw officeError('ItemNotFound', `The requested worksheet "${key}" does not exist.`);
      return sheet;
    });
  }

  getItemOrNullObject(key: string): FakeWorksheet {
    return new FakeWorksheet(
      this.context,
      this._sub(`getItemOrNullObject(${JSON.stringify(key)})`),
      () => {
        requireApi(this.context, '1.4', 'WorksheetCollection.getItemOrNullObject');
        const state = this._target();
        return findSheet(state, key) ?? sheetById(state, key) ?? null;
      },
      true,
    );
  }

  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, this._sub('getActiveWorksheet()'), () => {
      const state = this._target();
      const sheet = state.activeSheetId ? sheetById(state, state.activeSheetId) : undefined;
      if (!sheet) throw officeError('ItemNotFound', 'No active worksheet.');
      return sheet;
    });
  }

  add(name?: string): FakeWorksheet {
    const created = new FakeWorksheet(this.context, this._sub(`add(${JSON.stringify(name ?? null)})`), () => {
      throw officeError('InvalidOperation', 'The worksheet was used before it was added.');
    });
    this._call('add', [name ?? null], '1.1', () => {
      const state = this._target();
      assertStructureEditable(state);
      let sheetName = name;
      if (sheetName === undefined || sheetName === null) {
        let n = state.sheets.length + 1;
        while (findSheet(state, `Sheet${n}`)) n++;
        sheetName = `Sheet${n}`;
      }
      const sheet = emptySheet(state, checkSheetName(state, sheetName));
      state.sheets.push(sheet);
      created._bind(sheet);
      this.context.host.events.note({ type: 'WorksheetAdded', worksheetId: sheet.id, source: 'Local' });
    });
    return created;
  }
}

export class FakeWorksheet extends FakeObject<FakeSheet> {
  static override className = 'Worksheet';
  private _onChanged: FakeEventHandlers | undefined;

  /** Data of this sheet changed (ExcelApi 1.7). */
  get onChanged(): FakeEventHandlers {
    this._onChanged ??= new FakeEventHandlers(this.context, this._sub('onChanged'), 'Worksheet.onChanged', '1.7', { kind: 'changed', sheetId: () => this._target().id });
    return this._onChanged;
  }

  get protection(): FakeWorksheetProtection {
    return this._child('protection', () => new FakeWorksheetProtection(this.context, this._sub('protection'), () => this._target()));
  }

  get charts(): FakeChartCollection {
    return this._child('charts', () => new FakeChartCollection(this.context, this._sub('charts'), () => this._target()));
  }

  get freezePanes(): FakeFreezePanes {
    return this._child('freezePanes', () => new FakeFreezePanes(this.context, this._sub('freezePanes'), () => this._target()));
  }

  get pageLayout(): FakePageLayout {
    return this._child('pageLayout', () => new FakePageLayout(this.context, this._sub('pageLayout'), () => this._target()));
  }

  getRange(address?: string): FakeRange {
    return new FakeRange(this.context, this._sub(`getRange(${address === undefined ? '' : JSON.stringify(address)})`), () => {
      const sheet = this._target();
      if (address === undefined || address === '') return { sheet, rects: [{ top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLS - 1 }] };
      const { sheet: named, address: a } = splitSheet(address);
      if (named !== null && named.toLowerCase() !== sheet.name.toLowerCase()) throw officeError('InvalidArgument', `${address} is not on sheet ${sheet.name}.`);
      const rect = parseRect(a);
      if (!rect) throw officeError('InvalidArgument', `The address "${address}" is not valid.`);
      return { sheet, rects: [rect] };
    });
  }

  getRanges(address: string): FakeRangeAreas {
    return new FakeRangeAreas(this.context, this._sub(`getRanges(${JSON.stringify(address)})`), () => {
      requireApi(this.context, '1.9', 'Worksheet.getRanges');
      // Excel refuses a long list of areas with a bare InvalidArgument; office-js #5198 saw it fail from about
      // 8,200 characters (and sometimes work a little above). The fake refuses anything past 8,192.
      if (address.length > MAX_RANGES_ADDRESS) throw officeError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format.');
      const sheet = this._target();
      const rects = splitAreas(address.replace(/;/g, ',')).map((part) => {
        const rect = parseRect(splitSheet(part).address);
        if (!rect) throw officeError('InvalidArgument', `The address "${part}" is not valid.`);
        return rect;
      });
      return { sheet, rects };
    });
  }

  getCell(row: number, column: number): FakeRange {
    return new FakeRange(this.context, this._sub(`getCell(${row},${column})`), () => {
      if (row < 0 || column < 0 || row >= MAX_ROWS || column >= MAX_COLS) throw officeError('InvalidArgument', 'The cell is outside the sheet.');
      return { sheet: this._target(), rects: [{ top: row, left: column, bottom: row, right: column }] };
    });
  }

  getUsedRange(valuesOnly?: boolean): FakeRange {
    return new FakeRange(this.context, this._sub(`getUsedRange(${valuesOnly ?? ''})`), () => {
      if (valuesOnly !== undefined) requireApi(this.context, '1.2', 'getUsedRange(valuesOnly)');
      const sheet = this._target();
      return { sheet, rects: [usedRect(sheet, valuesOnly ?? false) ?? { top: 0, left: 0, bottom: 0, right: 0 }] };
    });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return new FakeRange(
      this.context,
      this._sub(`getUsedRangeOrNullObject(${valuesOnly ?? ''})`),
      () => {
        requireApi(this.context, '1.4', 'Worksheet.getUsedRangeOrNullObject');
        const sheet = this._target();
        const rect = usedRect(sheet, valuesOnly ?? false);
        return rect ? { sheet, rects: [rect] } : null;
      },
      true,
    );
  }

  activate(): void {
    this._call('activate', [], '1.1', () => {
      const sheet = this._target();
      if (sheet.visibility !== 'Visible') throw officeError('InvalidOperation', `The sheet "${sheet.name}" is hidden and cannot be activated.`);
      this.context.host.state.activeSheetId = sheet.id;
    });
  }

  delete(): void {
    this._call('delete', [], '1.1', () => {
      const sheet = this._target();
      const state = this.context.host.state;
      assertStructureEditable(state);
      if (sheet.visibility === 'Visible' && visibleSheets(state).length === 1) {
        throw officeError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
      }
      const index = state.sheets.indexOf(sheet);
      state.sheets.splice(index, 1);
      sheet.deleted = true;
      for (const n of state.names) {
        if (n.target.kind === 'range' && n.target.sheetId === sheet.id) n.target = { kind: 'error', error: '#REF!' };
      }
      if (state.activeSheetId === sheet.id) {
        const next = visibleSheets(state)[Math.min(index, visibleSheets(state).length - 1)];
        state.activeSheetId = next?.id ?? null;
      }
    });
  }
}

defineScalars<FakeSheet>(FakeWorksheet, {
  name: {
    get: (s) => s.name,
    set: (s, v, self) => {
      // Renaming is a change of the workbook's structure.
      const state = self.context.host.state;
      assertStructureEditable(state);
      s.name = checkSheetName(state, v, s);
    },
  },
  id: { get: (s) => s.id },
  position: {
    get: (s, self) => self.context.host.state.sheets.indexOf(s),
    set: (s, v, self) => {
      const state = self.context.host.state;
      assertStructureEditable(state);
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v >= state.sheets.length) throw officeError('InvalidArgument', `Not a sheet position: ${String(v)}`);
      state.sheets.splice(state.sheets.indexOf(s), 1);
      state.sheets.splice(v, 0, s);
    },
  },
  visibility: {
    get: (s) => s.visibility,
    set: (s, v, self) => {
      if (v !== 'Visible' && v !== 'Hidden' && v !== 'VeryHidden') throw officeError('InvalidArgument', `Not a visibility: ${String(v)}`);
      assertStructureEditable(self.context.host.state);
      s.visibility = v;
    },
  },
  showGridlines: {
    api: '1.8',
    get: (s) => s.showGridlines,
    set: (s, v) => {
      if (typeof v !== 'boolean') throw officeError('InvalidArgument', 'showGridlines is a boolean.');
      s.showGridlines = v;
    },
  },
});

export class FakeWorksheetProtection extends FakeObject<FakeSheet> {
  static override className = 'WorksheetProtection';
}

defineScalars<FakeSheet>(FakeWorksheetProtection, {
  protected: { api: '1.2', get: (s) => s.protected },
});

export class FakeFreezePanes extends FakeObject<FakeSheet> {
  static override className = 'WorksheetFreezePanes';

  freezeRows(count = 1): void {
    this._call('freezeRows', [count], '1.7', () => {
      if (!Number.isInteger(count) || count < 0 || count >= MAX_ROWS) throw officeError('InvalidArgument', `Cannot freeze ${count} rows.`);
      this._target().frozenRows = count;
    });
  }

  unfreeze(): void {
    this._call('unfreeze', [], '1.7', () => {
      this._target().frozenRows = 0;
    });
  }
}

const PAGE_PROPS: Record<string, (v: unknown) => boolean> = {
  orientation: (v) => v === 'Portrait' || v === 'Landscape',
  paperSize: (v) => typeof v === 'string' && /^(?:Letter|Legal|A3|A4|A5|B4|B5|Executive|Tabloid)$/.test(v),
  leftMargin: (v) => typeof v === 'number' && v >= 0,
  rightMargin: (v) => typeof v === 'number' && v >= 0,
  topMargin: (v) => typeof v === 'number' && v >= 0,
  bottomMargin: (v) => typeof v === 'number' && v >= 0,
  headerMargin: (v) => typeof v === 'number' && v >= 0,
  footerMargin: (v) => typeof v === 'number' && v >= 0,
  centerHorizontally: (v) => typeof v === 'boolean',
  printGridlines: (v) => typeof v === 'boolean',
  zoom: (v) => {
    if (!v || typeof v !== 'object') return false;
    const z = v as Record<string, unknown>;
    const ok = (k: string, min: number, max: number) => z[k] === undefined || z[k] === null || (Number.isInteger(z[k]) && (z[k] as number) >= min && (z[k] as number) <= max);
    return Object.keys(z).every((k) => ['scale', 'horizontalFitToPages', 'verticalFitToPages'].includes(k)) && ok('scale', 10, 400) && ok('horizontalFitToPages', 0, 32767) && ok('verticalFitToPages', 0, 32767);
  },
};

export class FakePageLayout extends FakeObject<FakeSheet> {
  static override className = 'PageLayout';

  setPrintTitleRows(rows: unknown): void {
    this._call('setPrintTitleRows', [rows], '1.9', () => {
      const sheet = this._target();
      const target = rangeOf(this.context.host.state, rows, sheet);
      if (target.sheet !== sheet) throw officeError('InvalidArgument', 'Print title rows must be on the same sheet.');
      const rect = target.rects[0];
      sheet.pageLayout.printTitleRows = `$${rect.top + 1}:$${rect.bottom + 1}`;
    });
  }

  setPrintArea(area: unknown): void {
    this._call('setPrintArea', [area], '1.9', () => {
      const sheet = this._target();
      const target = rangeOf(this.context.host.state, area, sheet);
      sheet.pageLayout.printArea = formatAddress(sheet.name, target.rects[0], true);
    });
  }
}

defineScalars<FakeSheet>(
  FakePageLayout,
  Object.fromEntries(
    Object.entries(PAGE_PROPS).map(([name, valid]) => [
      name,
      {
        api: '1.9',
        get: (s: FakeSheet) => s.pageLayout[name] ?? null,
        set: (s: FakeSheet, v: unknown) => {
          if (!valid(v)) throw officeError('InvalidArgument', `Not a valid ${name}: ${JSON.stringify(v)}`);
          s.pageLayout[name] = v;
        },
      },
    ]),
  ),
);

// ---------------------------------------------------------------------------------------------------------
// Defined names

const NAME_RULE = /^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u;

export class FakeNamedItemCollection extends FakeCollection<FakeWorkbookState, FakeNamedItem> {
  static override className = 'NamedItemCollection';

  protected _itemTargets(state: FakeWorkbookState): unknown[] {
    // Excel lists names in alphabetical order (as the Name Manager does).
    return [...state.names].sort((a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase()));
  }

  protected _makeItem(target: unknown, index: number): FakeNamedItem {
    const item = new FakeNamedItem(this.context, `${this._path}.items[${index}]`, () => target as FakeName);
    item._bind(target as FakeName);
    return item;
  }

  getItem(name: string): FakeNamedItem {
    return new FakeNamedItem(this.context, this._sub(`getItem(${JSON.stringify(name)})`), () => {
      const found = findName(this._target(), name);
      if (!found) throw officeError('ItemNotFound', `The name "${name}" does not exist.`);
      return found;
    });
  }

  getItemOrNullObject(name: string): FakeNamedItem {
    return new FakeNamedItem(
      this.context,
      this._sub(`getItemOrNullObject(${JSON.stringify(name)})`),
      () => {
        requireApi(this.context, '1.4', 'NamedItemCollection.getItemOrNullObject');
        return findName(this._target(), name) ?? null;
      },
      true,
    );
  }

  add(name: string, reference: unknown, comment?: string): FakeNamedItem {
    const created = new FakeNamedItem(this.context, this._sub(`add(${JSON.stringify(name)})`), () => {
      throw officeError('InvalidOperation', 'The name was used before it was added.');
    });
    this._call('add', [name, reference, comment ?? null], '1.4', () => {
      const state = this._target();
      if (typeof name !== 'string' || name.length > 255 || !NAME_RULE.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name) || /^[rRcC]\d*$/.test(name)) {
        throw officeError('InvalidArgument', `"${String(name)}" is not a valid name.`);
      }
      if (findName(state, name)) throw officeError('ItemAlreadyExists', `The name "${name}" already exists.`);
      let target: FakeName['target'];
      if (reference instanceof FakeRange) {
        const r = reference._target();
        target = { kind: 'range', sheetId: r.sheet.id, rect: { ...r.rects[0] } };
      } else if (typeof reference === 'string') {
        target = nameTarget(state, reference);
      } else throw officeError('InvalidArgument', 'A name refers to a Range or a formula string.');
      const item: FakeName = { name, target, visible: true, comment: comment ?? '' };
      state.names.push(item);
      created._bind(item);
    });
    return created;
  }
}

export class FakeNamedItem extends FakeObject<FakeName> {
  static override className = 'NamedItem';

  delete(): void {
    this._call('delete', [], '1.4', () => {
      const item = this._target();
      const state = this.context.host.state;
      state.names = state.names.filter((n) => n !== item);
      item.deleted = true;
    });
  }

  getRange(): FakeRange {
    return new FakeRange(this.context, this._sub('getRange()'), () => {
      const item = this._target();
      const sheet = item.target.kind === 'range' ? sheetById(this.context.host.state, item.target.sheetId) : undefined;
      if (item.target.kind !== 'range' || !sheet) throw officeError('InvalidOperation', `The name "${item.name}" does not refer to a range.`);
      return { sheet, rects: [{ ...item.target.rect }] };
    });
  }

  getRangeOrNullObject(): FakeRange {
    return new FakeRange(
      this.context,
      this._sub('getRangeOrNullObject()'),
      () => {
        requireApi(this.context, '1.4', 'NamedItem.getRangeOrNullObject');
        const item = this._target();
        const sheet = item.target.kind === 'range' ? sheetById(this.context.host.state, item.target.sheetId) : undefined;
        return item.target.kind === 'range' && sheet ? { sheet, rects: [{ ...item.target.rect }] } : null;
      },
      true,
    );
  }
}

defineScalars<FakeName>(FakeNamedItem, {
  name: { get: (n) => n.name },
  type: { get: (n, self) => nameType(self.context.host.state, n) },
  value: { get: (n, self) => nameValue(self.context.host.state, n) },
  formula: { api: '1.7', get: (n, self) => `=${nameValue(self.context.host.state, n)}` },
  visible: {
    get: (n) => n.visible,
    set: (n, v) => {
      if (typeof v !== 'boolean') throw officeError('InvalidArgument', 'visible is a boolean.');
      n.visible = v;
    },
  },
  comment: { api: '1.4', get: (n) => n.comment },
  scope: { api: '1.4', get: () => 'Workbook' },
});

// ---------------------------------------------------------------------------------------------------------
// Charts

const CHART_TYPES = ['BarClustered', 'BarStacked', 'ColumnClustered', 'ColumnStacked', 'Line', 'LineMarkers', 'Pie', 'XYScatter', 'Area'];

interface ChartTarget {
  sheet: FakeSheet;
  chart: FakeChart;
}

export class FakeChartCollection extends FakeCollection<FakeSheet, FakeChartProxy> {
  static override className = 'ChartCollection';

  protected _itemTargets(sheet: FakeSheet): unknown[] {
    return sheet.charts.map((chart) => ({ sheet, chart }));
  }

  protected _makeItem(target: unknown, index: number): FakeChartProxy {
    const item = new FakeChartProxy(this.context, `${this._path}.items[${index}]`, () => target as ChartTarget);
    item._bind(target as ChartTarget);
    return item;
  }

  add(type: string, sourceData: unknown, seriesBy = 'Auto'): FakeChartProxy {
    const created = new FakeChartProxy(this.context, this._sub(`add(${JSON.stringify(type)})`), () => {
      throw officeError('InvalidOperation', 'The chart was used before it was added.');
    });
    this._call('add', [type, sourceData, seriesBy], '1.1', () => {
      const sheet = this._target();
      assertEditable(sheet);
      if (!CHART_TYPES.includes(type)) throw officeError('InvalidArgument', `Not a chart type the fake knows: ${type}`);
      if (!['Auto', 'Columns', 'Rows'].includes(seriesBy)) throw officeError('InvalidArgument', `Not a seriesBy: ${seriesBy}`);
      const source = rangeOf(this.context.host.state, sourceData, sheet);
      const rect = source.rects[0];
      const rows = rect.bottom - rect.top + 1;
      const cols = rect.right - rect.left + 1;
      const text = (r: number, c: number) => typeof source.sheet.rows[r]?.[c]?.value === 'string';
      const header = rows > 1 && Array.from({ length: cols }, (_, i) => rect.left + i).some((c) => text(rect.top, c));
      const byColumns = seriesBy === 'Columns' || (seriesBy === 'Auto' && rows >= cols);
      const series = [];
      if (byColumns) {
        for (let c = rect.left; c <= rect.right; c++) {
          const top = header ? rect.top + 1 : rect.top;
          series.push({
            name: header ? String(source.sheet.rows[rect.top]?.[c]?.value ?? '') : `Series${series.length + 1}`,
            values: { sheetId: source.sheet.id, rect: { top, bottom: rect.bottom, left: c, right: c } },
            xAxisValues: null,
          });
        }
      } else {
        for (let r = rect.top; r <= rect.bottom; r++) {
          series.push({ name: `Series${series.length + 1}`, values: { sheetId: source.sheet.id, rect: { top: r, bottom: r, left: rect.left, right: rect.right } }, xAxisValues: null });
        }
      }
      const chart: FakeChart = {
        id: newId(this.context.host.state, 'chart'),
        name: `Chart ${sheet.charts.length + 1}`,
        chartType: type,
        seriesBy,
        source: { sheetId: source.sheet.id, rect: { ...rect } },
        series,
        title: null,
        position: null,
        reversePlotOrder: false,
      };
      sheet.charts.push(chart);
      created._bind({ sheet, chart });
    });
    return created;
  }
}

export class FakeChartProxy extends FakeObject<ChartTarget> {
  static override className = 'Chart';

  protected override _alive(t: ChartTarget): boolean {
    return !t.chart.deleted && !t.sheet.deleted;
  }

  get title(): FakeChartTitle {
    return this._child('title', () => new FakeChartTitle(this.context, this._sub('title'), () => this._target()));
  }

  get series(): FakeChartSeriesCollection {
    return this._child('series', () => new FakeChartSeriesCollection(this.context, this._sub('series'), () => this._target()));
  }

  get axes(): FakeChartAxes {
    return this._child('axes', () => new FakeChartAxes(this.context, this._sub('axes'), () => this._target()));
  }

  setPosition(startCell: unknown, endCell?: unknown): void {
    this._call('setPosition', [startCell, endCell ?? null], '1.1', () => {
      const t = this._target();
      const state = this.context.host.state;
      const start = rangeOf(state, startCell, t.sheet);
      const end = endCell === undefined || endCell === null ? start : rangeOf(state, endCell, t.sheet);
      if (start.sheet !== t.sheet || end.sheet !== t.sheet) throw officeError('InvalidArgument', 'A chart is positioned by cells of its own sheet.');
      t.chart.position = { start: { ...start.rects[0] }, end: { ...end.rects[0] } };
    });
  }

  delete(): void {
    this._call('delete', [], '1.1', () => {
      const t = this._target();
      assertEditable(t.sheet);
      t.chart.deleted = true;
      t.sheet.charts = t.sheet.charts.filter((c) => c !== t.chart);
    });
  }
}

defineScalars<ChartTarget>(FakeChartProxy, {
  name: {
    get: (t) => t.chart.name,
    set: (t, v) => {
      if (typeof v !== 'string' || !v) throw officeError('InvalidArgument', 'A chart name is a string.');
      t.chart.name = v;
    },
  },
  chartType: {
    api: '1.7',
    get: (t) => t.chart.chartType,
    set: (t, v) => {
      if (typeof v !== 'string' || !CHART_TYPES.includes(v)) throw officeError('InvalidArgument', `Not a chart type: ${String(v)}`);
      t.chart.chartType = v;
    },
  },
});

export class FakeChartTitle extends FakeObject<ChartTarget> {
  static override className = 'ChartTitle';
}

defineScalars<ChartTarget>(FakeChartTitle, {
  text: {
    get: (t) => t.chart.title ?? '',
    set: (t, v) => {
      if (typeof v !== 'string') throw officeError('InvalidArgument', 'A chart title is a string.');
      t.chart.title = v;
    },
  },
});

interface SeriesTarget extends ChartTarget {
  index: number;
}

export class FakeChartSeriesCollection extends FakeObject<ChartTarget> {
  static override className = 'ChartSeriesCollection';

  getItemAt(index: number): FakeChartSeries {
    return new FakeChartSeries(this.context, this._sub(`getItemAt(${index})`), () => {
      const t = this._target();
      if (!Number.isInteger(index) || index < 0 || index >= t.chart.series.length) throw officeError('ItemNotFound', `The chart has no series ${index}.`);
      return { ...t, index };
    });
  }
}

defineScalars<ChartTarget>(FakeChartSeriesCollection, {
  count: { get: (t) => t.chart.series.length },
});

function seriesRange(state: FakeWorkbookState, t: SeriesTarget, value: unknown): { sheetId: string; rect: Rect } {
  const r = rangeOf(state, value, t.sheet);
  return { sheetId: r.sheet.id, rect: { ...r.rects[0] } };
}

export class FakeChartSeries extends FakeObject<SeriesTarget> {
  static override className = 'ChartSeries';

  protected override _alive(t: SeriesTarget): boolean {
    return !t.chart.deleted && !t.sheet.deleted;
  }

  setValues(source: unknown): void {
    this._call('setValues', [source], '1.7', () => {
      const t = this._target();
      t.chart.series[t.index].values = seriesRange(this.context.host.state, t, source);
    });
  }

  setXAxisValues(source: unknown): void {
    this._call('setXAxisValues', [source], '1.7', () => {
      const t = this._target();
      t.chart.series[t.index].xAxisValues = seriesRange(this.context.host.state, t, source);
    });
  }
}

defineScalars<SeriesTarget>(FakeChartSeries, {
  name: {
    get: (t) => t.chart.series[t.index].name,
    set: (t, v) => {
      if (typeof v !== 'string') throw officeError('InvalidArgument', 'A series name is a string.');
      t.chart.series[t.index].name = v;
    },
  },
  chartType: {
    api: '1.7',
    get: (t) => t.chart.series[t.index].chartType ?? t.chart.chartType,
    set: (t, v) => {
      if (typeof v !== 'string' || !CHART_TYPES.includes(v)) throw officeError('InvalidArgument', `Not a chart type: ${String(v)}`);
      t.chart.series[t.index].chartType = v;
    },
  },
});

export class FakeChartAxes extends FakeObject<ChartTarget> {
  static override className = 'ChartAxes';

  get categoryAxis(): FakeChartAxis {
    return this._child('categoryAxis', () => new FakeChartAxis(this.context, this._sub('categoryAxis'), () => this._target()));
  }
}

export class FakeChartAxis extends FakeObject<ChartTarget> {
  static override className = 'ChartAxis';
}

defineScalars<ChartTarget>(FakeChartAxis, {
  reversePlotOrder: {
    api: '1.7',
    get: (t) => t.chart.reversePlotOrder,
    set: (t, v) => {
      if (typeof v !== 'boolean') throw officeError('InvalidArgument', 'reversePlotOrder is a boolean.');
      t.chart.reversePlotOrder = v;
    },
  },
});
