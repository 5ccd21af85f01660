/// <reference types="office-js" />
// The highlight in the clerk's table: one rule per table (over several areas when rows must be left out), the
// same in a fill on old hosts, and Remove highlights taking away exactly what the tool put there.
import { HIGHLIGHT_MARK } from '../../../src/core/compose/reportPlan';
import { shiftFormulaRows } from '../../../src/core/formulaText';
import { cellByRef, createFakeWorkbook, describeState, findSheet, type FakeWorkbookInit, type FakeWorkbookState } from '../../fakes/excel';
import { MAX_RANGES_ADDRESS } from '../../fakes/excel/workbook';
import { rangeAddress } from '../../../src/core/address';
import { fakeInitFromXlsx, install, projectWorkbookInit, REPORT_DATE, SAMPLE, SETTINGS, uninstall } from './helpers';

afterEach(uninstall);

function sheetsOf(state: FakeWorkbookState, names: string[]) {
  return (describeState(state) as { sheets: { name: string }[] }).sheets.filter((s) => names.includes(s.name));
}

/** 12 projects; the 3rd one's actual is numeric text, so the rule must leave its row out (two areas). */
function splitTable(): FakeWorkbookInit {
  const init = projectWorkbookInit(12);
  const values = init.sheets[1].values as unknown[][];
  values[5][5] = '1,000.00';
  return init;
}

describe('rules over several areas', () => {
  it('is one rule over both areas where RangeAreas exist (ExcelApi 1.9)', async () => {
    const state = createFakeWorkbook(splitTable());
    const { host } = install(state);
    await expect(host.generate(SETTINGS, undefined, REPORT_DATE)).resolves.toMatchObject({ ok: true, highlight: 'rule' });
    const rules = (findSheet(state, '项目支出') as NonNullable<ReturnType<typeof findSheet>>).conditionalFormats;
    expect(rules).toHaveLength(1);
    expect(rules[0].areas).toEqual([
      { top: 3, bottom: 4, left: 0, right: 8 },
      { top: 6, bottom: 14, left: 0, right: 8 },
    ]);
    expect(rules[0].formula).toBe('=AND(ISTEXT("budget-eval"),$E4>0,ROUND($F4/$E4,4)<ROUND(0.95,4))');
  });

  it('is one rule per area, each formula moved to its first row, before that (ExcelApi 1.8)', async () => {
    const state = createFakeWorkbook(splitTable());
    const { host } = install(state, { maxExcelApi: '1.8' });
    await host.generate(SETTINGS, undefined, REPORT_DATE);
    const rules = (findSheet(state, '项目支出') as NonNullable<ReturnType<typeof findSheet>>).conditionalFormats;
    expect(rules.map((r) => [r.areas, r.formula]).sort((a, b) => String(a[1]).localeCompare(String(b[1])))).toEqual([
      [[{ top: 3, bottom: 4, left: 0, right: 8 }], '=AND(ISTEXT("budget-eval"),$E4>0,ROUND($F4/$E4,4)<ROUND(0.95,4))'],
      [[{ top: 6, bottom: 14, left: 0, right: 8 }], '=AND(ISTEXT("budget-eval"),$E7>0,ROUND($F7/$E7,4)<ROUND(0.95,4))'],
    ]);
    // Regenerating removes both before adding them again.
    await host.generate(SETTINGS, undefined, REPORT_DATE);
    expect((findSheet(state, '项目支出') as NonNullable<ReturnType<typeof findSheet>>).conditionalFormats).toHaveLength(2);
  });

  it('marks an under-target row whose figure is text with a fixed rule, never a fill: the clerk’s colour stays, and after Remove highlights too', async () => {
    const init = projectWorkbookInit(12);
    (init.sheets[1].values as unknown[][])[5][5] = '100.00'; // 100 of 212: under target, and text
    init.sheets[1].fills = { A6: '#FFFF00', F6: '#FFFF00' };
    const state = createFakeWorkbook(init);
    const { host } = install(state);
    await expect(host.generate(SETTINGS, undefined, REPORT_DATE)).resolves.toMatchObject({ ok: true, highlight: 'rule' });
    const sheet = findSheet(state, '项目支出')!;
    expect(sheet.conditionalFormats.map((cf) => [cf.areas, cf.formula])).toContainEqual([[{ top: 5, bottom: 5, left: 0, right: 8 }], `=${HIGHLIGHT_MARK}`]);
    expect(['A6', 'C6', 'F6'].map((a) => cellByRef(state, `项目支出!${a}`)?.fill)).toEqual(['#FFFF00', undefined, '#FFFF00']);
    expect(state.names.filter((n) => n.name.startsWith('BudgetEval_Fill'))).toEqual([]);
    await host.removeHighlights();
    expect(sheet.conditionalFormats).toEqual([]);
    expect(['A6', 'C6', 'F6'].map((a) => cellByRef(state, `项目支出!${a}`)?.fill)).toEqual(['#FFFF00', undefined, '#FFFF00']);
  });

  it('splits a rule whose areas would be too long an address for getRanges into several, each formula moved to its first row', async () => {
    // 3,000 projects, every other one's actual typed as text and under target: 1,500 areas for the rule that
    // recomputes the rate, 1,500 for the fixed rule (about 16,000 characters each as one address).
    const init = projectWorkbookInit(3000);
    const values = init.sheets[1].values as unknown[][];
    for (let r = 3; r < 3 + 3000; r += 2) values[r][5] = '1.00';
    const state = createFakeWorkbook(init);
    const { host } = install(state);
    await expect(host.generate(SETTINGS, undefined, REPORT_DATE)).resolves.toMatchObject({ ok: true, highlight: 'rule' });
    const rules = findSheet(state, '项目支出')!.conditionalFormats.filter((cf) => cf.formula?.includes(HIGHLIGHT_MARK));
    const fixed = rules.filter((cf) => cf.formula === `=${HIGHLIGHT_MARK}`);
    const recomputed = rules.filter((cf) => cf.formula !== `=${HIGHLIGHT_MARK}`);
    expect(fixed.length).toBeGreaterThan(1);
    expect(recomputed.length).toBeGreaterThan(1);
    for (const cf of rules) expect(cf.areas.map((a) => rangeAddress(a)).join(',').length).toBeLessThanOrEqual(MAX_RANGES_ADDRESS);
    // Every text row under a fixed rule, every number row under a rule whose formula starts at its first row.
    expect(fixed.flatMap((cf) => cf.areas.map((a) => a.top)).sort((a, b) => a - b)).toEqual(Array.from({ length: 1500 }, (_, i) => 3 + 2 * i));
    expect(recomputed.flatMap((cf) => cf.areas.map((a) => a.top)).sort((a, b) => a - b)).toEqual(Array.from({ length: 1500 }, (_, i) => 4 + 2 * i));
    for (const cf of recomputed) expect(cf.formula).toContain(`$F${cf.areas[0].top + 1}/$E${cf.areas[0].top + 1}`);
  });

  it('moves relative rows only, never absolute rows, functions or text', () => {
    expect(shiftFormulaRows('AND(ISTEXT("budget-eval"),$E4>0,ROUND($F4/$E4,4)<ROUND(IF(ISNUMBER($H4),$H4/100,0.95),4))', 3)).toBe(
      'AND(ISTEXT("budget-eval"),$E7>0,ROUND($F7/$E7,4)<ROUND(IF(ISNUMBER($H7),$H7/100,0.95),4))',
    );
    expect(shiftFormulaRows('($E$4/10000)+F4+"A1"+LOG10(2)', 1)).toBe('($E$4/10000)+F5+"A1"+LOG10(2)');
  });
});

describe('Remove highlights', () => {
  async function clerkWorkbook(): Promise<FakeWorkbookState> {
    const init = await fakeInitFromXlsx(SAMPLE);
    const projects = init.sheets.find((s) => s.name === '项目支出');
    if (!projects) throw new Error('no 项目支出');
    projects.conditionalFormats = [{ range: 'C4:C10', formula: '=$C4>1000000', fill: '#C6EFCE' }];
    projects.fills = { B12: '#FFFF00' };
    return createFakeWorkbook(init);
  }

  it('takes away the tool’s rule and nothing else (the clerk’s own rule and fill, the report stay)', async () => {
    const state = await clerkWorkbook();
    const clerk = ['部门信息', '部门支出', '项目支出'];
    const before = sheetsOf(state, clerk);
    const { host, fake } = install(state);
    await host.generate(SETTINGS, undefined, REPORT_DATE);
    const projects = findSheet(state, '项目支出') as NonNullable<ReturnType<typeof findSheet>>;
    expect(projects.conditionalFormats).toHaveLength(2);
    const report = sheetsOf(state, ['绩效自评报告']);
    fake.resetStats();
    await host.removeHighlights();
    expect(fake.stats.syncs).toBeLessThanOrEqual(4);
    expect(sheetsOf(state, clerk)).toEqual(before);
    expect(sheetsOf(state, ['绩效自评报告'])).toEqual(report);
    expect(projects.conditionalFormats.map((cf) => cf.formula)).toEqual(['=$C4>1000000']);
    // Nothing left to remove: a second call changes nothing.
    const after = describeState(state);
    await host.removeHighlights();
    expect(describeState(state)).toEqual(after);
  });

  it('on an old Excel, clears the tool’s fills and their names, and leaves the clerk’s fill', async () => {
    const init = await fakeInitFromXlsx(SAMPLE);
    const projects = init.sheets.find((s) => s.name === '项目支出');
    if (projects) projects.fills = { B12: '#FFFF00' };
    const state = createFakeWorkbook(init);
    const clerk = ['部门信息', '部门支出', '项目支出'];
    const before = sheetsOf(state, clerk);
    const { host } = install(state, { maxExcelApi: '1.5' });
    await host.generate(SETTINGS, undefined, REPORT_DATE);
    expect(state.names.some((n) => n.name.startsWith('BudgetEval_Fill'))).toBe(true);
    await host.removeHighlights();
    expect(sheetsOf(state, clerk)).toEqual(before);
    expect(state.names.map((n) => n.name)).toEqual(['BudgetEval_Report_1']);
  });

  it('removes what it may and names the protected sheet whose highlight stays, changing nothing there', async () => {
    const state = await clerkWorkbook();
    const { host } = install(state);
    await host.generate(SETTINGS, undefined, REPORT_DATE);
    findSheet(state, '项目支出')!.protected = true;
    const before = describeState(state);
    await expect(host.removeHighlights()).resolves.toEqual({ protectedSheets: ['项目支出'] });
    expect(describeState(state)).toEqual(before);
    findSheet(state, '项目支出')!.protected = false;
    await expect(host.removeHighlights()).resolves.toEqual({ protectedSheets: [] });
    expect(findSheet(state, '项目支出')!.conditionalFormats.filter((cf) => cf.formula?.includes(HIGHLIGHT_MARK))).toEqual([]);
    expect(findSheet(state, '项目支出')!.conditionalFormats).toHaveLength(1); // the clerk's own
  });

  it('removes a rule made by the command-line tool too (it carries the same mark)', async () => {
    const state = createFakeWorkbook({
      sheets: [{ name: '项目支出', values: [['x']], conditionalFormats: [{ range: 'A4:J6 A8:J9', formula: `=AND(${HIGHLIGHT_MARK},$E4>0)` }] }],
    });
    const { host } = install(state);
    await host.removeHighlights();
    expect(state.sheets[0].conditionalFormats).toEqual([]);
  });
});
