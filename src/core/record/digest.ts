// SHA-256 in pure JavaScript (@noble/hashes): the same digest in Node, in Excel's webview and in a plain page
// opened over http, where Web Crypto (secure contexts only) is missing.
import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';

/** Hex SHA-256 of the text, cut to `length` hex digits. */
export function digest(text: string, length = 64): string {
  return bytesToHex(sha256(utf8ToBytes(text))).slice(0, length);
}
