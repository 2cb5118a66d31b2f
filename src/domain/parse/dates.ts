import { quote } from './issues.ts';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/**
 * What is wrong with a date string, or undefined when it is an ISO `YYYY-MM-DD` date that
 * exists in the calendar. The answer completes a sentence about the value ("is not ...").
 */
export function dateProblem(text: string): string | undefined {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (iso) {
    const year = Number(iso[1]);
    const month = Number(iso[2]);
    const day = Number(iso[3]);
    if (month < 1 || month > 12) return `${quote(text)} is not a real date: there is no month ${month}`;
    const days = daysInMonth(year, month);
    if (day < 1 || day > days) {
      return `${quote(text)} is not a real date: ${MONTHS[month - 1]} ${year} has ${days} days`;
    }
    return undefined;
  }
  if (/^\d{4}-\d{2}-\d{2}[T ]/.test(text)) {
    return `${quote(text)} has a time part; write the date alone as YYYY-MM-DD (${text.slice(0, 10)})`;
  }
  const dayFirst = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (dayFirst) {
    const day = Number(dayFirst[1]);
    const month = Number(dayFirst[2]);
    const year = Number(dayFirst[3]);
    const hint =
      month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)
        ? ` (if it is day/month/year, write ${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)})`
        : '';
    return `${quote(text)} is not an ISO date YYYY-MM-DD${hint}`;
  }
  return `${quote(text)} is not an ISO date YYYY-MM-DD`;
}

export function isIsoDate(text: string): boolean {
  return dateProblem(text) === undefined;
}
