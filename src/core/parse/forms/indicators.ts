// The indicator table (绩效指标) of a form, and the template's 绩效指标 sheet: one indicator per row, the 一级 and
// 二级 cells merged down their rows (their text sits in the first row only, and carries down here).
import { cellRef } from '../../address';
import { numberFinding } from '../../findings';
import type { Finding, IndicatorInput, Lang } from '../../model';
import { readNumber } from '../../numbers';
import type { Grid } from '../grid';
import { FORM_WIDTH, plain, pointsIn, withoutPoints } from './labels';

export type IndicatorColumn = 'project' | 'level1' | 'level2' | 'name' | 'target' | 'op' | 'value' | 'unit' | 'actual' | 'points' | 'score' | 'reason';

const WORDS: Record<IndicatorColumn, readonly string[]> = {
  project: ['项目名称'],
  level1: ['一级指标'],
  level2: ['二级指标'],
  name: ['三级指标', '指标名称'],
  target: ['年度指标值', '年度目标值', '指标目标值', '目标值', '预期指标值', '年度指标'],
  op: ['指标性质'],
  value: ['指标值'],
  unit: ['度量单位', '计量单位'],
  actual: ['实际完成值', '完成值', '实际值', '全年实际值', '实际完成情况', '全年实际完成值'],
  points: ['分值', '权重'],
  score: ['得分', '自评得分'],
  reason: ['偏差原因分析及改进措施', '偏差原因', '偏差原因分析', '未完成原因分析', '未完成原因', '原因', '偏差原因及改进措施', '原因分析及改进措施'],
};

const LOOKUP = new Map<string, IndicatorColumn>();
for (const [key, words] of Object.entries(WORDS) as [IndicatorColumn, readonly string[]][]) for (const w of words) LOOKUP.set(plain(w), key);

/** The header cell's column, if it names one. */
export function indicatorColumn(text: string): IndicatorColumn | null {
  return LOOKUP.get(plain(text)) ?? null;
}

const SPLIT: ReadonlySet<IndicatorColumn> = new Set(['op', 'value', 'unit']);

export interface IndicatorHeader {
  top: number;
  bottom: number;
  columns: Map<IndicatorColumn, number>;
}

function keysOfRow(grid: Grid, row: number): Map<number, IndicatorColumn> {
  const keys = new Map<number, IndicatorColumn>();
  const width = Math.min(grid.width(row), FORM_WIDTH);
  for (let c = 0; c < width; c++) {
    const key = indicatorColumn(grid.text(row, c));
    if (key) keys.set(c, key);
  }
  return keys;
}

/**
 * The header of an indicator table between two rows: the row naming 一级/二级/三级 (with 项目名称 when `project`),
 * and the rows around it when the header spans two (绩效指标 over 一级/二级/三级; 年度指标值 over 指标性质/指标值/度量单位).
 */
export function findIndicatorHeader(grid: Grid, from: number, to: number, project = false): IndicatorHeader | null {
  for (let r = from; r < Math.min(to, grid.rowCount); r++) {
    const own = keysOfRow(grid, r);
    const named = new Set(own.values());
    if (!named.has('name') || !(named.has('level1') || named.has('level2')) || (project && !named.has('project'))) continue;
    const rows = [r];
    const above = r > from ? keysOfRow(grid, r - 1) : new Map();
    if ([...above.values()].some((k) => k !== 'name' && !named.has(k))) rows.unshift(r - 1);
    const below = keysOfRow(grid, r + 1);
    if ([...below.values()].some((k) => SPLIT.has(k))) rows.push(r + 1);
    const byCol = new Map<number, IndicatorColumn>();
    for (const row of rows) {
      for (const [col, key] of row === r ? own : row < r ? above : below) {
        // A sub-header (指标性质 under 年度指标值) names its column more exactly than the merged cell above it.
        if (!byCol.has(col) || (SPLIT.has(key) && byCol.get(col) === 'target')) byCol.set(col, key);
      }
    }
    const columns = new Map<IndicatorColumn, number>();
    for (const [col, key] of [...byCol].sort((a, b) => a[0] - b[0])) if (!columns.has(key)) columns.set(key, col);
    // 指标值 without 指标性质 or 度量单位 beside it is the whole target.
    if (columns.has('value') && !columns.has('op') && !columns.has('unit') && !columns.has('target')) {
      columns.set('target', columns.get('value')!);
      columns.delete('value');
    }
    return { top: rows[0], bottom: rows[rows.length - 1], columns };
  }
  return null;
}

export interface IndicatorRow {
  row: number;
  /** The 项目名称 of the row (carried down), for the 绩效指标 sheet; '' in a form. */
  project: string;
  projectCell: string | null;
  indicator: IndicatorInput;
}

export interface IndicatorTable {
  rows: IndicatorRow[];
  /** The 总分 / 合计 row: its 分值 and 得分. */
  total: { points: number | null; score: number | null; scoreCell: string | null } | null;
  /** The row after the table. */
  end: number;
}

const TOTAL_WORDS = new Set(['总分', '合计', '总计', '得分合计', '总得分'].map(plain));
/** Sections that follow the table on a form. */
const AFTER_WORDS = new Set(['评价结论', '自评结论', '存在问题', '存在的问题', '主要问题', '改进措施', '改进意见', '整改措施', '填表人', '填报人', '说明'].map(plain));

/** A target written in three columns (≥ | 95 | %), joined as a clerk reads it: ≥95%. */
function joinTarget(op: string, value: string, unit: string): string {
  const v = value.trim();
  const u = unit.trim();
  // 指标性质 may say 定量 / 定性 instead of an operator: that is no part of the target.
  const o = /^(定量|定性)/.test(op.trim()) ? '' : op.trim();
  return `${o}${v}${u !== '' && !v.endsWith(u) ? u : ''}`;
}

/** A number the clerk wrote (分值, 得分); text is not a number here and reads as blank. */
function readPoints(grid: Grid, row: number, col: number | undefined, label: string, lang: Lang, findings: Finding[]): number | null {
  if (col === undefined) return null;
  const read = readNumber(grid.value(row, col), false);
  if (!read) return null;
  if (read.ok) return read.value;
  // A damaged cell or an error value is reported; words (“—”, “见附件”) are the clerk's and read as blank.
  if (read.reason !== 'text') findings.push(numberFinding(read, cellRef(grid.name, row, col), lang, label));
  return null;
}

const MAX_BLANK_ROWS = 10;

/** The rows of an indicator table, up to its total row, the next section or `limit`. */
export function readIndicatorRows(grid: Grid, header: IndicatorHeader, limit: number, lang: Lang, findings: Finding[]): IndicatorTable {
  const col = (key: IndicatorColumn) => header.columns.get(key);
  const text = (row: number, key: IndicatorColumn) => {
    const c = col(key);
    return c === undefined ? '' : grid.shown(row, c);
  };
  const nameCol = col('name')!;
  const rows: IndicatorRow[] = [];
  let total: IndicatorTable['total'] = null;
  let level1 = '';
  let level1Points: number | null = null;
  let level2 = '';
  let project = '';
  let projectCell: string | null = null;
  let blank = 0;
  let r = header.bottom + 1;
  const end = Math.min(grid.rowCount, limit);
  for (; r < end; r++) {
    const first = grid.firstText(r, 0, Math.max(nameCol, col('level1') ?? 0));
    if (first === '' && grid.isBlankRow(r, 0, FORM_WIDTH)) {
      if (++blank >= MAX_BLANK_ROWS) break;
      continue;
    }
    blank = 0;
    const label = plain(first);
    if (TOTAL_WORDS.has(label)) {
      const scoreCol = col('score');
      total = {
        points: readPoints(grid, r, col('points'), '分值', lang, findings),
        score: readPoints(grid, r, scoreCol, '得分', lang, findings),
        scoreCell: scoreCol === undefined ? null : cellRef(grid.name, r, scoreCol),
      };
      r++;
      break;
    }
    if (AFTER_WORDS.has(label)) break;
    if (col('project') !== undefined) {
      const p = text(r, 'project');
      if (p !== '') {
        if (p !== project) [level1, level1Points, level2] = ['', null, ''];
        project = p;
        projectCell = cellRef(grid.name, r, col('project')!);
      }
    }
    const l1 = text(r, 'level1');
    if (l1 !== '') {
      level1 = withoutPoints(l1);
      level1Points = pointsIn(l1);
      level2 = '';
    }
    const l2 = text(r, 'level2');
    if (l2 !== '') level2 = l2;
    const name = grid.shown(r, nameCol);
    if (name === '') continue;
    const target =
      col('op') !== undefined || col('unit') !== undefined
        ? joinTarget(text(r, 'op'), text(r, col('value') !== undefined ? 'value' : 'target'), text(r, 'unit'))
        : text(r, 'target');
    const scoreCol = col('score');
    const reason = text(r, 'reason');
    rows.push({
      row: r,
      project,
      projectCell,
      indicator: {
        level1,
        level1Points,
        level2,
        name,
        target,
        actual: text(r, 'actual'),
        points: readPoints(grid, r, col('points'), '分值', lang, findings),
        score: readPoints(grid, r, scoreCol, '得分', lang, findings),
        reason: reason === '' ? null : reason,
        cell: cellRef(grid.name, r, nameCol),
        scoreCell: scoreCol === undefined ? null : cellRef(grid.name, r, scoreCol),
      },
    });
  }
  return { rows, total, end: r };
}
