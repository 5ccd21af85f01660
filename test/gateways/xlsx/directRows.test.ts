// The command writes the report sheet's rows straight from the plan (writeReportShell + leanWrite's direct
// sheets) instead of through ExcelJS cells (writeReportSheet). The file must be the same, part for part and byte
// for byte (each part's text): on the samples, on a generated workbook with thousands of findings and its regeneration, and on
// plans with the rarer shapes (a merge over no cell, a row with a height and no cell, a key below the rows, a
// formula without a result, runs of formulas broken and resumed).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { generateWorkbook } from '../../../bench/generate';
import type { ReportPlan } from '../../../src/core/compose/reportPlan';
import type { Lang } from '../../../src/core/model';
import { runPipeline } from '../../../src/core/pipeline';
import { leanWrite } from '../../../src/gateways/xlsx/excelAdapter';
import { evaluateXlsx } from '../../../src/gateways/xlsx/evaluateXlsx';
import { loadWorkbook } from '../../../src/gateways/xlsx/readWorkbook';
import { writeHighlights, writeReportSheet, writeReportShell } from '../../../src/gateways/xlsx/writeWorkbook';

const ROOT = path.resolve(__dirname, '../../..');
const sample = () => new Uint8Array(readFileSync(path.join(ROOT, 'assets/sample-2021.xlsx')));
const DATE = new Date(Date.UTC(2022, 2, 1));

async function write(bytes: Uint8Array, lang: Lang, direct: boolean, change?: (plan: ReportPlan) => void): Promise<Uint8Array> {
  const { workbook, snapshot } = await loadWorkbook(bytes, lang);
  const result = runPipeline(snapshot, { lang, basis: 'adjusted', style: 'trim', reportDate: DATE });
  if (!result.ok) throw new Error('pipeline refused the workbook');
  change?.(result.report);
  // docProps/core.xml carries the time of writing.
  workbook.created = workbook.modified = DATE;
  if (!direct) {
    writeReportSheet(workbook, result.report);
    writeHighlights(workbook, result.highlights);
    return leanWrite(workbook, true);
  }
  const rows = writeReportShell(workbook, result.report);
  expect(rows).not.toBeNull();
  writeHighlights(workbook, result.highlights);
  return leanWrite(workbook, true, new Map([[result.report.sheetName, rows!]]));
}

async function expectSameFile(bytes: Uint8Array, lang: Lang, change?: (plan: ReportPlan) => void): Promise<void> {
  const cells = await write(bytes, lang, false, change);
  const direct = await write(bytes, lang, true, change);
  const [a, b] = await Promise.all([JSZip.loadAsync(cells), JSZip.loadAsync(direct)]);
  expect(Object.keys(b.files)).toEqual(Object.keys(a.files));
  for (const name of Object.keys(a.files)) expect([name, await b.file(name)?.async('string')]).toEqual([name, await a.file(name)?.async('string')]);
  // (The zip's own bytes differ only by the entries' times of writing.)
}

describe('the report sheet written straight from the plan', () => {
  it.each(['zh', 'en'] as const)('gives the same file as its ExcelJS cells: the sample (%s)', async (lang) => {
    await expectSameFile(sample(), lang);
  });

  it('gives the same file on the forms sample', async () => {
    await expectSameFile(new Uint8Array(readFileSync(path.join(ROOT, 'assets/sample-forms.xlsx'))), 'zh');
  });

  it('gives the same file on 1,500 projects mostly under target, and on the regeneration over its output', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'direct-rows-'));
    try {
      const file = path.join(dir, 'under.xlsx');
      await generateWorkbook(file, 1500, 'under');
      const bytes = new Uint8Array(readFileSync(file));
      await expectSameFile(bytes, 'zh');
      const evaluated = await evaluateXlsx(bytes, { lang: 'en', basis: 'adjusted', style: 'trim', reportDate: DATE });
      expect(evaluated.output).not.toBeNull();
      await expectSameFile(evaluated.output!, 'en');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('gives the same file for the rarer shapes of a plan', async () => {
    await expectSameFile(sample(), 'zh', (plan) => {
      const style = plan.rows[0]!.cells[0];
      const at = plan.rows.length;
      plan.rows.push(
        { cells: [], height: 21 },
        {
          cells: [
            { ...style, value: null, formula: 'A1&"B7"' },
            { ...style, value: 3, formula: 'A2*2' },
          ],
        },
        { cells: [{ ...style, value: 'x', formula: 'A3&"B8"' }, { ...style, value: 4, formula: 'A3*2' }] },
        { cells: [{ ...style, value: 'y', formula: 'a4&"B9"' }, { ...style, value: 5, formula: 'SUM(1,2)' }] },
        { cells: [{ ...style, value: 'z', formula: 'A5&"B9"' }, { ...style, value: 6, formula: 'A5*2' }] },
        { cells: [] },
      );
      // A merge whose master the plan has no cell for, one over a row without cells; a key below every row.
      plan.merges.push({ top: at, left: 3, bottom: at, right: 5 }, { top: at + 5, left: 0, bottom: at + 6, right: 2 });
      plan.keys.push({ row: at + 9, text: 'key & <more>' });
    });
  });

  it('shares a run of formulas exactly where the tokenizer reads one shape filled down', async () => {
    const formulas = ['A1*2', 'A2*2', 'a3*2', 'A4*2+"A4"', 'A5*2+"A4"', 'A6*2+"A6"', '$A$1+B7', '$A$1+B8', 'LOG10(A9)', 'LOG10(A10)', 'SUM(1,2)', 'SUM(1,2)', "'项目 支出'!F13/10000", "'项目 支出'!F14/10000", '项目支出!F16/10000'];
    const expected = ['master', 'clone', 'clone', 'master', 'clone', 'plain', 'master', 'clone', 'master', 'clone', 'master', 'clone', 'master', 'clone', 'plain'];
    let at = 0;
    const bytes = await write(sample(), 'zh', true, (plan) => {
      at = plan.rows.length;
      const style = plan.rows[0]!.cells[0];
      for (const formula of formulas) plan.rows.push({ cells: [{ ...style, value: 1, formula }] });
    });
    const zip = await JSZip.loadAsync(bytes);
    const sheets = await Promise.all(Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n)).map((n) => zip.file(n)!.async('string')));
    const xml = sheets.find((x) => x.includes(`<c r="A${at + 1}"`) && x.includes('LOG10'))!;
    const kinds = formulas.map((_, i) => {
      const cell = new RegExp(`<c r="A${at + i + 1}"[^>]*>(<f[^>]*>)`).exec(xml)?.[1] ?? '';
      return cell.includes(' ref=') ? 'master' : cell.includes('t="shared"') ? 'clone' : 'plain';
    });
    expect(kinds).toEqual(expected);
  });

  it('refuses overlapping merges as ExcelJS does', async () => {
    const { workbook, snapshot } = await loadWorkbook(sample(), 'zh');
    const result = runPipeline(snapshot, { lang: 'zh', basis: 'adjusted', style: 'trim', reportDate: DATE });
    if (!result.ok) throw new Error('pipeline refused the sample');
    result.report.merges.push({ top: 0, left: 0, bottom: 0, right: 1 });
    const rows = writeReportShell(workbook, result.report)!;
    await expect(leanWrite(workbook, true, new Map([[result.report.sheetName, rows]]))).rejects.toThrow(/Cannot merge already merged cells/);
  });

  it('leaves a plan whose key falls on a cell to the ExcelJS cells, adding nothing', async () => {
    const { workbook, snapshot } = await loadWorkbook(sample(), 'zh');
    const result = runPipeline(snapshot, { lang: 'zh', basis: 'adjusted', style: 'trim', reportDate: DATE });
    if (!result.ok) throw new Error('pipeline refused the sample');
    const sheets = workbook.worksheets.length;
    result.report.keys.push({ row: 0, text: 'k' });
    result.report.rows[0]!.cells.length = result.report.keyColumn + 1;
    result.report.rows[0]!.cells.fill(result.report.rows[0]!.cells[0]);
    expect(writeReportShell(workbook, result.report)).toBeNull();
    expect(workbook.worksheets.length).toBe(sheets);
  });
});
