import { describe, expect, it } from 'vitest';
import type { Tower } from '../../../src/domain/types.ts';
import { pointLevel, towersOnAir } from '../../../src/domain/coverage/brute-force.ts';
import { EARTH_RADIUS_KM, haversineKm } from '../../../src/domain/geo/haversine.ts';

// Along a meridian the haversine distance is exactly R·Δφ, so points "k km north" are
// hand-computable: one degree of latitude is 6371.0088·π/180 ≈ 111.19508 km.
const KM_PER_DEGREE = (EARTH_RADIUS_KM * Math.PI) / 180;
const LON = 105;
const LAT = 9;
const north = (km: number): number => LAT + km / KM_PER_DEGREE;

function tower(id: string, fields: Partial<Tower> & Pick<Tower, 'status' | 'technology'>): Tower {
  return { id, lon: LON, lat: LAT, operator: 'Viettel', synthetic: true, ...fields };
}

describe('towersOnAir', () => {
  const old3g = tower('T-1', {
    status: 'existing',
    technology: '3G',
    serviceDate: '2015-01-01',
    upgradeTechnology: '4G',
    upgradeDate: '2021-09-01',
  });
  const undated = tower('T-2', { status: 'planned', technology: '4G' });
  const dated = tower('T-3', { status: 'planned', technology: '4G', serviceDate: '2021-10-01', radiusKm: 6 });
  const future = tower('T-4', { status: 'existing', technology: '4G', serviceDate: '2022-01-01' });
  const towers = [old3g, undated, dated, future];

  it('current: existing towers with their present technology and radius', () => {
    expect(towersOnAir(towers, 'current').map((t) => [t.tower.id, t.technology, t.radiusKm])).toEqual([
      ['T-1', '3G', 5],
      ['T-4', '4G', 4],
    ]);
  });

  it('planned: upgrades applied and every planned tower, dated or not', () => {
    expect(towersOnAir(towers, 'planned').map((t) => [t.tower.id, t.technology, t.radiusKm])).toEqual([
      ['T-1', '4G', 4],
      ['T-2', '4G', 4],
      ['T-3', '4G', 6],
      ['T-4', '4G', 4],
    ]);
  });

  it('a date: upgrades due on or before it, planned towers with a service date on or before it', () => {
    const at = (date: string): string[] => towersOnAir(towers, date).map((t) => `${t.tower.id}:${t.technology}`);
    expect(at('2021-08-31')).toEqual(['T-1:3G']);
    expect(at('2021-09-01')).toEqual(['T-1:4G']);
    expect(at('2021-10-01')).toEqual(['T-1:4G', 'T-3:4G']);
    // The undated planned tower is never on air on a date, however late.
    expect(at('2030-01-01')).toEqual(['T-1:4G', 'T-3:4G', 'T-4:4G']);
    expect(at('2014-12-31')).toEqual([]);
  });

  it('an upgrade radius replaces both the tower radius and the default', () => {
    const t = tower('T-5', {
      status: 'existing',
      technology: '3G',
      radiusKm: 7,
      upgradeTechnology: '4G',
      upgradeRadiusKm: 4.5,
      upgradeDate: '2021-12-01',
    });
    expect(towersOnAir([t], '2021-11-30')[0]?.radiusKm).toBe(7);
    expect(towersOnAir([t], '2021-12-01')[0]?.radiusKm).toBe(4.5);
    const to5g = tower('T-6', {
      status: 'existing',
      technology: '4G',
      radiusKm: 3,
      upgradeTechnology: '5G',
      upgradeDate: '2022-05-01',
    });
    expect(towersOnAir([to5g], 'planned')[0]).toMatchObject({ technology: '5G', radiusKm: 1.5 });
  });

  it('an upgrade without a date applies in planned but never on a date', () => {
    const t = tower('T-7', { status: 'existing', technology: '3G', upgradeTechnology: '4G' });
    expect(towersOnAir([t], '2099-12-31')[0]?.technology).toBe('3G');
    expect(towersOnAir([t], 'planned')[0]?.technology).toBe('4G');
  });

  it('rejects a scenario that is neither a keyword nor a date', () => {
    expect(() => towersOnAir([], 'soon')).toThrow(/scenario/);
  });
});

describe('pointLevel', () => {
  const upgrade = tower('T-1', {
    status: 'existing',
    technology: '3G',
    serviceDate: '2015-01-01',
    upgradeTechnology: '4G',
    upgradeDate: '2021-09-01',
  });

  it('3 km from a 3G mast upgraded on 2021-09-01: weak before, good on and after', () => {
    const lat = north(3);
    expect(haversineKm(LON, lat, LON, LAT)).toBeCloseTo(3, 9);
    const before = pointLevel(LON, lat, towersOnAir([upgrade], '2021-08-31'));
    expect(before).toEqual({ level: 'weak', nearest4gId: null, nearest4gKm: null });
    for (const date of ['2021-09-01', '2021-09-02']) {
      const result = pointLevel(LON, lat, towersOnAir([upgrade], date));
      expect(result.level).toBe('good');
      expect(result.nearest4gId).toBe('T-1');
      expect(result.nearest4gKm).toBeCloseTo(3, 9);
    }
  });

  it('4.5 km away the same mast gives weak 3G (5 km) but no 4G (4 km) once upgraded', () => {
    const lat = north(4.5);
    expect(pointLevel(LON, lat, towersOnAir([upgrade], 'current')).level).toBe('weak');
    const after = pointLevel(LON, lat, towersOnAir([upgrade], 'planned'));
    expect(after.level).toBe('none');
    expect(after.nearest4gKm).toBeCloseTo(4.5, 9);
  });

  it('the radius is inclusive: a point at exactly the radius is covered, a hair beyond is not', () => {
    const lat = north(2.5);
    const km = haversineKm(LON, lat, LON, LAT);
    const exact = tower('T-8', { status: 'existing', technology: '4G', radiusKm: km });
    const short = tower('T-9', { status: 'existing', technology: '4G', radiusKm: km - 1e-9 });
    expect(pointLevel(LON, lat, towersOnAir([exact], 'current')).level).toBe('good');
    expect(pointLevel(LON, lat, towersOnAir([short], 'current')).level).toBe('none');
  });

  it('a planned tower without a date serves in planned only', () => {
    const undated = tower('T-2', { status: 'planned', technology: '4G' });
    expect(pointLevel(LON, north(1), towersOnAir([undated], '2030-01-01')).level).toBe('none');
    expect(pointLevel(LON, north(1), towersOnAir([undated], 'planned')).level).toBe('good');
  });

  it('fixed broadband makes a school good with no tower, and the nearest 4G is still reported', () => {
    expect(pointLevel(LON, LAT, [], true)).toEqual({ level: 'good', nearest4gId: null, nearest4gKm: null });
    const far = tower('T-10', { status: 'existing', technology: '4G', lat: north(10) });
    const result = pointLevel(LON, LAT, towersOnAir([far], 'current'), true);
    expect(result.level).toBe('good');
    expect(result.nearest4gKm).toBeCloseTo(10, 9);
  });

  it('nearest 4G/5G ignores radius and 2G/3G; ties go to the first tower in input order', () => {
    const towers = [
      tower('T-20', { status: 'existing', technology: '2G', lat: north(1) }),
      tower('T-21', { status: 'existing', technology: '4G', lat: north(7) }),
      tower('T-22', { status: 'existing', technology: '5G', lat: north(7) }),
      tower('T-23', { status: 'existing', technology: '4G', lat: north(9) }),
    ];
    const result = pointLevel(LON, LAT, towersOnAir(towers, 'current'));
    expect(result.level).toBe('weak');
    expect(result.nearest4gId).toBe('T-21');
    expect(result.nearest4gKm).toBeCloseTo(7, 9);
  });

  it('5G within its 1.5 km default counts as good', () => {
    const small = tower('T-30', { status: 'existing', technology: '5G' });
    expect(pointLevel(LON, north(1.4), towersOnAir([small], 'current')).level).toBe('good');
    expect(pointLevel(LON, north(1.6), towersOnAir([small], 'current')).level).toBe('none');
  });
});
