// The tests' forms (test/core/forms/formSheets.ts) as an .xlsx: values, merges and number formats, with ExcelJS.
import ExcelJS from 'exceljs';
import { rangeAddress } from '../../../src/core/address';
import type { SheetSnapshot } from '../../../src/core/model';

export async function formWorkbookBytes(sheets: SheetSnapshot[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    s.values.forEach((row, r) =>
      row.forEach((value, c) => {
        if (value === null || value === undefined) return;
        const cell = ws.getCell(r + 1, c + 1);
        cell.value = value as ExcelJS.CellValue;
        const format = s.numberFormats?.[r]?.[c];
        if (format) cell.numFmt = format;
      }),
    );
    for (const m of s.merges) if (m.bottom > m.top || m.right > m.left) ws.mergeCells(rangeAddress(m));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
