/// <reference types="office-js" />
// 数据已修改: in Excel (the fake), the report sheet's recorded fingerprint against the data as it is now, and the
// change events that tell the pane to look again (WorksheetCollection.onChanged, ExcelApi 1.9): added and removed
// the way office.js requires, raised by the clerk's edits and by the add-in's own writes, which leave the report
// current.
import { cellByRef, type FakeWorkbookState } from '../../fakes/excel';
import { install, REPORT_DATE, runExcel, sampleWorkbook, SETTINGS, uninstall } from './helpers';

afterEach(uninstall);

const REPORT = '绩效自评报告';
/** 三防抢险工作经费's actual spending (元) in the sample. */
const SPENT = '项目支出!F5';

describe('checkFreshness and onDataChanged on the sample', () => {
  let state: FakeWorkbookState;

  beforeEach(async () => {
    state = await sampleWorkbook();
  });

  it('finds no report before the first Generate', async () => {
    const { host } = install(state);
    expect(await host.checkFreshness('zh')).toEqual({ status: 'none', fingerprint: null, reports: [] });
  });

  it('is current after Generate, stale after an edit of a figure, current again once it is edited back', async () => {
    const { fake, host } = install(state);
    expect(host.onDataChanged).toBeInstanceOf(Function);
    const changes: number[] = [];
    const stop = await host.onDataChanged!(() => changes.push(fake.changeEvents));
    expect(fake.changeHandlers).toBe(1);

    const outcome = await host.generate(SETTINGS, undefined, REPORT_DATE);
    expect(outcome).toMatchObject({ ok: true, reportSheet: REPORT });
    // The add-in's own writes raise change events too (as Excel's do), on its report sheet: the host does not
    // pass them on, so the pane does not read the workbook again after a Generate …
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(fake.changeEvents).toBeGreaterThan(0);
    expect(changes).toHaveLength(0);
    // … nor when the clerk rewrites the report's wording.
    await fake.editCell(`${REPORT}!A3`, '我改写的段落');
    expect(changes).toHaveLength(0);
    const ownWrites = changes.length;
    // The data's fingerprint is the same: the report is current.
    const fresh = await host.checkFreshness('zh');
    expect(fresh.status).toBe('current');
    expect(fresh.reports).toEqual([{ sheet: REPORT, status: 'current', recorded: fresh.fingerprint }]);

    const original = cellByRef(state, SPENT)?.value;
    expect(original).toBe(2240600);
    await fake.editCell(SPENT, 2300000);
    expect(changes).toHaveLength(ownWrites + 1);
    const stale = await host.checkFreshness('zh');
    expect(stale).toMatchObject({ status: 'stale', reports: [{ sheet: REPORT, status: 'stale', recorded: fresh.fingerprint }] });
    expect(stale.fingerprint).not.toBe(fresh.fingerprint);

    await fake.editCell(SPENT, original ?? null);
    expect(changes).toHaveLength(ownWrites + 2);
    expect(await host.checkFreshness('zh')).toEqual(fresh);
    // The report's language does not change what the data is.
    expect((await host.checkFreshness('en')).status).toBe('current');

    await stop();
    expect(fake.changeHandlers).toBe(0);
    await fake.editCell(SPENT, 1);
    expect(changes).toHaveLength(ownWrites + 2);
    await stop(); // twice is harmless
  });

  it('stays current when only formats change (a font colour, a fill, a column width)', async () => {
    const { host } = install(state);
    await host.generate(SETTINGS, undefined, REPORT_DATE);
    await runExcel(async (context) => {
      const range = context.workbook.worksheets.getItem('项目支出').getRange('B5:F5');
      range.format.font.color = '#C00000';
      range.format.fill.color = '#FFFF00';
      range.format.columnWidth = 120;
      await context.sync();
    });
    expect(cellByRef(state, SPENT)?.fontColor).toBe('#C00000');
    expect((await host.checkFreshness('zh')).status).toBe('current');
  });

  it('is stale when a project is renamed or a table cell is cleared', async () => {
    const { fake, host } = install(state);
    await host.generate(SETTINGS, undefined, REPORT_DATE);
    await fake.editCell('项目支出!B6', '专职安全监督员人员经费');
    expect((await host.checkFreshness('zh')).status).toBe('stale');
    await fake.editCell('项目支出!B6', '专职安监员人员经费');
    expect((await host.checkFreshness('zh')).status).toBe('current');
    await runExcel(async (context) => {
      context.workbook.worksheets.getItem('项目支出').getRange('J10').clear('Contents');
      await context.sync();
    });
    expect((await host.checkFreshness('zh')).status).toBe('current'); // 偏差原因 was empty already
    await runExcel(async (context) => {
      context.workbook.worksheets.getItem('项目支出').getRange('I4').clear('Contents');
      await context.sync();
    });
    expect((await host.checkFreshness('zh')).status).toBe('stale');
  });

  it('has no onDataChanged before ExcelApi 1.7 (no change events at all)', async () => {
    for (const maxExcelApi of ['1.4', '1.6']) {
      const { host } = install(state, { maxExcelApi });
      expect(host.onDataChanged).toBeUndefined();
    }
    for (const maxExcelApi of ['1.7', '1.8', '1.9']) {
      const { host } = install(state, { maxExcelApi });
      expect(host.onDataChanged).toBeInstanceOf(Function);
    }
  });

  it('on ExcelApi 1.7–1.8 (Office 2019) listens sheet by sheet, and to sheets added later', async () => {
    const { fake, host } = install(state, { maxExcelApi: '1.8' });
    const calls: string[] = [];
    const stop = await host.onDataChanged!(() => calls.push('changed'));
    expect(fake.changeHandlers).toBe(state.sheets.length);
    await host.generate(SETTINGS, undefined, REPORT_DATE);
    await new Promise((resolve) => setTimeout(resolve, 0));
    // Generate adds the report sheet and writes into it: the tool's own, not the data's.
    expect(calls).toEqual([]);
    expect(fake.changeHandlers).toBe(state.sheets.length);
    await fake.editCell(SPENT, 2300000);
    expect(calls).toEqual(['changed']);
    expect((await host.checkFreshness('zh')).status).toBe('stale');

    // A sheet the clerk adds is a change, and is listened to from then on.
    await runExcel(async (context) => {
      context.workbook.worksheets.add('补充数据');
      await context.sync();
    });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(calls).toEqual(['changed', 'changed']);
    await fake.editCell('补充数据!A1', 1);
    expect(calls).toEqual(['changed', 'changed', 'changed']);

    await stop();
    expect(fake.changeHandlers).toBe(0);
    await fake.editCell(SPENT, 1);
    expect(calls).toHaveLength(3);
  });

  it('checks freshness on an Excel with only the gateway’s minimum set', async () => {
    const { fake, host } = install(state, { maxExcelApi: '1.4' });
    await host.generate(SETTINGS, undefined, REPORT_DATE);
    expect((await host.checkFreshness('zh')).status).toBe('current');
    await fake.editCell(SPENT, 0);
    expect((await host.checkFreshness('zh')).status).toBe('stale');
  });
});

describe('the fake’s change events, as office.js has them', () => {
  let state: FakeWorkbookState;

  beforeEach(async () => {
    state = await sampleWorkbook();
  });

  it('registers a handler at sync, and raises WorksheetChanged for the clerk’s edits and the add-in’s writes', async () => {
    const { fake } = install(state);
    const seen: Excel.WorksheetChangedEventArgs[] = [];
    const registration = await runExcel(async (context) => {
      const result = context.workbook.worksheets.onChanged.add(async (event) => {
        seen.push(event);
      });
      expect(fake.changeHandlers).toBe(0);
      await context.sync();
      return result;
    });
    expect(fake.changeHandlers).toBe(1);

    await fake.editCell(SPENT, 2300000);
    const sheetId = state.sheets.find((s) => s.name === '项目支出')?.id;
    expect(seen).toEqual([{ type: 'WorksheetChanged', worksheetId: sheetId, address: 'F5', changeType: 'RangeEdited', source: 'Local' }]);

    await runExcel(async (context) => {
      context.workbook.worksheets.getItem('项目支出').getRange('A20:B20').values = [['x', 1]];
      await context.sync();
    });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(seen[1]).toMatchObject({ worksheetId: sheetId, address: 'A20:B20' });

    await Excel.run(registration.context, async (context) => {
      registration.remove();
      await context.sync();
    });
    expect(fake.changeHandlers).toBe(0);
  });

  it('needs ExcelApi 1.9 for worksheets.onChanged', async () => {
    install(state, { maxExcelApi: '1.8' });
    await expect(
      runExcel(async (context) => {
        context.workbook.worksheets.onChanged.add(async () => undefined);
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ApiNotFound' });
  });

  it('drops a handler added without a sync, and removes one only in the context it was added in', async () => {
    const { fake } = install(state);
    await runExcel(async (context) => {
      context.workbook.worksheets.onChanged.add(async () => undefined);
      return undefined;
    });
    expect(fake.changeHandlers).toBe(0);
    expect(fake.stats.unsyncedCommands).toBe(1);

    const registration = await runExcel(async (context) => {
      const result = context.workbook.worksheets.onChanged.add(async () => undefined);
      await context.sync();
      return result;
    });
    // In a batch of its own: the handler's context is closed, and office.js would not find the handler there.
    await expect(
      runExcel(async (context) => {
        registration.remove();
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidRequestContext' });
    expect(fake.changeHandlers).toBe(1);
    await Excel.run(registration.context, async (context) => {
      registration.remove();
      await context.sync();
    });
    expect(fake.changeHandlers).toBe(0);
    await expect(
      Excel.run(registration.context, async (context) => {
        registration.remove();
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  it('lets no edit into a protected sheet', async () => {
    state.sheets.find((s) => s.name === '项目支出')!.protected = true;
    const { fake } = install(state);
    expect(() => fake.editCell(SPENT, 1)).toThrow(/protected/);
  });
});
