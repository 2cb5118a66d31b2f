// A GeoParquet cell's text (formats/geoparquet.ts `textOfBytes`), short ASCII decoded by hand,
// against TextDecoder on any bytes: Vietnamese letters, four-byte ones, bytes that are not
// UTF-8, overlong forms, surrogates, a byte-order mark.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { textOfBytes } from '../../../src/domain/formats/geoparquet.ts';

const encode = (s: string) => [...new TextEncoder().encode(s)];
const PIECES = [
  ...['a', 'Z', '0', ' ', '-', 'ô', 'Đ', 'ệ', 'ướ', '😀', '\uFEFF', '\uFFFD', '\u0800', '\u07ff'].map(encode),
  [0x80], [0xc3], [0xe1, 0xbb], [0xed, 0xa0, 0x80], [0xe0, 0x80, 0xaf], [0xc0, 0xaf], [0xf0, 0x9f], [0xff],
];

describe('textOfBytes', () => {
  it('gives what TextDecoder gives, for any short or long cell', () => {
    const decoder = new TextDecoder();
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 14 }), (parts) => {
        const bytes = Uint8Array.from(parts.flat());
        expect(textOfBytes(bytes)).toBe(decoder.decode(bytes));
      }),
      { numRuns: 3000 },
    );
    expect(textOfBytes(undefined)).toBeUndefined();
    expect(textOfBytes(Uint8Array.from(encode('Ấp Phước Hưng')))).toBe('Ấp Phước Hưng');
  });
});
