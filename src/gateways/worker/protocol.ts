// What the page and its Web Worker say to each other. Everything crosses postMessage as plain data (structured
// clone): requests, results, and errors, which arrive as { name, message, code, detail } and are made into
// the pane's errors again on the page's side (a HostError keeps its code: a passed size limit shows its message).
import type { EvaluationOptions, Lang, WorkbookSnapshot } from '../../core/model';
import type { PipelineResult } from '../../core/pipeline';
import { cancelledError, HostError, isCancelled, type DocxOutcome, type Freshness, type GenerateOutcome, type HostErrorCode, type Progress, type Settings } from '../host';
import type { WorkbookFile } from '../xlsx/fileHost';
import type { LimitExceeded } from '../../core/limits';
import type { FileProblem } from '../xlsx/sniff';
import type { Part } from './chunks';

export type JobRequest =
  /** Reads the file and keeps it: the later jobs work on it (the worker holds one file at a time). */
  | { op: 'open'; file: WorkbookFile; lang: Lang }
  | { op: 'generate'; settings: Settings; reportDate: Date }
  | { op: 'docx'; settings: Settings; reportDate: Date }
  | { op: 'freshness'; lang: Lang }
  /** The pure pipeline on a snapshot read elsewhere (Excel's): nothing of the .xlsx gateway is loaded. */
  | { op: 'pipeline'; snapshot: WorkbookSnapshot; options: EvaluationOptions };

export type Op = JobRequest['op'];

export type OpenReply = { ok: true } | { ok: false; problem: FileProblem };

export interface JobResults {
  open: OpenReply;
  generate: GenerateOutcome;
  docx: DocxOutcome;
  freshness: Freshness;
  pipeline: PipelineResult;
}

/** A job: its large arrays first, as slices (chunks.ts), then the rest of it. */
export type ToWorker = { id: number; kind: 'part'; part: Part } | { id: number; kind: 'job'; request: JobRequest };

/** An error as plain data. */
export interface PlainError {
  name: string;
  message: string;
  code?: HostErrorCode;
  detail?: string;
  /** A passed size limit, for the pane to word in its language. */
  limit?: LimitExceeded;
}

export type FromWorker =
  | { id: number; kind: 'progress'; step: Progress }
  /** A slice of one of the result's large arrays; the result ('done') follows its slices. */
  | { id: number; kind: 'part'; part: Part }
  | { id: number; kind: 'done'; value: unknown }
  | { id: number; kind: 'failed'; error: PlainError };

export function toPlainError(error: unknown): PlainError {
  if (error instanceof HostError) return { name: 'HostError', message: error.message, code: error.code, detail: error.detail, ...(error.limit ? { limit: error.limit } : {}) };
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: 'Error', message: String(error) };
}

export function fromPlainError(plain: PlainError): Error {
  if (plain.name === 'HostError' && plain.code) return new HostError(plain.code, plain.detail ?? '', plain.limit);
  if (isCancelled(plain)) return cancelledError();
  const error = new Error(plain.message);
  error.name = plain.name;
  return error;
}
