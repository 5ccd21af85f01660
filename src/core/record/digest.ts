// SHA-256 of a text, the same digest everywhere. In Node (the command, the bench, the tests) it is Node's own,
// found at run time with `process.getBuiltinModule` (Node ≥ 20.16), so that core imports nothing of Node's and
// the pane's bundle is unchanged: 2 MB of fingerprint text in about 3 ms instead of 25. Elsewhere — Excel's
// webview, a plain page opened over http, where Web Crypto (secure contexts only, and asynchronous) is missing —
// it is pure JavaScript (@noble/hashes). test/core/digest.test.ts holds the two to the same digests.
import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';

type Sha256Hex = (text: string) => string;

/** Pure JavaScript: TextEncoder's UTF-8 (a lone surrogate becomes U+FFFD), then SHA-256. */
export const portableSha256: Sha256Hex = (text) => bytesToHex(sha256(utf8ToBytes(text)));

interface NodeHash {
  update(text: string, encoding: 'utf8' | 'utf16le'): NodeHash;
  update(bytes: Uint8Array): NodeHash;
  digest(encoding: 'hex'): string;
}

interface NodeCrypto {
  createHash(algorithm: 'sha256'): NodeHash;
}

/** Node's crypto module when this runs in Node, else null. Read once: it is what the platform offers, not state. */
const nodeCrypto: NodeCrypto | null = (() => {
  const host = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  return (host?.getBuiltinModule?.('node:crypto') as NodeCrypto | undefined) ?? null;
})();

/** Node's SHA-256 when this runs in Node, else null. */
export const nativeSha256: Sha256Hex | null = nodeCrypto
  ? // Node's UTF-8 also writes a lone surrogate as U+FFFD (EF BF BD), as TextEncoder does.
    (text) => nodeCrypto.createHash('sha256').update(text, 'utf8').digest('hex')
  : null;

const sha256Hex: Sha256Hex = nativeSha256 ?? portableSha256;

/** Hex SHA-256 of the text, cut to `length` hex digits. */
export function digest(text: string, length = 64): string {
  return sha256Hex(text).slice(0, length);
}

/**
 * Bytes as they are, or a text as its UTF-16LE code units: no encoding step (a text is hashed as the string
 * holds it, a lone surrogate included), which for CJK text is a copy where UTF-8 is a conversion.
 */
export type DigestPart = Uint8Array | string;

/** A SHA-256 fed part by part (DigestPart), for a digest over more than one wants to hold at once. */
export interface PartsDigest {
  update(part: DigestPart): void;
  /** Hex, cut to `length` hex digits. */
  digest(length?: number): string;
}

/** Pure JavaScript: each text's code units as little-endian byte pairs, then SHA-256 over all the parts. */
export function portablePartsDigest(): PartsDigest {
  const hash = sha256.create();
  return {
    update: (part) => void hash.update(typeof part === 'string' ? utf16leBytes(part) : part),
    digest: (length = 64) => bytesToHex(hash.digest()).slice(0, length),
  };
}

function utf16leBytes(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    bytes[2 * i] = unit & 0xff;
    bytes[2 * i + 1] = unit >>> 8;
  }
  return bytes;
}

/** Node's SHA-256 over the parts when this runs in Node, else null. */
export const nativePartsDigest: (() => PartsDigest) | null = nodeCrypto
  ? () => {
      const hash = nodeCrypto.createHash('sha256');
      return {
        update: (part) => void (typeof part === 'string' ? hash.update(part, 'utf16le') : hash.update(part)),
        digest: (length = 64) => hash.digest('hex').slice(0, length),
      };
    }
  : null;

/** A digest over parts, Node's where there is Node. */
export const partsDigest: () => PartsDigest = nativePartsDigest ?? portablePartsDigest;
