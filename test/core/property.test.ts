import fc from 'fast-check';
import { parseRange, splitReference } from '../../src/core/address';
import { evaluate } from '../../src/core/evaluate';
import { HEADER_WORDS, type ColumnKey } from '../../src/core/headers';
import type { Basis, CellValue, Finding, Lang, NumberStyle, WorkbookSnapshot } from '../../src/core/model';
import { parseWorkbook } from '../../src/core/parse/parseWorkbook';
import { runPipeline } from '../../src/core/pipeline';
import { err, only, options, sheet, workbook, type Row } from './snapshot';

const RUNS = { numRuns: Number(process.env.PROPERTY_RUNS ?? 300) };

// ── Header words as clerks vary them ────────────────────────────────────────────────────────────────────

const fullWidth = (text: string) => text.replace(/[\x21-\x7e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));

/** A header cell for a concept: any accepted word, spaced, full-width, in any case, maybe with a unit. */
const headerCell = (key: ColumnKey, unit: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  fc
    .tuple(fc.constantFrom(...HEADER_WORDS[key]), fc.constantFrom('plain', 'spaced', 'full', 'upper', 'padded'), unit)
    .map(([word, style, suffix]) => {
      const styled =
        style === 'spaced' ? [...word].join(' ') : style === 'full' ? fullWidth(word) : style === 'upper' ? word.toUpperCase() : style === 'padded' ? ` ${word}\u3000` : word;
      return styled + suffix;
    });

const moneyUnit = fc.constantFrom('', '', '（万元）', '(元)', '(yuan)', '（元）');

// ── Never throws, whatever is in the cells ──────────────────────────────────────────────────────────────

const anyCell: fc.Arbitrary<CellValue> = fc.oneof(
  { arbitrary: fc.constant(null), weight: 4 },
  { arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }), weight: 3 }, // a gateway never hands over NaN or ±Infinity
  { arbitrary: fc.integer({ min: -1e9, max: 1e9 }), weight: 3 },
  { arbitrary: fc.constantFrom(1e300, -1e300, Number.MAX_VALUE, 1e21, -0, 0.949950, 0.3), weight: 1 },
  {
    arbitrary: fc.constantFrom(
      '', ' ', '-', '—', '1,234.56', '(1,234.00)', '１２３．４５', '95%', '９５％', 'abc', '约100', '合计', '小计', '合\u3000计', 'Total', '其中：人员经费',
      '制表人：张三', '注：', '说明：', '单位：元', '金额单位：万元', '单位：某某局', '项目名称', '实际支出数', '2021年度', '#', '执行率目标',
    ),
    weight: 3,
  },
  { arbitrary: fc.string({ maxLength: 12 }), weight: 2 },
  { arbitrary: fc.boolean(), weight: 1 },
  { arbitrary: fc.date({ noInvalidDate: true }), weight: 1 },
  { arbitrary: fc.constantFrom('#DIV/0!', '#REF!', '#N/A', '#VALUE!').map(err), weight: 1 },
);

const KEYS: ColumnKey[] = ['serial', 'name', 'initial', 'adjustment', 'adjusted', 'carryover', 'actual', 'target', 'rate', 'purpose', 'outcome', 'reason', 'category'];

/** Mostly the columns a project table needs plus some others, sometimes any columns at all; in any order. */
const randomKeys: fc.Arbitrary<ColumnKey[]> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .tuple(
        fc.constantFrom<ColumnKey[]>(['initial'], ['adjusted'], ['initial', 'adjusted'], ['initial', 'adjustment'], ['initial', 'adjustment', 'adjusted']),
        fc.subarray<ColumnKey>(['serial', 'carryover', 'target', 'rate', 'purpose', 'outcome', 'reason']),
      )
      .chain(([budget, extra]) => {
        const keys: ColumnKey[] = ['name', 'actual', ...budget, ...extra];
        return fc.shuffledSubarray(keys, { minLength: keys.length });
      }),
  },
  { weight: 1, arbitrary: fc.uniqueArray(fc.constantFrom(...KEYS), { minLength: 1, maxLength: 9 }) },
);

/** A header row of those columns, each word varied. */
const randomHeader: fc.Arbitrary<CellValue[]> = randomKeys.chain((keys) =>
  fc.tuple(...keys.map((k) => headerCell(k, ['target', 'rate'].includes(k) ? fc.constantFrom('', '(%)', '（%）') : moneyUnit))),
);

/** Body cells: mostly plain amounts and names, and anything else now and then. */
const bodyCell: fc.Arbitrary<CellValue> = fc.oneof(
  { arbitrary: anyCell, weight: 2 },
  { arbitrary: fc.integer({ min: 0, max: 1e7 }).map((n) => n / 100), weight: 4 },
  { arbitrary: fc.constantFrom('甲项目', '乙项目', 'Project X', '丙项目'), weight: 2 },
);

const randomSheet = fc
  .record({
    name: fc.constantFrom('项目支出', '部门支出', 'My sheet', "O'Brien", 'Sheet1', 'R1C1'),
    above: fc.array(fc.array(anyCell, { maxLength: 6 }), { maxLength: 4 }),
    headers: fc.array(randomHeader, { minLength: 1, maxLength: 3 }),
    bodies: fc.array(fc.array(fc.array(bodyCell, { maxLength: 10 }), { maxLength: 12 }), { minLength: 3, maxLength: 3 }),
    shift: fc.integer({ min: 0, max: 22 }),
    merges: fc.array(fc.record({ top: fc.nat(20), left: fc.nat(10), height: fc.nat(3), width: fc.nat(4) }), { maxLength: 4 }),
  })
  .map(({ name, above, headers, bodies, shift, merges }) => {
    const pad = (row: CellValue[]): CellValue[] => [...Array.from({ length: shift % 4 === 0 ? shift : 0 }, () => null), ...row];
    const rows: Row[] = above.map(pad);
    headers.forEach((header, i) => rows.push(pad(header), ...bodies[i].map(pad)));
    return sheet(
      name,
      rows,
      merges.map((m) => ({ top: m.top, left: m.left, bottom: m.top + m.height, right: m.left + m.width })),
    );
  });

const randomWorkbook: fc.Arbitrary<WorkbookSnapshot> = fc
  .tuple(fc.array(randomSheet, { minLength: 1, maxLength: 3 }), fc.boolean(), fc.boolean())
  .map(([sheets, markTool, unkept]) => {
    const unique = sheets.map((s, i) => ({ ...s, name: i === 0 ? s.name : `${s.name}${i}` }));
    return workbook(unique, {
      toolSheets: markTool && unique.length > 1 ? [unique[unique.length - 1].name] : [],
      unkeptContent: unkept ? [{ what: '图表', where: unique[0].name }] : [],
    });
  });

const REFERENCE = /^(?:'(?:[^']|'')+'|[^'!\s]+)![A-Z]{1,3}[1-9]\d*$/;

/** Words a message shows when a computation or a parameter went missing, unless a cell holds them. (Not even
 * Infinity: amounts are bounded by the configuration's maxAmountYuan, so no sum reaches it.) */
function suspectWords(snapshot: WorkbookSnapshot): RegExp {
  const texts = snapshot.sheets.flatMap((s) => s.values.flat()).filter((v): v is string => typeof v === 'string');
  const words = ['undefined', 'NaN', 'Infinity', '[object'].filter((w) => !texts.some((t) => t.includes(w)));
  return words.length === 0 ? /^\b$/ : new RegExp(words.map((w) => w.replace(/[[\]]/g, '\\$&')).join('|'));
}

function expectWellFormed(findings: readonly Finding[], suspect: RegExp): void {
  for (const f of findings) {
    expect(['error', 'warning', 'info']).toContain(f.severity);
    expect(f.message.trim()).not.toBe('');
    expect(f.message).not.toMatch(suspect);
    if (f.cell !== null) expect(f.cell).toMatch(REFERENCE);
  }
}

/** A copy of the workbook with the cells that errors point at emptied. */
function blankErrorCells(snapshot: WorkbookSnapshot, findings: readonly Finding[]): WorkbookSnapshot {
  const sheets = snapshot.sheets.map((s) => ({ ...s, values: s.values.map((row) => [...row]) }));
  for (const f of findings) {
    if (f.severity !== 'error' || f.cell === null || f.code === 'missing-column') continue;
    const ref = splitReference(f.cell);
    const at = ref && parseRange(ref.address);
    const target = ref && sheets.find((s) => s.name === ref.sheet);
    if (!at || !target) throw new Error(`unreadable cell ${f.cell}`);
    target.values[at.top][at.left] = null;
  }
  return { ...snapshot, sheets };
}

describe('random workbooks', () => {
  it('never make parseWorkbook or runPipeline throw, and every finding is well formed', () => {
    fc.assert(
      fc.property(
        randomWorkbook,
        fc.constantFrom<Lang>('zh', 'en'),
        fc.constantFrom<Basis>('adjusted', 'initial', 'adjusted-plus-carryover'),
        fc.constantFrom<NumberStyle>('trim', 'fixed'),
        fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
        (snapshot, lang, basis, style, target) => {
          const parsed = parseWorkbook(snapshot, lang);
          const suspect = suspectWords(snapshot);
          expectWellFormed(parsed.findings, suspect);
          for (const p of parsed.input.projects) {
            expect(p.name).not.toBe('');
            expect(snapshot.toolSheets).not.toContain(p.location.sheet);
          }
          const result = runPipeline(snapshot, options({ lang, basis, style, target }));
          expectWellFormed(result.findings, suspect);
          if (!result.ok) expect(result.findings.some((f) => f.severity === 'error')).toBe(true);
          // evaluate alone, even on input with errors, does not throw either
          evaluate(parsed.input, options({ lang, basis, style }), parsed.findings);
          // With the cells in error blanked, most workbooks go all the way through compose.
          const cleaned = blankErrorCells(snapshot, result.findings);
          const again = runPipeline(cleaned, options({ lang, basis, style, target }));
          expectWellFormed(again.findings, suspect);
        },
      ),
      RUNS,
    );
  });
});

// ── Tables with valid numbers ───────────────────────────────────────────────────────────────────────────

interface Layout {
  serial: boolean;
  budget: 'initial' | 'adjusted' | 'both' | 'initial+adjustment' | 'all';
  carryover: boolean;
  unit: '元' | '万元';
  unitWhere: 'header' | 'line';
}

/** A project in cents (in the table's unit): initial ≥ 0, adjustment ≥ -initial. */
interface Cents {
  initial: number;
  adjustment: number;
  carryover: number;
  actual: number;
}

const cents = fc.integer({ min: 0, max: 1e9 }); // up to 10,000,000.00 in the table's unit
const projectCents: fc.Arbitrary<Cents> = fc
  .record({ initial: cents, up: fc.integer({ min: 0, max: 1e8 }), down: fc.boolean(), carryover: cents, actual: cents })
  .map(({ initial, up, down, carryover, actual }) => ({ initial, adjustment: down ? -Math.min(up, initial) : up, carryover, actual }));

const layout: fc.Arbitrary<Layout> = fc.record({
  serial: fc.boolean(),
  budget: fc.constantFrom('initial', 'adjusted', 'both', 'initial+adjustment', 'all'),
  carryover: fc.boolean(),
  unit: fc.constantFrom('元', '万元'),
  unitWhere: fc.constantFrom('header', 'line'),
});

/** Where totals go: none, under the header (covering all), or after groups of projects. */
const totalsPlan = fc.constantFrom('none', 'top', 'bottom', 'groups');

type Money = 'initial' | 'adjustment' | 'adjusted' | 'carryover' | 'actual';

function moneyColumns(l: Layout): Money[] {
  const budget: Money[] =
    l.budget === 'initial' ? ['initial'] : l.budget === 'adjusted' ? ['adjusted'] : l.budget === 'both' ? ['initial', 'adjusted'] : l.budget === 'initial+adjustment' ? ['initial', 'adjustment'] : ['initial', 'adjustment', 'adjusted'];
  return [...budget, ...(l.carryover ? (['carryover'] as Money[]) : []), 'actual'];
}

const valueOf = (p: Cents, key: Money): number => (key === 'adjusted' ? p.initial + p.adjustment : p[key]);

describe('tables with valid numbers', () => {
  type TableCase = {
    layout: Layout;
    words: Record<'serial' | 'name' | Money, string>;
    projects: Cents[];
    totals: 'none' | 'top' | 'bottom' | 'groups';
    groupSize: number;
    totalWord: string;
    extras: ('blank' | 'breakdown')[];
    title: boolean;
  };

  const table = fc.record({
    layout,
    words: fc.record(Object.fromEntries((['serial', 'name', 'initial', 'adjustment', 'adjusted', 'carryover', 'actual'] as const).map((k) => [k, headerCell(k, fc.constant(''))])) as Record<
      'serial' | 'name' | Money,
      fc.Arbitrary<string>
    >),
    projects: fc.array(projectCents, { minLength: 1, maxLength: 20 }),
    totals: totalsPlan,
    groupSize: fc.integer({ min: 1, max: 5 }),
    totalWord: fc.constantFrom('合计', '总计', '小计', 'Total', 'Subtotal', '合\u3000计', '年度资金总额'),
    extras: fc.array(fc.constantFrom('blank', 'breakdown'), { maxLength: 20 }),
    title: fc.boolean(),
  });

  function build(t: TableCase): { snapshot: WorkbookSnapshot; columns: Money[] } {
    const { layout: l, words, projects } = t;
    const columns = moneyColumns(l);
    const unitSuffix = l.unit === '元' ? '（元）' : '（万元）';
    const header: Row = [...(l.serial ? [words.serial] : []), words.name, ...columns.map((k) => words[k] + (l.unitWhere === 'header' ? unitSuffix : ''))];
    const lead = (label: string | number | null): Row => (l.serial ? [null, label] : [label]);
    const money = (values: (key: Money) => number): Row => columns.map((k) => values(k) / 100);
    const totalRow = (ps: Cents[]): Row => [...lead(t.totalWord), ...money((k) => ps.reduce((s, p) => s + valueOf(p, k), 0))];
    const rows: Row[] = [];
    if (t.title) rows.push(['2021年度项目支出绩效情况表']);
    if (l.unitWhere === 'line') rows.push([`单位：${l.unit}`]);
    rows.push(header);
    if (t.totals === 'top') rows.push(totalRow(projects));
    projects.forEach((p, i) => {
      rows.push([...(l.serial ? [i + 1] : []), `项目-${i}`, ...money((k) => valueOf(p, k))]);
      const extra = t.extras[i];
      if (extra === 'blank' && i < projects.length - 1) rows.push([]);
      if (extra === 'breakdown') rows.push([...lead('其中：人员经费'), ...money((k) => Math.floor(valueOf(p, k) / 2))]);
      const groupEnd = (i + 1) % t.groupSize === 0 || i === projects.length - 1;
      if (t.totals === 'groups' && groupEnd) {
        const start = Math.floor(i / t.groupSize) * t.groupSize;
        rows.push(totalRow(projects.slice(start, i + 1))); // each total covers the rows since the previous one
      }
    });
    if (t.totals === 'bottom') rows.push(totalRow(projects));
    rows.push([], ['制表人：', null, '审核人：']);
    return { snapshot: workbook([sheet('部门信息', [['执行率目标', 0.95], ['说明阈值', 0.9]]), sheet('项目支出', rows)]), columns };
  }

  it('read every row and no total: the totals from the projects are the sum of the rows', () => {
    fc.assert(
      fc.property(table, (t) => {
        const { snapshot } = build(t);
        const result = runPipeline(snapshot, options());
        if (!result.ok) throw new Error(JSON.stringify(result.findings));
        const ev = result.evaluation;
        expect(ev.projects.map((p) => p.name)).toEqual(t.projects.map((_, i) => `项目-${i}`));
        expect(ev.totals.source).toBe('projects');
        const divisor = t.layout.unit === '元' ? 10000 : 1;
        const exact = (key: Money) => t.projects.reduce((s, p) => s + valueOf(p, key), 0) / 100 / divisor; // integer cents: exact sum
        const close = (got: number | null, want: number) => expect(Math.abs((got ?? NaN) - want)).toBeLessThanOrEqual(1e-6);
        close(ev.totals.actual, exact('actual'));
        const columns = moneyColumns(t.layout);
        close(ev.totals.adjustedBudget, exact(columns.includes('adjusted') || columns.includes('adjustment') ? 'adjusted' : 'initial'));
        close(ev.totals.carryover, t.layout.carryover ? exact('carryover') : 0);
        if (columns.includes('initial')) close(ev.totals.initialBudget, exact('initial'));
        else expect(ev.totals.initialBudget).toBeNull();
        expect(ev.totals.adjustedBudget).toBeCloseTo(
          ev.projects.reduce((s, p) => s + p.adjustedBudget, 0),
          6,
        );
        expect(only(ev.findings, 'total-mismatch')).toEqual([]);
      }),
      RUNS,
    );
  });

  it('find no total-mismatch when each total equals the sum of its rows', () => {
    fc.assert(
      fc.property(table, (t) => {
        const { snapshot } = build(t);
        const parsed = parseWorkbook(snapshot, 'zh');
        expect(only(parsed.findings, 'total-mismatch')).toEqual([]);
        expect(parsed.findings.filter((f) => f.severity === 'error')).toEqual([]);
        expect(parsed.input.projects).toHaveLength(t.projects.length);
      }),
      RUNS,
    );
  });

  it('find a total-mismatch at the cell when a total is off by more than 0.01', () => {
    fc.assert(
      fc.property(table, fc.integer({ min: 2, max: 1e6 }), (t, off) => {
        fc.pre(t.totals === 'bottom' || t.totals === 'top');
        const { snapshot, columns } = build(t);
        const rows = snapshot.sheets[1].values;
        const totalAt = rows.findIndex((r) => r.some((v) => typeof v === 'string' && v === t.totalWord));
        const actualCol = (t.layout.serial ? 2 : 1) + columns.indexOf('actual');
        const given = rows[totalAt][actualCol] as number;
        rows[totalAt][actualCol] = given + off / 100; // off by ≥ 0.02 in the table's unit
        const parsed = parseWorkbook(snapshot, 'zh');
        const cell = `项目支出!${String.fromCharCode(65 + actualCol)}${totalAt + 1}`;
        expect(only(parsed.findings, 'total-mismatch').map((f) => f.cell)).toEqual([cell]);
      }),
      RUNS,
    );
  });
});
