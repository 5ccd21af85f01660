// The digest is Node's SHA-256 in Node and @noble/hashes' in the browser (core/record/digest.ts): a report made
// in one host and checked for staleness in the other must find the same fingerprint, so the two must agree on
// every text, lone surrogates and long CJK texts included.
import fc from 'fast-check';
import { digest, nativePartsDigest, nativeSha256, partsDigest, portablePartsDigest, portableSha256, type DigestPart } from '../../src/core/record/digest';

describe('digest', () => {
  it('uses Node’s own SHA-256 when running in Node', () => {
    expect(nativeSha256).not.toBeNull();
    // The standard test vector (FIPS 180-2, "abc").
    expect(digest('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(portableSha256('abc')).toBe(digest('abc'));
  });

  it('gives the same digest in Node and in pure JavaScript, for any text', () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.string({ unit: 'grapheme', minLength: 1000, maxLength: 5000 }),
      fc.constantFrom('', '\ud800', 'a\udc00b', '😀', '\u0000', '应急管理工作经费'),
    );
    fc.assert(fc.property(text, (t) => nativeSha256!(t) === portableSha256(t)), { numRuns: 300 });
  });

  it('cuts to the length asked for', () => {
    expect(digest('abc', 12)).toBe('ba7816bf8f01');
  });

  it('digests parts (bytes, and texts as UTF-16LE) the same in Node and in pure JavaScript', () => {
    // "abc" as UTF-16LE is 61 00 62 00 63 00, whatever the parts it is cut into.
    const abc = new Uint8Array([0x61, 0, 0x62, 0, 0x63, 0]);
    const over = (make: () => { update(p: DigestPart): void; digest(): string }, parts: DigestPart[]) => {
      const hash = make();
      for (const p of parts) hash.update(p);
      return hash.digest();
    };
    expect(over(partsDigest, ['abc'])).toBe(over(partsDigest, [abc]));
    expect(over(partsDigest, ['a', new Uint8Array([0x62, 0]), 'c'])).toBe(over(partsDigest, [abc]));
    const part = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.constantFrom('', '\ud800', 'a\udc00b', '😀', '应急管理工作经费'),
      fc.uint8Array({ maxLength: 100 }),
    );
    fc.assert(fc.property(fc.array(part, { maxLength: 6 }), (parts) => over(nativePartsDigest!, parts) === over(portablePartsDigest, parts)), { numRuns: 300 });
  });
});
