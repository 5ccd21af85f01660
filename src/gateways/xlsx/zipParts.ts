// What the zip's directory says about a part, before it is unzipped. JSZip keeps the sizes it read from the
// central directory on a private field only; this is the one place that reads it (test/gateways/xlsx/
// excelAdapter.test.ts fails if a JSZip upgrade moves it).
import type JSZip from 'jszip';

interface LoadedPart {
  /** JSZip's CompressedObject for a part read from a file. */
  _data?: { uncompressedSize?: unknown; compressedSize?: unknown };
}

/** The uncompressed size the directory declares for a part (JSZip checks it against the data when unzipping). */
export function declaredSize(file: JSZip.JSZipObject): number {
  const size = (file as unknown as LoadedPart)._data?.uncompressedSize;
  if (typeof size !== 'number') throw new Error(`JSZip changed: no declared size for ${file.name}`);
  return size;
}
