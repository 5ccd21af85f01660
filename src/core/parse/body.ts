// Reading the rows under a header: items, totals (checked against what they cover), breakdowns, the table's end.
import { DEFAULT_CONFIG } from '../config';
import { cellRef } from '../address';
import { makeFinding, numberFinding } from '../findings';
import { labelKind, type ColumnKey, type MoneyKey } from '../headers';
import type { Finding, Lang } from '../model';
import { formatAmount, readNumber } from '../numbers';
import type { Grid } from './grid';
import { detectHeader, type TableHeader } from './header';

export const MONEY_COLUMNS: readonly MoneyKey[] = ['initial', 'adjustment', 'adjusted', 'carryover', 'actual'];

/** Where each money key's amount sits in an ItemRow's `money`: MONEY_COLUMNS order. */
export const MONEY_INDEX: Readonly<Record<MoneyKey, number>> = { initial: 0, adjustment: 1, adjusted: 2, carryover: 3, actual: 4 };

/** One item row (a project, or a category of the totals table), amounts in the columns' own units. */
export interface ItemRow {
  row: number;
  label: string;
  labelCol: number;
  /**
   * The amount of each money column in MONEY_COLUMNS order; NaN where the table has no such column or its cell
   * could not be read (amounts read are finite). Five doubles in one array: no number object per cell.
   */
  money: number[];
  /** Money cells that could not be read (already reported). */
  unreadable: boolean;
}

/**
 * The item rows of a table, column by column: a few arrays for the whole table instead of two objects per row
 * (10,000 of them lived through the parse and were copied by the collector). Typed arrays made once at the most
 * rows the table can have (the sheet's rows under its header), not grown row by row (12 MB made and thrown away
 * at 50,000 rows). `read` fills a cursor (an ItemRow reused for every row) for code that works on one row.
 */
export class ItemRows {
  /** Per row read (the first `length`): its row index, its label, its five amounts (ItemRow.money's) one after the other. */
  readonly rows: Int32Array;
  readonly labels: string[] = [];
  readonly money: Float64Array;
  private readonly unreadable: Uint8Array;
  private count = 0;

  constructor(
    readonly labelCol: number,
    capacity: number,
  ) {
    this.rows = new Int32Array(capacity);
    this.money = new Float64Array(capacity * 5);
    this.unreadable = new Uint8Array(capacity);
  }

  get length(): number {
    return this.count;
  }

  push(row: number, label: string, money: readonly number[], unreadable: boolean): void {
    const i = this.count++;
    this.rows[i] = row;
    this.labels.push(label);
    const base = i * 5;
    for (let k = 0; k < 5; k++) this.money[base + k] = money[k];
    this.unreadable[i] = unreadable ? 1 : 0;
  }

  /** Row `i` into `cursor` (its money array is overwritten, not replaced). */
  read(i: number, cursor: ItemRow): ItemRow {
    cursor.row = this.rows[i];
    cursor.label = this.labels[i];
    cursor.labelCol = this.labelCol;
    const base = i * 5;
    for (let k = 0; k < 5; k++) cursor.money[k] = this.money[base + k];
    cursor.unreadable = this.unreadable[i] === 1;
    return cursor;
  }

  /** Leaves a cell of row `i` out (beyond the amount limit): unread, like a cell that could not be read. */
  drop(i: number, index: number): void {
    this.money[i * 5 + index] = NaN;
    this.unreadable[i] = 1;
  }
}

/** A cursor for ItemRows.read. */
export function itemCursor(): ItemRow {
  return { row: 0, label: '', labelCol: 0, money: [NaN, NaN, NaN, NaN, NaN], unreadable: false };
}

export interface TotalRow extends ItemRow {
  /** A 小计 covers rows since the previous total of any level; 合计 / 总计 since the previous 合计. */
  level: 'sub' | 'grand';
}

export interface TableBody {
  items: ItemRows;
  totals: TotalRow[];
  /** Row index after the table: where scanning for the next table resumes. */
  end: number;
  /** The row that ended the table is itself a new header. */
  nextHeader: TableHeader | null;
}


/** Reads one money cell; reports unreadable, error and negative values at the cell. */
export function readMoneyCell(
  grid: Grid,
  row: number,
  col: number,
  column: { key: ColumnKey; header: string },
  lang: Lang,
  findings: Finding[],
): number | null {
  const value = grid.value(row, col);
  // The common cases without a NumberRead object per cell (five a row): a blank, a finite amount that needs no finding.
  if (value === null) return 0;
  if (typeof value === 'number' && Number.isFinite(value) && (value >= 0 || column.key === 'adjustment')) return value;
  const read = readNumber(value, true);
  if (read === null) return 0;
  if (read.ok && !read.percent && (read.value >= 0 || column.key === 'adjustment')) return read.value; // the common case: no reference made
  const cell = cellRef(grid.name, row, col);
  if (!read.ok) {
    findings.push(numberFinding(read, cell, lang, column.header));
    return null;
  }
  if (read.percent) {
    findings.push(makeFinding('not-a-number', cell, lang, { column: column.header, text: `${read.value}%` }));
    return null;
  }
  if (read.value < 0 && column.key !== 'adjustment') {
    findings.push(makeFinding('negative-amount', cell, lang, { column: column.header, value: read.value }));
    return null;
  }
  return read.value;
}


export function readBody(grid: Grid, header: TableHeader, labelKey: 'name' | 'category', lang: Lang, findings: Finding[], tolerance = DEFAULT_CONFIG.tolerances.tableSum): TableBody {
  const labelCol = header.columns.get(labelKey)?.col ?? header.firstCol;
  const moneyCols = MONEY_COLUMNS.flatMap((key) => {
    const column = header.columns.get(key);
    return column ? [{ index: MONEY_INDEX[key], column }] : [];
  });
  const items = new ItemRows(labelCol, Math.max(0, grid.rowCount - header.bottom - 1));
  const totals: TotalRow[] = [];
  // One row's amounts, read into the same array each row (an item's are copied into `items`, a total keeps a copy).
  const money = [NaN, NaN, NaN, NaN, NaN];
  let blanks = 0;
  let row = header.bottom + 1;
  let nextHeader: TableHeader | null = null;
  for (; row < grid.rowCount; row++) {
    if (grid.isBlankRow(row, header.firstCol, header.lastCol)) {
      if (++blanks >= 2) break;
      continue;
    }
    blanks = 0;
    // The row's lead: its first text up to the label, else anywhere in the table's width.
    let leadCol = grid.firstTextCol(row, Math.min(header.firstCol, labelCol), labelCol);
    if (leadCol < 0) leadCol = grid.firstTextCol(row, 0, header.lastCol);
    const label = grid.text(row, labelCol);
    // A number (a 序号) is no label word (labelKind of its text is null): no string is made for it.
    const lead = leadCol < 0 ? '' : leadCol === labelCol ? label : typeof grid.value(row, leadCol) === 'number' ? null : grid.text(row, leadCol);
    const leadKind = lead === null ? null : labelKind(lead);
    const kind = label === lead ? leadKind : labelKind(label);
    if (leadKind === 'footer') break;
    // A header word where the label goes may start a new table: only then run the full header test.
    if (kind === 'header' || (label === '' && leadKind === 'header')) {
      nextHeader = detectHeader(grid, row);
      if (nextHeader) break;
    }
    const totalKind = kind === 'total' || kind === 'subtotal' ? kind : leadKind === 'total' || leadKind === 'subtotal' ? leadKind : null;
    const totalLabel = totalKind === null ? null : kind === totalKind ? label : lead;
    if (totalKind === null && kind === 'breakdown') continue;
    for (let k = 0; k < 5; k++) money[k] = NaN;
    let unreadable = false;
    for (let i = 0; i < moneyCols.length; i++) {
      const { index, column } = moneyCols[i];
      const value = readMoneyCell(grid, row, column.col, column, lang, findings);
      if (value === null) unreadable = true;
      else money[index] = value;
    }
    if (totalLabel !== null) {
      totals.push({ row, label: totalLabel, labelCol, money: money.slice(), unreadable, level: totalKind === 'subtotal' ? 'sub' : 'grand' });
    } else {
      items.push(row, label, money, unreadable);
    }
  }
  checkTotals(grid, header, items, totals, lang, findings, tolerance);
  return { items, totals, end: nextHeader ? row : row + 1, nextHeader };
}

/** Each total row against the sum of the item rows it covers; one finding per differing cell. */
function checkTotals(grid: Grid, header: TableHeader, items: ItemRows, totals: TotalRow[], lang: Lang, findings: Finding[], tolerance: number): void {
  if (totals.length === 0) return;
  // The rows read (the arrays are made at the table's most rows).
  const rows = items.rows.subarray(0, items.length);
  const amounts = items.money;
  const firstItemRow = items.length > 0 ? rows[0] : Infinity;
  let subStart = header.bottom;
  let grandStart = header.bottom;
  // Per money column: the sum of the covered items, and whether one of them could not be read. Items are in row order,
  // so a total covers a run of them: no list of the covered rows is made.
  const sums = [0, 0, 0, 0, 0];
  const unread = [false, false, false, false, false];
  for (const total of totals) {
    let first = 0;
    let end = items.length;
    if (total.row >= firstItemRow) {
      // A total right under the header covers everything below it; any other the items since the previous total.
      const from = total.level === 'sub' ? subStart : grandStart;
      first = firstAfter(rows, from);
      end = first;
      while (end < rows.length && rows[end] < total.row) end++;
      subStart = total.row;
      if (total.level === 'grand') grandStart = total.row;
    }
    for (let k = 0; k < 5; k++) {
      sums[k] = 0;
      unread[k] = false;
    }
    // The same additions in the same order as a reduce from 0 over the covered items.
    for (let i = first; i < end; i++) {
      for (let k = 0; k < 5; k++) {
        const value = amounts[i * 5 + k];
        if (value !== value) unread[k] = true;
        else sums[k] += value;
      }
    }
    for (let k = 0; k < MONEY_COLUMNS.length; k++) {
      const column = header.columns.get(MONEY_COLUMNS[k]);
      const given = total.money[k];
      if (!column || given !== given) continue;
      if (unread[k]) continue; // an unreadable cell is already reported
      const sum = sums[k];
      const diff = given - sum;
      // The config's tolerance (0.01) in the table's unit; the relative slack only absorbs float noise (1e-9 would let 0.02 pass at 10,000,000).
      if (Math.abs(diff) > tolerance + 1e-12 * Math.max(1, Math.abs(sum))) {
        findings.push(
          makeFinding('total-mismatch', cellRef(grid.name, total.row, column.col), lang, {
            label: total.label,
            column: column.header,
            given: formatAmount(given, 'trim'),
            sum: formatAmount(sum, 'trim'),
            diff: formatAmount(diff, 'trim'),
          }),
        );
      }
    }
  }
}

/** The index of the first item below `row` (items are in row order). */
function firstAfter(rows: Int32Array, row: number): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (rows[mid] > row) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
