// What a report sheet records about itself, in a hidden column of its own (KEY_COLUMN): the fingerprint of the
// data it was made from (first row) and, beside each generated paragraph, the paragraph's id and a digest of the
// text the tool wrote there. A paragraph whose text no longer matches its digest was rewritten by the clerk.
// The keys sit on the rows they describe, so they move with them when the clerk inserts or deletes rows.
import type { SheetSnapshot } from '../model';
import { digest } from './digest';

/** Column K: right of the widest report (9 columns), hidden, not printed. */
export const KEY_COLUMN = 10;
const PREFIX = 'budget-eval:';

export type ReportKey =
  | { kind: 'fingerprint'; fingerprint: string }
  | { kind: 'paragraph'; id: string; hash: string }
  /** The freshly generated text shown under a kept paragraph, for comparison: regenerated every time. */
  | { kind: 'fresh'; id: string };

export function formatKey(key: ReportKey): string {
  switch (key.kind) {
    case 'fingerprint':
      return `${PREFIX}fingerprint:${key.fingerprint}`;
    case 'paragraph':
      return `${PREFIX}p:${key.id}:${key.hash}`;
    case 'fresh':
      return `${PREFIX}fresh:${key.id}`;
  }
}

export function parseKey(text: string): ReportKey | null {
  if (!text.startsWith(PREFIX)) return null;
  const [kind, ...rest] = text.slice(PREFIX.length).split(':');
  if (kind === 'fingerprint' && /^[0-9a-f]{64}$/.test(rest[0] ?? '')) return { kind, fingerprint: rest[0] };
  if (kind === 'p' && rest.length === 2 && rest[0] && /^[0-9a-f]{16}$/.test(rest[1])) return { kind: 'paragraph', id: rest[0], hash: rest[1] };
  if (kind === 'fresh' && rest.length === 1 && rest[0]) return { kind, id: rest[0] };
  return null;
}

/** Line ends and edge spaces do not count as an edit (Excel and LibreOffice differ in both). */
export function paragraphHash(text: string): string {
  return digest(text.replace(/\r\n?/g, '\n').trim(), 16);
}

export interface PreviousParagraph {
  id: string;
  /** The text in the cell now (the clerk's, when edited). */
  text: string;
  edited: boolean;
  /** 0-based row in the old report. */
  row: number;
}

export interface ReportRecord {
  sheet: string;
  /** Null for a report made before fingerprints, or whose first row was changed. */
  fingerprint: string | null;
  paragraphs: PreviousParagraph[];
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : String(value);
}

/** A report sheet's record, from its first column (the text) and KEY_COLUMN. */
export function readReportRecord(sheet: SheetSnapshot): ReportRecord {
  let fingerprint: string | null = null;
  const paragraphs: PreviousParagraph[] = [];
  sheet.values.forEach((row, r) => {
    const key = parseKey(cellText(row?.[KEY_COLUMN]));
    if (!key) return;
    if (key.kind === 'fingerprint') fingerprint ??= key.fingerprint;
    if (key.kind !== 'paragraph') return;
    const text = cellText(row[0]);
    // An emptied paragraph is not an edit worth keeping: it is regenerated.
    paragraphs.push({ id: key.id, text, edited: text.trim() !== '' && paragraphHash(text) !== key.hash, row: r });
  });
  return { sheet: sheet.name, fingerprint, paragraphs };
}
