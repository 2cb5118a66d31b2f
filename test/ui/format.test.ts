import { describe, expect, it } from 'vitest';
import { formatDate, formatKm, formatNumber } from '../../src/ui/common/format.ts';

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
});
