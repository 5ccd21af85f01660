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

interface NodeCrypto {
  createHash(algorithm: 'sha256'): { update(text: string, encoding: 'utf8'): { digest(encoding: 'hex'): string } };
}

/** Node's SHA-256 when this runs in Node, else null. Read once: it is what the platform offers, not state. */
export const nativeSha256: Sha256Hex | null = (() => {
  const host = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const crypto = host?.getBuiltinModule?.('node:crypto') as NodeCrypto | undefined;
  // Node's UTF-8 also writes a lone surrogate as U+FFFD (EF BF BD), as TextEncoder does.
  return crypto ? (text) => crypto.createHash('sha256').update(text, 'utf8').digest('hex') : null;
})();

const sha256Hex: Sha256Hex = nativeSha256 ?? portableSha256;

/** Hex SHA-256 of the text, cut to `length` hex digits. */
export function digest(text: string, length = 64): string {
  return sha256Hex(text).slice(0, length);
}
