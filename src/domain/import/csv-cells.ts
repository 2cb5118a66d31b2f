// Reads the cells of a CSV import (csv-points.ts), already trimmed, as the contract's types;
// a cell that cannot be read comes back as a code and a message saying how to write it:
// - Numbers: "." decimals, or "," decimals when the file was sniffed so (or told so).
//   Thousands separators are read when only one reading is possible ("1,234,567",
//   "1,234.5", "1 200"; in a count "1.200" too, a count being whole), with a note the caller
//   says as a warning; "1,234" in a number field is refused as ambiguous, never guessed; so
//   is a comma where the file writes "." decimals, and the reverse. Coordinates are never
//   read with separators.
// - Booleans: true/false, 1/0, yes/no, có/không (case-insensitive).
// - Coordinates: numbers as above, and never empty (csv-point-rows.ts checks the position).
import { cut, type IssueCode, type IssueParams } from '../messages/codes.ts';
import { SCHOOL_LEVELS, type SchoolLevel } from '../types.ts';
import { normalizeHeader } from './csv-mapping.ts';

/** What was read in a way the user should hear of (a warning at the cell). */
export interface Note {
  code: IssueCode;
  params: IssueParams;
}

export type Read<T> = { ok: true; value: T; note?: Note } | { ok: false; code: IssueCode; params: IssueParams };

const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const separatorsRead = (text: string, plain: string): Read<number> => ({
  ok: true,
  value: Number(plain),
  note: { code: 'separators-read', params: { text: cut(text), value: Number(plain) } },
});
const fail = (code: IssueCode, params: IssueParams): Read<never> => ({ ok: false, code, params });

const GROUP_SPACES = /^[+-]?\d{1,3}([ \u00A0\u202F]\d{3})+([.,]\d+)?$/;

/** `mustBe`: what the cell must hold, for the message (messages/issues-*.ts, MUST_BE). */
export function readNumber(text: string, decimalComma: boolean, mustBe: 'number' | 'count' | 'lon' | 'lat'): Read<number> {
  const decimal = decimalComma ? ',' : '.';
  const other = decimalComma ? '.' : ',';
  const plain = decimalComma ? /^[+-]?(\d+(,\d*)?|,\d+)$/ : /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
  if (plain.test(text)) {
    const n = Number(text.replace(',', '.'));
    if (Number.isFinite(n)) return ok(n);
    return fail('not-finite', { text: cut(text) });
  }
  const esc = (c: string): string => (c === '.' ? '\\.' : c);
  const grouped = new RegExp(`^[+-]?\\d{1,3}(${esc(other)}\\d{3})+(${esc(decimal)}\\d+)?$`);
  const coordinate = mustBe === 'lon' || mustBe === 'lat';
  if (GROUP_SPACES.test(text)) {
    // Spaces group thousands only: a "." or "," after them is the decimal mark.
    const plainText = text.replace(/[ \u00A0\u202F]/g, '');
    return coordinate ? fail('thousands-separator', { text: cut(text), plain: plainText }) : separatorsRead(text, plainText.replace(',', '.'));
  }
  if (grouped.test(text)) {
    const groups = text.split(other).length - 1;
    if (groups === 1 && !text.includes(decimal)) {
      const asDecimal = text.replace(other, decimal);
      return fail('ambiguous-number', { text, other, decimal, plain: text.replace(other, ''), asDecimal });
    }
    const plainText = text.split(other).join('');
    return coordinate ? fail('thousands-separator', { text: cut(text), plain: plainText }) : separatorsRead(text, plainText.replace(decimal, '.'));
  }
  if (new RegExp(`^[+-]?\\d*${esc(other)}\\d+$`).test(text)) {
    return fail('decimal-mark', { text: cut(text), other, decimal, fixed: text.replace(other, decimal) });
  }
  return fail('not-number', { text: cut(text), mustBe });
}

const THOUSANDS_COUNT = /^[+-]?\d{1,3}([., \u00A0\u202F]\d{3})+$/;

export function readCount(text: string, decimalComma: boolean): Read<number> {
  if (/^[+-]?\d+$/.test(text)) return ok(Number(text));
  if (THOUSANDS_COUNT.test(text)) return separatorsRead(text, text.replace(/[., \u00A0\u202F]/g, ''));
  // A decimal reads as the number it is; the contract's check then says it must be whole.
  return readNumber(text, decimalComma, 'count');
}

const TRUE_WORDS = new Set(['true', '1', 'yes', 'có', 'co']);
const FALSE_WORDS = new Set(['false', '0', 'no', 'không', 'khong']);

export function readBoolean(text: string): Read<boolean> {
  const word = text.normalize('NFC').toLowerCase();
  if (TRUE_WORDS.has(word)) return ok(true);
  if (FALSE_WORDS.has(word)) return ok(false);
  return fail('not-boolean', { text: cut(text) });
}

export function readCoordinate(text: string, axis: 'lon' | 'lat', decimalComma: boolean): Read<number> {
  if (text === '') return fail('coordinate-missing', {});
  const read = readNumber(text, decimalComma, axis);
  if (read.ok || read.code !== 'not-finite') return read;
  return fail('coordinate-not-finite', { text: cut(text) });
}

/** Words for each school level (normalised as headers are: accents off, "_" between words). */
const LEVEL_WORDS: Readonly<Record<string, SchoolLevel>> = {
  // ISCED 2011 levels, as OpenStreetMap's isced:level writes them.
  '0': 'preschool',
  '1': 'primary',
  '2': 'lower_secondary',
  '3': 'upper_secondary',
  pre_primary: 'preschool',
  preprimary: 'preschool',
  kindergarten: 'preschool',
  mam_non: 'preschool',
  mau_giao: 'preschool',
  nha_tre: 'preschool',
  tieu_hoc: 'primary',
  th: 'primary',
  lower_secondary: 'lower_secondary',
  trung_hoc_co_so: 'lower_secondary',
  thcs: 'lower_secondary',
  upper_secondary: 'upper_secondary',
  trung_hoc_pho_thong: 'upper_secondary',
  thpt: 'upper_secondary',
  lien_cap: 'multi_level',
  nhieu_cap: 'multi_level',
  gdtx: 'continuing',
  giao_duc_thuong_xuyen: 'continuing',
};

/**
 * A school level as partners write it: the contract's word, an ISCED number ("1"), an
 * English or Vietnamese name ("Primary", "Tiểu học", "THCS"); several levels ("1;2",
 * "Primary, Secondary") are `multi_level`. Anything else stays as written, for the
 * contract's check to name the allowed values.
 */
export function readLevel(text: string): string {
  const parts = text.split(/[;,/]| và | and /i).map((part) => normalizeHeader(part)).filter((part) => part !== '');
  if (parts.length > 1) return 'multi_level';
  const word = parts[0] ?? '';
  if ((SCHOOL_LEVELS as readonly string[]).includes(word)) return word;
  return LEVEL_WORDS[word] ?? text;
}
