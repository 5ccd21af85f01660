// The narrative of the report, section by section as in a 部门整体支出绩效自评报告, in Chinese or English.
// Facts come only from the evaluation; what only the clerk knows is left as a visible 【请填写…】 prompt.
import { DEFAULT_CONFIG, type Lists } from '../config';
import { belowAsDisplayed } from '../evaluate';
import type { AmountSources, Evaluation, Finding, Lang, ProjectResult, SourceCell } from '../model';
import { formatAmount, formatRate } from '../numbers';
import { digest } from '../record/digest';
import { GRADE_EN, words } from '../wording';
import { indicatorKeys, missedText, scoredProjects, shownName } from './indicators';
import { sourceOf, sourcesOf } from '../sources';

export type Block =
  /** `id`: the place a paragraph the clerk adds after it is anchored to (set by numberParagraphs). */
  | { kind: 'title'; text: string; id?: string }
  | { kind: 'heading1' | 'heading2'; text: string; id?: string }
  | {
      kind: 'paragraph';
      text: string;
      /** `Sheet!A1` cells the paragraph's figures come from (the report's 依据 column). */
      sources?: string[];
      /** Section and place (`2.1.3`: 二、（一）, third paragraph): how a regeneration finds the clerk's edits. */
      id?: string;
      /** Set when `text` is the clerk's own rewrite, kept: the text generated now, shown beside it for comparison. */
      fresh?: string;
      /** A paragraph the clerk added to the report (no generated counterpart): kept where they put it. */
      own?: boolean;
    }
  | { kind: 'signature'; text: string; id?: string };

/** Sources that point into the report itself; composeReport puts in their cells once the tables are laid out. */
export const SOURCE_SUMMARY_TOTAL = '#summary-total';
export const SOURCE_SCORE_TOTAL = '#score-total';

/** The cells a row's figures were read from, in the table's order. */
export function sourceRefs(sources: AmountSources, extra: (SourceCell | null)[] = []): string[] {
  const cells = [sources.initialBudget, sources.adjustment, sources.adjustedBudget, sources.carryover, sources.actual, ...extra];
  return cells.flatMap((c) => (c ? [c.ref] : []));
}


function formatDate(date: Date, lang: Lang): string {
  return words(lang).narrative.date(date.getFullYear(), date.getMonth() + 1, date.getDate());
}

/** Findings a reader of the report should know about (not the info notes). */
function notableFindings(findings: readonly Finding[]): Finding[] {
  const notable: Finding[] = [];
  // Indexed (as every pass here over what grows with the rows): a callback per item costs ten times the loop.
  for (let k = 0; k < findings.length; k++) {
    const f = findings[k];
    if (f.severity === 'warning' && f.code !== 'needs-explanation' && f.code !== 'content-not-kept') notable.push(f);
  }
  return notable;
}

/** The projects under target, in order. */
function underTarget(projects: readonly ProjectResult[]): ProjectResult[] {
  const under: ProjectResult[] = [];
  for (let k = 0; k < projects.length; k++) if (projects[k].underTarget) under.push(projects[k]);
  return under;
}

/** `lists` (the config's): more projects than `lists.projects` and section （二） summarises, and （三） names that many. */
export function composeNarrative(ev: Evaluation, lists: Lists = DEFAULT_CONFIG.lists): Block[] {
  const { lang, style } = ev.options;
  const w = words(lang).narrative;
  const amt = (v: number) => w.amount(formatAmount(v, style));
  const pct = (v: number | null) => (v === null ? w.noRate : formatRate(v, style));
  const name = ev.department.name ?? w.prompts.department;
  const year = ev.department.year;
  const yearText = year === null ? w.prompts.year : String(year);
  const under = underTarget(ev.projects);
  const blocks: Block[] = [];
  const h1 = (i: number, text: string) => blocks.push({ kind: 'heading1', text: w.heading1(i, text) });
  const h2 = (i: number, text: string) => blocks.push({ kind: 'heading2', text: w.heading2(i, text) });
  // `key` names a paragraph that belongs to something (a project, the findings) rather than to a place, so
  // a clerk's rewrite stays with its project when the list above it grows or shrinks.
  const para = (text: string, sources?: string[], key?: string) => blocks.push({ kind: 'paragraph', text, sources, ...(key ? { id: key } : {}) });

  blocks.push({ kind: 'title', text: w.title(name, yearText) });

  // 一、基本情况
  h1(0, w.headings.basics);
  h2(0, w.headings.department);
  para(w.responsibilities(name, ev.info.responsibilities));
  para(w.units(yearText, ev.info.unitsIncluded));
  h2(1, w.headings.work);
  para(ev.info.annualWork ?? w.prompts.work);
  h2(2, w.headings.spending);
  para(totalsSentence(ev, amt, pct), totalsSources(ev));
  if (ev.categories.length > 0) {
    const parts = ev.categories.map((c) => w.category(c.name, amt(c.adjustedBudget), amt(c.actual), pct(c.executionRate)));
    para(w.categories(parts), ev.categories.flatMap((c) => sourceRefs(c.sources)));
  }
  h2(3, w.headings.management);
  para(ev.info.performanceManagement ?? w.prompts.management);

  // 二、综合评价分析
  h1(1, w.headings.assessment);
  h2(0, w.headings.summary);
  para(conclusion(ev, under, pct), [...totalsSources(ev), SOURCE_SUMMARY_TOTAL, ...optional(ev.department.thresholdCells.target)]);
  para(scoreSentence(ev), [SOURCE_SCORE_TOTAL]);
  h2(1, w.headings.tasks);
  if (ev.projects.length <= lists.projects) {
    para(w.tasksIntro);
    ev.projects.forEach((p, i) =>
      para(projectSentence(ev, p, i, amt, pct), [...sourceRefs(sourcesOf(p)), ...(p.underTarget ? targetRefs(ev, p) : []), ...missedRefs(p)], projectKey(p)),
    );
  } else {
    para(projectSummary(ev, under, amt, pct, lists.largest), [SOURCE_SUMMARY_TOTAL]);
  }

  // 三、存在的主要问题
  h1(2, w.headings.problems);
  for (const text of problems(ev, under, pct, lists)) para(text.text, text.sources, text.key);

  // 四、下一步改进措施
  h1(3, w.headings.nextSteps);
  for (const text of measures(ev, under, pct, lists)) para(text.text, text.sources, text.key);

  blocks.push({ kind: 'signature', text: name });
  blocks.push({ kind: 'signature', text: formatDate(ev.options.reportDate, lang) });
  return numberParagraphs(blocks);
}

function optional(ref: string | undefined): string[] {
  return ref === undefined ? [] : [ref];
}

/** Where a project's target comes from: its own target cell, or the workbook's 执行率目标 (none for a setting). */
function targetRefs(ev: Evaluation, p: ProjectResult): string[] {
  if (p.target !== null && p.targetSource) return [p.targetSource.ref];
  return p.target === null ? optional(ev.department.thresholdCells.target) : [];
}

/** A project's paragraphs' key: its name, digested (ids hold no `:` and stay short). */
function projectKey(p: ProjectResult): string {
  return `p${digest(p.name, 12)}`;
}

/**
 * Gives each paragraph its id: heading 1, heading 2 (0 before the first), then its key or its place among
 * the unkeyed paragraphs under them, from 1 (`4.0.1`: 四、, first paragraph).
 */
function numberParagraphs(blocks: Block[]): Block[] {
  let h1 = 0;
  let h2 = 0;
  let n = 0;
  for (const block of blocks) {
    if (block.kind === 'heading1') [h1, h2, n] = [h1 + 1, 0, 0];
    else if (block.kind === 'heading2') [h2, n] = [h2 + 1, 0];
    if (block.kind === 'paragraph') block.id = `${h1}.${h2}.${block.id ?? ++n}`;
    // Headings, the title and the signature anchor the paragraphs a clerk adds after them.
    else block.id = block.kind === 'signature' ? 'sig' : `${h1}.${h2}`;
  }
  return blocks;
}

/** Where the department's totals come from: the totals table's total row, its categories, or the projects. */
function totalsSources(ev: Evaluation): string[] {
  if (ev.totals.source === 'projects') return [SOURCE_SUMMARY_TOTAL];
  const own = sourceRefs(ev.totals.sources);
  return own.length > 0 ? own : ev.categories.flatMap((c) => sourceRefs(c.sources));
}

function totalsSentence(ev: Evaluation, amt: (v: number) => string, pct: (v: number | null) => string): string {
  const t = ev.totals;
  const carry = ev.department.basis === 'adjusted-plus-carryover';
  return words(ev.options.lang).narrative.totals({
    initialBudget: t.initialBudget === null ? null : amt(t.initialBudget),
    adjustment: t.adjustment === null ? null : amt(t.adjustment),
    adjustedBudget: amt(t.adjustedBudget),
    carryover: carry || t.carryover !== 0 ? amt(t.carryover) : null,
    actual: amt(t.actual),
    adjustmentRate: t.adjustmentRate === null ? null : pct(t.adjustmentRate),
    executionRate: pct(t.executionRate),
    fromProjects: t.source === 'projects',
  });
}

function conclusion(ev: Evaluation, under: ProjectResult[], pct: (v: number | null) => string): string {
  const t = ev.totals;
  const met = t.executionRate !== null && !belowAsDisplayed(t.executionRate, ev.department.target);
  let rated = 0;
  for (let k = 0; k < ev.projects.length; k++) if (ev.projects[k].executionRate !== null) rated++;
  return words(ev.options.lang).narrative.conclusion({
    rate: t.executionRate === null ? null : pct(t.executionRate),
    met,
    target: pct(ev.department.target),
    count: ev.projects.length,
    ok: rated - under.length,
    under: under.length,
  });
}

/** The total and its grade, provisional while indicators wait for the clerk's hand (评分明细见附表1). */
export function scoreSentence(ev: Evaluation): string {
  const w = words(ev.options.lang).narrative;
  const s = ev.score;
  const n = (v: number) => formatAmount(v, 'trim');
  const figures = { total: n(s.total), max: n(s.max), unscored: n(s.unscored), best: n(s.total + s.unscored), grade: s.grade, bestGrade: s.bestGrade };
  if (!s.provisional) return w.score(figures);
  return s.grade === s.bestGrade ? w.scoreProvisionalSameGrade(figures) : w.scoreProvisional(figures);
}

export { GRADE_EN };

function projectSentence(ev: Evaluation, p: ProjectResult, i: number, amt: (v: number) => string, pct: (v: number | null) => string): string {
  const text = words(ev.options.lang).narrative.project({
    n: i + 1,
    name: shownName(p),
    budget: amt(p.denominator),
    actual: amt(p.actual),
    rate: pct(p.executionRate),
    below: p.underTarget ? pct(p.effectiveTarget) : null,
    purpose: p.purpose || null,
    outcome: p.outcome || null,
  });
  return p.selfScore && p.indicators.length > 0 ? joinSentences(text, indicatorSentence(ev, p), ev.options.lang) : text;
}

/** `a` then `b`, with the full stop `a` lacks when it ends in the clerk's own words (实际完成情况 without one). */
function joinSentences(a: string, b: string, lang: Lang): string {
  if (lang === 'zh') return `${a}${/[。！？；…]$/.test(a) ? '' : '。'}${b}`;
  return `${a}${/[.!?;…]$/.test(a) ? '' : '.'}${b}`;
}

/** How many indicators were set and met, the rule's total, and each missed one as written. */
function indicatorSentence(ev: Evaluation, p: ProjectResult): string {
  const { lang } = ev.options;
  const n = (v: number) => formatAmount(v, 'trim');
  const missed = p.indicators.filter((i) => i.met === false);
  const met = p.indicators.filter((i) => i.met === true).length;
  return words(lang).narrative.indicators({
    set: p.indicators.length,
    met,
    missed: missed.length,
    unknown: p.indicators.length - met - missed.length,
    score: n(p.selfScore!.ruleScore),
    points: n(p.selfScore!.points),
    missedList: missed.map((i) => missedText(i, lang)),
  });
}

/** The cells of a project's missed indicators (their 三级 name cells). */
function missedRefs(p: ProjectResult): string[] {
  return p.indicators.filter((i) => i.met === false).map((i) => i.cell);
}

/**
 * The `count` projects that spent most, most first, ties in their order: what a stable sort by actual
 * descending gives, without sorting thousands of projects to name a few.
 */
export function largestBy(projects: readonly ProjectResult[], count: number): ProjectResult[] {
  // A list as long as the projects (or an odd count): the sort itself.
  if (!Number.isInteger(count) || count < 0 || count >= projects.length) return [...projects].sort((a, b) => b.actual - a.actual).slice(0, count);
  const top: ProjectResult[] = [];
  if (count === 0) return top;
  // Indexed: a for-of costs an iterator step per project while the code is still interpreted.
  for (let k = 0; k < projects.length; k++) {
    const p = projects[k];
    if (top.length === count && !(p.actual > top[count - 1].actual)) continue;
    // After every one that spent as much or more: a later project never passes an equal earlier one.
    let at = top.length;
    while (at > 0 && top[at - 1].actual < p.actual) at--;
    top.splice(at, 0, p);
    if (top.length > count) top.pop();
  }
  return top;
}

function projectSummary(ev: Evaluation, under: ProjectResult[], amt: (v: number) => string, pct: (v: number | null) => string, count: number): string {
  const w = words(ev.options.lang).narrative;
  const s = ev.projectSum;
  const largest = largestBy(ev.projects, count);
  const text = w.projectSummary({
    count: ev.projects.length,
    budget: amt(s.adjustedBudget),
    actual: amt(s.actual),
    rate: pct(s.executionRate),
    under: under.length,
    largest: largest.map((p) => w.largestItem(shownName(p), amt(p.actual), pct(p.executionRate))),
  });
  // Too many projects to tell one by one: their indicators in one sentence.
  const scored = scoredProjects(ev.projects);
  if (scored.length === 0) return text;
  const set = scored.reduce((n, p) => n + p.indicators.length, 0);
  const missed = scored.reduce((n, p) => n + p.indicators.filter((i) => i.met === false).length, 0);
  return text + w.indicatorsSummary(scored.length, set, missed);
}

function problems(ev: Evaluation, under: ProjectResult[], pct: (v: number | null) => string, lists: Lists): Paragraph[] {
  const w = words(ev.options.lang).narrative;
  const out: Paragraph[] = [];
  const count = ev.projects.length;
  if (under.length === 0) {
    out.push({ text: w.allMet(count) });
  } else {
    out.push({ text: w.someUnder(count, under.length) });
    under.slice(0, lists.projects).forEach((p, i) => {
      const reason = p.reason.trim();
      const reasonText = reason ? w.reason(reason) : p.needsReason ? w.reasonMissing : '';
      out.push({
        text: w.underItem(i + 1, shownName(p), pct(p.executionRate), pct(p.effectiveTarget), reasonText),
        sources: [...sourceRefs({ adjustedBudget: sourceOf(p, 'adjustedBudget'), actual: sourceOf(p, 'actual') }), ...targetRefs(ev, p)],
        key: projectKey(p),
      });
    });
    if (under.length > lists.projects) out.push({ text: w.moreUnder(under.length - lists.projects) });
  }
  out.push(...missedIndicators(ev, lists.projects));
  out.push(...formTexts(ev, 'problems', lists.projects));
  const notable = notableFindings(ev.findings);
  if (notable.length > 0) {
    const shown = notable.slice(0, lists.findings);
    // Each message ends a sentence of its own: its full stop goes before they are joined (not 计算。；人居环境!D7).
    const list = shown.map((f) => `${f.cell ? `${f.cell}：` : ''}${f.message.replace(/[。.]\s*$/, '')}`);
    out.push({
      text: w.findingsSummary(notable.length, list, notable.length > shown.length),
      sources: shown.flatMap((f) => (f.cell ? [f.cell] : [])),
      key: 'findings',
    });
  }
  return out;
}

type Paragraph = { text: string; sources?: string[]; key?: string };

/** 三: each missed indicator with its 偏差原因 or a prompt for it, keyed by project + indicator; the rest counted (附表3). */
function missedIndicators(ev: Evaluation, limit: number): Paragraph[] {
  const { lang } = ev.options;
  const w = words(lang).narrative;
  const missed = scoredProjects(ev.projects).flatMap((p) => p.indicators.flatMap((ind, i) => (ind.met === false ? [{ p, ind, i }] : [])));
  if (missed.length === 0) return [];
  const out: Paragraph[] = [{ text: w.missedIntro(new Set(missed.map((m) => m.p)).size, missed.length) }];
  // Keys (a digest each) only for the items shown: a large workbook may miss thousands.
  const keys = new Map<ProjectResult, string[]>();
  missed.slice(0, limit).forEach(({ p, ind, i }, n) => {
    if (!keys.has(p)) keys.set(p, indicatorKeys(p));
    const reason = (ind.reason ?? '').trim();
    out.push({ text: w.missedItem(n + 1, shownName(p), missedText(ind, lang), reason ? w.reason(reason) : w.reasonPrompt), sources: [ind.cell], key: keys.get(p)![i] });
  });
  if (missed.length > limit) out.push({ text: w.moreMissed(missed.length - limit) });
  return out;
}

/**
 * A form's own 存在问题 (三) or 改进措施 (四), one paragraph per project (keyed by it), up to `limit`; the rest
 * counted. Measures are numbered from `first`.
 */
function formTexts(ev: Evaluation, which: 'problems' | 'improvements', limit: number, first = 1): Paragraph[] {
  const w = words(ev.options.lang).narrative;
  // An indexed loop, not flatMap: every project passes here, and most have no form (no array each).
  const forms: { p: ProjectResult; text: string }[] = [];
  for (let k = 0; k < ev.projects.length; k++) {
    const p = ev.projects[k];
    const text = p.form?.[which]?.trim();
    if (text) forms.push({ p, text });
  }
  const out: Paragraph[] = forms.slice(0, limit).map(({ p, text }, i) => ({
    text: which === 'problems' ? w.formProblems(shownName(p), text) : w.formMeasures(first + i, shownName(p), text),
    sources: [p.cell],
    key: `${which === 'problems' ? 'q' : 'm'}${digest(p.name, 12)}`,
  }));
  const more = forms.length - limit;
  if (more > 0) out.push({ text: which === 'problems' ? w.moreFormProblems(more) : w.moreFormMeasures(first + out.length, more) });
  return out;
}

function measures(ev: Evaluation, under: ProjectResult[], pct: (v: number | null) => string, lists: Lists): Paragraph[] {
  const { narrative: w, listSeparator } = words(ev.options.lang);
  const named = lists.names;
  const out: Paragraph[] = [];
  const push = (text: string, sources?: string[]) => out.push({ text, sources });
  if (under.length > 0) {
    const names = under.slice(0, named).map(shownName).join(listSeparator);
    push(w.measureAnalyse(names, under.length > named), under.slice(0, named).map((p) => p.cell));
    push(w.measureBudget(pct(ev.department.explainBelow)), optional(ev.department.thresholdCells.explainBelow));
  } else {
    push(w.measureKeep);
  }
  const adj = ev.totals.adjustmentRate;
  if (adj !== null && Math.abs(adj) > 0.1) push(w.measureAdjustment(out.length + 1, pct(adj)), totalsSources(ev));
  if (notableFindings(ev.findings).length > 0) push(w.measureCheckData(out.length + 1));
  out.push(...formTexts(ev, 'improvements', lists.projects, out.length + 1));
  push(w.measureStrengthen(out.length + 1));
  return out;
}
