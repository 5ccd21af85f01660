// Issue 11 item 5: NaN and ±Infinity never reach the report. Every amount read is finite and within
// DEFAULT_CONFIG.limits.maxAmountYuan in its table's unit, every sum too; a stored non-number (CellInvalid) or a date
// where a number goes is an error at its cell; a last guard refuses any non-finite figure that slipped through.
import fc from 'fast-check';
import { DEFAULT_CONFIG } from '../../src/core/config';
import { evaluate, nonFiniteNumbers } from '../../src/core/evaluate';
import type { BudgetInput, CellValue, Finding, WorkbookSnapshot } from '../../src/core/model';
import { parseWorkbook } from '../../src/core/parse/parseWorkbook';
import { evaluationJson, runPipeline, type PipelineResult } from '../../src/core/pipeline';
import { only, options, PROJECT_HEADER, sheet, workbook, type Row } from './snapshot';

const RUNS = { numRuns: Number(process.env.PROPERTY_RUNS ?? 300) };

/** A project table in `unit` (header at row 2): rows [name, initial, adjustment, adjusted, actual]. */
function table(rows: Row[], unit = '万元', name = '项目支出'): WorkbookSnapshot {
  return workbook([sheet(name, [[`单位：${unit}`], PROJECT_HEADER, ...rows.map((r, i): Row => [i + 1, ...r])])]);
}

/** Every string and number in a value: numbers finite, no text saying NaN or Infinity. */
function expectClean(value: unknown): void {
  expect(nonFiniteNumbers(value)).toEqual([]);
  const text = JSON.stringify(value, (_key, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? `<${String(v)}>` : v));
  expect(text).not.toMatch(/NaN|Infinity/);
}

/** ok:false, an error at `cell` (of `code`), and nothing but the failure JSON. */
function expectRefusedAt(result: PipelineResult, cell: string, code: Finding['code'] = 'invalid-number'): Finding {
  expect(result.ok).toBe(false);
  const found = result.findings.find((f) => f.cell === cell && f.code === code && f.severity === 'error');
  if (!found) throw new Error(`no ${code} error at ${cell}: ${JSON.stringify(result.findings)}`);
  const json = evaluationJson(result, options());
  expect(nonFiniteNumbers(json)).toEqual([]);
  expect(json).toMatchObject({ totals: null, projects: [], score: null });
  return found;
}

describe('amounts beyond the limit (1e15 元, 1e11 万元)', () => {
  it('names the cell and the limit in its unit: 1e308 in a 万元 table', () => {
    const result = runPipeline(table([['甲', 1e308, 0, 1e308, 5]]), options());
    const finding = expectRefusedAt(result, '项目支出!C3');
    expect(finding.message).toBe('“年初预算数”为 1e+308，超出上限：绝对值应不超过 100,000,000,000 万元（请检查数字与单位）。');
    expect(result.findings.some((f) => f.cell === '项目支出!E3' && f.code === 'invalid-number')).toBe(true);
  });

  it('takes the limit in the table’s unit: 2e11 is too much in 万元, not in 元', () => {
    expectRefusedAt(runPipeline(table([['甲', 2e11, 0, 2e11, 5]]), options()), '项目支出!C3');
    expect(runPipeline(table([['甲', 2e11, 0, 2e11, 5]], '元'), options()).ok).toBe(true);
    // The limit itself is accepted; beyond it in 元, refused with the 元 limit.
    expect(runPipeline(table([['甲', 1e15, 0, 1e15, 5]], '元'), options()).ok).toBe(true);
    const en = runPipeline(table([['甲', 2e15, 0, 2e15, 5]], '元'), options({ lang: 'en' }));
    expect(expectRefusedAt(en, '项目支出!C3').message).toBe(
      '"年初预算数" is 2000000000000000, beyond the largest value accepted: at most 1,000,000,000,000,000 yuan either way (check the number and the unit).',
    );
  });

  it('a lower limit from the configuration applies', () => {
    const config = { ...DEFAULT_CONFIG, limits: { ...DEFAULT_CONFIG.limits, maxAmountYuan: 1e8 } };
    const parsed = parseWorkbook(table([['甲', 2e4, 0, 2e4, 5]]), 'zh', config);
    expect(only(parsed.findings, 'invalid-number').map((f) => f.cell)).toEqual(['项目支出!C3', '项目支出!E3']);
    expect(parsed.findings[0].message).toContain('10,000 万元');
    expect(runPipeline(table([['甲', 2e4, 0, 2e4, 5]]), options(), config).ok).toBe(false);
  });

  it('a sum beyond the limit is an error at the table’s header: two budgets of 6e10 万元', () => {
    const result = runPipeline(table([['甲', 6e10, 0, 6e10, 5], ['乙', 6e10, 0, 6e10, 5]]), options());
    const finding = expectRefusedAt(result, '项目支出!A2');
    expect(finding.message).toBe('“年初预算数”各行之和为 120000000000，超出金额上限 100,000,000,000 万元，无法计算（请检查各行的数字与单位）。');
  });

  it('evaluate checks the sums itself (with the projects’ sum it has made), one table or several', () => {
    // An input the parser never saw: its projects within the limit, their sum beyond it.
    const { input } = parseWorkbook(table([['甲', 5, 0, 5, 5], ['乙', 5, 0, 5, 5]]), 'zh');
    const big = (p: BudgetInput['projects'][number]) => ({ ...p, initialBudget: 6e10, adjustedBudget: 6e10 });
    const one = evaluate({ ...input, projects: input.projects.map(big) }, options());
    expect(one.findings.filter((f) => f.severity === 'error').map((f) => [f.cell, f.params.kind])).toEqual([
      ['项目支出!A2', 'sum-too-large'],
      ['项目支出!A2', 'sum-too-large'],
    ]);
    const two = evaluate({ ...input, projects: input.projects.map((p, i) => ({ ...big(p), location: { ...p.location, table: i } })), projectTables: [input.projectTables[0], { ...input.projectTables[0], sheet: '二' }] }, options());
    expect(two.findings.filter((f) => f.severity === 'error').map((f) => [f.cell, f.params.kind])).toEqual([
      ['项目支出!A2', 'sum-too-large'],
      ['项目支出!A2', 'sum-too-large'],
    ]);
  });

  it('a sum beyond the limit comes with the cells’ own errors, all at once', () => {
    const result = runPipeline(table([['甲', 6e10, 0, 6e10, 5], ['乙', 6e10, 0, 6e10, 5], ['丙', 1, 0, 1, new Date(Date.UTC(2021, 2, 1))]]), options());
    expectRefusedAt(result, '项目支出!A2');
    expectRefusedAt(result, '项目支出!F5');
  });

  it('two tables each within the limit, together beyond it: at the first table', () => {
    const result = runPipeline(
      workbook([
        sheet('一', [['单位：万元'], PROJECT_HEADER, [1, '甲', 6e10, 0, 6e10, 5]]),
        sheet('二', [['单位：万元'], PROJECT_HEADER, [1, '乙', 6e10, 0, 6e10, 5]]),
      ]),
      options(),
    );
    expectRefusedAt(result, '一!A2');
    expect(result.findings.filter((f) => f.severity === 'error').map((f) => f.cell)).toEqual(['一!A2', '一!A2']);
  });

  it('the totals table: a category beyond the limit at its cell, categories adding up beyond it at the table', () => {
    const totals = (values: number[]): WorkbookSnapshot =>
      workbook([
        sheet('部门支出', [['单位：万元'], ['支出类别', '年初预算数', '调整后预算数', '实际支出数'], ...values.map((v, i): Row => [`类别${i}`, v, v, 1])]),
        sheet('项目支出', [['单位：万元'], PROJECT_HEADER, [1, '甲', 10, 0, 10, 9]]),
      ]);
    expectRefusedAt(runPipeline(totals([1e308]), options()), '部门支出!B3');
    expectRefusedAt(runPipeline(totals([6e10, 6e10]), options()), '部门支出!A3');
  });
});

describe('cells that are not numbers', () => {
  it('a stored non-number (<v>12abc</v>) in a money column: an error that quotes it, zh and en', () => {
    const zh = runPipeline(table([['甲', { invalid: '12abc' }, 0, 10, 5]]), options());
    expect(expectRefusedAt(zh, '项目支出!C3').message).toBe('文件在这个数字单元格（“年初预算数”）中存储的是“12abc”，不是数字；请重新输入该数字。');
    const en = runPipeline(table([['甲', 10, 0, { invalid: '' }, 5]]), options({ lang: 'en' }));
    expect(expectRefusedAt(en, '项目支出!E3').message).toBe(
      'The file stores "" in this numeric cell ("调整后预算数"), which is not a number; enter the number again.',
    );
  });

  it('NaN and ±Infinity handed over as numbers are refused at their cell', () => {
    for (const bad of [NaN, Infinity, -Infinity]) {
      expectRefusedAt(runPipeline(table([['甲', 10, 0, 10, bad]]), options()), '项目支出!F3');
    }
  });

  it('a date in a money column: an error showing the date', () => {
    const result = runPipeline(table([['甲', 10, 0, 10, new Date(Date.UTC(2021, 2, 1))]]), options());
    expect(expectRefusedAt(result, '项目支出!F3').message).toBe('“实际支出数”应为数字，实为日期 2021-03-01（单元格为日期格式）；请输入数字，并将单元格格式设为“数值”。');
  });

  it('a stored non-number where a name goes is text', () => {
    const result = runPipeline(table([[{ invalid: '12abc' }, 10, 0, 10, 5]]), options());
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.evaluation.projects.map((p) => p.name)).toEqual(['12abc']);
  });

  it('target and rate columns: a stored non-number is an error; 1e308 is beyond any rate', () => {
    const withColumns = (target: CellValue, rate: CellValue) =>
      workbook([sheet('项目支出', [['单位：万元'], ['项目名称', '调整后预算数', '实际支出数', '执行率目标', '执行率'], ['甲', 10, 9, target, rate]])]);
    expectRefusedAt(runPipeline(withColumns({ invalid: 'x1' }, 0.9), options()), '项目支出!D3');
    expectRefusedAt(runPipeline(withColumns(0.95, { invalid: 'NaN' }), options()), '项目支出!E3');
    expectRefusedAt(runPipeline(withColumns(1e308, 0.9), options()), '项目支出!D3');
    const rate = runPipeline(withColumns(0.95, 1e308), options());
    expect(expectRefusedAt(rate, '项目支出!E3').message).toContain('100,000,000%');
    // Text in the rate column stays the clerk's note, as before.
    expect(runPipeline(withColumns(0.95, '见说明'), options()).ok).toBe(true);
  });

  it('the information block’s 执行率目标 / 说明阈值: a stored non-number or 1e308 is an error at its cell; text is "not given"', () => {
    const withInfo = (target: CellValue, explain: CellValue) =>
      workbook([sheet('部门信息', [['执行率目标', target], ['说明阈值', explain]]), sheet('项目支出', [['单位：万元'], PROJECT_HEADER, [1, '甲', 10, 0, 10, 9]])]);
    const bad = runPipeline(withInfo({ invalid: '95x' }, 1e308), options());
    expect(expectRefusedAt(bad, '部门信息!B1').message).toContain('“95x”');
    expect(expectRefusedAt(bad, '部门信息!B2').message).toContain('“说明阈值”为 1e+308');
    const text = runPipeline(withInfo('待定', 0.9), options());
    expect(text.ok).toBe(true);
    expect(text.findings.map((f) => f.code)).toContain('defaults-used');
  });

  it('score cells: a stored non-number or a date is an error; points of 1e308 are not taken', () => {
    const scoring = (points: CellValue, score: CellValue): WorkbookSnapshot =>
      workbook([
        sheet('项目支出', [['单位：万元'], PROJECT_HEADER, [1, '甲', 10, 0, 10, 9]]),
        sheet('评分设置', [
          ['指标', '分值', '类型', '得分'],
          ['预算完成率', points, '预算完成率', null],
          ['资金使用合规性', 20, '人工评分', score],
        ]),
      ]);
    expectRefusedAt(runPipeline(scoring({ invalid: '2O' }, null), options()), '评分设置!B2');
    expectRefusedAt(runPipeline(scoring(80, { invalid: '' }), options()), '评分设置!D3');
    expectRefusedAt(runPipeline(scoring(80, new Date(Date.UTC(2021, 0, 5))), options()), '评分设置!D3');
    const huge = runPipeline(scoring(1e308, 15), options());
    expect(huge.ok).toBe(true);
    if (!huge.ok) return;
    expect(huge.findings.find((f) => f.cell === '评分设置!B2')?.message).toContain('不超过 1000 的正数');
    expectClean(huge.evaluation.score);
  });
});

describe('computed figures', () => {
  it('a rate that is not a number (a budget of 1e-320 万元) is an error at the project', () => {
    const result = runPipeline(table([['甲', 1e-320, 0, 1e-320, 5]]), options());
    const finding = expectRefusedAt(result, '项目支出!B3');
    expect(finding.message).toBe('计算“甲 执行率”得到 无穷大，不是有效数字，未生成报告；请检查相关的数字与单位。');
  });

  it('an input that bypassed the parser with NaN: errors at the project and its table, never a figure', () => {
    const parsed = parseWorkbook(table([['甲', 10, 0, 10, 5]]), 'zh');
    const input: BudgetInput = { ...parsed.input, projects: parsed.input.projects.map((p) => ({ ...p, actual: NaN })) };
    const errors = evaluate(input, options()).findings.filter((f) => f.severity === 'error');
    expect(errors.map((f) => [f.code, f.cell])).toEqual([
      ['invalid-number', '项目支出!B3'],
      ['invalid-number', '项目支出!A2'],
      ['invalid-number', '项目支出!A2'],
    ]);
    expect(errors.map((f) => f.message).join('')).not.toMatch(/NaN|Infinity/);
  });

  it('the last guard: a non-finite figure no check names (a NaN target setting) refuses the report', () => {
    const result = runPipeline(table([['甲', 10, 0, 10, 5]]), options({ target: NaN }));
    expect(result.ok).toBe(false);
    const guard = result.findings.find((f) => f.code === 'invalid-number');
    expect(guard).toMatchObject({ severity: 'error', cell: null });
    expect(guard?.message).toBe('计算“department.target, projects[0].effectiveTarget, options.target”得到 非数字，不是有效数字，未生成报告；请检查相关的数字与单位。');
  });

  it('nonFiniteNumbers names the paths', () => {
    expect(nonFiniteNumbers({ a: [1, NaN], b: { c: -Infinity, d: new Date(NaN) } })).toEqual([
      { path: 'a[1]', value: NaN },
      { path: 'b.c', value: -Infinity },
    ]);
  });
});

// ── The property: hostile values anywhere in a project table never give ok with a non-finite figure ────────────

const hostile: fc.Arbitrary<CellValue> = fc.constantFrom<CellValue>(
  NaN,
  Infinity,
  -Infinity,
  1e308,
  -1e308,
  Number.MAX_VALUE,
  2e11,
  1e-320,
  { invalid: '12abc' },
  { invalid: '' },
  { invalid: 'NaN' },
  new Date(Date.UTC(2021, 2, 1)),
);
const plain: fc.Arbitrary<CellValue> = fc.oneof(fc.integer({ min: 0, max: 1e6 }).map((n) => n / 100), fc.constant(0), fc.constant(null));
const cell = fc.oneof({ arbitrary: hostile, weight: 1 }, { arbitrary: plain, weight: 4 });

describe('hostile values (property)', () => {
  const header: Row = ['项目名称', '年初预算数', '预算调整数', '调整后预算数', '上年结转', '实际支出数', '执行率目标', '执行率'];
  const randomBook = fc.record({
    unit: fc.constantFrom('元', '万元'),
    rows: fc.array(fc.tuple(cell, cell, cell, cell, cell, cell, cell), { minLength: 1, maxLength: 8 }),
    totalRow: fc.option(fc.tuple(cell, cell, cell, cell, cell), { nil: null }),
    categories: fc.array(fc.tuple(cell, cell, cell), { maxLength: 3 }),
    points: cell,
    basis: fc.constantFrom('adjusted' as const, 'initial' as const, 'adjusted-plus-carryover' as const),
  });

  it('never ok with a non-finite number anywhere; ok:false names the hostile money cells', () => {
    fc.assert(
      fc.property(randomBook, (b) => {
        const rows: Row[] = [[`单位：${b.unit}`], header, ...b.rows.map((r, i): Row => [`项目${i}`, ...r])];
        if (b.totalRow) rows.push(['合计', ...b.totalRow]);
        const sheets = [sheet('项目支出', rows)];
        if (b.categories.length > 0) sheets.push(sheet('部门支出', [['支出类别', '调整后预算数', '上年结转', '实际支出数'], ...b.categories.map((c, i): Row => [`类别${i}`, ...c])]));
        sheets.push(sheet('评分设置', [['指标', '分值', '类型', '得分'], ['预算完成率', b.points, '预算完成率', null], ['其他', 50, '人工评分', 40]]));
        const snapshot = workbook(sheets);
        const result = runPipeline(snapshot, options({ basis: b.basis }));
        if (result.ok) {
          expectClean({ evaluation: result.evaluation, narrative: result.narrative, report: result.report, highlights: result.highlights });
        } else {
          // The messages may quote what the file stores (“NaN”); the figures are all numbers.
          expect(nonFiniteNumbers(evaluationJson(result, options()))).toEqual([]);
        }
        // A hostile value in a named project's money cell is always an error at that very cell.
        b.rows.forEach((r, i) => {
          r.slice(0, 5).forEach((v, c) => {
            const isHostile = (v !== null && typeof v === 'object') || (typeof v === 'number' && (!Number.isFinite(v) || Math.abs(v) > (b.unit === '元' ? 1e15 : 1e11)));
            if (!isHostile) return;
            const ref = `项目支出!${String.fromCharCode(66 + c)}${i + 3}`;
            expect(result.ok).toBe(false);
            expect(result.findings.some((f) => f.cell === ref && f.severity === 'error')).toBe(true);
          });
        });
      }),
      RUNS,
    );
  });
});
