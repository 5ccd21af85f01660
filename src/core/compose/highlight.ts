// Which rows of the clerk's own tables to highlight, and how: a conditional-format rule that recomputes the
// rate from the row's cells (so it follows the data), or, where the cells are not plain numbers, a fixed rule
// (always on). Never a fill where the host draws rules: a fill would paint over the clerk's own colour, and
// taking it away could not give that colour back. Fills are only for hosts without conditional formats.
import { columnLetters, parseRange, rangeAddress, splitReference } from '../address';
import type { Basis, CellRange, Evaluation, ProjectResult, ProjectTableLayout, SourceCell, WorkbookSnapshot } from '../model';
import { call, div, group, gt, lt, num, printFormula, ref, ROUND, text, type Expr } from '../formula/formula';
import { completeFigures, denominatorExpr, rowTargetExpr } from '../formula/reportFormulas';
import type { HighlightPlan } from './reportPlan';
import { sourceOf } from '../sources';

type Key = keyof ProjectTableLayout['columns'];
type MoneyKey = keyof ProjectTableLayout['wanDivisor'];

/** The figures a row's rate is computed from: the table's own columns, as core/evaluate.ts reads them. */
function rateColumns(layout: ProjectTableLayout): { actual: MoneyKey; figures: Partial<Record<'initial' | 'adjustment' | 'adjusted' | 'carryover', MoneyKey>> } | null {
  const has = (k: Key) => layout.columns[k] !== undefined;
  if (!has('actual') || (!has('adjusted') && !has('initial'))) return null;
  const figures: Partial<Record<'initial' | 'adjustment' | 'adjusted' | 'carryover', MoneyKey>> = {};
  for (const k of ['initial', 'adjustment', 'adjusted', 'carryover'] as const) if (has(k)) figures[k] = k;
  return { actual: 'actual', figures };
}

/** `$F4`, scaled to 万元 (in brackets) only when the row's money columns are in different units. */
function term(layout: ProjectTableLayout, key: Key, row: number, scaled: boolean): Expr {
  const at = ref(`$${columnLetters(layout.columns[key] as number)}${row + 1}`);
  const divisor = key === 'target' ? 1 : layout.wanDivisor[key] ?? 1;
  return scaled && divisor !== 1 ? group(div(at, num(divisor))) : at;
}

/** Our mark in a rule, as an expression: `ISTEXT("budget-eval")`. */
const MARK = call('ISTEXT', text('budget-eval'));

/** A fixed rule's formula: the mark alone, always true. It marks cells a rule cannot recompute, as a fill would. */
export const FIXED_RULE = printFormula(MARK);

/**
 * The longest list of areas (`A4:I9,A11:I11,…`) one rule covers. Excel's Worksheet.getRanges refuses a list of
 * about 8,200 characters with a bare InvalidArgument (office-js #5198), and a table whose rows alternate between
 * plain numbers and text makes one area per row: its rows go into as many rules as keep each list under this.
 */
export const MAX_RULE_ADDRESS = 4000;

/** Areas in order, cut into runs whose address lists stay within MAX_RULE_ADDRESS. */
function ruleChunks(areas: CellRange[]): CellRange[][] {
  const chunks: CellRange[][] = [];
  let chunk: CellRange[] = [];
  let length = 0;
  for (const area of areas) {
    const size = rangeAddress(area).length + 1; // and its comma
    if (chunk.length > 0 && length + size > MAX_RULE_ADDRESS) {
      chunks.push(chunk);
      chunk = [];
      length = 0;
    }
    chunk.push(area);
    length += size;
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
}

/**
 * Whether the row at `row` (0-based) is under target, as the engine decides it: its rate over the basis's
 * denominator (the engine's, figures derived as the parser derives them: 年初 = 调整后 − 调整 without a 年初
 * column), compared as displayed with the row's own target or the department's. Null when the table has no
 * rate to compute. References are column-absolute and row-relative: the rule for every row of the range.
 */
export function highlightExpr(layout: ProjectTableLayout, basis: Basis, target: number, row: number): Expr | null {
  const cols = rateColumns(layout);
  if (!cols) return null;
  const money = [cols.actual, ...Object.values(cols.figures)];
  const scaled = new Set(money.map((k) => layout.wanDivisor[k] ?? 1)).size > 1;
  const figure = (k: 'initial' | 'adjustment' | 'adjusted' | 'carryover') => {
    const key = cols.figures[k];
    return key === undefined ? null : term(layout, key, row, scaled);
  };
  // As the parser: 调整后 is 年初 alone in a table with neither 调整后 nor 调整数.
  const adjusted = figure('adjusted') ?? (figure('adjustment') ? null : figure('initial'));
  const figures = { initial: figure('initial'), adjustment: figure('adjustment'), adjusted, carryover: figure('carryover') };
  // Without a carry-over column the engine adds 0: the adjusted budget alone.
  const denominator = denominatorExpr(basis, figures) ?? completeFigures(figures).adjusted;
  if (!denominator) return null;
  const targetExpr = layout.columns.target !== undefined ? rowTargetExpr(term(layout, 'target', row, false), layout.targetIsPercent, target) : num(target);
  return call('AND', MARK, gt(denominator, num(0)), lt(ROUND(div(term(layout, cols.actual, row, scaled), denominator), 4), ROUND(targetExpr, 4)));
}

/** The cells a row's rate reads, for the check that they are plain numbers. */
function usedColumns(layout: ProjectTableLayout): Key[] {
  const cols = rateColumns(layout);
  if (!cols) return [];
  return [cols.actual, ...Object.values(cols.figures), ...(layout.columns.target !== undefined ? (['target'] as Key[]) : [])];
}

function contiguous(rows: number[]): [number, number][] {
  const runs: [number, number][] = [];
  // A table's rows come in order: sorted (a copy) only when they do not.
  let sorted = true;
  for (let i = 1; i < rows.length && sorted; i++) sorted = rows[i - 1] <= rows[i];
  const ordered = sorted ? rows : [...rows].sort((a, b) => a - b);
  // Indexed, with the last run at hand: a call per row is what costs while the code is still interpreted.
  let last: [number, number] | undefined;
  for (let i = 0; i < ordered.length; i++) {
    const r = ordered[i];
    if (last !== undefined && r === last[1] + 1) last[1] = r;
    else runs.push((last = [r, r]));
  }
  return runs;
}

export function planHighlights(ev: Evaluation, snapshot: WorkbookSnapshot): HighlightPlan {
  const plan: HighlightPlan = { rules: [], fallbackFills: [] };
  // One indexed pass over the projects sorts them into their tables and does the forms and the indicators
  // (whose rules go after the tables', in project order): the command's one run is mostly
  // interpreted, where each pass, and a for-of's iterator step, costs per project.
  const byTable: ProjectResult[][] = ev.projectTables.map(() => []);
  const later: HighlightPlan = { rules: [], fallbackFills: [] };
  const aboveRule: HighlightPlan = { rules: [], fallbackFills: [] };
  for (let k = 0; k < ev.projects.length; k++) {
    const p = ev.projects[k];
    byTable[p.location.table]?.push(p);
    if (p.source?.kind === 'form') planForm(ev, p, later);
    // A clerk's indicator 得分 above the rule (issue 9): a rule on that cell, not a fill, so that removing it
    // gives back the form's own colour and a corrected 得分 clears it; a fill only on hosts without conditional formats.
    const indicators = p.indicators;
    if (!indicators) continue;
    for (let i = 0; i < indicators.length; i++) {
      const ind = indicators[i];
      const at = ind.aboveRule && ind.scoreCell ? cellOf(ind.scoreCell) : null;
      if (!at) continue;
      aboveRule.rules.push({ sheet: at.sheet, areas: [at.range], formula: printFormula(aboveRuleExpr(columnLetters(at.range.left) + (at.range.top + 1), ind.ruleScore, ind.ruleRange)) });
      aboveRule.fallbackFills.push(at);
    }
  }
  ev.projectTables.forEach((layout, index) => {
    const sheet = snapshot.sheets.find((s) => s.name === layout.sheet);
    const projects = byTable[index];
    if (!sheet || projects.length === 0) return;
    const used = usedColumns(layout).map((k) => layout.columns[k] as number);
    const cols = used.length > 0;
    // One pass over the table's projects (thousands of rows): a row gets the rule when the cells its rate reads
    // are plain numbers, the fixed rule when it is under target without one; hosts without rules fill every row under.
    const ruleRows: number[] = [];
    const fixed: number[] = [];
    const under: number[] = [];
    // A row gets the rule when the cells its rate reads are ones Excel can do arithmetic on as they are: numbers
    // and blanks. Indexed, the test inlined: the command's one run is mostly interpreted, where each call costs.
    const sheetValues = sheet.values;
    for (let k = 0; k < projects.length; k++) {
      const p = projects[k];
      const row = p.location.row;
      const values = sheetValues[row];
      let numeric = cols;
      for (let i = 0; i < used.length && numeric; i++) {
        const v: unknown = values === undefined ? undefined : values[used[i]];
        numeric = v === null || v === undefined || typeof v === 'number' || (typeof v === 'string' && v.trim() === '');
      }
      if (numeric) ruleRows.push(row);
      if (p.underTarget) {
        under.push(row);
        if (!numeric) fixed.push(row);
      }
    }
    // Adjacent rows as one range: each fallback fill is a defined name in the workbook, so a name per row would
    // grow the names (and each host's work on them) with the rows.
    const area = ([top, bottom]: [number, number]): CellRange => ({ top, bottom, left: layout.firstCol, right: layout.lastCol });
    // A host that cannot draw rules fills every under-target row; decided here, not left to each host.
    for (const run of contiguous(under)) plan.fallbackFills.push({ sheet: layout.sheet, range: area(run) });
    // One rule over the rows that can be recomputed (several when their areas are many), its formula written for
    // its first area's first row; and over the rows under target that cannot, the fixed rule.
    if (cols && ruleRows.length > 0) {
      for (const areas of ruleChunks(contiguous(ruleRows).map(area))) {
        const formula = highlightExpr(layout, ev.department.basis, ev.department.target, areas[0].top);
        if (formula) plan.rules.push({ sheet: layout.sheet, areas, formula: printFormula(formula) });
      }
    }
    if (fixed.length > 0) for (const areas of ruleChunks(contiguous(fixed).map(area))) plan.rules.push({ sheet: layout.sheet, areas, formula: FIXED_RULE });
  });
  // The tables', then the forms', then the indicators': the order the hosts have always been given.
  for (const part of [later, aboveRule]) {
    for (let i = 0; i < part.rules.length; i++) plan.rules.push(part.rules[i]);
    for (let i = 0; i < part.fallbackFills.length; i++) plan.fallbackFills.push(part.fallbackFills[i]);
  }
  return plan;
}

/**
 * A 得分 cell above the rule, as indicator-above-rule decides (core/score/indicators/scoreIndicator.ts): more
 * than 0.005 above the rule's score, or above the qualitative band's top.
 */
export function aboveRuleExpr(address: string, ruleScore: number | null, range: [number, number] | null): Expr {
  // To a millionth of a point: 0.1 + 0.005 is printed 0.105, not 0.10500000000000001.
  const limit = Math.round(Math.min((ruleScore ?? 0) + 0.005, range ? range[1] : Infinity) * 1e6) / 1e6;
  const cell = ref(address);
  return call('AND', MARK, call('ISNUMBER', cell), gt(cell, num(limit)));
}

/** `'自评表 (1)'!E8` as a sheet and a range. */
function cellOf(reference: string): { sheet: string; range: CellRange } | null {
  const at = splitReference(reference);
  const range = at ? parseRange(at.address) : null;
  return at && range ? { sheet: at.sheet, range } : null;
}

/**
 * The cell a form's rate divides by under the basis, as core/evaluate.ts `denominator` takes it (a form has no
 * carry-over: 调整后 + 结转 is 调整后), when that figure was read from one cell of the form; else null.
 */
function formDenominator(p: ProjectResult, basis: Basis): SourceCell | null {
  if (basis === 'initial' && p.initialBudget !== null) return sourceOf(p, 'initialBudget') ?? null;
  // Without a 全年预算数 the form's 调整后 is its 年初 (core/parse/forms/readForm.ts).
  return sourceOf(p, 'adjustedBudget') ?? (p.initialBudget !== null && p.initialBudget === p.adjustedBudget ? sourceOf(p, 'initialBudget') ?? null : null);
}

/**
 * A form's rule (issue 9): on its 全年执行数 / 预算执行数 cell, the rate recomputed from the form's own cells and
 * compared as displayed with the project's target, as a table row's rule; null where a figure is not a plain
 * number in one cell of the form (a total summed from the rows under it, a number typed as text).
 */
export function formHighlightExpr(p: ProjectResult, basis: Basis): Expr | null {
  const actual = sourceOf(p, 'actual');
  const denominator = formDenominator(p, basis);
  if (!actual?.formula || !denominator?.formula) return null;
  const a = splitReference(actual.ref);
  const d = splitReference(denominator.ref);
  // One form, one unit: no scaling. A rule reads its own sheet only.
  if (!a || !d || a.sheet !== d.sheet || actual.divisor !== denominator.divisor) return null;
  const den = ref(d.address);
  return call('AND', MARK, gt(den, num(0)), lt(ROUND(div(ref(a.address), den), 4), ROUND(num(p.effectiveTarget), 4)));
}

/**
 * A form: the execution cell highlighted like a table row — a rule that follows the form's cells, else a fixed
 * rule when under target (on the money block's total row when the actual was summed from the rows under it).
 */
function planForm(ev: Evaluation, p: ProjectResult, plan: HighlightPlan): void {
  const actualSource = sourceOf(p, 'actual');
  const actualCell = actualSource ? cellOf(actualSource.ref) : null;
  const { sheet, row, firstCol, lastCol } = p.location;
  const target = actualCell ?? { sheet, range: { top: row, bottom: row, left: firstCol, right: lastCol } };
  if (p.underTarget) plan.fallbackFills.push(target);
  const formula = actualCell ? formHighlightExpr(p, ev.department.basis) : null;
  if (actualCell && formula) plan.rules.push({ sheet: actualCell.sheet, areas: [actualCell.range], formula: printFormula(formula) });
  else if (p.underTarget) plan.rules.push({ sheet: target.sheet, areas: [target.range], formula: FIXED_RULE });
}
