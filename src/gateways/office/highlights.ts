/// <reference types="office-js" />
// The highlight in the clerk's own tables: the tool's conditional-format rules (recognised by HIGHLIGHT_MARK in
// their formula) and, on a host without conditional formats, plain fills (each range recorded in a
// BudgetEval_Fill_<n> name, so it can be taken away again). Nothing else of the clerk's is touched.
import { rangeAddress } from '../../core/address';
import { FILL_NAME_PREFIX, HIGHLIGHT_MARK, type HighlightPlan, type HighlightRule } from '../../core/compose/reportPlan';
import type { CellRange } from '../../core/model';
import { shiftFormulaRows } from '../../core/formulaText';
import { jsonBytes, packRequests, syncGroups, write, DEFAULT_MAX_REQUEST_BYTES, type QueuedWrite } from './batches';
import { readSnapshot, type WorkbookRead } from './readSnapshot';
import { HIGHLIGHT_FILL_COLOR, HIGHLIGHT_FONT_COLOR } from './reportLayout';
import { API, officeSupports, type Supports } from './requirements';

type Fill = HighlightPlan['fallbackFills'][number];

/**
 * The highlight change that can be made: Excel refuses every change on a protected sheet (conditional formats and
 * fills alike), so the tool's rules and fills there, old and new, are left as they are and the rest goes ahead.
 * `protectedSheets` names those sheets (as the workbook spells them) where something was left, for the pane to say
 * so: a form exported with its sheet protected still gets its report.
 */
export function leaveProtected(
  read: WorkbookRead,
  rules: HighlightRule[],
  fills: Fill[],
): { read: WorkbookRead; rules: HighlightRule[]; fills: Fill[]; protectedSheets: string[] } {
  const protectedSheets = new Map(read.sheets.filter((s) => s.protected).map((s) => [s.name.toLowerCase(), s.name]));
  if (protectedSheets.size === 0) return { read, rules, fills, protectedSheets: [] };
  const left = new Set<string>();
  const writable = (sheet: string | null): boolean => {
    const name = sheet === null ? undefined : protectedSheets.get(sheet.toLowerCase());
    if (name === undefined) return true;
    left.add(name);
    return false;
  };
  const kept = {
    read: { ...read, rules: read.rules.filter((r) => writable(r.sheet)), fillMarks: read.fillMarks.filter((m) => writable(m.sheet)) },
    rules: rules.filter((r) => writable(r.sheet)),
    fills: fills.filter((f) => writable(f.sheet)),
  };
  return { ...kept, protectedSheets: [...left].sort() };
}

function freeNames(taken: Iterable<string>, prefix: string): () => string {
  const used = new Set([...taken].map((n) => n.toLowerCase()));
  let n = 0;
  return () => {
    do n++;
    while (used.has(`${prefix}_${n}`.toLowerCase()));
    used.add(`${prefix}_${n}`.toLowerCase());
    return `${prefix}_${n}`;
  };
}

/** Takes away the tool's previous highlight: its rules and its fills (and their names). */
export function removalWrites(context: Excel.RequestContext, read: WorkbookRead): QueuedWrite[] {
  const sheets = context.workbook.worksheets;
  const names = context.workbook.names;
  return [
    ...read.rules.map((r) => write(1, () => r.format.delete())),
    ...read.fillMarks.map((m) =>
      write(m.sheet && m.range ? 3 : 1, () => {
        if (m.sheet && m.range) sheets.getItem(m.sheet).getRange(rangeAddress(m.range)).format.fill.clear();
        names.getItem(m.name).delete();
      }),
    ),
  ];
}

/** One custom rule with the highlight's look (the clerk's tables, and the report's own summary table). */
export function addRule(target: Excel.Range | Excel.RangeAreas, formula: string): void {
  const format = target.conditionalFormats.add('Custom');
  format.custom.rule.formula = `=${formula}`;
  format.custom.format.fill.color = HIGHLIGHT_FILL_COLOR;
  format.custom.format.font.color = HIGHLIGHT_FONT_COLOR;
}

/** Queues one rule over its areas: one conditional format (RangeAreas, 1.9), or one per area before that. */
function queueRule(sheet: Excel.Worksheet, areas: CellRange[], formula: string, supports: Supports): void {
  if (areas.length === 0) return;
  if (areas.length === 1) addRule(sheet.getRange(rangeAddress(areas[0])), formula);
  else if (supports(API.rangeAreas)) addRule(sheet.getRanges(areas.map(rangeAddress).join(',')), formula);
  else for (const area of areas) addRule(sheet.getRange(rangeAddress(area)), shiftFormulaRows(formula, area.top - areas[0].top));
}

export interface NamedFill {
  name: string;
  fill: Fill;
}

/** Adds the plan's rules (one per table, over its areas) and fills (each recorded in a name). */
export function additionWrites(
  context: Excel.RequestContext,
  read: WorkbookRead,
  rules: HighlightRule[],
  fills: Fill[],
  supports: Supports,
): { writes: QueuedWrite[]; fills: NamedFill[] } {
  const sheets = context.workbook.worksheets;
  const names = context.workbook.names;
  const removed = new Set(read.fillMarks.map((m) => m.name.toLowerCase()));
  const nextName = freeNames(
    read.names.filter((n) => !removed.has(n.toLowerCase())),
    FILL_NAME_PREFIX,
  );
  const named = fills.map((fill) => ({ name: nextName(), fill }));
  const writes = [
    ...rules.map((rule) => write(5 * rule.areas.length, () => queueRule(sheets.getItem(rule.sheet), rule.areas, rule.formula, supports), jsonBytes(rule.formula) * rule.areas.length)),
    ...named.map(({ name, fill }) =>
      write(3, () => {
        const range = sheets.getItem(fill.sheet).getRange(rangeAddress(fill.range));
        range.format.fill.color = HIGHLIGHT_FILL_COLOR;
        names.add(name, range);
      }),
    ),
  ];
  return { writes, fills: named };
}

/**
 * Puts the highlight back as it was before a failed change: every rule of ours (and a rule left without its
 * formula by the failure) goes, the previous rules come back where they were, new fills go and old ones return.
 * Best effort: its own errors are swallowed, the original one is what the caller reports.
 */
export async function restoreHighlights(context: Excel.RequestContext, read: WorkbookRead, added: { rules: HighlightRule[]; fills: NamedFill[] }, supports: Supports): Promise<void> {
  try {
    const worksheets = context.workbook.worksheets;
    const names = context.workbook.names;
    const ruleSheets = [...new Set([...added.rules.map((r) => r.sheet), ...read.rules.map((r) => r.sheet)])];
    const collections = ruleSheets.map((name) => {
      const formats = worksheets.getItem(name).getRange().conditionalFormats;
      formats.load('items/type');
      return formats;
    });
    const newNames = added.fills.map((f) => ({ ...f, item: names.getItemOrNullObject(f.name) }));
    const oldNames = read.fillMarks.map((m) => ({ mark: m, item: names.getItemOrNullObject(m.name) }));
    await context.sync();
    const customs = collections.flatMap((formats) =>
      formats.items
        .filter((f) => f.type === 'Custom')
        .map((format) => {
          const rule = format.custom.rule;
          rule.load('formula');
          return { format, rule };
        }),
    );
    if (customs.length > 0) await context.sync();
    for (const { format, rule } of customs) if (rule.formula === '' || rule.formula.includes(HIGHLIGHT_MARK)) format.delete();
    for (const old of read.rules) {
      if (old.areas) queueRule(worksheets.getItem(old.sheet), old.areas, old.formula.replace(/^=/, ''), supports);
    }
    const deleted = new Set<string>();
    for (const { name, fill, item } of newNames) {
      if (item.isNullObject) continue;
      worksheets.getItem(fill.sheet).getRange(rangeAddress(fill.range)).format.fill.clear();
      item.delete();
      deleted.add(name.toLowerCase());
    }
    for (const { mark, item } of oldNames) {
      if (!mark.sheet || !mark.range) continue;
      const range = worksheets.getItem(mark.sheet).getRange(rangeAddress(mark.range));
      range.format.fill.color = HIGHLIGHT_FILL_COLOR;
      // A new fill may have taken the old name: it was just deleted, so the old one comes back.
      if (item.isNullObject || deleted.has(mark.name.toLowerCase())) names.add(mark.name, range);
    }
    await context.sync();
  } catch {
    // The original error is the one to report.
  }
}

export interface RemoveOptions {
  supports?: Supports;
  maxRequestBytes?: number;
}

/** Remove highlights: the tool's rules and fills go, nothing else; those on a protected sheet stay (leaveProtected). */
export async function removeHighlights(context: Excel.RequestContext, options: RemoveOptions = {}): Promise<{ rules: number; fills: number; protectedSheets: string[] }> {
  const supports = options.supports ?? officeSupports;
  const { read, protectedSheets } = leaveProtected(await readSnapshot(context, { supports, cells: false }), [], []);
  const writes = removalWrites(context, read);
  await syncGroups(context, packRequests(writes, options.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES));
  return { rules: read.rules.length, fills: read.fillMarks.length, protectedSheets };
}
