// The browser page's host: an .xlsx file in memory, the same pipeline, the evaluated copy as output.
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_SETTINGS, HostError } from '../../src/gateways/host';
import { createFileHost, FILE_SETTINGS_KEY, openWorkbookFile, parseStoredSettings } from '../../src/gateways/xlsx/fileHost';
import { evaluatedFileName, sniffWorkbook } from '../../src/gateways/xlsx/sniff';

const SAMPLE = new Uint8Array(readFileSync(path.join(__dirname, '..', '..', 'assets', 'sample-2021.xlsx')));
const DATE = new Date(Date.UTC(2022, 0, 15));
const OLE = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]);

async function sheetNames(bytes: Uint8Array): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return wb.worksheets.map((ws) => ws.name);
}

describe('sniffWorkbook', () => {
  it('tells other formats, encrypted files and non-packages apart before any reading', () => {
    expect(sniffWorkbook('a.xls', OLE)).toEqual({ reason: 'format', extension: '.xls' });
    expect(sniffWorkbook('a.ET', OLE)).toEqual({ reason: 'format', extension: '.et' });
    expect(sniffWorkbook('a.csv', Buffer.from('a,b'))).toEqual({ reason: 'format', extension: '.csv' });
    expect(sniffWorkbook('a.xlsx', OLE)).toEqual({ reason: 'encrypted' });
    expect(sniffWorkbook('a.xlsx', new Uint8Array())).toEqual({ reason: 'not-xlsx' });
    expect(sniffWorkbook('a.xlsx', Buffer.from('<html>'))).toEqual({ reason: 'not-xlsx' });
    expect(sniffWorkbook('a.xlsx', SAMPLE)).toBeNull();
    expect(sniffWorkbook('no-extension', SAMPLE)).toBeNull();
  });

  it('names the evaluated copy as the command does', () => {
    expect(evaluatedFileName('sample-2021.xlsx')).toBe('sample-2021.evaluation.xlsx');
    expect(evaluatedFileName('2021 预算.v2.xlsx')).toBe('2021 预算.v2.evaluation.xlsx');
    expect(evaluatedFileName('budget')).toBe('budget.evaluation.xlsx');
    expect(evaluatedFileName('.xlsx')).toBe('.xlsx.evaluation.xlsx'); // a dot file, as path.extname sees it
  });
});

describe('the file host', () => {
  it('evaluates the sample into a copy with the report sheet, leaving the input bytes alone', async () => {
    const before = Buffer.from(SAMPLE);
    const opened = await openWorkbookFile({ name: 'sample-2021.xlsx', bytes: SAMPLE }, { now: () => DATE });
    if (!opened.ok) throw new Error('the sample should open');
    const { host } = opened;
    expect(host.kind).toBe('file');
    expect(host.capabilities.select).toBe(false);

    const steps: string[] = [];
    const outcome = await host.generate(DEFAULT_SETTINGS, (step) => steps.push(step));
    expect(steps).toEqual(['reading', 'computing', 'writing']);
    if (!outcome.ok) throw new Error('the sample should evaluate');
    expect(outcome.reportSheet).toBe('绩效自评报告');
    expect(outcome.highlight).toBe('rule');
    expect(outcome.output?.name).toBe('sample-2021.evaluation.xlsx');
    expect(await sheetNames(outcome.output!.bytes)).toEqual(['部门信息', '部门支出', '项目支出', '绩效指标', '绩效自评报告']);
    expect(Buffer.from(SAMPLE).equals(before)).toBe(true);

    // Again, in English: from the file as opened (one report sheet, not two), worded in English.
    const english = await host.generate({ ...DEFAULT_SETTINGS, lang: 'en' });
    if (!english.ok) throw new Error('the sample should evaluate');
    expect(await sheetNames(english.output!.bytes)).toEqual(['部门信息', '部门支出', '项目支出', '绩效指标', 'Evaluation report']);
  });

  it('returns the findings and no output for a workbook with errors', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('项目支出').addRows([
      ['项目名称', '年初预算数', '实际支出数'],
      ['甲', 100, 'abc'],
    ]);
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const outcome = await createFileHost({ name: 'bad.xlsx', bytes }).generate(DEFAULT_SETTINGS);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.findings.filter((f) => f.severity === 'error').map((f) => f.cell)).toEqual(['项目支出!C2']);
    expect('output' in outcome).toBe(false);
  });

  it('refuses what only Excel can do, as unsupported', async () => {
    const host = createFileHost({ name: 'sample-2021.xlsx', bytes: SAMPLE });
    for (const call of [() => host.select('项目支出!B10'), () => host.removeHighlights(), () => host.insertTemplate()]) {
      await expect(call()).rejects.toBeInstanceOf(HostError);
      await expect(call()).rejects.toMatchObject({ code: 'unsupported' });
    }
  });

  it('keeps its settings in the storage it is given, and trusts nothing it reads back', async () => {
    const data = new Map<string, string>();
    const storage = { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v) };
    const host = createFileHost({ name: 'x.xlsx', bytes: SAMPLE }, { storage });
    expect(await host.loadSettings()).toEqual({});
    await host.saveSettings({ ...DEFAULT_SETTINGS, target: 0.9, style: 'fixed' });
    expect(JSON.parse(data.get(FILE_SETTINGS_KEY)!)).toEqual({ basis: 'adjusted', lang: 'zh', style: 'fixed', target: 0.9 });
    expect(await host.loadSettings()).toEqual({ basis: 'adjusted', lang: 'zh', style: 'fixed', target: 0.9 });

    expect(parseStoredSettings('{oops')).toEqual({});
    expect(parseStoredSettings('"zh"')).toEqual({});
    expect(parseStoredSettings(JSON.stringify({ target: 95, explainBelow: -1, basis: 'x', lang: 'fr', style: 'trim', extra: 1 }))).toEqual({ style: 'trim' });
    await expect(createFileHost({ name: 'x.xlsx', bytes: SAMPLE }).saveSettings(DEFAULT_SETTINGS)).resolves.toBeUndefined();
  });

  it('opens nothing it cannot read, saying why', async () => {
    expect(await openWorkbookFile({ name: 'a.xls', bytes: OLE })).toEqual({ ok: false, problem: { reason: 'format', extension: '.xls' } });
    expect(await openWorkbookFile({ name: 'a.xlsx', bytes: OLE })).toEqual({ ok: false, problem: { reason: 'encrypted' } });
    const JSZip = (await import('jszip')).default;
    const zip = new JSZip();
    zip.file('a.txt', 'x');
    expect(await openWorkbookFile({ name: 'a.xlsx', bytes: await zip.generateAsync({ type: 'uint8array' }) })).toEqual({ ok: false, problem: { reason: 'not-xlsx' } });
  });
});
