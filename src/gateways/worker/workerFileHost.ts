// WorkbookHost for an .xlsx file opened in the browser page, with the work done in the pane's Web Worker: the
// page sends the file's bytes and the settings, the worker's .xlsx gateway (fileHost.ts, the same code the
// command runs) reads, evaluates and writes, and the evaluated copy comes back to be offered as a download.
// The settings stay in the page (localStorage). After a Cancel the worker is a new one: the file is read
// into it again before the next job.
import type { EvaluationOptions, Lang, WorkbookSnapshot } from '../../core/model';
import type { PipelineResult } from '../../core/pipeline';
import { HostError, type HostCapabilities, type Progress, type Settings, type WorkbookHost } from '../host';
import type { FileHostDeps, OpenedFile, WorkbookFile } from '../xlsx/fileHost';
import { loadFileSettings, saveFileSettings } from '../xlsx/fileSettings';
import { sniffWorkbook } from '../xlsx/sniff';
import type { JobClient } from './client';
import type { OpenReply } from './protocol';

/** Which file each client's worker holds, and in which worker (by number): one file at a time. */
const holding = new WeakMap<JobClient, { worker: number; file: WorkbookFile; ready: Promise<void> }>();

/** The reader's refusal as the pane's error: a passed limit keeps which limit it was, for the pane to word. */
function openFailure(reply: Extract<OpenReply, { ok: false }>): HostError {
  const { problem } = reply;
  if (problem.reason === 'too-large') return new HostError('limit', `over the size limit ${problem.limit.limit}`, problem.limit);
  return new HostError('unknown', 'detail' in problem ? problem.detail : `the workbook can no longer be read (${problem.reason})`);
}

/** Opens the file in the client's worker (reads it there once, as openWorkbookFile does in-thread). */
export async function openWorkbookFileIn(client: JobClient, file: WorkbookFile, deps: FileHostDeps, lang: Lang, signal?: AbortSignal): Promise<OpenedFile> {
  const problem = sniffWorkbook(file.name, file.bytes);
  if (problem) return { ok: false, problem };
  holding.delete(client);
  const worker = client.worker;
  const opened = await client.run({ op: 'open', file, lang }, { signal });
  if (!opened.ok) return opened;
  holding.set(client, { worker, file, ready: Promise.resolve() });
  return { ok: true, host: createWorkerFileHost(client, file, deps) };
}

export function createWorkerFileHost(client: JobClient, file: WorkbookFile, deps: FileHostDeps = {}): WorkbookHost {
  const storage = deps.storage ?? null;
  const capabilities: HostCapabilities = { conditionalFormats: true, charts: false, insertWorksheets: false, select: false };
  const notHere = (what: string) => Promise.reject(new HostError('unsupported', `${what} works in Excel only; in the browser, download the result instead`));
  const today = (reportDate?: Date) => reportDate ?? deps.now?.() ?? new Date();

  /** The file open in the worker jobs go to: read again into a new worker (after a Cancel), or after another file. */
  function ready(lang: Lang, signal?: AbortSignal): Promise<void> {
    const held = holding.get(client);
    const worker = client.worker;
    if (held && held.file === file && held.worker === worker) return held.ready;
    const opening = client.run({ op: 'open', file, lang }, { signal }).then((reply) => {
      if (!reply.ok) throw openFailure(reply);
    });
    holding.set(client, { worker, file, ready: opening });
    opening.catch(() => {
      if (holding.get(client)?.ready === opening) holding.delete(client);
    });
    return opening;
  }

  return {
    kind: 'file',
    capabilities,

    async generate(settings: Settings, onProgress?: (step: Progress) => void, reportDate?: Date, signal?: AbortSignal) {
      // 'reading' from the start, while the file is read into a new worker; each step told once.
      let last: Progress | null = null;
      const progress = (step: Progress) => {
        if (step !== last) onProgress?.(step);
        last = step;
      };
      progress('reading');
      await ready(settings.lang, signal);
      return client.run({ op: 'generate', settings, reportDate: today(reportDate) }, { signal, onProgress: progress });
    },

    async exportDocx(settings: Settings, reportDate?: Date, signal?: AbortSignal) {
      await ready(settings.lang, signal);
      return client.run({ op: 'docx', settings, reportDate: today(reportDate) }, { signal });
    },

    async checkFreshness(lang: Lang) {
      await ready(lang);
      return client.run({ op: 'freshness', lang });
    },

    removeHighlights: () => notHere('Remove highlights'),
    insertTemplate: () => notHere('Insert template'),
    select: (reference: string) => notHere(`Selecting ${reference}`),

    async loadSettings() {
      return loadFileSettings(storage);
    },

    async saveSettings(settings: Settings) {
      saveFileSettings(storage, settings);
    },
  };
}

/** Excel's pipeline in the worker: the snapshot (plain data) goes there, the plans come back. */
export function pipelineIn(client: JobClient): (snapshot: WorkbookSnapshot, options: EvaluationOptions, signal?: AbortSignal) => Promise<PipelineResult> {
  return (snapshot, options, signal) => client.run({ op: 'pipeline', snapshot, options }, { signal });
}
