// The page's side of the worker: sends jobs, hands progress on, and settles each job's promise. Cancel ends
// the worker outright (terminate: reading and composing stop at once, whatever they were doing) and rejects
// every job it had with cancelledError(); the next job starts a new worker. A worker that dies (an uncaught
// error, out of memory) fails its jobs with a message instead of leaving the page waiting.
import { cancelledError, HostError, type Progress } from '../host';
import { join, split, type Part } from './chunks';
import { fromPlainError, type FromWorker, type JobRequest, type JobResults, type Op, type ToWorker } from './protocol';
import { createJobService, type Serve } from './service';

/** What the client needs of a Worker (and what inThreadPort provides). */
export interface Port {
  postMessage(message: ToWorker): void;
  terminate(): void;
  onmessage: ((event: { data: FromWorker }) => void) | null;
  onerror: ((event: { message?: string; preventDefault?(): void }) => void) | null;
}

export interface JobOptions {
  signal?: AbortSignal;
  onProgress?: (step: Progress) => void;
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: unknown): void;
  onProgress?: (step: Progress) => void;
  /** The result's slices received so far. */
  parts: Part[];
}

/** Lets the page answer input between two slices it sends. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export class JobClient {
  private port: Port | null = null;
  private nextId = 1;
  private pending = new Map<number, Pending>();
  private workers = 0;

  constructor(private readonly spawn: () => Port) {}

  /** The number of the worker jobs go to now (a new one after a cancel or a crash): what it holds is per worker. */
  get worker(): number {
    this.ensurePort();
    return this.workers;
  }

  run<K extends Op>(request: Extract<JobRequest, { op: K }>, options: JobOptions = {}): Promise<JobResults[K]> {
    const { signal, onProgress } = options;
    if (signal?.aborted) return Promise.reject(cancelledError());
    const port = this.ensurePort();
    const id = this.nextId++;
    return new Promise<JobResults[K]>((resolve, reject) => {
      const onAbort = () => this.cancel();
      const settle = () => signal?.removeEventListener('abort', onAbort);
      this.pending.set(id, {
        resolve: (value) => {
          settle();
          resolve(value as JobResults[K]);
        },
        reject: (error) => {
          settle();
          reject(error);
        },
        onProgress,
        parts: [],
      });
      signal?.addEventListener('abort', onAbort);
      void this.send(port, id, request);
    });
  }

  /** The request's large arrays (Excel's snapshot) in slices, a task apart, then the rest of it. */
  private async send(port: Port, id: number, request: JobRequest): Promise<void> {
    const { shell, parts } = split(request);
    for (const part of parts) {
      if (this.port !== port || !this.pending.has(id)) return;
      port.postMessage({ id, kind: 'part', part });
      await nextTask();
    }
    if (this.port === port && this.pending.has(id)) port.postMessage({ id, kind: 'job', request: shell as JobRequest });
  }

  /** Ends the worker and everything it was doing; its jobs reject with cancelledError(). */
  cancel(): void {
    this.stop(cancelledError);
  }

  private stop(error: () => Error): void {
    const port = this.port;
    this.port = null;
    port?.terminate();
    const pending = [...this.pending.values()];
    this.pending.clear();
    for (const job of pending) job.reject(error());
  }

  private ensurePort(): Port {
    if (this.port) return this.port;
    const port = this.spawn();
    this.workers += 1;
    port.onmessage = (event) => {
      if (this.port !== port) return;
      const message = event.data;
      const job = this.pending.get(message.id);
      if (!job) return;
      if (message.kind === 'progress') {
        job.onProgress?.(message.step);
        return;
      }
      if (message.kind === 'part') {
        job.parts.push(message.part);
        return;
      }
      this.pending.delete(message.id);
      if (message.kind === 'done') job.resolve(join(message.value, job.parts));
      else job.reject(fromPlainError(message.error));
    };
    port.onerror = (event) => {
      if (this.port !== port) return;
      event.preventDefault?.();
      // The worker is gone or broken (a script error, or the browser ended it for memory): fail its jobs.
      this.stop(() => new HostError('unknown', `the page's worker stopped: ${event.message || 'no message'}`));
    };
    this.port = port;
    return port;
  }
}

/**
 * A worker's stand-in in the page itself, where Worker is missing (Jest's jsdom, an old web view): the same
 * service and messages, each job started in its own task. Nothing is cloned (a clone from another realm would
 * fail `instanceof Date` in the tests), and terminate cannot stop a job: its replies are dropped instead.
 */
export function inThreadPort(serve: Serve = createJobService()): Port {
  let live = true;
  const port: Port = {
    onmessage: null,
    onerror: null,
    postMessage(message) {
      setTimeout(() => {
        if (!live) return;
        void serve(message, (reply) => {
          if (live) port.onmessage?.({ data: reply });
        });
      }, 0);
    },
    terminate() {
      live = false;
    },
  };
  return port;
}
