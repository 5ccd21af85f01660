// Opening a file the clerk picked or dropped, in the browser page: read its bytes (in the page: nothing is
// uploaded), tell other formats apart at once, then hand it to the .xlsx gateway (loaded on first use).
import type { Lang } from '../../../core/model';
import { isCancelled, type WorkbookHost } from '../../../gateways/host';
import { sniffWorkbook, type FileProblem } from '../../../gateways/xlsx/sniff';
import type { FileHostDeps, OpenedFile, WorkbookFile } from '../../../gateways/xlsx/fileHost';

/**
 * Why a file did not open: the gateway's reasons (a passed size limit with the reader's message), or the
 * browser could not read it, or the gateway did not load.
 */
export type OpenProblem = FileProblem | { reason: 'unreadable'; detail: string } | { reason: 'failed'; detail: string };

export type OpenResult = { ok: true; host: WorkbookHost } | { ok: false; problem: OpenProblem };

/**
 * What the pane calls with a picked file; the default reads it and uses the .xlsx gateway. `signal` cancels
 * the opening (rejects with cancelledError()).
 */
export type OpenFile = (file: File, lang: Lang, signal?: AbortSignal) => Promise<OpenResult>;

/** The gateway's open (hosts.ts: in the pane's Web Worker). */
export type OpenWorkbookFile = (file: WorkbookFile, deps: FileHostDeps, lang: Lang, signal?: AbortSignal) => Promise<OpenedFile>;

/** A File's bytes; FileReader where Blob.arrayBuffer is missing (older web views, jsdom). */
export function readFileBytes(file: Blob): Promise<Uint8Array> {
  if (typeof file.arrayBuffer === 'function') return file.arrayBuffer().then((buffer) => new Uint8Array(buffer));
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error('FileReader failed'));
    reader.readAsArrayBuffer(file);
  });
}

export function makeOpenFile(open: OpenWorkbookFile, deps: FileHostDeps): OpenFile {
  return async (file, lang, signal) => {
    let bytes: Uint8Array;
    try {
      bytes = await readFileBytes(file);
    } catch (error) {
      return { ok: false, problem: { reason: 'unreadable', detail: error instanceof Error ? error.message : String(error) } };
    }
    // Before the gateway loads: a .csv or an .xls is told at once, without fetching ExcelJS.
    const problem = sniffWorkbook(file.name, bytes);
    if (problem) return { ok: false, problem };
    try {
      return await open({ name: file.name, bytes }, deps, lang, signal);
    } catch (error) {
      if (isCancelled(error)) throw error;
      // The gateway's chunk did not load (the server went away) or failed in a way it does not classify.
      return { ok: false, problem: { reason: 'failed', detail: error instanceof Error ? error.message : String(error) } };
    }
  };
}
