// Which rows of the clerk's own tables to highlight, and how: a conditional-format rule that recomputes the
// rate from the row's cells (so it follows the data), or a plain fill where the cells are not plain numbers.
import { columnLetters, parseRange, splitReference } from '../address';
import type { Basis, CellRange, Evaluation, ProjectTableLayout, WorkbookSnapshot } from '../model';
import { HIGHLIGHT_MARK, type HighlightPlan, type HighlightRule } from './reportPlan';

type Key = keyof ProjectTableLayout['columns'];

/** The cells a row's rate is computed from, for the basis. */
function rateColumns(layout: ProjectTableLayout, basis: Basis): { numerator: Key[]; denominator: Key[] } | null {
  const has = (k: Key) => layout.columns[k] !== undefined;
  if (!has('actual')) return null;
  let denominator: Key[];
  if (basis === 'initial' && has('initial')) denominator = ['initial'];
  else if (has('adjusted')) denominator = ['adjusted'];
  else if (has('initial')) denominator = has('adjustment') ? ['initial', 'adjustment'] : ['initial'];
  else return null;
  if (basis === 'adjusted-plus-carryover' && has('carryover')) denominator = [...denominator, 'carryover'];
  return { numerator: ['actual'], denominator };
}

/** `$F4`, scaled to 万元 (in brackets) only when the row's money columns are in different units. */
function term(layout: ProjectTableLayout, key: Key, row: number, scaled: boolean): string {
  const ref = `$${columnLetters(layout.columns[key] as number)}${row + 1}`;
  const divisor = key === 'target' ? 1 : layout.wanDivisor[key] ?? 1;
  return scaled && divisor !== 1 ? `(${ref}/${divisor})` : ref;
}

/** Cells that Excel can do arithmetic on as they are: numbers and blanks. */
function isPlainNumber(value: unknown): boolean {
  return value === null || value === undefined || typeof value === 'number' || (typeof value === 'string' && value.trim() === '');
}

function contiguous(rows: number[]): [number, number][] {
  const runs: [number, number][] = [];
  for (const r of [...rows].sort((a, b) => a - b)) {
    const last = runs.at(-1);
    if (last && r === last[1] + 1) last[1] = r;
    else runs.push([r, r]);
  }
  return runs;
}

export function planHighlights(ev: Evaluation, snapshot: WorkbookSnapshot): HighlightPlan {
  const plan: HighlightPlan = { rules: [], fills: [] };
  ev.projectTables.forEach((layout, index) => {
    const sheet = snapshot.sheets.find((s) => s.name === layout.sheet);
    const projects = ev.projects.filter((p) => p.location.table === index);
    if (!sheet || projects.length === 0) return;
    const cols = rateColumns(layout, ev.department.basis);
    const used = cols ? [...cols.numerator, ...cols.denominator, ...(layout.columns.target !== undefined ? (['target'] as Key[]) : [])] : [];
    const numericRow = (row: number) => cols !== null && used.every((k) => isPlainNumber(sheet.values[row]?.[layout.columns[k] as number]));
    const ruleRows = projects.map((p) => p.location.row).filter(numericRow);
    const covered = new Set(ruleRows);
    // Adjacent rows as one range: each fill is a defined name in the workbook, so a name per row would grow
    // the names (and each host's work on them) with the rows.
    const filled = projects.filter((p) => p.underTarget && !covered.has(p.location.row)).map((p) => p.location.row);
    for (const [top, bottom] of contiguous(filled)) {
      plan.fills.push({ sheet: layout.sheet, range: { top, bottom, left: layout.firstCol, right: layout.lastCol } });
    }
    if (!cols || ruleRows.length === 0) return;
    const first = ruleRows.reduce((a, b) => Math.min(a, b)); // no spread: 50,000 arguments overflow the stack
    const moneyKeys = [...cols.numerator, ...cols.denominator];
    const scaled = new Set(moneyKeys.map((k) => layout.wanDivisor[k as keyof ProjectTableLayout['wanDivisor']])).size > 1;
    const sum = (keys: Key[]) =>
      keys.length === 1 ? term(layout, keys[0], first, scaled) : `(${keys.map((k) => term(layout, k, first, scaled)).join('+')})`;
    const denominatorText = sum(cols.denominator);
    const defaultTarget = String(ev.department.target);
    const targetText =
      layout.columns.target !== undefined
        ? targetExpression(term(layout, 'target', first, false), layout.targetIsPercent, defaultTarget)
        : defaultTarget;
    const formula = `AND(${HIGHLIGHT_MARK},${denominatorText}>0,ROUND(${sum(cols.numerator)}/${denominatorText},4)<ROUND(${targetText},4))`;
    const areas: CellRange[] = contiguous(ruleRows).map(([top, bottom]) => ({ top, bottom, left: layout.firstCol, right: layout.lastCol }));
    const rule: HighlightRule = { sheet: layout.sheet, areas, formula };
    plan.rules.push(rule);
  });
  // A clerk's indicator 得分 above the rule (issue 9): a fill on that cell, removed like the others.
  for (const p of ev.projects) {
    for (const ind of p.indicators ?? []) {
      const ref = ind.aboveRule && ind.scoreCell ? splitReference(ind.scoreCell) : null;
      const range = ref ? parseRange(ref.address) : null;
      if (ref && range) plan.fills.push({ sheet: ref.sheet, range });
    }
  }
  return plan;
}

/** The row's own target as the parser reads it: a fraction, or a percent when the header says (%) or it exceeds 1. */
function targetExpression(ref: string, percent: boolean, fallback: string): string {
  const value = percent ? `${ref}/100` : `IF(${ref}>1,${ref}/100,${ref})`;
  return `IF(ISNUMBER(${ref}),${value},${fallback})`;
}
