// Money as planners read it: "9,22 tỷ đồng" in Vietnamese, "VND 9.22 billion" in English.
import { describe, expect, it } from 'vitest';
import { formatMoney } from '../../src/ui/plan/money.ts';

describe('formatMoney', () => {
  it('says VND in billions, millions or đồng, in each language', () => {
    expect(formatMoney(9_220_303_838.96, 'VND', 'vi')).toBe('9,22 tỷ đồng');
    expect(formatMoney(9_220_303_838.96, 'VND', 'en')).toBe('VND 9.22 billion');
    expect(formatMoney(20e9, 'VND', 'vi')).toBe('20 tỷ đồng');
    expect(formatMoney(1_234_000_000_000, 'VND', 'vi')).toBe('1.234 tỷ đồng');
    expect(formatMoney(400e6, 'VND', 'vi')).toBe('400 triệu đồng');
    expect(formatMoney(400e6, 'VND', 'en')).toBe('VND 400 million');
    expect(formatMoney(950_000, 'VND', 'vi')).toBe('950.000 đồng');
    expect(formatMoney(0, 'VND', 'en')).toBe('VND 0');
    expect(formatMoney(1234.5, 'USD', 'vi')).toBe('1.234,5 USD');
    expect(formatMoney(Number.POSITIVE_INFINITY, 'VND', 'vi')).toBe('–');
  });
});
