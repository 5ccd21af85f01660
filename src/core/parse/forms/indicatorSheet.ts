// The template's 绩效指标 sheet: 项目名称 | 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | 实际完成值 |
// 分值 | 得分 | 偏差原因, one indicator a row, linked to the projects by name (codes dropped, as the duplicate check).
import type { Finding, Lang } from '../../model';
import type { Grid } from '../grid';
import { findIndicatorHeader, readIndicatorRows, type IndicatorRow } from './indicators';

/** The header is within a sheet's first 30 rows, like a project table's. */
const HEADER_ROWS = 30;
const MAX_ROWS = 1_000_000;

export interface IndicatorSheet {
  grid: Grid;
  rows: IndicatorRow[];
}

/** The sheet's indicator rows, or null when it has no 项目名称 | 一级/二级 | 三级指标 header. */
export function readIndicatorSheet(grid: Grid, lang: Lang, findings: Finding[]): IndicatorSheet | null {
  const header = findIndicatorHeader(grid, 0, HEADER_ROWS, true);
  if (!header) return null;
  return { grid, rows: readIndicatorRows(grid, header, MAX_ROWS, lang, findings).rows };
}
