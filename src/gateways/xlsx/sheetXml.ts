// What the reader needs to know about a worksheet part before ExcelJS turns it into objects: its size (to refuse
// a sheet over the limits before memory grows) and the numeric cells whose stored text is not a number (ExcelJS
// reads `<v>12abc</v>` as 12, `<v>NaN</v>` as NaN and `<v></v>` as blank; the raw text is gone after it parses).
// One linear pass of indexOf over the text, no regular expression over the whole part: a 50,000-row sheet is
// ~20 MB of XML. Only unprefixed elements: ExcelJS reads nothing else (exceljs #1437), and a prefixed part is
// refused or normalised before this.
import { parseRange } from '../../core/address';

export interface SheetFacts {
  /** Rows the `<dimension ref>` spans (0 when absent or unreadable): Excel's own word for the used range. */
  dimensionRows: number;
  /** `<row>` elements. */
  rows: number;
  /** `<c>` elements. */
  cells: number;
  /** Cells inside merged ranges: ExcelJS makes an object for each, so a huge merge costs as much as cells. */
  mergedCells: number;
  /** A1 address → the stored text of a numeric cell that is not a finite number. */
  invalid: Map<string, string>;
}

/** The head of a part holds `<dimension>` (it precedes `<sheetData>`): enough to refuse a 1,048,576-row sheet. */
export function dimensionRows(head: string): number {
  const at = head.indexOf('<dimension');
  if (at < 0) return 0;
  const end = head.indexOf('>', at);
  const tag = head.slice(at, end < 0 ? undefined : end);
  const ref = / ref="([^"]*)"/.exec(tag)?.[1];
  if (!ref) return 0;
  const range = parseRange(ref);
  return range ? range.bottom - range.top + 1 : 0;
}

function count(xml: string, needle: string, end: number): number {
  let n = 0;
  for (let at = xml.indexOf(needle); at >= 0 && at < end; at = xml.indexOf(needle, at + needle.length)) {
    const next = xml.charCodeAt(at + needle.length);
    // `<c ` and `<c>` (and `<c/>`), not `<col` or `<cfRule`.
    if (next === 0x20 || next === 0x3e || next === 0x2f || next === 0x0a || next === 0x0d || next === 0x09) n++;
  }
  return n;
}

/** A number as Excel stores it in `<v>`: decimal, optional exponent. */
const STORED_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function attributeOf(tag: string, name: string): string | undefined {
  const at = tag.indexOf(` ${name}="`);
  if (at < 0) return undefined;
  const start = at + name.length + 3;
  return tag.slice(start, tag.indexOf('"', start));
}

/**
 * The `<c …>` start tag that holds position `at`, or null (a `<v>` outside a cell is not ours to judge). Every
 * search stays between the cell's start and `at`: a backward search for a string the sheet may not hold at all
 * (`<c>`) would read back to the start of the part for every text value, quadratic on a report sheet.
 */
function enclosingCell(xml: string, at: number): string | null {
  const start = xml.lastIndexOf('<c', at);
  if (start < 0) return null;
  const next = xml.charCodeAt(start + 2);
  if (next !== 0x20 && next !== 0x3e && next !== 0x0a && next !== 0x0d && next !== 0x09) return null;
  const close = xml.indexOf('</c>', start);
  if (close >= 0 && close < at) return null;
  return xml.slice(start, xml.indexOf('>', start) + 1);
}

/** Cell types whose `<v>` is not a number: shared-string index (checked anyway, it is an integer), text, boolean, error. */
const NOT_NUMERIC = new Set(['str', 'inlineStr', 'e', 'b', 's']);

function noteInvalid(xml: string, at: number, raw: string, invalid: Map<string, string>): void {
  if (STORED_NUMBER.test(raw) && Number.isFinite(Number(raw))) return;
  const tag = enclosingCell(xml, at);
  if (!tag) return;
  const type = attributeOf(tag, 't');
  if (type !== undefined && NOT_NUMERIC.has(type)) return;
  const address = attributeOf(tag, 'r');
  if (address) invalid.set(address, raw);
}

export function scanSheetXml(xml: string): SheetFacts {
  const dataEnd = xml.indexOf('</sheetData>');
  const end = dataEnd < 0 ? xml.length : dataEnd;
  const invalid = new Map<string, string>();
  for (let at = xml.indexOf('<v>'); at >= 0 && at < end; at = xml.indexOf('<v>', at + 3)) {
    const close = xml.indexOf('</v>', at);
    if (close < 0) break;
    noteInvalid(xml, at, xml.slice(at + 3, close), invalid);
  }
  for (let at = xml.indexOf('<v/>'); at >= 0 && at < end; at = xml.indexOf('<v/>', at + 4)) noteInvalid(xml, at, '', invalid);
  let mergedCells = 0;
  for (let at = xml.indexOf('<mergeCell ', end); at >= 0; at = xml.indexOf('<mergeCell ', at + 11)) {
    const ref = attributeOf(xml.slice(at, xml.indexOf('>', at)), 'ref');
    const range = ref ? parseRange(ref) : null;
    if (range) mergedCells += (range.bottom - range.top + 1) * (range.right - range.left + 1);
  }
  const data = xml.indexOf('<sheetData');
  return { dimensionRows: dimensionRows(xml.slice(0, data < 0 ? Math.min(xml.length, 65536) : data)), rows: count(xml, '<row', end), cells: count(xml, '<c', end), mergedCells, invalid };
}
