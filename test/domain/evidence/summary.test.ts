// The cards' confirmed share and the register's agreement filter, against plain counting.
import { describe, expect, it } from 'vitest';
import { agreementCounts, confirmedPct } from '../../../src/domain/evidence/summary.ts';
import { filterGaps, type GapRow } from '../../../src/domain/gaps/register.ts';

// Five hamlets then two schools. Levels: 2 good, 1 weak, 0 none. Agreement: 0 unverified,
// 1 confirmed, 2 contradicted, 3 understated.
const level = Uint8Array.from([2, 2, 2, 1, 0, 2, 2]);
const agreement = Uint8Array.from([1, 2, 0, 3, 1, 1, 0]);
const table = { count: 7, hamletCount: 5, weight: Float64Array.from([100, 200, 300, 400, 500, 30, 40]) };

describe('confirmedPct', () => {
  it('is the confirmed good weight over all the metric points', () => {
    // Hamlets: good and confirmed is hamlet 0 only (hamlet 4 is confirmed poor).
    expect(confirmedPct('hamlets_good_pct', table, level, agreement)).toBeCloseTo(20);
    expect(confirmedPct('population_good_pct', table, level, agreement)).toBeCloseTo((100 * 100) / 1500);
    expect(confirmedPct('schools_good_pct', table, level, agreement)).toBeCloseTo(50);
    expect(confirmedPct('computers_delivered', table, level, agreement)).toBeUndefined();
  });

  it('keeps to a district', () => {
    const districtOf = Int32Array.from([0, 0, 1, 1, 1, 0, 1]);
    expect(confirmedPct('hamlets_good_pct', table, level, agreement, { districtOf, district: 0 })).toBeCloseTo(50);
    expect(confirmedPct('hamlets_good_pct', table, level, agreement, { districtOf, district: 1 })).toBeCloseTo(0);
    expect(confirmedPct('hamlets_good_pct', table, level, agreement, { districtOf, district: 2 })).toBeUndefined();
  });

  it('agreementCounts counts each class', () => {
    expect(agreementCounts(agreement)).toEqual({ unverified: 2, confirmed: 3, contradicted: 1, understated: 1 });
    expect(agreementCounts(agreement, 5)).toEqual({ unverified: 1, confirmed: 1, contradicted: 0, understated: 0 });
  });
});

describe('filterGaps by agreement', () => {
  const row = (point: number) => ({ point, gapId: `hamlet:H${point}`, searchName: '', searchId: '', searchArea: '' }) as unknown as GapRow;
  const rows = [row(3), row(4), row(6)];
  it('keeps the rows of that class only', () => {
    expect(filterGaps(rows, { agreement: 'understated' }, undefined, agreement).map((r) => r.point)).toEqual([3]);
    expect(filterGaps(rows, { agreement: 'confirmed' }, undefined, agreement).map((r) => r.point)).toEqual([4]);
    expect(filterGaps(rows, { agreement: 'unverified' }, undefined, agreement).map((r) => r.point)).toEqual([6]);
    expect(filterGaps(rows, {}, undefined, agreement)).toHaveLength(3);
    // Without tests every row is unverified.
    expect(filterGaps(rows, { agreement: 'unverified' })).toHaveLength(3);
  });
});
