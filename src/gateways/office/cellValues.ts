// Excel's cell values (what `range.values` gives: a formula's cached result, '' for empty, an error as its
// string) → the pipeline's CellValue.
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

export function toCellValue(value: unknown): CellValue {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') return EXCEL_ERRORS.has(value) ? { error: value } : value;
  return String(value);
}
