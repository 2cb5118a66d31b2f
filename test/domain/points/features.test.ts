import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { featureLonLat, nearestInDirection, searchFeatures, type Direction, type MapFeature } from '../../../src/domain/points/features.ts';
import { buildPointTable } from '../../../src/domain/points/table.ts';
import type { Hamlet, School, Tower } from '../../../src/domain/types.ts';

const hamlet = (id: string, name: string, lon: number, lat: number): Hamlet => ({ id, name, lon, lat, population: 1, gridPower: true, synthetic: false });
const school = (id: string, name: string, lon: number, lat: number): School => ({ id, name, lon, lat, level: 'primary', students: 1, fixedBroadband: false, synthetic: false });
const tower = (id: string, technology: Tower['technology'], lon: number, lat: number): Tower => ({ id, lon, lat, operator: 'VNPT', status: 'existing', technology, synthetic: false });

describe('searchFeatures', () => {
  const points = buildPointTable([hamlet('H1', 'Ấp Đất Mũi', 105, 8.6), hamlet('H2', 'Ấp Tân Ân', 105.1, 8.7)], [school('S1', 'Trường Đất Mũi', 105, 8.61)]);
  const towers = [tower('T1', '4G', 105, 8.6), undefined, tower('T2', '2G', 105.2, 8.7)];

  it('matches every word, case and accents folded, towers first', () => {
    expect(searchFeatures(points, towers, 'dat mui', 10)).toEqual([{ kind: 'point', index: 0 }, { kind: 'point', index: 2 }]);
    expect(searchFeatures(points, towers, 'ĐẤT   trường', 10)).toEqual([{ kind: 'point', index: 2 }]);
    expect(searchFeatures(points, towers, '2g vnpt', 10)).toEqual([{ kind: 'tower', slot: 2 }]);
    expect(searchFeatures(points, towers, 't', 2)).toHaveLength(2);
    expect(searchFeatures(points, towers, '   ', 10)).toEqual([]);
  });

  it('leaves out the kinds the map hides', () => {
    expect(searchFeatures(points, towers, 'dat', 10, { hamlets: false, schools: true, towers: true })).toEqual([{ kind: 'point', index: 2 }]);
  });
});

describe('nearestInDirection', () => {
  // A plus sign around the origin, and a far point straight up.
  const points = buildPointTable(
    [hamlet('C', 'c', 0, 0), hamlet('N', 'n', 0, 1), hamlet('E', 'e', 1, 0), hamlet('NE', 'ne', 0.6, 0.9), hamlet('FAR', 'far', 0, 5)],
    [school('S', 's', 0, -2)],
  );
  const towers = [tower('W', '2G', -3, 0.1)];
  const from: [number, number] = [0, 0];
  const skip: MapFeature = { kind: 'point', index: 0 };

  it('takes the nearest within 45° of the arrow', () => {
    expect(nearestInDirection(points, towers, from, 'up', undefined, skip)).toEqual({ kind: 'point', index: 1 });
    expect(nearestInDirection(points, towers, from, 'right', undefined, skip)).toEqual({ kind: 'point', index: 2 });
    expect(nearestInDirection(points, towers, from, 'down', undefined, skip)).toEqual({ kind: 'point', index: 5 });
    expect(nearestInDirection(points, towers, from, 'left', undefined, skip)).toEqual({ kind: 'tower', slot: 0 });
  });

  it('falls back to the half-plane, and answers nothing where nothing lies', () => {
    const only = buildPointTable([hamlet('A', 'a', 0, 0), hamlet('B', 'b', 1, 0.9)], []);
    // B is 42° above the right-hand axis: in the cone going right, in the half-plane only going up.
    expect(nearestInDirection(only, [], [0, 0], 'up', undefined, { kind: 'point', index: 0 })).toEqual({ kind: 'point', index: 1 });
    expect(nearestInDirection(only, [], [0, 0], 'left', undefined, { kind: 'point', index: 0 })).toBeUndefined();
    expect(nearestInDirection(points, towers, from, 'left', { hamlets: true, schools: true, towers: false }, skip)).toBeUndefined();
  });

  it('agrees with an oracle by angles (random points)', () => {
    const coordinate = fc.integer({ min: -1000, max: 1000 }).map((n) => n / 1000);
    fc.assert(
      fc.property(fc.array(fc.tuple(coordinate, coordinate), { minLength: 1, maxLength: 25 }), fc.constantFrom<Direction>('up', 'down', 'left', 'right'), (lonLats, direction) => {
        const table = buildPointTable(lonLats.map(([lon, lat], i) => hamlet(`h${i}`, 'x', lon, lat)), []);
        const got = nearestInDirection(table, [], [0, 0], direction);
        const want = { up: 90, down: -90, left: 180, right: 0 }[direction];
        let cone: [number, number] | undefined;
        let side: [number, number] | undefined;
        lonLats.forEach(([lon, lat], i) => {
          if (lon === 0 && lat === 0) return;
          let off = Math.abs((Math.atan2(lat, lon) * 180) / Math.PI - want);
          if (off > 180) off = 360 - off;
          const d = Math.hypot(lon, lat);
          if (off < 90 - 1e-9 && (!side || d < side[1])) side = [i, d];
          if (off <= 45 + 1e-9 && (!cone || d < cone[1])) cone = [i, d];
        });
        const expected = cone ?? side;
        if (!expected) expect(got).toBeUndefined();
        else {
          expect(got).toBeDefined();
          // Ties in distance may pick either: compare distances.
          const at = featureLonLat(table, [], got as MapFeature) as [number, number];
          expect(Math.hypot(at[0], at[1])).toBeCloseTo(expected[1], 9);
        }
      }),
    );
  });
});
