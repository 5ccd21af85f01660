/// <reference types="office-js" />
// The Office.js gateway gives the number formats of numeric cells (issue 9), loaded with the values: the same
// snapshot formats as the .xlsx gateway, and the forms read alike in both hosts.
import { runPipeline } from '../../../src/core/pipeline';
import { readSnapshot } from '../../../src/gateways/office';
import { loadWorkbook } from '../../../src/gateways/xlsx/readWorkbook';
import { createFakeWorkbook } from '../../fakes/excel';
import { nationalForm, sichuanForm, splitForm } from '../../core/forms/formSheets';
import { options } from '../../core/snapshot';
import { formWorkbookBytes } from '../xlsx/formWorkbook';
import { fakeInitFromLoaded, install, runExcel, uninstall } from './helpers';

afterEach(uninstall);

/** The formats as `address → format`, whatever the array's shape. */
function listed(formats: (string | null | undefined)[][] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  (formats ?? []).forEach((row, r) => (row ?? []).forEach((f, c) => f && (out[`${r},${c}`] = f)));
  return out;
}

describe('number formats in Excel', () => {
  it('gives the formats of numeric cells as the .xlsx gateway does, and the forms read alike', async () => {
    const loaded = await loadWorkbook(await formWorkbookBytes([nationalForm(), splitForm(), sichuanForm()]));
    install(createFakeWorkbook(fakeInitFromLoaded(loaded)));
    const read = await runExcel((context) => readSnapshot(context));
    read.snapshot.sheets.forEach((s, i) => expect(listed(s.numberFormats)).toEqual(listed(loaded.snapshot.sheets[i].numberFormats)));
    expect(listed(read.snapshot.sheets[0].numberFormats)).toEqual({ '5,6': '0.00%', '13,4': '0%', '13,5': '0%' });
    const inExcel = runPipeline(read.snapshot, options());
    const fromFile = runPipeline(loaded.snapshot, options());
    if (!inExcel.ok || !fromFile.ok) throw new Error('not evaluated');
    expect(inExcel.evaluation.projects.map((p) => p.indicators)).toEqual(fromFile.evaluation.projects.map((p) => p.indicators));
    expect(inExcel.evaluation.projects[0].form?.givenRate).toBe(0.95);
  });

  it('a date-formatted number is a date, with no number format in the snapshot', async () => {
    install(createFakeWorkbook({ sheets: [{ name: 'S', values: [[44926, 0.5, 3]], numberFormats: { A1: 'yyyy/m/d', B1: '0%' } }] }));
    const read = await runExcel((context) => readSnapshot(context));
    expect(read.snapshot.sheets[0].values[0][0]).toBeInstanceOf(Date);
    expect(listed(read.snapshot.sheets[0].numberFormats)).toEqual({ '0,1': '0%' });
  });
});
