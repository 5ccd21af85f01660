// The one place the pane reaches for a gateway, so the entry's test can stand in for them.
import type { EvaluationOptions, Lang, WorkbookSnapshot } from '../core/model';
import type { PipelineRunner } from '../gateways/office/excelHost';
import { inThreadPort, JobClient, type Port } from '../gateways/worker/client';
import { openWorkbookFileIn, pipelineIn } from '../gateways/worker/workerFileHost';
import type { FileHostDeps, OpenedFile, WorkbookFile } from '../gateways/xlsx/fileHost';

export { createExcelHost, type ExcelHostDeps } from '../gateways/office/excelHost';

let jobs: Promise<JobClient> | null = null;

/**
 * The pane's worker, where the .xlsx gateway and the pipeline run: a Web Worker from the page's own origin
 * (its script, and ExcelJS's, are fetched on first use, never at start), or, where the browser has none
 * (Jest's jsdom, an old web view), the same jobs in the page.
 */
export function paneJobs(): Promise<JobClient> {
  jobs ??= (async () => {
    if (typeof Worker !== 'function') return new JobClient(() => inThreadPort());
    const { spawnPaneWorker } = await import(/* webpackChunkName: "worker-spawn" */ '../gateways/worker/spawn');
    return new JobClient((): Port => {
      try {
        return spawnPaneWorker();
      } catch (error) {
        // A browser that refuses the worker (a policy, a sandbox): the same work in the page, slower to answer.
        console.warn('budget-eval: no Web Worker; working in the page', error);
        return inThreadPort();
      }
    });
  })();
  return jobs;
}

/** Opens an .xlsx file for the browser page: read and evaluated in the pane's worker. */
export async function openWorkbookFile(file: WorkbookFile, deps: FileHostDeps, lang: Lang, signal?: AbortSignal): Promise<OpenedFile> {
  return openWorkbookFileIn(await paneJobs(), file, deps, lang, signal);
}

/** Excel's pipeline in the pane's worker: the pane answers the clerk while a large workbook is composed. */
export const workerPipeline: PipelineRunner = async (snapshot: WorkbookSnapshot, options: EvaluationOptions, signal?: AbortSignal) =>
  pipelineIn(await paneJobs())(snapshot, options, signal);
