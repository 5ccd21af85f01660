// The department information block: label/value pairs in two adjacent cells (or `label：value` in one).
import { cellRef } from '../address';
import { normalise, parseUnitWord, type Unit } from '../headers';
import type { DepartmentInfo } from '../model';
import { foldWidth, MAX_RATE, readNumber, type NumberRead } from '../numbers';
import { validateSettings, type SettingsProblem } from '../settings';
import { yearInText, type Grid } from './grid';

type InfoKey = 'name' | 'year' | 'unit' | 'target' | 'explainBelow' | 'responsibilities' | 'annualWork' | 'performanceManagement' | 'unitsIncluded';

export const INFO_LABELS: Record<InfoKey, readonly string[]> = {
  name: ['部门名称', '单位名称', '编制单位', '填报单位', 'Department', 'Department name'],
  year: ['年度', '预算年度', 'Fiscal year', 'Year'],
  unit: ['金额单位', 'Unit'],
  target: ['执行率目标', 'Target'],
  explainBelow: ['说明阈值', 'Explain below'],
  responsibilities: ['部门职责', '主要职责', 'Responsibilities'],
  annualWork: ['年度工作', '年度总体工作', '重点工作任务', 'Annual work'],
  performanceManagement: ['绩效管理情况', '部门整体绩效管理情况', 'Performance management'],
  unitsIncluded: ['下属单位', '纳入单位', 'Units included'],
};

const LOOKUP = new Map<string, InfoKey>();
for (const [key, words] of Object.entries(INFO_LABELS) as [InfoKey, readonly string[]][]) {
  for (const word of words) LOOKUP.set(normalise(word), key);
}

export interface RawInfo {
  info: DepartmentInfo;
  unit: Unit | null;
  /** 执行率目标 / 说明阈值 cells that hold no usable number: a stored non-number, a date, or beyond MAX_RATE. */
  badThresholds: { cell: string; label: string; read: NumberRead }[];
  /** Thresholds read as numbers but outside what the settings schema takes ((0, 100%]): not used. */
  outOfRange: (SettingsProblem & { label: string; text: string })[];
}

export function emptyInfo(): DepartmentInfo {
  return {
    name: null,
    year: null,
    target: null,
    explainBelow: null,
    responsibilities: null,
    annualWork: null,
    performanceManagement: null,
    unitsIncluded: null,
  };
}

/** A fraction from 0.95, 95% or — since no execution target exceeds 100% — a bare 95. */
export function readTargetValue(value: unknown, headerPercent: boolean): number | null {
  const read = readNumber(value as never, false);
  if (!read || !read.ok) return null;
  const fraction = read.percent || headerPercent || read.value > 1 ? read.value / 100 : read.value;
  // Beyond any target (1e308 would make "Infinity%" of its percent): not read; the target column reports it.
  return Math.abs(fraction) <= MAX_RATE ? fraction : null;
}

/**
 * Cells to skip: those inside the tables found, so a header such as 执行率目标 is not read as a label. Returns the
 * last column of the row's span the cell is in (a table's width: the scan skips it whole), or -1 for a free cell.
 */
export type Occupied = (sheet: string, row: number, col: number) => number;

export function readInfo(grids: Grid[], occupied: Occupied): RawInfo {
  const info = emptyInfo();
  let unit: Unit | null = null;
  let titleYear: number | null = null;
  const badThresholds: RawInfo['badThresholds'] = [];
  const outOfRange: RawInfo['outOfRange'] = [];
  const set = (key: InfoKey, raw: string, value: unknown, ref: string, label: string) => {
    switch (key) {
      case 'year': {
        const year = typeof value === 'number' ? value : yearInText(`${raw}年`) ?? Number(foldWidth(raw).replace(/[^\d]/g, ''));
        if (info.year === null && Number.isInteger(year) && year > 1900 && year < 2200) info.year = year;
        break;
      }
      case 'unit':
        unit ??= parseUnitWord(raw);
        break;
      case 'target':
      case 'explainBelow':
        if (info[key] === null) {
          const fraction = readTargetValue(value, false);
          // The same schema as the hosts' settings, the path being the cell: 120%, 0 or -5 is said and not used.
          const { problems } = validateSettings({ [key]: fraction ?? undefined }, () => ref);
          info[key] = problems.length === 0 ? fraction : null;
          outOfRange.push(...problems.map((p) => ({ ...p, label, text: raw })));
          if (info[key] !== null) info.cells = { ...info.cells, [key]: ref };
          else if (problems.length === 0) {
            // Text stays "not given" (the default is used and said); a damaged cell, a date or 1e308 is an error.
            const read = readNumber(value as never, false);
            if (read && (read.ok || read.reason === 'invalid' || read.reason === 'date')) badThresholds.push({ cell: ref, label, read });
          }
        }
        break;
      default:
        if (raw !== '') info[key] ??= raw;
    }
  };
  for (const grid of grids) {
    for (let r = 0; r < grid.rowCount; r++) {
      const width = grid.width(r);
      for (let c = 0; c < width; c++) {
        const taken = occupied(grid.name, r, c);
        if (taken >= 0) {
          c = taken;
          continue;
        }
        const text = grid.text(r, c);
        if (text === '') continue;
        if (titleYear === null && typeof grid.value(r, c) === 'string') titleYear = yearInText(text);
        if (text.length > 40) continue;
        const inline = /^([^:：]+)[:：](.*)$/.exec(text);
        const key = LOOKUP.get(normalise(text).replace(/[:：]$/, ''));
        if (key) {
          const merge = grid.mergeAt(r, c);
          const valueCol = merge && merge.top === r && merge.left === c ? merge.right + 1 : c + 1;
          const raw = grid.text(r, valueCol);
          if (raw !== '' && occupied(grid.name, r, valueCol) < 0) set(key, raw, grid.value(r, valueCol), cellRef(grid.name, r, valueCol), text);
        } else if (inline) {
          const inlineKey = LOOKUP.get(normalise(inline[1]));
          const raw = inline[2].trim();
          if (inlineKey && raw !== '') set(inlineKey, raw, raw, cellRef(grid.name, r, c), inline[1].trim());
        }
      }
    }
  }
  info.year ??= titleYear;
  return { info, unit, badThresholds, outOfRange };
}
