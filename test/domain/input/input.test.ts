import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readDecimal, writeDecimal } from '../../../src/domain/input/decimal.ts';
import { readDay, todayIn, writeDay } from '../../../src/domain/input/day.ts';

describe('readDecimal', () => {
  it('reads the decimal comma in Vietnamese, never dropping it', () => {
    expect(readDecimal('6,5', 'vi')).toEqual({ ok: true, value: 6.5 });
    expect(readDecimal(' 0,25 ', 'vi')).toEqual({ ok: true, value: 0.25 });
    expect(readDecimal('1.500', 'vi')).toEqual({ ok: true, value: 1500 });
    expect(readDecimal('1.234.567,5', 'vi')).toEqual({ ok: true, value: 1234567.5 });
    expect(readDecimal('6.5', 'vi')).toEqual({ ok: true, value: 6.5 });
    expect(readDecimal('-0,5', 'vi')).toEqual({ ok: true, value: -0.5 });
    expect(readDecimal('−104,75', 'vi')).toEqual({ ok: true, value: -104.75 });
  });

  it('reads English the other way round', () => {
    expect(readDecimal('6.5', 'en')).toEqual({ ok: true, value: 6.5 });
    expect(readDecimal('1,500', 'en')).toEqual({ ok: true, value: 1500 });
    expect(readDecimal('1,234,567.5', 'en')).toEqual({ ok: true, value: 1234567.5 });
  });

  it('refuses what is not a number instead of guessing', () => {
    for (const text of ['abc', '6,5km', '1,2,3', '12.34.5', '6,', '--1', '1.5.', '1,50,0']) {
      expect(readDecimal(text, 'vi').ok, text).toBe(false);
    }
    for (const text of ['abc', '6,5', '1,50', '1.2.3']) expect(readDecimal(text, 'en').ok, text).toBe(false);
    expect(readDecimal('  ', 'vi')).toEqual({ ok: false, reason: 'empty' });
  });

  it('reads back what it writes, in both languages', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.constantFrom('vi' as const, 'en' as const), (x, lang) => {
        const value = Number(x.toFixed(6));
        const read = readDecimal(writeDecimal(value, lang), lang);
        expect(read.ok && read.value).toBe(value === 0 ? 0 : value);
      }),
    );
  });
});

describe('dates', () => {
  it('writes dd/mm/yyyy in Vietnamese and an unambiguous day in English', () => {
    expect(writeDay('2022-09-05', 'vi')).toBe('05/09/2022');
    expect(writeDay('2022-09-05', 'en')).toBe('5 Sep 2022');
  });

  it('reads day first, ISO, and English month names', () => {
    expect(readDay('12/10/2022', 'vi')).toEqual({ ok: true, iso: '2022-10-12' });
    expect(readDay('5-9-2022', 'vi')).toEqual({ ok: true, iso: '2022-09-05' });
    expect(readDay('2022-10-12', 'en')).toEqual({ ok: true, iso: '2022-10-12' });
    expect(readDay('Oct 12, 2022', 'en')).toEqual({ ok: true, iso: '2022-10-12' });
    expect(readDay('12 October 2022', 'en')).toEqual({ ok: true, iso: '2022-10-12' });
    expect(readDay('31/02/2022', 'vi')).toEqual({ ok: false, reason: 'no-such-day' });
    expect(readDay('hôm qua', 'vi')).toEqual({ ok: false, reason: 'not-a-date' });
  });

  it('reads back every day it writes', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01'), max: new Date('2199-12-31'), noInvalidDate: true }), fc.constantFrom('vi' as const, 'en' as const), (date, lang) => {
        const iso = date.toISOString().slice(0, 10);
        expect(readDay(writeDay(iso, lang), lang)).toEqual({ ok: true, iso });
      }),
    );
  });

  it("is today in Vietnam, not in UTC: 23:30 UTC is already tomorrow's 6:30 there", () => {
    expect(todayIn(Date.parse('2021-10-14T23:30:00Z'))).toBe('2021-10-15');
    expect(todayIn(Date.parse('2021-10-14T16:59:59Z'))).toBe('2021-10-14');
    expect(todayIn(Date.parse('2021-10-14T17:00:00Z'))).toBe('2021-10-15');
  });
});

describe('the day a data set opens on', () => {
  it('is today in Vietnam within the data, even at 06:30 there (23:30 UTC the day before)', async () => {
    const { defaultAsOf } = await import('../../../src/worker/engine.ts');
    const { toDay } = await import('../../../src/domain/progress/days.ts');
    const days = { firstDay: toDay('2021-01-01'), lastDay: toDay('2022-12-31') };
    expect(defaultAsOf(days, Date.parse('2021-10-14T23:30:00Z'))).toBe('2021-10-15');
    expect(defaultAsOf(days, Date.parse('2030-01-01T00:00:00Z'))).toBe('2022-12-31');
    expect(defaultAsOf(days, Date.parse('2000-01-01T00:00:00Z'))).toBe('2021-01-01');
  });
});
