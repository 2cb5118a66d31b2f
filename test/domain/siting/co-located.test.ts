// Issue 13 item 7: many points at one position (geocoding puts them on a commune centre).
// Identical positions must cost what one point costs, and the picks and gains must stay the
// plain greedy's, ties to the lowest point index.
import { describe, expect, it } from 'vitest';
import type { Hamlet } from '../../../src/domain/types.ts';
import { LEVEL_NONE } from '../../../src/domain/coverage/columns.ts';
import { chooseSites, SitingCancelled } from '../../../src/domain/siting/siting.ts';

function hamlet(i: number, lon: number, lat: number, population: number): Hamlet {
  return { id: `H${i}`, name: `Ấp ${i}`, lon, lat, population, gridPower: true, synthetic: true };
}

/** `count` hamlets on one commune centre, then a few spread ones; populations 1..97. */
function pile(count: number): Hamlet[] {
  const out: Hamlet[] = [];
  for (let i = 0; i < count; i++) out.push(hamlet(i, 105.2, 9.3, 1 + (i % 97)));
  for (let j = 0; j < 5; j++) out.push(hamlet(count + j, 105.2 + 0.05 * (j + 1), 9.3, 5000));
  return out;
}

describe('chooseSites with co-located points', () => {
  it('20,000 hamlets at one position take well under a second (was quadratic: ~15 s at 10,000)', () => {
    const hamlets = pile(20_000);
    const level = new Uint8Array(hamlets.length).fill(LEVEL_NONE);
    const started = performance.now();
    const result = chooseSites({ hamlets, schools: [] }, level, { k: 3, radiusKm: 4, weight: 'population' });
    const ms = performance.now() - started;
    const pileWeight = hamlets.slice(0, 20_000).reduce((a, h) => a + h.population, 0);
    // The pile (its first hamlet, index 0) outweighs everything; then the spread ones, each 5000
    // but the first two within 4 km of the pile? 0.05° of longitude at 9.3° N is ~5.5 km: no.
    expect(result.sites.map((s) => [s.point, s.gain])).toEqual([
      [0, pileWeight],
      [20_000, 5000],
      [20_001, 5000],
    ]);
    expect(ms).toBeLessThan(2_000);
  });

  it('a pile and a spread point tie: the lowest index wins, whichever side it is on', () => {
    // Two hamlets of 50 at one place (indexes 1 and 2), one of 100 elsewhere (index 0): tie at 100.
    const a = [hamlet(0, 106, 9, 100), hamlet(1, 105, 9, 50), hamlet(2, 105, 9, 50)];
    expect(chooseSites({ hamlets: a, schools: [] }, new Uint8Array(3).fill(LEVEL_NONE), { k: 2, radiusKm: 1, weight: 'population' }).sites.map((s) => [s.point, s.gain])).toEqual([
      [0, 100],
      [1, 100],
    ]);
    const b = [hamlet(0, 105, 9, 50), hamlet(1, 106, 9, 100), hamlet(2, 105, 9, 50)];
    expect(chooseSites({ hamlets: b, schools: [] }, new Uint8Array(3).fill(LEVEL_NONE), { k: 2, radiusKm: 1, weight: 'population' }).sites.map((s) => [s.point, s.gain])).toEqual([
      [0, 100],
      [1, 100],
    ]);
  });

  it('reports progress up to done = total, and stops with SitingCancelled when asked', () => {
    const hamlets = Array.from({ length: 3000 }, (_, i) => hamlet(i, 105 + (i % 60) * 0.02, 9 + Math.floor(i / 60) * 0.02, 10));
    const level = new Uint8Array(hamlets.length).fill(LEVEL_NONE);
    const seen: [number, number][] = [];
    chooseSites({ hamlets, schools: [] }, level, { k: 5, radiusKm: 2, weight: 'population', onProgress: (done, total) => seen.push([done, total]) });
    expect(seen.length).toBeGreaterThan(1);
    for (let j = 1; j < seen.length; j++) expect(seen[j]![0]).toBeGreaterThanOrEqual(seen[j - 1]![0]);
    expect(seen.at(-1)![0]).toBe(seen.at(-1)![1]);
    let calls = 0;
    expect(() =>
      chooseSites({ hamlets, schools: [] }, level, { k: 5, radiusKm: 2, weight: 'population', shouldStop: () => ++calls > 2 }),
    ).toThrow(SitingCancelled);
  });
});
