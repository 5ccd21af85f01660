/// <reference types="office-js" />
// WorkbookHost for Excel: the only place that calls Excel.run and Office.context. Every batch runs with
// delayForCellEdit (it waits while the clerk is typing in a cell instead of failing), and every Excel error
// leaves as a HostError the pane can explain.
import type { Limits } from '../../core/config';
import { parseRange, splitReference } from '../../core/address';
import type { EvaluationOptions, Lang, WorkbookSnapshot } from '../../core/model';
import { runPipeline, type PipelineResult } from '../../core/pipeline';
import { checkFreshness } from '../../core/record/freshness';
import { readStoredSettings } from '../../core/settings';
import { reportDocxName } from '../docx/names';
import { HostError, cancelledError, evaluationOptions, isCancelled, throwIfCancelled, type DocxOutcome, type Freshness, type GenerateOutcome, type HostCapabilities, type Progress, type RemoveOutcome, type Settings, type WorkbookHost } from '../host';
import { toHostError } from './excelErrors';
import { removeHighlights } from './highlights';
import { insertTemplate } from './insertTemplate';
import { readSnapshot, type WorkbookRead } from './readSnapshot';
import { API, officeSupports, type Supports } from './requirements';
import { writeResult } from './writeResult';

export interface ExcelHostDeps {
  /** The template workbook's bytes (the pane fetches assets/template.xlsx from its own origin). */
  fetchTemplate: () => Promise<Uint8Array>;
  /** Today, for the report's date. */
  now?: () => Date;
  /** Request budget as this gateway counts it (default 4,000,000 bytes, under Excel on the web's 5 MB). */
  maxRequestBytes?: number;
  /** Cells read per request (default 150,000). */
  maxReadCells?: number;
  /** The size limits (the defaults of core/config.ts unless given: tests lower them). */
  limits?: Limits;
  /** Which ExcelApi sets the host has (default: Office.context.requirements). */
  supports?: Supports;
  /**
   * Runs the pure pipeline on the snapshot read from Excel: the pane passes one that runs it in a Web Worker, so
   * the pane answers the clerk while a large workbook is composed, and a cancel stops it. Default: in-thread.
   */
  pipeline?: PipelineRunner;
}

export type PipelineRunner = (snapshot: WorkbookSnapshot, options: EvaluationOptions, signal?: AbortSignal) => Promise<PipelineResult>;

const inThreadPipeline: PipelineRunner = async (snapshot, options) => runPipeline(snapshot, options);

/**
 * Settles with `work`, or rejects with cancelledError() as soon as `signal` aborts while `cancellable()` (the
 * work runs on, and stops itself at its next check).
 */
function untilCancelled<T>(work: Promise<T>, signal: AbortSignal | undefined, cancellable: () => boolean = () => true): Promise<T> {
  if (!signal) return work;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => {
      if (cancellable()) reject(cancelledError());
    };
    if (signal.aborted) onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** The one document-settings key the add-in uses; its value is the Settings as JSON. */
export const SETTINGS_KEY = 'BudgetEval.settings';

/** Whatever is stored → the settings that make sense; anything else is dropped, never trusted. */
export function parseSettings(stored: unknown): Partial<Settings> {
  return readStoredSettings(stored);
}

/** The open workbook's file name from its URL or path (Common API, any Excel), or null when it has none yet. */
function workbookFileName(): string | null {
  try {
    const url = Office.context.document.url;
    if (typeof url !== 'string' || url === '') return null;
    const name = decodeURIComponent(url.split(/[\\/]/).pop() ?? '');
    return name || null;
  } catch {
    return null; // a URL that does not decode, or a host without document.url
  }
}

export function createExcelHost(deps: ExcelHostDeps): WorkbookHost {
  const supports = deps.supports ?? officeSupports;
  const pipeline = deps.pipeline ?? inThreadPipeline;
  const capabilities: HostCapabilities = {
    conditionalFormats: supports(API.conditionalFormats),
    charts: supports(API.charts),
    insertWorksheets: supports(API.insertWorksheets),
  };
  /** Excel's ids of the tool's report sheets, as last read or written: their change events are not the data's. */
  const toolSheetIds = new Set<string>();
  // While a report is being written its sheet's id may not be known yet: events are held until it is.
  let writing = false;
  let held: { worksheetId: string; listener: () => void }[] = [];
  const changed = (worksheetId: string, listener: () => void) => {
    if (writing) held.push({ worksheetId, listener });
    else if (!toolSheetIds.has(worksheetId)) listener();
  };
  const releaseHeld = () => {
    writing = false;
    const events = held;
    held = [];
    for (const listener of new Set(events.filter((e) => !toolSheetIds.has(e.worksheetId)).map((e) => e.listener))) listener();
  };
  const remember = (read: WorkbookRead): WorkbookRead => {
    const tool = new Set(read.snapshot.toolSheets.map((s) => s.toLowerCase()));
    for (const sheet of read.sheets) if (tool.has(sheet.name.toLowerCase())) toolSheetIds.add(sheet.id);
    return read;
  };

  async function run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    try {
      return await Excel.run({ delayForCellEdit: true }, batch);
    } catch (error) {
      if (isCancelled(error)) throw error;
      throw toHostError(error);
    }
  }

  const host: WorkbookHost = {
    kind: 'excel',
    capabilities,

    // Cancel: the pane is answered at once; the batch itself stops at its next step (after a read in flight,
    // or as the worker is ended) and never starts writing. Once writing has begun, it completes or rolls back.
    generate(settings: Settings, onProgress?: (step: Progress) => void, reportDate?: Date, signal?: AbortSignal): Promise<GenerateOutcome> {
      const options = evaluationOptions(settings, reportDate ?? deps.now?.() ?? new Date());
      let writingBegun = false;
      const batch = run(async (context): Promise<GenerateOutcome> => {
        throwIfCancelled(signal);
        onProgress?.('reading');
        const read = remember(await readSnapshot(context, { supports, maxReadCells: deps.maxReadCells, limits: deps.limits }));
        throwIfCancelled(signal);
        onProgress?.('computing');
        const result = await pipeline(read.snapshot, options, signal);
        if (!result.ok) return { ok: false, findings: result.findings };
        throwIfCancelled(signal);
        writingBegun = true;
        onProgress?.('writing');
        writing = true;
        let written;
        try {
          written = await writeResult(context, read, result.report, result.highlights, {
            supports,
            maxRequestBytes: deps.maxRequestBytes,
            onReportSheetId: (id) => toolSheetIds.add(id),
          });
        } finally {
          releaseHeld();
        }
        return {
          ok: true,
          evaluation: result.evaluation,
          reportSheet: written.reportSheet,
          highlight: written.highlight,
          chart: written.chart,
          protectedSheets: written.protectedSheets,
        };
      });
      // A cancel after writing began is not answered early: the pane waits for the write to end either way.
      return untilCancelled(batch, signal, () => !writingBegun);
    },

    async exportDocx(settings: Settings, reportDate?: Date, signal?: AbortSignal): Promise<DocxOutcome> {
      const options = evaluationOptions(settings, reportDate ?? deps.now?.() ?? new Date());
      // Read only: the document is made from the same pipeline run as generate, and the workbook is left as it is.
      const read = await untilCancelled(
        run((context) => readSnapshot(context, { supports, maxReadCells: deps.maxReadCells, limits: deps.limits })),
        signal,
      );
      const result = await pipeline(read.snapshot, options, signal);
      throwIfCancelled(signal);
      if (!result.ok) return { ok: false, findings: result.findings };
      // The docx library is loaded on first use, never with the pane.
      const { writeDocx } = await import(/* webpackChunkName: "docx" */ '../docx/writeDocx');
      const bytes = await writeDocx(result.narrative, result.report, result.evaluation);
      return { ok: true, name: reportDocxName(result.evaluation.department.name, workbookFileName(), options.lang), bytes };
    },

    async checkFreshness(lang: Lang): Promise<Freshness> {
      const read = remember(await run((context) => readSnapshot(context, { supports, maxReadCells: deps.maxReadCells, limits: deps.limits })));
      return checkFreshness(read.snapshot, lang);
    },

    async removeHighlights(): Promise<RemoveOutcome> {
      const removed = await run((context) => removeHighlights(context, { supports, maxRequestBytes: deps.maxRequestBytes }));
      return { protectedSheets: removed.protectedSheets };
    },

    async insertTemplate(): Promise<void> {
      let bytes: Uint8Array;
      try {
        bytes = await deps.fetchTemplate();
      } catch (error) {
        throw new HostError('not-found', `the template could not be loaded: ${(error as Error).message}`);
      }
      await run((context) => insertTemplate(context, bytes, { supports, maxRequestBytes: deps.maxRequestBytes }));
    },

    async select(reference: string): Promise<void> {
      const ref = splitReference(reference);
      if (!ref || !parseRange(ref.address)) throw new HostError('not-found', `not a cell reference: ${reference}`);
      await run(async (context) => {
        const sheet = context.workbook.worksheets.getItem(ref.sheet);
        sheet.activate();
        sheet.getRange(ref.address).select();
        await context.sync();
      });
    },

    async loadSettings(): Promise<Partial<Settings>> {
      return parseSettings(Office.context.document.settings.get(SETTINGS_KEY));
    },

    saveSettings(settings: Settings): Promise<void> {
      const store = Office.context.document.settings;
      const value: Partial<Settings> = { basis: settings.basis, lang: settings.lang, style: settings.style };
      if (settings.target !== undefined) value.target = settings.target;
      if (settings.explainBelow !== undefined) value.explainBelow = settings.explainBelow;
      store.set(SETTINGS_KEY, JSON.stringify(value));
      return new Promise((resolve, reject) => {
        store.saveAsync((result) => {
          if (result.status === Office.AsyncResultStatus.Succeeded) resolve();
          else reject(toHostError(result.error));
        });
      });
    },
  };
  // Without the collection's change event the host has no onDataChanged, and the pane checks at other times.
  if (supports(API.sheetChangeEvents)) {
    host.onDataChanged = (listener) => listenForChanges(run, (worksheetId) => changed(worksheetId, listener), supports(API.changeEvents));
  }
  return host;
}

/**
 * Change events handing on the changed sheet's id: one handler on `worksheets.onChanged` (ExcelApi 1.9), or, on
 * 1.7–1.8 (Office 2019), one on each sheet's `onChanged` plus `worksheets.onAdded`, which puts one on each new
 * sheet (a sheet added with data in it is a change too). The host skips its report sheets (Generate's own
 * writes, the clerk's rewording of the report), known by id from the last read or write, and holds the events
 * raised while a report is written until the new sheet's id is known. Resolves to the function that removes
 * them: office.js removes a handler only in the request context it was added in, so that is kept and the
 * removal runs in a new batch on it (`Excel.run(context, …)`).
 */
async function listenForChanges(
  run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>,
  onChange: (worksheetId: string) => void,
  collectionEvent: boolean,
): Promise<() => Promise<void>> {
  const hand = (worksheetId: string) => {
    try {
      onChange(worksheetId);
    } catch {
      // The listener's problem, not Excel's: a handler that throws would only be logged by office.js.
    }
  };
  const onChanged = async (event: Excel.WorksheetChangedEventArgs) => hand(event.worksheetId);
  const registrations: OfficeExtension.EventHandlerResult<unknown>[] = [];
  const context = await run(async (ctx) => {
    const sheets = ctx.workbook.worksheets;
    if (collectionEvent) {
      registrations.push(sheets.onChanged.add(onChanged));
    } else {
      sheets.load('items/id');
      await ctx.sync();
      for (const sheet of sheets.items) registrations.push(sheet.onChanged.add(onChanged));
      registrations.push(
        sheets.onAdded.add(async (event) => {
          hand(event.worksheetId);
          try {
            await Excel.run(ctx, async (later) => {
              registrations.push(later.workbook.worksheets.getItem(event.worksheetId).onChanged.add(onChanged));
              await later.sync();
            });
          } catch {
            // A sheet deleted again at once: nothing to listen to.
          }
        }),
      );
    }
    await ctx.sync();
    return ctx;
  });
  let removed: Promise<void> | null = null;
  return () => {
    removed ??= (async () => {
      try {
        await Excel.run(context, async (ctx) => {
          for (const registration of registrations) registration.remove();
          await ctx.sync();
        });
      } catch (error) {
        throw toHostError(error);
      }
    })();
    return removed;
  };
}
