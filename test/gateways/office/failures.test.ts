/// <reference types="office-js" />
// When Excel refuses something halfway, the workbook is left as it was (no half-written report), and the
// error reaches the pane as a HostError code it can explain.
import { HostError, type HostErrorCode } from '../../../src/gateways/host';
import { toHostError } from '../../../src/gateways/office';
import { describeState, findSheet, type FakeWorkbookState } from '../../fakes/excel';
import { install, REPORT_DATE, sampleWorkbook, SETTINGS, uninstall } from './helpers';

afterEach(uninstall);

function sheetOf(state: FakeWorkbookState, name: string): unknown {
  return (describeState(state) as { sheets: { name: string }[] }).sheets.find((s) => s.name === name);
}

/** Command members of the first Generate's requests, each a place where Excel could fail. */
const FIRST_RUN_FAILURES: { member: string; skip?: number; when?: (c: { args?: unknown }) => boolean }[] = [
  { member: 'Range.numberFormat' },
  { member: 'Range.values' },
  { member: 'RangeFont.bold', skip: 5 },
  { member: 'RangeBorder.style', skip: 3 },
  { member: 'Range.merge', skip: 4 },
  { member: 'RangeFormat.rowHeight', skip: 2 },
  { member: 'PageLayout.setPrintTitleRows' },
  { member: 'ChartCollection.add' },
  { member: 'ChartSeries.setXAxisValues', skip: 1 },
  // The commit.
  { member: 'ConditionalFormatCollection.add' },
  { member: 'ConditionalFormatRule.formula' },
  { member: 'NamedItemCollection.add' },
  { member: 'Worksheet.activate' },
];

/** And of a second Generate, which replaces the report: the swap itself. */
const SECOND_RUN_FAILURES = [
  { member: 'Range.values' },
  { member: 'Chart.setPosition' },
  { member: 'ConditionalFormatCollection.add' },
  { member: 'ConditionalFormat.delete' },
  { member: 'Worksheet.delete' },
  { member: 'Worksheet.name' },
  { member: 'Worksheet.position' },
  { member: 'NamedItemCollection.add' },
];

describe('a failure halfway through Generate', () => {
  it.each(FIRST_RUN_FAILURES)('at $member (after $skip) leaves the workbook as it was', async (failure) => {
    const state = await sampleWorkbook();
    const before = describeState(state);
    const { host, fake } = install(state);
    fake.failNext({ ...failure, code: 'GeneralException' });
    await expect(host.generate(SETTINGS, undefined, REPORT_DATE)).rejects.toBeInstanceOf(HostError);
    expect(describeState(state)).toEqual(before);
    // And the next Generate works as if nothing had happened.
    await expect(host.generate(SETTINGS, undefined, REPORT_DATE)).resolves.toMatchObject({ ok: true, reportSheet: '绩效自评报告' });
  });

  it.each(SECOND_RUN_FAILURES)('at $member while replacing the report leaves the previous report in place', async (failure) => {
    const state = await sampleWorkbook();
    const { host, fake } = install(state);
    await host.generate(SETTINGS, undefined, REPORT_DATE);
    const before = describeState(state);
    fake.failNext({ ...failure, code: 'GeneralException' });
    await expect(host.generate(SETTINGS, undefined, REPORT_DATE)).rejects.toBeInstanceOf(HostError);
    expect(describeState(state)).toEqual(before);
    expect(state.sheets.map((s) => s.name)).toEqual(['部门信息', '部门支出', '项目支出', '绩效指标', '绩效自评报告']);
  });

  it.each([
    { member: 'RangeFill.clear' },
    { member: 'NamedItem.delete' },
    { member: 'NamedItemCollection.add' },
    { member: 'RangeFill.color', skip: 1 },
    { member: 'Worksheet.delete' },
  ])('on an old Excel (fills), at $member while replacing the report: as it was', async (failure) => {
    const state = await sampleWorkbook();
    const { host, fake } = install(state, { maxExcelApi: '1.5' });
    await host.generate(SETTINGS, undefined, REPORT_DATE);
    const before = describeState(state);
    fake.failNext({ ...failure, code: 'GeneralException' });
    await expect(host.generate(SETTINGS, undefined, REPORT_DATE)).rejects.toBeInstanceOf(HostError);
    expect(describeState(state)).toEqual(before);
  });

  it('writes the report all the same when a sheet it would highlight is protected, leaving that sheet as it was', async () => {
    const state = await sampleWorkbook();
    findSheet(state, '项目支出')!.protected = true;
    const sheetBefore = sheetOf(state, '项目支出');
    const { host } = install(state);
    const outcome = await host.generate(SETTINGS, undefined, REPORT_DATE);
    expect(outcome).toMatchObject({ ok: true, reportSheet: '绩效自评报告', highlight: 'none', protectedSheets: ['项目支出'] });
    expect(sheetOf(state, '项目支出')).toEqual(sheetBefore);
    expect(findSheet(state, '绩效自评报告')).toBeDefined();
  });

  it('regenerates over a protected sheet: its earlier marks stay as they were, the rest is replaced', async () => {
    const state = await sampleWorkbook();
    const { host } = install(state);
    await expect(host.generate(SETTINGS, undefined, REPORT_DATE)).resolves.toMatchObject({ ok: true, highlight: 'rule', protectedSheets: [] });
    findSheet(state, '项目支出')!.protected = true;
    const sheetBefore = sheetOf(state, '项目支出');
    const fillNamesBefore = state.names.filter((n) => n.name.startsWith('BudgetEval_Fill')).map((n) => n.name);
    const outcome = await host.generate({ ...SETTINGS, target: 0.99 }, undefined, REPORT_DATE);
    expect(outcome).toMatchObject({ ok: true, protectedSheets: ['项目支出'] });
    expect(sheetOf(state, '项目支出')).toEqual(sheetBefore);
    expect(state.names.filter((n) => n.name.startsWith('BudgetEval_Fill')).map((n) => n.name)).toEqual(fillNamesBefore);
    expect(state.sheets.filter((s) => s.name.startsWith('绩效自评报告')).map((s) => s.name)).toEqual(['绩效自评报告']);
  });

  // The tool's only old rules are on the protected sheet, which is left alone: no ConditionalFormat.delete to fail.
  it.each(SECOND_RUN_FAILURES.filter((f) => f.member !== 'ConditionalFormat.delete'))('with a protected sheet, at $member while replacing the report: as it was', async (failure) => {
    const state = await sampleWorkbook();
    const { host, fake } = install(state);
    await host.generate(SETTINGS, undefined, REPORT_DATE);
    findSheet(state, '项目支出')!.protected = true;
    const before = describeState(state);
    fake.failNext({ ...failure, code: 'GeneralException' });
    await expect(host.generate(SETTINGS, undefined, REPORT_DATE)).rejects.toBeInstanceOf(HostError);
    expect(describeState(state)).toEqual(before);
  });

  it('stops when the workbook structure is protected (no sheet can be added)', async () => {
    const state: FakeWorkbookState = await sampleWorkbook();
    state.protected = true;
    const before = describeState(state);
    const { host } = install(state);
    await expect(host.generate(SETTINGS, undefined, REPORT_DATE)).rejects.toMatchObject({ code: 'protected' });
    expect(describeState(state)).toEqual(before);
  });
});

describe('Excel errors → HostError codes', () => {
  const cases: [string, HostErrorCode][] = [
    ['AccessDenied', 'protected'],
    ['InvalidOperationInCellEditMode', 'cell-edit'],
    ['RequestPayloadSizeLimitExceeded', 'too-large'],
    ['ResponsePayloadSizeLimitExceeded', 'too-large'],
    ['ItemAlreadyExists', 'item-exists'],
    ['ItemNotFound', 'not-found'],
    ['ApiNotFound', 'unsupported'],
    ['NotImplemented', 'unsupported'],
    ['ActivityLimitReached', 'busy'],
    ['RequestAborted', 'busy'],
    ['GeneralException', 'unknown'],
    ['InvalidArgument', 'unknown'],
  ];

  it.each(cases)('%s → %s, from a failing sync of Generate', async (code, expected) => {
    const { host, fake } = install(await sampleWorkbook());
    fake.failNext({ member: 'sync', code, message: `injected ${code}` });
    const error = await host.generate(SETTINGS, undefined, REPORT_DATE).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HostError);
    expect(error).toMatchObject({ code: expected });
    expect((error as HostError).detail).toContain(code);
  });

  it.each(cases)('%s → %s, from a failing write', async (code, expected) => {
    const state = await sampleWorkbook();
    const before = describeState(state);
    const { host, fake } = install(state);
    fake.failNext({ member: 'Range.values', code });
    await expect(host.generate(SETTINGS, undefined, REPORT_DATE)).rejects.toMatchObject({ code: expected });
    expect(describeState(state)).toEqual(before);
  });

  it('maps errors that only say it in the message, and passes HostErrors through', () => {
    expect(toHostError({ code: 'GeneralException', message: 'The request payload size has exceeded the limit.' }).code).toBe('too-large');
    expect(toHostError({ debugInfo: { code: 'AccessDenied' }, message: 'x' }).code).toBe('protected');
    expect(toHostError(new Error('boom'))).toMatchObject({ code: 'unknown', detail: 'boom' });
    const own = new HostError('busy', 'x');
    expect(toHostError(own)).toBe(own);
  });

  it('waits while the clerk edits a cell (delayForCellEdit) instead of failing', async () => {
    const { host, fake } = install(await sampleWorkbook());
    fake.enterCellEditMode();
    let settled = false;
    const running = host.generate(SETTINGS, undefined, REPORT_DATE).then((o) => {
      settled = true;
      return o;
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(settled).toBe(false);
    fake.exitCellEditMode();
    await expect(running).resolves.toMatchObject({ ok: true });
    expect(fake.stats.delayedForCellEdit).toBeGreaterThan(0);
  });
});
