// Reads the cells of a CSV import (csv-points.ts), already trimmed, as the contract's types;
// a cell that cannot be read comes back as a code and a message saying how to write it:
// - Numbers: "." decimals, or "," decimals when the file was sniffed so (or told so).
//   Thousands separators ("1.200", "1,234,567", "1 200") are refused with a message, never
//   guessed; so is a comma where the file writes "." decimals, and the reverse.
// - Booleans: true/false, 1/0, yes/no, có/không (case-insensitive).
// - Coordinates: numbers as above, and never empty (csv-point-rows.ts checks the position).
import { cut, type IssueCode, type IssueParams } from '../messages/codes.ts';

export type Read<T> = { ok: true; value: T } | { ok: false; code: IssueCode; params: IssueParams };

const ok = <T>(value: T): Read<T> => ({ ok: true, value });
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
  if (GROUP_SPACES.test(text) || grouped.test(text)) {
    const groups = text.split(other).length - 1;
    if (!GROUP_SPACES.test(text) && groups === 1 && !text.includes(decimal)) {
      const asDecimal = text.replace(other, decimal);
      return fail('ambiguous-number', { text, other, decimal, plain: text.replace(other, ''), asDecimal });
    }
    const plainText = text.replace(new RegExp(`[ \\u00A0\\u202F${esc(other)}]`, 'g'), '');
    return fail('thousands-separator', { text: cut(text), plain: plainText });
  }
  if (new RegExp(`^[+-]?\\d*${esc(other)}\\d+$`).test(text)) {
    return fail('decimal-mark', { text: cut(text), other, decimal, fixed: text.replace(other, decimal) });
  }
  return fail('not-number', { text: cut(text), mustBe });
}

const THOUSANDS_COUNT = /^[+-]?\d{1,3}([., \u00A0\u202F]\d{3})+$/;

export function readCount(text: string, decimalComma: boolean): Read<number> {
  if (/^[+-]?\d+$/.test(text)) return ok(Number(text));
  if (THOUSANDS_COUNT.test(text)) {
    return fail('thousands-separator', { text, plain: text.replace(/[., \u00A0\u202F]/g, ''), whole: true });
  }
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
