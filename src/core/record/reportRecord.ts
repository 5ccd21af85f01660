// What a report sheet records about itself, in a hidden column of its own (KEY_COLUMN): the fingerprint of the
// data it was made from (first row) and, beside each generated paragraph, the paragraph's id and a digest of the
// text the tool wrote there. A paragraph whose text no longer matches its digest was rewritten by the clerk.
// The keys sit on the rows they describe, so they move with them when the clerk inserts or deletes rows.
import type { SheetSnapshot } from '../model';
import { digest } from './digest';

/** The title's anchor (its row's key is the fingerprint). */
export const TITLE_ANCHOR = '0.0';

/** Column K: right of the widest report (9 columns), hidden, not printed. */
export const KEY_COLUMN = 10;
const PREFIX = 'budget-eval:';

export type ReportKey =
  | { kind: 'fingerprint'; fingerprint: string }
  | { kind: 'paragraph'; id: string; hash: string }
  /** The freshly generated text shown under a kept paragraph, for comparison: regenerated every time. */
  | { kind: 'fresh'; id: string }
  /** A title, heading or signature row: a place the clerk's added paragraphs are anchored to. */
  | { kind: 'anchor'; id: string }
  /** A paragraph the clerk added, kept by an earlier regeneration. */
  | { kind: 'own' }
  /** The first row after the narrative: rows below it are the tables. */
  | { kind: 'end' };

export function formatKey(key: ReportKey): string {
  switch (key.kind) {
    case 'fingerprint':
      return `${PREFIX}fingerprint:${key.fingerprint}`;
    case 'paragraph':
      return `${PREFIX}p:${key.id}:${key.hash}`;
    case 'fresh':
      return `${PREFIX}fresh:${key.id}`;
    case 'anchor':
      return `${PREFIX}at:${key.id}`;
    case 'own':
      return `${PREFIX}own`;
    case 'end':
      return `${PREFIX}end`;
  }
}

export function parseKey(text: string): ReportKey | null {
  if (!text.startsWith(PREFIX)) return null;
  const [kind, ...rest] = text.slice(PREFIX.length).split(':');
  if (kind === 'fingerprint' && /^[0-9a-f]{64}$/.test(rest[0] ?? '')) return { kind, fingerprint: rest[0] };
  if (kind === 'p' && rest.length === 2 && rest[0] && /^[0-9a-f]{16}$/.test(rest[1])) return { kind: 'paragraph', id: rest[0], hash: rest[1] };
  if (kind === 'fresh' && rest.length === 1 && rest[0]) return { kind, id: rest[0] };
  if (kind === 'at' && rest.length === 1 && rest[0]) return { kind: 'anchor', id: rest[0] };
  if ((kind === 'own' || kind === 'end') && rest.length === 0) return { kind };
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

/** A paragraph the clerk added to the narrative: after the generated row `after` (a paragraph's or a heading's id). */
export interface AddedParagraph {
  after: string;
  text: string;
  row: number;
}

export interface ReportRecord {
  sheet: string;
  /** Null for a report made before fingerprints, or whose first row was changed. */
  fingerprint: string | null;
  paragraphs: PreviousParagraph[];
  /** Rows of text in the narrative that the tool did not write (none read from a report without its end mark). */
  added: AddedParagraph[];
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : String(value);
}

/** A report sheet's record, from its first column (the text) and KEY_COLUMN. */
export function readReportRecord(sheet: SheetSnapshot): ReportRecord {
  let fingerprint: string | null = null;
  const paragraphs: PreviousParagraph[] = [];
  const added: AddedParagraph[] = [];
  let anchor: string | null = null;
  let ended = false;
  sheet.values.forEach((row, r) => {
    if (ended) return;
    const key = parseKey(cellText(row?.[KEY_COLUMN]));
    const text = cellText(row?.[0]);
    if (key?.kind === 'fingerprint') {
      fingerprint ??= key.fingerprint;
      anchor = TITLE_ANCHOR; // the fingerprint shares the title's row
    }
    if (key?.kind === 'end') ended = true;
    if (key?.kind === 'anchor') anchor = key.id;
    if (key?.kind === 'paragraph') {
      anchor = key.id;
      // An emptied paragraph is not an edit worth keeping: it is regenerated.
      paragraphs.push({ id: key.id, text, edited: text.trim() !== '' && paragraphHash(text) !== key.hash, row: r });
    }
    // Text the tool did not write there (a row the clerk inserted, or one kept from before) is theirs.
    if ((key === null || key.kind === 'own') && anchor !== null && text.trim() !== '') added.push({ after: anchor, text, row: r });
  });
  // Without the end mark the narrative's extent is unknown: nothing is taken for the clerk's own.
  return { sheet: sheet.name, fingerprint, paragraphs, added: ended ? added : [] };
}
