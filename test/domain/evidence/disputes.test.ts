// The tests that count for a point and a district's points to dispute (evidence/disputes.ts),
// against a plain scan: every test, every point, the haversine.
import { describe, expect, it } from 'vitest';
import { dateRange, districtPoints, testsAround, testsNear } from '../../../src/domain/evidence/disputes.ts';
import { CONFIRMED, CONTRADICTED, UNDERSTATED } from '../../../src/domain/evidence/verdict.ts';
import { haversineKm } from '../../../src/domain/geo/haversine.ts';

/** A small seeded generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const next = random(16);
const tests = Array.from({ length: 600 }, (_, t) => ({
  lon: 105 + next() * 0.1,
  lat: 9 + next() * 0.1,
  date: `2024-0${1 + (t % 9)}-1${t % 10}`,
}));
const counted = Uint8Array.from(tests, () => (next() < 0.8 ? 1 : 0));

describe('testsNear', () => {
  it('is every counted test within the radius (inclusive), nearest first, as a plain scan finds them', () => {
    for (let k = 0; k < 30; k++) {
      const lon = 105 + next() * 0.1;
      const lat = 9 + next() * 0.1;
      const found = testsNear(lon, lat, tests, counted, 500);
      const plain = tests
        .map((m, test) => ({ test, km: haversineKm(lon, lat, m.lon, m.lat) }))
        .filter(({ test, km }) => counted[test] === 1 && km * 1000 <= 500)
        .sort((a, b) => a.km - b.km || a.test - b.test);
      expect(found).toEqual(plain);
    }
    // A test exactly at the radius counts, in metres as the verdict compares (km / 1000 misses
    // some: 1.5 % of random radii here, as it did in the verdict).
    for (let k = 0; k < 200; k++) {
      const at = tests[k % tests.length] as { lon: number; lat: number };
      const metres = haversineKm(at.lon, at.lat, 105.2, 9.2) * 1000;
      expect(testsNear(105.2, 9.2, [at], Uint8Array.of(1), metres).length).toBe(1);
    }
  });

  it('dates run from the first to the last test', () => {
    expect(dateRange([{ test: 1, km: 0 }, { test: 0, km: 0 }, { test: 2, km: 0 }], [{ date: '2024-03-01' }, { date: '2023-12-31' }, { date: '2024-01-15' }])).toEqual({ from: '2023-12-31', to: '2024-03-01' });
    expect(dateRange([], [])).toBeUndefined();
  });
});

describe('testsAround', () => {
  it('keeps every test that is within the radius of one of the points, far north too', () => {
    for (const baseLat of [9, 23.3, 70]) {
      const points = { lon: Float64Array.from({ length: 20 }, () => 105 + next() * 0.1), lat: Float64Array.from({ length: 20 }, () => baseLat + next() * 0.1) };
      const around = new Set(testsAround(points, [3, 7, 11], tests.map((m) => ({ ...m, lat: m.lat - 9 + baseLat })), 2));
      tests.forEach((m, t) => {
        const near = [3, 7, 11].some((i) => haversineKm(points.lon[i] as number, points.lat[i] as number, m.lon, m.lat - 9 + baseLat) <= 2);
        if (near) expect(around.has(t), `test ${t} at ${baseLat}`).toBe(true);
      });
      expect(around.size).toBeLessThan(tests.length);
    }
    expect(testsAround({ lon: [], lat: [] }, [], tests, 1)).toEqual([]);
  });
});

describe('districtPoints', () => {
  it('lists the district\'s points of the action\'s agreement, leaving out those already disputed', () => {
    const agreement = Uint8Array.of(CONTRADICTED, CONTRADICTED, UNDERSTATED, CONTRADICTED, CONFIRMED, CONTRADICTED);
    const districtOf = Int32Array.of(0, 1, 1, 1, 1, 1);
    const disputed = (i: number) => i === 5;
    expect(districtPoints(agreement, districtOf, 1, 'dispute', disputed)).toEqual({ ready: [1, 3], already: 1 });
    expect(districtPoints(agreement, districtOf, 1, 'propose-closing', disputed)).toEqual({ ready: [2], already: 0 });
    expect(districtPoints(agreement, districtOf, 2, 'dispute', disputed)).toEqual({ ready: [], already: 0 });
  });
});
