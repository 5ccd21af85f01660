// The Word document of a forms workbook: 附表3 项目绩效自评得分表 from the plan's table model, on the landscape
// pages before 附表4, without a total row; none when no project has indicators.
import { runPipeline } from '../../../src/core/pipeline';
import { writeDocx } from '../../../src/gateways/docx/writeDocx';
import { nationalForm, sichuanForm, splitForm } from '../../core/forms/formSheets';
import { options, projectSheet, workbook } from '../../core/snapshot';
import type { SheetSnapshot } from '../../../src/core/model';
import { readDocx } from './docxText';

async function docxOf(sheets: SheetSnapshot[], lang: 'zh' | 'en' = 'zh') {
  const result = runPipeline(workbook(sheets), options({ style: 'trim', lang }));
  if (!result.ok) throw new Error('not evaluated');
  return { result, docx: await readDocx(await writeDocx(result.narrative, result.report, result.evaluation)) };
}

describe('附表3 in the Word document', () => {
  it('carries the table as the plan has it, between 附表1 and 附表4, each on its own page', async () => {
    const { result, docx } = await docxOf([nationalForm(), splitForm(), sichuanForm()]);
    const p = docx.paragraphs;
    const at = p.indexOf('项目绩效自评得分表');
    expect(p[at - 1]).toBe('附表3');
    expect(at).toBeGreaterThan(p.indexOf('自评评分表'));
    expect(p.indexOf('项目支出绩效情况汇总表')).toBeGreaterThan(at);
    const table = p.slice(at + 1, p.indexOf('附表4'));
    expect(table.slice(0, 9)).toEqual(['项目名称', '预算执行率得分', '产出', '效益', '满意度', '总分\n（按评分规则）', '填报总分', '等级', '未完成指标']);
    const road = table.indexOf('池州市贵池区乡村道路项目');
    expect(result.evaluation.projects[0].selfScore!.ruleScore).toBeCloseTo(96.25, 10);
    expect(table.slice(road, road + 9)).toEqual([
      '池州市贵池区乡村道路项目',
      '9.50',
      '46.75', // 产出: the rule's scores of its three indicators
      '30.00',
      '10.00',
      '96.25',
      '95.50',
      '优',
      '数量指标“道路建设长度”、质量指标“验收合格率”、时效指标“按时完成率”',
    ]);
    expect(table).toContain('工资性支出');
    expect(table.join('\n')).not.toContain('51000021R000000019951-');
    expect(table.find((t) => t.startsWith('注：'))).toMatch(/^注：预算执行率得分 = 分值 × 执行率/);
    // 附表4 starts a page of its own after 附表3.
    expect(docx.document).toMatch(/<w:pageBreakBefore\/>(?:(?!<\/w:p>)[\s\S])*附表4/);
  });

  it('is left out when no project has indicators', async () => {
    const { docx } = await docxOf([projectSheet('项目支出', [['甲项目', 100, 0, 100, 100]])]);
    expect(docx.paragraphs).not.toContain('附表3');
    expect(docx.paragraphs).toEqual(expect.arrayContaining(['附表1', '附表4']));
  });

  it('in English', async () => {
    const { docx } = await docxOf([nationalForm(), sichuanForm()], 'en');
    expect(docx.paragraphs).toEqual(expect.arrayContaining(['Table 3', 'Project self-evaluation scores', 'Table 4', 'Projects', 'Excellent (优)']));
  });
});
