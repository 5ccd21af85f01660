// Outcomes for the pane's tests, made by running the real pipeline on small snapshots (never written by hand).
import { runPipeline } from '../../src/core/pipeline';
import type { Lang, NumberStyle } from '../../src/core/model';
import type { GenerateOutcome } from '../../src/gateways/host';
import { options, projectSheet, sheet, workbook } from '../core/snapshot';

/**
 * Four projects in 万元, no totals table, the default 95% / 90%:
 * 三防抢险工作经费 94.19% and 宣传教育经费 87.5% are under target (the second also needs a reason, a warning at
 * 项目支出!B5), 甲 spent over its budget (a warning at 项目支出!B6); the department is at 226.19 / 240 = 94.25%.
 */
export function writtenOutcome(over: { lang?: Lang; style?: NumberStyle; highlight?: 'rule' | 'fill' | 'none'; protectedSheets?: string[] } = {}): GenerateOutcome {
  const snapshot = workbook([
    sheet('部门信息', [
      ['部门名称', '示例区应急管理局'],
      ['年度', 2021],
    ]),
    projectSheet('项目支出', [
      ['三防抢险工作经费', 100, 0, 100, 94.19],
      ['总值班室工作经费', 50, 0, 50, 50],
      ['宣传教育经费', 80, 0, 80, 70],
      ['甲', 10, 0, 10, 12],
    ]),
  ]);
  const result = runPipeline(snapshot, options({ lang: over.lang ?? 'zh', style: over.style ?? 'trim' }));
  if (!result.ok) throw new Error('the test workbook should evaluate');
  return { ok: true, evaluation: result.evaluation, reportSheet: result.report.sheetName, highlight: over.highlight ?? 'rule', chart: false, protectedSheets: over.protectedSheets ?? [] };
}

/** Two cells that are not numbers (项目支出!C2, 项目支出!B3): the workbook cannot be evaluated. */
export function notWrittenOutcome(): GenerateOutcome {
  const snapshot = workbook([
    sheet('项目支出', [
      ['项目名称', '年初预算数', '实际支出数'],
      ['甲', 100, 'abc'],
      ['乙', '十', 5],
    ]),
  ]);
  const result = runPipeline(snapshot, options());
  if (result.ok) throw new Error('the test workbook should not evaluate');
  return { ok: false, findings: result.findings };
}
