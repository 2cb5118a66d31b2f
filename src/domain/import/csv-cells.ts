// Reads the cells of a CSV import (csv-points.ts), already trimmed, as the contract's types;
// a cell that cannot be read comes back as a code and a message saying how to write it:
// - Numbers: "." decimals, or "," decimals when the file was sniffed so (or told so).
//   Thousands separators ("1.200", "1,234,567", "1 200") are refused with a message, never
//   guessed; so is a comma where the file writes "." decimals, and the reverse.
// - Booleans: true/false, 1/0, yes/no, có/không (case-insensitive).
// - Coordinates: numbers as above, and never empty (csv-rows.ts checks the position).
import { quote } from '../parse/issues.ts';

export type Read<T> = { ok: true; value: T } | { ok: false; code: string; what: string };

const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const fail = (code: string, what: string): Read<never> => ({ ok: false, code, what });

const GROUP_SPACES = /^[+-]?\d{1,3}([ \u00A0\u202F]\d{3})+([.,]\d+)?$/;

export function readNumber(text: string, decimalComma: boolean, mustBe: string): Read<number> {
  const decimal = decimalComma ? ',' : '.';
  const other = decimalComma ? '.' : ',';
  const plain = decimalComma ? /^[+-]?(\d+(,\d*)?|,\d+)$/ : /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
  if (plain.test(text)) {
    const n = Number(text.replace(',', '.'));
    if (Number.isFinite(n)) return ok(n);
    return fail('not-finite', `is ${quote(text)}, which overflows to Infinity; must be a finite number`);
  }
  const esc = (c: string): string => (c === '.' ? '\\.' : c);
  const grouped = new RegExp(`^[+-]?\\d{1,3}(${esc(other)}\\d{3})+(${esc(decimal)}\\d+)?$`);
  if (GROUP_SPACES.test(text) || grouped.test(text)) {
    const groups = text.split(other).length - 1;
    if (!GROUP_SPACES.test(text) && groups === 1 && !text.includes(decimal)) {
      const asDecimal = text.replace(other, decimal);
      return fail(
        'ambiguous-number',
        `is ${quote(text)}: the "${other}" may be a thousands separator or a decimal ${other === ',' ? 'comma' : 'point'}, and neither is guessed; write ${text.replace(other, '')} or ${asDecimal} (this file writes decimals with "${decimal}")`,
      );
    }
    const plainText = text.replace(new RegExp(`[ \\u00A0\\u202F${esc(other)}]`, 'g'), '');
    return fail('thousands-separator', `is ${quote(text)}: write numbers without thousands separators (${plainText})`);
  }
  if (new RegExp(`^[+-]?\\d*${esc(other)}\\d+$`).test(text)) {
    const mark = other === ',' ? 'a decimal comma' : 'a decimal point';
    return fail(
      'decimal-mark',
      `is ${quote(text)}, which uses ${mark}, but this file writes decimals with "${decimal}": write ${text.replace(other, decimal)}`,
    );
  }
  return fail('not-number', `is ${quote(text)}, must be ${mustBe}`);
}

const THOUSANDS_COUNT = /^[+-]?\d{1,3}([., \u00A0\u202F]\d{3})+$/;

export function readCount(text: string, decimalComma: boolean): Read<number> {
  if (/^[+-]?\d+$/.test(text)) return ok(Number(text));
  if (THOUSANDS_COUNT.test(text)) {
    return fail(
      'thousands-separator',
      `is ${quote(text)}: write whole numbers without thousands separators (${text.replace(/[., \u00A0\u202F]/g, '')})`,
    );
  }
  // A decimal reads as the number it is; the contract's check then says it must be whole.
  return readNumber(text, decimalComma, 'a whole number ≥ 0');
}

const TRUE_WORDS = new Set(['true', '1', 'yes', 'có', 'co']);
const FALSE_WORDS = new Set(['false', '0', 'no', 'không', 'khong']);

export function readBoolean(text: string): Read<boolean> {
  const word = text.normalize('NFC').toLowerCase();
  if (TRUE_WORDS.has(word)) return ok(true);
  if (FALSE_WORDS.has(word)) return ok(false);
  return fail('not-boolean', `is ${quote(text)}, must be true or false (1/0, yes/no and có/không are read too)`);
}

export function readCoordinate(text: string, axis: 'lon' | 'lat', decimalComma: boolean): Read<number> {
  const name = axis === 'lon' ? 'longitude' : 'latitude';
  if (text === '') return fail('coordinate-missing', `is empty; every row needs a longitude and a latitude`);
  const read = readNumber(text, decimalComma, `a ${name} in degrees`);
  if (read.ok || read.code !== 'not-finite') return read;
  return fail('coordinate-not-finite', `is ${quote(text)}, not a finite number (it overflows to Infinity)`);
}
