/// <reference types="office-js" />
// The size limits in Excel: the same as the command's, checked from the used ranges' sizes before any value is
// loaded (no extra sync), and refused with the limit for the pane to word.
import { DEFAULT_CONFIG, type Limits } from '../../../src/core/config';
import { HostError } from '../../../src/gateways/host';
import { readSnapshot } from '../../../src/gateways/office';
import { describeError, STRINGS } from '../../../src/taskpane/i18n';
import { createFakeWorkbook, type FakeSheetInit } from '../../fakes/excel';
import { install, projectWorkbookInit, runExcel, uninstall } from './helpers';

afterEach(uninstall);

const limits = (over: Partial<Limits>): Limits => ({ ...DEFAULT_CONFIG.limits, ...over });

async function refusal(read: () => Promise<unknown>): Promise<HostError> {
  try {
    await read();
  } catch (error) {
    if (error instanceof HostError) return error;
    throw error;
  }
  throw new Error('read without complaint');
}

describe('readSnapshot and the size limits', () => {
  it('refuses a sheet over the rows limit after the sizes are known, before the values are loaded', async () => {
    const init = projectWorkbookInit(30);
    const { fake } = install(createFakeWorkbook(init));
    const error = await refusal(() => runExcel((context) => readSnapshot(context, { limits: limits({ maxRowsPerSheet: 20 }) })));
    expect(error.code).toBe('limit');
    expect(error.limit).toMatchObject({ limit: 'maxRowsPerSheet', allowed: 20, sheet: '项目支出' });
    expect(error.limit!.found).toBeGreaterThan(30);
    // Sheets and names, then the used ranges: no third sync for the values.
    expect(fake.stats.syncs).toBe(2);
  });

  it('refuses too many sheets and too many cells; reads the same workbook under the limits in 3 syncs', async () => {
    const sheets = Array.from({ length: 4 }, (_, i): FakeSheetInit => ({ name: `S${i}`, values: [[1, 2, 3], [4, 5, 6]] }));
    install(createFakeWorkbook({ sheets }));
    expect((await refusal(() => runExcel((context) => readSnapshot(context, { limits: limits({ maxSheets: 3 }) })))).limit).toEqual({ limit: 'maxSheets', found: 4, allowed: 3 });
    install(createFakeWorkbook({ sheets }));
    expect((await refusal(() => runExcel((context) => readSnapshot(context, { limits: limits({ maxCells: 20 }) })))).limit).toEqual({ limit: 'maxCells', found: 24, allowed: 20, sheet: 'S3' });
    const { fake } = install(createFakeWorkbook({ sheets }));
    await runExcel((context) => readSnapshot(context, { limits: limits({ maxSheets: 4, maxCells: 24, maxRowsPerSheet: 2 }) }));
    expect(fake.stats.syncs).toBe(3);
  });

  it('Generate in Excel shows the limit, the figure and how to split, in the pane’s language', async () => {
    const { host } = install(createFakeWorkbook(projectWorkbookInit(30)), {}, { limits: limits({ maxRowsPerSheet: 20 }) });
    const settings = { basis: 'adjusted', lang: 'zh', style: 'trim' } as const;
    let caught: unknown;
    await host.generate(settings).catch((error: unknown) => (caught = error));
    const zh = describeError(STRINGS.zh, caught);
    expect(zh.message).toMatch(/^工作表“项目支出”有 \d+ 行，超过了每张表 20 行的上限：请把这张表拆到几个文件中/);
    expect(describeError(STRINGS.en, caught).message).toMatch(/^sheet “项目支出” has \d+ rows, over the limit of 20 rows per sheet: split the table/);
  });
});
