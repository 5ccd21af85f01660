// Evaluation → ReportPlan: the narrative, then (as 附表, after the signature, as official documents place
// attachments) the summary table of every project and the list of problems found in the data.
import type { CellRange, Evaluation, Finding, Lang } from '../model';
import { formatRate } from '../numbers';
import { composeNarrative, type Block } from './narrative';
import type { CellFormat, CellStyle, PlanCell, PlanRow, ReportPlan } from './reportPlan';

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

const LINE_HEIGHT = 16;

/** Rows a wrapped text needs across `width` characters (CJK glyphs are about two characters wide). */
export function estimateLines(text: string, width: number): number {
  let units = 0;
  for (const ch of text) units += /[\u2e80-\u9fff\uff00-\uffef\u3000-\u303f]/.test(ch) ? 1.6 : 1.0;
  return Math.max(1, Math.ceil(units / (width * 0.98)));
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
  const spanRow = (text: string, style: CellStyle, wrap: boolean) => {
    const height = wrap ? estimateLines(text, totalWidth) * LINE_HEIGHT + 4 : undefined;
    rows.push({ cells: [cell(text, style)], spanAll: true, ...(height ? { height } : {}) });
  };
  const blank = () => rows.push({ cells: [] });

  for (const block of composeNarrative(ev)) writeBlock(block, spanRow);

  // 附表1: the summary table.
  blank();
  spanRow(zh ? '附表1：项目支出绩效情况汇总表' : 'Table 1: Projects', 'caption', false);
  const summaryHeaderRow = rows.length;
  rows.push({ cells: columns.map((c) => cell(c.header[lang], 'tableHeader')), height: 30 });
  const status = (p: Evaluation['projects'][number]) => {
    if (p.executionRate === null) return zh ? '无预算' : 'No budget';
    if (!p.underTarget) return zh ? '达标' : 'On target';
    if (p.needsReason) return zh ? '未达标（需说明原因）' : 'Under target (explain)';
    return zh ? '未达标' : 'Under target';
  };
  for (const p of ev.projects) {
    const h = p.underTarget;
    rows.push({
      cells: [
        cell(p.name, 'tableCell', 'text', h),
        cell(p.initialBudget, 'tableCell', 'amount', h),
        cell(p.adjustment, 'tableCell', 'amount', h),
        cell(p.adjustedBudget, 'tableCell', 'amount', h),
        ...(showCarry ? [cell(p.carryover, 'tableCell', 'amount', h)] : []),
        cell(p.actual, 'tableCell', 'amount', h),
        cell(p.executionRate, 'tableCell', 'percent', h),
        cell(p.effectiveTarget, 'tableCell', 'percent', h),
        cell(status(p), 'tableCell', 'text', h),
      ],
    });
  }
  const s = ev.projectSum;
  rows.push({
    cells: [
      cell(zh ? '合计（各项目之和）' : 'Total (sum of projects)', 'tableTotal'),
      cell(s.initialBudget, 'tableTotal', 'amount'),
      cell(s.adjustment, 'tableTotal', 'amount'),
      cell(s.adjustedBudget, 'tableTotal', 'amount'),
      ...(showCarry ? [cell(s.carryover, 'tableTotal', 'amount')] : []),
      cell(s.actual, 'tableTotal', 'amount'),
      cell(s.executionRate, 'tableTotal', 'percent'),
      cell(null, 'tableTotal'),
      cell(null, 'tableTotal'),
    ],
  });
  const basisText: Record<Lang, Record<Evaluation['department']['basis'], string>> = {
    zh: { adjusted: '实际支出数 ÷ 调整后预算数', initial: '实际支出数 ÷ 年初预算数', 'adjusted-plus-carryover': '实际支出数 ÷（调整后预算数 + 上年结转）' },
    en: { adjusted: 'actual ÷ adjusted budget', initial: 'actual ÷ initial budget', 'adjusted-plus-carryover': 'actual ÷ (adjusted budget + carry-over)' },
  };
  spanRow(
    zh
      ? `注：执行率 = ${basisText.zh[ev.department.basis]}。金额以万元显示两位小数，执行率按未舍入的金额计算，按显示金额复算可能有 0.01% 的尾差。目标 ${formatRate(ev.department.target, 'fixed')}，低于 ${formatRate(ev.department.explainBelow, 'fixed')} 须说明原因。`
      : `Note: execution rate = ${basisText.en[ev.department.basis]}. Amounts show 2 decimals of 10k yuan; rates come from the unrounded amounts, so recomputing from the shown figures may differ by 0.01%. Target ${formatRate(ev.department.target, 'fixed')}; below ${formatRate(ev.department.explainBelow, 'fixed')} a reason is required.`,
    'note',
    true,
  );

  // 附表2: problems found in the data.
  blank();
  spanRow(zh ? '附表2：数据问题清单' : 'Table 2: Problems found in the data', 'caption', false);
  const messageWidth = widths.slice(2).reduce((a, b) => a + b, 0);
  rows.push({ cells: [cell(zh ? '级别' : 'Severity', 'tableHeader'), cell(zh ? '位置' : 'Cell', 'tableHeader'), cell(zh ? '问题' : 'Problem', 'tableHeader')] });
  merges.push({ top: rows.length - 1, bottom: rows.length - 1, left: 2, right: columns.length - 1 });
  if (ev.findings.length === 0) {
    rows.push({ cells: [cell(null, 'tableCell'), cell(null, 'tableCell'), cell(zh ? '未发现问题。' : 'No problems found.', 'tableCell')] });
    merges.push({ top: rows.length - 1, bottom: rows.length - 1, left: 2, right: columns.length - 1 });
  }
  for (const f of ev.findings) {
    rows.push({
      cells: [cell(SEVERITY_TEXT[lang][f.severity], 'tableCell'), cell(f.cell ?? (zh ? '整个工作簿' : 'Workbook'), 'tableCell'), cell(f.message, 'tableCell')],
      height: estimateLines(f.message, messageWidth) * LINE_HEIGHT + 2,
    });
    merges.push({ top: rows.length - 1, bottom: rows.length - 1, left: 2, right: columns.length - 1 });
  }

  return { sheetName, lang, columnWidths: widths, rows, summaryHeaderRow, merges };
}

function writeBlock(block: Block, spanRow: (text: string, style: CellStyle, wrap: boolean) => void): void {
  switch (block.kind) {
    case 'title':
      spanRow(block.text, 'title', true);
      return;
    case 'heading1':
    case 'heading2':
      spanRow(block.text, block.kind, false);
      return;
    case 'paragraph':
      spanRow(block.text, 'paragraph', true);
      return;
    case 'signature':
      spanRow(block.text, 'signature', false);
  }
}
