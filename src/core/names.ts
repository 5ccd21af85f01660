// Project names as budget systems export them: `51000021R000000019951-工资性支出`, `219-池州市…`. The leading
// system code stays in the JSON, the cell link and the duplicate check; the report's text drops it.
import { normalise } from './headers';

/**
 * A leading system code: three or more digits and Latin letters, at least one a digit, then `-`, then a Chinese
 * character. Not `COVID-19…` (no digit before the dash) nor `2021-2022年…` (a digit after it).
 */
const CODE = /^\s*(?=[0-9A-Za-z]*[0-9])[0-9A-Za-z]{3,}\s*[-－]\s*(?=[\u3400-\u9fff])/;

/** The name as the report shows it: without its leading system code. */
export function displayName(name: string): string {
  // A name that starts with a Chinese character (most) has no code: no regular expression run for it.
  const first = name.charCodeAt(0);
  if (first >= 0x3400 && first <= 0x9fff) return name.trim();
  return name.replace(CODE, '').trim();
}

/** The key that links a 绩效指标 row or a form to a table row: normalised, code dropped. */
export function nameKey(name: string): string {
  return normalise(displayName(name));
}
