/// <reference types="office-js" />
// exportDocx on both hosts: the same pipeline as Generate, the report as a .docx, and the workbook untouched.
import ExcelJS from 'exceljs';
import { DEFAULT_SETTINGS } from '../../../src/gateways/host';
import { openWorkbookFile } from '../../../src/gateways/xlsx/fileHost';
import { createFakeWorkbook, describeState } from '../../fakes/excel';
import { install, REPORT_DATE, SAMPLE, sampleWorkbook, SETTINGS, uninstall } from '../office/helpers';
import { readDocx } from './docxText';

afterEach(uninstall);

const TITLE = '广州市荔湾区应急管理局\n2021年部门整体支出绩效自评报告';

describe('exportDocx in Excel', () => {
  it('returns the report as a .docx named after the department, and writes nothing to the workbook', async () => {
    const state = await sampleWorkbook();
    const before = describeState(state);
    const { host, fake } = install(state);
    const outcome = await host.exportDocx(SETTINGS, REPORT_DATE);
    if (!outcome.ok) throw new Error('the sample should evaluate');
    expect(outcome.name).toBe('广州市荔湾区应急管理局自评报告.docx');
    const docx = await readDocx(outcome.bytes);
    expect(docx.paragraphs[0]).toBe(TITLE);
    expect(docx.paragraphs).toEqual(expect.arrayContaining(['附表1', '附表4', '2022年1月15日']));
    expect(describeState(state)).toEqual(before);
    expect(fake.stats.syncs).toBe(3); // the read of Generate, and no write
  });

  it('gives the findings, and no document, for a workbook that cannot be evaluated', async () => {
    const state = createFakeWorkbook({ sheets: [{ name: 'Notes', values: [['nothing', 'to'], ['see', 'here']] }] });
    const { host } = install(state);
    const outcome = await host.exportDocx(SETTINGS, REPORT_DATE);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.findings.map((f) => f.code)).toContain('no-project-table');
  });

  it('writes the English report when the settings ask for it', async () => {
    const { host } = install(await sampleWorkbook());
    const outcome = await host.exportDocx({ ...SETTINGS, lang: 'en' }, REPORT_DATE);
    if (!outcome.ok) throw new Error('the sample should evaluate');
    expect(outcome.name).toBe('广州市荔湾区应急管理局 self-evaluation report.docx');
    expect((await readDocx(outcome.bytes)).paragraphs).toContain('Table 1');
  });
});

describe('exportDocx in the browser page', () => {
  it('returns <file name>.docx, leaves the opened bytes alone, and Generate still works after it', async () => {
    const bytes = new Uint8Array(SAMPLE);
    const before = Buffer.from(bytes);
    const opened = await openWorkbookFile({ name: 'sample-2021.xlsx', bytes }, { now: () => REPORT_DATE });
    if (!opened.ok) throw new Error('the sample should open');
    const outcome = await opened.host.exportDocx(DEFAULT_SETTINGS);
    if (!outcome.ok) throw new Error('the sample should evaluate');
    expect(outcome.name).toBe('sample-2021.docx');
    const docx = await readDocx(outcome.bytes);
    expect(docx.paragraphs[0]).toBe(TITLE);
    expect(docx.paragraphs).toContain('2022年1月15日');
    expect(Buffer.from(bytes).equals(before)).toBe(true);
    const generated = await opened.host.generate(DEFAULT_SETTINGS);
    expect(generated).toMatchObject({ ok: true, output: { name: 'sample-2021.evaluation.xlsx' } });
  });

  it('gives the findings, and no document, for a workbook that cannot be evaluated', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Notes').addRows([['nothing', 'to'], ['see', 'here']]);
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const opened = await openWorkbookFile({ name: 'notes.xlsx', bytes });
    if (!opened.ok) throw new Error('the workbook should open');
    const outcome = await opened.host.exportDocx(DEFAULT_SETTINGS);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.findings.map((f) => f.code)).toContain('no-project-table');
  });
});
