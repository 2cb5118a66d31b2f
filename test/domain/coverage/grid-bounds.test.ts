// The engine's building blocks, each held to the exact haversine distance: the cosine-taking
// haversine (bit-identical), the cheap bounds and thresholds, the longitude frame, the grid
// and its ring lower bound.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EARTH_RADIUS_KM, haversineKm } from '../../../src/domain/geo/haversine.ts';
import {
  DEG,
  acceptAtOrBelow,
  haversineKmCos,
  haversineTermBounds,
  skipAbove,
} from '../../../src/domain/coverage/distance.ts';
import type { TowerColumns } from '../../../src/domain/coverage/columns.ts';
import {
  F_LAT,
  F_TOWER,
  F_U,
  REC,
  buildTowerGrid,
  chooseFrame,
  columnOf,
  frameLon,
  ringLowerBoundS,
  rowOf,
  withRadii,
} from '../../../src/domain/coverage/grid.ts';
import { radiusCap } from '../../../src/domain/coverage/classify.ts';
import { SEED } from './classify-helpers.ts';

const lon = fc.double({ min: -180, max: 180, noNaN: true });
const lat = fc.double({ min: -90, max: 90, noNaN: true });
/** Pairs of points: anywhere, close together, or straddling the antimeridian. */
const pair = fc.oneof(
  fc.tuple(lon, lat, lon, lat),
  fc
    .tuple(lon, lat, fc.double({ min: -0.1, max: 0.1, noNaN: true }), fc.double({ min: -0.1, max: 0.1, noNaN: true }))
    .map(([a, b, da, db]) => [a, b, a + da, Math.max(-90, Math.min(90, b + db))] as [number, number, number, number]),
  fc
    .tuple(fc.double({ min: 179.9, max: 180, noNaN: true }), lat, fc.double({ min: -180, max: -179.9, noNaN: true }), fc.double({ min: -1e-3, max: 1e-3, noNaN: true }))
    .map(([a, b, c, db]) => [a, b, c, Math.max(-90, Math.min(90, b + db))] as [number, number, number, number]),
);

const cos = (latDeg: number): number => Math.cos(latDeg * DEG);

describe('haversineKmCos', () => {
  it('is bit-identical to haversineKm when given the two cosines', () => {
    fc.assert(
      fc.property(pair, ([a, b, c, d]) => {
        expect(Object.is(haversineKmCos(a, b, cos(b), c, d, cos(d)), haversineKm(a, b, c, d))).toBe(true);
      }),
      { seed: SEED, numRuns: 20000 },
    );
  });
});

describe('the cheap bounds on the haversine term', () => {
  it('S⁻ ≤ s ≤ S⁺, where s = sin²(d / 2R) of the exact distance d', () => {
    fc.assert(
      fc.property(pair, ([a, b, c, d]) => {
        // Compared as chord lengths 2R·√s, in km: the oracle's own rounding is ~1e-11 km
        // absolute where the longitudes differ by nearly 360° (distance.ts), so allow 1e-10.
        const km = haversineKm(a, b, c, d);
        const chord = 2 * EARTH_RADIUS_KM * Math.sin(km / (2 * EARTH_RADIUS_KM));
        const [lo, hi] = haversineTermBounds(d - b, c - a, cos(b) * cos(d));
        expect(2 * EARTH_RADIUS_KM * Math.sqrt(lo)).toBeLessThanOrEqual(chord * (1 + 1e-12) + 1e-10);
        expect(2 * EARTH_RADIUS_KM * Math.sqrt(hi)).toBeGreaterThanOrEqual(chord * (1 - 1e-12) - 1e-10);
      }),
      { seed: SEED, numRuns: 20000 },
    );
  });

  it('accept and skip thresholds never contradict the exact distance', () => {
    const radius = fc.oneof(fc.constant(0), fc.double({ min: 0, max: 20, noNaN: true }), fc.double({ min: 0, max: 25000, noNaN: true }));
    let decided = 0;
    fc.assert(
      fc.property(pair, radius, fc.double({ min: -1e-6, max: 1e-6, noNaN: true }), ([a, b, c, d], r0, nudge) => {
        const exact = haversineKm(a, b, c, d);
        // Half the time the radius sits within a hair of the distance itself.
        const r = nudge > 0 ? Math.max(0, exact * (1 + nudge)) : r0;
        const [lo, hi] = haversineTermBounds(d - b, c - a, cos(b) * cos(d));
        if (hi <= acceptAtOrBelow(r)) {
          decided++;
          expect(exact).toBeLessThanOrEqual(r);
        }
        if (lo > skipAbove(r)) {
          decided++;
          expect(exact).toBeGreaterThan(r);
        }
      }),
      { seed: SEED, numRuns: 20000 },
    );
    expect(decided).toBeGreaterThan(5000);
  });

  it('thresholds for radii that never or always cover', () => {
    expect(skipAbove(Number.NaN)).toBe(-1);
    expect(skipAbove(-1)).toBe(-1);
    expect(acceptAtOrBelow(-1)).toBe(-1);
    expect(acceptAtOrBelow(0)).toBe(-1);
    expect(skipAbove(0)).toBeGreaterThan(0); // a point on the tower is checked exactly
    expect(acceptAtOrBelow(Infinity)).toBe(Infinity);
    expect(skipAbove(Infinity)).toBe(Infinity);
    expect(haversineKm(0, 0, 180, 0)).toBeLessThan(20100);
  });
});

describe('longitude frame', () => {
  it('leaves longitudes in range untouched and brings the others in', () => {
    expect(frameLon(-180, -180)).toBe(-180);
    expect(frameLon(179.999, -180)).toBe(179.999);
    expect(frameLon(180, -180)).toBe(-180);
    expect(frameLon(190, -180)).toBe(-170);
    expect(frameLon(-10, 0)).toBe(350);
    expect(frameLon(540, -180)).toBe(-180);
  });

  it('is signed for Vietnam, 0–360° across the antimeridian, wrapping for the world', () => {
    expect(chooseFrame(Float64Array.of(102, 109.5), Float64Array.of(104, Number.NaN))).toEqual({ base: -180, wrap: false });
    expect(chooseFrame(Float64Array.of(177, -179, 179.9), Float64Array.of(-178))).toEqual({ base: 0, wrap: false });
    expect(chooseFrame(Float64Array.of(-120, 10, 120))).toEqual({ base: -180, wrap: true });
    expect(chooseFrame(Float64Array.of(190, 200))).toEqual({ base: -180, wrap: false });
    expect(chooseFrame(new Float64Array(0))).toEqual({ base: -180, wrap: false });
  });
});

describe('radiusCap', () => {
  it('is the 95th percentile, raised to the largest radius within 1.5 times it, then until at most 256 towers are above it', () => {
    expect(radiusCap(Float64Array.of(4, 4, 4, 1.5))).toBe(4);
    const many = new Float64Array(1000).fill(4);
    many.fill(1.5, 0, 300);
    many[7] = 50;
    expect(radiusCap(many)).toBe(4); // the 50 km tower is checked on its own
    const wide = new Float64Array(1000).fill(4);
    wide.fill(12, 0, 300); // 300 towers at 12 km: too many to check one by one
    expect(radiusCap(wide)).toBe(12);
    expect(radiusCap(Float64Array.of(Number.NaN, -1))).toBe(0);
    // More than 32 distinct radii: sorted instead of counted, same answer.
    const distinct = Float64Array.from({ length: 2000 }, (_, i) => (i * 7919) % 1000 / 100);
    expect(radiusCap(distinct)).toBe(9.99); // all within 1.5 × the 95th percentile (9.5)
    const spread = Float64Array.from({ length: 2000 }, (_, i) => 1 + ((i * 7919) % 1000) / 10); // 1 .. 100.9 km
    const sorted = spread.slice().sort();
    const p95 = sorted[Math.floor(0.95 * 1999)] as number;
    expect(radiusCap(spread)).toBe(Math.max(sorted.filter((r) => r <= 1.5 * p95).at(-1) as number, sorted[2000 - 257] as number));
    // Path-loss radii, a continuum: no tower left to check one by one.
    const continuum = Float64Array.from({ length: 5000 }, (_, i) => 2.8 + (i % 997) * 0.003);
    expect(radiusCap(continuum)).toBe(Math.max(...continuum));
  });
});

function towerColumns(lons: readonly number[], lats: readonly number[]): TowerColumns {
  const count = lons.length;
  return {
    count,
    lon: Float64Array.from(lons),
    lat: Float64Array.from(lats),
    radiusKm: new Float64Array(count).fill(4),
    broadband: new Uint8Array(count).fill(1),
    towerIndex: Int32Array.from({ length: count }, (_, i) => i),
  };
}

const place = fc.oneof(
  fc.tuple(fc.double({ min: 104.7, max: 105.5, noNaN: true }), fc.double({ min: 8.4, max: 9.6, noNaN: true })),
  fc.tuple(lon, lat),
  fc.tuple(fc.double({ min: -180, max: 180, noNaN: true }), fc.double({ min: 85, max: 90, noNaN: true })),
);

describe('grid', () => {
  it('puts every tower once, in its own cell, in input order within a cell', () => {
    fc.assert(
      fc.property(fc.array(place, { minLength: 1, maxLength: 300 }), fc.constantFrom(0.25, 1, 4), (at, perCell) => {
        const towers = towerColumns(at.map((p) => p[0]), at.map((p) => p[1]));
        const frame = chooseFrame(towers.lon);
        const members = Int32Array.from({ length: towers.count }, (_, i) => i);
        const g = buildTowerGrid(towers, members, frame, { perCell });
        expect(g.nx * g.ny).toBeLessThanOrEqual(8 * towers.count + 64);
        expect(g.cellStart[0]).toBe(0);
        expect(g.cellStart[g.nx * g.ny]).toBe(towers.count);
        expect(Array.from(g.tower).sort((a, b) => a - b)).toEqual(Array.from(members));
        for (let c = 0; c < g.nx * g.ny; c++) {
          for (let j = g.cellStart[c] as number; j < (g.cellStart[c + 1] as number); j++) {
            const t = g.tower[j] as number;
            expect(g.rec[j * REC + F_TOWER]).toBe(t);
            expect(g.rec[j * REC + F_U]).toBe(frameLon(towers.lon[t] as number, frame.base));
            const cx = Math.min(g.nx - 1, Math.max(0, columnOf(g, g.rec[j * REC + F_U] as number)));
            const cy = Math.min(g.ny - 1, Math.max(0, rowOf(g, g.rec[j * REC + F_LAT] as number)));
            expect(cy * g.nx + cx).toBe(c);
            if (j > (g.cellStart[c] as number)) expect(t).toBeGreaterThan(g.tower[j - 1] as number);
          }
        }
      }),
      { seed: SEED, numRuns: 200 },
    );
  });

  it('the ring lower bound is below the haversine term of every tower outside the block', () => {
    let checked = 0;
    fc.assert(
      fc.property(
        fc.array(place, { minLength: 1, maxLength: 150, size: 'max' }),
        place,
        fc.integer({ min: 0, max: 4 }),
        fc.constantFrom(0.25, 1, 4),
        (at, [pLon, pLat], k, perCell) => {
          const towers = towerColumns(at.map((p) => p[0]), at.map((p) => p[1]));
          const frame = chooseFrame(towers.lon, Float64Array.of(pLon));
          const g = buildTowerGrid(towers, Int32Array.from({ length: towers.count }, (_, i) => i), frame, { perCell });
          const u = frameLon(pLon, frame.base);
          const cx = columnOf(g, u);
          const cy = rowOf(g, pLat);
          const lb = ringLowerBoundS(g, u, pLat, cos(pLat), cx, cy, k);
          let outside = 0;
          for (let j = 0; j < g.count; j++) {
            const tx = Math.min(g.nx - 1, Math.max(0, columnOf(g, g.rec[j * REC + F_U] as number)));
            const ty = Math.min(g.ny - 1, Math.max(0, rowOf(g, g.rec[j * REC + F_LAT] as number)));
            let dxCells = Math.abs(tx - cx);
            if (frame.wrap) dxCells = Math.min(dxCells, g.nx - dxCells);
            if (dxCells <= k && Math.abs(ty - cy) <= k) continue; // inside the block
            const t = g.tower[j] as number;
            const km = haversineKm(pLon, pLat, towers.lon[t] as number, towers.lat[t] as number);
            const s = Math.sin(km / (2 * EARTH_RADIUS_KM)) ** 2;
            checked++;
            outside++;
            expect(lb * (1 - 1e-9)).toBeLessThanOrEqual(s + 1e-24);
          }
          // Infinity says that no cell is left outside the block: then no tower is.
          if (lb === Infinity) expect(outside).toBe(0);
        },
      ),
      { seed: SEED, numRuns: 500 },
    );
    expect(checked).toBeGreaterThan(5000);
  });
});

describe('withRadii', () => {
  it('gives the grid buildTowerGrid builds for the other radii, field by field', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(place, fc.double({ min: 0, max: 30, noNaN: true }), fc.double({ min: 0, max: 30, noNaN: true })), { minLength: 1, maxLength: 60 }), (rows) => {
        const a = towerColumns(rows.map((r) => r[0][0]), rows.map((r) => r[0][1]));
        a.radiusKm = Float64Array.from(rows, (r) => r[1]);
        const b = { ...a, radiusKm: Float64Array.from(rows, (r) => r[2]) };
        const members = Int32Array.from(rows, (_, k) => k);
        const frame = chooseFrame(a.lon);
        const reused = withRadii(buildTowerGrid(a, members, frame, { perCell: 1 }), b.radiusKm);
        const built = buildTowerGrid(b, members, frame, { perCell: 1 });
        expect(Array.from(reused.rec)).toEqual(Array.from(built.rec));
        expect(Array.from(reused.cellStart)).toEqual(Array.from(built.cellStart));
        expect(Array.from(reused.tower)).toEqual(Array.from(built.tower));
      }),
      { seed: 7, numRuns: 200 },
    );
  });
});
