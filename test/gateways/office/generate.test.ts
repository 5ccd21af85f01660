/// <reference types="office-js" />
// Generate in Excel, against the fake: the golden sample, the clerk's sheets left alone, regenerating, text that
// looks like formulas, old hosts, and the sync / payload budget from 10 to 10,000 projects.
import { HIGHLIGHT_MARK } from '../../../src/core/compose/reportPlan';
import { evaluateXlsx } from '../../../src/gateways/xlsx/evaluateXlsx';
import { cellByRef, createFakeWorkbook, describeState, findSheet, FIVE_MB, sheetValues, type FakeWorkbookState } from '../../fakes/excel';
import { fakeInitFromXlsx, install, projectWorkbookInit, REPORT_DATE, SAMPLE, sampleWorkbook, SETTINGS, uninstall } from './helpers';

const UNDER = ['三防抢险工作经费', '总值班室工作经费', '安全生产宣传教育中心工作经费'];
const SAMPLE_RULE = '=AND(ISTEXT("budget-eval"),$E4>0,ROUND($F4/$E4,4)<ROUND(0.95,4))';

afterEach(uninstall);

function texts(state: FakeWorkbookState, sheet: string): string[] {
  return sheetValues(state, sheet)
    .flat()
    .filter((v): v is string => typeof v === 'string' && v !== '');
}

function markedRules(state: FakeWorkbookState) {
  return state.sheets.flatMap((s) => s.conditionalFormats.filter((cf) => (cf.formula ?? '').includes(HIGHLIGHT_MARK)).map((cf) => ({ sheet: s.name, ...cf })));
}

function reportNames(state: FakeWorkbookState) {
  return state.names.filter((n) => n.name.startsWith('BudgetEval_Report'));
}

/** Every sheet but the report, as the clerk sees it (values, formats, merges…), for before/after comparisons. */
function userSheets(state: FakeWorkbookState, report: string) {
  const all = describeState(state) as { sheets: { name: string; conditionalFormats: unknown }[] };
  return all.sheets.filter((s) => s.name !== report).map((s) => ({ ...s, conditionalFormats: undefined }));
}

describe('Generate on the bundled sample (the golden figures)', () => {
  let state: FakeWorkbookState;
  let outcome: Awaited<ReturnType<ReturnType<typeof install>['host']['generate']>>;
  let fake: ReturnType<typeof install>['fake'];
  const progress: string[] = [];

  beforeAll(async () => {
    state = await sampleWorkbook();
    const installed = install(state);
    fake = installed.fake;
    outcome = await installed.host.generate(SETTINGS, (step) => progress.push(step), REPORT_DATE);
  });

  it('reports progress and the outcome: the report sheet, a rule, a chart', () => {
    expect(progress).toEqual(['reading', 'computing', 'writing']);
    expect(outcome).toMatchObject({ ok: true, reportSheet: '绩效自评报告', highlight: 'rule', chart: true });
    expect(fake.stats.syncs).toBeLessThanOrEqual(6);
  });

  it('writes the narrative with 96.48% and names the three projects under target', () => {
    const all = texts(state, '绩效自评报告');
    expect(all[0]).toBe('广州市荔湾区应急管理局2021年部门整体支出绩效自评报告');
    expect(all).toContain(
      '本部门年度整体支出年初预算数 2222.37万元，整体支出预算调整数 48.03万元，整体年度实际支出数 2190.49万元，预算调整率 2.16%，预算完成率 96.48%。',
    );
    const start = all.indexOf('三、存在的主要问题');
    const end = all.indexOf('四、下一步改进措施');
    const problems = all.slice(start, end).join('\n');
    for (const name of UNDER) expect(problems).toContain(name);
    const named = problems.match(/（\d+）([^执]+)执行率/g) ?? [];
    expect(named.map((n) => n.replace(/（\d+）|执行率/g, ''))).toEqual(UNDER);
  });

  it('puts one rule on 项目支出 A4:J10 that recomputes the rate from the row', () => {
    const rules = markedRules(state);
    expect(rules).toHaveLength(1);
    expect(rules[0].sheet).toBe('项目支出');
    expect(rules[0].areas).toEqual([{ top: 3, bottom: 9, left: 0, right: 9 }]);
    expect(rules[0].formula).toBe(SAMPLE_RULE);
    expect(rules[0].fill).toBe('#FFE08A');
  });

  it('marks the report sheet with BudgetEval_Report_1 → its A1, and activates it', () => {
    expect(reportNames(state).map((n) => [n.name, n.target])).toEqual([['BudgetEval_Report_1', { kind: 'range', sheetId: findSheet(state, '绩效自评报告')?.id, rect: { top: 0, left: 0, bottom: 0, right: 0 } }]]);
    expect(state.activeSheetId).toBe(findSheet(state, '绩效自评报告')?.id);
    expect(state.sheets.map((s) => s.name)).toEqual(['部门信息', '部门支出', '项目支出', '绩效指标', '绩效自评报告']);
  });

  it('formats the summary table: amounts #,##0.00, rates 0.00%, text as text, widths, bold header, A4 print', () => {
    const report = findSheet(state, '绩效自评报告') as NonNullable<ReturnType<typeof findSheet>>;
    const values = sheetValues(state, '绩效自评报告');
    const header = values.map((row) => row[0]).lastIndexOf('项目名称'); // 附表4's (附表3 has one too)
    const first = report.rows[header + 1];
    expect(first[0]?.numberFormat).toBe('@');
    expect(first[1]?.numberFormat).toBe('#,##0.00');
    expect(first.find((c) => c?.numberFormat === '0.00%')).toBeDefined();
    expect(report.rows[header].slice(0, values[header].filter((v) => v !== '' && v !== null).length).every((c) => c?.bold === true)).toBe(true);
    expect(report.rows[header][0]?.borders?.top?.style).toBe('Continuous');
    expect(report.columnWidths.get(0)).toBeGreaterThan(report.columnWidths.get(1) ?? 0);
    expect(report.pageLayout).toMatchObject({ orientation: 'Portrait', paperSize: 'A4', zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 }, printTitleRows: `$${header + 1}:$${header + 1}` });
    expect(report.showGridlines).toBe(false);
    expect(report.frozenRows).toBe(0);
    // The title spans the width; wrapped paragraphs get their height.
    expect(report.merges).toContainEqual({ top: 0, bottom: 0, left: 0, right: Math.max(...report.columnWidths.keys()) }); // the sheet's width
    expect([...report.rowHeights.values()].every((h) => h > 0 && h <= 409)).toBe(true);
    // Under-target rows of the summary are filled in the report itself, by a rule on the status formula (so
    // the fill follows a corrected figure), not a fixed fill.
    const underRow = values.findIndex((row) => row[0] === '三防抢险工作经费');
    expect(report.rows[underRow][0]?.fill).toBeUndefined();
    const top = header + 1;
    expect(report.conditionalFormats).toEqual([
      expect.objectContaining({ type: 'Custom', areas: [{ top, left: 0, bottom: top + 6, right: 7 }], formula: `=LEFT($H${top + 1},3)="未达标"`, fill: '#FFE08A' }),
    ]);
  });

  it('draws a bar chart of each project’s rate against the target, from the summary table’s cells', () => {
    const report = findSheet(state, '绩效自评报告') as NonNullable<ReturnType<typeof findSheet>>;
    const values = sheetValues(state, '绩效自评报告');
    const header = values.map((row) => row[0]).lastIndexOf('项目名称'); // 附表4's (附表3 has one too)
    expect(report.charts).toHaveLength(1);
    const chart = report.charts[0];
    expect(chart.chartType).toBe('BarClustered');
    expect(chart.series.map((s) => s.name)).toEqual(['执行率', '执行率目标']);
    expect(chart.series[0].values?.rect).toMatchObject({ top: header + 1, bottom: header + 7 });
    expect(chart.series[0].xAxisValues?.rect).toEqual({ top: header + 1, bottom: header + 7, left: 0, right: 0 });
    expect(chart.position?.start.top).toBeGreaterThanOrEqual(values.length);
  });
});

describe('Generate keeps the clerk’s work', () => {
  it('leaves every cell of the clerk’s sheets as it was', async () => {
    const state = await sampleWorkbook();
    const before = userSheets(state, '绩效自评报告');
    const { host } = install(state);
    await host.generate(SETTINGS, undefined, REPORT_DATE);
    expect(userSheets(state, '绩效自评报告')).toEqual(before);
  });

  it('replaces its own report on a second Generate and adds no second rule', async () => {
    const state = await sampleWorkbook();
    const { host } = install(state);
    await host.generate(SETTINGS, undefined, REPORT_DATE);
    const first = describeState(state);
    const second = await host.generate(SETTINGS, undefined, REPORT_DATE);
    expect(second).toMatchObject({ ok: true, reportSheet: '绩效自评报告' });
    expect(state.sheets.map((s) => s.name)).toEqual(['部门信息', '部门支出', '项目支出', '绩效指标', '绩效自评报告']);
    expect(markedRules(state)).toHaveLength(1);
    expect(reportNames(state).map((n) => n.name)).toEqual(['BudgetEval_Report_1']);
    expect(describeState(state)).toEqual(first);
  });

  it('never touches a clerk’s own sheet named 绩效自评报告: the report goes to 绩效自评报告 (2)', async () => {
    const init = await fakeInitFromXlsx(SAMPLE);
    init.sheets.push({ name: '绩效自评报告', values: [['我自己的笔记'], [42]] });
    const state = createFakeWorkbook(init);
    const { host } = install(state);
    const outcome = await host.generate(SETTINGS, undefined, REPORT_DATE);
    expect(outcome).toMatchObject({ ok: true, reportSheet: '绩效自评报告 (2)' });
    expect(sheetValues(state, '绩效自评报告')).toEqual([['我自己的笔记'], [42]]);
    await host.generate(SETTINGS, undefined, REPORT_DATE);
    expect(state.sheets.map((s) => s.name)).toEqual(['部门信息', '部门支出', '项目支出', '绩效指标', '绩效自评报告', '绩效自评报告 (2)']);
    expect(sheetValues(state, '绩效自评报告')).toEqual([['我自己的笔记'], [42]]);
  });

  it('recognises a report made by the command (BudgetEval_Report_1) and replaces it, with its rule', async () => {
    const made = await evaluateXlsx(new Uint8Array(SAMPLE), { lang: 'zh', basis: 'adjusted', style: 'trim', reportDate: REPORT_DATE });
    const state = createFakeWorkbook(await fakeInitFromXlsx(made.output as Uint8Array));
    expect(state.sheets.map((s) => s.name)).toContain('绩效自评报告');
    expect(markedRules(state)).toHaveLength(1);
    const { host } = install(state);
    const outcome = await host.generate(SETTINGS, undefined, REPORT_DATE);
    expect(outcome).toMatchObject({ ok: true, reportSheet: '绩效自评报告' });
    expect(state.sheets.map((s) => s.name)).toEqual(['部门信息', '部门支出', '项目支出', '绩效指标', '绩效自评报告']);
    expect(reportNames(state).map((n) => n.name)).toEqual(['BudgetEval_Report_1']);
    expect(markedRules(state).map((r) => r.formula)).toEqual([SAMPLE_RULE]);
  });

  it('writes project names that look like formulas as text', async () => {
    const names = ['=HYPERLINK("http://x","y")', '+1-2', '-3 专项', '@SUM(A1)'];
    const state = createFakeWorkbook(projectWorkbookInit(8, { names }));
    const { host } = install(state);
    const outcome = await host.generate(SETTINGS, undefined, REPORT_DATE);
    expect(outcome.ok).toBe(true);
    const report = findSheet(state, '绩效自评报告') as NonNullable<ReturnType<typeof findSheet>>;
    const cells = report.rows.flatMap((row) => row ?? []).filter((c) => c !== undefined);
    // The report's own formulas (amounts, rates, status) are there; none is a project name.
    for (const name of names) {
      const named = cells.filter((c) => c?.value === name);
      expect(named.length).toBeGreaterThan(0);
      expect(named.filter((c) => c?.formula !== undefined)).toEqual([]);
    }
  });
});

describe('Excel’s limits and the plan’s cut (the same as the .xlsx gateway’s)', () => {
  it('writes a text over 32,767 characters cut with the mark, says so in the findings, and keeps rows within 409 pt', async () => {
    const long = '项'.repeat(40_000);
    const state = createFakeWorkbook(projectWorkbookInit(8, { names: [long] }));
    const outcome = await install(state).host.generate(SETTINGS, undefined, REPORT_DATE);
    if (!outcome.ok) throw new Error(outcome.findings.map((f) => f.message).join('\n'));
    const report = findSheet(state, '绩效自评报告') as NonNullable<ReturnType<typeof findSheet>>;
    const values = sheetValues(state, '绩效自评报告');
    const cut = values.flatMap((row, r) => row.flatMap((v, c) => (typeof v === 'string' && v.endsWith('…（已截断）') ? [{ r, c, v }] : [])));
    expect(cut.length).toBeGreaterThan(0);
    for (const { r, c, v } of cut) {
      expect(v).toHaveLength(32_767);
      expect(report.rows[r][c]?.numberFormat).toBe('@');
    }
    const named = outcome.evaluation.findings.filter((f) => f.code === 'text-truncated').map((f) => f.cell);
    expect(named.sort()).toEqual(cut.map(({ r, c }) => `绩效自评报告!${String.fromCharCode(65 + c)}${r + 1}`).sort());
    expect([...report.rowHeights.values()].every((h) => h > 0 && h <= 409)).toBe(true);
  });
});

describe('Generate on an old Excel (ExcelApi 1.5: no conditional formats, charts or page layout)', () => {
  it('fills the under-target rows instead, records each fill in a name, and says so', async () => {
    const state = await sampleWorkbook();
    const { host } = install(state, { maxExcelApi: '1.5' });
    expect(host.capabilities).toEqual({ conditionalFormats: false, charts: false, insertWorksheets: false });
    const outcome = await host.generate(SETTINGS, undefined, REPORT_DATE);
    expect(outcome).toMatchObject({ ok: true, highlight: 'fill', chart: false });
    expect(state.sheets.flatMap((s) => s.conditionalFormats)).toEqual([]);
    const filled = (row: string) => cellByRef(state, `项目支出!${row}`)?.fill;
    // 三防抢险 (row 5), 总值班室 (row 9), 宣传教育中心 (row 10); not 应急管理 (row 4).
    expect(['A5', 'J5', 'A9', 'A10', 'J10'].map(filled)).toEqual(Array(5).fill('#FFE08A'));
    expect(['A4', 'A6', 'A11'].map(filled)).toEqual([undefined, undefined, undefined]);
    // The report's summary table: a fixed fill too, where no rule can follow the status.
    const report = sheetValues(state, '绩效自评报告');
    const underRow = report.map((row) => row[0]).lastIndexOf('三防抢险工作经费'); // in 附表4
    expect(cellByRef(state, `绩效自评报告!A${underRow + 1}`)?.fill).toBe('#FFE08A');
    const fillNames = state.names.filter((n) => n.name.startsWith('BudgetEval_Fill')).map((n) => n.name).sort();
    expect(fillNames).toEqual(['BudgetEval_Fill_1', 'BudgetEval_Fill_2']);
    await host.generate(SETTINGS, undefined, REPORT_DATE);
    expect(state.names.filter((n) => n.name.startsWith('BudgetEval_Fill')).map((n) => n.name).sort()).toEqual(fillNames);
  });

  it('refuses a host older than ExcelApi 1.4', async () => {
    const { host } = install(await sampleWorkbook(), { maxExcelApi: '1.3' });
    await expect(host.generate(SETTINGS, undefined, REPORT_DATE)).rejects.toMatchObject({ code: 'unsupported' });
  });
});

describe('the sync and payload budget', () => {
  const sizes = [10, 1000, 10000];
  const measured: Record<number, { syncs: number; maxRequest: number; maxResponse: number; merges: number; problems: number }> = {};

  beforeAll(async () => {
    for (const n of sizes) {
      const state = createFakeWorkbook(projectWorkbookInit(n));
      const { host, fake } = install(state);
      const outcome = await host.generate(SETTINGS, undefined, REPORT_DATE);
      expect(outcome).toMatchObject({ ok: true, highlight: 'rule' });
      const merges = findSheet(state, '绩效自评报告')?.merges.length ?? 0;
      const problems = outcome.ok ? outcome.evaluation.findings.length : 0;
      measured[n] = { syncs: fake.stats.syncs, maxRequest: fake.stats.maxRequestBytes, maxResponse: fake.stats.maxResponseBytes, merges, problems };
      expect(fake.stats.unsyncedCommands).toBe(0);
    }
    // Printed for the record (the numbers in the report of this work).
    console.log(JSON.stringify(measured));
  }, 120000);

  it('uses the same number of syncs for 10 and 1,000 projects, one more chunk at 10,000 (the payload, not a loop), at most 6', () => {
    expect(measured[1000].syncs).toBe(measured[10].syncs);
    // 10,000 rows of formulas (amounts, rate, status) pass 4 MB: the report goes in two requests.
    expect(measured[10000].syncs).toBe(measured[10].syncs + 1);
    expect(measured[10].syncs).toBeLessThanOrEqual(6);
  });

  it('merges as many areas at 10,000 projects as at 1,000: 附表2’s rows (a problem each) have none', () => {
    expect(measured[10000].problems).toBeGreaterThan(measured[1000].problems + 500);
    expect(measured[10000].merges).toBe(measured[1000].merges);
    expect(measured[10000].merges).toBeLessThan(100);
  });

  it('sends no request and gets no response over 5 MB at 10,000 projects', () => {
    expect(measured[10000].maxRequest).toBeLessThan(5_000_000);
    expect(measured[10000].maxRequest).toBeLessThan(FIVE_MB);
    expect(measured[10000].maxResponse).toBeLessThan(5_000_000);
  });

  it('splits the writes into more requests when one would pass the limit (limit lowered to prove it)', async () => {
    const state = createFakeWorkbook(projectWorkbookInit(1000));
    const { host, fake } = install(state, { maxRequestBytes: 120_000 }, { maxRequestBytes: 100_000, maxReadCells: 2_000 });
    const outcome = await host.generate(SETTINGS, undefined, REPORT_DATE);
    expect(outcome).toMatchObject({ ok: true });
    expect(fake.stats.syncs).toBeGreaterThan(measured[1000].syncs);
    expect(fake.stats.maxRequestBytes).toBeLessThanOrEqual(120_000);
    // The same report as in one request.
    const reference = createFakeWorkbook(projectWorkbookInit(1000));
    await install(reference).host.generate(SETTINGS, undefined, REPORT_DATE);
    expect(describeState(state)).toEqual(describeState(reference));
  });

  it('without splitting, the host’s limit refuses the request: too-large, and the workbook is as it was', async () => {
    const state = createFakeWorkbook(projectWorkbookInit(1000));
    const before = describeState(state);
    const { host } = install(state, { maxRequestBytes: 120_000 });
    await expect(host.generate(SETTINGS, undefined, REPORT_DATE)).rejects.toMatchObject({ name: 'HostError', code: 'too-large' });
    expect(describeState(state)).toEqual(before);
  });
});
