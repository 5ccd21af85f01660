// The narrative of the report, section by section as in a 部门整体支出绩效自评报告, in Chinese or English.
// Facts come only from the evaluation; what only the clerk knows is left as a visible 【请填写…】 prompt.
import { belowAsDisplayed } from '../evaluate';
import type { AmountSources, Evaluation, Finding, Lang, ProjectResult, SourceCell } from '../model';
import { formatAmount, formatRate } from '../numbers';
import { digest } from '../record/digest';

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

/** More projects than this and section （二） summarises instead of listing each. */
export const LIST_LIMIT = 30;
const LARGEST = 5;

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

function prompt(lang: Lang, zh: string, en: string): string {
  return lang === 'zh' ? `【请填写${zh}】` : `[Please fill in: ${en}]`;
}

function formatDate(date: Date, lang: Lang): string {
  const y = date.getFullYear();
  const m = date.getMonth() + 1;
  const d = date.getDate();
  return lang === 'zh' ? `${y}年${m}月${d}日` : `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Findings a reader of the report should know about (not the info notes). */
function notableFindings(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.severity === 'warning' && f.code !== 'needs-explanation' && f.code !== 'content-not-kept');
}

export function composeNarrative(ev: Evaluation): Block[] {
  const { lang, style } = ev.options;
  const zh = lang === 'zh';
  const amt = (v: number) => (zh ? `${formatAmount(v, style)}万元` : `${formatAmount(v, style)} (10k yuan)`);
  const pct = (v: number | null) => (v === null ? (zh ? '无法计算' : 'n/a') : formatRate(v, style));
  const name = ev.department.name ?? prompt(lang, '部门名称', 'department name');
  const year = ev.department.year;
  const yearText = year === null ? prompt(lang, '年度', 'fiscal year') : String(year);
  const under = ev.projects.filter((p) => p.underTarget);
  const blocks: Block[] = [];
  const h1 = (i: number, zhText: string, enText: string) =>
    blocks.push({ kind: 'heading1', text: zh ? `${NUMERALS[i]}、${zhText}` : `${i + 1}. ${enText}` });
  const h2 = (i: number, zhText: string, enText: string) =>
    blocks.push({ kind: 'heading2', text: zh ? `（${NUMERALS[i]}）${zhText}` : `(${String.fromCharCode(97 + i)}) ${enText}` });
  // `key` names a paragraph that belongs to something (a project, the findings) rather than to a place, so
  // a clerk's rewrite stays with its project when the list above it grows or shrinks.
  const para = (text: string, sources?: string[], key?: string) => blocks.push({ kind: 'paragraph', text, sources, ...(key ? { id: key } : {}) });

  blocks.push({
    kind: 'title',
    text: zh ? `${name}${yearText}年部门整体支出绩效自评报告` : `${name}: Self-evaluation of Department-wide Expenditure Performance, ${yearText}`,
  });

  // 一、基本情况
  h1(0, '基本情况', 'Basic information');
  h2(0, '部门概况', 'The department');
  para(
    zh
      ? `${name}的主要职责是：${ev.info.responsibilities ?? prompt(lang, '部门主要职责', '')}`
      : `The main responsibilities of ${name}: ${ev.info.responsibilities ?? prompt(lang, '', 'main responsibilities')}`,
  );
  para(
    zh
      ? `纳入本部门${yearText}年部门整体支出绩效自评范围的单位：${ev.info.unitsIncluded ?? prompt(lang, '纳入自评范围的单位', '')}。`.replace(/。。$/, '。')
      : `Units covered by this ${yearText} self-evaluation: ${ev.info.unitsIncluded ?? prompt(lang, '', 'units included')}.`.replace(/\.\.$/, '.'),
  );
  h2(1, '年度总体工作和重点工作任务', 'Annual work and key tasks');
  para(ev.info.annualWork ?? prompt(lang, '年度总体工作和重点工作任务', 'annual work and key tasks'));
  h2(2, '部门整体支出情况', 'Department-wide expenditure');
  para(totalsSentence(ev, amt, pct), totalsSources(ev));
  if (ev.categories.length > 0) {
    const parts = ev.categories.map((c) =>
      zh
        ? `${c.name}调整后预算数 ${amt(c.adjustedBudget)}，实际支出数 ${amt(c.actual)}，执行率 ${pct(c.executionRate)}`
        : `${c.name}: adjusted budget ${amt(c.adjustedBudget)}, actual ${amt(c.actual)}, execution rate ${pct(c.executionRate)}`,
    );
    para(zh ? `其中，${parts.join('；')}。` : `By category — ${parts.join('; ')}.`, ev.categories.flatMap((c) => sourceRefs(c.sources)));
  }
  h2(3, '部门整体绩效管理情况', 'Performance management');
  para(ev.info.performanceManagement ?? prompt(lang, '部门整体绩效管理情况', 'how the department managed performance'));

  // 二、综合评价分析
  h1(1, '综合评价分析', 'Overall assessment');
  h2(0, '自评结论综述', 'Summary of the self-evaluation');
  para(conclusion(ev, under, pct), [...totalsSources(ev), SOURCE_SUMMARY_TOTAL, ...optional(ev.department.thresholdCells.target)]);
  para(scoreSentence(ev), [SOURCE_SCORE_TOTAL]);
  h2(1, '各项工作任务绩效目标完成情况分析', 'Performance of each task');
  if (ev.projects.length <= LIST_LIMIT) {
    para(zh ? '本部门年度各项工作任务绩效目标完成情况如下：' : 'Each task performed as follows:');
    ev.projects.forEach((p, i) => para(projectSentence(ev, p, i, amt, pct), [...sourceRefs(p.sources), ...(p.underTarget ? targetRefs(ev, p) : [])], projectKey(p)));
  } else {
    para(projectSummary(ev, under, amt, pct), [SOURCE_SUMMARY_TOTAL]);
  }

  // 三、存在的主要问题
  h1(2, '存在的主要问题', 'Main problems');
  for (const text of problems(ev, under, pct)) para(text.text, text.sources, text.key);

  // 四、下一步改进措施
  h1(3, '下一步改进措施', 'Next steps');
  for (const text of measures(ev, under, pct)) para(text.text, text.sources);

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
  const zh = ev.options.lang === 'zh';
  const t = ev.totals;
  const fromProjects = t.source === 'projects' ? (zh ? '（按各项目合计）' : ' (the sum of the projects)') : '';
  const carry = ev.department.basis === 'adjusted-plus-carryover';
  if (zh) {
    const head =
      t.initialBudget !== null && t.adjustment !== null
        ? `本部门年度整体支出年初预算数 ${amt(t.initialBudget)}，整体支出预算调整数 ${amt(t.adjustment)}，`
        : `本部门年度整体支出调整后预算数 ${amt(t.adjustedBudget)}，`;
    const carryText = carry || t.carryover !== 0 ? `上年结转 ${amt(t.carryover)}，` : '';
    const adjRate = t.adjustmentRate !== null ? `预算调整率 ${pct(t.adjustmentRate)}，` : '';
    return `${head}${carryText}整体年度实际支出数 ${amt(t.actual)}${fromProjects}，${adjRate}预算完成率 ${pct(t.executionRate)}。`;
  }
  const head =
    t.initialBudget !== null && t.adjustment !== null
      ? `The department's initial budget was ${amt(t.initialBudget)}, adjusted by ${amt(t.adjustment)}; `
      : `The department's adjusted budget was ${amt(t.adjustedBudget)}; `;
  const carryText = carry || t.carryover !== 0 ? `carry-over ${amt(t.carryover)}; ` : '';
  const adjRate = t.adjustmentRate !== null ? `an adjustment rate of ${pct(t.adjustmentRate)} and ` : '';
  return `${head}${carryText}actual expenditure was ${amt(t.actual)}${fromProjects}: ${adjRate}an execution rate of ${pct(t.executionRate)}.`;
}

function conclusion(ev: Evaluation, under: ProjectResult[], pct: (v: number | null) => string): string {
  const zh = ev.options.lang === 'zh';
  const t = ev.totals;
  const target = pct(ev.department.target);
  const met = t.executionRate !== null && !belowAsDisplayed(t.executionRate, ev.department.target);
  const count = ev.projects.length;
  const rated = ev.projects.filter((p) => p.executionRate !== null).length;
  const ok = rated - under.length;
  if (zh) {
    const overall = t.executionRate === null ? '本部门整体预算完成率无法计算（预算为 0）' : `本部门整体预算完成率 ${pct(t.executionRate)}，${met ? '达到' : '未达到'} ${target} 的执行率目标`;
    const projects = under.length === 0 ? `${count} 个项目的执行率均达到目标` : `${count} 个项目中 ${ok} 个达到目标，${under.length} 个低于目标`;
    return `${overall}；${projects}。`;
  }
  const overall =
    t.executionRate === null
      ? 'The department-wide execution rate cannot be computed (zero budget)'
      : `The department-wide execution rate was ${pct(t.executionRate)}, ${met ? 'meeting' : 'short of'} the ${target} target`;
  const projects = under.length === 0 ? `all ${count} projects met their targets` : `of ${count} projects, ${ok} met their targets and ${under.length} fell short`;
  return `${overall}; ${projects}.`;
}

/** The total and its grade, provisional while indicators wait for the clerk's hand (评分明细见附表1). */
export function scoreSentence(ev: Evaluation): string {
  const zh = ev.options.lang === 'zh';
  const s = ev.score;
  const n = (v: number) => formatAmount(v, 'trim');
  if (!s.provisional) {
    return zh
      ? `按自评评分标准，本部门自评得分 ${n(s.total)} 分（满分 ${n(s.max)} 分），等级为“${s.grade}”（评分明细见附表1）。`
      : `By the scoring rules the department scores ${n(s.total)} of ${n(s.max)} points, grade ${GRADE_EN[s.grade]} (details in Table 1).`;
  }
  const best = n(s.total + s.unscored);
  if (s.grade === s.bestGrade) {
    return zh
      ? `按自评评分标准，本部门自评得分 ${n(s.total)} 分（满分 ${n(s.max)} 分，另有 ${n(s.unscored)} 分待人工评分），等级暂定为“${s.grade}”：人工评分完成后总分在 ${n(s.total)} 至 ${best} 分之间，等级不变（评分明细见附表1）。`
      : `By the scoring rules the department scores ${n(s.total)} of ${n(s.max)} points so far (${n(s.unscored)} points still to be scored by hand); provisional grade ${GRADE_EN[s.grade]}: whatever the hand-scored points, the total will be ${n(s.total)}–${best} and the grade will not change (details in Table 1).`;
  }
  return zh
    ? `按自评评分标准，本部门已评指标得分 ${n(s.total)} 分（满分 ${n(s.max)} 分，另有 ${n(s.unscored)} 分待人工评分），等级暂定为“${s.grade}”（仅按已评得分）：人工评分完成后总分在 ${n(s.total)} 至 ${best} 分之间，等级在“${s.grade}”至“${s.bestGrade}”之间，待人工评分完成后确定（评分明细见附表1）。`
    : `By the scoring rules the department scores ${n(s.total)} of ${n(s.max)} points so far (${n(s.unscored)} points still to be scored by hand); provisional grade ${GRADE_EN[s.grade]} (on the scored points only): once scored by hand the total will be ${n(s.total)}–${best} and the grade between ${GRADE_EN[s.grade]} and ${GRADE_EN[s.bestGrade]}, to be settled then (details in Table 1).`;
}

export const GRADE_EN: Record<Evaluation['score']['grade'], string> = { 优: 'Excellent (优)', 良: 'Good (良)', 中: 'Fair (中)', 差: 'Poor (差)' };

function projectSentence(ev: Evaluation, p: ProjectResult, i: number, amt: (v: number) => string, pct: (v: number | null) => string): string {
  const zh = ev.options.lang === 'zh';
  if (zh) {
    const belowText = p.underTarget ? `，低于 ${pct(p.effectiveTarget)} 的目标` : '';
    const purpose = p.purpose ? `资金具体用途为${p.purpose.replace(/[。.]$/, '')}。` : '';
    const outcome = p.outcome ? p.outcome : '';
    return `${i + 1}、${p.name}预算 ${amt(p.denominator)}，使用 ${amt(p.actual)}，完成率 ${pct(p.executionRate)}${belowText}。${purpose}${outcome}`;
  }
  const belowText = p.underTarget ? `, below its ${pct(p.effectiveTarget)} target` : '';
  const purpose = p.purpose ? ` Purpose: ${p.purpose.replace(/[。.]$/, '')}.` : '';
  const outcome = p.outcome ? ` ${p.outcome}` : '';
  return `${i + 1}. ${p.name}: budget ${amt(p.denominator)}, spent ${amt(p.actual)}, execution rate ${pct(p.executionRate)}${belowText}.${purpose}${outcome}`;
}

function projectSummary(ev: Evaluation, under: ProjectResult[], amt: (v: number) => string, pct: (v: number | null) => string): string {
  const zh = ev.options.lang === 'zh';
  const s = ev.projectSum;
  const largest = [...ev.projects].sort((a, b) => b.actual - a.actual).slice(0, LARGEST);
  const list = largest.map((p) => (zh ? `${p.name}（${amt(p.actual)}，${pct(p.executionRate)}）` : `${p.name} (${amt(p.actual)}, ${pct(p.executionRate)})`));
  if (zh) {
    return `本部门年度共 ${ev.projects.length} 个项目，预算合计 ${amt(s.adjustedBudget)}，实际支出合计 ${amt(s.actual)}，执行率 ${pct(s.executionRate)}；${under.length} 个项目低于目标。支出最大的 ${largest.length} 个项目为：${list.join('、')}。各项目明细见附表3。`;
  }
  return `The department ran ${ev.projects.length} projects with a combined budget of ${amt(s.adjustedBudget)} and spending of ${amt(s.actual)} (${pct(s.executionRate)}); ${under.length} fell short of target. The ${largest.length} largest: ${list.join('; ')}. Every project is listed in Table 3.`;
}

function problems(ev: Evaluation, under: ProjectResult[], pct: (v: number | null) => string): { text: string; sources?: string[]; key?: string }[] {
  const zh = ev.options.lang === 'zh';
  const out: { text: string; sources?: string[]; key?: string }[] = [];
  const count = ev.projects.length;
  if (under.length === 0) {
    out.push({
      text: zh
        ? `本部门年度承担 ${count} 个项目，各项目预算执行率均达到目标，未发现执行进度方面的突出问题。`
        : `The department ran ${count} projects and every one met its execution target; no shortfall in spending was found.`,
    });
  } else {
    out.push({
      text: zh
        ? `本部门年度承担 ${count} 个项目，其中 ${under.length} 个项目的预算执行率未达到目标：`
        : `The department ran ${count} projects; ${under.length} did not reach their execution target:`,
    });
    under.slice(0, LIST_LIMIT).forEach((p, i) => {
      const reason = p.reason.trim();
      const reasonText = reason
        ? zh ? `偏差原因：${reason.replace(/[。.]$/, '')}。` : ` Reason: ${reason.replace(/[。.]$/, '')}.`
        : p.needsReason
          ? zh ? '【请说明原因】' : ' [Please explain the reason]'
          : '';
      out.push({
        text: zh
          ? `（${i + 1}）${p.name}执行率 ${pct(p.executionRate)}，低于 ${pct(p.effectiveTarget)} 的目标。${reasonText}`
          : `(${i + 1}) ${p.name}: ${pct(p.executionRate)}, below its ${pct(p.effectiveTarget)} target.${reasonText}`,
        sources: [...sourceRefs({ adjustedBudget: p.sources.adjustedBudget, actual: p.sources.actual }), ...targetRefs(ev, p)],
        key: projectKey(p),
      });
    });
    if (under.length > LIST_LIMIT) {
      out.push({ text: zh ? `另有 ${under.length - LIST_LIMIT} 个项目低于目标，见附表3。` : `${under.length - LIST_LIMIT} more fall short; see Table 3.` });
    }
  }
  const notable = notableFindings(ev.findings);
  if (notable.length > 0) {
    const shown = notable.slice(0, 10);
    // Each message ends a sentence of its own: its full stop goes before they are joined (not 计算。；人居环境!D7).
    const list = shown.map((f) => `${f.cell ? `${f.cell}：` : ''}${f.message.replace(/[。.]\s*$/, '')}`);
    out.push({
      text: zh
        ? `此外，数据核对发现 ${notable.length} 处需要注意的问题（详见附表2）：${list.join('；')}${notable.length > shown.length ? '等' : ''}。`
        : `The data check also found ${notable.length} point(s) to look at (Table 2): ${list.join('; ')}${notable.length > shown.length ? ' …' : ''}.`,
      sources: shown.flatMap((f) => (f.cell ? [f.cell] : [])),
      key: 'findings',
    });
  }
  return out;
}

function measures(ev: Evaluation, under: ProjectResult[], pct: (v: number | null) => string): { text: string; sources?: string[] }[] {
  const zh = ev.options.lang === 'zh';
  const out: { text: string; sources?: string[] }[] = [];
  const push = (text: string, sources?: string[]) => out.push({ text, sources });
  if (under.length > 0) {
    const names = under.slice(0, 5).map((p) => p.name).join(zh ? '、' : ', ');
    push(
      zh
        ? `1.针对${names}${under.length > 5 ? '等' : ''}执行率未达标的项目逐项分析原因，跟踪预算项目支付进度，按月督办执行进度，将责任落实到人。`
        : `1. Analyse each project that fell short (${names}${under.length > 5 ? ', …' : ''}), track payments against plan every month and make named staff responsible.`,
      under.slice(0, 5).map((p) => p.cell),
    );
    push(
      zh
        ? `2.提高预算编制的精准度，结合项目实际需要和往年执行情况测算预算，对执行率低于 ${pct(ev.department.explainBelow)} 的项目在下年度预算安排中予以审慎考虑。`
        : `2. Budget more precisely from real needs and past execution; review next year's allocation of projects below ${pct(ev.department.explainBelow)}.`,
      optional(ev.department.thresholdCells.explainBelow),
    );
  } else {
    push(
      zh
        ? '1.继续保持预算执行进度，加强对项目支出的全过程跟踪，巩固本年度预算执行成效。'
        : '1. Keep spending on schedule and follow each project through the year to hold this year’s results.',
    );
  }
  const adj = ev.totals.adjustmentRate;
  if (adj !== null && Math.abs(adj) > 0.1) {
    push(
      zh
        ? `${out.length + 1}.本年度预算调整率为 ${pct(adj)}，应加强年初预算编制的科学性，减少年中追加和调整。`
        : `${out.length + 1}. The budget was adjusted by ${pct(adj)} during the year: plan the initial budget more thoroughly to reduce mid-year changes.`,
      totalsSources(ev),
    );
  }
  if (notableFindings(ev.findings).length > 0) {
    push(
      zh
        ? `${out.length + 1}.加强预算执行数据的日常核对，确保合计数、调整数与明细数据一致。`
        : `${out.length + 1}. Check the budget data regularly so that totals, adjustments and details agree.`,
    );
  }
  push(
    zh
      ? `${out.length + 1}.强化绩效目标管理和绩效运行监控，将自评结果应用于下一年度预算编制和管理。`
      : `${out.length + 1}. Strengthen performance targets and in-year monitoring, and use this evaluation when preparing next year’s budget.`,
  );
  return out;
}
