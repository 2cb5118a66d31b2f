// Schedule mode: months in order, perMonth a month, the indicator summed month by month and
// the first month the target is met, against a plain recount.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonths, scheduleSites } from '../../../src/domain/siting/schedule.ts';

describe('scheduleSites', () => {
  it('builds two a month from October 2021 and names the month the target is met', () => {
    const sites = [5, 4, 3, 2, 1].map((gain) => ({ gain, cost: 10 }));
    const s = scheduleSites(sites, 80, 100, 12, { start: '2021-10', perMonth: 2 });
    expect(s.siteMonths).toEqual(['2021-10', '2021-10', '2021-11', '2021-11', '2021-12']);
    expect(s.months).toEqual([
      { month: '2021-10', sites: 2, cost: 20, good: 89, pct: 89 },
      { month: '2021-11', sites: 2, cost: 20, good: 94, pct: 94 },
      { month: '2021-12', sites: 1, cost: 10, good: 95, pct: 95 },
    ]);
    expect(s.targetMonth).toBe('2021-11');
    expect(scheduleSites(sites, 80, 100, 16, { start: '2021-10', perMonth: 2 }).targetMonth).toBeNull();
    expect(scheduleSites([], 80, 100, 0, { start: '2021-10', perMonth: 2 }).targetMonth).toBe('2021-10');
  });

  it('crosses years', () => {
    expect(addMonths('2021-10', 3)).toBe('2022-01');
    expect(addMonths('2021-12', 0)).toBe('2021-12');
    expect(addMonths('2021-01', 23)).toBe('2022-12');
  });

  it('agrees with a recount on random schedules', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(50), { maxLength: 30 }), fc.integer({ min: 1, max: 5 }), fc.nat(400), (gains, perMonth, needed) => {
        const sites = gains.map((gain, j) => ({ gain, cost: j + 1 }));
        const s = scheduleSites(sites, 0, 2000, needed, { start: '2021-10', perMonth });
        expect(s.months).toHaveLength(Math.ceil(sites.length / perMonth));
        expect(s.months.reduce((a, m) => a + m.sites, 0)).toBe(sites.length);
        // The month the target is met: the month of the first site whose running sum reaches it.
        let sum = 0;
        let expected: string | null = needed === 0 ? '2021-10' : null;
        sites.forEach((site, j) => {
          sum += site.gain;
          const lastOfMonth = (j + 1) % perMonth === 0 || j === sites.length - 1;
          if (expected === null && lastOfMonth && sum >= needed) expected = s.siteMonths[j]!;
        });
        expect(s.targetMonth).toBe(expected);
      }),
    );
  });
});
