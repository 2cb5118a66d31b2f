// Dates typed by a person, and "today" where the programme runs. The native date input follows
// the browser's language (12/10/2022 meant December to one user and October to another), and
// UTC's today is yesterday in Vietnam before 7:00. Fields here show and read one format per
// language, whatever the browser.
import type { InputLang } from './decimal.ts';

export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const MONTHS_EN = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

export type DayReading = { ok: true; iso: string } | { ok: false; reason: 'empty' | 'not-a-date' | 'no-such-day' };

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

// One per time zone: making one costs about 0.2 ms, as much as a few hundred days read with it.
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar day (ISO) at `now` in a time zone: by default the day in Vietnam. */
export function todayIn(now: number = Date.now(), timeZone = VIETNAM_TIME_ZONE): string {
  let format = dayFormats.get(timeZone);
  if (!format) dayFormats.set(timeZone, (format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })));
  const parts = format.formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

function isoOf(year: number, month: number, day: number): DayReading {
  if (!(year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= 31)) return { ok: false, reason: 'no-such-day' };
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year);
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return { ok: false, reason: 'no-such-day' };
  return { ok: true, iso: `${pad(year, 4)}-${pad(month)}-${pad(day)}` };
}

/** What a date field shows: "05/09/2022" in Vietnamese, "5 Sep 2022" in English. */
export function writeDay(iso: string, lang: InputLang): string {
  const [y = '', m = '', d = ''] = iso.split('-');
  if (lang === 'vi') return `${d}/${m}/${y}`;
  return `${Number(d)} ${(MONTHS_EN[Number(m) - 1] ?? '').replace(/^./, (c) => c.toUpperCase())} ${y}`;
}

/**
 * Reads a typed day: dd/mm/yyyy (also with - or . between, in both languages: day first, as
 * Vietnam writes it), yyyy-mm-dd, and in English "5 Sep 2022" or "Sep 5, 2022".
 */
export function readDay(text: string, lang: InputLang): DayReading {
  const body = text.trim().toLowerCase();
  if (body === '') return { ok: false, reason: 'empty' };
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(body);
  if (match) return isoOf(Number(match[1]), Number(match[2]), Number(match[3]));
  match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(body);
  if (match) return isoOf(Number(match[3]), Number(match[2]), Number(match[1]));
  if (lang === 'en') {
    match = /^(\d{1,2})\s+([a-z]{3})[a-z]*\.?,?\s+(\d{4})$/.exec(body);
    if (match) return monthNamed(Number(match[3]), match[2] ?? '', Number(match[1]));
    match = /^([a-z]{3})[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})$/.exec(body);
    if (match) return monthNamed(Number(match[3]), match[1] ?? '', Number(match[2]));
  }
  return { ok: false, reason: 'not-a-date' };
}

function monthNamed(year: number, name: string, day: number): DayReading {
  const month = MONTHS_EN.indexOf(name) + 1;
  return month === 0 ? { ok: false, reason: 'not-a-date' } : isoOf(year, month, day);
}
