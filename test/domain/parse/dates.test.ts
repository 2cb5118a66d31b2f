import { describe, expect, it } from 'vitest';
import { dateProblem, daysInMonth, isIsoDate } from '../../../src/domain/parse/dates.ts';

describe('dateProblem: ISO YYYY-MM-DD and a real calendar date', () => {
  it.each(['2021-10-15', '2021-12-31', '2020-02-29', '2000-02-29', '1999-01-01', '2021-04-30'])('accepts %s', (text) => {
    expect(dateProblem(text)).toBeUndefined();
    expect(isIsoDate(text)).toBe(true);
  });

  it.each([
    ['2021-02-30', '"2021-02-30" is not a real date: February 2021 has 28 days'],
    ['2021-02-29', '"2021-02-29" is not a real date: February 2021 has 28 days'],
    ['1900-02-29', '"1900-02-29" is not a real date: February 1900 has 28 days'],
    ['2021-04-31', '"2021-04-31" is not a real date: April 2021 has 30 days'],
    ['2021-01-00', '"2021-01-00" is not a real date: January 2021 has 31 days'],
    ['2021-13-01', '"2021-13-01" is not a real date: there is no month 13'],
    ['2021-00-10', '"2021-00-10" is not a real date: there is no month 0'],
    ['15/10/2021', '"15/10/2021" is not an ISO date YYYY-MM-DD (if it is day/month/year, write 2021-10-15)'],
    ['5.9.2022', '"5.9.2022" is not an ISO date YYYY-MM-DD (if it is day/month/year, write 2022-09-05)'],
    ['31/02/2021', '"31/02/2021" is not an ISO date YYYY-MM-DD'],
    ['2021-9-5', '"2021-9-5" is not an ISO date YYYY-MM-DD'],
    ['2021-10-15T00:00:00Z', '"2021-10-15T00:00:00Z" has a time part; write the date alone as YYYY-MM-DD (2021-10-15)'],
    ['', '"" is not an ISO date YYYY-MM-DD'],
    ['２０２１-10-15', '"２０２１-10-15" is not an ISO date YYYY-MM-DD'],
  ])('refuses %j', (text, message) => {
    expect(dateProblem(text)).toBe(message);
    expect(isIsoDate(text)).toBe(false);
  });

  it('gives no day/month hint when the swap would not be a date either', () => {
    expect(dateProblem('31/02/2021')).not.toContain('write');
  });

  it('agrees with the calendar of Date.UTC for every day of four years', () => {
    for (const year of [1900, 2000, 2021, 2024]) {
      for (let month = 1; month <= 12; month++) {
        const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
        expect(daysInMonth(year, month)).toBe(last);
      }
    }
  });
});
