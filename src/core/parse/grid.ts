// Read access to one sheet's values, with merged areas resolved to their top-left cell.
import type { CellRange, CellValue, SheetSnapshot } from '../model';
import { foldWidth } from '../numbers';
import { shownValue } from '../shown';

export class Grid {
  readonly name: string;
  readonly rowCount: number;
  private readonly values: CellValue[][];
  private readonly merges: CellRange[];
  private readonly formats: SheetSnapshot['numberFormats'];

  constructor(sheet: SheetSnapshot) {
    this.name = sheet.name;
    this.values = sheet.values;
    this.merges = sheet.merges;
    this.formats = sheet.numberFormats;
    this.rowCount = sheet.values.length;
  }

  value(row: number, col: number): CellValue {
    return this.values[row]?.[col] ?? null;
  }

  width(row: number): number {
    return this.values[row]?.length ?? 0;
  }

  /** The cell's text, trimmed; '' for blanks and non-text values other than numbers and CellInvalid. */
  text(row: number, col: number): string {
    const v = this.value(row, col);
    if (typeof v === 'string') return v.trim();
    if (typeof v === 'number') return String(v);
    // A cell the file marks numeric but stores as text (`<v>12abc</v>`): as text wherever text is read (a name);
    // where a number is needed, readNumber refuses it.
    if (v !== null && typeof v === 'object' && 'invalid' in v) return v.invalid.trim();
    return '';
  }

  /** The cell's number format where the gateway gave one (non-General numeric cells only). */
  numberFormat(row: number, col: number): string | null {
    return this.formats?.[row]?.[col] ?? null;
  }

  /** The cell's text as Excel shows it: 0.95 under `0%` is "95%" (see shown.ts). */
  shown(row: number, col: number): string {
    const v = this.value(row, col);
    return typeof v === 'number' ? shownValue(v, this.numberFormat(row, col)) : this.text(row, col);
  }

  /** The merged area a cell belongs to, if any. */
  mergeAt(row: number, col: number): CellRange | null {
    for (const m of this.merges) {
      if (row >= m.top && row <= m.bottom && col >= m.left && col <= m.right) return m;
    }
    return null;
  }

  /** The text shown at a cell: its own, or that of the merged area covering it. */
  shownText(row: number, col: number): string {
    const own = this.text(row, col);
    if (own !== '') return own;
    const m = this.mergeAt(row, col);
    return m ? this.text(m.top, m.left) : '';
  }

  isBlankRow(row: number, fromCol: number, toCol: number): boolean {
    const cells = this.values[row];
    if (!cells) return true;
    for (let c = fromCol; c <= toCol && c < cells.length; c++) {
      const v = cells[c];
      if (v !== null && v !== undefined && !(typeof v === 'string' && v.trim() === '')) return false;
    }
    return true;
  }

  /** The column of the first cell with text (as `text` reads it) in a row between two columns, or -1. No string made. */
  firstTextCol(row: number, fromCol: number, toCol: number): number {
    const cells = this.values[row];
    if (!cells) return -1;
    for (let c = fromCol; c <= toCol && c < cells.length; c++) {
      const v = cells[c];
      if (typeof v === 'number') return c;
      if (typeof v === 'string' ? v.trim() !== '' : v !== null && typeof v === 'object' && 'invalid' in v && v.invalid.trim() !== '') return c;
    }
    return -1;
  }

  /** First non-blank text in a row between two columns, for labels such as 合计 or 制表人. */
  firstText(row: number, fromCol: number, toCol: number): string {
    for (let c = fromCol; c <= toCol; c++) {
      const t = this.text(row, c);
      if (t !== '') return t;
    }
    return '';
  }
}

/** Year from a title such as `2021年度部门整体支出…`. */
export function yearInText(text: string): number | null {
  const match = /((?:19|20)\d{2})\s*年/.exec(foldWidth(text));
  return match ? Number(match[1]) : null;
}
