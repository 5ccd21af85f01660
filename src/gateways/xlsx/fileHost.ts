// WorkbookHost for an .xlsx file opened in the browser page (no Excel): the same pipeline as the add-in and
// the command, on the file's bytes in memory. The file is never written (a browser page cannot) and never
// sent anywhere: generate returns the evaluated copy as `output`, which the pane offers as a download.
// The pane loads this module with import(), so ExcelJS is fetched only when a file is opened.
import type { Limits } from '../../core/config';
import type { Lang } from '../../core/model';
import { runPipeline } from '../../core/pipeline';
import { checkFreshness } from '../../core/record/freshness';
import { docxFileName } from '../docx/names';
import { HostError, evaluationOptions, throwIfCancelled, type DocxOutcome, type Freshness, type GenerateOutcome, type HostCapabilities, type Progress, type Settings, type WorkbookHost } from '../host';
import { writeEvaluation } from './evaluateXlsx';
import { loadWorkbook, UnreadableWorkbookError, type LoadedWorkbook } from './readWorkbook';
import { loadFileSettings, saveFileSettings, type SettingsStorage } from './fileSettings';
import { evaluatedFileName, sniffWorkbook, type FileProblem } from './sniff';

export interface WorkbookFile {
  /** The file's name as the clerk picked it (`预算表.xlsx`): the download is named after it. */
  name: string;
  bytes: Uint8Array;
}

export { FILE_SETTINGS_KEY, parseStoredSettings, type SettingsStorage } from './fileSettings';

export interface FileHostDeps {
  /** Where the settings are remembered; null: not remembered (the defaults each time). */
  storage?: SettingsStorage | null;
  /** Today, for the report's date. */
  now?: () => Date;
  /** The size limits (the defaults of core/config.ts unless given: tests lower them). */
  limits?: Limits;
}

/** A failure to read the file as the pane explains it: a passed size limit says which (the pane words it). */
function readFailure(error: unknown): HostError {
  if (error instanceof UnreadableWorkbookError && error.reason === 'too-large' && error.limit) return new HostError('limit', error.message, error.limit);
  return new HostError('unknown', (error as Error).message);
}

/** Lets the page paint (progress) between the steps of a long run. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * A host on a file already known to be readable. `loaded` (from openWorkbookFile) saves reading the file a
 * second time on the first Generate; later runs read the bytes afresh, so every run starts from the clerk's
 * file as it was opened, never from a previous run's output.
 */
export function createFileHost(file: WorkbookFile, deps: FileHostDeps = {}, loaded?: { lang: Lang; workbook: LoadedWorkbook }): WorkbookHost {
  const storage = deps.storage ?? null;
  let unused = loaded ?? null;
  const capabilities: HostCapabilities = { conditionalFormats: true, charts: false, insertWorksheets: false, select: false };
  const notHere = (what: string) => Promise.reject(new HostError('unsupported', `${what} works in Excel only; in the browser, download the result instead`));

  return {
    kind: 'file',
    capabilities,

    // The signal is looked at between the steps: in the page this runs in a Web Worker, which Cancel ends
    // outright; in-thread (tests, a browser without workers) the steps after a cancel are skipped.
    async generate(settings: Settings, onProgress?: (step: Progress) => void, reportDate?: Date, signal?: AbortSignal): Promise<GenerateOutcome> {
      const options = evaluationOptions(settings, reportDate ?? deps.now?.() ?? new Date());
      throwIfCancelled(signal);
      onProgress?.('reading');
      await nextTask();
      throwIfCancelled(signal);
      // The snapshot's notes on content ExcelJS drops are worded in the report's language.
      const reuse = unused && unused.lang === options.lang ? unused.workbook : null;
      unused = null;
      let book: LoadedWorkbook;
      try {
        book = reuse ?? (await loadWorkbook(file.bytes, options.lang, deps.limits));
      } catch (error) {
        throw readFailure(error);
      }
      throwIfCancelled(signal);
      onProgress?.('computing');
      await nextTask();
      throwIfCancelled(signal);
      const result = runPipeline(book.snapshot, options);
      if (!result.ok) return { ok: false, findings: result.findings };
      throwIfCancelled(signal);
      onProgress?.('writing');
      await nextTask();
      throwIfCancelled(signal);
      const bytes = await writeEvaluation(book.workbook, result);
      throwIfCancelled(signal);
      const highlighted = result.highlights.rules.length > 0;
      return {
        ok: true,
        evaluation: result.evaluation,
        reportSheet: result.report.sheetName,
        highlight: highlighted ? 'rule' : 'none',
        chart: false,
        output: { name: evaluatedFileName(file.name), bytes },
      };
    },

    async exportDocx(settings: Settings, reportDate?: Date, signal?: AbortSignal): Promise<DocxOutcome> {
      const options = evaluationOptions(settings, reportDate ?? deps.now?.() ?? new Date());
      // Reading only: the workbook read at open stays unused for generate (which writes into it).
      const reuse = unused && unused.lang === options.lang ? unused.workbook : null;
      let book: LoadedWorkbook;
      try {
        book = reuse ?? (await loadWorkbook(file.bytes, options.lang, deps.limits));
      } catch (error) {
        throw readFailure(error);
      }
      throwIfCancelled(signal);
      const result = runPipeline(book.snapshot, options);
      if (!result.ok) return { ok: false, findings: result.findings };
      // The docx library is loaded on first use (its own chunk), not with the .xlsx gateway.
      const { writeDocx } = await import(/* webpackChunkName: "docx" */ '../docx/writeDocx');
      return { ok: true, name: docxFileName(file.name), bytes: await writeDocx(result.narrative, result.report, result.evaluation) };
    },

    async checkFreshness(lang: Lang): Promise<Freshness> {
      // The file as the clerk opened it: a report made before it was last edited (in WPS, say) is stale.
      const reuse = unused && unused.lang === lang ? unused.workbook : null;
      try {
        return checkFreshness((reuse ?? (await loadWorkbook(file.bytes, lang, deps.limits))).snapshot, lang);
      } catch (error) {
        throw readFailure(error);
      }
    },

    removeHighlights: () => notHere('Remove highlights'),
    insertTemplate: () => notHere('Insert template'),
    select: (reference: string) => notHere(`Selecting ${reference}`),

    async loadSettings(): Promise<Partial<Settings>> {
      return loadFileSettings(storage);
    },

    async saveSettings(settings: Settings): Promise<void> {
      saveFileSettings(storage, settings);
    },
  };
}

export type OpenedFile = { ok: true; host: WorkbookHost } | { ok: false; problem: FileProblem };

/**
 * Opens a file the clerk picked: tells another format, an encrypted file or a broken one apart (so the pane
 * can say what to do) and reads it once, so Generate starts on a workbook known to load.
 */
export async function openWorkbookFile(file: WorkbookFile, deps: FileHostDeps = {}, lang: Lang = 'zh'): Promise<OpenedFile> {
  const problem = sniffWorkbook(file.name, file.bytes);
  if (problem) return { ok: false, problem };
  let workbook: LoadedWorkbook;
  try {
    workbook = await loadWorkbook(file.bytes, lang, deps.limits);
  } catch (error) {
    if (!(error instanceof UnreadableWorkbookError)) return { ok: false, problem: { reason: 'corrupt', detail: (error as Error).message } };
    if (error.reason === 'encrypted') return { ok: false, problem: { reason: 'encrypted' } };
    if (error.reason === 'not-xlsx') return { ok: false, problem: { reason: 'not-xlsx' } };
    if (error.reason === 'too-large' && error.limit) return { ok: false, problem: { reason: 'too-large', limit: error.limit } };
    return { ok: false, problem: { reason: 'corrupt', detail: error.detail ?? error.message } };
  }
  return { ok: true, host: createFileHost(file, deps, { lang, workbook }) };
}
