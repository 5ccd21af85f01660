// budget-eval --check: does an evaluated workbook's report still match its data? 0 current, 3 stale, 2 never
// evaluated. Edits are made with ExcelJS, as a clerk's Excel or WPS would save them.
import ExcelJS from 'exceljs';
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { samplePath } from '../../src/cli/main';
import { readBack, runCli, tempDir } from './workbooks';

async function evaluatedSample(dir: string): Promise<string> {
  const input = path.join(dir, 'budget.xlsx');
  copyFileSync(samplePath(), input);
  const run = await runCli([input, '-o', 'evaluated.xlsx'], dir);
  expect(run.code).toBe(0);
  return path.join(dir, 'evaluated.xlsx');
}

async function edit(file: string, change: (wb: ExcelJS.Workbook) => void): Promise<void> {
  const wb = await readBack(file);
  change(wb);
  await wb.xlsx.writeFile(file);
}

/** The cell of a project's actual expenditure in the sample's 项目支出 (column F). */
function actualCell(wb: ExcelJS.Workbook, project: string): ExcelJS.Cell {
  const ws = wb.getWorksheet('项目支出') as ExcelJS.Worksheet;
  const row = ws.getColumn(2).values.findIndex((v) => v === project);
  return ws.getCell(`F${row}`);
}

describe('budget-eval --check', () => {
  it('a freshly evaluated workbook is current: exit 0, one line per report', async () => {
    const dir = tempDir();
    const file = await evaluatedSample(dir);
    const run = await runCli([file, '--check'], dir);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/绩效自评报告: 与数据一致 \([0-9a-f]{12}\)$/);
  });

  it('a changed source number makes it stale: exit 3; changed back, current again', async () => {
    const dir = tempDir();
    const file = await evaluatedSample(dir);
    await edit(file, (wb) => {
      actualCell(wb, '三防抢险工作经费').value = 2240600.01;
    });
    const stale = await runCli([file, '--check'], dir);
    expect(stale.code).toBe(3);
    expect(stale.out).toContain('数据已修改，请重新生成');
    await edit(file, (wb) => {
      actualCell(wb, '三防抢险工作经费').value = 2240600;
    });
    expect((await runCli([file, '--check'], dir)).code).toBe(0);
  });

  it('formatting, widths and a note outside the tables do not make it stale', async () => {
    const dir = tempDir();
    const file = await evaluatedSample(dir);
    await edit(file, (wb) => {
      const cell = actualCell(wb, '三防抢险工作经费');
      cell.style = { ...cell.style, font: { bold: true, color: { argb: 'FFFF0000' } }, numFmt: '#,##0.0' };
      const ws = wb.getWorksheet('项目支出') as ExcelJS.Worksheet;
      ws.getColumn(2).width = 50;
      ws.getCell('P30').value = '已核对';
    });
    expect((await runCli([file, '--check'], dir)).code).toBe(0);
  });

  it('a workbook the tool never evaluated: exit 2 and a message', async () => {
    const dir = tempDir();
    const run = await runCli([samplePath(), '--check'], dir);
    expect(run.code).toBe(2);
    expect(run.err).toContain('未找到本工具生成且带数据指纹的报告');
  });

  it('data that no longer parses: stale, and says why', async () => {
    const dir = tempDir();
    const file = await evaluatedSample(dir);
    await edit(file, (wb) => {
      actualCell(wb, '三防抢险工作经费').value = '两百万';
    });
    const run = await runCli([file, '--check', '--lang', 'en'], dir);
    expect(run.code).toBe(3);
    expect(run.out).toContain('data changed since the report was made');
    expect(run.out).toContain('cannot be evaluated');
  });

  it('--json prints the check; -o with --check is refused; nothing is written', async () => {
    const dir = tempDir();
    const file = await evaluatedSample(dir);
    const json = await runCli([file, '--check', '--json'], dir);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.out)).toMatchObject({ status: 'current', reports: [{ sheet: '绩效自评报告', status: 'current' }] });
    const refused = await runCli([file, '--check', '-o', 'x.xlsx'], dir);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('--check');
  });
});
