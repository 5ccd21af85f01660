// Finding a table's header: one row, or two rows under merged group cells (年度预算数（万元） over 年初预算 | 调整后预算数).
import { matchHeader, normalise, parseUnitWord, type ColumnKey, type HeaderMatch, type Unit } from '../headers';
import type { Grid } from './grid';

export interface HeaderColumn {
  key: ColumnKey;
  col: number;
  /** The clerk's own header text, for messages. */
  header: string;
  unit: Unit | null;
  percent: boolean;
}

export type TableKind = 'project' | 'totals';

export interface TableHeader {
  kind: TableKind;
  sheet: string;
  top: number;
  bottom: number;
  firstCol: number;
  lastCol: number;
  columns: Map<ColumnKey, HeaderColumn>;
}

/** Headers start within a sheet's first 20 columns; we read a little beyond for wide tables. */
export const HEADER_START_COLS = 20;
const MAX_HEADER_COLS = 60;

interface CellMatch extends HeaderMatch {
  header: string;
}

function rowMatches(grid: Grid, row: number): Map<number, CellMatch> {
  const found = new Map<number, CellMatch>();
  const width = Math.min(grid.width(row), MAX_HEADER_COLS);
  for (let c = 0; c < width; c++) {
    const text = grid.text(row, c);
    if (text === '' || text.length > 40) continue;
    const match = matchHeader(text);
    if (match) found.set(c, { ...match, header: text });
  }
  return found;
}

/** A unit written on a group header: `年度预算数（万元）` → 万元. */
function groupUnit(text: string): Unit | null {
  const match = /\(([^()]*)\)$/.exec(normalise(text));
  return match ? parseUnitWord(match[1]) : null;
}

const MONEY: readonly ColumnKey[] = ['initial', 'adjustment', 'adjusted', 'carryover', 'actual'];

function classify(columns: Map<ColumnKey, HeaderColumn>): TableKind | null {
  const ordered = [...columns.values()].filter((c) => c.key !== 'serial').sort((a, b) => a.col - b.col);
  const hasMoney = ordered.some((c) => MONEY.includes(c.key));
  if (!hasMoney) return null;
  if (ordered[0]?.key === 'category') return 'totals';
  if (columns.has('name')) return 'project';
  return null;
}

function build(matches: Map<number, CellMatch>): Map<ColumnKey, HeaderColumn> {
  const columns = new Map<ColumnKey, HeaderColumn>();
  for (const [col, m] of [...matches.entries()].sort((a, b) => a[0] - b[0])) {
    if (!columns.has(m.key)) columns.set(m.key, { key: m.key, col, header: m.header, unit: m.unit, percent: m.percent });
  }
  return columns;
}

/** Is `row` the first row of a table header? Returns the header (one or two rows) or null. */
export function detectHeader(grid: Grid, row: number): TableHeader | null {
  const first = rowMatches(grid, row);
  if (first.size === 0) return null;
  const second = row + 1 < grid.rowCount ? rowMatches(grid, row + 1) : new Map<number, CellMatch>();
  // Two rows when the second row names columns that the first leaves to a group cell (or blank).
  const twoRow = [...second.keys()].some((c) => !first.has(c));
  const combined = new Map<number, CellMatch>(first);
  if (twoRow) {
    for (const [col, m] of second) {
      const unit = m.unit ?? groupUnit(grid.shownText(row, col));
      combined.set(col, { ...m, unit });
    }
  }
  const columns = build(combined);
  const kind = classify(columns);
  if (!kind) return null;
  const cols = [...columns.values()].map((c) => c.col);
  const firstCol = Math.min(...cols);
  if (firstCol >= HEADER_START_COLS) return null;
  return { kind, sheet: grid.name, top: row, bottom: twoRow ? row + 1 : row, firstCol, lastCol: Math.max(...cols), columns };
}
