import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classify } from '../../../src/domain/coverage/classify.ts';
import { onAirTowers } from '../../../src/domain/coverage/columns.ts';
import { helperCount, joinClassifications, sliceBounds, slicePoints, spareCores } from '../../../src/domain/coverage/slices.ts';
import { randomPoints as points, randomTowers as towers, SEED } from './classify-helpers.ts';


describe('slicing the points and joining their classifications', () => {
  it('joins the slices’ classifications into exactly the classification of the whole (random points and towers)', () => {
    fc.assert(
      fc.property(points, towers, fc.integer({ min: 1, max: 5 }), (p, t, parts) => {
        const onAir = onAirTowers(t, 'current');
        const bounds = sliceBounds(p.count, parts);
        const sliced = Array.from({ length: parts }, (_, j) => slicePoints(p, bounds[j] as number, bounds[j + 1] as number));
        expect(sliced.reduce((n, s) => n + s.count, 0)).toBe(p.count);
        const joined = joinClassifications(p.count, bounds, sliced.map((s) => classify(s, onAir)));
        const whole = classify(p, onAir);
        expect(Array.from(joined.level)).toEqual(Array.from(whole.level));
        expect(Array.from(joined.nearest4g)).toEqual(Array.from(whole.nearest4g));
        expect(Array.from(joined.nearest4gKm)).toEqual(Array.from(whole.nearest4gKm));
      }),
      { seed: SEED, numRuns: 80 },
    );
  });

  it('cuts near-equal consecutive slices from 0 to the count, and copies each', () => {
    expect(sliceBounds(10, 3)).toEqual([0, 3, 7, 10]);
    expect(sliceBounds(2, 4)).toEqual([0, 1, 1, 2, 2]);
    expect(sliceBounds(0, 2)).toEqual([0, 0, 0]);
    const p = { count: 3, lon: Float64Array.of(1, 2, 3), lat: Float64Array.of(4, 5, 6), fixedBroadband: Uint8Array.of(0, 1, 0), clutter: Uint8Array.of(0, 1, 2) };
    const s = slicePoints(p, 1, 3);
    expect(s).toEqual({ count: 2, lon: Float64Array.of(2, 3), lat: Float64Array.of(5, 6), fixedBroadband: Uint8Array.of(1, 0) });
    s.lon[0] = 9;
    expect(p.lon[1]).toBe(2);
  });
});

describe('helpers for the cores to spare', () => {
  it('leaves a core each to the page, the data worker and the timeline, and uses at most three', () => {
    expect([1, 2, 3, 4, 5, 6, 8, 16].map(spareCores)).toEqual([0, 0, 0, 1, 2, 3, 3, 3]);
  });

  it('starts none for a data set under 200 000 points', () => {
    expect(helperCount(199_999, 16)).toBe(0);
    expect(helperCount(200_000, 16)).toBe(3);
    expect(helperCount(1_000_000, 5)).toBe(2);
  });
});
