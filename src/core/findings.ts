// Problems found in the data: one catalogue of codes, severities and messages in both languages.
import { HEADER_WORDS } from './headers';
import type { Finding, FindingCode, Lang, Severity } from './model';

type Params = Record<string, string | number>;
type Text = (p: Params) => string;

const SEVERITY: Record<FindingCode, Severity> = {
  'no-project-table': 'error',
  'missing-column': 'error',
  'not-a-number': 'error',
  'invalid-number': 'error',
  'error-value': 'error',
  'negative-amount': 'error',
  'over-budget': 'warning',
  'total-mismatch': 'warning',
  'project-total-mismatch': 'warning',
  'adjusted-mismatch': 'warning',
  'zero-budget': 'warning',
  'needs-explanation': 'warning',
  'adjustment-over-30': 'warning',
  'duplicate-project': 'warning',
  'rate-mismatch': 'warning',
  'content-not-kept': 'warning',
  'unnamed-row': 'warning',
  'totals-from-projects': 'info',
  'defaults-used': 'info',
  'score-setting': 'warning',
  'score-sheet-ignored': 'warning',
  'kept-edit': 'info',
  'kept-addition': 'info',
  'text-truncated': 'warning',
  'threshold-out-of-range': 'warning',
  'explain-above-target': 'warning',
};

const projectWords = (lang: Lang): string => {
  const list = (key: keyof typeof HEADER_WORDS) => HEADER_WORDS[key].join(lang === 'zh' ? '、' : ', ');
  return lang === 'zh'
    ? `项目名称（${list('name')}）、实际支出（${list('actual')}）以及年初预算（${list('initial')}）或调整后预算（${list('adjusted')}）`
    : `a name column (${list('name')}), an actual column (${list('actual')}) and an initial budget (${list('initial')}) or adjusted budget (${list('adjusted')}) column`;
};

const MESSAGES: Record<FindingCode, Record<Lang, Text>> = {
  'no-project-table': {
    zh: () => `未找到项目支出表：需要一行表头（在工作表前 30 行、前 20 列内），包含${projectWords('zh')}。`,
    en: () => `No project table found: a header row (within a sheet's first 30 rows and 20 columns) needs ${projectWords('en')}.`,
  },
  'missing-column': {
    zh: (p) => `项目表缺少“${p.column}”列（可用表头：${p.words}）。`,
    en: (p) => `The project table lacks a "${p.column}" column (accepted headers: ${p.words}).`,
  },
  'not-a-number': {
    zh: (p) => `“${p.column}”应为数字，实为“${p.text}”。`,
    en: (p) => `"${p.column}" should be a number; found "${p.text}".`,
  },
  // A number the arithmetic must not take: `kind` says which (see InvalidNumberKind).
  'invalid-number': {
    zh: (p) => {
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
    en: (p) => {
      switch (p.kind as InvalidNumberKind) {
        case 'invalid':
          return `The file stores "${p.text}" in this numeric cell ("${p.column}"), which is not a number; enter the number again.`;
        case 'date':
          return `"${p.column}" should be a number; found the date ${p.text} (the cell is formatted as a date): enter the number and format the cell as a number.`;
        case 'too-large':
          return `"${p.column}" is ${p.text}, beyond the largest value accepted: at most ${p.limit} either way (check the number and the unit).`;
        case 'sum-too-large':
          return `The rows' "${p.column}" add up to ${p.text}, beyond the largest amount accepted (${p.limit}); nothing can be computed (check the rows' numbers and units).`;
        case 'not-finite':
          return `Working out "${p.column}" gave ${p.text}, which is not a number; no report was made: check the figures and units involved.`;
      }
    },
  },
  'error-value': {
    zh: (p) => `“${p.column}”为错误值 ${p.text}，请先修正公式或数据。`,
    en: (p) => `"${p.column}" holds the error ${p.text}; fix the formula or the data first.`,
  },
  'negative-amount': {
    zh: (p) => `“${p.column}”不应为负数（${p.value}）；只有预算调整数可以为负。`,
    en: (p) => `"${p.column}" should not be negative (${p.value}); only an adjustment may be.`,
  },
  'over-budget': {
    zh: (p) => `“${p.name}”实际支出 ${p.actual} 万元超过预算 ${p.budget} 万元。`,
    en: (p) => `"${p.name}" spent ${p.actual} (10k yuan), more than its budget of ${p.budget}.`,
  },
  'total-mismatch': {
    zh: (p) => `${p.label}行“${p.column}”为 ${p.given}，但所含各行之和为 ${p.sum}（相差 ${p.diff}）。`,
    en: (p) => `The ${p.label} row's "${p.column}" is ${p.given}, but the rows it covers add up to ${p.sum} (off by ${p.diff}).`,
  },
  'project-total-mismatch': {
    zh: (p) => `部门支出表中项目支出的“${p.column}”为 ${p.given} 万元，但各项目合计为 ${p.sum} 万元。`,
    en: (p) => `The totals table's project expenditure "${p.column}" is ${p.given} (10k yuan), but the projects add up to ${p.sum}.`,
  },
  'adjusted-mismatch': {
    zh: (p) => `“${p.name}”年初预算 ${p.initial} + 调整数 ${p.adjustment} ≠ 调整后预算 ${p.adjusted}（单位：${p.unit}），已按调整后预算计算。`,
    en: (p) => `"${p.name}": initial ${p.initial} + adjustment ${p.adjustment} ≠ adjusted ${p.adjusted} (${p.unit}); the adjusted budget is used.`,
  },
  'zero-budget': {
    zh: (p) => `“${p.name}”的${p.basis}为 0，无法计算执行率。`,
    en: (p) => `"${p.name}" has a ${p.basis} of 0: no execution rate can be computed.`,
  },
  'needs-explanation': {
    zh: (p) => `“${p.name}”执行率 ${p.rate} 低于 ${p.threshold}，需填写偏差原因。`,
    en: (p) => `"${p.name}" is at ${p.rate}, below ${p.threshold}: a reason is required.`,
  },
  'adjustment-over-30': {
    // limit: the config's adjustmentWarning (30% by default; the code keeps its name).
    zh: (p) => `“${p.name}”预算调整率 ${p.rate} 超过 ±${p.limit ?? '30%'}，请说明调整原因。`,
    en: (p) => `"${p.name}" has an adjustment rate of ${p.rate}, beyond ±${p.limit ?? '30%'}: explain the adjustment.`,
  },
  'duplicate-project': {
    zh: (p) => `项目“${p.name}”重复出现（另见 ${p.other}）。`,
    en: (p) => `Project "${p.name}" appears twice (see also ${p.other}).`,
  },
  'rate-mismatch': {
    zh: (p) => `表中“${p.name}”的执行率为 ${p.given}，按数据计算应为 ${p.computed}。`,
    en: (p) => `The table gives "${p.name}" a rate of ${p.given}; the figures give ${p.computed}.`,
  },
  'content-not-kept': {
    zh: (p) => `输出文件无法保留${p.what}（${p.where}），请在原工作簿中查看。`,
    en: (p) => `The output file cannot keep ${p.what} (${p.where}); see them in the original workbook.`,
  },
  'unnamed-row': {
    zh: () => `此行有金额但没有项目名称，未计入。`,
    en: () => `This row has amounts but no project name; it was left out.`,
  },
  'totals-from-projects': {
    zh: () => `未找到部门支出表（支出类别 / 基本支出 / 项目支出 / 合计），部门整体支出按各项目之和计算。`,
    en: () => `No department totals table (Category / basic / project / total) was found; the department totals are the sum of the projects.`,
  },
  'defaults-used': {
    zh: (p) => `使用默认值：${p.what}。`,
    en: (p) => `Defaults used: ${p.what}.`,
  },
  'score-setting': {
    zh: (p) => `评分设置：${p.text}。`,
    en: (p) => `Scoring: ${p.text}.`,
  },
  'kept-addition': {
    zh: (p) => `保留了您在报告中添加的段落（${p.where}）。`,
    en: (p) => `Kept the paragraph you added to the report (${p.where}).`,
  },
  'kept-edit': {
    zh: (p) => `保留了您修改过的段落（${p.where}），本次生成的内容写在其下一行供对照。`,
    en: (p) => `Kept your rewritten paragraph (${p.where}); the text generated now is in the row below it for comparison.`,
  },
  'score-sheet-ignored': {
    zh: (p) => `工作簿有多张评分设置表：按“${p.used}”计分，未读取“${p.ignored}”（要使用其中的设置，请删除另一张或将其改名）。`,
    en: (p) => `The workbook has more than one Scoring sheet: "${p.used}" is used and "${p.ignored}" is not read (to use its settings, delete or rename the other one).`,
  },
  'text-truncated': {
    zh: (p) => `该单元格的文字有 ${p.length} 个字符，超过 Excel 单元格上限 ${p.limit} 个字符，报告中已截断（末尾标“${p.mark}”）；完整内容请看它的来源。`,
    en: (p) => `This cell's text is ${p.length} characters long, over Excel's limit of ${p.limit} per cell: the report cuts it (ending "${p.mark}"); see its source for the whole text.`,
  },
  'threshold-out-of-range': {
    zh: (p) => `“${p.column}”为“${p.text}”，应为${p.expected}：未使用，按设置或默认值。`,
    en: (p) => `"${p.column}" is "${p.text}"; it should be ${p.expected}: not used (the setting or the default applies).`,
  },
  // from/targetFrom: a cell, or the words for a setting or the default (evaluate words them).
  'explain-above-target': {
    zh: (p) => `说明阈值 ${p.explainBelow}（${p.from}）高于执行率目标 ${p.target}（${p.targetFrom}）：按执行率目标 ${p.target} 作为说明阈值。`,
    en: (p) => `The explain-below threshold ${p.explainBelow} (${p.from}) is above the target ${p.target} (${p.targetFrom}): the target ${p.target} is used as the explain-below threshold.`,
  },
};

/**
 * What `invalid-number` reports: a numeric cell the file stores as something else (`<v>12abc</v>`), a date where a
 * number goes, an amount or a sum beyond `maxAmountYuan`, or a computed figure that is not finite.
 */
export type InvalidNumberKind = 'invalid' | 'date' | 'too-large' | 'sum-too-large' | 'not-finite';

/** The finding for a cell readNumber refused, in a column that needs a number (money, target, rate, score). */
export function numberFinding(read: { reason: 'text' | 'error' | 'invalid' | 'date'; text: string }, cell: string, lang: Lang, column: string): Finding {
  if (read.reason === 'error') return makeFinding('error-value', cell, lang, { column, text: read.text });
  if (read.reason === 'text') return makeFinding('not-a-number', cell, lang, { column, text: read.text });
  return makeFinding('invalid-number', cell, lang, { kind: read.reason, column, text: read.text });
}

/** The amount bound in a table's unit, as a clerk reads it: `100,000,000,000 万元`, `1,000,000,000,000,000 yuan`. */
export function amountLimitText(maxAmountYuan: number, unit: '元' | '万元', lang: Lang): string {
  const value = unit === '元' ? maxAmountYuan : maxAmountYuan / 10000;
  const grouped = Number.isSafeInteger(value) ? value.toLocaleString('en-US') : String(value);
  if (unit === '元') return lang === 'zh' ? `${grouped} 元` : `${grouped} yuan`;
  return lang === 'zh' ? `${grouped} 万元` : `${grouped} (10k yuan)`;
}

export function makeFinding(code: FindingCode, cell: string | null, lang: Lang, params: Params = {}): Finding {
  return { severity: SEVERITY[code], code, cell, message: MESSAGES[code][lang](params) };
}

export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Errors first, then warnings, then info; within a severity, in the order found. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return findings
    .map((finding, index) => ({ finding, index }))
    .sort((a, b) => ORDER[a.finding.severity] - ORDER[b.finding.severity] || a.index - b.index)
    .map((entry) => entry.finding);
}
