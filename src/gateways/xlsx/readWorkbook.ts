// .xlsx → WorkbookSnapshot, with ExcelJS. Runs in Node and in the browser (no fs here: bytes in).
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { splitReference } from '../../core/address';
import { REPORT_NAME_PREFIX } from '../../core/compose/reportPlan';
import type { CellRange, CellValue, SheetSnapshot, WorkbookSnapshot } from '../../core/model';
import { findUnkeptContent } from './unkeptContent';

/** ExcelJS's cell value → the pipeline's: formulas give their cached result, rich text its plain text. */
export function toCellValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('error' in value) return { error: String(value.error) };
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('formula' in value || 'sharedFormula' in value) {
      const result = (value as ExcelJS.CellFormulaValue).result;
      if (result === undefined) return null;
      return toCellValue(result as ExcelJS.CellValue);
    }
    if ('text' in value) return String((value as ExcelJS.CellHyperlinkValue).text);
  }
  return null;
}

function sheetSnapshot(ws: ExcelJS.Worksheet): SheetSnapshot {
  const values: CellValue[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const v = cell.type === ExcelJS.ValueType.Merge ? null : toCellValue(cell.value);
      // ExcelJS leaves a cached result of 0 out of `value`; `result` still has it.
      cells[colNumber - 1] = v === null && cell.type === ExcelJS.ValueType.Formula ? toCellValue(cell.result as ExcelJS.CellValue) : v;
    });
    values[rowNumber - 1] = cells;
  });
  // `ws.model` would rebuild every row's model just to list merges: read ExcelJS's merge index instead.
  const index = (ws as unknown as { _merges: Record<string, { top: number; left: number; bottom: number; right: number }> })._merges;
  const merges: CellRange[] = Object.values(index).map((m) => ({ top: m.top - 1, left: m.left - 1, bottom: m.bottom - 1, right: m.right - 1 }));
  return { name: ws.name, values, merges };
}

/** Sheets the tool made itself, from the defined names that mark them. */
export function toolSheetNames(wb: ExcelJS.Workbook): string[] {
  const names: string[] = [];
  for (const entry of wb.definedNames.model) {
    if (!entry.name.startsWith(REPORT_NAME_PREFIX)) continue;
    for (const range of entry.ranges) {
      const ref = splitReference(range);
      if (ref) names.push(ref.sheet);
    }
  }
  return names;
}

export class UnreadableWorkbookError extends Error {
  constructor(
    message: string,
    readonly reason: 'encrypted' | 'not-xlsx' | 'corrupt',
  ) {
    super(message);
  }
}

export interface LoadedWorkbook {
  workbook: ExcelJS.Workbook;
  snapshot: WorkbookSnapshot;
}

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

/** Reads an .xlsx file's bytes. Encrypted files and old binary formats are told apart from broken ones. */
export async function loadWorkbook(bytes: Uint8Array, lang: 'zh' | 'en' = 'zh'): Promise<LoadedWorkbook> {
  if (OLE_MAGIC.every((b, i) => bytes[i] === b)) {
    // Both an encrypted .xlsx and an old .xls / .et live in an OLE compound file.
    throw new UnreadableWorkbookError('encrypted or old binary workbook', 'encrypted');
  }
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new UnreadableWorkbookError('not an .xlsx file', 'not-xlsx');
  }
  if (!zip.file('xl/workbook.xml')) throw new UnreadableWorkbookError('not an .xlsx workbook', 'not-xlsx');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (error) {
    throw new UnreadableWorkbookError(`cannot read the workbook: ${(error as Error).message}`, 'corrupt');
  }
  const content = await findUnkeptContent(zip, lang);
  const snapshot: WorkbookSnapshot = {
    sheets: workbook.worksheets.map(sheetSnapshot),
    toolSheets: toolSheetNames(workbook),
    unkeptContent: content,
  };
  return { workbook, snapshot };
}
