import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { areaPath, boundsOf, fitBounds } from '../../src/domain/geo/fit.ts';
import type { AreaGeometry, PolygonCoordinates } from '../../src/domain/types.ts';

const square = (x0: number, y0: number, x1: number, y1: number): PolygonCoordinates => [
  [
    [x0, y0],
    [x1, y0],
    [x1, y1],
    [x0, y1],
    [x0, y0],
  ],
];

describe('fitBounds', () => {
  it('puts every point of the area inside the box, touching it on the tighter axis', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 100, max: 110, noNaN: true }),
        fc.double({ min: 8, max: 22, noNaN: true }),
        fc.double({ min: 0.01, max: 3, noNaN: true }),
        fc.double({ min: 0.01, max: 3, noNaN: true }),
        fc.integer({ min: 50, max: 2000 }),
        fc.integer({ min: 50, max: 2000 }),
        (lon, lat, w, h, width, height) => {
          const bounds = { minLon: lon, minLat: lat, maxLon: lon + w, maxLat: lat + h };
          const fit = fitBounds(bounds, width, height, 0.05);
          const x0 = fit.x(bounds.minLon);
          const x1 = fit.x(bounds.maxLon);
          const y0 = fit.y(bounds.maxLat);
          const y1 = fit.y(bounds.minLat);
          for (const x of [x0, x1]) {
            expect(x).toBeGreaterThanOrEqual(width * 0.05 - 1e-6);
            expect(x).toBeLessThanOrEqual(width * 0.95 + 1e-6);
          }
          for (const y of [y0, y1]) {
            expect(y).toBeGreaterThanOrEqual(height * 0.05 - 1e-6);
            expect(y).toBeLessThanOrEqual(height * 0.95 + 1e-6);
          }
          expect(Math.max((x1 - x0) / (width * 0.9), (y1 - y0) / (height * 0.9))).toBeCloseTo(1, 6);
          // North up, east right.
          expect(y0).toBeLessThan(y1);
          expect(x0).toBeLessThan(x1);
        },
      ),
    );
  });

  it('keeps shapes: a square degree at 9°N is taller than wide by 1/cos(9°)', () => {
    const fit = fitBounds({ minLon: 105, minLat: 8.5, maxLon: 106, maxLat: 9.5 }, 1000, 1000, 0);
    const w = fit.x(106) - fit.x(105);
    const h = fit.y(8.5) - fit.y(9.5);
    expect(h / w).toBeCloseTo(1 / Math.cos((9 * Math.PI) / 180), 6);
  });
});

describe('boundsOf and areaPath', () => {
  it('bounds every ring of every polygon', () => {
    const g: AreaGeometry = { type: 'MultiPolygon', coordinates: [square(1, 2, 3, 4), square(-1, 0, 0, 5)] };
    expect(boundsOf([g])).toEqual({ minLon: -1, minLat: 0, maxLon: 3, maxLat: 5 });
    expect(boundsOf([])).toBeUndefined();
  });

  it('draws closed rings in box units', () => {
    const fit = fitBounds({ minLon: 0, minLat: 0, maxLon: 1, maxLat: 1 }, 100, 100, 0);
    const path = areaPath({ type: 'Polygon', coordinates: square(0, 0, 1, 1) }, fit);
    expect(path.startsWith('M0.0 100.0L')).toBe(true);
    expect(path.endsWith('Z')).toBe(true);
    expect(path.match(/L/g)?.length).toBe(3);
  });
});
