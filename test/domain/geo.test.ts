import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EARTH_RADIUS_KM, haversineKm } from '../../src/domain/geo/haversine.ts';
import { labelPoint } from '../../src/domain/geo/label.ts';
import { pointInGeometry } from '../../src/domain/geo/polygon.ts';
import type { AreaGeometry } from '../../src/domain/types.ts';

const square: AreaGeometry = {
  type: 'Polygon',
  coordinates: [
    [[105, 9], [105.1, 9], [105.1, 9.1], [105, 9.1], [105, 9]],
    [[105.04, 9.04], [105.06, 9.04], [105.06, 9.06], [105.04, 9.06], [105.04, 9.04]],
  ],
};

describe('haversineKm', () => {
  it('gives a quarter meridian and one degree of longitude at the equator', () => {
    expect(haversineKm(0, 0, 0, 90)).toBeCloseTo((Math.PI / 2) * EARTH_RADIUS_KM, 9);
    expect(haversineKm(0, 0, 1, 0)).toBeCloseTo((Math.PI / 180) * EARTH_RADIUS_KM, 9);
    expect(haversineKm(105, 9, 105, 9)).toBe(0);
  });

  it('is symmetric and obeys the triangle inequality', () => {
    const point = fc.tuple(fc.double({ min: 104, max: 106, noNaN: true }), fc.double({ min: 8, max: 10, noNaN: true }));
    fc.assert(
      fc.property(point, point, point, ([a, b], [c, d], [e, f]) => {
        expect(haversineKm(a, b, c, d)).toBeCloseTo(haversineKm(c, d, a, b), 9);
        expect(haversineKm(a, b, e, f)).toBeLessThanOrEqual(haversineKm(a, b, c, d) + haversineKm(c, d, e, f) + 1e-9);
      }),
      { seed: 20261207 },
    );
  });
});

describe('pointInGeometry', () => {
  it('counts the boundary as inside, holes as outside, hole edges as inside', () => {
    expect(pointInGeometry(105.02, 9.02, square)).toBe(true);
    expect(pointInGeometry(105, 9.05, square)).toBe(true); // on the outer edge
    expect(pointInGeometry(105.1, 9.1, square)).toBe(true); // a vertex
    expect(pointInGeometry(105.05, 9.05, square)).toBe(false); // in the hole
    expect(pointInGeometry(105.04, 9.05, square)).toBe(true); // on the hole's edge
    expect(pointInGeometry(105.2, 9.05, square)).toBe(false);
  });

  it('handles MultiPolygons', () => {
    const multi: AreaGeometry = {
      type: 'MultiPolygon',
      coordinates: [
        [[[0, 0], [1, 0], [1, 1], [0, 0]]],
        [[[2, 0], [3, 0], [3, 1], [2, 0]]],
      ],
    };
    expect(pointInGeometry(2.9, 0.1, multi)).toBe(true);
    expect(pointInGeometry(1.5, 0.1, multi)).toBe(false);
  });
});

describe('labelPoint', () => {
  it('is inside a U-shaped polygon whose centroid is not', () => {
    const u: AreaGeometry = {
      type: 'Polygon',
      coordinates: [[[0, 0], [3, 0], [3, 3], [2, 3], [2, 1], [1, 1], [1, 3], [0, 3], [0, 0]]],
    };
    const [lon, lat] = labelPoint(u);
    expect(pointInGeometry(lon, lat, u)).toBe(true);
  });
});
