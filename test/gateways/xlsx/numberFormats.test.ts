// The .xlsx gateway gives the number formats of numeric cells (issue 9): a clerk's 95% is 0.95 under `0%`.
import { runPipeline } from '../../../src/core/pipeline';
import { loadWorkbook } from '../../../src/gateways/xlsx/readWorkbook';
import { nationalForm, splitForm } from '../../core/forms/formSheets';
import { options } from '../../core/snapshot';
import { formWorkbookBytes } from './formWorkbook';

describe('number formats from an .xlsx', () => {
  it('keeps the format of numeric cells that are not General, and no other', async () => {
    const { snapshot } = await loadWorkbook(await formWorkbookBytes([nationalForm()]));
    const formats = snapshot.sheets[0].numberFormats!;
    expect(formats[5][6]).toBe('0.00%'); // G6: the 执行率 0.95
    expect(formats[13][4]).toBe('0%'); // E14: a target of 1 shown as 100%
    // Text cells and General numbers carry none.
    const listed = formats.flatMap((row, r) => (row ?? []).flatMap((f, c) => (f ? [`${r},${c}`] : [])));
    expect(listed.sort()).toEqual(['13,4', '13,5', '5,6']);
  });

  it('a workbook with no formats carries none (the snapshot of a plain table is unchanged)', async () => {
    const { snapshot } = await loadWorkbook(await formWorkbookBytes([{ name: 'S', values: [['项目名称', '实际支出数'], ['甲', 1]], merges: [] }]));
    expect(snapshot.sheets[0].numberFormats).toBeUndefined();
  });

  it('the forms read from the file as they read in memory: indicators as shown', async () => {
    const sheets = [nationalForm(), splitForm()];
    const { snapshot } = await loadWorkbook(await formWorkbookBytes(sheets));
    const fromFile = runPipeline(snapshot, options());
    const inMemory = runPipeline({ sheets, toolSheets: [], unkeptContent: [] }, options());
    if (!fromFile.ok || !inMemory.ok) throw new Error('not evaluated');
    const indicators = (r: typeof fromFile) => r.evaluation.projects.map((p) => p.indicators);
    expect(indicators(fromFile)).toEqual(indicators(inMemory));
    expect(fromFile.evaluation.projects[0].indicators![1]).toMatchObject({ target: '100%', actual: '95%' });
  });
});
