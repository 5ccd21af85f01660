/// <reference types="office-js" />
// Insert template: the template's sheets are added after the clerk's, which are never touched; a taken name
// gets `name (2)`. With insertWorksheetsFromBase64 (ExcelApi 1.13) or, without it, by writing the cells.
import { insertTemplate } from '../../../src/gateways/office';
import JSZip from 'jszip';
import { freeSheetNames } from '../../../src/gateways/office/insertTemplate';
import { templateBase64, templateSheetNames } from '../../../src/gateways/office/templateBook';
import { cellByRef, createFakeWorkbook, describeState, findSheet, sheetValues, type FakeWorkbookState } from '../../fakes/excel';
import { install, runExcel, TEMPLATE, uninstall } from './helpers';

afterEach(uninstall);

function clerkWorkbook(): FakeWorkbookState {
  return createFakeWorkbook({
    sheets: [
      { name: 'Sheet1', values: [['my data', 1]] },
      { name: '项目支出', values: [['我的项目', 2]], merges: ['C1:D1'] },
    ],
  });
}

function clerkSheets(state: FakeWorkbookState) {
  return (describeState(state) as { sheets: { name: string }[] }).sheets.filter((s) => s.name === 'Sheet1' || s.name === '项目支出');
}

describe.each([
  ['insertWorksheetsFromBase64 (ExcelApi 1.13)', {}, 'insert'],
  ['insertWorksheetsFromBase64 where taken names are renamed by Excel', { insertNameClash: 'rename' as const }, 'insert'],
  ['cells (ExcelApi 1.12)', { maxExcelApi: '1.12' }, 'cells'],
  ['cells (1.13 claimed, the API missing, as on an iPad)', { insertWorksheets: false }, 'cells'],
])('Insert template by %s', (_label, options, method) => {
  it('adds the template sheets at the end, renaming a taken one, and touches no existing sheet', async () => {
    const state = clerkWorkbook();
    const before = clerkSheets(state);
    install(state, options);
    const outcome = await runExcel((context) => insertTemplate(context, new Uint8Array(TEMPLATE)));
    expect(outcome).toEqual({ sheets: ['部门信息', '部门支出', '项目支出 (2)', '绩效指标', '评分设置'], method });
    expect(state.sheets.map((s) => s.name)).toEqual(['Sheet1', '项目支出', '部门信息', '部门支出', '项目支出 (2)', '绩效指标', '评分设置']);
    expect(clerkSheets(state)).toEqual(before);
    expect(state.activeSheetId).toBe(findSheet(state, '部门信息')?.id);
  });

  it('brings the template’s values, formulas, number formats, merges, widths and bold', async () => {
    const state = createFakeWorkbook({ sheets: [{ name: 'Sheet1' }] });
    install(state, options);
    await runExcel((context) => insertTemplate(context, new Uint8Array(TEMPLATE)));
    expect(sheetValues(state, '项目支出')[2]).toEqual(['序号', '项目名称', '年初预算数', '预算调整数', '调整后预算数', '实际支出数', '执行率', '资金用途', '绩效目标完成情况', '偏差原因']);
    expect(cellByRef(state, '项目支出!E4')?.formula).toBe('=C4+D4');
    expect(cellByRef(state, '项目支出!E4')?.numberFormat).toBe('#,##0.00');
    expect(cellByRef(state, '项目支出!G4')?.numberFormat).toBe('0.00%');
    expect(cellByRef(state, '部门信息!B6')?.value).toBe(0.95);
    expect(findSheet(state, '项目支出')?.merges).toContainEqual({ top: 0, left: 0, bottom: 0, right: 9 });
    // Issue 9: the 绩效指标 sheet, blank under its header, in both paths.
    expect(sheetValues(state, '绩效指标')[2]).toEqual(['项目名称', '一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位', '实际完成值', '分值', '得分', '偏差原因']);
    expect(sheetValues(state, '绩效指标').slice(3).flat().every((v) => v === '' || v === null)).toBe(true);
    expect(findSheet(state, '绩效指标')?.merges).toContainEqual({ top: 0, left: 0, bottom: 0, right: 10 });
    if (method === 'cells') {
      expect(cellByRef(state, '项目支出!A3')?.bold).toBe(true);
      expect(findSheet(state, '项目支出')?.columnWidths.get(1)).toBeGreaterThan(findSheet(state, '项目支出')?.columnWidths.get(0) ?? 0);
    }
  });
});

describe('Insert template on ExcelApi 1.1 (Excel 2016 bought outright)', () => {
  it('writes the cells, without the widths and merges 1.1 cannot set', async () => {
    const state = clerkWorkbook();
    const before = clerkSheets(state);
    const { host } = install(state, { maxExcelApi: '1.1' });
    await host.insertTemplate();
    expect(state.sheets.map((s) => s.name)).toEqual(['Sheet1', '项目支出', '部门信息', '部门支出', '项目支出 (2)', '绩效指标', '评分设置']);
    expect(clerkSheets(state)).toEqual(before);
    expect(cellByRef(state, '项目支出 (2)!E4')?.formula).toBe('=C4+D4');
    expect(findSheet(state, '项目支出 (2)')?.merges).toEqual([]);
  });
});

describe('Insert template, failing halfway (cells)', () => {
  it('removes the sheets it added and leaves the workbook as it was', async () => {
    const state = clerkWorkbook();
    const before = describeState(state);
    const { fake, host } = install(state, { maxExcelApi: '1.12' });
    fake.failNext({ member: 'Range.merge', code: 'GeneralException', skip: 2 });
    await expect(host.insertTemplate()).rejects.toMatchObject({ name: 'HostError', code: 'unknown' });
    expect(describeState(state)).toEqual(before);
  });

  it('reports a template it cannot fetch as not-found', async () => {
    const state = clerkWorkbook();
    const { host } = install(state, {}, { fetchTemplate: async () => Promise.reject(new Error('404')) });
    await expect(host.insertTemplate()).rejects.toMatchObject({ code: 'not-found' });
  });

  it('goes through the host (fetchTemplate) in 2 syncs with insertWorksheetsFromBase64', async () => {
    const state = clerkWorkbook();
    const { fake, host } = install(state);
    await host.insertTemplate();
    expect(fake.stats.syncs).toBe(2);
    expect(state.sheets).toHaveLength(7);
  });
});

describe('template helpers', () => {
  it('chooses free names as Excel would number them, within 31 characters', () => {
    expect(freeSheetNames(['a', 'b', 'A'], ['A', 'a (2)'])).toEqual(['a (3)', 'b', 'A (4)']);
    expect(freeSheetNames(['x'.repeat(31)], ['x'.repeat(31)])).toEqual([`${'x'.repeat(27)} (2)`]);
  });

  it('gives the template as base64 (JSZip’s), its sheets renamed and nothing else changed', async () => {
    const names = await templateSheetNames(new Uint8Array(TEMPLATE));
    const wanted = names.map((n, i) => (i === 0 ? `${n} (2) "&<'` : n));
    const zip = await JSZip.loadAsync(Buffer.from(await templateBase64(new Uint8Array(TEMPLATE), wanted), 'base64'));
    const original = await JSZip.loadAsync(TEMPLATE);
    expect(await templateSheetNames(await zip.generateAsync({ type: 'uint8array' }))).toEqual(wanted);
    for (const name of Object.keys(original.files).filter((f) => f !== 'xl/workbook.xml')) {
      expect(await zip.file(name)?.async('string')).toBe(await original.file(name)?.async('string'));
    }
  });

  it('reads and renames the sheets of a namespace-prefixed workbook.xml (<x:sheet>), as some producers write it', async () => {
    const zip = new JSZip();
    zip.file(
      'xl/workbook.xml',
      `<x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><x:sheets><x:sheet note=' name="假"' name="部门&amp;信息" sheetId="1" r:id="rId1"/><x:sheet name="项目" sheetId="2" r:id="rId2"/></x:sheets></x:workbook>`,
    );
    const bytes = await zip.generateAsync({ type: 'uint8array' });
    expect(await templateSheetNames(bytes)).toEqual(['部门&信息', '项目']);
    const renamed = Buffer.from(await templateBase64(bytes, ['部门&信息', '项目 (2)']), 'base64');
    const xml = await (await JSZip.loadAsync(renamed)).file('xl/workbook.xml')!.async('string');
    expect(xml).toContain(`<x:sheet note=' name="假"' name="部门&amp;信息" sheetId="1" r:id="rId1"/><x:sheet name="项目 (2)" sheetId="2" r:id="rId2"/>`);
  });
});
