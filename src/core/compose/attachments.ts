// The attachments' wording (附表1 the score, 附表2 the problems, 附表3 the projects), shared by the report
// sheet (composeReport.ts) and the Word document (gateways/docx), so both print the same headers and notes.
import type { Evaluation, Lang, ProjectResult } from '../model';
import { formatAmount, formatRate } from '../numbers';
import { gradeBands } from '../score/score';
import { words } from '../wording';

export type Attachment = 'score' | 'problems' | 'summary';

/** Each attachment's label and title: `附表1` + `自评评分表`. */
export const ATTACHMENTS: Record<Attachment, Record<Lang, { label: string; title: string }>> = {
  score: { zh: { label: '附表1', title: '自评评分表' }, en: { label: 'Table 1', title: 'Self-evaluation score' } },
  problems: { zh: { label: '附表2', title: '数据问题清单' }, en: { label: 'Table 2', title: 'Problems found in the data' } },
  summary: { zh: { label: '附表3', title: '项目支出绩效情况汇总表' }, en: { label: 'Table 3', title: 'Projects' } },
};

/** One line, as the report sheet captions it: `附表1：自评评分表`. */
export function attachmentCaption(which: Attachment, lang: Lang): string {
  const { label, title } = ATTACHMENTS[which][lang];
  return words(lang).report.caption(label, title);
}

export interface Column {
  header: Record<Lang, string>;
  /** Excel column width (digits of the default font). */
  width: number;
}

const money = (zh: string, en: string): Column => ({ header: { zh: `${zh}\n（万元）`, en: `${en}\n(10k yuan)` }, width: 13 });

/** 上年结转 is shown when it enters the rate or any project has one. */
export function showsCarryover(ev: Evaluation): boolean {
  return ev.department.basis === 'adjusted-plus-carryover' || ev.projects.some((p) => p.carryover !== 0);
}

/** The summary table's columns, in order: name, amounts (with 上年结转 when shown), rate, target, status. */
export function summaryColumns(ev: Evaluation): Column[] {
  return [
    { header: { zh: '项目名称', en: 'Project' }, width: 34 },
    money('年初预算数', 'Initial budget'),
    money('预算调整数', 'Adjustment'),
    money('调整后预算数', 'Adjusted budget'),
    ...(showsCarryover(ev) ? [money('上年结转', 'Carry-over')] : []),
    money('实际支出数', 'Actual'),
    { header: { zh: '执行率', en: 'Execution rate' }, width: 11 },
    { header: { zh: '执行率目标', en: 'Target' }, width: 11 },
    { header: { zh: '状态', en: 'Status' }, width: 20 },
  ];
}

export const SUMMARY_TOTAL_LABEL: Record<Lang, string> = { zh: '合计（各项目之和）', en: 'Total (sum of projects)' };

/** The status words; the report sheet's status formulas write the same ones. */
export const STATUS_TEXT: Record<Lang, { noBudget: string; onTarget: string; under: string; explain: string }> = {
  zh: { noBudget: '无预算', onTarget: '达标', under: '未达标', explain: '未达标（需说明原因）' },
  en: { noBudget: 'No budget', onTarget: 'On target', under: 'Under target', explain: 'Under target (explain)' },
};

export function projectStatus(p: ProjectResult, lang: Lang): string {
  const text = STATUS_TEXT[lang];
  if (p.executionRate === null) return text.noBudget;
  if (!p.underTarget) return text.onTarget;
  return p.needsReason ? text.explain : text.under;
}

export const SCORE_HEADERS: Record<Lang, string[]> = {
  zh: ['指标', '分值', '实际值', '得分', '说明'],
  en: ['Indicator', 'Points', 'Actual', 'Score', 'Notes'],
};

export const SCORE_TOTAL_LABEL: Record<Lang, string> = { zh: '合计', en: 'Total' };

/** The 说明 of the score table's total row: the grade, or the points still open and the provisional grade. */
export function scoreTotalNote(ev: Evaluation): string {
  const w = words(ev.options.lang).report;
  const { score } = ev;
  return score.provisional ? w.scoreTotalProvisional(formatAmount(score.unscored, 'trim'), score.grade) : w.scoreTotal(score.grade);
}

/** The note under the score table: where the indicators come from, and the grade bands. */
export function scoreNote(ev: Evaluation): string {
  const { score } = ev;
  // The grade bands as the profile has them (the 评分设置 sheet can move them).
  const bands = gradeBands(score.rules, ev.options.lang);
  return words(ev.options.lang).report.scoreNote(score.fromSheet, bands, score.max !== 100);
}

/** The note under the summary table: how the rate is computed, rounding, target and threshold. */
export function summaryNote(ev: Evaluation): string {
  const w = words(ev.options.lang).report;
  const target = formatRate(ev.department.target, 'fixed');
  const explainBelow = formatRate(ev.department.explainBelow, 'fixed');
  return w.summaryNote(w.basisFormula[ev.department.basis], target, explainBelow);
}
