/// <reference types="office-js" />
// Adds the template's sheets (assets/template.xlsx, bytes given by the caller) next to the clerk's, touching
// none of them. A template sheet whose name is taken gets the first free `name (2)`, `name (3)`, ….
//   ExcelApi 1.13: insertWorksheetsFromBase64 (at the end). Excel's behaviour on a taken name is not documented
//   (rename or fail), so the names are made free in the bytes first and nothing is left to chance.
//   Older hosts, or hosts that claim 1.13 without this API: the template's cells are written instead (values
//   and formulas, number formats, merges, column widths, bold), into new sheets only.
import { columnLetters } from '../../core/address';
import { jsonBytes, packRequests, syncGroups, write, DEFAULT_MAX_REQUEST_BYTES, type QueuedWrite } from './batches';
import { isUnsupported } from './excelErrors';
import { widthInPoints } from './reportLayout';
import { API, officeSupports, type Supports } from './requirements';
import type { TemplateSheetCells } from './templateCells';

export interface TemplateOptions {
  supports?: Supports;
  maxRequestBytes?: number;
}

export interface TemplateOutcome {
  sheets: string[];
  method: 'insert' | 'cells';
}

/** The first of `name`, `name (2)`, `name (3)`, … that no sheet has (case-insensitive, at most 31 characters). */
export function freeSheetNames(wanted: readonly string[], existing: readonly string[]): string[] {
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  return wanted.map((name) => {
    let candidate = name;
    for (let n = 2; taken.has(candidate.toLowerCase()); n++) {
      const suffix = ` (${n})`;
      candidate = `${name.slice(0, 31 - suffix.length)}${suffix}`;
    }
    taken.add(candidate.toLowerCase());
    return candidate;
  });
}

function cellWrites(sheet: Excel.Worksheet, cells: TemplateSheetCells, supports: Supports): QueuedWrite[] {
  const writes: QueuedWrite[] = [];
  // Column widths and merges need ExcelApi 1.2; on 1.1 the template's cells still arrive, plainer.
  const layout = supports('1.2');
  cells.widths.forEach((width, i) => {
    if (!width || !layout) return;
    writes.push(
      write(2, () => {
        sheet.getRange(`${columnLetters(i)}:${columnLetters(i)}`).format.columnWidth = widthInPoints(width);
      }),
    );
  });
  if (cells.range) {
    const range = cells.range;
    writes.push(
      write(
        3,
        () => {
          const target = sheet.getRange(range);
          target.numberFormat = cells.numberFormats;
          target.formulas = cells.formulas;
        },
        jsonBytes(cells.numberFormats) + jsonBytes(cells.formulas),
      ),
    );
  }
  for (const address of cells.bold) {
    writes.push(
      write(3, () => {
        sheet.getRange(address).format.font.bold = true;
      }),
    );
  }
  if (layout) for (const address of cells.merges) writes.push(write(2, () => sheet.getRange(address).merge(false)));
  return writes;
}

/** Deletes the sheets this run added (after a failure; works on ExcelApi 1.1, no null-object lookups). */
async function removeSheets(context: Excel.RequestContext, names: string[]): Promise<void> {
  try {
    const sheets = context.workbook.worksheets;
    sheets.load('items/name');
    await context.sync();
    const wanted = new Set(names.map((n) => n.toLowerCase()));
    sheets.items.filter((s) => wanted.has(s.name.toLowerCase())).forEach((s) => s.delete());
    await context.sync();
  } catch {
    // The original error is the one to report.
  }
}

export async function insertTemplate(context: Excel.RequestContext, templateBytes: Uint8Array, options: TemplateOptions = {}): Promise<TemplateOutcome> {
  const supports = options.supports ?? officeSupports;
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name');
  await context.sync();
  const existing = worksheets.items.map((s) => s.name);
  const book = await import('./templateBook');
  const wanted = await book.templateSheetNames(templateBytes);
  const names = freeSheetNames(wanted, existing);

  if (supports(API.insertWorksheets)) {
    try {
      context.workbook.insertWorksheetsFromBase64(await book.templateBase64(templateBytes, names), { positionType: 'End' });
      worksheets.getItem(names[0]).activate();
      await context.sync();
      return { sheets: names, method: 'insert' };
    } catch (error) {
      // A host that claims ExcelApi 1.13 without this API (documented for Windows, Mac and the web only): write the cells instead.
      if (!isUnsupported(error)) throw error;
    }
  }

  const { readTemplateCells } = await import('./templateCells');
  const template = await readTemplateCells(templateBytes);
  const added = names.map((name) => worksheets.add(name));
  const writes = template.flatMap((cells, i) => cellWrites(added[i], cells, supports));
  writes.push(write(1, () => added[0]?.activate()));
  try {
    await syncGroups(context, packRequests(writes, options.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES, names.length * 300));
  } catch (error) {
    await removeSheets(context, names);
    throw error;
  }
  return { sheets: names, method: 'cells' };
}
