// The words of a 项目支出绩效自评表 and how a cell is matched against them. Forms put their units and points in
// brackets (项目资金（万元）, 产出指标（50分）, 实施单位（盖章）): a label is matched without them.
import { normalise, parseUnitWord, type Unit } from '../../headers';
import { foldWidth } from '../../numbers';
import type { Grid } from '../grid';

const PLAIN_CACHE = new Map<string, string>();
const PLAIN_CACHE_SIZE = 4096;

/** Normalised, without a trailing colon, a leading 其中 and any bracketed part. */
export function plain(text: string): string {
  // Forms repeat the same few dozen labels on every sheet: remembered, a 200-form workbook reads in half the time.
  const cached = PLAIN_CACHE.get(text);
  if (cached !== undefined) return cached;
  const result = text === '' ? '' : normalise(text).replace(/\([^()]*\)/g, '').replace(/^其中[:：]?/, '').replace(/[:：]$/, '');
  if (text.length <= 40) {
    if (PLAIN_CACHE.size >= PLAIN_CACHE_SIZE) PLAIN_CACHE.clear();
    PLAIN_CACHE.set(text, result);
  }
  return result;
}

/** The points in a label: 产出指标（50分） → 50; 预算执行情况（10分） → 10. */
export function pointsIn(text: string): number | null {
  const match = /[(（]\s*(\d+(?:\.\d+)?)\s*分\s*[)）]/.exec(foldWidth(text));
  return match ? Number(match[1]) : null;
}

/** The label without its points: 产出指标（50分） → 产出指标. */
export function withoutPoints(text: string): string {
  return foldWidth(text).replace(/\s*\(\s*\d+(?:\.\d+)?\s*分\s*\)\s*$/, '').trim();
}

/** A unit in brackets anywhere in a header: 项目资金（万元）, 年度预算数（元）. */
export function unitIn(text: string): Unit | null {
  for (const match of foldWidth(text).matchAll(/\(([^()]*)\)/g)) {
    const unit = parseUnitWord(match[1].replace(/^单位[:：]?/, ''));
    if (unit) return unit;
  }
  return null;
}

/** How far right a form's cells are read (a form starts within 20 columns and is a few dozen wide at most). */
export const FORM_WIDTH = 40;

/** The first non-blank cell right of a label (a merged label spans several columns; its value follows). */
export function valueRight(grid: Grid, row: number, col: number, isLabel: (text: string) => boolean): { col: number; text: string } | null {
  const width = Math.min(grid.width(row), FORM_WIDTH);
  for (let c = col + 1; c < width; c++) {
    const text = grid.shown(row, c);
    if (text === '') continue;
    return isLabel(text) ? null : { col: c, text };
  }
  return null;
}

/** Written and not 无 / 无。/ / (a blank answer a form asks for). */
export function written(text: string): string | null {
  const t = text.trim();
  return t === '' || /^(无|没有|暂无|\/|-|—+)[。.]?$/.test(foldWidth(t)) ? null : t;
}
