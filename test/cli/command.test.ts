// budget-eval end to end on workbooks the tests write: outputs, regeneration, user data, misuse, bad input.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { FIXED_RULE } from '../../src/core/compose/highlight';
import { PROJECT_HEADER, conditionalFormats, readBack, runCli, sheetTexts, tempDir, writeWorkbook } from './workbooks';

const PROJECTS = [
  PROJECT_HEADER,
  ['甲项目', 100, 0, 100, 100],
  ['乙项目', 200, 20, 220, 150],
  ['丙项目', 50, -5, 45, 44],
];

async function simpleWorkbook(dir: string, name = 'dept.xlsx', extra: Record<string, (string | number | null)[][]> = {}): Promise<string> {
  const file = path.join(dir, name);
  await writeWorkbook(file, { 项目支出: [['单位：万元'], ...PROJECTS], ...extra });
  return file;
}

describe('budget-eval on a workbook', () => {
  it('never writes the input, and keeps every value of the clerk’s sheets', async () => {
    const dir = tempDir();
    const input = await simpleWorkbook(dir);
    const before = readFileSync(input);
    const mtime = statSync(input).mtimeMs;
    const run = await runCli([input], dir);
    expect(run.code).toBe(0);
    expect(readFileSync(input).equals(before)).toBe(true);
    expect(statSync(input).mtimeMs).toBe(mtime);
    const wb = await readBack(path.join(dir, 'dept.evaluation.xlsx'));
    const ws = wb.getWorksheet('项目支出')!;
    const values: unknown[] = [];
    ws.eachRow((row) => values.push((row.values as unknown[]).slice(1)));
    expect(values).toEqual([['单位：万元'], ...PROJECTS]);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['项目支出', '绩效自评报告']);
  });

  it('regenerating replaces its own report sheet and adds no second highlight rule', async () => {
    const dir = tempDir();
    const input = await simpleWorkbook(dir);
    expect((await runCli([input, '-o', 'first.xlsx'], dir)).code).toBe(0);
    expect((await runCli(['first.xlsx', '-o', 'second.xlsx'], dir)).code).toBe(0);
    const wb = await readBack(path.join(dir, 'second.xlsx'));
    expect(wb.worksheets.map((s) => s.name)).toEqual(['项目支出', '绩效自评报告']);
    const rules = conditionalFormats(wb.getWorksheet('项目支出')!).flatMap((cf) => cf.rules);
    expect(rules).toHaveLength(1);
    // The report sheet is marked so that the next run (or the add-in) recognises it.
    expect(wb.definedNames.model.filter((n) => n.name.startsWith('BudgetEval_Report'))).toEqual([
      { name: 'BudgetEval_Report_1', ranges: ["'绩效自评报告'!$A$1"] },
    ]);
  });

  it('marks under-target rows whose cells are text with a fixed rule, never a fill, and a regenerate replaces it', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'text.xlsx');
    await writeWorkbook(file, { 项目支出: [PROJECT_HEADER, ['甲项目', 100, 0, 100, 100], ['乙项目', '1,000.00', 0, '1,000.00', '500.00']] });
    expect((await runCli([file, '-o', 'one.xlsx'], dir)).code).toBe(0);
    expect((await runCli(['one.xlsx', '-o', 'two.xlsx'], dir)).code).toBe(0);
    for (const out of ['one.xlsx', 'two.xlsx']) {
      const ws = (await readBack(path.join(dir, out))).getWorksheet('项目支出')!;
      // Row 2 is plain numbers: the rule that recomputes it (on target); row 3 is text, under target: the fixed rule.
      expect(conditionalFormats(ws).map((cf) => [cf.ref, cf.rules.map((r) => r.formulae)])).toEqual([
        ['A2:E2', [[expect.stringContaining('ROUND(')]]],
        ['A3:E3', [[FIXED_RULE]]],
      ]);
      expect((ws.getCell('C3').fill as ExcelJS.FillPattern | undefined)?.pattern).not.toBe('solid');
    }
  });

  it('takes away the fill (and its name) an earlier version put on such a row, and only that, where every cell shares one style', async () => {
    const dir = tempDir();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('项目支出');
    ws.addRows([PROJECT_HEADER, ...Array.from({ length: 20 }, (_, i) => [`项目${i + 1}`, '100.00', 0, '100.00', i === 7 ? '10.00' : '100.00'])]);
    ws.eachRow((row) => row.eachCell((cell) => (cell.font = { name: '宋体', size: 11 })));
    // As versions before 2026-11-30 wrote it: the row filled, the range named.
    for (const c of ['A', 'B', 'C', 'D', 'E']) ws.getCell(`${c}9`).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFE08A' } };
    wb.definedNames.add("'项目支出'!$A$9:$E$9", 'BudgetEval_Fill_1');
    await wb.xlsx.writeFile(path.join(dir, 'shared.xlsx'));
    expect((await runCli(['shared.xlsx'], dir)).code).toBe(0);
    const back = await readBack(path.join(dir, 'shared.evaluation.xlsx'));
    const out = back.getWorksheet('项目支出')!;
    const solid: string[] = [];
    out.eachRow((row) => row.eachCell((cell) => ((cell.fill as ExcelJS.FillPattern | undefined)?.pattern === 'solid' ? solid.push(cell.address) : null)));
    expect(solid).toEqual([]);
    expect(back.definedNames.model.filter((n) => n.name.startsWith('BudgetEval_Fill'))).toEqual([]);
    expect(out.getCell('C9').font?.name).toBe('宋体');
    expect(conditionalFormats(out).find((cf) => cf.ref === 'A9:E9')?.rules[0].formulae).toEqual([FIXED_RULE]);
  });

  it('keeps a clerk’s own sheet named 绩效自评报告 and writes 绩效自评报告 (2) beside it', async () => {
    const dir = tempDir();
    const input = await simpleWorkbook(dir, 'own.xlsx', { 绩效自评报告: [['我自己写的报告，不要覆盖']] });
    expect((await runCli([input], dir)).code).toBe(0);
    const wb = await readBack(path.join(dir, 'own.evaluation.xlsx'));
    expect(wb.worksheets.map((s) => s.name)).toEqual(['项目支出', '绩效自评报告', '绩效自评报告 (2)']);
    expect(wb.getWorksheet('绩效自评报告')!.getCell('A1').value).toBe('我自己写的报告，不要覆盖');
    // Run again on the output: the tool's (2) is replaced, the clerk's sheet still stands.
    expect((await runCli(['own.evaluation.xlsx', '-o', 'again.xlsx'], dir)).code).toBe(0);
    const again = await readBack(path.join(dir, 'again.xlsx'));
    expect(again.worksheets.map((s) => s.name)).toEqual(['项目支出', '绩效自评报告', '绩效自评报告 (2)']);
    expect(again.getWorksheet('绩效自评报告')!.getCell('A1').value).toBe('我自己写的报告，不要覆盖');
  });

  it('writes project names that look like formulas as text', async () => {
    const dir = tempDir();
    const names = ['=HYPERLINK("http://x","y")', '+1-2', '-3 专项', '@SUM(A1)'];
    const file = path.join(dir, 'formula.xlsx');
    await writeWorkbook(file, { 项目支出: [PROJECT_HEADER, ...names.map((n) => [n, 10, 0, 10, 5])] });
    const run = await runCli([file], dir);
    expect(run.code).toBe(0);
    const ws = (await readBack(path.join(dir, 'formula.evaluation.xlsx'))).getWorksheet('绩效自评报告')!;
    const cells: ExcelJS.Cell[] = [];
    ws.eachRow((row) => row.eachCell((cell) => cells.push(cell)));
    for (const name of names) {
      const cell = cells.find((c) => c.value === name);
      expect(cell?.type).toBe(ExcelJS.ValueType.String);
    }
    // The report's own formulas (amounts, rates, status) are there; none carries a project name.
    const formulas = cells.filter((c) => c.type === ExcelJS.ValueType.Formula).map((c) => c.formula);
    expect(formulas.length).toBeGreaterThan(0);
    for (const name of names) expect(formulas.some((f) => f.includes(name.slice(1)))).toBe(false);
  });

  it('writes the English report with --lang en and fixed decimals with --style fixed', async () => {
    const dir = tempDir();
    const input = await simpleWorkbook(dir);
    expect((await runCli([input, '--lang', 'en', '--style', 'fixed', '-o', 'en.xlsx'], dir)).code).toBe(0);
    const wb = await readBack(path.join(dir, 'en.xlsx'));
    const texts = sheetTexts(wb.getWorksheet('Evaluation report')!).join('\n');
    expect(texts).toContain('1. Basic information');
    expect(texts).toContain('Main problems');
    expect(texts).toContain('甲项目: budget 100.00 (10k yuan), spent 100.00 (10k yuan), execution rate 100.00%');
    expect(texts).toContain('乙项目: 68.18%, below its 95.00% target.');
  });

  it('takes --target, --explain-below and --basis', async () => {
    const dir = tempDir();
    const input = await simpleWorkbook(dir);
    const json = async (...flags: string[]) => JSON.parse((await runCli([input, '--json', ...flags], dir)).out);
    const base = await json();
    expect(base.projects.map((p: { underTarget: boolean }) => p.underTarget)).toEqual([false, true, false]);
    const strict = await json('--target', '99%');
    expect(strict.projects.map((p: { underTarget: boolean }) => p.underTarget)).toEqual([false, true, true]);
    expect(strict.department.target).toBe(0.99);
    const initial = await json('--basis', 'initial');
    expect(initial.projects[1].executionRate).toBeCloseTo(150 / 200, 12);
    expect(initial.department.basis).toBe('initial');
    const explain = await json('--explain-below', '60');
    expect(explain.findings.some((f: { code: string }) => f.code === 'needs-explanation')).toBe(false);
    expect(existsSync(path.join(dir, 'dept.evaluation.xlsx'))).toBe(false); // --json without -o writes nothing
  });

  it('reports what the output cannot carry (charts, pivot tables)', async () => {
    const dir = tempDir();
    const input = await simpleWorkbook(dir);
    const zip = await JSZip.loadAsync(readFileSync(input));
    zip.file('xl/charts/chart1.xml', '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"/>');
    writeFileSync(path.join(dir, 'chart.xlsx'), await zip.generateAsync({ type: 'nodebuffer' }));
    const ev = JSON.parse((await runCli(['chart.xlsx', '--json'], dir)).out);
    expect(ev.findings).toContainEqual(expect.objectContaining({ code: 'content-not-kept', severity: 'warning' }));
    expect(ev.findings.find((f: { code: string }) => f.code === 'content-not-kept').message).toContain('1 图表');
  });
});

describe('budget-eval refuses what it cannot evaluate (exit 2, nothing written)', () => {
  it('lists every bad cell at once, each starting with its cell', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'bad.xlsx');
    await writeWorkbook(file, {
      项目支出: [PROJECT_HEADER, ['甲项目', 100, 0, 100, '一百'], ['乙项目', 200, 0, 200, { error: '#DIV/0!' }], ['丙项目', -5, 0, -5, 1]],
    });
    const run = await runCli([file], dir);
    expect(run.code).toBe(2);
    const lines = run.err.split('\n');
    expect(lines).toEqual([
      expect.stringMatching(/^项目支出!E2: .*应为数字.*一百/),
      expect.stringMatching(/^项目支出!E3: .*#DIV\/0!/),
      expect.stringMatching(/^项目支出!B4: .*不应为负数/),
      expect.stringMatching(/^项目支出!D4: .*不应为负数/),
    ]);
    expect(existsSync(path.join(dir, 'bad.evaluation.xlsx'))).toBe(false);
  });

  it('prints the error findings as JSON with --json', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'empty.xlsx');
    await writeWorkbook(file, { Sheet1: [['hello']] });
    const run = await runCli(['empty.xlsx', '--json'], dir);
    expect(run.code).toBe(2);
    const ev = JSON.parse(run.out);
    expect(ev.findings).toEqual([expect.objectContaining({ code: 'no-project-table', severity: 'error', cell: null })]);
    expect(run.err).toMatch(/^empty\.xlsx: 未找到项目支出表/);
  });

  it.each([
    [['--bogus'], /budget-eval: .*bogus/],
    [['--target', 'lots'], /--target: expected a percent/],
    [['--basis', 'monthly'], /--basis: expected adjusted \| initial \| adjusted-plus-carryover/],
    [['--lang', 'fr'], /--lang: expected zh \| en/],
    [['a.xlsx', 'b.xlsx'], /one input file at a time/],
    [['missing.xlsx'], /^missing\.xlsx: 文件不存在/],
    [['old.xls'], /^old\.xls: 不支持 \.xls 文件，请.*另存为” \.xlsx/],
    [['data.csv'], /^data\.csv: 不支持 \.csv/],
    [['book.et'], /^book\.et: 不支持 \.et/],
    // The same list as the page's (sniff.ts), checked before the file is read.
    [['budget.numbers'], /^budget\.numbers: 不支持 \.numbers/],
    [['report.wps'], /^report\.wps: 不支持 \.wps/],
  ])('%j → exit 2', async (argv, message) => {
    const run = await runCli(argv as string[], tempDir());
    expect(run.code).toBe(2);
    expect(run.err).toMatch(message as RegExp);
  });

  it('refuses to write over its input', async () => {
    const dir = tempDir();
    const input = await simpleWorkbook(dir);
    const before = readFileSync(input);
    const run = await runCli([input, '-o', 'dept.xlsx'], dir);
    expect(run.code).toBe(2);
    expect(run.err).toContain('输出文件不能是输入文件本身');
    expect(readFileSync(input).equals(before)).toBe(true);
  });

  it('tells an encrypted workbook (an OLE container) from a broken one', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'locked.xlsx'), Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]));
    writeFileSync(path.join(dir, 'junk.xlsx'), 'not a workbook');
    const locked = await runCli(['locked.xlsx'], dir);
    expect(locked.code).toBe(2);
    expect(locked.err).toMatch(/^locked\.xlsx: 文件已加密/);
    const junk = await runCli(['junk.xlsx', '--lang', 'en'], dir);
    expect(junk.code).toBe(2);
    expect(junk.err).toMatch(/^junk\.xlsx: not a valid \.xlsx file/);
  });

  it('--help says it all', async () => {
    const run = await runCli(['--help'], tempDir());
    expect(run.code).toBe(0);
    for (const flag of ['--output', '--json', '--lang', '--target', '--explain-below', '--basis', '--style', 'Exit status']) expect(run.out).toContain(flag);
  });
});

describe('budget-eval summary on a large table', () => {
  it('names the first ten under-target projects and counts the rest', async () => {
    const dir = tempDir();
    const rows = Array.from({ length: 40 }, (_, i) => [`项目${i + 1}`, 100, 0, 100, 50]);
    await writeWorkbook(path.join(dir, 'big.xlsx'), { 项目支出: [PROJECT_HEADER, ...rows] });
    const run = await runCli(['big.xlsx'], dir);
    expect(run.code).toBe(0);
    expect(run.out).toContain('项目 40 个，低于目标 40 个：项目1 50.00%');
    expect(run.out).toContain('项目10 50.00% 等（另有 30 个）');
    expect(run.out).not.toContain('项目11 50.00%');
    expect(run.out).toContain('……另有 23 条，见报告附表2');
  });
});
