/// <reference types="office-js" />
// Issue 9 in Excel (the fake): workbooks of 项目支出绩效自评表 forms and a 绩效指标 sheet. The highlight (a rule on a
// form's execution cell, a fill on a clerk's 得分 above the rule; fills only on an Excel without conditional
// formats) and Remove highlights taking exactly that away; the change events and the stale check on the form
// and 绩效指标 sheets; the pane's cell links selecting form cells on sheets whose names must be quoted.
import { parseRange } from '../../../src/core/address';
import type { SheetSnapshot } from '../../../src/core/model';
import { cellByRef, createFakeWorkbook, describeState, findSheet, type FakeWorkbookState } from '../../fakes/excel';
import { nationalForm, sichuanForm } from '../../core/forms/formSheets';
import { projectSheet, sheet } from '../../core/snapshot';
import { formWorkbookBytes } from '../xlsx/formWorkbook';
import { fakeInitFromXlsx, install, REPORT_DATE, SETTINGS, uninstall } from './helpers';

afterEach(uninstall);

const NATIONAL = '自评表 (1)';
const SICHUAN = "自评表（二）O'Neil";
const q = (name: string) => `'${name.replace(/'/g, "''")}'`;
const INDICATOR_HEADER = ['项目名称', '一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位', '实际完成值', '分值', '得分', '偏差原因'];
const HIGHLIGHT = '#FFE08A';

function withValue(form: SheetSnapshot, address: string, value: string | number | null): SheetSnapshot {
  const at = parseRange(address)!;
  const values = form.values.map((r) => [...r]);
  values[at.top][at.left] = value;
  return { ...form, values };
}

/**
 * Two forms (验收合格率's 得分 H14 at 15, above the rule's 14.25; 四川's 教学质量 25, above its band's 24 and its
 * 45 of 60 under target), a project table and a 绩效指标 sheet for its project; a fill of the clerk's own on H13.
 */
async function formsWorkbook(): Promise<FakeWorkbookState> {
  const sheets = [
    withValue(nationalForm(NATIONAL), 'H14', 15),
    sichuanForm(SICHUAN),
    projectSheet('项目支出', [['培训项目', 100, 0, 100, 98]]),
    sheet('绩效指标', [INDICATOR_HEADER, ['培训项目', '产出指标', '数量指标', '培训人次', '≥', 100, '人次', 100, 50, 50, null]]),
  ];
  const init = await fakeInitFromXlsx(await formWorkbookBytes(sheets));
  init.sheets[0].fills = { H13: '#FFFF00' };
  return createFakeWorkbook(init);
}

const clerkSheets = [NATIONAL, SICHUAN, '项目支出', '绩效指标'];
const sheetsOf = (state: FakeWorkbookState) => (describeState(state) as { sheets: { name: string }[] }).sheets.filter((s) => clerkSheets.includes(s.name));
const rules = (state: FakeWorkbookState, name: string) => (findSheet(state, name)?.conditionalFormats ?? []).map((cf) => [cf.areas, cf.formula]);
const fill = (state: FakeWorkbookState, reference: string) => cellByRef(state, reference)?.fill;

describe('the highlight in forms', () => {
  it('puts a rule on each form’s execution cell and on the 得分 above the rule (no fill over the form’s colours); Remove highlights takes exactly that away', async () => {
    const state = await formsWorkbook();
    const before = sheetsOf(state);
    const { host } = install(state);
    await expect(host.generate(SETTINGS, undefined, REPORT_DATE)).resolves.toMatchObject({ ok: true, highlight: 'rule' });
    expect(rules(state, NATIONAL)).toEqual([
      [[parseRange('H14')], '=AND(ISTEXT("budget-eval"),ISNUMBER(H14),H14>14.255)'],
      [[parseRange('E6')], '=AND(ISTEXT("budget-eval"),D6>0,ROUND(E6/D6,4)<ROUND(0.95,4))'],
    ]);
    expect(rules(state, SICHUAN)).toEqual([
      [[parseRange('J16')], '=AND(ISTEXT("budget-eval"),ISNUMBER(J16),J16>24)'],
      [[parseRange('E7')], '=AND(ISTEXT("budget-eval"),D7>0,ROUND(E7/D7,4)<ROUND(0.95,4))'],
    ]);
    expect(fill(state, `${q(NATIONAL)}!H14`)).not.toBe(HIGHLIGHT);
    expect(fill(state, `${q(SICHUAN)}!J16`)).not.toBe(HIGHLIGHT);
    expect(fill(state, `${q(NATIONAL)}!H13`)).toBe('#FFFF00');
    // The clerk's 15 is left as written.
    expect(cellByRef(state, `${q(NATIONAL)}!H14`)?.value).toBe(15);
    // No fill, so no name recording one.
    expect(state.names.filter((n) => n.name.startsWith('BudgetEval_Fill'))).toEqual([]);

    await host.removeHighlights();
    expect(sheetsOf(state)).toEqual(before);
    expect(state.names.map((n) => n.name)).toEqual(['BudgetEval_Report_1']);
  });

  it('on an Excel without conditional formats (ExcelApi 1.5) fills the execution cell under target instead, and removes it', async () => {
    const state = await formsWorkbook();
    const before = sheetsOf(state);
    const { host } = install(state, { maxExcelApi: '1.5' });
    await expect(host.generate(SETTINGS, undefined, REPORT_DATE)).resolves.toMatchObject({ ok: true, highlight: 'fill' });
    expect(rules(state, SICHUAN)).toEqual([]);
    expect(fill(state, `${q(SICHUAN)}!E7`)).toBe(HIGHLIGHT);
    expect(fill(state, `${q(NATIONAL)}!E6`)).toBeUndefined(); // 114 of 120: on target
    expect(fill(state, `${q(NATIONAL)}!H14`)).toBe(HIGHLIGHT);
    expect(fill(state, `${q(SICHUAN)}!J16`)).toBe(HIGHLIGHT);
    await host.removeHighlights();
    expect(sheetsOf(state)).toEqual(before);
  });

  it('writes the report when a form it would highlight is protected, naming the sheet and leaving it as it was (as for a table)', async () => {
    const state = await formsWorkbook();
    findSheet(state, SICHUAN)!.protected = true;
    const formBefore = sheetsOf(state).find((s) => (s as { name: string }).name === SICHUAN);
    const { host } = install(state);
    await expect(host.generate(SETTINGS, undefined, REPORT_DATE)).resolves.toMatchObject({ ok: true, protectedSheets: [SICHUAN] });
    expect(sheetsOf(state).find((s) => (s as { name: string }).name === SICHUAN)).toEqual(formBefore);
    expect(rules(state, NATIONAL)).toHaveLength(2); // the other form is marked as before
  });
});

describe('change events and the stale check on form and 绩效指标 sheets', () => {
  it.each([
    ['1.9', 'one handler for the workbook'],
    ['1.8', 'a handler per sheet'],
  ])('ExcelApi %s (%s): an edited 得分 in a form or in 绩效指标 is a change and makes the report stale', async (maxExcelApi) => {
    const state = await formsWorkbook();
    const { fake, host } = install(state, { maxExcelApi });
    const changes: string[] = [];
    const stop = await host.onDataChanged!(() => changes.push('changed'));
    await host.generate(SETTINGS, undefined, REPORT_DATE);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(changes).toEqual([]);
    const fresh = await host.checkFreshness('zh');
    expect(fresh.status).toBe('current');

    for (const [reference, edited, original] of [
      [`${q(NATIONAL)}!H14`, 14, 15],
      [`${q(SICHUAN)}!J16`, 24, 25],
      ['绩效指标!J2', 45, 50],
    ] as const) {
      const count = changes.length;
      await fake.editCell(reference, edited);
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(changes).toHaveLength(count + 1);
      expect(await host.checkFreshness('zh')).toMatchObject({ status: 'stale', reports: [{ status: 'stale', recorded: fresh.fingerprint }] });
      await fake.editCell(reference, original);
      expect(await host.checkFreshness('zh')).toEqual(fresh);
    }
    await stop();
  });
});

describe('cell links to form cells', () => {
  it('selects every finding’s and every project’s cell, on sheets whose names need quotes', async () => {
    const state = await formsWorkbook();
    const { host } = install(state);
    const outcome = await host.generate(SETTINGS, undefined, REPORT_DATE);
    if (!outcome.ok) throw new Error('not evaluated');
    const references = [
      ...outcome.evaluation.findings.flatMap((f) => (f.cell ? [f.cell] : [])),
      ...outcome.evaluation.projects.flatMap((p) => [p.cell, ...p.indicators.flatMap((i) => [i.cell, ...(i.scoreCell ? [i.scoreCell] : [])])]),
    ];
    // The forms' cells are among them, quoted as Excel quotes them.
    expect(references).toEqual(expect.arrayContaining([`${q(NATIONAL)}!C3`, `${q(SICHUAN)}!B3`, `${q(SICHUAN)}!J16`]));
    for (const reference of references) {
      await host.select(reference);
      const sheetName = reference.startsWith("'") ? reference.slice(1, reference.lastIndexOf("'!")).replace(/''/g, "'") : reference.split('!')[0];
      const target = findSheet(state, sheetName);
      expect(target).toBeDefined();
      expect(state.activeSheetId).toBe(target?.id);
      expect(target?.selection).toEqual(parseRange(reference.slice(reference.lastIndexOf('!') + 1)));
    }
  });
});
