// What both dictionaries share: typed access to an issue's parameters, and numbers, quotes
// and lists written the way each language writes them.
import { cut, type IssueParams, type ParamValue, type ValueType } from './codes.ts';

export type Lang = 'vi' | 'en';

/**
 * Read access to an issue's parameters. A missing or mistyped parameter reads as an empty
 * value rather than throwing: an issue stored by an older version must still render.
 */
export class Params {
  constructor(private readonly params: IssueParams = {}) {}

  has(key: string): boolean {
    return Object.hasOwn(this.params, key) && this.params[key] !== undefined && this.params[key] !== null;
  }

  private get(key: string): ParamValue | undefined {
    return Object.hasOwn(this.params, key) ? this.params[key] : undefined;
  }

  s(key: string): string {
    const v = this.get(key);
    return typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';
  }

  n(key: string): number {
    const v = this.get(key);
    return typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : 0;
  }

  b(key: string): boolean {
    return this.get(key) === true;
  }

  list(key: string): string[] {
    const v = this.get(key);
    return Array.isArray(v) ? v.map((x: string | number) => String(x)) : [];
  }

  /** The raw value, for "is 5" where 5 may be a number, a string or a boolean. */
  raw(key: string): string | number | boolean | undefined {
    const v = this.get(key);
    return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : undefined;
  }

  /** Every parameter, to pass on (a problem said inside another). */
  values(): IssueParams {
    return this.params;
  }

  type(): ValueType {
    const v = this.get('got');
    return typeof v === 'string' ? (v as ValueType) : 'missing';
  }
}

const VI_NUMBER = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 20 });

/**
 * A number as the language writes it: "1.234,5" in Vietnamese. English keeps the digits as
 * the file has them ("1500"), as the messages always did. Not for years or codes.
 */
export function num(value: number | string, lang: Lang): string {
  const n = typeof value === 'number' ? value : Number(value);
  if (typeof value === 'string' && (value.trim() === '' || !Number.isFinite(n))) return value;
  if (lang === 'en' || !Number.isFinite(n)) return String(value);
  return VI_NUMBER.format(n);
}

/** A string shown in a message: cut to about 40 characters, JSON-quoted so markup stays text. */
export const q = (text: string): string => JSON.stringify(cut(text));

/** `"a", "b", "c"`. */
export const quotedList = (items: readonly string[]): string => items.map((i) => q(i)).join(', ');

/** One word or the other by count, for English. */
export const plural = (count: number, one: string, many: string): string => (count === 1 ? one : many);
