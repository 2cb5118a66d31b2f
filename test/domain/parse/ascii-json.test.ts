import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AsciiJsonDecoder } from '../../../src/domain/parse/columnar/ascii-json.ts';

const encoder = new TextEncoder();

/** The ordinary way: TextDecoder, the BOM kept. */
const plain = (bytes: Uint8Array): string => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);

/** The bytes cut at `cuts` (sorted, deduplicated), decoded piece by piece. */
function escaped(bytes: Uint8Array, cuts: number[]): string {
  const decoder = new AsciiJsonDecoder();
  const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  let text = '';
  let from = 0;
  for (const cut of at) {
    text += decoder.decode(bytes.subarray(from, cut), true);
    from = cut;
  }
  return text + decoder.decode(bytes.subarray(from)) + decoder.end();
}

function parsed(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/** Characters beyond ASCII left as they are, other than those the decoder keeps on purpose. */
const unescaped = (text: string): string[] =>
  [...text].filter((c, i, all) => c.charCodeAt(0) >= 0x80 && c !== '\uFEFF' && c !== '\uFFFD' && all[i - 1] !== '\\');

/** What the stream's reader looks at besides the values: replacement characters and a leading BOM. */
const signs = (text: string) => ({ replacement: text.includes('\uFFFD'), bom: text.charCodeAt(0) === 0xfeff });

// Strings of any code points (astral, U+FEFF, U+FFFD, controls, backslashes and quotes among them).
const anyString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 10 }),
  fc.string({ unit: fc.constantFrom('ô', 'ệ', 'Đ', '\\', '"', '\uFEFF', '\uFFFD', '😀', 'a', ' ', '\u2028'), maxLength: 10 }),
);
const json = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, anyString, fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null), tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 4 }),
  object: fc.dictionary(anyString, tie('value'), { maxKeys: 4 }),
})).value;

describe('AsciiJsonDecoder', () => {
  it('writes accented letters as escapes and leaves ASCII as it is', () => {
    const decoder = new AsciiJsonDecoder();
    expect(decoder.decode(encoder.encode('{"name":"Thôn Đông 😀"}'))).toBe('{"name":"Th\\u00f4n \\u0110\\u00f4ng \\ud83d\\ude00"}');
    expect(decoder.decode(encoder.encode('[1,2]'))).toBe('[1,2]');
  });

  it('keeps U+FEFF, U+FFFD and a character after a backslash as themselves; bytes that are not UTF-8 become U+FFFD', () => {
    const decoder = new AsciiJsonDecoder();
    expect(decoder.decode(encoder.encode('\uFEFF{"a":"\uFFFD\\é"}'))).toBe('\uFEFF{"a":"\uFFFD\\é"}');
    expect(decoder.decode(Uint8Array.of(0x22, 0xc3, 0x22, 0xed, 0xa0, 0x80, 0x22))).toBe('"\uFFFD"\uFFFD\uFFFD\uFFFD"');
  });

  it('waits for the rest of a sequence cut by a piece, and ends a cut one with U+FFFD', () => {
    const decoder = new AsciiJsonDecoder();
    const bytes = encoder.encode('"ệ😀"');
    expect(decoder.decode(bytes.subarray(0, 2), true) + decoder.decode(bytes.subarray(2, 6), true) + decoder.decode(bytes.subarray(6), true)).toBe('"\\u1ec7\\ud83d\\ude00"');
    expect(decoder.decode(bytes.subarray(0, 3), true) + decoder.end()).toBe('"\uFFFD');
  });

  it('JSON text in any pieces: the same values as the ordinary decoder, and the same signs', () => {
    fc.assert(
      fc.property(json, fc.array(fc.nat(), { maxLength: 5 }), fc.boolean(), (value, cuts, bom) => {
        const bytes = encoder.encode((bom ? '\uFEFF' : '') + JSON.stringify(value));
        const text = escaped(bytes, cuts);
        expect(signs(text)).toEqual(signs(plain(bytes)));
        expect(parsed(text)).toEqual(parsed(plain(bytes)));
        expect(unescaped(text)).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it('any bytes: parses exactly when the ordinary text parses, to the same value, with the same signs', () => {
    const pieces = fc.constantFrom(
      ...['"', '\\', '{', '}', '[', ']', ',', ':', '1', 'a', ' ', 'u', '0'].map((s) => [...encoder.encode(s)]),
      [0xc3], [0xb4], [0xe1, 0xbb], [0x87], [0xf0, 0x9f, 0x98], [0x80], [0xed, 0xa0, 0x80], [0xc0, 0xaf], [0xff], [0xef, 0xbb, 0xbf], [0xef, 0xbf, 0xbd],
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 30 }), fc.boolean(), fc.array(fc.nat(), { maxLength: 5 }), (parts, quoted, cuts) => {
        // Often one string in an array: the pieces then mostly make JSON that parses.
        const bytes = Uint8Array.from(quoted ? [0x5b, 0x22, ...parts.flat(), 0x22, 0x5d] : parts.flat());
        const text = escaped(bytes, cuts);
        expect(signs(text)).toEqual(signs(plain(bytes)));
        expect(parsed(text)).toEqual(parsed(plain(bytes)));
      }),
      { numRuns: 2000 },
    );
  });
});
