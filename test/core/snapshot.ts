// Builds in-memory workbook snapshots for the core tests: no files, no ExcelJS.
import { parseRange } from '../../src/core/address';
import type { CellError, CellRange, CellValue, EvaluationOptions, Finding, FindingCode, SheetSnapshot, UnkeptContent, WorkbookSnapshot } from '../../src/core/model';

/** A row as written in a test: `undefined` and `null` are both empty cells. */
export type Row = (CellValue | undefined)[];

/** `sheet('项目支出', [[...], [...]], ['A1:F1'])`: rows from A1, merges as A1 ranges or 0-based rectangles. */
export function sheet(name: string, rows: Row[], merges: (string | CellRange)[] = []): SheetSnapshot {
  return {
    name,
    values: rows.map((row) => row.map((v) => (v === undefined ? null : v))),
    merges: merges.map((m) => {
      if (typeof m !== 'string') return m;
      const range = parseRange(m);
      if (!range) throw new Error(`bad range ${m}`);
      return range;
    }),
  };
}

export function workbook(sheets: SheetSnapshot[], extra: { toolSheets?: string[]; unkeptContent?: UnkeptContent[] } = {}): WorkbookSnapshot {
  return { sheets, toolSheets: extra.toolSheets ?? [], unkeptContent: extra.unkeptContent ?? [] };
}

export function err(error: string): CellError {
  return { error };
}

export function options(over: Partial<EvaluationOptions> = {}): EvaluationOptions {
  return { lang: 'zh', basis: 'adjusted', style: 'fixed', reportDate: new Date(Date.UTC(2022, 0, 15)), ...over };
}

/** `count` empty rows, to push a table down. */
export function blankRows(count: number): Row[] {
  return Array.from({ length: count }, () => []);
}

/** A row with `count` empty cells before the given ones, to push a table right. */
export function shifted(count: number, row: Row): Row {
  return [...Array.from({ length: count }, () => null), ...row];
}

export function codes(findings: readonly Pick<Finding, 'code'>[]): FindingCode[] {
  return findings.map((f) => f.code);
}

export function only(findings: readonly Finding[], code: FindingCode): Finding[] {
  return findings.filter((f) => f.code === code);
}

/** The usual project header: 序号 | 项目名称 | 年初预算数 | 预算调整数 | 调整后预算数 | 实际支出数. */
export const PROJECT_HEADER: Row = ['序号', '项目名称', '年初预算数', '预算调整数', '调整后预算数', '实际支出数'];

/** A project table (header at row 1, 万元 by default) with rows [name, initial, adjustment, adjusted, actual]. */
export function projectSheet(name: string, projects: [string, number, number, number, number][], unitLine = '单位：万元'): SheetSnapshot {
  return sheet(name, [[unitLine], PROJECT_HEADER, ...projects.map((p, i): Row => [i + 1, ...p])]);
}
