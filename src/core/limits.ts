// The size limits (core/config.ts) as a check and a message: the same refusal, worded the same way, in every
// host (the command and the browser page through the .xlsx gateway, Excel through the Office.js gateway).
import type { Limits } from './config';
import type { Lang } from './model';

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
  const zh = lang === 'zh';
  const found = e.limit === 'maxUncompressedBytes' ? megabytes(e.found) : grouped(e.found);
  const allowed = e.limit === 'maxUncompressedBytes' ? megabytes(e.allowed) : grouped(e.allowed);
  switch (e.limit) {
    case 'maxRowsPerSheet':
      return zh
        ? `工作表“${e.sheet ?? ''}”有 ${found} 行，超过了每张表 ${allowed} 行的上限：请把这张表拆到几个文件中（每个文件一张表、不超过 ${allowed} 行），分别生成报告；或删去表格下方不需要的行。`
        : `sheet “${e.sheet ?? ''}” has ${found} rows, over the limit of ${allowed} rows per sheet: split the table into several files (one table per file, at most ${allowed} rows each) and evaluate each, or delete the unneeded rows below the table.`;
    case 'maxSheets':
      return zh
        ? `工作簿有 ${found} 张工作表，超过了 ${allowed} 张的上限：请把表单分到几个工作簿中（每个不超过 ${allowed} 张），分别生成报告。`
        : `the workbook has ${found} sheets, over the limit of ${allowed}: put the forms into several workbooks (at most ${allowed} sheets each) and evaluate each.`;
    case 'maxCells':
      return zh
        ? `工作簿共有 ${found} 个单元格${e.sheet ? `（读到工作表“${e.sheet}”时）` : ''}，超过了 ${allowed} 个的上限：请删去不需要的工作表、行或列，或把表格拆到几个文件中（每个文件一张表），分别生成报告。`
        : `the workbook holds ${found} cells${e.sheet ? ` (counted up to sheet “${e.sheet}”)` : ''}, over the limit of ${allowed}: delete the sheets, rows or columns you do not need, or split the tables into several files (one table per file) and evaluate each.`;
    case 'maxUncompressedBytes':
      return zh
        ? `工作簿解压后共 ${found}，超过了 ${allowed} 的上限：请删去不需要的工作表、图片或附件，或把表格拆到几个文件中（每个文件一张表），分别生成报告。`
        : `the workbook is ${found} uncompressed, over the limit of ${allowed}: delete the sheets, pictures or attachments you do not need, or split the tables into several files (one table per file) and evaluate each.`;
    case 'maxParts':
      return zh
        ? `工作簿的压缩包中有 ${found} 个部件，超过了 ${allowed} 个的上限：请删去不需要的工作表、图片或批注，或把表单分到几个工作簿中，分别生成报告。`
        : `the workbook's package holds ${found} parts, over the limit of ${allowed}: delete the sheets, pictures or comments you do not need, or put the forms into several workbooks and evaluate each.`;
  }
  // A limit this version does not know (a message from a newer one): still a sentence that says what to do.
  return zh
    ? '工作簿超出了可处理的大小：请把表格拆到几个文件中（每个文件一张表），分别生成报告。'
    : 'the workbook is larger than can be processed: split the tables into several files (one table per file) and evaluate each.';
}
