// The size limits (core/config.ts) as a check and a message: the same refusal, worded the same way, in every
// host (the command and the browser page through the .xlsx gateway, Excel through the Office.js gateway).
import type { Limits } from './config';
import type { Lang } from './model';
import { words } from './wording';

/** The limits a workbook's size is checked against (maxAmountYuan is about values, checked by the parser). */
export type SizeLimit = Exclude<keyof Limits, 'maxAmountYuan'>;

/** Which limit a workbook passed, by how much, and where (the sheet, for a per-sheet limit). */
export interface LimitExceeded {
  limit: SizeLimit;
  found: number;
  allowed: number;
  sheet?: string;
}

/** The first limit `found` passes, or null. */
export function overLimit(limits: Limits, limit: SizeLimit, found: number, sheet?: string): LimitExceeded | null {
  const allowed = limits[limit];
  if (found <= allowed) return null;
  return sheet === undefined ? { limit, found, allowed } : { limit, found, allowed, sheet };
}

const grouped = (n: number) => String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
const megabytes = (n: number) => `${grouped(Math.ceil(n / (1024 * 1024)))} MB`;

/** What the clerk is told: which limit, the figure found, and how to split the work so that it passes. */
export function limitMessage(e: LimitExceeded, lang: Lang): string {
  const w = words(lang).limits;
  const found = e.limit === 'maxUncompressedBytes' ? megabytes(e.found) : grouped(e.found);
  const allowed = e.limit === 'maxUncompressedBytes' ? megabytes(e.allowed) : grouped(e.allowed);
  switch (e.limit) {
    case 'maxRowsPerSheet':
      return w.maxRowsPerSheet(e.sheet ?? '', found, allowed);
    case 'maxSheets':
      return w.maxSheets(found, allowed);
    case 'maxCells':
      return w.maxCells(e.sheet, found, allowed);
    case 'maxUncompressedBytes':
      return w.maxUncompressedBytes(found, allowed);
    case 'maxParts':
      return w.maxParts(found, allowed);
  }
  // A limit this version does not know (a message from a newer one): still a sentence that says what to do.
  return w.unknown;
}
