// The money block of a form: 项目资金（万元） | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 over
// 年度资金总额 / 其中：当年财政拨款 / 上年结转资金 / 其他资金 (national), or 预算执行情况（10分） | 年初预算 |
// 调整后预算数 | 预算执行数 | 预算执行率 | 权重 | 得分 | 原因 over 总额 / 其中：财政资金 / … (Sichuan).
import { cellRef } from '../../address';
import { numberFinding } from '../../findings';
import type { Unit } from '../../headers';
import type { CellValue, Finding, Lang } from '../../model';
import { readNumber } from '../../numbers';
import type { Grid } from '../grid';
import { FORM_WIDTH, plain, pointsIn, unitIn } from './labels';

export type MoneyColumn = 'initial' | 'adjusted' | 'actual' | 'points' | 'rate' | 'score' | 'reason';
export const MONEY_FIGURES = ['initial', 'adjusted', 'actual'] as const;
export type MoneyFigure = (typeof MONEY_FIGURES)[number];

const WORDS: Record<MoneyColumn, readonly string[]> = {
  initial: ['年初预算数', '年初预算', '年初数', '年初批复数'],
  adjusted: ['全年预算数', '调整后预算数', '调整后预算', '全年预算', '年度预算数'],
  actual: ['全年执行数', '预算执行数', '执行数', '实际支出数', '全年实际执行数'],
  points: ['分值', '权重'],
  rate: ['执行率', '预算执行率'],
  score: ['得分'],
  reason: ['原因', '偏差原因', '原因分析'],
};
const LOOKUP = new Map<string, MoneyColumn>();
for (const [key, words] of Object.entries(WORDS) as [MoneyColumn, readonly string[]][]) for (const w of words) LOOKUP.set(plain(w), key);

const TOTAL_ROWS = new Set(['年度资金总额', '资金总额', '总额', '合计', '总计', '年度资金合计'].map(plain));
const PART_ROWS = new Set(
  ['当年财政拨款', '本年财政拨款', '财政拨款', '上年结转资金', '上年结转', '其他资金', '财政资金', '财政专户管理资金', '单位资金', '其他'].map(plain),
);

export interface MoneyRow {
  row: number;
  label: string;
  /** Figures in the block's unit; absent when blank. */
  values: Partial<Record<MoneyFigure, number>>;
}

export interface MoneyBlock {
  header: number;
  /** The block's label column (项目资金 / 预算执行情况) and its first figure column. */
  firstCol: number;
  lastCol: number;
  columns: Map<MoneyColumn, number>;
  unit: Unit | null;
  /** The points in the block's label (预算执行情况（10分）). */
  labelPoints: number | null;
  total: MoneyRow | null;
  parts: MoneyRow[];
}

/** The header row of the money block: the budget and actual columns, between two rows. */
function findHeader(grid: Grid, from: number, to: number): { row: number; columns: Map<MoneyColumn, number> } | null {
  for (let r = from; r < Math.min(to, grid.rowCount); r++) {
    const columns = new Map<MoneyColumn, number>();
    const width = Math.min(grid.width(r), FORM_WIDTH);
    for (let c = 0; c < width; c++) {
      const key = LOOKUP.get(plain(grid.text(r, c)));
      if (key && !columns.has(key)) columns.set(key, c);
    }
    if (columns.has('actual') && (columns.has('initial') || columns.has('adjusted'))) return { row: r, columns };
  }
  return null;
}

function rowLabel(grid: Grid, row: number, before: number): string {
  for (let c = before - 1; c >= 0; c--) {
    const text = grid.text(row, c);
    if (text !== '') return text;
  }
  return '';
}

const MAX_ROWS = 10;

export function readMoneyBlock(grid: Grid, from: number, to: number, lang: Lang, findings: Finding[]): MoneyBlock | null {
  const header = findHeader(grid, from, to);
  if (!header) return null;
  const { row, columns } = header;
  const cols = [...columns.values()];
  const firstFigure = Math.min(...cols);
  let unit: Unit | null = null;
  let labelPoints: number | null = null;
  // A unit in any header of the block (项目资金（万元）, 年度预算数（万元） in the row above), or in its label cells.
  const look = (text: string) => {
    unit ??= unitIn(text);
    if (/项目资金|预算执行|资金/.test(text)) labelPoints ??= pointsIn(text);
  };
  for (const r of [row, row - 1]) {
    const width = Math.min(grid.width(r), FORM_WIDTH);
    for (let c = 0; c < width; c++) look(grid.text(r, c));
  }
  let total: MoneyRow | null = null;
  const parts: MoneyRow[] = [];
  let r = row + 1;
  for (; r < Math.min(grid.rowCount, row + 1 + MAX_ROWS); r++) {
    for (let c = 0; c < firstFigure; c++) look(grid.text(r, c));
    const label = rowLabel(grid, r, firstFigure);
    const key = plain(label);
    const isTotal = TOTAL_ROWS.has(key) && total === null && parts.length === 0;
    if (!isTotal && !PART_ROWS.has(key)) break;
    const values: MoneyRow['values'] = {};
    for (const figure of MONEY_FIGURES) {
      const col = columns.get(figure);
      if (col === undefined) continue;
      const value: CellValue = grid.value(r, col);
      const read = readNumber(value, false);
      if (!read) continue;
      if (read.ok) values[figure] = read.value;
      // A dash is a blank; words or errors where the form wants money are the clerk's to fix.
      else if (!(read.reason === 'text' && /^[\s\-—–－/]*$/.test(read.text))) findings.push(numberFinding(read, cellRef(grid.name, r, col), lang, WORDS[figure][0]));
    }
    const entry = { row: r, label, values };
    if (isTotal) total = entry;
    else parts.push(entry);
  }
  return { header: row, firstCol: firstFigure, lastCol: Math.max(...cols), columns, unit, labelPoints, total, parts };
}
