// WorkbookSnapshot → BudgetInput: every project table, the totals table and the information block,
// with every problem found reported at its cell (all of them, not just the first).
import { cellRef, columnLetters, quoteSheet } from '../address';
import { DEFAULT_CONFIG, type Config } from '../config';
import { AmountsSum, checkAmountSums } from '../evaluate';
import { amountLimitText, makeFinding, numberFinding } from '../findings';
import { inBoth } from '../wording';
import { HEADER_WORDS, readUnitLine, wanDivisor, type ColumnKey, type MoneyKey, type Unit } from '../headers';
import { amountAt, type AmountField, type Amounts, type AmountSources, type BudgetInput, type CategoryInput, type Finding, type Lang, type PendingProject, type ProjectInput, type ProjectTableLayout, type RowSources, type SourceCell, type WorkbookSnapshot } from '../model';
import { formatAmount, formatRate, MAX_RATE, readNumber } from '../numbers';
import { itemCursor, MONEY_COLUMNS, MONEY_INDEX, readBody, type ItemRow, type ItemRows, type TotalRow } from './body';
import { Grid } from './grid';
import { fillInfoFromForms, linkIndicators, readForms, withoutFormProjects } from './forms/collect';
import { detectHeader, type HeaderColumn, type TableHeader } from './header';
import { readInfo, readTargetValue } from './info';
import { isScoreSheet, pickScoreSheet, readScoreSheet } from './scoreSheet';

export interface ParseResult {
  input: BudgetInput;
  findings: Finding[];
}

const FIRST_HEADER_ROWS = 30;
const UNIT_LINE_ROWS = 5;

interface FoundTable {
  grid: Grid;
  header: TableHeader;
  items: ItemRows;
  totals: TotalRow[];
  end: number;
  /** Unit per money column, null where nothing says. */
  units: Partial<Record<MoneyKey, Unit | null>>;
  /** The unit line above the table (单位：元), which speaks for this table only. */
  unitLine: { row: number; col: number } | null;
}

const COLUMN_NAMES: Record<Lang, Record<ColumnKey, string>> = {
  zh: {
    name: '项目名称', initial: '年初预算数', adjustment: '预算调整数', adjusted: '调整后预算数', carryover: '上年结转',
    actual: '实际支出数', target: '执行率目标', rate: '执行率', purpose: '资金用途', outcome: '绩效目标完成情况',
    reason: '偏差原因', serial: '序号', category: '支出类别',
  },
  en: {
    name: 'Project name', initial: 'Initial budget', adjustment: 'Adjustment', adjusted: 'Adjusted budget', carryover: 'Carry-over',
    actual: 'Actual expenditure', target: 'Target', rate: 'Execution rate', purpose: 'Purpose', outcome: 'Outcome',
    reason: 'Reason', serial: 'No.', category: 'Category',
  },
};

/** A unit line (单位：元) in the few rows above a header, after any earlier table. */
function unitAbove(grid: Grid, header: TableHeader, after: number): { unit: Unit; row: number; col: number } | null {
  for (let r = header.top - 1; r >= Math.max(after, header.top - UNIT_LINE_ROWS); r--) {
    const width = Math.min(grid.width(r), header.lastCol + 10);
    for (let c = 0; c < width; c++) {
      const unit = readUnitLine(grid.text(r, c));
      if (unit) return { unit, row: r, col: c };
    }
  }
  return null;
}

function findTables(grid: Grid, lang: Lang, findings: Finding[], tolerance: number): FoundTable[] {
  const tables: FoundTable[] = [];
  let lastEnd = 0;
  let row = 0;
  let pending: TableHeader | null = null;
  while (row < grid.rowCount) {
    const header = pending ?? (row < FIRST_HEADER_ROWS || row < lastEnd + FIRST_HEADER_ROWS ? detectHeader(grid, row) : null);
    pending = null;
    if (!header) {
      if (row >= FIRST_HEADER_ROWS && row >= lastEnd + FIRST_HEADER_ROWS) break;
      row++;
      continue;
    }
    const body = readBody(grid, header, header.kind === 'project' ? 'name' : 'category', lang, findings, tolerance);
    const above = unitAbove(grid, header, lastEnd);
    const units: Partial<Record<MoneyKey, Unit | null>> = {};
    for (const key of MONEY_COLUMNS) {
      const column = header.columns.get(key);
      if (column) units[key] = column.unit ?? above?.unit ?? null;
    }
    const unitLine = above && { row: above.row, col: above.col };
    tables.push({ grid, header, items: body.items, totals: body.totals, end: body.end, units, unitLine });
    lastEnd = body.end;
    row = body.end;
    pending = body.nextHeader;
  }
  return tables;
}

function missingColumns(table: FoundTable, lang: Lang, findings: Finding[]): boolean {
  const { columns } = table.header;
  const missing: ColumnKey[] = [];
  if (!columns.has('actual')) missing.push('actual');
  if (!columns.has('initial') && !columns.has('adjusted')) missing.push('adjusted');
  if (table.header.kind === 'project' && !columns.has('name')) missing.push('name');
  for (const key of missing) {
    const words = key === 'adjusted' ? [...HEADER_WORDS.initial, ...HEADER_WORDS.adjusted] : HEADER_WORDS[key];
    findings.push(
      makeFinding('missing-column', cellRef(table.grid.name, table.header.top, table.header.firstCol), lang, {
        column: inBoth((_, l) => (key === 'adjusted' ? `${COLUMN_NAMES[l].initial} / ${COLUMN_NAMES[l].adjusted}` : COLUMN_NAMES[l][key])),
        words: inBoth((w) => words.join(w.listSeparator)),
      }),
    );
  }
  return missing.length === 0;
}

/** A money column of a table, worked out once per table (not per row): its field, divisor and cells' references. */
interface MoneyColumn {
  key: MoneyKey;
  /** Its place in an ItemRow's money (MONEY_INDEX). */
  index: number;
  field: AmountField;
  col: number;
  header: string;
  divisor: number;
  /** `项目支出!C`: a cell's reference is this and its row number, as cellRef writes it. */
  refStart: string;
}

/** A table's money, worked out once per table: what each row's figures are made with. */
interface TableMoney {
  /** The table's money columns in MONEY_COLUMNS order, those it has. */
  columns: MoneyColumn[];
  /** Per MONEY_COLUMNS index: whether the table has the column, and what its amounts are divided by to give 万元. */
  has: boolean[];
  divisors: number[];
  /** The config's tolerance (0.01) in 万元 for the adjusted-mismatch check, before the float slack. */
  adjustedTolerance: number;
  /** The table's rows' RowSources, one per set of fields read and of those a formula can use (rowSources). */
  rowSources: Map<number, RowSources>;
}

const [INITIAL, ADJUSTMENT, ADJUSTED, CARRYOVER, ACTUAL] = [0, 1, 2, 3, 4];

function tableMoney(table: FoundTable, divisor: (key: MoneyKey) => number, tolerance: number): TableMoney {
  const sheet = quoteSheet(table.grid.name);
  const columns = MONEY_COLUMNS.flatMap((key) => {
    const column = table.header.columns.get(key);
    return column
      ? [{ key, index: MONEY_INDEX[key], field: FIELD_OF[key], col: column.col, header: column.header, divisor: divisor(key), refStart: `${sheet}!${columnLetters(column.col)}` }]
      : [];
  });
  return {
    columns,
    has: MONEY_COLUMNS.map((key) => table.header.columns.has(key)),
    divisors: MONEY_COLUMNS.map(divisor),
    adjustedTolerance: tolerance / Math.max(divisor('initial'), divisor('adjustment'), divisor('adjusted')),
    rowSources: new Map(),
  };
}

/**
 * Initial, adjustment and adjusted budget in 万元, derived as the contract says, written into `out` (no object per
 * row); reports a mismatch.
 */
function budgets(table: FoundTable, m: TableMoney, item: ItemRow, lang: Lang, findings: Finding[], out: Amounts): void {
  const { has, divisors } = m;
  const money = item.money;
  if (has[INITIAL] && has[ADJUSTED]) {
    const initial = inWan(money, divisors, INITIAL);
    const adjusted = inWan(money, divisors, ADJUSTED);
    out.initialBudget = initial;
    out.adjustedBudget = adjusted;
    if (!has[ADJUSTMENT]) {
      out.adjustment = adjusted - initial;
      return;
    }
    const adjustment = inWan(money, divisors, ADJUSTMENT);
    // The config's tolerance (0.01) in the table's unit, plus float noise only (a relative 1e-9 would let whole cents through on large budgets).
    const slack = m.adjustedTolerance + 1e-12 * Math.abs(adjusted);
    if (Math.abs(initial + adjustment - adjusted) > slack) {
      const column = table.header.columns.get('adjusted');
      findings.push(
        makeFinding('adjusted-mismatch', cellRef(table.grid.name, item.row, column?.col ?? item.labelCol), lang, {
          name: item.label,
          initial: formatAmount(initial, 'trim'),
          adjustment: formatAmount(adjustment, 'trim'),
          adjusted: formatAmount(adjusted, 'trim'),
          unit: inBoth((w) => w.tenThousandYuan),
        }),
      );
      out.adjustment = adjusted - initial;
      return;
    }
    // They agree: keep the clerk's adjustment (-11800 元 is -1.18 万元; 16.82 - 18 is -1.1799999999999997).
    out.adjustment = adjustment;
    return;
  }
  if (has[INITIAL]) {
    const initial = inWan(money, divisors, INITIAL);
    const adjustment = has[ADJUSTMENT] ? inWan(money, divisors, ADJUSTMENT) : 0;
    out.initialBudget = initial;
    out.adjustment = adjustment;
    out.adjustedBudget = initial + adjustment;
    return;
  }
  const adjusted = inWan(money, divisors, ADJUSTED);
  out.adjustedBudget = adjusted;
  if (has[ADJUSTMENT]) {
    const adjustment = inWan(money, divisors, ADJUSTMENT);
    out.initialBudget = adjusted - adjustment;
    out.adjustment = adjustment;
    return;
  }
  out.initialBudget = null;
  out.adjustment = null;
}

/** One amount of a row in 万元; a column the table lacks counts 0 (an unreadable row never gets this far). */
function inWan(money: readonly number[], divisors: readonly number[], index: number): number {
  const value = money[index];
  return (value === value ? value : 0) / divisors[index];
}

/** A row's five amounts in 万元 into `out`: the budgets as derived, carry-over and actual as read (0 without a column). */
function rowAmounts(table: FoundTable, m: TableMoney, item: ItemRow, lang: Lang, findings: Finding[], out: Amounts): void {
  budgets(table, m, item, lang, findings, out);
  out.carryover = inWan(item.money, m.divisors, CARRYOVER);
  out.actual = inWan(item.money, m.divisors, ACTUAL);
}

const FIELD_OF: Record<MoneyKey, AmountField> = {
  initial: 'initialBudget',
  adjustment: 'adjustment',
  adjusted: 'adjustedBudget',
  carryover: 'carryover',
  actual: 'actual',
};

/**
 * Where each figure of a row was read. A figure counts as read from its cell when it equals that cell's value in
 * 万元 exactly; a derived one (调整后 = 年初 + 调整, or an adjustment recomputed after a mismatch) has no source.
 * `rowNumber` is the row's number as Excel shows it (its references end with it).
 */
function amountSources(grid: Grid, columns: readonly MoneyColumn[], item: ItemRow, amounts: Amounts, rowNumber: string): AmountSources {
  const sources: AmountSources = {};
  for (let i = 0; i < columns.length; i++) {
    const column = columns[i];
    const raw = item.money[column.index];
    // Not that cell's value in 万元 (derived, or unread): no source.
    if (raw !== raw || amountAt(amounts, column.index) !== raw / column.divisor) continue;
    const value = grid.value(item.row, column.col);
    const source: SourceCell = { ref: column.refStart + rowNumber, divisor: column.divisor, formula: typeof value === 'number' || value === null || value === '' };
    // A named store per field: one store with a computed key sees five shapes and was the slowest line of the parse.
    switch (column.field) {
      case 'initialBudget':
        sources.initialBudget = source;
        break;
      case 'adjustment':
        sources.adjustment = source;
        break;
      case 'adjustedBudget':
        sources.adjustedBudget = source;
        break;
      case 'carryover':
        sources.carryover = source;
        break;
      case 'actual':
        sources.actual = source;
        break;
    }
  }
  return sources;
}

/**
 * amountSources for a project row, kept as its table's RowSources: which fields the row read from its cells, and
 * which of those a formula can use, pick one shared object (a table's rows mostly share one).
 */
function rowSources(grid: Grid, m: TableMoney, item: ItemRow, amounts: Amounts): RowSources {
  const { columns } = m;
  let key = 0;
  for (let i = 0; i < columns.length; i++) {
    const column = columns[i];
    const raw = item.money[column.index];
    if (raw !== raw || amountAt(amounts, column.index) !== raw / column.divisor) continue;
    const value = grid.value(item.row, column.col);
    // Two bits a column: read from its cell, and a number a formula can use.
    key |= (typeof value === 'number' || value === null || value === '' ? 3 : 1) << (2 * i);
  }
  let shared = m.rowSources.get(key);
  if (shared === undefined) {
    const row: RowSources['row'] = {};
    for (let i = 0; i < columns.length; i++) {
      const bits = (key >> (2 * i)) & 3;
      if (bits !== 0) row[columns[i].field] = { column: columns[i].refStart, divisor: columns[i].divisor, formula: bits === 3 };
    }
    shared = { row };
    m.rowSources.set(key, shared);
  }
  return shared;
}

/** A target or rate beyond MAX_RATE: its percent would not be a number a report can show. */
function rateTooLarge(cell: string, column: string, raw: unknown, lang: Lang): Finding {
  return makeFinding('invalid-number', cell, lang, { kind: 'too-large', column, text: String(raw), limit: formatRate(MAX_RATE, 'trim').replace(/\B(?=(\d{3})+(?!\d))/g, ',') });
}

/**
 * Every amount within the limit, in its table's unit (1e15 元 is 1e11 万元): a cell beyond it is reported there and
 * its row left out, like an unreadable cell, so no sum, rate or score is made from it.
 */
function checkAmountLimits(table: FoundTable, columns: readonly MoneyColumn[], maxAmountYuan: number, lang: Lang, findings: Finding[]): void {
  const tooLarge = (column: MoneyColumn, row: number, raw: number): Finding => {
    const unit = column.divisor === 1 ? '万元' : '元';
    return makeFinding('invalid-number', column.refStart + (row + 1), lang, {
      kind: 'too-large',
      column: column.header,
      text: String(raw),
      limit: inBoth((_, l) => amountLimitText(maxAmountYuan, unit, l)),
    });
  };
  const beyond = (column: MoneyColumn, raw: number) => raw === raw && Math.abs(raw / column.divisor) * 10000 > maxAmountYuan;
  // Items, then totals.
  const { items } = table;
  for (let i = 0; i < items.length; i++) {
    for (const column of columns) {
      const raw = items.money[i * 5 + column.index];
      if (!beyond(column, raw)) continue;
      findings.push(tooLarge(column, items.rows[i], raw));
      items.drop(i, column.index);
    }
  }
  for (const total of table.totals) {
    for (const column of columns) {
      const raw = total.money[column.index];
      if (!beyond(column, raw)) continue;
      findings.push(tooLarge(column, total.row, raw));
      total.money[column.index] = NaN;
      total.unreadable = true;
    }
  }
}

function cellText(grid: Grid, row: number, col: number | undefined): string {
  return col === undefined ? '' : grid.text(row, col);
}

/**
 * A project table's rows made into projects, one call per row. A function of its own: it is optimised once and
 * stays so, where the same lines inside parseWorkbook's loop ran unoptimised again after each call that threw
 * parseWorkbook's optimised code away.
 */
class ProjectRowReader {
  private readonly grid: Grid;
  private readonly sheetRef: string;
  private readonly targetColumn: HeaderColumn | undefined;
  private readonly rateColumn: HeaderColumn | undefined;
  private readonly purposeCol: number | undefined;
  private readonly outcomeCol: number | undefined;
  private readonly reasonCol: number | undefined;
  private readonly firstCol: number;
  private readonly lastCol: number;
  /** References are a column's start and the row's number, as cellRef writes them: the starts made once per table. */
  private readonly rateRefStart: string;
  private labelCol = -1;
  private labelRefStart = '';
  /** The row's amounts, read into one object for the table (the project gets them field by field). */
  private readonly amounts: Amounts = { initialBudget: null, adjustment: null, adjustedBudget: 0, carryover: 0, actual: 0 };

  constructor(
    private readonly table: FoundTable,
    private readonly money: TableMoney,
    private readonly tableIndex: number,
    private readonly lang: Lang,
    private readonly findings: Finding[],
  ) {
    const { grid, header } = table;
    this.grid = grid;
    this.sheetRef = `${quoteSheet(grid.name)}!`;
    this.targetColumn = header.columns.get('target');
    this.rateColumn = header.columns.get('rate');
    this.purposeCol = header.columns.get('purpose')?.col;
    this.outcomeCol = header.columns.get('outcome')?.col;
    this.reasonCol = header.columns.get('reason')?.col;
    this.firstCol = header.firstCol;
    this.lastCol = header.lastCol;
    this.rateRefStart = this.rateColumn ? this.sheetRef + columnLetters(this.rateColumn.col) : '';
  }

  /** The row's project, or null for a row that is none (unnamed, or unreadable: reported at its cell). */
  read(item: ItemRow): ProjectInput | null {
    const amounts = this.amounts;
    if (item.label === '') {
      const hasMoney = item.money.some((value) => value === value && value !== 0); // only for an unnamed row
      if (hasMoney || item.unreadable) this.findings.push(makeFinding('unnamed-row', cellRef(this.grid.name, item.row, item.labelCol), this.lang));
      return null;
    }
    let target: number | null = null;
    let targetSource: SourceCell | null = null;
    if (this.targetColumn) {
      const raw = this.grid.value(item.row, this.targetColumn.col);
      const read = readNumber(raw, false);
      if (read && !read.ok) {
        this.findings.push(numberFinding(read, cellRef(this.grid.name, item.row, this.targetColumn.col), this.lang, this.targetColumn.header));
      } else if (read) {
        target = readTargetValue(raw, this.targetColumn.percent);
        if (target === null && read.ok) {
          this.findings.push(rateTooLarge(cellRef(this.grid.name, item.row, this.targetColumn.col), this.targetColumn.header, raw, this.lang));
        } else if (target !== null) {
          // readTargetValue's rule: a percent header, a `%`, or a bare number above 1 is in percent.
          const divisor = read.ok && (read.percent || this.targetColumn.percent || read.value > 1) ? 100 : 1;
          targetSource = { ref: cellRef(this.grid.name, item.row, this.targetColumn.col), divisor, formula: typeof raw === 'number' };
        }
      }
    }
    let givenRate: number | null = null;
    if (this.rateColumn) {
      const value = this.grid.value(item.row, this.rateColumn.col);
      // A finite number reads as itself (readNumber's answer, without an object per row).
      const read = typeof value === 'number' && Number.isFinite(value) ? null : readNumber(value, false);
      const rate =
        typeof value === 'number' && Number.isFinite(value)
          ? this.rateColumn.percent
            ? value / 100
            : value
          : read?.ok
            ? read.percent || this.rateColumn.percent
              ? read.value / 100
              : read.value
            : null;
      if (rate !== null && Math.abs(rate) > MAX_RATE) this.findings.push(rateTooLarge(cellRef(this.grid.name, item.row, this.rateColumn.col), this.rateColumn.header, this.grid.value(item.row, this.rateColumn.col), this.lang));
      else if (rate !== null) givenRate = rate;
      // Text in the rate column is the clerk's note and is not checked; a stored non-number is a damaged cell.
      else if (read && !read.ok && read.reason === 'invalid') this.findings.push(numberFinding(read, cellRef(this.grid.name, item.row, this.rateColumn.col), this.lang, this.rateColumn.header));
    }
    if (item.unreadable) return null; // reported at its cell; the rest of the row cannot be trusted
    rowAmounts(this.table, this.money, item, this.lang, this.findings, amounts);
    const rowNumber = String(item.row + 1);
    if (item.labelCol !== this.labelCol) {
      this.labelCol = item.labelCol;
      this.labelRefStart = this.sheetRef + columnLetters(item.labelCol);
    }
    const project: PendingProject = {
      name: item.label,
      sources: rowSources(this.grid, this.money, item, amounts),
      targetSource,
      cell: this.labelRefStart + rowNumber,
      location: { sheet: this.grid.name, table: this.tableIndex, row: item.row, firstCol: this.firstCol, lastCol: this.lastCol },
      initialBudget: amounts.initialBudget,
      adjustment: amounts.adjustment,
      adjustedBudget: amounts.adjustedBudget,
      carryover: amounts.carryover,
      actual: amounts.actual,
      target,
      givenRate,
      givenRateCell: this.rateColumn && givenRate !== null ? this.rateRefStart + rowNumber : null,
      purpose: cellText(this.grid, item.row, this.purposeCol),
      outcome: cellText(this.grid, item.row, this.outcomeCol),
      reason: cellText(this.grid, item.row, this.reasonCol),
      // Set by collect.ts for a row a 绩效指标 sheet names; here so that every row has one shape.
      indicators: undefined,
      // Evaluate's fields, unset (PendingProject).
      adjustmentRate: undefined,
      executionRate: undefined,
      denominator: undefined,
      effectiveTarget: undefined,
      underTarget: undefined,
      needsReason: undefined,
      selfScore: undefined,
    };
    return project;
  }
}

export function parseWorkbook(snapshot: WorkbookSnapshot, lang: Lang, config: Config = DEFAULT_CONFIG): ParseResult {
  const findings: Finding[] = [];
  const toolSheets = new Set(snapshot.toolSheets);
  const ownSheets = snapshot.sheets.filter((s) => !toolSheets.has(s.name));
  // The 评分设置 sheet is read on its own: its rows are neither a table of figures nor the information block.
  // With several (评分设置 and Excel's copy 评分设置 (2)), one is read and none is scanned for tables.
  const scoreSheet = pickScoreSheet(ownSheets, lang, findings);
  const scoreProfile = scoreSheet ? readScoreSheet(new Grid(scoreSheet), lang, findings, config.scoring) : null;
  const allGrids = ownSheets.filter((s) => !isScoreSheet(s.name)).map((s) => new Grid(s));
  // Forms (项目支出绩效自评表) and 绩效指标 sheets are read on their own, and neither scanned for tables nor for the
  // information block (a form's 项目名称 is no table header, its 年度 no department year).
  const forms = readForms(allGrids, lang, findings, config.limits.maxAmountYuan);
  const grids = allGrids.filter((grid) => !forms.sheets.has(grid.name));
  const tables = grids.flatMap((grid) => findTables(grid, lang, findings, config.tolerances.tableSum));

  const regions = tables.map((t) => ({ sheet: t.grid.name, top: t.header.top, bottom: t.end - 1, left: t.header.firstCol, right: t.header.lastCol }));
  // A table's unit line (金额单位：元 above the totals table) is not the information block: it must not set the
  // unit of the other tables.
  const unitLines = tables.flatMap((t) => (t.unitLine ? [{ sheet: t.grid.name, ...t.unitLine }] : []));
  // Asked for the free cells of every sheet: loops, not a closure per call; a table's row is skipped in one step.
  const occupied = (sheet: string, row: number, col: number): number => {
    for (const r of regions) if (r.sheet === sheet && row >= r.top && row <= r.bottom && col >= r.left && col <= r.right) return r.right;
    for (const u of unitLines) if (u.sheet === sheet && u.row === row && u.col === col) return col;
    return -1;
  };
  const { info, unit: infoUnit, badThresholds, outOfRange } = readInfo(grids, occupied);
  for (const bad of badThresholds) {
    findings.push(bad.read.ok ? rateTooLarge(bad.cell, bad.label, bad.read.value, lang) : numberFinding(bad.read, bad.cell, lang, bad.label));
  }
  for (const p of outOfRange) findings.push(makeFinding('threshold-out-of-range', p.path, lang, { column: p.label, text: p.text, expected: inBoth((_, l) => p.expected[l]) }));

  const unitAssumed: string[] = [];
  const divisorFor = (table: FoundTable) => {
    const divisors = Object.fromEntries(MONEY_COLUMNS.map((key) => [key, wanDivisor(table.units[key] ?? infoUnit ?? '万元')])) as Record<MoneyKey, number>;
    return (key: MoneyKey) => divisors[key];
  };
  // Each table's money columns, once.
  const moneyOf = new Map(tables.map((table) => [table, tableMoney(table, divisorFor(table), config.tolerances.tableSum)]));
  for (const table of tables) {
    checkAmountLimits(table, moneyOf.get(table)!.columns, config.limits.maxAmountYuan, lang, findings);
    const noUnit = MONEY_COLUMNS.some((key) => table.header.columns.has(key) && !table.units[key]);
    if (noUnit && !infoUnit) unitAssumed.push(cellRef(table.grid.name, table.header.top, table.header.firstCol));
  }

  const projectTables = tables.filter((t) => t.header.kind === 'project');
  const totalsTables = tables.filter((t) => t.header.kind === 'totals');
  if (projectTables.length === 0 && forms.projects.length === 0) findings.push(makeFinding('no-project-table', null, lang));

  const projects: ProjectInput[] = [];
  const layouts: ProjectTableLayout[] = [];
  // The table rows' sum and whether they are of one table, made as they are (for checkAmountSums below).
  const rowsSum = new AmountsSum();
  let firstTable = -1;
  let oneTable = true;
  for (const table of projectTables) {
    if (!missingColumns(table, lang, findings)) continue;
    const { grid, header } = table;
    const divisor = divisorFor(table);
    const money = moneyOf.get(table)!;
    const col = (key: ColumnKey) => header.columns.get(key)?.col;
    layouts.push({
      sheet: grid.name,
      headerTop: header.top,
      headerBottom: header.bottom,
      firstCol: header.firstCol,
      lastCol: header.lastCol,
      columns: Object.fromEntries(
        (['initial', 'adjustment', 'adjusted', 'carryover', 'actual', 'target'] as const).flatMap((k) => (col(k) === undefined ? [] : [[k, col(k)]])),
      ),
      wanDivisor: Object.fromEntries(MONEY_COLUMNS.flatMap((k) => (header.columns.has(k) ? [[k, divisor(k)]] : []))),
      targetIsPercent: header.columns.get('target')?.percent ?? false,
    });
    const tableIndex = layouts.length - 1;
    const reader = new ProjectRowReader(table, money, tableIndex, lang, findings);
    const item = itemCursor();
    for (let i = 0; i < table.items.length; i++) {
      table.items.read(i, item);
      const project = reader.read(item);
      if (project === null) continue;
      projects.push(project);
      rowsSum.add(project);
      if (projects.length === 1) firstTable = tableIndex;
      else if (tableIndex !== firstTable) oneTable = false;
    }
  }

  const toCategory = (table: FoundTable, item: ItemRow): CategoryInput => {
    const money = moneyOf.get(table)!;
    const amounts: Amounts = { initialBudget: null, adjustment: null, adjustedBudget: 0, carryover: 0, actual: 0 };
    rowAmounts(table, money, item, lang, findings, amounts);
    return { name: item.label, cell: cellRef(table.grid.name, item.row, item.labelCol), ...amounts, sources: amountSources(table.grid, money.columns, item, amounts, String(item.row + 1)) };
  };
  const categories: CategoryInput[] = [];
  let categoryTotal: CategoryInput | null = null;
  const totalsTable = totalsTables.find((t) => missingColumns(t, lang, findings));
  if (totalsTable) {
    for (let i = 0; i < totalsTable.items.length; i++) {
      const item = totalsTable.items.read(i, itemCursor()); // a cursor each: few rows
      if (item.label !== '' && !item.unreadable) categories.push(toCategory(totalsTable, item));
    }
    const grand = totalsTable.totals.filter((t) => !t.unreadable).at(-1);
    if (grand) categoryTotal = toCategory(totalsTable, grand);
  }

  if (unitAssumed.length > 0) {
    findings.push(
      makeFinding('defaults-used', unitAssumed[0], lang, {
        what: inBoth((w) => w.unitAssumed(unitAssumed)),
      }),
    );
  }

  const allProjects = [...withoutFormProjects(projects, forms.projects, lang, findings), ...forms.projects];
  linkIndicators(allProjects, forms.indicatorSheets, lang, findings);
  fillInfoFromForms(info, forms.projects, lang, findings);

  const input: BudgetInput = { info, projects: allProjects, categories, categoryTotal, projectTables: layouts, ...(scoreProfile ? { scoreProfile } : {}) };
  // Without forms the projects are the table rows, in the order summed above.
  checkAmountSums(input, config.limits.maxAmountYuan, lang, findings, forms.projects.length === 0 ? { sum: rowsSum.amounts(), oneTable } : undefined);
  return { input, findings };
}
