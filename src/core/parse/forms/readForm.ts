// One 项目支出绩效自评表 (one project per sheet) → the project, its indicators and what the form says besides.
// Read from cell values alone: a merged cell's text sits in its top-left cell, and merges are not known on every
// Excel host.
import { inBoth } from '../../wording';
import { cellRef, columnLetters } from '../../address';
import { amountLimitText, makeFinding } from '../../findings';
import { matchHeader, wanDivisor, type Unit } from '../../headers';
import type { AmountSources, FormExtras, Finding, IndicatorInput, Lang, ProjectInput } from '../../model';
import { formatAmount, MAX_RATE, readNumber } from '../../numbers';
import { readTargetValue } from '../info';
import { yearInText, type Grid } from '../grid';
import { findIndicatorHeader, readIndicatorRows } from './indicators';
import { FORM_WIDTH, plain, valueRight, written } from './labels';
import { MONEY_FIGURES, readMoneyBlock, type MoneyBlock, type MoneyFigure } from './money';

/** A form starts within a sheet's first 60 rows and 20 columns, and may run to row 200. */
export const TITLE_ROWS = 60;
export const TITLE_COLS = 20;
export const FORM_ROWS = 200;

const TITLE = '项目支出绩效自评表';

/** Where a form's title is (项目支出绩效自评表 within the first 60 rows × 20 columns), or null. */
export function findFormTitle(grid: Grid): { row: number; col: number } | null {
  for (let r = 0; r < Math.min(TITLE_ROWS, grid.rowCount); r++) {
    const width = Math.min(grid.width(r), TITLE_COLS);
    for (let c = 0; c < width; c++) {
      const text = grid.text(r, c);
      // Not a summary of many projects (项目支出绩效自评表汇总表, 一览表): that is a table.
      if (text.length < 60 && plain(text).includes(TITLE) && !/汇总|一览|清单|目录/.test(text)) return { row: r, col: c };
    }
  }
  return null;
}

type LabelKey = 'name' | 'department' | 'unit' | 'purpose' | 'outcome' | 'conclusion' | 'problems' | 'improvements';

const LABELS: Record<LabelKey, readonly string[]> = {
  name: ['项目名称'],
  department: ['主管部门', '主管部门及代码', '主管单位'],
  unit: ['实施单位', '项目实施单位'],
  purpose: ['预期目标', '年度预期目标', '年初设定目标'],
  outcome: ['实际完成情况', '全年实际完成情况', '年度目标完成情况', '年度总体目标完成情况综述'],
  conclusion: ['评价结论', '自评结论'],
  problems: ['存在问题', '存在的问题', '主要问题'],
  improvements: ['改进措施', '改进意见', '整改措施', '下一步改进措施'],
};
const LOOKUP = new Map<string, LabelKey>();
for (const [key, words] of Object.entries(LABELS) as [LabelKey, readonly string[]][]) for (const w of words) LOOKUP.set(plain(w), key);
/** Other labels a value search must stop at. */
const OTHER_LABELS = new Set(['年度总体目标', '项目资金', '绩效指标', '预算执行情况', '联系电话', '填表人', '负责人'].map(plain));
const isLabel = (text: string) => LOOKUP.has(plain(text)) || OTHER_LABELS.has(plain(text));

interface Found {
  text: string;
  cell: string;
}

export interface FormRead {
  project: ProjectInput;
  /** The 项目名称 value cell (the project's cell); the title row. */
  title: number;
}

/** The texts of the form's labels: beside the label, or below it when two labels share a row (预期目标 | 实际完成情况). */
function readLabels(grid: Grid, from: number, to: number, skip: (row: number) => boolean): Partial<Record<LabelKey, Found>> {
  const found: Partial<Record<LabelKey, Found>> = {};
  for (let r = from; r < Math.min(to, grid.rowCount); r++) {
    if (skip(r)) continue;
    const width = Math.min(grid.width(r), FORM_WIDTH);
    const inRow: { key: LabelKey; col: number }[] = [];
    for (let c = 0; c < width; c++) {
      const text = grid.text(r, c);
      const key = LOOKUP.get(plain(text));
      if (key && !found[key]) inRow.push({ key, col: c });
      else if (!key) {
        // 主管部门：某某局 in one cell (a line under the title).
        const inline = /^([^:：]{2,12})[:：]\s*(\S.*)$/s.exec(text);
        const inlineKey = inline && LOOKUP.get(plain(inline[1]));
        if (inline && inlineKey && !found[inlineKey]) found[inlineKey] = { text: inline[2].trim(), cell: cellRef(grid.name, r, c) };
      }
    }
    const side = inRow.length > 1 && inRow.every((l) => ['purpose', 'outcome'].includes(l.key));
    for (const { key, col } of inRow) {
      if (side) {
        // Headers of a column: the text is in the rows below (the label may be merged down two rows).
        for (let below = r + 1; below <= r + 3 && below < grid.rowCount; below++) {
          const text = grid.shown(below, col);
          if (text === '') continue;
          if (!isLabel(text)) found[key] = { text, cell: cellRef(grid.name, below, col) };
          break;
        }
        continue;
      }
      const value = valueRight(grid, r, col, isLabel);
      if (value) found[key] = { text: value.text, cell: cellRef(grid.name, r, value.col) };
      else if (['conclusion', 'problems', 'improvements'].includes(key)) {
        const text = grid.shown(r + 1, col);
        if (text !== '' && !isLabel(text)) found[key] = { text, cell: cellRef(grid.name, r + 1, col) };
      }
    }
  }
  return found;
}

interface Figure {
  value: number;
  /** The total row's cell when the figure is read from it (a sum of the parts has none). */
  cell: string | null;
  formula: boolean;
  /** A sum of the parts: their cells (one column, consecutive rows), when a formula can sum them (numbers, blanks, dashes). */
  parts?: string;
}

/**
 * Each figure from the total row, or — when it is empty or 0 while the rows under it hold money (a common export
 * fault) — from their sum; either way `form-total-mismatch` when they disagree.
 */
function figures(grid: Grid, block: MoneyBlock, name: string, unit: Unit, lang: Lang, findings: Finding[]): Partial<Record<MoneyFigure, Figure>> {
  const out: Partial<Record<MoneyFigure, Figure>> = {};
  for (const figure of MONEY_FIGURES) {
    const col = block.columns.get(figure);
    if (col === undefined) continue;
    const given = block.total?.values[figure];
    const parts = block.parts.map((p) => p.values[figure]).filter((v): v is number => v !== undefined);
    const sum = parts.reduce((a, b) => a + b, 0);
    const totalRow = block.total?.row ?? block.parts[0]?.row ?? block.header + 1;
    const cell = cellRef(grid.name, totalRow, col);
    const value = grid.value(totalRow, col);
    const hasParts = parts.some((v) => v !== 0);
    const mismatch = (used: 'sum' | 'total') =>
      findings.push(
        makeFinding('form-total-mismatch', cell, lang, {
          name,
          column: grid.text(block.header, col),
          given: formatAmount(given ?? 0, 'trim'),
          sum: formatAmount(sum, 'trim'),
          unit,
          used,
        }),
      );
    if ((given === undefined || given === 0) && hasParts) {
      // No total row at all is no fault of the form: its rows are the figures.
      if (block.total) mismatch('sum');
      // The report's formulas sum the same cells (附表3's execution score): SUM ignores blanks and dashes.
      const first = block.parts[0].row;
      const lastPart = block.parts[block.parts.length - 1].row;
      const summable = block.parts.every((p) => {
        const v = grid.value(p.row, col);
        return v === null || typeof v === 'number' || (typeof v === 'string' && /^[\s\-—–－/]*$/.test(v));
      });
      out[figure] = { value: sum, cell: null, formula: false, ...(summable ? { parts: `${cellRef(grid.name, first, col)}:${columnLetters(col)}${lastPart + 1}` } : {}) };
    } else {
      // Half a cent or half a 万元's hundredth in the form's unit, plus float noise.
      if (hasParts && given !== undefined && Math.abs(given - sum) > 0.005 + 1e-9 * Math.abs(sum)) mismatch('total');
      out[figure] = { value: given ?? 0, cell: block.total ? cell : null, formula: typeof value === 'number' || value === null };
    }
  }
  return out;
}

/** A rate the form writes (执行率): 0.95 under a % format, 95%, or a bare 95. */
function readRate(grid: Grid, row: number, col: number): number | null {
  const value = grid.value(row, col);
  if (typeof value === 'number' && (grid.numberFormat(row, col) ?? '').includes('%')) return Math.abs(value) <= MAX_RATE ? value : null;
  return readTargetValue(value, false);
}

function numberAt(grid: Grid, row: number | undefined, col: number | undefined): number | null {
  if (row === undefined || col === undefined) return null;
  const read = readNumber(grid.value(row, col), false);
  return read?.ok ? read.value : null;
}

/**
 * Reads the form on this sheet (its title found by findFormTitle). 'not-a-form' when no 项目名称 is written beside
 * its label (a cover sheet naming the form, a table's 项目名称 header): the sheet is read as any other. Null when the
 * form has no money block: reported there, and no project.
 */
export function readForm(grid: Grid, title: { row: number; col: number }, lang: Lang, out: Finding[], maxAmountYuan = Infinity): FormRead | 'not-a-form' | null {
  // Kept aside until the sheet proves a form: a sheet that is not one is read as any other, and reports there.
  const findings: Finding[] = [];
  const read = readFormCells(grid, title, lang, findings, maxAmountYuan);
  if (read !== 'not-a-form') out.push(...findings);
  return read;
}

function readFormCells(grid: Grid, title: { row: number; col: number }, lang: Lang, findings: Finding[], maxAmountYuan: number): FormRead | 'not-a-form' | null {
  const end = Math.min(grid.rowCount, title.row + FORM_ROWS);
  let year: number | null = null;
  for (let r = title.row; r <= title.row + 2 && r < end && year === null; r++) {
    const width = Math.min(grid.width(r), FORM_WIDTH);
    for (let c = 0; c < width && year === null; c++) if (typeof grid.value(r, c) === 'string') year = yearInText(grid.text(r, c));
  }
  const block = readMoneyBlock(grid, title.row + 1, end, lang, findings);
  const header = findIndicatorHeader(grid, block ? block.header + 1 : title.row + 1, end);
  const table = header ? readIndicatorRows(grid, header, end, lang, findings) : null;
  const inBlock = (r: number) => (block !== null && r >= block.header && r <= block.header + 1 + block.parts.length) || (header !== null && r >= header.top && r < (table?.end ?? r));
  const labels = readLabels(grid, title.row + 1, end, inBlock);
  const nameFound = labels.name;
  // A header row (项目名称 | 年初预算数 | …) is a table, not a form's label and value.
  if (!nameFound || matchHeader(nameFound.text)) return 'not-a-form';
  const name = nameFound.text;
  if (!block) {
    findings.push(makeFinding('missing-column', nameFound.cell, lang, { column: inBoth((w) => w.forms.fundsColumn), words: '年初预算数、全年预算数、全年执行数' }));
    return null;
  }
  const unit: Unit = block.unit ?? '万元';
  if (!block.unit) {
    findings.push(
      makeFinding('defaults-used', cellRef(grid.name, block.header, block.firstCol), lang, {
        what: inBoth((w) => w.forms.unitAssumed(grid.name)),
      }),
    );
  }
  const divisor = wanDivisor(unit);
  const got = figures(grid, block, name, unit, lang, findings);
  // Beyond the amount limit (as a table's cell): reported at the total row, and no project made from it.
  const tooLarge = MONEY_FIGURES.filter((f) => got[f] && Math.abs(got[f]!.value / divisor) * 10000 > maxAmountYuan);
  for (const f of tooLarge) {
    const col = block.columns.get(f)!;
    findings.push(
      makeFinding('invalid-number', cellRef(grid.name, block.total?.row ?? block.header + 1, col), lang, {
        kind: 'too-large',
        column: grid.text(block.header, col),
        text: String(got[f]!.value),
        limit: amountLimitText(maxAmountYuan, unit, lang),
      }),
    );
  }
  if (tooLarge.length > 0) return null;
  const sources: AmountSources = {};
  const breakdownSources: AmountSources = {};
  const wan = (figure: MoneyFigure, field: 'initialBudget' | 'adjustedBudget' | 'actual'): number | null => {
    const f = got[figure];
    if (!f) return null;
    if (f.cell) sources[field] = { ref: f.cell, divisor, formula: f.formula };
    else if (f.parts) breakdownSources[field] = { ref: f.parts, divisor, formula: true };
    return f.value / divisor;
  };
  const initial = wan('initial', 'initialBudget');
  const adjustedRead = wan('adjusted', 'adjustedBudget');
  const adjusted = adjustedRead ?? initial ?? 0;
  const actual = wan('actual', 'actual') ?? 0;
  const totalRow = block.total?.row ?? block.parts[0]?.row ?? block.header + 1;
  const col = (key: 'points' | 'rate' | 'score' | 'reason') => block.columns.get(key);
  const rateCol = col('rate');
  const givenRate = rateCol === undefined ? null : readRate(grid, totalRow, rateCol);
  const scoreCol = col('score');
  const executionScore = numberAt(grid, totalRow, scoreCol);
  const indicators: IndicatorInput[] = table ? table.rows.map((r) => r.indicator) : [];
  const form: FormExtras = {
    executionPoints: numberAt(grid, totalRow, col('points')) ?? block.labelPoints,
    executionScore,
    executionScoreCell: scoreCol === undefined || executionScore === null ? null : cellRef(grid.name, totalRow, scoreCol),
    givenRate,
    givenRateCell: rateCol === undefined || givenRate === null ? null : cellRef(grid.name, totalRow, rateCol),
    totalPoints: table?.total?.points ?? null,
    totalScore: table?.total?.score ?? null,
    totalScoreCell: table?.total?.score === null || table?.total?.score === undefined ? null : table.total.scoreCell,
    department: labels.department?.text ?? null,
    departmentCell: labels.department?.cell ?? null,
    unit: labels.unit?.text ?? null,
    year,
    problems: written(labels.problems?.text ?? ''),
    improvements: written(labels.improvements?.text ?? ''),
    conclusion: written(labels.conclusion?.text ?? ''),
    ...(Object.keys(breakdownSources).length > 0 ? { breakdownSources } : {}),
  };
  const reasonCol = col('reason');
  const project: ProjectInput = {
    name,
    source: { kind: 'form', sheet: grid.name },
    indicators,
    form,
    sources,
    targetSource: null,
    cell: nameFound.cell,
    // No project table: the highlights of tables do not apply (the form's own comes with the plan).
    location: { sheet: grid.name, table: -1, row: totalRow, firstCol: block.firstCol, lastCol: block.lastCol },
    initialBudget: initial,
    adjustment: initial === null ? null : adjusted - initial,
    adjustedBudget: adjusted,
    // 上年结转资金 is a row inside 全年预算数: a form has no separate carry-over.
    carryover: 0,
    actual,
    target: null,
    // The form's own 执行率 is checked against the form's definition (form.givenRate), not as a table's rate.
    givenRate: null,
    givenRateCell: null,
    purpose: labels.purpose?.text ?? '',
    outcome: labels.outcome?.text ?? '',
    reason: reasonCol === undefined ? '' : grid.text(totalRow, reasonCol),
  };
  return { project, title: title.row };
}
