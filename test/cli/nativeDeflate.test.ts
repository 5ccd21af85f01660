// The command's files deflated by Node's zlib (src/cli/nativeDeflate.ts): JSZip's internals it relies on, and
// files that JSZip and ExcelJS read back as written.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import * as zlib from 'node:zlib';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { inflatePart, useNativeDeflate } from '../../src/cli/nativeDeflate';
import { loadWorkbook, UnreadableWorkbookError } from '../../src/gateways/xlsx/readWorkbook';
import { rawXlsx, rowsXml } from '../gateways/xlsx/rawXlsx';

/** The raw deflate stream of one stored file, from its local header (no data descriptor: JSZip writes none in Node). */
function storedData(zipBytes: Buffer, name: string): { method: number; data: Buffer } {
  let at = 0;
  while (at < zipBytes.length && zipBytes.readUInt32LE(at) === 0x04034b50) {
    const method = zipBytes.readUInt16LE(at + 8);
    const compressed = zipBytes.readUInt32LE(at + 18);
    const nameLength = zipBytes.readUInt16LE(at + 26);
    const extraLength = zipBytes.readUInt16LE(at + 28);
    const fileName = zipBytes.toString('utf8', at + 30, at + 30 + nameLength);
    const start = at + 30 + nameLength + extraLength;
    if (fileName === name) return { method, data: zipBytes.subarray(start, start + compressed) };
    at = start + compressed;
  }
  throw new Error(`${name} not in the zip`);
}

const TEXT = Array.from({ length: 3000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="s"><v>${i % 17}</v></c><c><v>项目${i}</v></c></row>`).join('');

describe('native deflate for the command', () => {
  it('finds the JSZip internals it replaces (fails if a JSZip upgrade moves them)', () => {
    /* eslint-disable @typescript-eslint/no-require-imports */
    const flate = require('jszip/lib/flate') as { magic: string; compressWorker: unknown; uncompressWorker: unknown };
    const GenericWorker = require('jszip/lib/stream/GenericWorker') as { prototype: Record<string, unknown> };
    const utils = require('jszip/lib/utils') as { transformTo: unknown };
    /* eslint-enable @typescript-eslint/no-require-imports */
    expect(flate.magic).toBe('\x08\x00');
    expect(typeof flate.compressWorker).toBe('function');
    expect(typeof flate.uncompressWorker).toBe('function');
    for (const method of ['push', 'flush', 'processChunk', 'cleanUp']) expect(typeof GenericWorker.prototype[method]).toBe('function');
    expect(typeof utils.transformTo).toBe('function');
    expect(useNativeDeflate()).toBe(true);
    expect(useNativeDeflate()).toBe(true); // once only
  });

  it('takes the CRC-32 from zlib with JSZip’s numbers: running over chunks, 0 for an empty one, signed, text as JSZip’s', () => {
    /* eslint-disable @typescript-eslint/no-require-imports */
    const jszipCrc32 = require('jszip/lib/crc32') as (data: unknown, crc: number) => number;
    const Crc32Probe = require('jszip/lib/stream/Crc32Probe') as new () => { streamInfo: { crc32?: number }; push(chunk: unknown): void; processChunk(chunk: unknown): void };
    /* eslint-enable @typescript-eslint/no-require-imports */
    useNativeDeflate();
    // zlib's is in place where Node has it (20.15 and later, as CI's Node 20).
    expect((Crc32Probe.prototype.processChunk as unknown as Record<symbol, boolean>)[Symbol.for('budget-eval.nativeDeflate')]).toBe(typeof (zlib as { crc32?: unknown }).crc32 === 'function');
    expect(typeof (zlib as { crc32?: unknown }).crc32).toBe('function');
    const probe = new Crc32Probe();
    probe.push = () => undefined;
    let expected = 0;
    let signed = 0;
    for (let i = 0; i < 200; i++) {
      const chunk = i % 50 === 7 ? 'binary text \u00ff' : Buffer.from(TEXT.slice(i * 97, i * 97 + (i % 13) * 31 + 1), 'utf8');
      probe.processChunk({ data: chunk, meta: {} });
      expected = jszipCrc32(chunk, expected);
      expect(probe.streamInfo.crc32).toBe(expected);
      if (expected < 0) signed++;
    }
    expect(signed).toBeGreaterThan(0); // CRCs with the top bit set: JSZip's reader compares them signed
    probe.processChunk({ data: new Uint8Array(0), meta: {} });
    expect(probe.streamInfo.crc32).toBe(jszipCrc32(new Uint8Array(0), expected));
  });

  it('writes what zlib writes at JSZip’s level, and JSZip reads it back', async () => {
    useNativeDeflate();
    const zip = new JSZip();
    zip.file('sheet.xml', TEXT);
    zip.file('empty.xml', '');
    const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    const stored = storedData(bytes, 'sheet.xml');
    expect(stored.method).toBe(8);
    // pako, JSZip's own deflate, writes other bytes for the same text (it is a port of an older zlib).
    expect(stored.data.equals(deflateRawSync(Buffer.from(TEXT, 'utf8'), { level: 6 }))).toBe(true);
    expect(inflateRawSync(stored.data).toString('utf8')).toBe(TEXT);
    const back = await JSZip.loadAsync(bytes); // checks each file's CRC-32 and size
    expect(await back.file('sheet.xml')?.async('string')).toBe(TEXT);
    expect(await back.file('empty.xml')?.async('string')).toBe('');
    // Past a mebibyte, in batches: still one stream, inflated whole, and within a few per mille of zlib's size.
    const big = TEXT.repeat(40);
    const large = new JSZip();
    large.file('sheet.xml', big);
    const largeData = storedData(await large.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }), 'sheet.xml').data;
    expect(inflateRawSync(largeData).toString('utf8')).toBe(big);
    expect(largeData.length).toBeLessThan(deflateRawSync(Buffer.from(big, 'utf8'), { level: 6 }).length * 1.01);
    const level1 = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 1 } });
    expect(storedData(level1, 'sheet.xml').data.equals(deflateRawSync(Buffer.from(TEXT, 'utf8'), { level: 1 }))).toBe(true);
  });

  it('leaves an ExcelJS workbook as written', async () => {
    useNativeDeflate();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('项目支出');
    for (let r = 1; r <= 500; r++) sheet.addRow([`项目${r}`, r * 1.5, { formula: `B${r}*2`, result: r * 3 }]);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(await workbook.xlsx.writeBuffer());
    const read = back.getWorksheet('项目支出');
    expect(read?.rowCount).toBe(500);
    expect(read?.getCell('A500').value).toBe('项目500');
    expect(read?.getCell('B250').value).toBe(375);
    expect(read?.getCell('C10').value).toEqual({ formula: 'B10*2', result: 30 });
  });

  it('inflates with zlib what pako wrote, checksums checked', async () => {
    const zip = new JSZip();
    zip.file('sheet.xml', TEXT);
    zip.file('empty.xml', '');
    // Written before zlib is installed in this worker? Either way: deflate data, read back through zlib.
    const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    useNativeDeflate();
    const back = await JSZip.loadAsync(bytes, { checkCRC32: true });
    expect(await back.file('sheet.xml')?.async('string')).toBe(TEXT);
    expect(await back.file('empty.xml')?.async('string')).toBe('');
  });

  it('refuses a part that inflates beyond the limit, or that is not deflate data, in JSZip’s words', () => {
    const zeros = deflateRawSync(Buffer.alloc(5000));
    expect(inflatePart(zeros, 5000).length).toBe(5000);
    expect(() => inflatePart(zeros, 4999)).toThrow('Bug : uncompressed data size mismatch');
    expect(() => inflatePart(Buffer.from([0xff, 0xff, 0xff]), 5000)).toThrow(/^Corrupted zip : /);
  });

  it('keeps the reader’s refusals of damaged files: a changed byte, a part larger than its directory entry, data that is not deflate', async () => {
    useNativeDeflate();
    const refusal = async (bytes: Uint8Array) => {
      try {
        await loadWorkbook(bytes, 'en');
      } catch (error) {
        if (error instanceof UnreadableWorkbookError) return error;
        throw error;
      }
      throw new Error('read without complaint');
    };
    const sheet = { name: '项目支出', rows: rowsXml([['项目名称', '年初预算数'], ['Alpha', 100]]), dimension: 'A1:B2' };
    const bytes = Buffer.from(await rawXlsx([sheet]));
    // The central directory entry of the sheet: signature PK 1 2, method +10, CRC +16, sizes +20/+24, name at +46.
    const name = Buffer.from('xl/worksheets/sheet1.xml');
    const signature = Buffer.from([0x50, 0x4b, 0x01, 0x02]);
    let entry = -1;
    for (let i = bytes.indexOf(signature); i >= 0; i = bytes.indexOf(signature, i + 4)) {
      if (bytes.subarray(i + 46, i + 46 + bytes.readUInt16LE(i + 28)).equals(name)) entry = i;
    }
    expect(bytes.readUInt16LE(entry + 10)).toBe(8);
    const crc = Buffer.from(bytes);
    crc.writeUInt32LE((crc.readUInt32LE(entry + 16) ^ 1) >>> 0, entry + 16);
    expect((await refusal(new Uint8Array(crc))).message).toMatch(/^the file is damaged .*checksum mismatch/);
    const size = Buffer.from(bytes);
    size.writeUInt32LE(10, entry + 24);
    expect((await refusal(new Uint8Array(size))).message).toMatch(/^the file is damaged .*size/);
    // The local header's data: the first compressed byte made a reserved block type (11).
    const local = bytes.readUInt32LE(entry + 42);
    const data = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const broken = Buffer.from(bytes);
    broken[data] = 0x07;
    expect((await refusal(new Uint8Array(broken))).reason).toBe('corrupt');
  });
});
