// The report's words in each language: `words(lang).narrative.title(…)`. The pane's own words are in
// src/taskpane/i18n; a finding is worded by this catalogue in whichever language shows it.
import type { Finding, FindingParams, Lang, Worded } from '../model';
import { en } from './en';
import { zh, type Wording, type WordedParams } from './zh';

export type { Wording, WordedParams } from './zh';
export { GRADE_EN } from './en';

export const WORDING: Record<Lang, Wording> = { zh, en };

export function words(lang: Lang): Wording {
  return WORDING[lang];
}

/**
 * A parameter of a finding that is itself words (a column's name, a list, a place), in both languages, so
 * that the finding can be worded again in the language of whoever shows it.
 */
export function inBoth(text: (w: Wording, lang: Lang) => string): Worded {
  return { zh: text(zh, 'zh'), en: text(en, 'en') };
}

function isWorded(value: unknown): value is Worded {
  return typeof value === 'object' && value !== null && typeof (value as Worded).zh === 'string' && typeof (value as Worded).en === 'string';
}

/** The parameters as one language's message function takes them. */
export function paramsIn(params: FindingParams, lang: Lang): WordedParams {
  // Most findings quote nothing worded (thousands of needs-explanation in a large workbook): their parameters as
  // they are, no copy; message functions only read them.
  let worded = false;
  for (const key in params) {
    if (isWorded(params[key])) {
      worded = true;
      break;
    }
  }
  if (!worded) return params as WordedParams;
  const out: WordedParams = {};
  for (const [key, value] of Object.entries(params)) out[key] = isWorded(value) ? value[lang] : value;
  return out;
}

/**
 * The finding's message in `lang`: the report keeps `message` (the report's language); the pane words it in
 * its own. A finding without parameters (made before they were kept) keeps its message.
 */
export function wordFinding(finding: Pick<Finding, 'code' | 'message'> & { params?: FindingParams }, lang: Lang): string {
  const text = WORDING[lang].findings[finding.code];
  return finding.params && text ? text(paramsIn(finding.params, lang)) : finding.message;
}
