// The contract between the task pane and whatever workbook it works on: Excel through Office.js, or an .xlsx
// file in a plain browser. The pane calls only this; each host runs the same pure pipeline (core/pipeline.ts).
import type { LimitExceeded } from '../core/limits';
import type { Basis, Evaluation, EvaluationOptions, Finding, Lang, NumberStyle } from '../core/model';
import type { Freshness } from '../core/record/freshness';

export type { Freshness };

/** What the clerk sets in the pane; remembered per workbook. Percentages are fractions (0.95). */
export interface Settings {
  /** Unset: the workbook's own 执行率目标, else 95%. */
  target?: number;
  /** Unset: the workbook's own 说明阈值, else 90%. */
  explainBelow?: number;
  basis: Basis;
  lang: Lang;
  style: NumberStyle;
}

export const DEFAULT_SETTINGS: Settings = { basis: 'adjusted', lang: 'zh', style: 'trim' };

/** The pipeline's options from the pane's settings: an unset target leaves the workbook's own in force. */
export function evaluationOptions(settings: Settings, reportDate: Date): EvaluationOptions {
  return {
    lang: settings.lang,
    basis: settings.basis,
    style: settings.style,
    reportDate,
    ...(settings.target !== undefined ? { target: settings.target } : {}),
    ...(settings.explainBelow !== undefined ? { explainBelow: settings.explainBelow } : {}),
  };
}

export type Progress = 'reading' | 'computing' | 'writing';

export type GenerateOutcome =
  | {
      ok: true;
      evaluation: Evaluation;
      /** The sheet the report was written to. */
      reportSheet: string;
      /** How the under-target rows were marked in the clerk's table. */
      highlight: 'rule' | 'fill' | 'none';
      /** The host drew the chart of rates against the target. */
      chart: boolean;
      /**
       * Protected sheets of the clerk's whose highlight was left as it was (Excel refuses changes there): the report
       * is written all the same, and the pane says which sheets to unprotect. Absent or empty when none.
       */
      protectedSheets?: string[];
      /**
       * The evaluated workbook, when the host works on a file (the browser page): the clerk's file plus the
       * report sheet and highlight, for the pane to offer as a download. Absent in Excel, which writes in place.
       */
      output?: { name: string; bytes: Uint8Array };
    }
  | { ok: false; findings: Finding[] };

/**
 * The report as a Word document (gateways/docx): the same pipeline as generate, nothing written to the workbook.
 * A workbook that cannot be evaluated gives its findings instead, as generate does.
 */
export type DocxOutcome = { ok: true; name: string; bytes: Uint8Array } | { ok: false; findings: Finding[] };

/** What Remove highlights left: the protected sheets where the tool's highlight stays (empty when none). */
export interface RemoveOutcome {
  protectedSheets: string[];
}

/** Why a host operation failed, in terms the pane can explain to a clerk (it owns the wording). */
export type HostErrorCode =
  | 'protected' // a sheet or the workbook is protected
  | 'cell-edit' // Excel is in cell-edit mode
  | 'too-large' // a request or response passed the host's payload limit
  | 'item-exists' // a sheet name is taken
  | 'not-found' // a sheet or cell the operation needs is gone
  | 'unsupported' // the host lacks an API the operation needs
  | 'busy' // the host is busy or throttled
  | 'limit' // the workbook passes one of the tool's size limits: `detail` is the reader's message (which limit, how to split)
  | 'unknown';

export class HostError extends Error {
  constructor(
    readonly code: HostErrorCode,
    /** The host's own message, for the details line. */
    readonly detail: string,
    /** For a workbook over the size limits (core/config.ts): which limit, for the pane to word. */
    readonly limit?: LimitExceeded,
  ) {
    super(`${code}: ${detail}`);
    this.name = 'HostError';
  }
}

/**
 * A run the clerk cancelled rejects with this (named 'AbortError', as fetch does): the pane goes back to where it
 * was and shows no failure. Made here rather than with DOMException, which Node before 17 and some web views lack.
 */
export function cancelledError(): Error {
  const error = new Error('cancelled');
  error.name = 'AbortError';
  return error;
}

export function isCancelled(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';
}

export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw cancelledError();
}

export interface HostCapabilities {
  /** Conditional formats (ExcelApi 1.6): without them the highlight is a plain fill. */
  conditionalFormats: boolean;
  charts: boolean;
  /** insertWorksheetsFromBase64 (ExcelApi 1.13): without it the template is written cell by cell. */
  insertWorksheets: boolean;
  /**
   * `select` can take the clerk to a cell. Unset means it can (Excel); false for an .xlsx file in a
   * browser, where the pane shows cell references as plain text instead of links.
   */
  select?: boolean;
}

export interface WorkbookHost {
  /** `file`: an .xlsx file opened in the browser page; generate leaves it untouched and returns `output`. */
  readonly kind: 'excel' | 'file';
  readonly capabilities: HostCapabilities;
  /**
   * Reads the workbook, runs the pipeline, writes the report sheet and the highlight. `signal` cancels it
   * (rejects with cancelledError()) while reading and computing, and for a file at any point; in Excel, once
   * writing has begun it completes (or rolls back) as it would have.
   */
  generate(settings: Settings, onProgress?: (step: Progress) => void, reportDate?: Date, signal?: AbortSignal): Promise<GenerateOutcome>;
  /** Reads the workbook and runs the pipeline, and returns the report as a .docx to download; writes nothing. */
  exportDocx(settings: Settings, reportDate?: Date, signal?: AbortSignal): Promise<DocxOutcome>;
  /** Whether the tool's report sheets still match the data they were made from (their recorded fingerprint). */
  checkFreshness(lang: Lang): Promise<Freshness>;
  /**
   * Calls `listener` whenever a cell of the workbook changes (Excel's change events, ExcelApi 1.7), so the pane
   * can check freshness again; resolves to the function that stops listening. Absent where nothing can change
   * under the pane (a file opened in the browser) or the host has no events.
   */
  onDataChanged?(listener: () => void): Promise<() => Promise<void>>;
  /** Takes the tool's highlight (rules and fills) out of the clerk's tables, but for protected sheets (named). */
  removeHighlights(): Promise<RemoveOutcome>;
  /** Adds the template's sheets without touching any existing sheet. */
  insertTemplate(): Promise<void>;
  /** Activates the sheet and selects the cell or range, e.g. `项目支出!B10` or `'My sheet'!A4:J4`. */
  select(reference: string): Promise<void>;
  loadSettings(): Promise<Partial<Settings>>;
  saveSettings(settings: Settings): Promise<void>;
}
