import { describe, expect, it } from 'vitest';
import { formatDate, formatInstant, formatKm, formatNumber, timeOf } from '../../src/ui/common/format.ts';

describe('Intl formatting', () => {
  it('groups thousands the Vietnamese and the English way', () => {
    expect(formatNumber(1194476, 'vi')).toBe('1.194.476');
    expect(formatNumber(1194476, 'en')).toBe('1,194,476');
  });

  it('uses a decimal comma in Vietnamese', () => {
    expect(formatKm(4.25, 'vi')).toBe('4,3 km');
    expect(formatKm(4.25, 'en')).toBe('4.3 km');
  });

  it('reads ISO dates as calendar days, whatever the time zone', () => {
    expect(formatDate('2021-10-15', 'vi')).toBe('15/10/2021');
    expect(formatDate('2021-10-15', 'en')).toBe('Oct 15, 2021');
  });

  it('says an instant as the day and time in Vietnam (UTC+7)', () => {
    expect(formatInstant('2026-12-04T17:05:00Z', 'vi')).toBe('05/12/2026 00:05');
    expect(formatInstant('2026-12-04T04:35:59Z', 'en')).toBe('Dec 4, 2026 11:35');
    // The time a plan was saved, to the second: in Vietnam too, whatever the machine's zone.
    expect(timeOf('2026-12-04T17:05:09Z')).toBe('00:05:09');
    expect(timeOf('2026-12-01T08:05:00.000Z')).toBe('15:05:00');
  });
});
