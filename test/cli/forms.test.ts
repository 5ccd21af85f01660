// budget-eval on a workbook of 项目支出绩效自评表 forms only (issue 9): before, "未找到项目支出表"; now a report.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { nationalForm, sichuanForm, splitForm } from '../core/forms/formSheets';
import { formWorkbookBytes } from '../gateways/xlsx/formWorkbook';
import { readBack, runCli, sheetTexts, tempDir } from './workbooks';

describe('budget-eval on forms', () => {
  it('evaluates a workbook of forms only: exit 0, a report naming the department, year and projects', async () => {
    const dir = tempDir();
    const input = path.join(dir, 'forms.xlsx');
    writeFileSync(input, await formWorkbookBytes([nationalForm('国家表', { department: '某某局', year: 2023 }), splitForm(), sichuanForm()]));
    const run = await runCli([input], dir);
    expect(run.err).not.toContain('未找到项目支出表');
    expect(run.code).toBe(0);
    const wb = await readBack(path.join(dir, 'forms.evaluation.xlsx'));
    expect(wb.worksheets.map((s) => s.name)).toEqual(['国家表', '云南表', '四川表', '绩效自评报告']);
    const text = sheetTexts(wb.getWorksheet('绩效自评报告')!).join('\n');
    expect(text).toContain('青神县义务教育保障项目');
    expect(text).toContain('工资性支出');
    // The forms disagree: one 某某局 each, the first seen is taken; 2023 twice against 2021 once.
    expect(text).toContain('某某局2023年部门整体支出绩效自评报告');
  });

  it('--json lists the forms’ projects with their amounts in 万元 (元 forms divided)', async () => {
    const dir = tempDir();
    const input = path.join(dir, 'forms.xlsx');
    writeFileSync(input, await formWorkbookBytes([splitForm(), sichuanForm()]));
    const run = await runCli([input, '--json'], dir);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.out) as { projects: { name: string; adjustedBudget: number; actual: number }[]; findings: { code: string; cell: string }[] };
    expect(json.projects.map((p) => [p.name, p.adjustedBudget, p.actual])).toEqual([
      ['51000021R000000019951-工资性支出', 120, 114],
      ['青神县义务教育保障项目', 60, 45],
    ]);
    expect(json.findings.filter((f) => f.code === 'form-total-mismatch').map((f) => f.cell)).toEqual(['云南表!B5', '云南表!C5', '云南表!D5']);
  });
});
