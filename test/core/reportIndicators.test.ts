// Issue 9, the report: indicators in 二、（二） and 三, the forms' own 存在问题 / 改进措施, names without their
// system code, 附表3 项目绩效自评得分表 (before the summary, now 附表4), and stable keys for kept edits.
import { composeNarrative } from '../../src/core/compose/narrative';
import type { ReportPlan } from '../../src/core/compose/reportPlan';
import { cellText, planRows } from '../../src/core/compose/reportPlan';
import { DEFAULT_CONFIG } from '../../src/core/config';
import type { CellValue, Evaluation, SheetSnapshot, WorkbookSnapshot } from '../../src/core/model';
import { runPipeline } from '../../src/core/pipeline';
import { KEY_COLUMN } from '../../src/core/record/reportRecord';
import { nationalForm, sichuanForm, splitForm } from './forms/formSheets';
import { options, projectSheet, workbook } from './snapshot';

const FORMS = () => [nationalForm(), splitForm(), sichuanForm()];

function run(sheets: SheetSnapshot[] = FORMS(), over = {}, snapshot?: WorkbookSnapshot) {
  const result = runPipeline(snapshot ?? workbook(sheets), options({ style: 'trim', ...over }));
  if (!result.ok) throw new Error(result.findings.map((f) => f.message).join('\n'));
  return result;
}

const texts = (ev: Evaluation, lists = DEFAULT_CONFIG.lists) => composeNarrative(ev, lists).map((b) => b.text);
const section = (all: string[], from: string, to: string) => all.slice(all.indexOf(from) + 1, all.indexOf(to));

/** A copy of a sheet with one cell changed (0-based). */
function withCell(s: SheetSnapshot, row: number, col: number, value: CellValue): SheetSnapshot {
  const values = s.values.map((r) => [...r]);
  values[row][col] = value;
  return { ...s, values };
}

/** The report sheet as a host reads it back: the text column and the record column. */
function reportSheet(plan: ReportPlan, edit: (text: string) => string = (t) => t): SheetSnapshot {
  const values: CellValue[][] = planRows(plan).map((row) => {
    const cells: CellValue[] = [];
    cells[0] = typeof row.cells[0]?.value === 'string' ? edit(row.cells[0].value) : null;
    return cells;
  });
  for (const key of plan.keys) values[key.row][KEY_COLUMN] = key.text;
  return { name: plan.sheetName, values, merges: [] };
}

describe('二、（二）: each project’s indicators', () => {
  const all = texts(run().evaluation);
  const tasks = section(all, '（二）各项工作任务绩效目标完成情况分析', '三、存在的主要问题');

  it('says how many were set and met, the rule’s score, and each missed one with target and actual as written', () => {
    const road = tasks.find((t) => t.startsWith('1、池州市贵池区乡村道路项目'))!;
    expect(road).toContain('设置绩效指标 5 个，完成 2 个，未完成 3 个，按评分规则自评得分 96.25 分（满分 100 分）。');
    expect(road).toContain('时效指标“按时完成率”目标 100%，实际 90%');
    // A percentage typed as a number with a % format is quoted as the clerk sees it.
    expect(road).toContain('质量指标“验收合格率”目标 100%，实际 95%');
    // The clerk's 实际完成情况 has no full stop: one is added before the indicators.
    expect(road).toContain('受雨季影响略有延后。设置绩效指标');
  });

  it('drops the leading system code from names in the text, forms and table rows alike', () => {
    // The findings quote the name as the workbook has it (with the cell): only the report's own sentences are checked.
    const joined = all.filter((t) => !t.startsWith('此外，数据核对发现')).join('\n');
    expect(joined).toContain('2、工资性支出预算');
    expect(joined).not.toMatch(/51000021R000000019951-|219-池州/);
    const table = texts(run([projectSheet('项目支出', [['123-甲项目', 100, 0, 100, 80]])]).evaluation)
      .filter((t) => !t.startsWith('此外，数据核对发现'))
      .join('\n');
    expect(table).toContain('1、甲项目预算');
    expect(table).not.toContain('123-甲项目');
  });

  it('a project without indicators gets no indicator sentence', () => {
    const plain = texts(run([projectSheet('项目支出', [['甲项目', 100, 0, 100, 100]])]).evaluation).join('\n');
    expect(plain).not.toContain('绩效指标');
    expect(plain).not.toContain('附表3');
  });

  it('over the list limit, the summary paragraph counts the indicators set and missed', () => {
    const few = texts(run().evaluation, { ...DEFAULT_CONFIG.lists, projects: 2 });
    const summary = section(few, '（二）各项工作任务绩效目标完成情况分析', '三、存在的主要问题');
    expect(summary).toHaveLength(1);
    expect(summary[0]).toContain('各项目明细见附表4。3 个项目设置绩效指标共 11 个，其中 6 个未完成（各项目得分见附表3）。');
  });

  it('in English too', () => {
    const en = texts(run(FORMS(), { lang: 'en' }).evaluation).join('\n');
    expect(en).toContain('Of its 5 performance indicators, 2 were met and 3 missed; by the scoring rule it scores 96.25 of 100 points.');
    expect(en).toContain('时效指标 "按时完成率": target 100%, actual 90%');
  });
});

describe('三 and 四: missed indicators and the forms’ own words', () => {
  it('lists each missed indicator with its 偏差原因 or a prompt for it', () => {
    const problems = section(texts(run().evaluation), '三、存在的主要问题', '四、下一步改进措施');
    expect(problems).toContain('绩效指标方面，3 个项目共有 6 个指标未完成：');
    expect(problems).toContain('（1）池州市贵池区乡村道路项目：数量指标“道路建设长度”目标 ≥10公里，实际 9.5公里。偏差原因：雨季影响。');
    expect(problems).toContain('（3）池州市贵池区乡村道路项目：时效指标“按时完成率”目标 100%，实际 90%。【请填写偏差原因】');
    expect(problems).toContain('（5）青神县义务教育保障项目：数量指标“培训人次”目标 ≥200人次，实际 180。偏差原因：疫情停课。');
  });

  it('caps the list at the list limit and points at 附表3 for the rest', () => {
    const problems = section(texts(run().evaluation, { ...DEFAULT_CONFIG.lists, projects: 2 }), '三、存在的主要问题', '四、下一步改进措施');
    expect(problems.filter((t) => /^（\d）.*目标.*实际/.test(t))).toHaveLength(2);
    expect(problems).toContain('另有 4 个，见附表3。');
  });

  it('a form’s 存在问题 joins 三 and its 改进措施 (when not 无) joins 四', () => {
    const sichuan = sichuanForm();
    const measures = withCell(sichuan, sichuan.values.findIndex((r) => r[0] === '改进措施'), 1, '加快项目实施进度。');
    const all = texts(run([nationalForm(), measures]).evaluation);
    expect(section(all, '三、存在的主要问题', '四、下一步改进措施')).toContain('青神县义务教育保障项目自评表所列问题：项目进度偏慢。');
    const next = section(all, '四、下一步改进措施', '青神县教育局');
    expect(next.some((t) => /^\d\.青神县义务教育保障项目：加快项目实施进度。$/.test(t))).toBe(true);
    // 无 is not a measure.
    expect(section(texts(run().evaluation), '四、下一步改进措施', '池州市贵池区农业农村局').join('\n')).not.toContain('青神县义务教育保障项目：');
  });

  it('a national form under the explain-below threshold gets 【请说明原因】 (it has no 原因 cell)', () => {
    const low = nationalForm('国家表', { total: [null, '年度资金总额', 100, 120, 60, 10, 0.5, 5] });
    const problems = section(texts(run([low]).evaluation), '三、存在的主要问题', '四、下一步改进措施');
    expect(problems).toContain('（1）池州市贵池区乡村道路项目执行率 50%，低于 95% 的目标。【请说明原因】');
  });
});

describe('附表3 项目绩效自评得分表', () => {
  it('has a row per project with indicators: execution score and 总分 as formulas, the rest values', () => {
    const { report, evaluation } = run();
    const region = report.regions.selfScore!;
    expect(region).toBeDefined();
    const text = (r: number) => region.columns.map((c) => cellText(planRows(report)[r].cells[c]));
    expect(planRows(report)[region.header - 1].cells[0].value).toBe('附表3：项目绩效自评得分表');
    expect(text(region.header)).toEqual(['项目名称', '预算执行率得分', '产出', '效益', '满意度', '总分\n（按评分规则）', '填报总分', '等级', '未完成指标']);
    expect(region.last - region.first + 1).toBe(3);
    expect(region.total).toBe(-1);
    const road = evaluation.projects[0];
    const row = planRows(report)[region.first].cells;
    expect(row[0].value).toBe('池州市贵池区乡村道路项目');
    // 10 × 95%: the form's own 全年执行数 ÷ 全年预算数 cells.
    expect(row[1].value).toBeCloseTo(9.5, 10);
    expect(row[1].formula).toBe("IF(国家表!D6>0,10*IF(ROUND(国家表!E6/国家表!D6,4)>1,1,MAX(0,ROUND(国家表!E6/国家表!D6,4))),0)");
    expect(row[5].formula).toBe(`SUM(B${region.first + 1}:E${region.first + 1})`);
    expect(row[5].value).toBeCloseTo(road.selfScore!.ruleScore, 10);
    expect(row[6].value).toBe(95.5);
    expect(row[7].value).toBe('优');
    expect(row[8].value).toBe('数量指标“道路建设长度”、质量指标“验收合格率”、时效指标“按时完成率”');
    // The Yunnan form's total row is 0: its execution score sums the rows under it (元 → 万元).
    const yunnan = planRows(report)[region.first + 1].cells;
    expect(yunnan[0].value).toBe('工资性支出');
    expect(yunnan[1].formula).toBe('IF(SUM(云南表!C6:C8)/10000>0,10*IF(ROUND(SUM(云南表!D6:D8)/10000/(SUM(云南表!C6:C8)/10000),4)>1,1,MAX(0,ROUND(SUM(云南表!D6:D8)/10000/(SUM(云南表!C6:C8)/10000),4))),0)');
    // 等级 from the rule total scaled to 100: 68.67 of 70 → 98.1.
    expect(yunnan[7].value).toBe('优');
    expect(region.note).toContain('优 ≥ 90 分');
  });

  it('comes after 附表2 and before the summary, which is now 附表4 and keeps the print titles', () => {
    const { report } = run();
    const captions = planRows(report).map((r) => r.cells[0]?.value).filter((v): v is string => typeof v === 'string' && /^附表\d：/.test(v));
    expect(captions).toEqual(['附表1：自评评分表', '附表2：数据问题清单', '附表3：项目绩效自评得分表', '附表4：项目支出绩效情况汇总表']);
    expect(report.pageSetup.printTitleRows.top).toBe(report.regions.summary.header);
    expect(report.regions.summary.header).toBeGreaterThan(report.regions.selfScore!.last);
  });

  it('shows 其他 only when an indicator has another 一级, with a column added to the sheet when 附表4 has fewer', () => {
    const national = nationalForm();
    const other = withCell(national, 16, 1, '社会影响指标');
    const { report } = run([other]);
    const region = report.regions.selfScore!;
    expect(region.columns.map((c) => cellText(planRows(report)[region.header].cells[c]))).toContain('其他');
    expect(region.columns).toHaveLength(10);
    expect(report.columnWidths).toHaveLength(10);
    // The summary keeps its own 8 columns; its rule covers them only.
    expect(report.regions.summary.columns).toHaveLength(8);
    expect(report.summaryRule!.range.right).toBe(7);
  });

  it('is left out when no project has indicators (the summary is still 附表4)', () => {
    const { report } = run([projectSheet('项目支出', [['甲项目', 100, 0, 100, 100]])]);
    expect(report.regions.selfScore).toBeUndefined();
    const captions = planRows(report).map((r) => r.cells[0]?.value).filter((v) => typeof v === 'string' && /^附表\d：/.test(v));
    expect(captions).toEqual(['附表1：自评评分表', '附表2：数据问题清单', '附表4：项目支出绩效情况汇总表']);
    expect(report.columnWidths).toHaveLength(8);
  });

  it('in English', () => {
    const { report } = run(FORMS(), { lang: 'en' });
    const region = report.regions.selfScore!;
    expect(planRows(report)[region.header - 1].cells[0].value).toBe('Table 3: Project self-evaluation scores');
    expect(planRows(report)[region.first].cells[7].value).toBe('Excellent (优)');
  });
});

describe('kept edits on the new paragraphs', () => {
  it('a rewritten missed-indicator paragraph stays with its indicator when another indicator goes missing before it', () => {
    const first = run();
    const target = '（3）池州市贵池区乡村道路项目：时效指标“按时完成率”目标 100%，实际 90%。【请填写偏差原因】';
    const mine = '按时完成率未达标：因汛期停工两个月，已申请延期。';
    const previous = reportSheet(first.report, (t) => (t === target ? mine : t));
    // Now the road's 受益群众 is missed too (5000 against ≥5000人 → 4000人): one more item, before the kept one's place changes.
    const national = withCell(nationalForm(), 15, 5, '4000人');
    const snapshot = workbook([national, splitForm(), sichuanForm(), previous], { toolSheets: [first.report.sheetName] });
    const second = run(undefined, {}, snapshot);
    const all = second.narrative.map((b) => b.text);
    const problems = section(all, '三、存在的主要问题', '四、下一步改进措施');
    const at = problems.indexOf(mine);
    expect(at).toBeGreaterThan(0);
    // Kept in its place among the missed indicators, the text generated now beside it.
    const kept = second.narrative.find((b) => b.text === mine)!;
    expect(kept.kind === 'paragraph' && kept.fresh).toBe('（3）池州市贵池区乡村道路项目：时效指标“按时完成率”目标 100%，实际 90%。【请填写偏差原因】');
    expect(problems.some((t) => t.includes('社会效益指标“受益群众”'))).toBe(true);
    expect(second.kept.map((k) => k.id)).toEqual([expect.stringMatching(/^3\.0\.i[0-9a-f]{12}$/)]);
  });

  it('a rewritten form 存在问题 paragraph is kept by its project', () => {
    const first = run();
    const target = '青神县义务教育保障项目自评表所列问题：项目进度偏慢。';
    const mine = '青神县义务教育保障项目进度偏慢，主要因校舍改造延期。';
    const previous = reportSheet(first.report, (t) => (t === target ? mine : t));
    const snapshot = workbook([...FORMS(), previous], { toolSheets: [first.report.sheetName] });
    const second = run(undefined, {}, snapshot);
    expect(second.kept.map((k) => k.id)).toEqual([expect.stringMatching(/^3\.0\.q[0-9a-f]{12}$/)]);
  });
});
