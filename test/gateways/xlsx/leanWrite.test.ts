// leanWrite (src/gateways/xlsx/excelAdapter.ts) writes ExcelJS's bytes one sheet at a time. These tests fail if
// an ExcelJS upgrade changes what it follows: the bytes of a workbook with every kind of part ExcelJS writes per
// sheet, and the source of the ExcelJS functions it restates.
import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { leanWrite, leanWriteAvailable } from '../../../src/gateways/xlsx/excelAdapter';

const NOT_DATE = ['hrtime', 'nextTick', 'performance', 'queueMicrotask', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'] as const;

/** A workbook with shared strings, styles, merges, notes, links, a table, rules, print titles, names, images. */
function richWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const first = wb.addWorksheet('项目支出', { pageSetup: { printArea: 'A1:D20', printTitlesRow: '1:1' } });
  for (let r = 1; r <= 300; r++) {
    const row = first.getRow(r);
    row.values = [`项目${r % 40}`, r * 1.5, { formula: `B${r}*2`, result: r * 3 }, r % 7 === 0 ? '=文本' : null];
    row.getCell(1).alignment = { wrapText: true, vertical: 'top' };
    row.getCell(2).numFmt = '#,##0.00';
    row.getCell(4).numFmt = '@';
  }
  first.mergeCells('E1:F2');
  first.getCell('G3').value = { text: 'link', hyperlink: 'https://example.org/' };
  first.getCell('G4').note = '备注';
  first.addConditionalFormatting({ ref: 'B1:B300', rules: [{ type: 'expression', priority: 1, formulae: ['B1>100'], style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFFC7CE' } } } }] });
  (first as unknown as { dataValidations: { add(ref: string, v: ExcelJS.DataValidation): void } }).dataValidations.add('H1:H10', { type: 'list', allowBlank: true, formulae: ['"a,b"'] });
  const second = wb.addWorksheet('表 2');
  second.columns = [{ width: 12, style: { font: { bold: true } } }, { width: 30 }];
  second.addTable({ name: 'T1', ref: 'A1', columns: [{ name: '名称' }, { name: '金额' }], rows: [['甲', 1], ['乙', 2]] });
  second.getCell('D1').value = '项目1';
  second.getCell('D2').note = 'note 2';
  const image = wb.addImage({ base64: 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', extension: 'png' });
  second.addImage(image, 'F2:G4');
  // Every kind of cell and row a clerk's sheet may hold.
  const kinds = wb.addWorksheet('种类');
  kinds.getRow(1).values = [true, false, 0, -1.25e-7, 'a<b&"c"', null];
  kinds.getCell('F1').style = { font: { italic: true } };
  kinds.getRow(2).values = [new Date(Date.UTC(2021, 11, 31)), { error: '#N/A' } as ExcelJS.CellErrorValue, { richText: [{ text: '富', font: { bold: true } }, { text: '文本' }] }];
  kinds.getRow(3).height = 33.75;
  kinds.getRow(3).hidden = true;
  kinds.getRow(3).outlineLevel = 2;
  kinds.getRow(3).getCell(2).value = 42;
  kinds.getRow(4).font = { bold: true };
  kinds.getRow(4).getCell(1).value = '行样式';
  kinds.getRow(6).getCell(3).style = { fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } } };
  kinds.mergeCells('A8:C9');
  kinds.getCell('A8').value = 7;
  wb.addWorksheet('空');
  wb.definedNames.add("'项目支出'!$A$1", 'BE_REPORT_1');
  return wb;
}

describe('leanWrite', () => {
  afterEach(() => jest.useRealTimers());

  it('is available in the Node build', () => {
    expect(leanWriteAvailable(new ExcelJS.Workbook())).toBe(true);
  });

  it('writes the same bytes as ExcelJS’s writeBuffer, part for part and in the same order', async () => {
    jest.useFakeTimers({ now: new Date('2026-03-01T08:00:00Z'), doNotFake: [...NOT_DATE] });
    const theirs = new Uint8Array((await richWorkbook().xlsx.writeBuffer()) as ArrayBuffer);
    const ours = await leanWrite(richWorkbook());
    const [a, b] = await Promise.all([JSZip.loadAsync(theirs), JSZip.loadAsync(ours)]);
    expect(Object.keys(b.files)).toEqual(Object.keys(a.files));
    expect(Object.keys(a.files)).toEqual(expect.arrayContaining(['xl/comments1.xml', 'xl/tables/table1.xml', 'xl/drawings/drawing1.xml', 'xl/worksheets/_rels/sheet2.xml.rels']));
    for (const name of Object.keys(a.files)) expect([name, await b.file(name)?.async('string')]).toEqual([name, await a.file(name)?.async('string')]);
    expect(Buffer.from(ours).equals(Buffer.from(theirs))).toBe(true);
  });

  it('consume: drops each sheet’s cells once its model is built, and still writes the same bytes', async () => {
    jest.useFakeTimers({ now: new Date('2026-03-01T08:00:00Z'), doNotFake: [...NOT_DATE] });
    const theirs = Buffer.from((await richWorkbook().xlsx.writeBuffer()) as ArrayBuffer);
    const wb = richWorkbook();
    const ours = await leanWrite(wb, true);
    expect(Buffer.from(ours).equals(theirs)).toBe(true);
    expect(wb.worksheets[0].rowCount).toBe(0);
  });

  it('restates ExcelJS 4.4’s write(), prepareModel(), addWorksheets() and the model getters (an upgrade that changes them fails here)', () => {
    const xlsx = Object.getPrototypeOf(new ExcelJS.Workbook().xlsx) as Record<string, () => void>;
    const wb = new ExcelJS.Workbook();
    const getter = (o: object, name: string) => String(Object.getOwnPropertyDescriptor(Object.getPrototypeOf(o), name)?.get);
    const sources = {
      write: String(xlsx.write),
      prepareModel: String(xlsx.prepareModel),
      addWorksheets: String(xlsx.addWorksheets),
      workbookModel: getter(wb, 'model'),
      worksheetModel: getter(wb.addWorksheet('x'), 'model'),
    };
    const digests = Object.fromEntries(Object.entries(sources).map(([k, v]) => [k, createHash('sha256').update(v).digest('hex').slice(0, 16)]));
    // If these change, compare lib/xlsx/xlsx.js and the model getters with leanWrite and modelWithoutRows, then update.
    expect(digests).toEqual({
      addWorksheets: 'ba7d2a0c06e5f344',
      prepareModel: 'a18fa69c4a33a3f9',
      workbookModel: '1253098fc948612b',
      worksheetModel: '26dfb29a411d38bf',
      write: 'fd5589573dc65b10',
    });
  });
});
