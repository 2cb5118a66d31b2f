import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { haversineKm } from '../../../src/domain/geo/haversine.ts';
import { NearestTowers, type Position } from '../../../src/domain/plan/nearest.ts';

// Points and towers over a few degrees (as a province, with towers many cells apart) or one
// spot (many in one cell).
const lon = fc.oneof(fc.double({ min: 104, max: 107, noNaN: true }), fc.double({ min: 105, max: 105.05, noNaN: true }));
const lat = fc.oneof(fc.double({ min: 8, max: 11, noNaN: true }), fc.double({ min: 9, max: 9.05, noNaN: true }));
const position = fc.record({ lon, lat });
const points = fc.array(position, { maxLength: 120 }).map((ps) => ({
  count: ps.length,
  lon: Float64Array.from(ps, (p) => p.lon),
  lat: Float64Array.from(ps, (p) => p.lat),
}));
/** Edits over keys 0..39: a new position, or taken away. */
const edits = fc.array(fc.tuple(fc.integer({ min: 0, max: 39 }), fc.option(position, { nil: undefined })), { maxLength: 60 });

/** The oracle: every tower tried for every point. */
function bruteForce(p: { count: number; lon: Float64Array; lat: Float64Array }, towers: Map<number, Position>) {
  return Array.from({ length: p.count }, (_, i) => {
    let best = NaN;
    for (const t of towers.values()) {
      const d = haversineKm(p.lon[i]!, p.lat[i]!, t.lon, t.lat);
      if (!(d >= best)) best = d;
    }
    return best;
  });
}

describe('NearestTowers', () => {
  it('names a tower at exactly the brute-force distance after every edit (random towers and edits)', () => {
    fc.assert(
      fc.property(points, fc.array(position, { maxLength: 40 }), edits, (p, start, steps) => {
        const towers = new Map(start.map((t, k) => [k, t] as [number, Position]));
        const nearest = new NearestTowers(p, towers);
        const check = () => {
          const want = bruteForce(p, towers);
          for (let i = 0; i < p.count; i++) {
            expect(nearest.km[i]).toBe(want[i]);
            const key = nearest.key[i]!;
            if (Number.isNaN(want[i])) expect(key).toBe(-1);
            else expect(haversineKm(p.lon[i]!, p.lat[i]!, towers.get(key)!.lon, towers.get(key)!.lat)).toBe(want[i]);
          }
        };
        check();
        for (const [key, at] of steps) {
          nearest.set(key, at);
          if (at) towers.set(key, at);
          else towers.delete(key);
          check();
        }
      }),
      { numRuns: 200 },
    );
  });
});
