// A cell export added to the loaded towers: a cell tower that is a loaded tower again (same
// operator, within the cells' clustering distance) is merged into it, never doubled.
import { describe, expect, it } from 'vitest';
import { addTowers, CELL_MERGE_METRES } from '../../../src/domain/import/add-towers.ts';
import { haversineKm } from '../../../src/domain/geo/haversine.ts';
import type { Tower } from '../../../src/domain/types.ts';

const tower = (id: string, lon: number, lat: number, extra: Partial<Tower> = {}): Tower => ({
  id,
  lon,
  lat,
  operator: 'Viettel',
  status: 'existing',
  technology: '4G',
  synthetic: false,
  ...extra,
});

/** ~metres east of a place at 9° N. */
const east = (lon: number, metres: number) => lon + metres / 1000 / (111.195 * Math.cos((9 * Math.PI) / 180));

describe('addTowers', () => {
  it('merges a cell tower within 50 m of a loaded tower of its operator, appends the others', () => {
    const loaded = [tower('T1', 105, 9), tower('T2', 105.5, 9, { operator: 'VNPT' })];
    const added = [
      tower('C-VT-1', east(105, 40), 9, { technology: '5G', radiusKm: 1.2 }),
      tower('C-VT-2', east(105, 60), 9),
      tower('C-VN-1', 105, 9, { operator: 'VNPT' }),
    ];
    const result = addTowers(loaded, added);
    expect(result.merged).toBe(1);
    expect(result.appended).toBe(2);
    expect(result.towers.map((t) => t.id)).toEqual(['T1', 'T2', 'C-VT-2', 'C-VN-1']);
    // The loaded tower keeps its id and place (plans and gaps name it) and takes the better technology.
    expect(result.towers[0]).toMatchObject({ id: 'T1', lon: 105, lat: 9, technology: '5G', radiusKm: 1.2 });
  });

  it('keeps a loaded tower whose technology is as good or better as it is', () => {
    const loaded = [tower('T1', 105, 9, { technology: '5G', radiusKm: 3 })];
    const result = addTowers(loaded, [tower('C-VT-1', 105, 9, { technology: '4G', radiusKm: 1 })]);
    expect(result.towers).toEqual(loaded);
    expect(result.merged).toBe(1);
  });

  it('renames an added tower whose id is already loaded (a second cell export numbers from 1 again)', () => {
    const loaded = [tower('C-VT-1', 105, 9), tower('C-VT-2', 106, 9)];
    const result = addTowers(loaded, [tower('C-VT-1', 107, 9), tower('C-VT-2', 108, 9)]);
    expect(result.towers.map((t) => t.id)).toEqual(['C-VT-1', 'C-VT-2', 'C-VT-3', 'C-VT-4']);
    expect(new Set(result.towers.map((t) => t.id)).size).toBe(4);
  });

  it('agrees with a brute-force search on random towers', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const operators = ['Viettel', 'VNPT', 'MobiFone'];
    const around = (i: number, prefix: string) =>
      tower(`${prefix}${i}`, 105 + random() * 0.01, 9 + random() * 0.01, { operator: operators[Math.floor(random() * 3)] as string });
    const loaded = Array.from({ length: 300 }, (_, i) => around(i, 'L'));
    const added = Array.from({ length: 300 }, (_, i) => around(i, 'A'));
    const result = addTowers(loaded, added);
    const near = (a: Tower) =>
      loaded.some((l) => l.operator === a.operator && haversineKm(l.lon, l.lat, a.lon, a.lat) <= CELL_MERGE_METRES / 1000);
    const expectedAppended = added.filter((a) => !near(a));
    expect(result.merged).toBe(added.length - expectedAppended.length);
    expect(result.merged).toBeGreaterThan(10);
    expect(result.towers.slice(loaded.length).map((t) => t.id)).toEqual(expectedAppended.map((t) => t.id));
    expect(result.towers.slice(0, loaded.length).map((t) => t.id)).toEqual(loaded.map((t) => t.id));
  });
});
