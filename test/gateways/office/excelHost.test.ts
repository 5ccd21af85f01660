/// <reference types="office-js" />
// The WorkbookHost the task pane gets inside Excel: capabilities, settings kept in the document, selecting a
// finding's cell, and what Generate returns when the workbook cannot be evaluated.
import { HostError } from '../../../src/gateways/host';
import { parseSettings, SETTINGS_KEY } from '../../../src/gateways/office';
import { createFakeWorkbook, describeState, findSheet } from '../../fakes/excel';
import { install, REPORT_DATE, sampleWorkbook, SETTINGS, uninstall } from './helpers';

afterEach(uninstall);

describe('createExcelHost', () => {
  it('is an Excel host whose capabilities follow the requirement sets', async () => {
    const state = await sampleWorkbook();
    expect(install(state).host).toMatchObject({ kind: 'excel', capabilities: { conditionalFormats: true, charts: true, insertWorksheets: true } });
    expect(install(state, { maxExcelApi: '1.12' }).host.capabilities).toEqual({ conditionalFormats: true, charts: true, insertWorksheets: false });
    expect(install(state, { maxExcelApi: '1.6' }).host.capabilities).toEqual({ conditionalFormats: true, charts: false, insertWorksheets: false });
  });

  it('on ExcelApi 1.1 (Excel 2016 bought outright): says Generate is unsupported, still selects and keeps settings', async () => {
    const state = await sampleWorkbook();
    const before = describeState(state);
    const { host } = install(state, { maxExcelApi: '1.1' });
    expect(host.capabilities).toEqual({ conditionalFormats: false, charts: false, insertWorksheets: false });
    await expect(host.generate(SETTINGS, undefined, REPORT_DATE)).rejects.toMatchObject({ code: 'unsupported' });
    await expect(host.removeHighlights()).rejects.toMatchObject({ code: 'unsupported' });
    expect(describeState(state)).toEqual(before);
    await host.select('项目支出!B10');
    expect(findSheet(state, '项目支出')?.selection).toEqual({ top: 9, left: 1, bottom: 9, right: 1 });
    await host.saveSettings(SETTINGS);
    await expect(host.loadSettings()).resolves.toEqual({ basis: 'adjusted', lang: 'zh', style: 'trim' });
  });

  it('keeps the settings in the document under one key, as JSON, and reads them back', async () => {
    const { host, fake } = install(await sampleWorkbook());
    await expect(host.loadSettings()).resolves.toEqual({});
    await host.saveSettings({ ...SETTINGS, target: 0.9, lang: 'en', basis: 'initial' });
    expect(Object.keys(fake.state.settings)).toEqual([SETTINGS_KEY]);
    expect(JSON.parse(fake.state.settings[SETTINGS_KEY] as string)).toEqual({ basis: 'initial', lang: 'en', style: 'trim', target: 0.9 });
    await expect(host.loadSettings()).resolves.toEqual({ basis: 'initial', lang: 'en', style: 'trim', target: 0.9 });
  });

  it('reports a failed save as a HostError', async () => {
    const { host, fake } = install(await sampleWorkbook());
    fake.failNextSettingsSave('AccessDenied', 'read-only document');
    await expect(host.saveSettings(SETTINGS)).rejects.toMatchObject({ code: 'protected' });
  });

  it('drops stored settings it does not understand', () => {
    expect(parseSettings('{"target":95,"explainBelow":0.8,"basis":"weird","lang":"fr","style":"fixed"}')).toEqual({ explainBelow: 0.8, style: 'fixed' });
    expect(parseSettings('not json')).toEqual({});
    expect(parseSettings(null)).toEqual({});
    expect(parseSettings({ lang: 'zh' })).toEqual({ lang: 'zh' });
  });

  it('selects a finding’s cell: activates its sheet and selects it', async () => {
    const state = createFakeWorkbook({ sheets: [{ name: 'A', values: [[1]] }, { name: 'My sheet', values: [[2]] }, { name: '项目支出', values: [[3]] }] });
    const { host } = install(state);
    await host.select('项目支出!B10');
    expect(state.activeSheetId).toBe(findSheet(state, '项目支出')?.id);
    expect(findSheet(state, '项目支出')?.selection).toEqual({ top: 9, left: 1, bottom: 9, right: 1 });
    await host.select("'My sheet'!A4:J4");
    expect(state.activeSheetId).toBe(findSheet(state, 'My sheet')?.id);
    expect(findSheet(state, 'My sheet')?.selection).toEqual({ top: 3, left: 0, bottom: 3, right: 9 });
  });

  it('says not-found for a sheet that is gone or a reference that is not one', async () => {
    const { host } = install(createFakeWorkbook({ sheets: [{ name: 'A' }] }));
    await expect(host.select('Gone!A1')).rejects.toMatchObject({ code: 'not-found' });
    await expect(host.select('no reference')).rejects.toBeInstanceOf(HostError);
    await expect(host.select('A!ZZZZ1')).rejects.toMatchObject({ code: 'not-found' });
  });

  it('returns the findings and writes nothing when the workbook has no project table', async () => {
    const state = createFakeWorkbook({ sheets: [{ name: 'Notes', values: [['nothing', 'to'], ['see', 'here']] }] });
    const before = describeState(state);
    const { host, fake } = install(state);
    const outcome = await host.generate(SETTINGS, undefined, REPORT_DATE);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.findings.map((f) => f.code)).toContain('no-project-table');
    expect(describeState(state)).toEqual(before);
    expect(fake.stats.syncs).toBe(3);
  });

  it('passes the clerk’s target and language to the pipeline', async () => {
    const state = await sampleWorkbook();
    const { host } = install(state);
    const outcome = await host.generate({ ...SETTINGS, target: 0.93, lang: 'en' }, undefined, REPORT_DATE);
    expect(outcome).toMatchObject({ ok: true, reportSheet: 'Evaluation report' });
    if (outcome.ok) expect(outcome.evaluation.projects.filter((p) => p.underTarget).map((p) => p.name)).toEqual(['总值班室工作经费', '安全生产宣传教育中心工作经费']);
  });
});
