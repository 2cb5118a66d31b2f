// Numbers typed by a person. Vietnamese writes 6,5 for six and a half and 1.500 for fifteen
// hundred; English the other way round. A field must read what the user meant, or refuse:
// "6,5" once became a 65 km tower because the comma was dropped.

export type InputLang = 'vi' | 'en';

export type DecimalReading =
  | { ok: true; value: number }
  | { ok: false; reason: 'empty' | 'not-a-number' };

const DIGITS = /^\d+$/;
const GROUPED = /^\d{1,3}(\d{3})*$/;

/** Reads "6,5" (vi) or "6.5" (en); a dot before exactly three digits is a thousands separator in Vietnamese. */
export function readDecimal(text: string, lang: InputLang): DecimalReading {
  let body = text.trim().replace(/[\s\u00a0\u202f]/g, '');
  if (body === '') return { ok: false, reason: 'empty' };
  let sign = 1;
  if (body.startsWith('-') || body.startsWith('−')) {
    sign = -1;
    body = body.slice(1);
  } else if (body.startsWith('+')) body = body.slice(1);
  const decimalMark = lang === 'vi' ? ',' : '.';
  const groupMark = lang === 'vi' ? '.' : ',';
  const marks = body.replace(/\d/g, '');
  let whole = body;
  let fraction = '';
  if (marks.includes(decimalMark)) {
    const at = body.lastIndexOf(decimalMark);
    whole = body.slice(0, at);
    fraction = body.slice(at + 1);
  } else if (lang === 'vi' && marks === '.' && !/^\d{1,3}\.\d{3}$/.test(body)) {
    // One dot not followed by a group of three ("6.5", "21.25"): a decimal point typed by habit.
    [whole = '', fraction = ''] = body.split('.');
  }
  const groups = whole.split(groupMark);
  if (groups.length > 1 && !(groups.every((g) => DIGITS.test(g)) && GROUPED.test(groups.join('')) && groups.slice(1).every((g) => g.length === 3) && (groups[0]?.length ?? 0) <= 3)) {
    return { ok: false, reason: 'not-a-number' };
  }
  const digits = groups.join('');
  if (!DIGITS.test(digits) && !(digits === '' && fraction !== '')) return { ok: false, reason: 'not-a-number' };
  if (fraction !== '' && !DIGITS.test(fraction)) return { ok: false, reason: 'not-a-number' };
  if (marks.includes(decimalMark) && fraction === '') return { ok: false, reason: 'not-a-number' };
  const value = sign * Number(`${digits || '0'}.${fraction || '0'}`);
  return Number.isFinite(value) ? { ok: true, value } : { ok: false, reason: 'not-a-number' };
}

/** A number as the field shows it: the language's decimal mark, no grouping (it is edited, not read). */
export function writeDecimal(value: number, lang: InputLang, maximumFractionDigits = 6): string {
  const text = Number(value.toFixed(maximumFractionDigits)).toString();
  return lang === 'vi' ? text.replace('.', ',') : text;
}
