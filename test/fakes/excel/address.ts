// A1 addresses as Excel writes and reads them, for the fake only (kept apart from src/ so that a bug in the
// code under test cannot hide behind the same bug in its fake).

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

export function columnLetters(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Excel quotes a sheet name in a reference unless it is a plain word that cannot be read as anything else. */
export function quoteSheetName(name: string): string {
  const plain =
    /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) &&
    !/^[A-Za-z]{1,3}\d+$/.test(name) &&
    !/^(?:[rR]\d*(?:[cC]\d*)?|[cC]\d*)$/.test(name) &&
    !/^(?:true|false)$/i.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

/** `A1`, `B2:D5`, `A:C`, `3:5` (with or without `$`) → a rectangle; null when it is not an address. */
export function parseRect(address: string): Rect | null {
  const a = address.trim().replace(/\$/g, '').toUpperCase();
  let m = /^([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?$/.exec(a);
  if (m) {
    const r1 = Number(m[2]) - 1;
    const c1 = columnNumber(m[1]);
    const r2 = m[4] ? Number(m[4]) - 1 : r1;
    const c2 = m[3] ? columnNumber(m[3]) : c1;
    return checked({ top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) });
  }
  m = /^([A-Z]{1,3}):([A-Z]{1,3})$/.exec(a);
  if (m) {
    const c1 = columnNumber(m[1]);
    const c2 = columnNumber(m[2]);
    return checked({ top: 0, bottom: MAX_ROWS - 1, left: Math.min(c1, c2), right: Math.max(c1, c2) });
  }
  m = /^(\d+):(\d+)$/.exec(a);
  if (m) {
    const r1 = Number(m[1]) - 1;
    const r2 = Number(m[2]) - 1;
    return checked({ top: Math.min(r1, r2), bottom: Math.max(r1, r2), left: 0, right: MAX_COLS - 1 });
  }
  return null;
}

function checked(rect: Rect): Rect | null {
  if (rect.top < 0 || rect.left < 0 || rect.bottom >= MAX_ROWS || rect.right >= MAX_COLS) return null;
  return rect;
}

/** Splits `Sheet!A1` / `'My sheet'!A1:B2` / `A1`; the sheet is null when there is none. */
export function splitSheet(reference: string): { sheet: string | null; address: string } {
  const ref = reference.trim().replace(/^=/, '');
  const quoted = /^'((?:[^']|'')+)'!(.+)$/.exec(ref);
  if (quoted) return { sheet: quoted[1].replace(/''/g, "'"), address: quoted[2] };
  const bang = ref.lastIndexOf('!');
  if (bang > 0) return { sheet: ref.slice(0, bang), address: ref.slice(bang + 1) };
  return { sheet: null, address: ref };
}

/** Splits a list of areas at the commas that are not inside a quoted sheet name. */
export function splitAreas(list: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of list) {
    if (ch === "'") quoted = !quoted;
    if (ch === ',' && !quoted) {
      parts.push(current.trim());
      current = '';
    } else {
      current += ch;
    }
  }
  if (current.trim()) parts.push(current.trim());
  return parts;
}

export function formatRect(rect: Rect, absolute = false): string {
  const d = absolute ? '$' : '';
  if (rect.top === 0 && rect.bottom === MAX_ROWS - 1) return `${d}${columnLetters(rect.left)}:${d}${columnLetters(rect.right)}`;
  if (rect.left === 0 && rect.right === MAX_COLS - 1) return `${d}${rect.top + 1}:${d}${rect.bottom + 1}`;
  const start = `${d}${columnLetters(rect.left)}${d}${rect.top + 1}`;
  const end = `${d}${columnLetters(rect.right)}${d}${rect.bottom + 1}`;
  return start === end ? start : `${start}:${end}`;
}

export function formatAddress(sheet: string, rect: Rect, absolute = false): string {
  return `${quoteSheetName(sheet)}!${formatRect(rect, absolute)}`;
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

export function contains(outer: Rect, inner: Rect): boolean {
  return outer.top <= inner.top && outer.left <= inner.left && outer.bottom >= inner.bottom && outer.right >= inner.right;
}

export function cellCount(rect: Rect): number {
  return (rect.bottom - rect.top + 1) * (rect.right - rect.left + 1);
}
