import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/domain/coverage/classify.ts';
import { onAirTowers, type PointColumns } from '../../src/domain/coverage/columns.ts';
import { ClassifyPool, type Helper } from '../../src/worker/helpers.ts';
import { randomPoints as points, randomTowers as towers } from '../domain/coverage/classify-helpers.ts';

const later = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A helper that runs in this thread, answering on a later task as a worker would. */
function inlineHelper(): Helper & { passes: number } {
  let points: PointColumns | undefined;
  const helper = {
    passes: 0,
    // A worker gets a copy: the test's arrays must not be shared.
    setPoints(p: PointColumns) {
      points = structuredClone(p);
    },
    async classify(towers: Parameters<Helper['classify']>[0]) {
      helper.passes++;
      await later();
      return classify(points as PointColumns, structuredClone(towers));
    },
    terminate() {},
  };
  return helper;
}


describe('a coverage pass split over helpers', () => {
  it('gives exactly what one classify gives, for 1 to 3 helpers (random points and towers)', async () => {
    await fc.assert(
      fc.asyncProperty(points, towers, fc.integer({ min: 1, max: 3 }), async (p, t, k) => {
        const helpers = Array.from({ length: k }, inlineHelper);
        const pool = new ClassifyPool(p, helpers);
        const onAir = onAirTowers(t, 'current');
        const got = await pool.classify(onAir);
        const want = classify(p, onAir);
        expect(Array.from(got.level)).toEqual(Array.from(want.level));
        expect(Array.from(got.nearest4g)).toEqual(Array.from(want.nearest4g));
        expect(Array.from(got.nearest4gKm)).toEqual(Array.from(want.nearest4gKm));
        expect(helpers.every((h) => h.passes === 1)).toBe(true);
        pool.close();
      }),
      { numRuns: 60 },
    );
  });

  it('fails the pass when a helper fails, and the pool can be closed while waiting', async () => {
    const broken: Helper = {
      setPoints() {},
      classify: () => later().then(() => Promise.reject(new Error('no points yet'))),
      terminate() {},
    };
    const p = { count: 2, lon: Float64Array.of(105, 105.1), lat: Float64Array.of(9, 9.1), fixedBroadband: new Uint8Array(2) };
    const pool = new ClassifyPool(p, [broken]);
    await expect(pool.classify(onAirTowers([], 'current'))).rejects.toThrow('no points yet');
    const silent: Helper = { setPoints() {}, classify: () => new Promise(() => undefined), terminate() {} };
    const waiting = new ClassifyPool(p, [silent]);
    const pass = waiting.classify(onAirTowers([], 'current'));
    waiting.close();
    await expect(pass).rejects.toThrow('the data set was replaced');
  });
});
