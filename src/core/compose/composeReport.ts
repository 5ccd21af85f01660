// Evaluation → ReportPlan: the narrative, then (as 附表, after the signature, as official documents place
// attachments) the summary table of every project and the list of problems found in the data.
import type { CellRange, Evaluation, Finding, Lang } from '../model';
import { formatAmount, formatRate } from '../numbers';
import { composeNarrative, GRADE_EN, type Block } from './narrative';
import type { CellFormat, CellStyle, PlanCell, PlanRow, ReportPlan } from './reportPlan';
import { fontSize } from './reportStyle';

interface Column {
  header: Record<Lang, string>;
  width: number;
}

const NAME: Column = { header: { zh: '项目名称', en: 'Project' }, width: 34 };
const money = (zh: string, en: string): Column => ({ header: { zh: `${zh}\n（万元）`, en: `${en}\n(10k yuan)` }, width: 13 });

const SEVERITY_TEXT: Record<Lang, Record<Finding['severity'], string>> = {
  zh: { error: '错误', warning: '警告', info: '提示' },
  en: { error: 'Error', warning: 'Warning', info: 'Info' },
};

/**
 * Lines a wrapped text needs across `width` characters of column, at `size` points. Excel's column width counts
 * digits of the default 11 pt font; a CJK glyph takes about 1.75 of them (a little more than LibreOffice needs,
 * on purpose: a spare line is harmless, a clipped one is not).
 */
export function estimateLines(text: string, width: number, size = 11): number {
  let lines = 0;
  for (const line of text.split('\n')) {
    let units = 0;
    for (let i = 0; i < line.length; i++) {
      const code = line.charCodeAt(i);
      units += (code >= 0x2e80 && code <= 0x9fff) || (code >= 0xff00 && code <= 0xffef) ? 1.75 : 1.0;
    }
    lines += Math.max(1, Math.ceil((units * size) / 11 / Math.max(1, width - 1)));
  }
  return lines;
}

/** Points for `lines` lines of `size`-point type, with a little air: hosts do not fit merged or wrapped rows. */
function heightFor(lines: number, size: number): number {
  return Math.round(lines * size * 1.45 + 4);
}

/** The height a row needs: its tallest cell, each measured across the width it has. */
function rowHeight(cells: PlanCell[], widths: number[]): number {
  return Math.max(
    ...cells.map((c, i) => (typeof c.value === 'string' ? heightFor(estimateLines(c.value, widths[i] ?? widths[0], fontSize(c.style)), fontSize(c.style)) : 0)),
  );
}

function cell(value: string | number | null, style: CellStyle, format: CellFormat = 'text', highlight = false): PlanCell {
  return highlight ? { value, format, style, highlight } : { value, format, style };
}

export function composeReport(ev: Evaluation, sheetName: string): ReportPlan {
  const { lang } = ev.options;
  const zh = lang === 'zh';
  const showCarry = ev.department.basis === 'adjusted-plus-carryover' || ev.projects.some((p) => p.carryover !== 0);
  const columns: Column[] = [
    NAME,
    money('年初预算数', 'Initial budget'),
    money('预算调整数', 'Adjustment'),
    money('调整后预算数', 'Adjusted budget'),
    ...(showCarry ? [money('上年结转', 'Carry-over')] : []),
    money('实际支出数', 'Actual'),
    { header: { zh: '执行率', en: 'Execution rate' }, width: 11 },
    { header: { zh: '执行率目标', en: 'Target' }, width: 11 },
    { header: { zh: '状态', en: 'Status' }, width: 20 },
  ];
  const widths = columns.map((c) => c.width);
  const totalWidth = widths.reduce((a, b) => a + b, 0);
  const rows: PlanRow[] = [];
  const merges: CellRange[] = [];
  const spanRow = (text: string, style: CellStyle) => {
    const cells = [cell(text, style)];
    rows.push({ cells, spanAll: true, height: rowHeight(cells, [totalWidth]) });
  };
  const tableRow = (cells: PlanCell[], cellWidths: number[] = widths) => rows.push({ cells, height: rowHeight(cells, cellWidths) });
  const blank = () => rows.push({ cells: [] });

  for (const block of composeNarrative(ev)) writeBlock(block, spanRow);

  // The attachments, after the signature. The summary table goes last: its header repeats on every printed
  // page from where it starts (print titles), which on earlier pages would sit over the other tables.
  let summaryHeaderRow = 0;
  const writeScore = () => {
    blank();
    spanRow(zh ? '附表1：自评评分表' : 'Table 1: Self-evaluation score', 'caption');
    const scoreWidths = [widths[0], widths[1], widths[2], widths[3], widths.slice(4).reduce((a, b) => a + b, 0)];
    const scoreRow = (cells: PlanCell[]) => {
      tableRow(cells, scoreWidths);
      merges.push({ top: rows.length - 1, bottom: rows.length - 1, left: 4, right: columns.length - 1 });
    };
    scoreRow(
      (zh ? ['指标', '分值', '实际值', '得分', '说明'] : ['Indicator', 'Points', 'Actual', 'Score', 'Notes']).map((h) => cell(h, 'tableHeader')),
    );
    const score = ev.score;
    for (const r of score.rows) {
      scoreRow([
        cell(r.name, 'tableCell'),
        cell(r.points, 'tableCell', 'amount'),
        cell(r.actual, 'tableCell', r.actual === null ? 'text' : 'percent'),
        cell(r.score, 'tableCell', 'amount'),
        cell(r.note, 'tableCell'),
      ]);
    }
    const totalNote = score.provisional
      ? zh
        ? `另有 ${formatAmount(score.unscored, 'trim')} 分待人工评分；等级暂定“${score.grade}”`
        : `${formatAmount(score.unscored, 'trim')} points still to be scored by hand; provisional grade ${GRADE_EN[score.grade]}`
      : zh
        ? `等级：${score.grade}`
        : `Grade: ${GRADE_EN[score.grade]}`;
    scoreRow([cell(zh ? '合计' : 'Total', 'tableTotal'), cell(score.max, 'tableTotal', 'amount'), cell(null, 'tableTotal'), cell(score.total, 'tableTotal', 'amount'), cell(totalNote, 'tableTotal')]);
    const bands = zh ? '优 ≥ 90 分，80 分 ≤ 良 < 90 分，60 分 ≤ 中 < 80 分，差 < 60 分' : 'Excellent ≥ 90, Good 80–89.99, Fair 60–79.99, Poor < 60';
    spanRow(
      zh
        ? `注：指标与分值取自${score.fromSheet ? '“评分设置”表' : '默认评分标准（可在“评分设置”表修改，人工评分指标在该表“得分”栏填写）'}；比率按显示值（百分比两位小数）比较。等级：${bands}${score.max === 100 ? '' : '（按折算为百分制的得分）'}。`
        : `Note: indicators and points from ${score.fromSheet ? 'the Scoring sheet' : 'the default rules (a Scoring sheet can change them; hand scores go in its Score column)'}; rates compared as displayed (2 decimals of a percent). Grades: ${bands}${score.max === 100 ? '' : ' (on the score scaled to 100)'}.`,
      'note',
    );

  };
  const writeProblems = () => {
    blank();
    spanRow(zh ? '附表2：数据问题清单' : 'Table 2: Problems found in the data', 'caption');
    const findingWidths = [widths[0], widths[1], widths.slice(2).reduce((a, b) => a + b, 0)];
    tableRow([cell(zh ? '级别' : 'Severity', 'tableHeader'), cell(zh ? '位置' : 'Cell', 'tableHeader'), cell(zh ? '问题' : 'Problem', 'tableHeader')], findingWidths);
    merges.push({ top: rows.length - 1, bottom: rows.length - 1, left: 2, right: columns.length - 1 });
    if (ev.findings.length === 0) {
      tableRow([cell(null, 'tableCell'), cell(null, 'tableCell'), cell(zh ? '未发现问题。' : 'No problems found.', 'tableCell')], findingWidths);
      merges.push({ top: rows.length - 1, bottom: rows.length - 1, left: 2, right: columns.length - 1 });
    }
    for (const f of ev.findings) {
      tableRow([cell(SEVERITY_TEXT[lang][f.severity], 'tableCell'), cell(f.cell ?? (zh ? '整个工作簿' : 'Workbook'), 'tableCell'), cell(f.message, 'tableCell')], findingWidths);
      merges.push({ top: rows.length - 1, bottom: rows.length - 1, left: 2, right: columns.length - 1 });
    }

  };
  const writeSummary = () => {
    blank();
    spanRow(zh ? '附表3：项目支出绩效情况汇总表' : 'Table 3: Projects', 'caption');
    summaryHeaderRow = rows.length;
    tableRow(columns.map((c) => cell(c.header[lang], 'tableHeader')));
    const status = (p: Evaluation['projects'][number]) => {
      if (p.executionRate === null) return zh ? '无预算' : 'No budget';
      if (!p.underTarget) return zh ? '达标' : 'On target';
      if (p.needsReason) return zh ? '未达标（需说明原因）' : 'Under target (explain)';
      return zh ? '未达标' : 'Under target';
    };
    for (const p of ev.projects) {
      const h = p.underTarget;
      tableRow([
          cell(p.name, 'tableCell', 'text', h),
          cell(p.initialBudget, 'tableCell', 'amount', h),
          cell(p.adjustment, 'tableCell', 'amount', h),
          cell(p.adjustedBudget, 'tableCell', 'amount', h),
          ...(showCarry ? [cell(p.carryover, 'tableCell', 'amount', h)] : []),
          cell(p.actual, 'tableCell', 'amount', h),
          cell(p.executionRate, 'tableCell', 'percent', h),
          cell(p.effectiveTarget, 'tableCell', 'percent', h),
          cell(status(p), 'tableCell', 'text', h),
      ]);
    }
    const s = ev.projectSum;
    tableRow([
        cell(zh ? '合计（各项目之和）' : 'Total (sum of projects)', 'tableTotal'),
        cell(s.initialBudget, 'tableTotal', 'amount'),
        cell(s.adjustment, 'tableTotal', 'amount'),
        cell(s.adjustedBudget, 'tableTotal', 'amount'),
        ...(showCarry ? [cell(s.carryover, 'tableTotal', 'amount')] : []),
        cell(s.actual, 'tableTotal', 'amount'),
        cell(s.executionRate, 'tableTotal', 'percent'),
        cell(null, 'tableTotal'),
        cell(null, 'tableTotal'),
    ]);
    const basisText: Record<Lang, Record<Evaluation['department']['basis'], string>> = {
      zh: { adjusted: '实际支出数 ÷ 调整后预算数', initial: '实际支出数 ÷ 年初预算数', 'adjusted-plus-carryover': '实际支出数 ÷（调整后预算数 + 上年结转）' },
      en: { adjusted: 'actual ÷ adjusted budget', initial: 'actual ÷ initial budget', 'adjusted-plus-carryover': 'actual ÷ (adjusted budget + carry-over)' },
    };
    spanRow(
      zh
        ? `注：执行率 = ${basisText.zh[ev.department.basis]}。金额以万元显示两位小数，执行率按未舍入的金额计算，按显示金额复算可能有 0.01% 的尾差。目标 ${formatRate(ev.department.target, 'fixed')}，低于 ${formatRate(ev.department.explainBelow, 'fixed')} 须说明原因。`
        : `Note: execution rate = ${basisText.en[ev.department.basis]}. Amounts show 2 decimals of 10k yuan; rates come from the unrounded amounts, so recomputing from the shown figures may differ by 0.01%. Target ${formatRate(ev.department.target, 'fixed')}; below ${formatRate(ev.department.explainBelow, 'fixed')} a reason is required.`,
      'note',
    );

  };
  writeScore(); // 附表1
  writeProblems(); // 附表2
  writeSummary(); // 附表3

  return { sheetName, lang, columnWidths: widths, rows, summaryHeaderRow, merges };
}

function writeBlock(block: Block, spanRow: (text: string, style: CellStyle) => void): void {
  switch (block.kind) {
    case 'title':
      spanRow(block.text, 'title');
      return;
    case 'heading1':
    case 'heading2':
      spanRow(block.text, block.kind);
      return;
    case 'paragraph':
      spanRow(block.text, 'paragraph');
      return;
    case 'signature':
      spanRow(block.text, 'signature');
  }
}
