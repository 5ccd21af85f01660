// The report plan's shape where it could grow with the data: merges that must not (ExcelJS checks each new merge
// against all earlier ones), text over Excel's cell limit, rows over Excel's tallest height.
import { composeReport } from '../../src/core/compose/composeReport';
import { composeNarrative, type Block } from '../../src/core/compose/narrative';
import { CHART_MAX_PROJECTS, fitCellText, planRows, MAX_CELL_TEXT, MAX_ROW_HEIGHT, numberFormatOf, type ReportPlan } from '../../src/core/compose/reportPlan';
import type { CellValue, Lang, SheetSnapshot, WorkbookSnapshot } from '../../src/core/model';
import { runPipeline } from '../../src/core/pipeline';
import { KEY_COLUMN } from '../../src/core/record/reportRecord';
import { options, projectSheet, sheet, workbook } from './snapshot';

type Project = [string, number, number, number, number];

/** `count` projects, each at 50% (under the target and the explain-below threshold, no reason: a finding each). */
function underTarget(count: number): Project[] {
  return Array.from({ length: count }, (_, i) => [`项目${i + 1}`, 100, 0, 100, 50]);
}

function run(snapshot: WorkbookSnapshot, lang: Lang = 'zh') {
  const result = runPipeline(snapshot, options({ lang }));
  if (!result.ok) throw new Error(result.findings.map((f) => f.message).join('\n'));
  return result;
}

/** Every merge the report asks a host for: the plan's merges include the rows that span the width. */
const mergeCount = (plan: ReportPlan) => plan.merges.length;

const rowTexts = (plan: ReportPlan, r: number) => planRows(plan)[r].cells.map((c) => c.value);

function rowOf(plan: ReportPlan, text: string): number {
  const r = planRows(plan).findIndex((row) => row.cells[0]?.value === text);
  if (r < 0) throw new Error(`no row "${text}"`);
  return r;
}

describe('the report plan of a large workbook', () => {
  it('asks for as many merges for 5,000 under-target projects as for 40: none grows with the rows', () => {
    const small = run(workbook([projectSheet('项目支出', underTarget(40))]));
    const large = run(workbook([projectSheet('项目支出', underTarget(5000))]));
    expect(large.findings.filter((f) => f.code === 'needs-explanation')).toHaveLength(5000);
    expect(mergeCount(large.report)).toBe(mergeCount(small.report));
    expect(mergeCount(large.report)).toBeLessThan(100);
    // No merge below the score table but its few captions and notes (附表2, 附表3 and 附表4 are as long as the data).
    const problems = rowOf(large.report, '附表2：数据问题清单');
    const spanned = planRows(large.report).flatMap((r, i) => (i >= problems && r.spanAll ? [{ top: i, bottom: i, left: 0, right: large.report.columnWidths.length - 1 }] : []));
    expect(large.report.merges.filter((m) => m.bottom >= problems)).toEqual(spanned);
    expect(planRows(large.report).slice(problems + 1).filter((r) => r.spanAll).map((r) => r.cells[0].style)).toEqual(['caption', 'note', 'note']);
  });

  it('lists each problem in 附表2 as one row without merges: the problem, its severity, its cell', () => {
    const { report, findings } = run(workbook([projectSheet('项目支出', underTarget(3))]));
    const caption = rowOf(report, '附表2：数据问题清单');
    expect(rowTexts(report, caption + 1)).toEqual(['问题', '级别', '位置']);
    const severity = { error: '错误', warning: '警告', info: '提示' };
    findings.forEach((f, i) => expect(rowTexts(report, caption + 2 + i)).toEqual([f.message, severity[f.severity], f.cell ?? '整个工作簿']));
    expect(planRows(report)[caption + 2].cells.map((c) => c.style)).toEqual(['tableCell', 'tableCell', 'tableCell']);
    const en = run(workbook([projectSheet('项目支出', [['甲', 100, 0, 100, 100]])]), 'en');
    const enCaption = rowOf(en.report, 'Table 2: Problems found in the data');
    expect(rowTexts(en.report, enCaption + 1)).toEqual(['Problem', 'Severity', 'Cell']);
    expect(rowTexts(en.report, enCaption + 2)).toEqual([en.findings[0].message, 'Info', 'Workbook']);
  });
});

describe('text over Excel’s cell limit (32,767 characters)', () => {
  const long = '负责某某工作。'.repeat(6000); // 42,000 characters
  const info = (text: string): SheetSnapshot => sheet('部门信息', [['部门名称', '某某局'], ['部门职责', text]]);

  it('is cut in the plan with a visible mark, and a warning names the report cell and the length', () => {
    const { report, findings } = run(workbook([projectSheet('项目支出', [['甲', 100, 0, 100, 100]]), info(long)]));
    const r = planRows(report).findIndex((row) => String(row.cells[0]?.value ?? '').startsWith('某某局的主要职责是：负责'));
    const text = planRows(report)[r].cells[0].value as string;
    expect(text).toHaveLength(MAX_CELL_TEXT);
    expect(text.endsWith('…（已截断）')).toBe(true);
    const cut = findings.filter((f) => f.code === 'text-truncated');
    expect(cut).toEqual([
      {
        code: 'text-truncated',
        severity: 'warning',
        cell: `绩效自评报告!A${r + 1}`,
        message: `该单元格的文字有 ${long.length + '某某局的主要职责是：'.length} 个字符，超过 Excel 单元格上限 32767 个字符，报告中已截断（末尾标“…（已截断）”）；完整内容请看它的来源。`,
        // What the pane words it from in its own language.
        params: { length: long.length + '某某局的主要职责是：'.length, limit: 32767, mark: { zh: '…（已截断）', en: '… (truncated)' } },
      },
    ]);
    // Listed in 附表2 like any other problem.
    expect(planRows(report).some((row) => row.cells[0]?.value === cut[0].message && row.cells[2]?.value === cut[0].cell)).toBe(true);
    expect(report.truncated).toEqual([{ row: r, col: 0, length: long.length + 10 }]);
  });

  it('names the right row below 附表2, whose own rows the warnings move', () => {
    const name = '项'.repeat(40_000);
    const { report, findings } = run(workbook([projectSheet('项目支出', [[name, 100, 0, 100, 100], ['乙', 100, 0, 100, 100]])]));
    const cut = findings.filter((f) => f.code === 'text-truncated').map((f) => f.cell);
    const marked: string[] = [];
    planRows(report).forEach((row, r) =>
      row.cells.forEach((c, col) => {
        if (typeof c.value === 'string' && c.value.endsWith('…（已截断）')) marked.push(`绩效自评报告!${String.fromCharCode(65 + col)}${r + 1}`);
      }),
    );
    // The name in the summary table (附表4), and the duplicate-free findings quoting it… each cut cell is named once.
    expect(marked.length).toBeGreaterThan(0);
    expect([...cut].sort()).toEqual([...marked].sort());
    for (const row of planRows(report)) for (const c of row.cells) if (typeof c.value === 'string') expect(c.value.length).toBeLessThanOrEqual(MAX_CELL_TEXT);
  });

  it('is cut with the English mark in an English report', () => {
    const { report, findings } = run(workbook([projectSheet('项目支出', [['甲', 100, 0, 100, 100]]), info(long)]), 'en');
    const cut = planRows(report).flatMap((row) => row.cells).find((c) => typeof c.value === 'string' && c.value.length === MAX_CELL_TEXT);
    expect(String(cut?.value).endsWith('… (truncated)')).toBe(true);
    expect(findings.find((f) => f.code === 'text-truncated')?.message).toMatch(/^This cell's text is 42\d{3} characters long, over Excel's limit of 32767 per cell/);
  });

  it('leaves text at the limit as it is, and never splits a character made of two UTF-16 units', () => {
    expect(fitCellText('a'.repeat(MAX_CELL_TEXT), 'zh')).toBe('a'.repeat(MAX_CELL_TEXT));
    const mark = '…（已截断）';
    const emoji = '😀'.repeat(MAX_CELL_TEXT); // each two units
    const cut = fitCellText(emoji, 'zh');
    expect(cut.length).toBeLessThanOrEqual(MAX_CELL_TEXT);
    expect(cut.endsWith(mark)).toBe(true);
    expect(cut.slice(0, -mark.length)).toBe('😀'.repeat((cut.length - mark.length) / 2));
  });

  it('a cut paragraph is not taken for the clerk’s edit when the report is generated again', () => {
    const base = workbook([projectSheet('项目支出', [['甲', 100, 0, 100, 100]]), info(long)]);
    const first = run(base).report;
    const values: CellValue[][] = planRows(first).map((row) => [typeof row.cells[0]?.value === 'string' ? row.cells[0].value : null]);
    for (const key of first.keys) values[key.row][KEY_COLUMN] = key.text;
    const again = run({ ...base, sheets: [...base.sheets, { name: first.sheetName, values, merges: [] }], toolSheets: [first.sheetName] });
    expect(again.kept).toEqual([]);
    expect(again.findings.some((f) => f.code === 'kept-edit')).toBe(false);
  });
});

describe('row heights', () => {
  it('are never over Excel’s tallest row (409 pt), however long the text', () => {
    const text = '负责某某工作。'.repeat(3000);
    const { report } = run(workbook([projectSheet('项目支出', [[text, 100, 0, 100, 50]]), sheet('部门信息', [['部门职责', text]])]));
    const heights = planRows(report).map((r) => r.height ?? 0);
    expect(Math.max(...heights)).toBe(MAX_ROW_HEIGHT);
  });
});

describe('number formats', () => {
  it('text the tool writes is text (@); amounts, rates and text formulas keep theirs', () => {
    expect(numberFormatOf({ value: '=1+1', format: 'text', style: 'tableCell' })).toBe('@');
    expect(numberFormatOf({ value: '达标', formula: 'IF(A1>0,"达标","")', format: 'text', style: 'tableCell' })).toBe('General');
    expect(numberFormatOf({ value: 12.5, formula: "'项目支出'!C5", format: 'amount', style: 'tableCell' })).toBe('#,##0.00');
    expect(numberFormatOf({ value: 0.95, format: 'percent', style: 'tableCell' })).toBe('0.00%');
    expect(numberFormatOf({ value: null, format: 'text', style: 'tableCell' })).toBe('General');
  });
});

describe('the plan as the whole truth for the gateways', () => {
  it('gives each narrative block’s row (blockRows), a kept paragraph’s comparison row right under it', () => {
    const { evaluation } = run(workbook([projectSheet('项目支出', underTarget(3))]));
    const blocks = composeNarrative(evaluation);
    const i = blocks.findIndex((b) => b.kind === 'paragraph' && b.id !== undefined);
    const edited: Block[] = blocks.map((b, k) => (k === i ? { ...b, text: '我改写的段落', fresh: b.text } : b));
    const plan = composeReport(evaluation, 'R', { narrative: edited });
    expect(plan.blockRows).toHaveLength(edited.length);
    edited.forEach((b, k) => expect(planRows(plan)[plan.blockRows[k]].cells[0].value).toBe(b.text));
    expect(planRows(plan)[plan.blockRows[i] + 1].cells[0].style).toBe('comparison');
    expect(plan.blockRows[i + 1]).toBe(plan.blockRows[i] + 2);
  });

  it('names its regions, its page and its chart, and gives each cell its number format', () => {
    const plan = run(workbook([projectSheet('项目支出', underTarget(3))])).report;
    const { summary, score, scoreTotal } = plan.regions;
    expect(planRows(plan)[summary.first].cells[0].value).toBe('项目1');
    expect(planRows(plan)[summary.last].cells[0].value).toBe('项目3');
    expect(planRows(plan)[summary.total].cells[0].value).toBe('合计（各项目之和）');
    expect(planRows(plan)[summary.header].cells[summary.named.status].value).toBe('状态');
    expect(planRows(plan)[score.header].cells[0].value).toBe('指标');
    expect(planRows(plan)[scoreTotal.row].cells[scoreTotal.col].formula).toMatch(/^ROUND\(SUM\(D/);
    expect(plan.pageSetup.printTitleRows).toEqual({ top: summary.header, bottom: summary.header });
    expect(plan.chart).toMatchObject({ data: { top: summary.header, bottom: summary.last, left: summary.named.rate, right: summary.named.target } });
    expect(plan.chart?.anchor.top).toBeGreaterThan(planRows(plan).length);
    for (const row of planRows(plan)) for (const c of row.cells) expect(c.numberFormat).toBe(numberFormatOf(c));
  });

  it('leaves the chart out past CHART_MAX_PROJECTS bars', () => {
    expect(run(workbook([projectSheet('项目支出', underTarget(CHART_MAX_PROJECTS))])).report.chart).not.toBeNull();
    expect(run(workbook([projectSheet('项目支出', underTarget(CHART_MAX_PROJECTS + 1))])).report.chart).toBeNull();
  });

  it('gives the fills for a host without conditional formats: every under-target row of the clerk’s table', () => {
    const result = run(workbook([projectSheet('项目支出', underTarget(5))]));
    expect(result.highlights.rules).toHaveLength(1);
    const rows = result.evaluation.projects.map((p) => p.location.row);
    expect(result.highlights.fallbackFills).toEqual([
      { sheet: '项目支出', range: { top: Math.min(...rows), bottom: Math.max(...rows), left: result.evaluation.projects[0].location.firstCol, right: result.evaluation.projects[0].location.lastCol } },
    ]);
  });
});
