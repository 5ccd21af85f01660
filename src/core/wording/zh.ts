// The report's words in Chinese: the reference language. `Wording` is this object's shape, so the compiler
// makes the English catalogue carry every key (and no more). Functions take figures already formatted
// (numbers.ts) and put them in a sentence; choosing what to say stays with the code that knows the facts.
import type { InvalidNumberKind } from '../findings';
import type { FindingCode } from '../model';
import type { Grade } from '../score/profile';
import { HEADER_WORDS } from '../headers';

/** A finding's parameters once worded in one language: what its message function is given. */
export type WordedParams = Record<string, string | number>;
type FindingText = (p: WordedParams) => string;

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const prompt = (what: string) => `【请填写${what}】`;
const list = (key: keyof typeof HEADER_WORDS) => HEADER_WORDS[key].join('、');
const projectWords = () =>
  `项目名称（${list('name')}）、实际支出（${list('actual')}）以及年初预算（${list('initial')}）或调整后预算（${list('adjusted')}）`;


/** Where a threshold came from: its cell, or the settings / the default. */
const from = (where: string | number) => (where === 'settings' ? '设置' : where === 'default' ? '默认值' : String(where));

const findings: Record<FindingCode, FindingText> = {
  'no-project-table': () => `未找到项目支出表：需要一行表头（在工作表前 30 行、前 20 列内），包含${projectWords()}。`,
  'missing-column': (p) => `项目表缺少“${p.column}”列（可用表头：${p.words}）。`,
  'not-a-number': (p) => `“${p.column}”应为数字，实为“${p.text}”。`,
  'invalid-number': (p) => {
    switch (p.kind as InvalidNumberKind) {
      case 'invalid':
        return `文件在这个数字单元格（“${p.column}”）中存储的是“${p.text}”，不是数字；请重新输入该数字。`;
      case 'date':
        return `“${p.column}”应为数字，实为日期 ${p.text}（单元格为日期格式）；请输入数字，并将单元格格式设为“数值”。`;
      case 'too-large':
        return `“${p.column}”为 ${p.text}，超出上限：绝对值应不超过 ${p.limit}（请检查数字与单位）。`;
      case 'sum-too-large':
        return `“${p.column}”各行之和为 ${p.text}，超出金额上限 ${p.limit}，无法计算（请检查各行的数字与单位）。`;
      case 'not-finite':
        return `计算“${p.column}”得到 ${p.text}，不是有效数字，未生成报告；请检查相关的数字与单位。`;
    }
  },
  'error-value': (p) => `“${p.column}”为错误值 ${p.text}，请先修正公式或数据。`,
  'negative-amount': (p) => `“${p.column}”不应为负数（${p.value}）；只有预算调整数可以为负。`,
  'over-budget': (p) => `“${p.name}”实际支出 ${p.actual} 万元超过预算 ${p.budget} 万元。`,
  'total-mismatch': (p) => `${p.label}行“${p.column}”为 ${p.given}，但所含各行之和为 ${p.sum}（相差 ${p.diff}）。`,
  'project-total-mismatch': (p) => `部门支出表中项目支出的“${p.column}”为 ${p.given} 万元，但各项目合计为 ${p.sum} 万元。`,
  'adjusted-mismatch': (p) => `“${p.name}”年初预算 ${p.initial} + 调整数 ${p.adjustment} ≠ 调整后预算 ${p.adjusted}（单位：${p.unit}），已按调整后预算计算。`,
  'zero-budget': (p) => `“${p.name}”的${p.basis}为 0，无法计算执行率。`,
  'needs-explanation': (p) => `“${p.name}”执行率 ${p.rate} 低于 ${p.threshold}，需填写偏差原因。`,
  // limit: the config's adjustmentWarning (30% by default; the code keeps its name).
  'adjustment-over-30': (p) => `“${p.name}”预算调整率 ${p.rate} 超过 ±${p.limit ?? '30%'}，请说明调整原因。`,
  'duplicate-project': (p) => `项目“${p.name}”重复出现（另见 ${p.other}）。`,
  'rate-mismatch': (p) => `表中“${p.name}”的执行率为 ${p.given}，按数据计算应为 ${p.computed}。`,
  'content-not-kept': (p) => `输出文件无法保留${p.what}（${p.where}），请在原工作簿中查看。`,
  'unnamed-row': () => `此行有金额但没有项目名称，未计入。`,
  'totals-from-projects': () => `未找到部门支出表（支出类别 / 基本支出 / 项目支出 / 合计），部门整体支出按各项目之和计算。`,
  'defaults-used': (p) => `使用默认值：${p.what}。`,
  'score-setting': (p) => `评分设置：${p.text}。`,
  'kept-addition': (p) => `保留了您在报告中添加的段落（${p.where}）。`,
  'kept-edit': (p) => `保留了您修改过的段落（${p.where}），本次生成的内容写在其下一行供对照。`,
  'score-sheet-ignored': (p) => `工作簿有多张评分设置表：按“${p.used}”计分，未读取“${p.ignored}”（要使用其中的设置，请删除另一张或将其改名）。`,
  'text-truncated': (p) =>
    `该单元格的文字有 ${p.length} 个字符，超过 Excel 单元格上限 ${p.limit} 个字符，报告中已截断（末尾标“${p.mark}”）；完整内容请看它的来源。`,
  'threshold-out-of-range': (p) => `“${p.column}”为“${p.text}”，应为${p.expected}：未使用，按设置或默认值。`,
  // from/targetFrom: a cell, or 'settings' / 'default'.
  'explain-above-target': (p) =>
    `说明阈值 ${p.explainBelow}（${from(p.from)}）高于执行率目标 ${p.target}（${from(p.targetFrom)}）：按执行率目标 ${p.target} 作为说明阈值。`,
  'form-total-mismatch': (p) =>
    `“${p.name}”的“${p.column}”：合计行为 ${p.given}，其下各行之和为 ${p.sum}（${p.unit}），已按${p.used === 'sum' ? '各行之和' : '合计行'}计算。`,
  'form-table-duplicate': (p) => `项目“${p.name}”既有自评表（${p.form}）又在项目表中（${p.table}）：按自评表计算，项目表的这一行未计入。`,
  'form-info-mismatch': (p) => `各自评表的${p.what === 'year' ? '年度' : '主管部门'}不一致：采用出现最多的“${p.used}”，另有 ${p.others}。`,
  'indicator-unknown-project': (p) => `绩效指标“${p.indicator}”所属的项目“${p.name}”不在项目表或自评表中，此行未计入。`,
  // Indicators (绩效指标) scored by the rule: `project` and `name` (三级) say which.
  'indicator-not-comparable': (p) => `“${p.project}”的指标“${p.name}”：目标“${p.target}”与实际完成值“${p.actual}”无法按评分规则比较，按填报得分计。`,
  'indicator-far-above-target': (p) =>
    `“${p.project}”的指标“${p.name}”实际完成值 ${p.actual} 超过目标 ${p.target} 的 ${p.share} 以上，请复核目标是否定得偏低。`,
  'indicator-above-rule': (p) => `“${p.project}”的指标“${p.name}”填报得分 ${p.score} 高于按评分规则应得的 ${p.rule} 分（分值 ${p.points}），评审时可能扣减。`,
  'indicator-below-rule': (p) => `“${p.project}”的指标“${p.name}”填报得分 ${p.score} 低于按评分规则计算的 ${p.rule} 分。`,
  'indicator-missed-no-reason': (p) => `“${p.project}”的指标“${p.name}”未完成（目标 ${p.target}，实际 ${p.actual}），请填写偏差原因。`,
  'indicator-points': (p) =>
    p.kind === 'total'
      ? `“${p.project}”各项分值合计 ${p.sum} 分（含预算执行率 ${p.execution} 分），与总分行的分值 ${p.stated} 分不符。`
      : p.kind === 'other'
        ? `“${p.project}”的一级指标“${p.level1}”不属于产出、效益或满意度指标，其三级指标未填分值，按 0 分计。`
        : `“${p.project}”的一级指标“${p.level1}”下各三级指标分值合计 ${p.sum} 分，与标注的 ${p.stated} 分不符。`,
  // `what`: the form's 执行率 ('rate'), its execution 得分 ('execution') or its 总分 ('total').
  'form-figure-mismatch': (p) =>
    p.what === 'rate'
      ? `“${p.name}”自评表的执行率为 ${p.given}，按全年执行数 ÷ 全年预算数应为 ${p.computed}。`
      : p.what === 'execution'
        ? `“${p.name}”自评表的预算执行率得分为 ${p.given}，按分值 × 执行率（不超过 100%）应为 ${p.computed}。`
        : `“${p.name}”自评表的总分为 ${p.given}，按表中各项得分之和应为 ${p.computed}。`,
};

/** A band's bound or share in a score-setting message; band 0 is the share at a zero adjustment rate. */
export interface SettingWords {
  band: number;
  value: string;
  isDefault: boolean;
}

export interface GradeSettingWords {
  grade: Exclude<Grade, '差'>;
  value: number;
  isDefault: boolean;
}

const shareName = (band: number) => (band === 0 ? '调整率为 0 时' : `第${band}档`);

/** Totals of the department as the sentence needs them: figures formatted, null where the table has none. */
export interface TotalsWords {
  initialBudget: string | null;
  adjustment: string | null;
  adjustedBudget: string;
  /** Null when 上年结转 is not mentioned. */
  carryover: string | null;
  actual: string;
  adjustmentRate: string | null;
  executionRate: string;
  fromProjects: boolean;
}

export interface ScoreWords {
  total: string;
  max: string;
  unscored: string;
  best: string;
  grade: Grade;
  bestGrade: Grade;
}

export interface ProjectWords {
  n: number;
  name: string;
  budget: string;
  actual: string;
  rate: string;
  /** The target it falls short of, or null when it met it. */
  below: string | null;
  purpose: string | null;
  outcome: string | null;
}

/** A project's indicators as its paragraph in 二、（二） tells them: counts, its rule score, the missed ones. */
export interface IndicatorWords {
  set: number;
  met: number;
  missed: number;
  /** Neither met nor missed: the rule cannot compare target and actual. */
  unknown: number;
  /** The rule's total and the points, formatted. */
  score: string;
  points: string;
  /** Each missed one, worded by `missedIndicator`. */
  missedList: string[];
}

export const zh = {
  /** Between the items of a list of names or cells, and between clauses of a list. */
  listSeparator: '、',
  clauseSeparator: '，',

  findings,
  /** `amountLimitText`: the amount bound in a table's unit. */
  amount: { yuan: (n: string) => `${n} 元`, tenThousand: (n: string) => `${n} 万元` },
  /** A figure that is not one: never the words NaN or Infinity. */
  nonFinite: { nan: '非数字', infinity: '无穷大', minusInfinity: '负无穷大', some: '非有限数' },
  /** evaluate.ts: the totals table's project expenditure columns, and the defaults a workbook left unset. */
  projectTotalColumns: { initialBudget: '年初预算数', adjustedBudget: '调整后预算数', actual: '实际支出数' },
  /** The budget a project's rate divides by, by basis (zero-budget). */
  basisName: { adjusted: '调整后预算', initial: '年初预算', 'adjusted-plus-carryover': '调整后预算与上年结转之和' },
  rateName: { execution: '执行率', adjustment: '预算调整率' },
  /** A sum's amounts, as `sum-too-large` names them. */
  amountName: { initialBudget: '年初预算数', adjustment: '预算调整数', adjustedBudget: '调整后预算数', carryover: '上年结转', actual: '实际支出数' },
  tenThousandYuan: '万元',
  /** parseWorkbook: tables without a unit line, taken as 万元. */
  unitAssumed: (cells: string[]) => `金额单位按万元计（${cells.join('、')} 所在表未写明单位）`,
  defaultTarget: (pct: string) => `执行率目标 ${pct}`,
  defaultExplainBelow: (pct: string) => `说明阈值 ${pct}`,
  /** The command's own lines (src/cli/main.ts): refusals, --check, the summary after a run. */
  cli: {
    unsupported: (ext: string) => `不支持 ${ext} 文件，请在 Excel 或 WPS 中“另存为” .xlsx 后再试。`,
    noSuchFile: '文件不存在。',
    isFolder: '这是一个文件夹，不是 .xlsx 文件。',
    cannotRead: (code: string) => `无法读取（${code}）。`,
    encrypted: '文件已加密（设置了打开密码）或为旧版 .xls 格式：请取消密码并另存为 .xlsx 后再试。',
    notXlsx: (detail: string) => `不是有效的 .xlsx 文件（${detail}）。`,
    checkWritesNothing: '--check 只核对，不写文件：不能与 -o、--docx 同用',
    wroteDocx: (file: string) => `已写入 ${file}（Word 文档）`,
    noReport: (file: string) => `${file}: 未找到本工具生成且带数据指纹的报告，无法核对（请先生成自评报告）。`,
    freshness: { current: '与数据一致', stale: '数据已修改，请重新生成', unknown: '无数据指纹（旧版本生成），无法核对' },
    staleWithErrors: '（当前数据有错误，无法生成；运行 budget-eval 查看问题清单）',
    rates: (dept: string, execution: string, adjustment: string) => `${dept}：预算完成率 ${execution}，预算调整率 ${adjustment}`,
    projects: (count: number, under: number, shown: string[], more: number) =>
      `项目 ${count} 个，低于目标 ${under} 个${under ? `：${shown.join('、')}${more > 0 ? ` 等（另有 ${more} 个）` : ''}` : ''}`,
    score: (points: string, provisional: boolean, unscored: string, grade: Grade) =>
      `自评得分 ${points} 分${provisional ? `（另有 ${unscored} 分待人工评分，等级暂定“${grade}”）` : `（${grade}）`}`,
    problems: (warnings: number, notes: number) => `数据问题：警告 ${warnings} 条，提示 ${notes} 条`,
    moreFindings: (more: number) => `  ……另有 ${more} 条，见报告附表2`,
    wrote: (file: string, sheet: string) => `已写入 ${file}（工作表“${sheet}”）`,
    /** src/cli/launch.ts: the command ran out of its capped heap. */
    outOfMemory: (limitMb: number, raise: string) =>
      `内存不足（本命令的上限是 ${limitMb} MB），未写出任何文件。请把工作簿拆成几个较小的文件，或允许使用更多内存：${raise}`,
  },
  /** Why an .xlsx cannot be read (gateways/xlsx/readWorkbook.ts). */
  unreadable: {
    damaged: (detail: string) => `文件已损坏，无法读取（${detail}）：请找回原文件，或在 Excel 或 WPS 中打开（必要时修复）并另存为新的 .xlsx 后再试。`,
    checksum: '校验和不符',
    partSize: '部件大小与目录不符',
    prefixed: (part: string) => `${part} 的 XML 元素带命名空间前缀（如 <x:worksheet>），本工具无法正确读取：请在 Excel 或 WPS 中打开并另存为 .xlsx 后再试`,
  },
  /** A size limit passed (limits.ts): which, the figure found, and how to split the work so that it passes. */
  limits: {
    maxRowsPerSheet: (sheet: string, found: string, allowed: string) =>
      `工作表“${sheet}”有 ${found} 行，超过了每张表 ${allowed} 行的上限：请把这张表拆到几个文件中（每个文件一张表、不超过 ${allowed} 行），分别生成报告；或删去表格下方不需要的行。`,
    maxSheets: (found: string, allowed: string) => `工作簿有 ${found} 张工作表，超过了 ${allowed} 张的上限：请把表单分到几个工作簿中（每个不超过 ${allowed} 张），分别生成报告。`,
    maxCells: (sheet: string | undefined, found: string, allowed: string) =>
      `工作簿共有 ${found} 个单元格${sheet ? `（读到工作表“${sheet}”时）` : ''}，超过了 ${allowed} 个的上限：请删去不需要的工作表、行或列，或把表格拆到几个文件中（每个文件一张表），分别生成报告。`,
    maxUncompressedBytes: (found: string, allowed: string) =>
      `工作簿解压后共 ${found}，超过了 ${allowed} 的上限：请删去不需要的工作表、图片或附件，或把表格拆到几个文件中（每个文件一张表），分别生成报告。`,
    maxParts: (found: string, allowed: string) =>
      `工作簿的压缩包中有 ${found} 个部件，超过了 ${allowed} 个的上限：请删去不需要的工作表、图片或批注，或把表单分到几个工作簿中，分别生成报告。`,
    unknown: '工作簿超出了可处理的大小：请把表格拆到几个文件中（每个文件一张表），分别生成报告。',
  },
  /** Where a kept paragraph of the clerk's now stands (pipeline.ts). */
  keptPlace: (heading: string, ordinal: number) => `${heading} 第 ${ordinal} 段`,
  keptPlaceGone: '原文已无对应位置，移至落款前',

  narrative: {
    heading1: (i: number, text: string) => `${NUMERALS[i]}、${text}`,
    heading2: (i: number, text: string) => `（${NUMERALS[i]}）${text}`,
    headings: {
      basics: '基本情况',
      department: '部门概况',
      work: '年度总体工作和重点工作任务',
      spending: '部门整体支出情况',
      management: '部门整体绩效管理情况',
      assessment: '综合评价分析',
      summary: '自评结论综述',
      tasks: '各项工作任务绩效目标完成情况分析',
      problems: '存在的主要问题',
      nextSteps: '下一步改进措施',
    },
    prompts: {
      department: prompt('部门名称'),
      year: prompt('年度'),
      responsibilities: prompt('部门主要职责'),
      units: prompt('纳入自评范围的单位'),
      work: prompt('年度总体工作和重点工作任务'),
      management: prompt('部门整体绩效管理情况'),
    },
    date: (y: number, m: number, d: number) => `${y}年${m}月${d}日`,
    amount: (n: string) => `${n}万元`,
    noRate: '无法计算',
    title: (name: string, year: string) => `${name}${year}年部门整体支出绩效自评报告`,
    responsibilities: (name: string, text: string | null) => `${name}的主要职责是：${text ?? prompt('部门主要职责')}`,
    units: (year: string, units: string | null) => `纳入本部门${year}年部门整体支出绩效自评范围的单位：${units ?? prompt('纳入自评范围的单位')}。`.replace(/。。$/, '。'),
    category: (name: string, adjusted: string, actual: string, rate: string) => `${name}调整后预算数 ${adjusted}，实际支出数 ${actual}，执行率 ${rate}`,
    categories: (parts: string[]) => `其中，${parts.join('；')}。`,
    tasksIntro: '本部门年度各项工作任务绩效目标完成情况如下：',
    totals: (t: TotalsWords) => {
      const head =
        t.initialBudget !== null && t.adjustment !== null
          ? `本部门年度整体支出年初预算数 ${t.initialBudget}，整体支出预算调整数 ${t.adjustment}，`
          : `本部门年度整体支出调整后预算数 ${t.adjustedBudget}，`;
      const carryText = t.carryover !== null ? `上年结转 ${t.carryover}，` : '';
      const adjRate = t.adjustmentRate !== null ? `预算调整率 ${t.adjustmentRate}，` : '';
      return `${head}${carryText}整体年度实际支出数 ${t.actual}${t.fromProjects ? '（按各项目合计）' : ''}，${adjRate}预算完成率 ${t.executionRate}。`;
    },
    conclusion: (c: { rate: string | null; met: boolean; target: string; count: number; ok: number; under: number }) => {
      const overall = c.rate === null ? '本部门整体预算完成率无法计算（预算为 0）' : `本部门整体预算完成率 ${c.rate}，${c.met ? '达到' : '未达到'} ${c.target} 的执行率目标`;
      const projects = c.under === 0 ? `${c.count} 个项目的执行率均达到目标` : `${c.count} 个项目中 ${c.ok} 个达到目标，${c.under} 个低于目标`;
      return `${overall}；${projects}。`;
    },
    score: (s: ScoreWords) => `按自评评分标准，本部门自评得分 ${s.total} 分（满分 ${s.max} 分），等级为“${s.grade}”（评分明细见附表1）。`,
    scoreProvisionalSameGrade: (s: ScoreWords) =>
      `按自评评分标准，本部门自评得分 ${s.total} 分（满分 ${s.max} 分，另有 ${s.unscored} 分待人工评分），等级暂定为“${s.grade}”：人工评分完成后总分在 ${s.total} 至 ${s.best} 分之间，等级不变（评分明细见附表1）。`,
    scoreProvisional: (s: ScoreWords) =>
      `按自评评分标准，本部门已评指标得分 ${s.total} 分（满分 ${s.max} 分，另有 ${s.unscored} 分待人工评分），等级暂定为“${s.grade}”（仅按已评得分）：人工评分完成后总分在 ${s.total} 至 ${s.best} 分之间，等级在“${s.grade}”至“${s.bestGrade}”之间，待人工评分完成后确定（评分明细见附表1）。`,
    project: (p: ProjectWords) => {
      const belowText = p.below !== null ? `，低于 ${p.below} 的目标` : '';
      const purpose = p.purpose ? `资金具体用途为${p.purpose.replace(/[。.]$/, '')}。` : '';
      const outcome = p.outcome ? p.outcome : '';
      return `${p.n}、${p.name}预算 ${p.budget}，使用 ${p.actual}，完成率 ${p.rate}${belowText}。${purpose}${outcome}`;
    },
    largestItem: (name: string, actual: string, rate: string) => `${name}（${actual}，${rate}）`,
    projectSummary: (s: { count: number; budget: string; actual: string; rate: string; under: number; largest: string[] }) =>
      `本部门年度共 ${s.count} 个项目，预算合计 ${s.budget}，实际支出合计 ${s.actual}，执行率 ${s.rate}；${s.under} 个项目低于目标。支出最大的 ${s.largest.length} 个项目为：${s.largest.join('、')}。各项目明细见附表4。`,
    allMet: (count: number) => `本部门年度承担 ${count} 个项目，各项目预算执行率均达到目标，未发现执行进度方面的突出问题。`,
    someUnder: (count: number, under: number) => `本部门年度承担 ${count} 个项目，其中 ${under} 个项目的预算执行率未达到目标：`,
    reason: (reason: string) => `偏差原因：${reason.replace(/[。.]$/, '')}。`,
    reasonMissing: '【请说明原因】',
    underItem: (n: number, name: string, rate: string, target: string, reasonText: string) => `（${n}）${name}执行率 ${rate}，低于 ${target} 的目标。${reasonText}`,
    moreUnder: (more: number) => `另有 ${more} 个项目低于目标，见附表4。`,
    /** A missed indicator as written: `时效指标“按时完成率”目标 100%，实际 90%`. */
    missedIndicator: (kind: string, name: string, target: string, actual: string) => `${kind}“${name}”目标 ${target || '未填'}，实际 ${actual || '未填'}`,
    indicators: (i: IndicatorWords) => {
      const counts = `设置绩效指标 ${i.set} 个，完成 ${i.met} 个${i.missed > 0 ? `，未完成 ${i.missed} 个` : ''}${i.unknown > 0 ? `，${i.unknown} 个无法按评分规则判断` : ''}`;
      const missed = i.missedList.length > 0 ? `未完成的指标：${i.missedList.join('；')}。` : '';
      return `${counts}，按评分规则自评得分 ${i.score} 分（满分 ${i.points} 分）。${missed}`;
    },
    /** Over the list limit of projects: the indicators of them all, in the summary paragraph. */
    indicatorsSummary: (projects: number, set: number, missed: number) =>
      `${projects} 个项目设置绩效指标共 ${set} 个，其中 ${missed} 个未完成（各项目得分见附表3）。`,
    missedIntro: (projects: number, missed: number) => `绩效指标方面，${projects} 个项目共有 ${missed} 个指标未完成：`,
    missedItem: (n: number, project: string, indicator: string, reasonText: string) => `（${n}）${project}：${indicator}。${reasonText}`,
    reasonPrompt: prompt('偏差原因'),
    moreMissed: (more: number) => `另有 ${more} 个，见附表3。`,
    /** A form's own 存在问题 (三) and 改进措施 (四). */
    formProblems: (project: string, text: string) => `${project}自评表所列问题：${text.replace(/[。.]$/, '')}。`,
    moreFormProblems: (more: number) => `另有 ${more} 个项目的自评表列有存在问题，见各自评表。`,
    formMeasures: (n: number, project: string, text: string) => `${n}.${project}：${text.replace(/[。.]$/, '')}。`,
    moreFormMeasures: (n: number, more: number) => `${n}.另有 ${more} 个项目的自评表列有改进措施，见各自评表。`,
    findingsSummary: (count: number, items: string[], more: boolean) => `此外，数据核对发现 ${count} 处需要注意的问题（详见附表2）：${items.join('；')}${more ? '等' : ''}。`,
    measureAnalyse: (names: string, more: boolean) => `1.针对${names}${more ? '等' : ''}执行率未达标的项目逐项分析原因，跟踪预算项目支付进度，按月督办执行进度，将责任落实到人。`,
    measureBudget: (explainBelow: string) =>
      `2.提高预算编制的精准度，结合项目实际需要和往年执行情况测算预算，对执行率低于 ${explainBelow} 的项目在下年度预算安排中予以审慎考虑。`,
    measureKeep: '1.继续保持预算执行进度，加强对项目支出的全过程跟踪，巩固本年度预算执行成效。',
    measureAdjustment: (n: number, rate: string) => `${n}.本年度预算调整率为 ${rate}，应加强年初预算编制的科学性，减少年中追加和调整。`,
    measureCheckData: (n: number) => `${n}.加强预算执行数据的日常核对，确保合计数、调整数与明细数据一致。`,
    measureStrengthen: (n: number) => `${n}.强化绩效目标管理和绩效运行监控，将自评结果应用于下一年度预算编制和管理。`,
  },

  /** The grade as the report names it. */
  grade: (g: Grade): string => g,
  score: {
    firstBand: (grade: Grade, from: number) => `${grade} ≥ ${from} 分`,
    band: (grade: Grade, from: number, below: number) => `${from} 分 ≤ ${grade} < ${below} 分`,
    poor: (from: number) => `差 < ${from} 分`,
    noExecutionRate: '预算完成率无法计算（预算为 0）',
    points: (n: number) => `${n} 个百分点`,
    execution: (step: string, penalty: number) => `100% 得满分，每低 ${step}扣 ${penalty} 分`,
    noAdjustmentRate: '预算调整率无法计算（年初预算未知或为 0）',
    adjustmentBand: (upTo: string, points: number) => `≤${upTo} 得 ${points} 分`,
    adjustment: (zero: number, bands: string[]) => `按调整率绝对值：0 得 ${zero} 分，${bands.join('，')}，其余 0 分`,
    noRatedProject: '没有可计算执行率的项目',
    projects: (rated: number, onTarget: number) => `${rated} 个项目中 ${onTarget} 个达到执行率目标，按比例得分`,
    noProjectAverage: '没有填报绩效指标的项目',
    projectAverage: (projects: number, average: number) => `${projects} 个项目按评分规则的自评得分（折算为百分制）以调整后预算加权平均为 ${average} 分，按比例得分`,
    manualPending: '待人工评分（在“评分设置”表填写得分）',
    manual: '人工评分',
  },

  /** The 评分设置 sheet's problems (score-setting); a value `isDefault` is the default, its own cell missing or bad. */
  scoreSheet: {
    unknownParam: (label: string) => `参数“${label}”无法识别，未使用（参数名称见模板）`,
    duplicateParam: (label: string, where: string) => `参数“${label}”重复，只用第一行（${where}）`,
    badValue: (label: string, expected: string, found: string | null, fallback: string | null) =>
      `“${label}”应为${/^\d/.test(expected) ? ' ' : ''}${expected}，实为“${found ?? '空'}”，${fallback === null ? '此参数未使用' : `按默认值 ${fallback}${/[0-9%]$/.test(fallback) ? ' ' : ''}计分`}`,
    bandIncomplete: (band: number, hasBound: boolean, boundLabel: string, shareLabel: string) =>
      `第${band}档${hasBound ? '只有上限、没有得分比例' : '只有得分比例、没有上限'}，此档未使用（需“${boundLabel}”和“${shareLabel}”两行）`,
    boundsNotIncreasing: (next: SettingWords, prev: SettingWords) =>
      `预算调整率各档上限应逐档增大：第${next.band}档上限 ${next.value}${next.isDefault ? '（默认）' : ' '}不大于第${prev.band}档的 ${prev.value}${prev.isDefault ? '（默认）' : ''}，各档按默认值计分`,
    sharesIncreasing: (next: SettingWords, prev: SettingWords) =>
      `预算调整率各档得分比例应逐档不增：${shareName(next.band)}的 ${next.value}${next.isDefault ? '（默认）' : ' '}高于${shareName(prev.band)}的 ${prev.value}${prev.isDefault ? '（默认）' : ''}，各档按默认值计分`,
    gradesNotDecreasing: (next: GradeSettingWords, prev: GradeSettingWords) =>
      `等级分数线应逐级降低：“${next.grade}”${next.value} 分${next.isDefault ? '（默认）' : ' '}不低于“${prev.grade}”${prev.value} 分${prev.isDefault ? '（默认）' : ''}，等级按默认分数线（优 90、良 80、中 60）确定`,
    noHeader: '未找到表头“指标 | 分值 | 类型 | 得分”，按默认评分标准计分',
    badPoints: (name: string, max: number, found: string, blank: boolean) => `“${name}”的分值应为不超过 ${max} 的正数，实为“${blank ? '空' : found}”，此指标未计入`,
    badKind: (name: string, kind: string, kinds: string[]) => `“${name}”的类型“${kind}”无法识别（可用：${kinds.join('、')}），此指标未计入`,
    badScore: (name: string, max: number, found: string) => `“${name}”的得分应为 0 至 ${max} 之间的数字，实为“${found}”，按待评分处理`,
    noIndicators: '评分设置表没有可用的指标行，按默认评分标准计分',
    qualitativeEdges: (partial: { value: string; isDefault: boolean }, met: { value: string; isDefault: boolean }) =>
      `定性指标“部分达成”最低得分比例 ${partial.value}${partial.isDefault ? '（默认）' : ' '}应低于“达成”的 ${met.value}${met.isDefault ? '（默认）' : ''}，定性指标按默认档次计分`,
    pointsNot100: (max: number) => `分值合计为 ${max} 分，不是 100 分：等级按折算为百分制的得分确定`,
  },

  report: {
    /** 附表1 the score, 附表2 the problems, 附表3 the projects' self-scores (when any has indicators), 附表4 the projects. */
    attachments: {
      score: { label: '附表1', title: '自评评分表' },
      problems: { label: '附表2', title: '数据问题清单' },
      selfScore: { label: '附表3', title: '项目绩效自评得分表' },
      summary: { label: '附表4', title: '项目支出绩效情况汇总表' },
    },
    caption: (label: string, title: string) => `${label}：${title}`,
    /** The report sheet's name (a number is added when taken), and the mark at the end of a cut cell. */
    sheetName: '绩效自评报告',
    truncated: '…（已截断）',
    /** 附表3's column headers: the execution score, the rule's points by 一级, the totals, the grade, the missed indicators. */
    selfScoreColumns: {
      project: '项目名称',
      execution: '预算执行率得分',
      output: '产出',
      effect: '效益',
      satisfaction: '满意度',
      other: '其他',
      rule: '总分\n（按评分规则）',
      clerk: '填报总分',
      grade: '等级',
      missed: '未完成指标',
    },
    selfScoreNote: (bands: string) =>
      `注：预算执行率得分 = 分值 × 执行率（按显示值，不超过 100%），是指向自评表金额单元格的公式；产出、效益、满意度为各项指标按评分规则的得分之和（定量指标按完成比例，定性指标按完成情况分档并参考填报得分）；总分为本行各项之和；填报总分为自评表的总分，或填报得分之和。等级按折算为百分制的总分：${bands}。`,
    /** 附表4's column headers; an amount's header says its unit on a second line. */
    columns: {
      project: '项目名称',
      initial: '年初预算数',
      adjustment: '预算调整数',
      adjusted: '调整后预算数',
      carryover: '上年结转',
      actual: '实际支出数',
      rate: '执行率',
      target: '执行率目标',
      status: '状态',
    },
    amountHeader: (name: string) => `${name}\n（万元）`,
    summaryTotal: '合计（各项目之和）',
    /** The status words; the report sheet's status formulas write the same ones. */
    status: { noBudget: '无预算', onTarget: '达标', under: '未达标', explain: '未达标（需说明原因）' },
    scoreHeaders: ['指标', '分值', '实际值', '得分', '说明'],
    scoreTotal: '合计',
    scoreTotalProvisional: (unscored: string, grade: Grade) => `另有 ${unscored} 分待人工评分；等级暂定“${grade}”`,
    grade: (grade: Grade) => `等级：${grade}`,
    scoreNote: (fromSheet: boolean, bands: string, scaled: boolean) =>
      `注：指标与分值取自${fromSheet ? '“评分设置”表' : '默认评分标准（可在“评分设置”表修改，人工评分指标在该表“得分”栏填写）'}；比率按显示值（百分比两位小数）比较。等级：${bands}${scaled ? '（按折算为百分制的得分）' : ''}。`,
    basisFormula: { adjusted: '实际支出数 ÷ 调整后预算数', initial: '实际支出数 ÷ 年初预算数', 'adjusted-plus-carryover': '实际支出数 ÷（调整后预算数 + 上年结转）' },
    summaryNote: (formula: string, target: string, explainBelow: string) =>
      `注：执行率 = ${formula}。金额以万元显示两位小数，执行率按未舍入的金额计算，按显示金额复算可能有 0.01% 的尾差。目标 ${target}，低于 ${explainBelow} 须说明原因。`,
    problemHeaders: { problem: '问题', severity: '级别', cell: '位置' },
    noProblems: '未发现问题。',
    wholeWorkbook: '整个工作簿',
    sources: '依据：',
    severity: { error: '错误', warning: '警告', info: '提示' },
    /** Under a paragraph the clerk rewrote: the text generated now, or that there is none. */
    comparison: (fresh: string) => `【以上为您修改过的段落，已保留。本次生成的内容如下，供对照；核对后可删除本行】\n${fresh}`,
    comparisonGone: '【以上为您修改过的段落，已保留；本次生成的报告中已没有与之对应的段落】',
    formulasNote: '表中金额是指向源数据单元格的公式（选中单元格可见出处），源数据修改后 Excel 会重算本表；文字部分须重新生成。',
    fingerprintNote: (printed: string) =>
      `本报告由“部门整体支出绩效自评”工具根据本工作簿的数据生成，数据指纹 ${printed}。源数据修改后请重新生成；命令 budget-eval --check 可核对报告是否与数据一致。`,
  },
  forms: {
    fundsColumn: '项目资金',
    unitAssumed: (sheet: string) => `金额单位按万元计（${sheet} 的项目资金未写明单位）`,
  },
};

export type Wording = typeof zh;
