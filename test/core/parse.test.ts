import type { Lang, SheetSnapshot } from '../../src/core/model';
import { parseWorkbook } from '../../src/core/parse/parseWorkbook';
import { blankRows, codes, err, only, PROJECT_HEADER, projectSheet, sheet, shifted, workbook, type Row } from './snapshot';

const parse = (sheets: SheetSnapshot[], lang: Lang = 'zh', toolSheets: string[] = []) => parseWorkbook(workbook(sheets, { toolSheets }), lang);

const names = (sheets: SheetSnapshot[]) => parse(sheets).input.projects.map((p) => p.name);

describe('finding the project table', () => {
  it('reads a plain header and each project at its name cell', () => {
    const { input, findings } = parse([projectSheet('项目支出', [['甲项目', 100, 10, 110, 100], ['乙项目', 50, 0, 50, 40]])]);
    expect(findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(input.projects.map((p) => [p.name, p.cell, p.initialBudget, p.adjustment, p.adjustedBudget, p.actual])).toEqual([
      ['甲项目', '项目支出!B3', 100, 10, 110, 100],
      ['乙项目', '项目支出!B4', 50, 0, 50, 40],
    ]);
    expect(input.projects[0].location).toEqual({ sheet: '项目支出', table: 0, row: 2, firstCol: 0, lastCol: 5 });
    expect(input.projectTables).toHaveLength(1);
    expect(input.projectTables[0]).toMatchObject({ sheet: '项目支出', headerTop: 1, headerBottom: 1, firstCol: 0, lastCol: 5 });
  });

  it('ignores a leading 序号, No. or # column', () => {
    for (const serial of ['序号', 'No.', '#', 'NO']) {
      const { input, findings } = parse([
        sheet('Projects', [
          [serial, 'Project name', 'Initial budget', 'Actual expenditure'],
          [1, 'Alpha', 100, 90],
        ]),
      ]);
      expect(codes(findings).filter((c) => c !== 'defaults-used')).toEqual([]);
      expect(input.projects.map((p) => [p.name, p.cell, p.initialBudget, p.actual])).toEqual([['Alpha', 'Projects!B2', 100, 90]]);
    }
  });

  it('finds a header anywhere in the first 30 rows and 20 columns', () => {
    const table = (down: number, right: number): SheetSnapshot =>
      sheet('项目支出', [...blankRows(down), shifted(right, ['项目名称', '年初预算数', '实际支出数']), shifted(right, ['甲', 100, 90])]);
    expect(names([table(29, 19)])).toEqual(['甲']);
    expect(parse([table(29, 19)]).input.projects[0].cell).toBe('项目支出!T31');
    expect(codes(parse([table(30, 0)]).findings)).toContain('no-project-table');
    expect(codes(parse([table(0, 20)]).findings)).toContain('no-project-table');
  });

  it('finds a header under merged title rows and a unit line', () => {
    const { input, findings } = parse([
      sheet(
        '项目支出',
        [
          ['2021年度项目支出绩效情况表'],
          ['填报单位：某某局', null, null, null, null, '单位：元'],
          PROJECT_HEADER,
          [1, '甲项目', 1000000, 50000, 1050000, 1000000],
        ],
        ['A1:F1'],
      ),
    ]);
    expect(codes(findings)).toEqual([]);
    expect(input.projects[0]).toMatchObject({ name: '甲项目', cell: '项目支出!B4', initialBudget: 100, adjustment: 5, adjustedBudget: 105, actual: 100 });
    expect(input.info.name).toBe('某某局');
    expect(input.info.year).toBe(2021);
  });

  it('reads a two-row header under a merged group cell, whose unit applies to its children', () => {
    const twoRow = (group: string, actual: string): SheetSnapshot =>
      sheet(
        '项目支出',
        [
          ['项目支出情况表'],
          ['单位：万元'],
          ['序号', '项目名称', group, null, actual],
          [null, null, '年初预算', '调整后预算数', null],
          [1, '甲项目', 1000000, 1200000, 12],
          [2, '乙项目', 500000, 500000, 50],
        ],
        ['A1:E1', 'A3:A4', 'B3:B4', 'C3:D3', 'E3:E4'],
      );
    const { input, findings } = parse([twoRow('年度预算数（元）', '实际支出数')]);
    expect(codes(findings)).toEqual([]);
    expect(input.projectTables[0]).toMatchObject({ headerTop: 2, headerBottom: 3, firstCol: 0, lastCol: 4 });
    expect(input.projects.map((p) => [p.name, p.cell, p.initialBudget, p.adjustment, p.adjustedBudget, p.actual])).toEqual([
      ['甲项目', '项目支出!B5', 100, 20, 120, 12],
      ['乙项目', '项目支出!B6', 50, 0, 50, 50],
    ]);
    // The same group in 万元 with 元 named on the actual column.
    const other = parse([twoRow('年度预算数（万元）', '实际支出数(元)')]).input.projects[0];
    expect([other.initialBudget, other.adjustedBudget, other.actual]).toEqual([1000000, 1200000, 0.0012]);
  });

  it('reads the information block, a project table and a totals table on one sheet', () => {
    const { input, findings } = parse([
      sheet('表', [
        ['2021年度部门整体支出绩效自评表'],
        ['部门名称', '某局'],
        ['金额单位', '元'],
        ['执行率目标', '95%'],
        [],
        PROJECT_HEADER,
        [1, '甲', 10000, 0, 10000, 9000],
        [null, '合计', 10000, 0, 10000, 9000],
        ['支出类别', '年初预算数', '预算调整数', '调整后预算数', '实际支出数'],
        ['基本支出', 5000, 0, 5000, 5000],
        ['项目支出', 10000, 0, 10000, 9000],
        ['合计', 15000, 0, 15000, 14000],
        [],
        [],
        ['单位：万元'],
        ['项目名称', '年初预算数', '实际支出数'],
        ['乙', 2, 1],
      ]),
    ]);
    expect(codes(findings)).toEqual([]);
    expect(input.info).toMatchObject({ name: '某局', year: 2021, target: 0.95 });
    expect(input.projects.map((p) => [p.name, p.cell, p.initialBudget, p.actual])).toEqual([
      ['甲', '表!B7', 1, 0.9],
      ['乙', '表!A17', 2, 1],
    ]);
    expect(input.categories.map((c) => [c.name, c.cell, c.adjustedBudget, c.actual])).toEqual([
      ['基本支出', '表!A10', 0.5, 0.5],
      ['项目支出', '表!A11', 1, 0.9],
    ]);
    expect(input.categoryTotal).toMatchObject({ cell: '表!A12', adjustedBudget: 1.5, actual: 1.4 });
  });

  it('says which words it accepts when there is no project table', () => {
    for (const lang of ['zh', 'en'] as const) {
      const { findings } = parse([sheet('Sheet1', [['部门名称', '某某局'], ['名称', '金额']])], lang);
      const finding = only(findings, 'no-project-table');
      expect(finding).toHaveLength(1);
      expect(finding[0]).toMatchObject({ severity: 'error', cell: null });
      for (const word of ['项目名称', '实际支出数', '年初预算数', '调整后预算数']) expect(finding[0].message).toContain(word);
    }
  });
});

describe('required columns and the budget arithmetic', () => {
  const one = (header: Row, row: Row) => parse([sheet('P', [header, row])]);

  it('takes the adjustment as the difference of initial and adjusted', () => {
    const { input } = one(['项目名称', '年初预算数', '调整后预算数', '实际支出数'], ['甲', 100, 120.5, 100]);
    expect(input.projects[0]).toMatchObject({ initialBudget: 100, adjustment: 20.5, adjustedBudget: 120.5 });
  });

  it('takes the adjustment as 0 with an initial budget alone', () => {
    const { input } = one(['项目名称', '年初预算数', '实际支出数'], ['甲', 100, 90]);
    expect(input.projects[0]).toMatchObject({ initialBudget: 100, adjustment: 0, adjustedBudget: 100, actual: 90 });
  });

  it('adds initial and adjustment when there is no adjusted column', () => {
    const { input } = one(['项目名称', '年初预算数', '调整数', '实际支出数'], ['甲', 100, -30, 60]);
    expect(input.projects[0]).toMatchObject({ initialBudget: 100, adjustment: -30, adjustedBudget: 70 });
  });

  it('knows no initial budget nor adjustment with an adjusted budget alone', () => {
    const { input } = one(['项目名称', '调整后预算数', '实际支出数'], ['甲', 120, 100]);
    expect(input.projects[0]).toMatchObject({ initialBudget: null, adjustment: null, adjustedBudget: 120, actual: 100 });
  });

  it('reports initial + adjustment ≠ adjusted at the adjusted cell and uses the adjusted budget', () => {
    const { input, findings } = one(PROJECT_HEADER, [1, '甲', 100, 10, 120, 100]);
    expect(only(findings, 'adjusted-mismatch')).toEqual([expect.objectContaining({ severity: 'warning', cell: 'P!E2' })]);
    expect(input.projects[0]).toMatchObject({ initialBudget: 100, adjustedBudget: 120, actual: 100 });
  });

  it('lets initial + adjustment = adjusted within 0.01 in the table’s own unit', () => {
    expect(only(one(PROJECT_HEADER, [1, '甲', 100, 10, 110.01, 100]).findings, 'adjusted-mismatch')).toEqual([]);
    expect(only(one(PROJECT_HEADER, [1, '甲', 100, 10, 110.02, 100]).findings, 'adjusted-mismatch')).toHaveLength(1);
    const inYuan = (adjusted: number) =>
      parse([sheet('P', [['单位：元'], PROJECT_HEADER, [1, '甲', 1000000, 100000, adjusted, 1000000]])]).findings;
    expect(only(inYuan(1100000.01), 'adjusted-mismatch')).toEqual([]);
    expect(only(inYuan(1100000.5), 'adjusted-mismatch')).toHaveLength(1);
  });

  it('keeps the clerk’s adjustment when the three agree', () => {
    const { input, findings } = parse([sheet('P', [['单位：元'], PROJECT_HEADER, [1, '甲', 180000, -11800, 168200, 154800]])]);
    expect(codes(findings)).toEqual([]);
    expect(input.projects[0]).toMatchObject({ initialBudget: 18, adjustment: -1.18, adjustedBudget: 16.82, actual: 15.48 });
  });

  it('keeps the 0.01 tolerance on large budgets', () => {
    const big = (adjusted: number) => parse([sheet('P', [['单位：元'], PROJECT_HEADER, [1, '甲', 20000000, 5000000, adjusted, 1]])]).findings;
    expect(only(big(25000000.01), 'adjusted-mismatch')).toEqual([]);
    expect(only(big(25000000.02), 'adjusted-mismatch')).toHaveLength(1);
  });

  it('reports each missing column at the header', () => {
    const noActual = one(['序号', '项目名称', '年初预算数', '调整后预算数'], [1, '甲', 100, 100]).findings;
    expect(only(noActual, 'missing-column')).toEqual([expect.objectContaining({ severity: 'error', cell: 'P!A1' })]);
    expect(only(noActual, 'missing-column')[0].message).toContain('实际支出');
    const noBudget = one(['项目名称', '实际支出数'], ['甲', 100]).findings;
    expect(only(noBudget, 'missing-column')).toHaveLength(1);
    expect(only(noBudget, 'missing-column')[0].message).toMatch(/年初预算.*调整后预算/);
  });
});

describe('the table body', () => {
  const table = (rows: Row[], header: Row = PROJECT_HEADER): SheetSnapshot => sheet('项目支出', [header, ...rows]);
  const row = (name: string, initial: number, actual = initial): Row => [null, name, initial, 0, initial, actual];

  it('skips a single blank row and ends at two', () => {
    expect(names([table([row('甲', 1), [], row('乙', 2), [null, '', '  '], [], row('丙', 3)])])).toEqual(['甲', '乙']);
  });

  it('ends at a footer line', () => {
    for (const footer of ['制表人：张三', '审核人：李四', '填报日期：2022-01-05', '说明：金额单位为万元', '注：数据未经审计', '填报说明：…']) {
      expect(names([table([row('甲', 1), [footer], row('乙', 2)])])).toEqual(['甲']);
      expect(names([table([row('甲', 1), [null, null, null, null, footer], row('乙', 2)])])).toEqual(['甲']);
    }
  });

  it('keeps projects whose names start like a footer word', () => {
    expect(names([table([row('甲', 1), row('说明书印制经费', 2), row('注册登记经费', 3), row('乙', 4)])])).toEqual(['甲', '说明书印制经费', '注册登记经费', '乙']);
  });

  it('ends at a new header row, which starts the next table', () => {
    const { input } = parse([table([row('甲', 1), PROJECT_HEADER, row('乙', 2), row('丙', 3)])]);
    expect(input.projects.map((p) => [p.name, p.cell, p.location.table])).toEqual([
      ['甲', '项目支出!B2', 0],
      ['乙', '项目支出!B4', 1],
      ['丙', '项目支出!B5', 1],
    ]);
    expect(input.projectTables.map((t) => t.headerTop)).toEqual([0, 2]);
  });

  it('ends at the end of the sheet, with ragged rows', () => {
    expect(names([sheet('P', [['项目名称', '年初预算数', '实际支出数'], ['甲', 1], ['乙', 2, 2, 'extra', 'cells']])])).toEqual(['甲', '乙']);
  });

  it.each(['合计', '总计', '小计', '年度资金总额', 'Total', 'Subtotal', '合\u3000计', ' 合 计 '])('never takes a %s row for a project, and checks it', (label) => {
    const good = parse([table([row('甲', 100, 90), row('乙', 50, 40), [null, label, 150, 0, 150, 130]])]);
    expect(good.input.projects.map((p) => p.name)).toEqual(['甲', '乙']);
    expect(only(good.findings, 'total-mismatch')).toEqual([]);
    const bad = parse([table([row('甲', 100, 90), row('乙', 50, 40), [null, label, 150, 0, 150, 131]])]);
    expect(only(bad.findings, 'total-mismatch')).toEqual([expect.objectContaining({ severity: 'warning', cell: '项目支出!F4' })]);
  });

  it('reads a total written in the serial column across a merge', () => {
    const { input, findings } = parse([sheet('P', [PROJECT_HEADER, row('甲', 100), ['合计', null, 100, 0, 100, 99]], ['A3:B3'])]);
    expect(input.projects.map((p) => p.name)).toEqual(['甲']);
    expect(only(findings, 'total-mismatch').map((f) => f.cell)).toEqual(['P!F3']);
  });

  it('reports one finding per differing cell of a total, at that cell', () => {
    const { findings } = parse([table([row('甲', 100, 90), row('乙', 50, 40), [null, '合计', 151, 0, 152, 130]])]);
    expect(only(findings, 'total-mismatch').map((f) => f.cell)).toEqual(['项目支出!C4', '项目支出!E4']);
  });

  it('checks a total right under the header against all rows below', () => {
    const ok = parse([table([[null, '合计', 150, 0, 150, 130], row('甲', 100, 90), row('乙', 50, 40)])]);
    expect(ok.input.projects.map((p) => p.name)).toEqual(['甲', '乙']);
    expect(only(ok.findings, 'total-mismatch')).toEqual([]);
    const bad = parse([table([[null, '合计', 100, 0, 100, 90], row('甲', 100, 90), row('乙', 50, 40)])]);
    expect(only(bad.findings, 'total-mismatch').map((f) => f.cell)).toEqual(['项目支出!C2', '项目支出!E2', '项目支出!F2']);
  });

  it('checks each total against the rows since the previous total', () => {
    const rows = (second: number): Row[] => [
      row('甲', 100),
      [null, '小计', 100, 0, 100, 100],
      row('乙', 20),
      row('丙', 30),
      [null, '小计', second, 0, second, second],
    ];
    expect(only(parse([table(rows(50))]).findings, 'total-mismatch')).toEqual([]);
    expect(only(parse([table(rows(150))]).findings, 'total-mismatch').map((f) => f.cell)).toEqual(['项目支出!C6', '项目支出!E6', '项目支出!F6']);
    // Two 合计 groups, each after the previous one.
    const groups: Row[] = [row('甲', 100), [null, '合计', 100, 0, 100, 100], row('乙', 20), [null, '合计', 20, 0, 20, 20]];
    expect(only(parse([table(groups)]).findings, 'total-mismatch')).toEqual([]);
  });

  it('lets a 合计 under 小计 rows cover every row since the header', () => {
    // 小计 groups, then the grand total: the grand total adds the projects, not the rows after the last 小计.
    const rows: Row[] = [row('甲', 100), row('乙', 20), [null, '小计', 120, 0, 120, 120], row('丙', 30), [null, '小计', 30, 0, 30, 30], [null, '合计', 150, 0, 150, 150]];
    const { input, findings } = parse([table(rows)]);
    expect(input.projects.map((p) => p.name)).toEqual(['甲', '乙', '丙']);
    expect(only(findings, 'total-mismatch')).toEqual([]);
  });

  it('skips a total’s column only where a covered cell could not be read, and only within the rows it covers', () => {
    // 乙's 年初 is text (reported at its cell): the first 小计's 年初 is not summed; its other columns and the second 小计 are.
    const rows: Row[] = [row('甲', 100), [null, '乙', '一百', 0, 20, 20], [null, '小计', 999, 0, 121, 120], row('丙', 30), [null, '小计', 31, 0, 30, 30]];
    const { findings } = parse([table(rows)]);
    expect(only(findings, 'not-a-number').map((f) => f.cell)).toEqual(['项目支出!C3']);
    expect(only(findings, 'total-mismatch').map((f) => f.cell)).toEqual(['项目支出!E4', '项目支出!C6']);
  });

  it('checks totals with a tolerance of 0.01 in the table’s own unit', () => {
    const inWan = (total: number) => parse([table([row('甲', 100.2), row('乙', 50.1), [null, '合计', total, 0, total, total]])]).findings;
    expect(only(inWan(150.31), 'total-mismatch')).toEqual([]);
    expect(only(inWan(150.29), 'total-mismatch')).toEqual([]);
    expect(only(inWan(150.32), 'total-mismatch')).toHaveLength(3);
    const inYuan = (total: number) =>
      parse([sheet('P', [['单位：元'], PROJECT_HEADER, row('甲', 1000000.25), row('乙', 500000.5), [null, '合计', total, 0, total, total]])]).findings;
    expect(only(inYuan(1500000.75), 'total-mismatch')).toEqual([]);
    expect(only(inYuan(1500000.76), 'total-mismatch')).toEqual([]);
    expect(only(inYuan(1500000.8), 'total-mismatch')).toHaveLength(3);
  });

  it('keeps the 0.01 tolerance on large totals', () => {
    const big = (total: number) => parse([table([row('甲', 6000000.25), row('乙', 4000000.5), [null, '合计', total, 0, total, total]])]).findings;
    expect(only(big(10000000.75), 'total-mismatch')).toEqual([]);
    expect(only(big(10000000.76), 'total-mismatch')).toEqual([]);
    expect(only(big(10000000.77), 'total-mismatch').map((f) => f.cell)).toEqual(['项目支出!C4', '项目支出!E4', '项目支出!F4']);
    expect(only(big(10000000.73), 'total-mismatch')).toHaveLength(3);
  });

  it('neither reads nor adds rows starting with 其中', () => {
    const { input, findings } = parse([
      table([row('甲', 100), [null, '其中：人员经费', 60, 0, 60, 60], [null, '其中 公用经费', 'n/a', 0, 40, 40], row('乙', 50), [null, '合计', 150, 0, 150, 150]]),
    ]);
    expect(input.projects.map((p) => p.name)).toEqual(['甲', '乙']);
    expect(codes(findings).filter((c) => c !== 'defaults-used')).toEqual([]);
  });

  it('reads every project table, on several sheets and on one, each project at its own cell', () => {
    const { input } = parse([
      projectSheet('一般项目', [['甲', 100, 0, 100, 90]]),
      sheet('专项', [
        ['项目名称', '年初预算数', '实际支出数'],
        ['乙', 10, 9],
        [],
        [],
        ['单位：元'],
        ['项目名称', '年初预算数', '实际支出数'],
        ['丙', 20000, 10000],
      ]),
    ]);
    expect(input.projects.map((p) => [p.name, p.cell, p.location.table, p.initialBudget])).toEqual([
      ['甲', '一般项目!B3', 0, 100],
      ['乙', '专项!A2', 1, 10],
      ['丙', '专项!A7', 2, 2],
    ]);
    expect(input.projectTables.map((t) => [t.sheet, t.headerTop])).toEqual([
      ['一般项目', 1],
      ['专项', 0],
      ['专项', 5],
    ]);
  });

  it('never reads the tool’s own sheets', () => {
    const report = projectSheet('自评报告', [['报告里的项目', 1, 0, 1, 1]]);
    const mine = projectSheet('项目支出', [['甲', 100, 0, 100, 90]]);
    expect(parse([report, mine], 'zh', ['自评报告']).input.projects.map((p) => p.name)).toEqual(['甲']);
    expect(codes(parse([report], 'zh', ['自评报告']).findings)).toContain('no-project-table');
  });
});

describe('cell values', () => {
  const table = (rows: Row[]) => sheet('项目支出', [PROJECT_HEADER, ...rows]);

  it('reads numbers as clerks type them; blanks and dashes are 0', () => {
    const { input, findings } = parse([
      table([
        [1, '甲', '1,234.56', '-', '1,234.56', '１２３．４５'],
        [2, '乙', 100, '(20.00)', 80, '—'],
        [3, '丙', 100, null, 100, ''],
      ]),
    ]);
    expect(codes(findings).filter((c) => c !== 'defaults-used')).toEqual([]);
    expect(input.projects.map((p) => [p.initialBudget, p.adjustment, p.adjustedBudget, p.actual])).toEqual([
      [1234.56, 0, 1234.56, 123.45],
      [100, -20, 80, 0],
      [100, 0, 100, 0],
    ]);
  });

  it('reads a merged value from its top-left cell', () => {
    const { input } = parse([sheet('P', [['序号', '项目名称', null, '年初预算数', '实际支出数'], [1, '甲', null, 100, 90]], ['B1:C1', 'B2:C2'])]);
    expect(input.projects.map((p) => [p.name, p.cell, p.initialBudget, p.actual])).toEqual([['甲', 'P!B2', 100, 90]]);
  });

  it('reports every bad cell at once, at its cell', () => {
    const { input, findings } = parse([
      table([
        [1, '甲', 'abc', 0, 100, 90],
        [2, '乙', 100, 0, 100, err('#DIV/0!')],
        [3, '丙', 100, 0, 100, err('#REF!')],
        [4, '丁', -5, 0, -5, 0],
        [5, '戊', 100, -50, 50, '(10)'],
        [6, '己', 100, 0, 100, '90%'],
        [7, '庚', 100, 0, 100, 90],
      ]),
    ]);
    expect(findings.filter((f) => f.severity === 'error').map((f) => [f.code, f.cell])).toEqual([
      ['not-a-number', '项目支出!C2'],
      ['error-value', '项目支出!F3'],
      ['error-value', '项目支出!F4'],
      ['negative-amount', '项目支出!C5'],
      ['negative-amount', '项目支出!E5'],
      ['negative-amount', '项目支出!F6'],
      ['not-a-number', '项目支出!F7'],
    ]);
    expect(only(findings, 'error-value')[0].message).toContain('#DIV/0!');
    // A row with a bad cell is left out; a negative adjustment is fine.
    expect(input.projects.map((p) => p.name)).toEqual(['庚']);
  });

  it('reads targets and given rates as fractions, or percents when the header or the text says so', () => {
    const { input, findings } = parse([
      sheet('P', [
        ['项目名称', '调整后预算数', '实际支出数', '执行率目标', '执行率', '执行率目标(%)', '执行率（%）'],
        ['甲', 100, 90, 0.9, 0.9, null, null],
        ['乙', 100, 90, '90%', '90%', null, null],
        ['丙', 100, 90, null, null, 90, 90],
      ]),
    ]);
    expect(codes(findings).filter((c) => c !== 'defaults-used')).toEqual([]);
    expect(input.projects.map((p) => [p.target, p.givenRate])).toEqual([
      [0.9, 0.9],
      [0.9, 0.9],
      [null, null],
    ]);
    const percentColumns = parse([
      sheet('P', [
        ['项目名称', '调整后预算数', '实际支出数', '执行率目标(%)', '执行率（%）'],
        ['丙', 100, 90, 90, 90],
        ['丁', 100, 90, '85%', 0.5],
      ]),
    ]).input.projects;
    expect(percentColumns.map((p) => [p.target, p.givenRate, p.givenRateCell])).toEqual([
      [0.9, 0.9, 'P!E2'],
      [0.85, 0.005, 'P!E3'],
    ]);
  });

  it('reports text in a target cell', () => {
    const { findings } = parse([sheet('P', [['项目名称', '调整后预算数', '实际支出数', '执行率目标'], ['甲', 100, 90, '高']])]);
    expect(only(findings, 'not-a-number').map((f) => f.cell)).toEqual(['P!D2']);
  });
});

describe('units', () => {
  const info = (unit: string) => sheet('部门信息', [['金额单位', unit]]);
  const projects = (above: Row[], header: Row = ['项目名称', '年初预算数', '实际支出数']) => sheet('项目支出', [...above, header, ['甲', 20000, 10000]]);
  const amounts = (sheets: SheetSnapshot[]) => {
    const p = parse(sheets).input.projects[0];
    return [p.initialBudget, p.actual];
  };

  it('takes the header’s unit first', () => {
    expect(amounts([info('万元'), projects([['单位：万元']], ['项目名称', '年初预算数（元）', '实际支出数(yuan)'])])).toEqual([2, 1]);
    expect(amounts([info('元'), projects([['单位：元']], ['项目名称', '年初预算数（万元）', '实际支出数'])])).toEqual([20000, 1]);
  });

  it('then a unit line above the table', () => {
    expect(amounts([info('万元'), projects([['单位：元']])])).toEqual([2, 1]);
    expect(amounts([info('元'), projects([['金额单位：万元']])])).toEqual([20000, 10000]);
    expect(amounts([projects([['Unit: yuan']])])).toEqual([2, 1]);
    expect(amounts([projects([[null, null, '单位：元']])])).toEqual([2, 1]);
  });

  it('then the information block, else 万元', () => {
    expect(amounts([info('元'), projects([['单位：某某局']])])).toEqual([2, 1]);
    expect(amounts([projects([['单位：某某局']])])).toEqual([20000, 10000]);
    expect(amounts([sheet('Info', [['Unit', 'yuan']]), projects([])])).toEqual([2, 1]);
  });

  it('takes another table’s unit line for that table only', () => {
    const totals = (line: string) => sheet('部门支出', [[line], ['支出类别', '年初预算数', '实际支出数'], ['项目支出', 20000, 10000]]);
    for (const line of ['金额单位：元', 'Unit: yuan', '单位：元']) {
      const { input, findings } = parse([totals(line), projects([])]);
      expect(input.categories[0]).toMatchObject({ initialBudget: 2, actual: 1 });
      expect(input.projects[0]).toMatchObject({ initialBudget: 20000, actual: 10000 });
      expect(only(findings, 'defaults-used').map((f) => f.cell)).toEqual(['项目支出!A1']);
    }
  });

  it('says when it assumed 万元', () => {
    const assumed = only(parse([projects([])]).findings, 'defaults-used');
    expect(assumed).toEqual([expect.objectContaining({ severity: 'info', cell: '项目支出!A1' })]);
    expect(only(parse([projects([['单位：万元']])]).findings, 'defaults-used')).toEqual([]);
    expect(only(parse([info('万元'), projects([])]).findings, 'defaults-used')).toEqual([]);
  });

  it('reports amounts in 万元 unrounded, 元 ÷ 10000', () => {
    expect(amounts([projects([['单位：元']], ['项目名称', '年初预算数', '实际支出数'])])).toEqual([2, 1]);
    const p = parse([sheet('P', [['单位：元'], ['项目名称', '年初预算数', '实际支出数'], ['甲', 216850, 191500], ['乙', 1, 21]])]).input.projects;
    expect(p.map((x) => [x.initialBudget, x.actual])).toEqual([
      [21.685, 19.15],
      [0.0001, 0.0021],
    ]);
  });
});

describe('the department totals table', () => {
  const projects = projectSheet('项目支出', [['甲', 100, 10, 110, 100], ['乙', 50, 0, 50, 40]]);

  it.each(['支出类别', '类别', '资金类别', 'Category', 'Expenditure type'])('is recognised by its first header %s', (first) => {
    const { input } = parse([
      sheet('部门支出', [['单位：万元'], [first, '年初预算数', '预算调整数', '调整后预算数', '实际支出数'], ['基本支出', 500, 5, 505, 500], ['项目支出', 150, 10, 160, 140], ['合计', 650, 15, 665, 640]]),
      projects,
    ]);
    expect(input.categories.map((c) => [c.name, c.cell, c.adjustedBudget])).toEqual([
      ['基本支出', '部门支出!A3', 505],
      ['项目支出', '部门支出!A4', 160],
    ]);
    expect(input.categoryTotal).toMatchObject({ name: '合计', cell: '部门支出!A5', initialBudget: 650, adjustment: 15, adjustedBudget: 665, actual: 640 });
    expect(input.projects.map((p) => p.name)).toEqual(['甲', '乙']);
  });

  it('checks its total row against its rows', () => {
    const { findings } = parse([
      sheet('部门支出', [['支出类别', '年初预算数', '实际支出数'], ['基本支出', 500, 500], ['项目支出', 150, 140], ['合计', 650, 641]]),
      projects,
    ]);
    expect(only(findings, 'total-mismatch').map((f) => f.cell)).toEqual(['部门支出!C4']);
  });

  it('has no total when it has no total row', () => {
    const { input } = parse([sheet('部门支出', [['支出类别', '年初预算数', '实际支出数'], ['基本支出', 500, 500], ['项目支出', 150, 140]]), projects]);
    expect(input.categoryTotal).toBeNull();
    expect(input.categories).toHaveLength(2);
  });
});

describe('the information block', () => {
  const projects = projectSheet('项目支出', [['甲', 100, 0, 100, 100]], '');

  it('reads every label, in Chinese', () => {
    const { input } = parse([
      sheet(
        '部门信息',
        [
          ['基础信息'],
          ['部门名称', '广州市荔湾区应急管理局'],
          ['年度', 2021],
          ['金额单位', '元'],
          ['执行率目标', 0.9],
          ['说明阈值', '85%'],
          ['部门职责', '统筹协调应急处置。'],
          ['年度工作', '压实安全生产责任。'],
          ['绩效管理情况', '设定了绩效目标。'],
          ['下属单位', '本级'],
        ],
        ['A1:B1'],
      ),
      projects,
    ]);
    expect(input.info).toEqual({
      name: '广州市荔湾区应急管理局',
      year: 2021,
      target: 0.9,
      explainBelow: 0.85,
      responsibilities: '统筹协调应急处置。',
      annualWork: '压实安全生产责任。',
      performanceManagement: '设定了绩效目标。',
      unitsIncluded: '本级',
      // Where the thresholds were read: the 依据 of the sentences that cite them.
      cells: { target: '部门信息!B5', explainBelow: '部门信息!B6' },
    });
    expect(input.projects[0].initialBudget).toBe(0.01);
  });

  it('reads every label, in English, and label：value in one cell', () => {
    const { input } = parse([
      sheet('Info', [['Department', 'Bureau of Emergency Management'], ['Fiscal year', '2022'], ['Target', '95%'], ['Explain below:', 0.8], ['Unit：yuan']]),
      projects,
    ]);
    expect(input.info).toMatchObject({ name: 'Bureau of Emergency Management', year: 2022, target: 0.95, explainBelow: 0.8 });
    expect(input.projects[0].initialBudget).toBe(0.01);
  });

  it('takes 编制单位 and 填报单位 for the department, and the year from a title', () => {
    expect(parse([sheet('信息', [['2021年度部门整体支出绩效自评表'], ['编制单位', '某某局']]), projects]).input.info).toMatchObject({ name: '某某局', year: 2021 });
    expect(parse([sheet('信息', [['填报单位：某某中心']]), projects]).input.info).toMatchObject({ name: '某某中心', year: null });
    expect(parse([sheet('信息', [['2021年度部门整体支出绩效自评表'], ['年度', '2022年']]), projects]).input.info.year).toBe(2022);
  });

  it('leaves what the workbook does not say as null', () => {
    const { input } = parse([projects]);
    expect(input.info).toEqual({
      name: null,
      year: null,
      target: null,
      explainBelow: null,
      responsibilities: null,
      annualWork: null,
      performanceManagement: null,
      unitsIncluded: null,
    });
  });

  it('does not take a table header (执行率目标) for a label', () => {
    const { input } = parse([sheet('P', [['项目名称', '调整后预算数', '实际支出数', '执行率目标'], ['甲', 100, 90, 0.8]])]);
    expect(input.info.target).toBeNull();
    expect(input.projects[0].target).toBe(0.8);
  });
});
