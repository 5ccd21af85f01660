// The attachments' wording (附表1 the score, 附表2 the problems, 附表3 the projects' self-scores, 附表4 the
// projects), shared by the report
// sheet (composeReport.ts) and the Word document (gateways/docx), so both print the same headers and notes.
import type { Evaluation, Lang, ProjectResult } from '../model';
import { formatAmount, formatRate } from '../numbers';
import { gradeBands } from '../score/score';
import { usesOther } from './indicators';
import { WORDING, words, type Wording } from '../wording';

export type Attachment = 'score' | 'problems' | 'selfScore' | 'summary';

/** A catalogue entry in each language, as the tables below were before the catalogues. */
function byLang<T>(pick: (w: Wording) => T): Record<Lang, T> {
  return { zh: pick(WORDING.zh), en: pick(WORDING.en) };
}

/** Each attachment's label and title: `附表1` + `自评评分表`. */
export const ATTACHMENTS: Record<Attachment, Record<Lang, { label: string; title: string }>> = {
  score: byLang((w) => w.report.attachments.score),
  problems: byLang((w) => w.report.attachments.problems),
  selfScore: byLang((w) => w.report.attachments.selfScore),
  summary: byLang((w) => w.report.attachments.summary),
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

type ColumnName = keyof Wording['report']['columns'];
const plain = (name: ColumnName, width: number): Column => ({ header: byLang((w) => w.report.columns[name]), width });
const money = (name: ColumnName): Column => ({ header: byLang((w) => w.report.amountHeader(w.report.columns[name])), width: 13 });

/** 上年结转 is shown when it enters the rate or any project has one. */
export function showsCarryover(ev: Evaluation): boolean {
  if (ev.department.basis === 'adjusted-plus-carryover') return true;
  // Indexed: a callback per project costs ten times the loop.
  for (let k = 0; k < ev.projects.length; k++) if (ev.projects[k].carryover !== 0) return true;
  return false;
}

/** The summary table's columns, in order: name, amounts (with 上年结转 when shown), rate, target, status. */
export function summaryColumns(ev: Evaluation): Column[] {
  return [
    plain('project', 34),
    money('initial'),
    money('adjustment'),
    money('adjusted'),
    ...(showsCarryover(ev) ? [money('carryover')] : []),
    money('actual'),
    plain('rate', 11),
    plain('target', 11),
    plain('status', 20),
  ];
}

type SelfScoreColumnName = keyof Wording['report']['selfScoreColumns'];
const selfScore = (name: SelfScoreColumnName, width: number): Column => ({ header: byLang((w) => w.report.selfScoreColumns[name]), width });

/**
 * 附表3's columns: project, execution score, the rule's points by 一级 (其他 only when some indicator has
 * another 一级), the rule's total, the clerk's, the grade, the missed indicators. The sheet's columns are
 * 附表4's; a width here is used where 附表3 runs past them.
 */
export function selfScoreColumns(ev: Evaluation): Column[] {
  return [
    selfScore('project', 34),
    selfScore('execution', 13),
    selfScore('output', 13),
    selfScore('effect', 13),
    selfScore('satisfaction', 13),
    ...(usesOther(ev.projects) ? [selfScore('other', 13)] : []),
    selfScore('rule', 13),
    selfScore('clerk', 11),
    selfScore('grade', 11),
    selfScore('missed', 20),
  ];
}

export const SUMMARY_TOTAL_LABEL: Record<Lang, string> = byLang((w) => w.report.summaryTotal);

/** The status words; the report sheet's status formulas write the same ones. */
export const STATUS_TEXT: Record<Lang, { noBudget: string; onTarget: string; under: string; explain: string }> = byLang((w) => w.report.status);

export function projectStatus(p: ProjectResult, lang: Lang): string {
  const text = STATUS_TEXT[lang];
  if (p.executionRate === null) return text.noBudget;
  if (!p.underTarget) return text.onTarget;
  return p.needsReason ? text.explain : text.under;
}

export const SCORE_HEADERS: Record<Lang, string[]> = byLang((w) => w.report.scoreHeaders);

export const SCORE_TOTAL_LABEL: Record<Lang, string> = byLang((w) => w.report.scoreTotal);

/** The 说明 of the score table's total row: the grade, or the points still open and the provisional grade. */
export function scoreTotalNote(ev: Evaluation): string {
  const w = words(ev.options.lang).report;
  const { score } = ev;
  return score.provisional ? w.scoreTotalProvisional(formatAmount(score.unscored, 'trim'), score.grade) : w.grade(score.grade);
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
