// What kind of file the clerk picked, from its name and first bytes: enough to say "save it as .xlsx" before
// loading the .xlsx library. No ExcelJS, no JSZip here: the browser page imports this at start.
import type { LimitExceeded } from '../../core/limits';

/** Spreadsheet formats the tool cannot read, by extension: the clerk saves them as .xlsx first. */
export const OTHER_FORMATS = ['.xls', '.et', '.ett', '.csv', '.ods', '.xlsb', '.numbers', '.wps'];

export type FileProblem =
  /** Another spreadsheet format, by its extension (`.xls`, `.et`, `.csv`…). */
  | { reason: 'format'; extension: string }
  /** An OLE compound file: an encrypted .xlsx (password to open) or an old binary .xls / .et. */
  | { reason: 'encrypted' }
  /** Not a zip package at all (text, an empty file, something else). */
  | { reason: 'not-xlsx' }
  /** A zip package that is not a workbook ExcelJS can read. */
  | { reason: 'corrupt'; detail: string }
  /** Over a size limit (core/config.ts): which one, so that the pane words it in its own language. */
  | { reason: 'too-large'; limit: LimitExceeded };

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** `预算.xls` → `.xls`; no extension → ``. */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot).toLowerCase() : '';
}

/** A problem that can be told without reading the workbook, or null when it looks like an .xlsx package. */
export function sniffWorkbook(name: string, bytes: Uint8Array): FileProblem | null {
  const starts = (magic: number[]) => bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
  const extension = extensionOf(name);
  if (OTHER_FORMATS.includes(extension)) return { reason: 'format', extension };
  if (starts(OLE_MAGIC)) return { reason: 'encrypted' };
  if (!starts(ZIP_MAGIC)) return { reason: 'not-xlsx' };
  return null;
}

/** `预算表.xlsx` → `预算表.evaluation.xlsx`: the name the evaluated copy is offered under (as the command names it). */
export function evaluatedFileName(name: string): string {
  const base = name.replace(/[\\/]/g, '_');
  const dot = base.lastIndexOf('.');
  const stem = dot > 0 ? base.slice(0, dot) : base;
  return `${stem || 'workbook'}.evaluation.xlsx`;
}
