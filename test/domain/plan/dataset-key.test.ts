// The dataset fingerprint a plan is filed under (src/domain/plan/dataset-key.ts).
import { describe, expect, it } from 'vitest';
import type { Tower } from '../../../src/domain/types.ts';
import { datasetKey, type DatasetShape } from '../../../src/domain/plan/dataset-key.ts';

describe('datasetKey', () => {
  const shape = (): DatasetShape => ({
    towers: [
      { id: 'T1', lon: 105.1, lat: 9.1 },
      { id: 'T2', lon: 105.4, lat: 9.3 },
    ],
    hamlets: [{}, {}, {}],
    schools: 2,
  });

  it('is "ds1-" and 16 hex digits, stable for equal datasets', () => {
    const key = datasetKey(shape());
    expect(key).toMatch(/^ds1-[0-9a-f]{16}$/);
    expect(datasetKey(shape())).toBe(key);
    expect(datasetKey(structuredClone(shape()))).toBe(key);
    // Counts or lists of the same length are the same data.
    expect(datasetKey({ ...shape(), hamlets: 3, schools: [{ a: 1 }, { b: 2 }] })).toBe(key);
    // A tower's other fields do not count (the plan's patches still apply).
    const full: Tower[] = shape().towers.map((t) => ({ ...t, operator: 'X', status: 'existing', technology: '2G', synthetic: true }));
    expect(datasetKey({ ...shape(), towers: full })).toBe(key);
    expect(datasetKey({ ...shape(), towers: full.map((t) => ({ ...t, operator: 'Y', radiusKm: 9 })) })).toBe(key);
  });

  it('differs for different datasets', () => {
    const base = shape();
    const variants: DatasetShape[] = [
      { ...base, towers: [base.towers[1]!, base.towers[0]!] },
      { ...base, towers: [base.towers[0]!] },
      { ...base, towers: [] },
      { ...base, towers: [{ ...base.towers[0]!, id: 'T9' }, base.towers[1]!] },
      { ...base, towers: [{ ...base.towers[0]!, lon: 105.10001 }, base.towers[1]!] },
      { ...base, towers: [{ ...base.towers[0]!, lat: 9.2 }, base.towers[1]!] },
      { ...base, towers: [{ ...base.towers[0]!, lon: 9.1, lat: 105.1 }, base.towers[1]!] },
      { ...base, hamlets: 4 },
      { ...base, hamlets: 2, schools: 3 },
      { ...base, schools: 0 },
      // Fields that would run together without a separator.
      { ...base, towers: [{ id: 'T1', lon: 1051, lat: 9.1 }, base.towers[1]!] },
      { ...base, towers: [{ id: 'T11', lon: 5.1, lat: 9.1 }, base.towers[1]!] },
    ];
    const keys = [base, ...variants].map(datasetKey);
    expect(new Set(keys).size).toBe(keys.length);
    // The empty dataset has a key too.
    expect(datasetKey({ towers: [], hamlets: 0, schools: 0 })).toMatch(/^ds1-[0-9a-f]{16}$/);
  });
});
