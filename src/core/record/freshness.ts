// Is a report still the report of its workbook's data? The fingerprint each report sheet recorded, against the
// fingerprint of the data as it is now (core/record/fingerprint.ts): same numbers and texts, same fingerprint.
import { hasErrors } from '../findings';
import type { Lang, WorkbookSnapshot } from '../model';
import { parseWorkbook } from '../parse/parseWorkbook';
import { fingerprintInput, legacyFingerprint } from './fingerprint';
import { readReportRecord } from './reportRecord';

export interface ReportFreshness {
  sheet: string;
  /** `unknown`: the sheet has no fingerprint (made by an older version, or its record was cleared). */
  status: 'current' | 'stale' | 'unknown';
  recorded: string | null;
}

export interface Freshness {
  /** `none`: no report with a fingerprint — the tool never evaluated this workbook (or cannot tell). */
  status: 'current' | 'stale' | 'none';
  /** The data's fingerprint now; null when the data cannot be read as a budget any more. */
  fingerprint: string | null;
  reports: ReportFreshness[];
}

export function checkFreshness(snapshot: WorkbookSnapshot, lang: Lang): Freshness {
  const tool = new Set(snapshot.toolSheets);
  const records = snapshot.sheets.filter((s) => tool.has(s.name)).map(readReportRecord);
  if (!records.some((r) => r.fingerprint !== null)) {
    return { status: 'none', fingerprint: null, reports: records.map((r) => ({ sheet: r.sheet, status: 'unknown', recorded: null })) };
  }
  const parsed = parseWorkbook(snapshot, lang);
  // Data that no longer parses (a number turned into text, say) matches no report.
  const fingerprint = hasErrors(parsed.findings) ? null : fingerprintInput(parsed.input);
  // A report made before the current fingerprint recorded the first one (fingerprint.ts): worked out only then.
  let legacy: string | null | undefined;
  const matches = (recorded: string) => {
    if (fingerprint === null) return false;
    if (recorded === fingerprint) return true;
    legacy ??= legacyFingerprint(parsed.input);
    return recorded === legacy;
  };
  const reports: ReportFreshness[] = records.map((r) => ({
    sheet: r.sheet,
    status: r.fingerprint === null ? 'unknown' : matches(r.fingerprint) ? 'current' : 'stale',
    recorded: r.fingerprint,
  }));
  return { status: reports.some((r) => r.status === 'stale') ? 'stale' : 'current', fingerprint, reports };
}
