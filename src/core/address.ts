// A1 addresses and sheet names quoted the way Excel quotes them in references.
import type { CellRange } from './model';

/** Letters of the first columns, worked out once: cell references are made for every figure of every row. */
const LETTERS: string[] = [];

export function columnLetters(col: number): string {
  const known = LETTERS[col];
  if (known !== undefined) return known;
  let n = col + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  if (col < 1024) LETTERS[col] = letters;
  return letters;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/**
 * Excel leaves plain names bare (项目支出, Sheet1) and quotes the rest ('My sheet', 'O''Brien'), including names
 * a formula would read as something else: an A1 cell, an R1C1 reference (R, C3, RC, R2C3) or a logical.
 */
const quoted = new Map<string, string>();

export function quoteSheet(name: string): string {
  // A workbook has a handful of sheet names and the parser asks for each thousands of times.
  const known = quoted.get(name);
  if (known !== undefined) return known;
  const plain =
    /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) &&
    !/^[A-Za-z]{1,3}\d+$/.test(name) &&
    !/^(?:[rR]\d*(?:[cC]\d*)?|[cC]\d*)$/.test(name) &&
    !/^(?:true|false)$/i.test(name);
  const result = plain ? name : `'${name.replace(/'/g, "''")}'`;
  if (quoted.size < 1000) quoted.set(name, result);
  return result;
}

export function cellAddress(row: number, col: number, absolute = false): string {
  return absolute ? `$${columnLetters(col)}$${row + 1}` : `${columnLetters(col)}${row + 1}`;
}

/** `项目支出!B6`, `'My sheet'!B6` */
export function cellRef(sheet: string, row: number, col: number): string {
  return `${quoteSheet(sheet)}!${cellAddress(row, col)}`;
}

export function rangeAddress(range: CellRange): string {
  const start = cellAddress(range.top, range.left);
  const end = cellAddress(range.bottom, range.right);
  return start === end ? start : `${start}:${end}`;
}

/** Parses `A1` or `B2:D5` (no sheet) into a 0-based range. */
export function parseRange(address: string): CellRange | null {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(address.trim());
  if (!match) return null;
  const top = Number(match[2]) - 1;
  const left = columnIndex(match[1]);
  const bottom = match[4] ? Number(match[4]) - 1 : top;
  const right = match[3] ? columnIndex(match[3]) : left;
  return { top: Math.min(top, bottom), left: Math.min(left, right), bottom: Math.max(top, bottom), right: Math.max(left, right) };
}

/** Splits `'My sheet'!A1:B2` into the sheet name and the address. */
export function splitReference(reference: string): { sheet: string; address: string } | null {
  const match = /^(?:'((?:[^']|'')+)'|([^!]+))!(.+)$/.exec(reference.trim().replace(/^=/, ''));
  if (!match) return null;
  return { sheet: match[1] !== undefined ? match[1].replace(/''/g, "'") : match[2], address: match[3] };
}
