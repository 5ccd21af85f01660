// Problems found in the data: each code's severity here, its message in both languages in core/wording.
import { displayName } from './names';
import type { Finding, FindingCode, FindingParams, Lang, Severity } from './model';
import { paramsIn, words } from './wording';

type Params = FindingParams;

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
  'form-total-mismatch': 'warning',
  'form-table-duplicate': 'warning',
  'form-info-mismatch': 'warning',
  'indicator-unknown-project': 'warning',
  'indicator-not-comparable': 'info',
  'indicator-far-above-target': 'info',
  'indicator-above-rule': 'warning',
  'indicator-below-rule': 'info',
  'indicator-missed-no-reason': 'warning',
  'indicator-points': 'warning',
  'form-figure-mismatch': 'warning',
  'threshold-out-of-range': 'warning',
  'explain-above-target': 'warning',
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
  const amount = words(lang).amount;
  return unit === '元' ? amount.yuan(grouped) : amount.tenThousand(grouped);
}

/** `params` are kept with the message so that the pane can word the finding in its own language (wordFinding). */
export function makeFinding(code: FindingCode, cell: string | null, lang: Lang, params: Params = {}): Finding {
  const shown = withoutCodes(params);
  return { severity: SEVERITY[code], code, cell, message: words(lang).findings[code](paramsIn(shown, lang)), params: shown };
}

/**
 * A finding is report text: a project's leading system code (`219-池州市…`, names.ts) is dropped from the names
 * it quotes (`name`, `project`), as everywhere else in the report; its cell still leads to the name as written.
 */
function withoutCodes(params: Params): Params {
  const { name, project } = params;
  if (typeof name !== 'string' && typeof project !== 'string') return params;
  // Most names have no code: the parameters as given, no copy (thousands of findings in a large workbook).
  if ((typeof name !== 'string' || displayName(name) === name) && (typeof project !== 'string' || displayName(project) === project)) return params;
  return {
    ...params,
    ...(typeof name === 'string' ? { name: displayName(name) } : {}),
    ...(typeof project === 'string' ? { project: displayName(project) } : {}),
  };
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
