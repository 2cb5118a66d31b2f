// UTF-8 bytes of JSON text decoded into ASCII text that `JSON.parse` reads to the same values:
// every character beyond ASCII is written as its `\uXXXX` escape.
//
// Why: a browser's TextDecoder is fast on ASCII and slow on anything else. On the national
// hamlets file (229 MB, one accented letter in each of 900,000 names, 1.7% of its bytes),
// Chromium decoded it in 2.9-4.1 s, and the same bytes with those letters replaced by ASCII in
// 0.75 s. Escaping costs one pass over the bytes, and one-byte strings are half the memory of
// the two-byte strings the accents made.
//
// What stays exactly as the ordinary decoder (`TextDecoder('utf-8', { ignoreBOM: true })`)
// would give it, so that the text's checks see the same thing:
// - bytes that are not UTF-8 become U+FFFD itself (the stream's reader falls back on it);
// - U+FFFD and U+FEFF written in the file stay themselves (a replacement character is read
//   as a sign of a wrong encoding, a leading byte-order mark makes the reader fall back);
// - a character right after a backslash stays itself: `\é` is an error in JSON, and escaped
//   it would read `\\u00e9`, a valid backslash and five letters.
// Outside a string a character beyond ASCII is an error in JSON whether escaped or not, so a
// text that does not parse still does not parse.

const BACKSLASH = 0x5c;
const HEX = Uint8Array.from('0123456789abcdef', (c) => c.charCodeAt(0));
const REPLACEMENT_BYTES = [0xef, 0xbf, 0xbd];

/** The length of the UTF-8 sequence that `lead` starts, 0 when it starts none. */
function sequenceLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/** The allowed range of a sequence's second byte (the first continuation byte), as the UTF-8 standard sets it. */
function secondByteFits(lead: number, second: number): boolean {
  if (lead === 0xe0) return second >= 0xa0 && second <= 0xbf;
  if (lead === 0xed) return second >= 0x80 && second <= 0x9f;
  if (lead === 0xf0) return second >= 0x90 && second <= 0xbf;
  if (lead === 0xf4) return second >= 0x80 && second <= 0x8f;
  return second >= 0x80 && second <= 0xbf;
}

/**
 * Push-driven: `decode(bytes, true)` for each piece of a stream, `decode(bytes)` or `end()` for
 * the last. A sequence cut by a piece's end waits for the next piece.
 */
export class AsciiJsonDecoder {
  private out = new Uint8Array(0);
  /** Bytes of a sequence cut by the last piece's end. */
  private carry: Uint8Array | undefined;
  /** The last byte written, for the backslash rule across pieces. */
  private last = 0;
  private readonly text = new TextDecoder('utf-8', { ignoreBOM: true });

  decode(piece: Uint8Array, stream = false): string {
    let bytes = piece;
    if (this.carry) {
      bytes = new Uint8Array(this.carry.length + piece.length);
      bytes.set(this.carry);
      bytes.set(piece, this.carry.length);
      this.carry = undefined;
    }
    const n = bytes.length;
    let i = 0;
    while (i < n && bytes[i]! < 0x80) i++;
    if (i === n) {
      if (n > 0) this.last = bytes[n - 1]!;
      return this.text.decode(bytes);
    }
    // Worst case: each byte of a two-byte sequence becomes three escaped bytes (or 12 for 4).
    if (this.out.length < n * 3) this.out = new Uint8Array(n * 3 + 16);
    const out = this.out;
    out.set(bytes.subarray(0, i));
    let o = i;
    let last = i > 0 ? bytes[i - 1]! : this.last;
    while (i < n) {
      const lead = bytes[i]!;
      if (lead < 0x80) {
        let j = i + 1;
        while (j < n && bytes[j]! < 0x80) j++;
        out.set(bytes.subarray(i, j), o);
        o += j - i;
        last = bytes[j - 1]!;
        i = j;
        continue;
      }
      const length = sequenceLength(lead);
      // How many bytes from the lead are a valid start of the sequence (the lead alone when not).
      let valid = length === 0 ? 0 : 1;
      if (valid === 1 && i + 1 < n) valid = secondByteFits(lead, bytes[i + 1]!) ? 2 : 1;
      while (valid >= 2 && valid < length && i + valid < n && (bytes[i + valid]! & 0xc0) === 0x80) valid++;
      if (stream && length > 0 && valid < length && i + valid === n) {
        // Cut by the piece's end, and valid so far: the rest comes with the next piece. Copied
        // (not `slice`, which is a view on a Node Buffer): the caller may reuse the piece's memory.
        this.carry = new Uint8Array(n - i);
        this.carry.set(bytes.subarray(i));
        break;
      }
      if (length === 0 || valid < length) {
        // Not UTF-8: one replacement character for the longest valid start (or the lone byte), as TextDecoder does.
        for (const b of REPLACEMENT_BYTES) out[o++] = b;
        last = REPLACEMENT_BYTES[2]!;
        i += Math.max(valid, 1);
        continue;
      }
      let code: number;
      if (length === 2) code = ((lead & 0x1f) << 6) | (bytes[i + 1]! & 0x3f);
      else if (length === 3) code = ((lead & 0x0f) << 12) | ((bytes[i + 1]! & 0x3f) << 6) | (bytes[i + 2]! & 0x3f);
      else code = ((lead & 0x07) << 18) | ((bytes[i + 1]! & 0x3f) << 12) | ((bytes[i + 2]! & 0x3f) << 6) | (bytes[i + 3]! & 0x3f);
      if (last === BACKSLASH || code === 0xfffd || code === 0xfeff) {
        for (let k = 0; k < length; k++) out[o++] = bytes[i + k]!;
      } else if (code < 0x10000) {
        o = escape(out, o, code);
      } else {
        o = escape(out, o, 0xd800 + ((code - 0x10000) >> 10));
        o = escape(out, o, 0xdc00 + ((code - 0x10000) & 0x3ff));
      }
      last = bytes[i + length - 1]!;
      i += length;
    }
    this.last = last;
    return this.text.decode(out.subarray(0, o));
  }

  /** What a cut sequence left at the stream's end: one replacement character, or nothing. */
  end(): string {
    if (!this.carry) return '';
    this.carry = undefined;
    return '\uFFFD';
  }
}

function escape(out: Uint8Array, o: number, unit: number): number {
  out[o] = BACKSLASH;
  out[o + 1] = 0x75; // u
  out[o + 2] = HEX[(unit >> 12) & 15]!;
  out[o + 3] = HEX[(unit >> 8) & 15]!;
  out[o + 4] = HEX[(unit >> 4) & 15]!;
  out[o + 5] = HEX[unit & 15]!;
  return o + 6;
}
