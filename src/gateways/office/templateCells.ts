// The template's sheets as cells to write, for hosts without insertWorksheetsFromBase64: values and formulas,
// number formats, merges, column widths, bold. Reads the .xlsx with ExcelJS (through the .xlsx gateway), so it
// is loaded through import() by insertTemplate.ts and never weighs on the pane's first load.
import ExcelJS from 'exceljs';
import { rangeAddress } from '../../core/address';
import { sheetMerges } from '../xlsx/excelAdapter';
import { loadWorkbook, toCellValue } from '../xlsx/readWorkbook';

export interface TemplateSheetCells {
  /** The used rectangle from A1, or null for an empty sheet. */
  range: string | null;
  /** Constants and `=formulas`, for `range.formulas`. */
  formulas: (string | number | boolean)[][];
  numberFormats: string[][];
  bold: string[];
  merges: string[];
  /** Column widths in characters (0: Excel's default). */
  widths: number[];
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

function sheetCells(ws: ExcelJS.Worksheet): TemplateSheetCells {
  const rowCount = ws.actualRowCount === 0 ? 0 : ws.rowCount;
  const colCount = ws.columnCount;
  const formulas: (string | number | boolean)[][] = [];
  const numberFormats: string[][] = [];
  const bold: string[] = [];
  for (let r = 1; r <= rowCount; r++) {
    const rowFormulas: (string | number | boolean)[] = [];
    const rowFormats: string[] = [];
    let boldFrom = -1;
    for (let c = 1; c <= colCount + 1; c++) {
      // findCell, not getCell: ExcelJS cells (no Office.js proxy here), and no empty cells created.
      const cell = c <= colCount ? ws.findCell(r, c) : undefined;
      const isBold = Boolean(cell?.font?.bold) && cell?.type !== ExcelJS.ValueType.Merge;
      if (isBold && boldFrom < 0) boldFrom = c;
      if (!isBold && boldFrom >= 0) {
        bold.push(rangeAddress({ top: r - 1, bottom: r - 1, left: boldFrom - 1, right: c - 2 }));
        boldFrom = -1;
      }
      if (c > colCount) break;
      let value: string | number | boolean = '';
      let format = cell?.numFmt || 'General';
      if (cell?.type === ExcelJS.ValueType.Formula) value = `=${cell.formula}`;
      else if (cell && cell.type !== ExcelJS.ValueType.Merge) {
        const v = toCellValue(cell.value);
        if (typeof v === 'number' || typeof v === 'boolean') value = v;
        else if (typeof v === 'string') {
          value = v;
          // Text that Excel would read as a formula stays text.
          if (/^[=+\-@]/.test(v)) format = '@';
        } else if (v instanceof Date) value = (v.getTime() - EXCEL_EPOCH) / 86400000;
      }
      rowFormulas.push(value);
      rowFormats.push(format);
    }
    formulas.push(rowFormulas);
    numberFormats.push(rowFormats);
  }
  const merges = sheetMerges(ws).map(rangeAddress);
  const widths = Array.from({ length: colCount }, (_, i) => ws.getColumn(i + 1).width ?? 0);
  const range = rowCount > 0 && colCount > 0 ? rangeAddress({ top: 0, left: 0, bottom: rowCount - 1, right: colCount - 1 }) : null;
  return { range, formulas, numberFormats, bold, merges, widths };
}

export async function readTemplateCells(bytes: Uint8Array): Promise<TemplateSheetCells[]> {
  const { workbook } = await loadWorkbook(bytes);
  return workbook.worksheets.map(sheetCells);
}
