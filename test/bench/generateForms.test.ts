// The bench's workbook of forms (bench/generate.ts, issue 9) is what the bench says it is: every form read as a
// project, both layouts, 元 forms divided, every indicator read.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { generateFormsWorkbook } from '../../bench/generate';
import { runPipeline } from '../../src/core/pipeline';
import { loadWorkbook } from '../../src/gateways/xlsx/readWorkbook';
import { tempDir } from '../cli/workbooks';

describe('bench: the workbook of forms', () => {
  it('reads as one project a form, with the indicators written, the department from the forms', async () => {
    const file = path.join(tempDir(), 'forms.xlsx');
    const generated = await generateFormsWorkbook(file, 6);
    const { snapshot } = await loadWorkbook(new Uint8Array(readFileSync(file)), 'zh');
    const result = runPipeline(snapshot, { lang: 'zh', basis: 'adjusted', style: 'trim', reportDate: new Date(Date.UTC(2024, 2, 1)) });
    if (!result.ok) throw new Error(result.findings.map((f) => `${f.cell}: ${f.message}`).join('\n'));
    const projects = result.evaluation.projects;
    expect(projects.map((p) => p.source)).toEqual(snapshot.sheets.map((s) => ({ kind: 'form', sheet: s.name })));
    expect(projects.reduce((n, p) => n + (p.indicators?.length ?? 0), 0)).toBe(generated.indicators);
    expect(projects.filter((p) => p.underTarget)).toHaveLength(generated.underTarget);
    expect(result.evaluation.department).toMatchObject({ name: '示例县农业农村局（基准测试）', year: 2023 });
    // Every third form is in 元, read in 万元: no project of 20–500 万元 comes out 10,000 times larger.
    for (const p of projects) expect(p.initialBudget).toBeLessThanOrEqual(500);
    // No total-row or reading fault in the generated forms.
    expect(result.findings.filter((f) => f.severity !== 'info' && f.code !== 'needs-explanation')).toEqual([]);
  });
});
