// The worker's side: runs the jobs the page sends, one at a time and in order, on the .xlsx gateway (for a
// file opened in the browser page) or on the pure pipeline alone (for Excel's snapshot). It runs inside the
// Web Worker (pane.worker.ts) or, where there is none (unit tests, an old web view), in the page itself
// (client.ts's inThreadPort): the same code either way.
import { runPipeline } from '../../core/pipeline';
import type { WorkbookHost } from '../host';
import { join, split, type Part } from './chunks';
import { toPlainError, type FromWorker, type JobRequest, type ToWorker } from './protocol';

export type Reply = (message: FromWorker) => void;
export type Serve = (message: ToWorker, reply: Reply) => Promise<void>;

/** A fresh worker's state: no file open yet. */
export function createJobService(): Serve {
  let file: WorkbookHost | null = null;
  let queue: Promise<void> = Promise.resolve();
  /** The slices of each job not yet whole. */
  const parts = new Map<number, Part[]>();

  async function perform(id: number, request: JobRequest, reply: Reply): Promise<unknown> {
    switch (request.op) {
      case 'pipeline':
        return runPipeline(request.snapshot, request.options);
      case 'open': {
        // ExcelJS is loaded only for a file: in Excel the worker needs the pipeline alone.
        const gateway = await import(/* webpackChunkName: "file-host" */ '../xlsx/fileHost');
        file = null;
        const opened = await gateway.openWorkbookFile(request.file, { storage: null }, request.lang);
        if (!opened.ok) return opened;
        file = opened.host;
        return { ok: true };
      }
      case 'generate':
        return openFile().generate(request.settings, (step) => reply({ id, kind: 'progress', step }), request.reportDate);
      case 'docx':
        return openFile().exportDocx(request.settings, request.reportDate);
      case 'freshness':
        return openFile().checkFreshness(request.lang);
    }
  }

  function openFile(): WorkbookHost {
    if (!file) throw new Error('no workbook is open in the worker');
    return file;
  }

  return (message, reply) => {
    const { id } = message;
    if (message.kind === 'part') {
      parts.set(id, [...(parts.get(id) ?? []), message.part]);
      return Promise.resolve();
    }
    const request = join(message.request, parts.get(id) ?? []) as JobRequest;
    parts.delete(id);
    const job = queue.then(async () => {
      try {
        const { shell, parts: slices } = split(await perform(id, request, reply));
        for (const part of slices) reply({ id, kind: 'part', part });
        reply({ id, kind: 'done', value: shell });
      } catch (error) {
        reply({ id, kind: 'failed', error: toPlainError(error) });
      }
    });
    queue = job;
    return job;
  };
}
