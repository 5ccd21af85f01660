// The command's .xlsx (and .docx) files deflated by Node's zlib instead of pako, JSZip's JavaScript port of it:
// at 50,000 project rows pako took about 4.5 s of the command's 18 s of CPU to compress the two big sheets,
// zlib a fraction of that, at the same level (6, JSZip's default) and to the same format; and inflated by zlib
// when read (the input is unzipped twice: JSZip's checksum pass, then ExcelJS's read). Node only: the pane
// and the page keep pako (this module is imported by the command alone). It reaches into JSZip 3.x beyond its
// typed API, so each internal it needs is checked here and in test/cli/nativeDeflate.test.ts, which fails if a
// JSZip upgrade changes one of them; if they are not there, JSZip is left as it is.
import * as zlib from 'node:zlib';
import { constants, deflateRawSync, inflateRawSync } from 'node:zlib';
import { DEFAULT_CONFIG } from '../core/config';

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

interface Crc32ProbeClass {
  prototype: { processChunk(this: { streamInfo: { crc32?: number }; push(chunk: Chunk): void }, chunk: Chunk): void };
}

interface FlateModule {
  magic: string;
  compressWorker(options?: { level?: number }): unknown;
  uncompressWorker(): unknown;
}

const MARK = Symbol.for('budget-eval.nativeDeflate');
/** Bytes deflated at a time: large enough that the batches cost no measurable size, small enough to hold. */
const BATCH_BYTES = 1 << 20;
/** The most one part may inflate to: a whole workbook's limit (core/config.ts). */
const INFLATE_LIMIT = DEFAULT_CONFIG.limits.maxUncompressedBytes;

/** Puts zlib behind JSZip's DEFLATE, both ways. Returns whether it is (false: JSZip's internals are not as expected). */
export function useNativeDeflate(): boolean {
  let flate: FlateModule;
  let GenericWorker: GenericWorkerClass;
  let transformTo: (type: 'uint8array', data: unknown) => Uint8Array;
  let Crc32Probe: Crc32ProbeClass;
  let jszipCrc32: (data: unknown, crc: number) => number;
  try {
    /* eslint-disable @typescript-eslint/no-require-imports -- JSZip's own modules, not in its typed API */
    flate = require('jszip/lib/flate') as FlateModule;
    GenericWorker = require('jszip/lib/stream/GenericWorker') as GenericWorkerClass;
    transformTo = (require('jszip/lib/utils') as { transformTo: typeof transformTo }).transformTo;
    Crc32Probe = require('jszip/lib/stream/Crc32Probe') as Crc32ProbeClass;
    jszipCrc32 = require('jszip/lib/crc32') as typeof jszipCrc32;
    /* eslint-enable @typescript-eslint/no-require-imports */
  } catch {
    return false;
  }
  if (typeof flate?.compressWorker !== 'function' || typeof flate.uncompressWorker !== 'function' || flate.magic !== '\x08\x00' || typeof GenericWorker !== 'function' || typeof transformTo !== 'function') return false;
  const proto = GenericWorker.prototype;
  if (typeof proto.push !== 'function' || typeof proto.flush !== 'function' || typeof proto.processChunk !== 'function' || typeof proto.cleanUp !== 'function') return false;
  const marked = flate as unknown as Record<symbol, boolean>;
  if (marked[MARK]) return true;

  /** Gathers a part's chunks as JSZip hands them over, for zlib to take in one call. */
  class GatheringWorker extends GenericWorker {
    protected length = 0;
    protected meta: unknown = {};
    private chunks: Uint8Array[] = [];

    processChunk(chunk: Chunk): void {
      this.meta = chunk.meta;
      // A Buffer is a Uint8Array already: JSZip's transformTo would copy it byte by byte.
      const bytes = chunk.data instanceof Uint8Array ? chunk.data : transformTo('uint8array', chunk.data);
      this.chunks.push(bytes);
      this.length += bytes.length;
    }

    /** What was gathered, as one array; the worker starts empty again. */
    protected take(): Uint8Array {
      const bytes = this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks, this.length);
      this.chunks = [];
      this.length = 0;
      return bytes;
    }

    flush(): void {
      proto.flush.call(this);
    }

    cleanUp(): void {
      proto.cleanUp.call(this);
      this.chunks = [];
    }
  }

  /**
   * Deflates a file a mebibyte at a time: zlib has no synchronous streaming API and JSZip's workers are
   * synchronous, so each batch is its own deflateRawSync ending in a sync flush (non-final blocks, byte-aligned),
   * and the file ends with an empty final block: one valid deflate stream, with memory bounded by the batch.
   */
  class NativeDeflateWorker extends GatheringWorker {
    constructor(private readonly level: number) {
      super('NativeDeflateWorker');
    }

    processChunk(chunk: Chunk): void {
      super.processChunk(chunk);
      if (this.length >= BATCH_BYTES) this.deflate(false);
    }

    flush(): void {
      super.flush();
      this.deflate(true);
    }

    private deflate(last: boolean): void {
      const data = deflateRawSync(this.take(), { level: this.level, finishFlush: last ? constants.Z_FINISH : constants.Z_SYNC_FLUSH });
      this.push({ data: plainBytes(data), meta: this.meta });
    }
  }
  /**
   * Inflates a file with zlib: JSZip reads each part twice (its checksum pass, then ExcelJS's read), and pako
   * took about half a second of that at 50,000 rows. The compressed bytes are gathered (a few MB at most) and
   * inflated at the end into one buffer of at most the size limit of a whole workbook: a part that inflates
   * beyond it (a zip bomb under a false directory size) is refused as JSZip refuses a part of the wrong size.
   */
  class NativeInflateWorker extends GatheringWorker {
    constructor() {
      super('NativeInflateWorker');
    }

    flush(): void {
      super.flush();
      if (this.length === 0) return;
      let data: Buffer;
      try {
        data = inflatePart(this.take(), INFLATE_LIMIT);
      } catch (error) {
        (this as unknown as { error(e: Error): void }).error(error as Error);
        return;
      }
      this.push({ data: plainBytes(data), meta: this.meta });
    }
  }
  // JSZip's FlateWorker: `level || -1` (zlib's default, 6).
  flate.compressWorker = (options) => new NativeDeflateWorker(options?.level || -1);
  flate.uncompressWorker = () => new NativeInflateWorker();
  // The CRC-32 of every part written and read (JSZip checks it when reading) by zlib's, where Node has it (20.15):
  // JSZip's table-driven loop in JavaScript took about 0.2 s at 50,000 rows. The same numbers in JSZip's
  // conventions: 0 for an empty chunk, a signed 32-bit result (what its reader compares with the directory's).
  const crc32 = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;
  if (typeof crc32 === 'function' && typeof Crc32Probe?.prototype?.processChunk === 'function' && typeof jszipCrc32 === 'function') {
    Crc32Probe.prototype.processChunk = function (chunk) {
      const data = chunk.data;
      const previous = this.streamInfo.crc32 || 0;
      this.streamInfo.crc32 = data instanceof Uint8Array ? (data.length === 0 ? 0 : crc32(data, previous >>> 0) | 0) : jszipCrc32(data, previous);
      this.push(chunk);
    };
    (Crc32Probe.prototype.processChunk as unknown as Record<symbol, boolean>)[MARK] = true;
  }
  marked[MARK] = true;
  return true;
}

/**
 * One part's raw deflate data inflated, at most `limit` bytes. Failures in JSZip's words, which the reader turns
 * into the clerk's (too large: "damaged: the part's size does not match the directory").
 */
export function inflatePart(compressed: Uint8Array, limit: number): Buffer {
  try {
    return inflateRawSync(compressed, { maxOutputLength: limit });
  } catch (error) {
    const tooLarge = (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE';
    throw new Error(tooLarge ? 'Bug : uncompressed data size mismatch' : `Corrupted zip : ${(error as Error).message}`);
  }
}

/**
 * A Buffer's bytes as a plain Uint8Array (no copy): JSZip copies a Node Buffer byte by byte into a Uint8Array
 * where its next step wants one (its UTF-8 decoder; its zip writer), as pako's output already is.
 */
function plainBytes(data: Buffer): Uint8Array {
  return new Uint8Array(data.buffer, data.byteOffset, data.length);
}
