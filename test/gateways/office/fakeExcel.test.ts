/// <reference types="office-js" />
// The fake enforces Excel's rules, through the real office.js types: what a test passes here would pass in Excel.
import { createFakeWorkbook, describeState, sheetValues, type FakeWorkbookState } from '../../fakes/excel';
import { install, runExcel, uninstall } from './helpers';

function small(): FakeWorkbookState {
  return createFakeWorkbook({
    sheets: [
      { name: 'Data', values: [['a', 1], ['b', 2]], origin: 'B2', merges: ['D5:E5'], numberFormats: { C2: '0.00' } },
      { name: 'Other', values: [['x']] },
    ],
    names: [{ name: 'Mark', reference: "'Data'!$B$2" }],
  });
}

afterEach(uninstall);

describe('the fake Excel object model', () => {
  it('throws PropertyNotLoaded for a property read before load() and sync()', async () => {
    install(small());
    await runExcel(async (context) => {
      const range = context.workbook.worksheets.getItem('Data').getRange('B2:C3');
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      range.load('values');
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await context.sync();
      expect(range.values).toEqual([
        ['a', 1],
        ['b', 2],
      ]);
      expect(() => range.address).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    });
  });

  it('queues writes and applies them at sync, in order', async () => {
    const { fake } = install(small());
    await runExcel(async (context) => {
      const range = context.workbook.worksheets.getItem('Other').getRange('A1:B1');
      range.values = [['y', 3]];
      expect(sheetValues(fake.state, 'Other')).toEqual([['x']]);
      await context.sync();
      expect(sheetValues(fake.state, 'Other')).toEqual([['y', 3]]);
    });
  });

  it('fails getItem with ItemNotFound at sync, and gives getItemOrNullObject an isNullObject', async () => {
    install(small());
    await runExcel(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject('Nope');
      const present = context.workbook.worksheets.getItemOrNullObject('data');
      expect(() => missing.isNullObject).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
      const gone = context.workbook.worksheets.getItem('Nope');
      gone.load('name');
      await expect(context.sync()).rejects.toMatchObject({ code: 'ItemNotFound' });
    });
  });

  it('gives collections their items after load', async () => {
    install(small());
    await runExcel(async (context) => {
      const sheets = context.workbook.worksheets;
      expect(() => sheets.items).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      sheets.load('items/name');
      const names = context.workbook.names;
      names.load('name,type,value');
      await context.sync();
      expect(sheets.items.map((s) => s.name)).toEqual(['Data', 'Other']);
      expect(() => sheets.items[0].position).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      expect(names.items.map((n) => [n.name, n.type, n.value])).toEqual([['Mark', 'Range', 'Data!$B$2']]);
    });
  });

  it('refuses a duplicate sheet name (any case) with ItemAlreadyExists, and bad names with InvalidArgument', async () => {
    install(small());
    await runExcel(async (context) => {
      context.workbook.worksheets.add('DATA');
      await expect(context.sync()).rejects.toMatchObject({ code: 'ItemAlreadyExists' });
      context.workbook.worksheets.add('a/b');
      await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
      context.workbook.worksheets.add('x'.repeat(32));
      await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    });
  });

  it('refuses values whose size does not match the range', async () => {
    install(small());
    await runExcel(async (context) => {
      context.workbook.worksheets.getItem('Other').getRange('A1:B2').values = [['only one row', 1]];
      await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    });
  });

  it('turns strings starting with = + - @ into formulas, unless the cell is formatted as text first', async () => {
    const { fake } = install(small());
    await runExcel(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Other');
      sheet.getRange('A2:E2').values = [['=HYPERLINK("http://x","y")', '+1-2', '-3 专项', '@SUM(A1)', '-3']];
      const text = sheet.getRange('A3:D3');
      text.numberFormat = [['@', '@', '@', '@']];
      text.values = [['=HYPERLINK("http://x","y")', '+1-2', '-3 专项', '@SUM(A1)']];
      await context.sync();
    });
    const row = (r: number) => fake.state.sheets[1].rows[r];
    expect(row(1).slice(0, 4).map((c) => c?.formula)).toEqual(['=HYPERLINK("http://x","y")', '=+1-2', '=-3 专项', '=SUM(A1)']);
    expect(row(1)[4]?.value).toBe(-3);
    expect(row(2).map((c) => [c?.value, c?.formula])).toEqual([
      ['=HYPERLINK("http://x","y")', undefined],
      ['+1-2', undefined],
      ['-3 专项', undefined],
      ['@SUM(A1)', undefined],
    ]);
  });

  it('respects the used range origin and null objects for blank sheets', async () => {
    install(createFakeWorkbook({ sheets: [{ name: 'S', values: [[1, 2]], origin: 'C3' }, { name: 'Blank' }] }));
    await runExcel(async (context) => {
      const used = context.workbook.worksheets.getItem('S').getUsedRangeOrNullObject(true);
      used.load('address,rowIndex,columnIndex');
      const blank = context.workbook.worksheets.getItem('Blank').getUsedRangeOrNullObject(true);
      blank.load('address');
      await context.sync();
      expect([used.address, used.rowIndex, used.columnIndex]).toEqual(['S!C3:D3', 2, 2]);
      expect(blank.isNullObject).toBe(true);
    });
  });

  it('fails an API the host lacks with ApiNotFound (an old Excel)', async () => {
    install(small(), { maxExcelApi: '1.5' });
    expect(Office.context.requirements.isSetSupported('ExcelApi', '1.5')).toBe(true);
    expect(Office.context.requirements.isSetSupported('ExcelApi', '1.6')).toBe(false);
    await runExcel(async (context) => {
      context.workbook.worksheets.getItem('Data').getRange('B2').conditionalFormats.add('Custom');
      await expect(context.sync()).rejects.toMatchObject({ code: 'ApiNotFound' });
      context.workbook.worksheets.getItem('Data').getRange().getMergedAreasOrNullObject().load('address');
      await expect(context.sync()).rejects.toMatchObject({ code: 'ApiNotFound' });
    });
  });

  it('keeps conditional formats, names and merges as Excel does', async () => {
    const { fake } = install(small());
    await runExcel(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Data');
      const format = sheet.getRanges('B2:C2, B3:C3').conditionalFormats.add('Custom');
      format.custom.rule.formula = '=$C2>1';
      format.custom.format.fill.color = '#FFE08A';
      const merged = sheet.getRange().getMergedAreasOrNullObject();
      merged.load('address');
      const formats = sheet.getRange('B3').conditionalFormats;
      formats.load('items/type');
      context.workbook.names.add('Second', sheet.getRange('C3'));
      await context.sync();
      expect(merged.address).toBe('Data!D5:E5');
      expect(formats.items.map((f) => f.type)).toEqual(['Custom']);
      const rule = formats.items[0].custom.rule;
      rule.load('formula');
      sheet.name = 'Renamed';
      await context.sync();
      expect(rule.formula).toBe('=$C2>1');
      formats.items[0].delete();
      context.workbook.names.add('second', 'Renamed!$A$1');
      await expect(context.sync()).rejects.toMatchObject({ code: 'ItemAlreadyExists' });
    });
    expect(fake.state.sheets[0].conditionalFormats).toEqual([]);
    expect(fake.state.names.map((n) => [n.name, n.target.kind])).toEqual([
      ['Mark', 'range'],
      ['Second', 'range'],
    ]);
  });

  it('turns a deleted sheet’s names into #REF!', async () => {
    install(small());
    await runExcel(async (context) => {
      context.workbook.worksheets.getItem('Data').delete();
      const names = context.workbook.names;
      names.load('items/name,items/type,items/value');
      await context.sync();
      expect(names.items.map((n) => [n.type, n.value])).toEqual([['Error', '#REF!']]);
    });
  });

  it('counts syncs and measures every request and response', async () => {
    const { fake } = install(small());
    await runExcel(async (context) => {
      const range = context.workbook.worksheets.getItem('Other').getRange('A1:B1');
      range.values = [['a'.repeat(1000), 'b']];
      await context.sync();
      range.load('values');
      await context.sync();
    });
    expect(fake.stats.syncs).toBe(2);
    expect(fake.stats.requests[0].requestBytes).toBeGreaterThan(1000);
    expect(fake.stats.requests[1].responseBytes).toBeGreaterThan(1000);
    expect(fake.stats.unsyncedCommands).toBe(0);
  });

  it('refuses a request over the payload limit, and counts commands a batch never synced', async () => {
    const { fake } = install(small(), { maxRequestBytes: 2000 });
    await expect(
      runExcel(async (context) => {
        context.workbook.worksheets.getItem('Other').getRange('A1').values = [['x'.repeat(3000)]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    await runExcel(async (context) => {
      context.workbook.worksheets.getItem('Other').getRange('A1').values = [['never sent']];
    });
    expect(fake.stats.unsyncedCommands).toBe(1);
    expect(sheetValues(fake.state, 'Other')).toEqual([['x']]);
  });

  it('injects an Excel error at a given command, after what ran before it', async () => {
    const { fake } = install(small());
    fake.failNext({ member: 'Range.values', code: 'AccessDenied', skip: 1 });
    await runExcel(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Other');
      sheet.getRange('A1').values = [['first']];
      sheet.getRange('A2').values = [['second']];
      await expect(context.sync()).rejects.toMatchObject({ code: 'AccessDenied' });
    });
    expect(sheetValues(fake.state, 'Other')).toEqual([['first']]);
  });

  it('fails in cell-edit mode, or waits with delayForCellEdit', async () => {
    const { fake } = install(small());
    fake.enterCellEditMode();
    await expect(runExcel((context) => context.sync())).rejects.toMatchObject({ code: 'InvalidOperationInCellEditMode' });
    let done = false;
    const waiting = Excel.run({ delayForCellEdit: true }, async (context) => {
      await context.sync();
      done = true;
    });
    await new Promise((r) => setTimeout(r, 10));
    expect(done).toBe(false);
    fake.exitCellEditMode();
    await waiting;
    expect(done).toBe(true);
    expect(fake.stats.delayedForCellEdit).toBe(1);
  });

  it('requires the batch to return a promise', async () => {
    install(small());
    await expect(Excel.run((() => undefined) as unknown as () => Promise<void>)).rejects.toMatchObject({ code: 'RunMustReturnPromise' });
  });

  it('has Office.onReady, the display language and document settings', async () => {
    const { fake } = install(small(), { displayLanguage: 'en-US' });
    await expect(Office.onReady()).resolves.toMatchObject({ host: 'Excel' });
    expect(Office.context.displayLanguage).toBe('en-US');
    const settings = Office.context.document.settings;
    settings.set('k', 'v');
    expect(settings.get('k')).toBe('v');
    expect(fake.state.settings).toEqual({});
    await new Promise<void>((resolve) => settings.saveAsync(() => resolve()));
    expect(fake.state.settings).toEqual({ k: 'v' });
    fake.failNextSettingsSave('AccessDenied');
    const result = await new Promise<Office.AsyncResult<void>>((resolve) => settings.saveAsync(resolve));
    expect(result.status).toBe(Office.AsyncResultStatus.Failed);
  });

  it('describes a state so that an untouched workbook compares equal', async () => {
    const state = small();
    const before = describeState(state);
    install(state);
    await runExcel(async (context) => {
      const r = context.workbook.worksheets.getItem('Data').getRange('A1:D4');
      r.load('values,numberFormat');
      await context.sync();
    });
    expect(describeState(state)).toEqual(before);
  });
});
