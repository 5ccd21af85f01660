// The report's narrative: what it says from the figures, what it leaves to the clerk, and how it scales.
import fc from 'fast-check';
import { composeNarrative, largestBy } from '../../src/core/compose/narrative';
import type { Evaluation, ProjectResult } from '../../src/core/model';
import { runPipeline } from '../../src/core/pipeline';
import { splitForm } from './forms/formSheets';
import { options, projectSheet, sheet, workbook } from './snapshot';

function evaluation(projects: [string, number, number, number, number][], extra = workbook([]).sheets, over = {}): Evaluation {
  const result = runPipeline(workbook([projectSheet('项目支出', projects), ...extra]), options({ style: 'trim', ...over }));
  if (!result.ok) throw new Error(result.findings.map((f) => f.message).join('\n'));
  return result.evaluation;
}

const texts = (ev: Evaluation) => composeNarrative(ev).map((b) => b.text);

describe('composeNarrative', () => {
  it('joins the problems of 三 into one sentence: no 。； between them, one full stop at the end', () => {
    // The split form's total row is 0 under its rows: three form-total-mismatch warnings, one a column.
    const result = runPipeline(workbook([splitForm()]), options({ style: 'trim' }));
    if (!result.ok) throw new Error(result.findings.map((f) => f.message).join('\n'));
    const line = texts(result.evaluation).find((t) => t.startsWith('此外，数据核对发现'))!;
    expect(line).toContain('云南表!B5：');
    expect(line).not.toMatch(/。；|。等|。。/);
    expect(line.endsWith('。')).toBe(true);
    expect(line.match(/。/g)).toHaveLength(1);
    const en = runPipeline(workbook([splitForm()]), options({ style: 'trim', lang: 'en' }));
    if (!en.ok) throw new Error('en');
    const enLine = texts(en.evaluation).find((t) => t.startsWith('The data check also found'))!;
    expect(enLine).not.toMatch(/\.;|\.\./);
    expect(enLine.endsWith('.')).toBe(true);
  });

  it('leaves what only the clerk knows as visible prompts, never invented text', () => {
    const all = texts(evaluation([['甲项目', 100, 0, 100, 100]])).join('\n');
    expect(all).toContain('【请填写部门名称】');
    expect(all).toContain('【请填写部门主要职责】');
    expect(all).toContain('【请填写年度总体工作和重点工作任务】');
    expect(all).toContain('【请填写部门整体绩效管理情况】');
    expect(all).toContain('【请填写年度】');
  });

  it('uses the information block when it is there', () => {
    const info = sheet('部门信息', [
      ['部门名称', '某某局'],
      ['年度', 2022],
      ['部门职责', '负责某某工作。'],
    ]);
    const all = texts(evaluation([['甲项目', 100, 0, 100, 100]], [info]));
    expect(all[0]).toBe('某某局2022年部门整体支出绩效自评报告');
    expect(all).toContain('某某局的主要职责是：负责某某工作。');
    expect(all.at(-2)).toBe('某某局'); // 落款: the department, then the date
    expect(all.at(-1)).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日$/);
  });

  it('reads differently in 三 and 四 when every project is on target', () => {
    const all = texts(evaluation([['甲项目', 100, 0, 100, 100], ['乙项目', 50, 0, 50, 49]]));
    const problems = all[all.indexOf('三、存在的主要问题') + 1];
    expect(problems).toBe('本部门年度承担 2 个项目，各项目预算执行率均达到目标，未发现执行进度方面的突出问题。');
    const measures = all.slice(all.indexOf('四、下一步改进措施') + 1).join('\n');
    expect(measures).toContain('继续保持预算执行进度');
    expect(measures).not.toContain('未达标');
  });

  it('names an under-target project with its rate, target and reason prompt only below explain-below', () => {
    const all = texts(evaluation([['甲项目', 100, 0, 100, 93], ['乙项目', 100, 0, 100, 80]])).join('\n');
    expect(all).toContain('（1）甲项目执行率 93%，低于 95% 的目标。\n');
    expect(all).toContain('（2）乙项目执行率 80%，低于 95% 的目标。【请说明原因】');
  });

  it('writes fixed decimals in the fixed style and English with --lang en', () => {
    const fixed = texts(evaluation([['甲项目', 126, 0, 126, 126]], [], { style: 'fixed' })).join('\n');
    expect(fixed).toContain('1、甲项目预算 126.00万元，使用 126.00万元，完成率 100.00%。');
    const en = texts(evaluation([['A', 126, 0, 126, 126]], [], { lang: 'en' }));
    expect(en).toContain('1. Basic information');
    expect(en).toContain('1. A: budget 126 (10k yuan), spent 126 (10k yuan), execution rate 100%.');
  });

  it('summarises beyond 30 projects: counts, the largest, every under-target project, a pointer to the table', () => {
    const projects: [string, number, number, number, number][] = Array.from({ length: 45 }, (_, i) => [`项目${i + 1}`, 100 + i, 0, 100 + i, i < 35 ? 100 + i : 50]);
    const all = texts(evaluation(projects));
    const summary = all[all.indexOf('（二）各项工作任务绩效目标完成情况分析') + 1];
    expect(summary).toMatch(/^本部门年度共 45 个项目，.*10 个项目低于目标。支出最大的 5 个项目为：项目35（134万元，100%）、项目34/);
    expect(summary).toContain('各项目明细见附表4');
    expect(all.filter((t) => /^\d+、项目/.test(t))).toEqual([]); // no per-project paragraphs
    const problems = all.slice(all.indexOf('三、存在的主要问题'), all.indexOf('四、下一步改进措施'));
    for (let i = 36; i <= 45; i++) expect(problems.join('\n')).toContain(`项目${i}执行率`);
  });
});

describe('the projects that spent most (projectSummary)', () => {
  it('are those a stable sort by actual, descending, puts first', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 40 }), fc.integer({ min: 0, max: 45 }), (actuals, count) => {
        const projects = actuals.map((actual, i) => ({ actual, name: `p${i}` }) as unknown as ProjectResult);
        expect(largestBy(projects, count)).toEqual([...projects].sort((a, b) => b.actual - a.actual).slice(0, count));
      }),
    );
  });
});
