// Excel's cell values (what `range.values` gives: a formula's cached result, '' for empty, an error as its
// string, a date as its serial number) → the pipeline's CellValue.
import type { CellValue } from '../../core/model';

/** Error values as `range.values` returns them. A text cell that holds exactly one of these reads as the error. */
export const EXCEL_ERRORS: ReadonlySet<string> = new Set([
  '#NULL!',
  '#DIV/0!',
  '#VALUE!',
  '#REF!',
  '#NAME?',
  '#NUM!',
  '#N/A',
  '#GETTING_DATA',
  '#SPILL!',
  '#CALC!',
  '#FIELD!',
  '#BLOCKED!',
  '#UNKNOWN!',
  '#CONNECT!',
  '#BUSY!',
  '#PYTHON!',
  '#EXTERNAL!',
]);

/**
 * A number format that shows a date or a time (Excel keeps dates as serial numbers: only the format tells).
 * Quoted text, escaped characters, fill/space pairs and brackets ([Red], [$-804], [DBNum1]) are not codes; the
 * elapsed-time brackets [h] [mm] [ss] are. Scientific notation's E+ is not a year.
 */
export function isDateFormat(format: unknown): boolean {
  if (typeof format !== 'string' || format === '' || /^general$/i.test(format)) return false;
  const codes = format.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/[_*]./g, '');
  if (/\[(?:h+|m+|s+)\]/i.test(codes)) return true;
  const first = codes.replace(/\[[^\]]*\]/g, '').split(';')[0].replace(/general/gi, '').replace(/e[+-]/gi, '');
  return /[ymdhse]/i.test(first);
}

/** Excel's serial day number (1900 date system) as a JS date, as ExcelJS gives a date cell. */
export function serialToDate(serial: number): Date {
  return new Date(Math.round((serial - 25569) * 86_400_000));
}

/** `numberFormat`: the cell's format when loaded, so that a number shown as a date reads as a date. */
export function toCellValue(value: unknown, numberFormat?: unknown): CellValue {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'number') {
    // Never a NaN or ±Infinity into the pipeline (Excel's JSON cannot carry one, but a host's bug could).
    if (!Number.isFinite(value)) return { invalid: String(value) };
    return numberFormat !== undefined && isDateFormat(numberFormat) ? serialToDate(value) : value;
  }
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') return EXCEL_ERRORS.has(value) ? { error: value } : value;
  return String(value);
}
