import { cut } from '../messages/codes.ts';
import { atField, type IssueList, type Place } from './issues.ts';

export const BOM = '\uFEFF';
const REPLACEMENT = '\uFFFD';

/** 1-based line and column (in UTF-16 code units) of an offset in the text. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

/** Size of the text once encoded as UTF-8, without encoding it. */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * Checks that concern the whole text, before any parsing: a byte-order mark (reported, then
 * stripped so that the other problems are found too) and U+FFFD, which a UTF-8 decoder
 * leaves where the bytes were in another encoding. Returns the text without its BOM.
 */
export function checkText(text: string, issues: IssueList): string {
  let body = text;
  if (body.startsWith(BOM)) {
    issues.error('bom', {}, {}, 'strip-bom');
    body = body.slice(1);
  }
  const first = body.indexOf(REPLACEMENT);
  if (first >= 0) {
    let count = 0;
    for (let i = first; i >= 0; i = body.indexOf(REPLACEMENT, i + 1)) count++;
    const at = lineColumn(body, first);
    issues.error('not-utf8', { line: at.line, column: at.column }, { count });
  }
  return body;
}

// UTF-8 bytes read once as Windows-1252/1258 and saved again: "à" becomes "Ã ", "đ" "Ä‘",
// "ư" "Æ°", "ạ" "áº¡". None of these pairs occurs in Vietnamese or English text.
const DOUBLE_ENCODED_SECOND =
  '\\u0080-\\u00BF\\u0152\\u0153\\u0160\\u0161\\u0178\\u017D\\u017E\\u0192\\u02C6\\u02DC\\u2013\\u2014\\u2018-\\u201E\\u2020-\\u2022\\u2026\\u2030\\u2039\\u203A\\u20AC\\u2122';
const DOUBLE_ENCODED = new RegExp(`[ÃÂĂÄÅÆá][${DOUBLE_ENCODED_SECOND}]`);
// TCVN3 (ABC) text shown through a Latin-1 font, as Excel saves .VnTime cells: "Cà Mau"
// becomes "Cµ Mau", "Đ" "§", "đ" "®". Degrees and powers (m², 30°) are left alone.
const TCVN3_MARKS = '\\u00A1-\\u00AF\\u00B4-\\u00B9\\u00BB-\\u00BF';
const TCVN3 = new RegExp(`[A-Za-z][${TCVN3_MARKS}]|[${TCVN3_MARKS}][A-Za-z]`);
// VNI text the same way: tone marks become separate Latin-1 letters, "Cà" becomes "Caø",
// "đ" "ñ", "ư" "ö". These letters never follow a plain letter in Vietnamese.
const VNI_MARKS = 'øûïöñëäüÿØÛÏÖÑËÜ';
const VNI = new RegExp(`[A-Za-z][${VNI_MARKS}]|[ÑñÖö][A-Za-z]`);

/**
 * What a character may start, by UTF-16 code unit: a combining accent (NFC may differ), or a
 * character without which none of the three patterns above can match. A string with neither
 * is spared the patterns and NFC: Vietnamese names ("Thôn 1", precomposed) have neither.
 */
const COMBINING = 1;
const MOJIBAKE_MARK = 2;
const MARKS = new RegExp(`[${DOUBLE_ENCODED_SECOND}${TCVN3_MARKS}${VNI_MARKS}]`);
const CHAR_FLAGS = new Uint8Array(0x2200);
for (let c = 0x7f; c < CHAR_FLAGS.length; c++) {
  if (c >= 0x300 && c <= 0x36f) CHAR_FLAGS[c] = COMBINING;
  else if (MARKS.test(String.fromCharCode(c))) CHAR_FLAGS[c] = MOJIBAKE_MARK;
}

/**
 * Latin letters (Vietnamese's, with their precomposed forms) and the combining accents. NFC is
 * asked of these only: decomposed Vietnamese accents make "Cà Mau" unequal to "Cà Mau" when
 * names are matched or searched, and are what Vietnamese tools get wrong. Another script's
 * text (a Bengali name with U+09DF, which NFC decomposes) is kept as its writer gave it.
 */
// eslint-disable-next-line no-misleading-character-class -- the combining accents are a range of their own here, on purpose
const LATIN_RUN = /[\u0020-\u024F\u0300-\u036F\u1E00-\u1EFF]+/g;

/** Whether the Latin (Vietnamese) parts of a text are not in NFC; other scripts are not looked at. */
function vietnameseNotNfc(value: string): boolean {
  for (const [run] of value.matchAll(LATIN_RUN)) if (run !== run.normalize('NFC')) return true;
  return false;
}

/** The text with its Latin (Vietnamese) parts in NFC, other scripts untouched: the 'normalize-nfc' fix. */
export function normalizeVietnamese(text: string): string {
  return text.replace(LATIN_RUN, (run) => run.normalize('NFC'));
}

interface Finding {
  count: number;
  place: Place;
  sample: string;
}

/**
 * Checks every string of a file for Vietnamese text that is not NFC and for mojibake. Reported
 * once per file and kind of problem (with a count and the first place), because a file saved
 * by one tool has the same fault in every name. NFC is kept by field, so that only the
 * properties the contract reads are said (`report`'s `reads`): another property's accents
 * change nothing Sóng Map does, so they never block a file.
 */
export class StringScan {
  private readonly nfc = new Map<string, Finding>();
  private mojibake: Finding | undefined;
  private legacy: Finding | undefined;

  check(value: string, place: Place, field: string): void {
    // Most strings have no character that any of these faults needs (ASCII, precomposed
    // Vietnamese): one pass over the code units says so without a pattern or a normalisation.
    let flags = 0;
    for (let i = 0; i < value.length; i++) {
      const c = value.charCodeAt(i);
      if (c > 0x7e && c < 0x2200) flags |= CHAR_FLAGS[c] as number;
    }
    if (flags === 0) return;
    if ((flags & COMBINING) !== 0 && vietnameseNotNfc(value)) this.nfc.set(field, tally(this.nfc.get(field), value, place, field));
    if ((flags & MOJIBAKE_MARK) === 0) return;
    if (DOUBLE_ENCODED.test(value)) this.mojibake = tally(this.mojibake, value, place, field);
    else if (TCVN3.test(value) || VNI.test(value)) this.legacy = tally(this.legacy, value, place, field);
  }

  /** `reads`: whether the contract reads a field (all fields when not given). */
  report(issues: IssueList, reads: (field: string) => boolean = () => true): void {
    const params = (f: Finding) => ({ sample: f.sample, count: f.count });
    // Fields in the order of their first fault: the first read one has the file's first place.
    const nfc = [...this.nfc].filter(([field]) => reads(field)).map(([, f]) => f);
    const first = nfc[0];
    if (first) issues.error('not-nfc', first.place, { sample: first.sample, count: nfc.reduce((sum, f) => sum + f.count, 0) }, 'normalize-nfc');
    if (this.mojibake) issues.error('mojibake', this.mojibake.place, params(this.mojibake));
    if (this.legacy) issues.error('legacy-encoding', this.legacy.place, params(this.legacy));
  }
}

function tally(finding: Finding | undefined, value: string, place: Place, field: string): Finding {
  if (finding) {
    finding.count++;
    return finding;
  }
  return { count: 1, place: atField(place, field), sample: cut(value) };
}
