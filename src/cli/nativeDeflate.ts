// The command's .xlsx (and .docx) files deflated by Node's zlib instead of pako, JSZip's JavaScript port of it:
// at 50,000 project rows pako took about 4.5 s of the command's 18 s of CPU to compress the two big sheets,
// zlib a fraction of that, at the same level (6, JSZip's default) and to the same format. Node only: the pane
// and the page keep pako (this module is imported by the command alone). It reaches into JSZip 3.x beyond its
// typed API, so each internal it needs is checked here and in test/cli/nativeDeflate.test.ts, which fails if a
// JSZip upgrade changes one of them; if they are not there, JSZip is left as it is.
import { deflateRawSync } from 'node:zlib';

interface Chunk {
  data: unknown;
  meta: unknown;
}

interface WorkerInstance {
  push(chunk: Chunk): void;
}

interface GenericWorkerClass {
  new (name: string): WorkerInstance;
  prototype: WorkerInstance & { flush(): void; processChunk(chunk: Chunk): void; cleanUp(): void };
}

interface FlateModule {
  magic: string;
  compressWorker(options?: { level?: number }): unknown;
}

const MARK = Symbol.for('budget-eval.nativeDeflate');

/** Puts zlib behind JSZip's DEFLATE. Returns whether it is (false: JSZip's internals are not as expected). */
export function useNativeDeflate(): boolean {
  let flate: FlateModule;
  let GenericWorker: GenericWorkerClass;
  let transformTo: (type: 'uint8array', data: unknown) => Uint8Array;
  try {
    /* eslint-disable @typescript-eslint/no-require-imports -- JSZip's own modules, not in its typed API */
    flate = require('jszip/lib/flate') as FlateModule;
    GenericWorker = require('jszip/lib/stream/GenericWorker') as GenericWorkerClass;
    transformTo = (require('jszip/lib/utils') as { transformTo: typeof transformTo }).transformTo;
    /* eslint-enable @typescript-eslint/no-require-imports */
  } catch {
    return false;
  }
  if (typeof flate?.compressWorker !== 'function' || flate.magic !== '\x08\x00' || typeof GenericWorker !== 'function' || typeof transformTo !== 'function') return false;
  const proto = GenericWorker.prototype;
  if (typeof proto.push !== 'function' || typeof proto.flush !== 'function' || typeof proto.processChunk !== 'function' || typeof proto.cleanUp !== 'function') return false;
  const marked = flate as unknown as Record<symbol, boolean>;
  if (marked[MARK]) return true;

  /**
   * Collects a file's bytes and deflates them in one call at the end: zlib has no synchronous streaming API,
   * and JSZip's workers are synchronous. The bytes are the file's text, which ExcelJS already holds whole.
   */
  class NativeDeflateWorker extends GenericWorker {
    private chunks: Uint8Array[] = [];
    private length = 0;
    private meta: unknown = {};

    constructor(private readonly level: number) {
      super('NativeDeflateWorker');
    }

    processChunk(chunk: Chunk): void {
      this.meta = chunk.meta;
      const bytes = transformTo('uint8array', chunk.data);
      this.chunks.push(bytes);
      this.length += bytes.length;
    }

    flush(): void {
      proto.flush.call(this);
      const whole = this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks, this.length);
      this.chunks = [];
      this.push({ data: deflateRawSync(whole, { level: this.level }), meta: this.meta });
    }

    cleanUp(): void {
      proto.cleanUp.call(this);
      this.chunks = [];
    }
  }
  // JSZip's FlateWorker: `level || -1` (zlib's default, 6).
  flate.compressWorker = (options) => new NativeDeflateWorker(options?.level || -1);
  marked[MARK] = true;
  return true;
}
