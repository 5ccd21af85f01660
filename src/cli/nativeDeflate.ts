// The command's .xlsx (and .docx) files deflated by Node's zlib instead of pako, JSZip's JavaScript port of it:
// at 50,000 project rows pako took about 4.5 s of the command's 18 s of CPU to compress the two big sheets,
// zlib a fraction of that, at the same level (6, JSZip's default) and to the same format. Node only: the pane
// and the page keep pako (this module is imported by the command alone). It reaches into JSZip 3.x beyond its
// typed API, so each internal it needs is checked here and in test/cli/nativeDeflate.test.ts, which fails if a
// JSZip upgrade changes one of them; if they are not there, JSZip is left as it is.
import { constants, deflateRawSync } from 'node:zlib';

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
/** Bytes deflated at a time: large enough that the batches cost no measurable size, small enough to hold. */
const BATCH_BYTES = 1 << 20;

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
   * Deflates a file a mebibyte at a time: zlib has no synchronous streaming API and JSZip's workers are
   * synchronous, so each batch is its own deflateRawSync ending in a sync flush (non-final blocks, byte-aligned),
   * and the file ends with an empty final block: one valid deflate stream, with memory bounded by the batch.
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
      // A Buffer is a Uint8Array already: JSZip's transformTo would copy it byte by byte.
      const bytes = chunk.data instanceof Uint8Array ? chunk.data : transformTo('uint8array', chunk.data);
      this.chunks.push(bytes);
      this.length += bytes.length;
      if (this.length >= BATCH_BYTES) this.deflate(false);
    }

    flush(): void {
      proto.flush.call(this);
      this.deflate(true);
    }

    cleanUp(): void {
      proto.cleanUp.call(this);
      this.chunks = [];
    }

    private deflate(last: boolean): void {
      const batch = this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks, this.length);
      this.chunks = [];
      this.length = 0;
      const data = deflateRawSync(batch, { level: this.level, finishFlush: last ? constants.Z_FINISH : constants.Z_SYNC_FLUSH });
      this.push({ data, meta: this.meta });
    }
  }
  // JSZip's FlateWorker: `level || -1` (zlib's default, 6).
  flate.compressWorker = (options) => new NativeDeflateWorker(options?.level || -1);
  marked[MARK] = true;
  return true;
}
