import { cut } from '../messages/codes.ts';
import { Params } from '../messages/format.ts';
import { dateText } from '../messages/issues-en.ts';

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

export type DateFault =
  | { reason: 'month'; text: string; month: number }
  | { reason: 'day'; text: string; month: number; year: number; days: number }
  | { reason: 'time'; text: string; iso: string }
  | { reason: 'not-iso'; text: string; iso?: string };

/**
 * What is wrong with a date string, or undefined when it is an ISO `YYYY-MM-DD` date that
 * exists in the calendar: the reason and what the message needs (code 'date').
 */
export function dateFault(value: string): DateFault | undefined {
  const text = cut(value);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (iso) {
    const year = Number(iso[1]);
    const month = Number(iso[2]);
    const day = Number(iso[3]);
    if (month < 1 || month > 12) return { reason: 'month', text, month };
    const days = daysInMonth(year, month);
    if (day < 1 || day > days) return { reason: 'day', text, month, year, days };
    return undefined;
  }
  if (/^\d{4}-\d{2}-\d{2}[T ]/.test(value)) return { reason: 'time', text, iso: value.slice(0, 10) };
  const dayFirst = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
  if (dayFirst) {
    const day = Number(dayFirst[1]);
    const month = Number(dayFirst[2]);
    const year = Number(dayFirst[3]);
    if (month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)) {
      return { reason: 'not-iso', text, iso: `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}` };
    }
  }
  return { reason: 'not-iso', text };
}

/**
 * What is wrong with a date string, in English, or undefined when it is an ISO date that
 * exists. The answer completes a sentence about the value ("is not ...").
 */
export function dateProblem(text: string): string | undefined {
  const fault = dateFault(text);
  return fault === undefined ? undefined : dateText(new Params(fault));
}

export function isIsoDate(text: string): boolean {
  return dateProblem(text) === undefined;
}
