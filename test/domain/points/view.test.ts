import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CELL_COUNTS, cellLevelCounts, cellOfPoints, countNear, moveCellCounts, pointsInBox, viewGrid, type Box } from '../../../src/domain/points/view.ts';

const coord = (min: number, max: number) => fc.double({ min, max, noNaN: true });
const points = fc.array(fc.tuple(coord(102, 110), coord(8, 24)), { maxLength: 400 }).map((pairs) => ({
  count: pairs.length,
  lon: Float64Array.from(pairs, (p) => p[0]),
  lat: Float64Array.from(pairs, (p) => p[1]),
}));
const box: fc.Arbitrary<Box> = fc
  .tuple(coord(100, 112), coord(100, 112), coord(6, 26), coord(6, 26))
  .map(([a, b, c, d]) => [Math.min(a, b), Math.min(c, d), Math.max(a, b), Math.max(c, d)]);

describe('points in view', () => {
  it('finds exactly the points a plain scan finds (random points and boxes)', () => {
    fc.assert(
      fc.property(points, box, (p, b) => {
        const grid = viewGrid(p);
        const expected: number[] = [];
        for (let i = 0; i < p.count; i++) {
          const lon = p.lon[i] as number;
          const lat = p.lat[i] as number;
          if (lon >= b[0] && lon <= b[2] && lat >= b[1] && lat <= b[3]) expected.push(i);
        }
        expect(Array.from(pointsInBox(grid, p, b))).toEqual(expected);
        expect(countNear(grid, b)).toBeGreaterThanOrEqual(expected.length);
      }),
      { numRuns: 300 },
    );
  });

  it('includes points on the box edges and a box around one point', () => {
    const p = { count: 3, lon: Float64Array.of(105, 105.5, 106), lat: Float64Array.of(9, 9.5, 10) };
    const grid = viewGrid(p);
    expect(Array.from(pointsInBox(grid, p, [105, 9, 106, 10]))).toEqual([0, 1, 2]);
    expect(Array.from(pointsInBox(grid, p, [105.5, 9.5, 105.5, 9.5]))).toEqual([1]);
    expect(Array.from(pointsInBox(grid, p, [107, 11, 108, 12]))).toEqual([]);
    expect(countNear(grid, [107, 11, 108, 12])).toBe(0);
  });

  it('counts each point once, in its cell, by kind and level', () => {
    fc.assert(
      fc.property(points, fc.nat(), fc.infiniteStream(fc.integer({ min: 0, max: 3 })), (p, h, levels) => {
        const hamletCount = p.count === 0 ? 0 : h % (p.count + 1);
        const level = Uint8Array.from({ length: p.count }, () => levels.next().value as number);
        const grid = viewGrid(p);
        const counts = cellLevelCounts(grid, level, hamletCount);
        expect(counts.length).toBe(grid.nx * grid.ny * CELL_COUNTS);
        const expected = new Uint32Array(counts.length);
        for (let i = 0; i < p.count; i++) {
          const code = level[i] as number;
          if (code > 2) continue;
          const cx = Math.floor(((p.lon[i] as number) - grid.minLon) / grid.cellDeg);
          const cy = Math.floor(((p.lat[i] as number) - grid.minLat) / grid.cellDeg);
          const slot = (i < hamletCount ? 0 : 3) + (code === 2 ? 0 : code === 1 ? 1 : 2);
          (expected[(cy * grid.nx + cx) * CELL_COUNTS + slot] as number)++;
        }
        expect(counts.findIndex((c, k) => c !== expected[k])).toBe(-1);
        expect(counts.reduce((a, c) => a + c, 0)).toBe(level.filter((c) => c <= 2).length);
      }),
      { numRuns: 200 },
    );
  });
});

describe('cell counts moved point by point', () => {
  it('gives what counting every point again gives, after random level changes', () => {
    const levels = (n: number) => fc.array(fc.integer({ min: 0, max: 2 }), { minLength: n, maxLength: n });
    // A district's extent (some fifty cells): a grid over the country has ~150k of them.
    const near = fc.array(fc.tuple(coord(105, 105.2), coord(9, 9.2)), { maxLength: 300 }).map((pairs) => ({
      count: pairs.length,
      lon: Float64Array.from(pairs, (q) => q[0]),
      lat: Float64Array.from(pairs, (q) => q[1]),
    }));
    const withLevels = near.chain((p) => fc.tuple(fc.constant(p), levels(p.count), levels(p.count), fc.integer({ min: 0, max: p.count })));
    fc.assert(
      fc.property(withLevels, ([p, was, now, hamlets]) => {
        const grid = viewGrid(p);
        const before = Uint8Array.from(was);
        const after = Uint8Array.from(now);
        const changed = Int32Array.from(was.flatMap((l, i) => (l === now[i] ? [] : [i])));
        const counts = cellLevelCounts(grid, before, hamlets);
        const change = { points: changed, before: Uint8Array.from(changed, (i) => before[i] as number), after: Uint8Array.from(changed, (i) => after[i] as number) };
        moveCellCounts(counts, cellOfPoints(grid, p.count), hamlets, change);
        expect(Array.from(counts)).toEqual(Array.from(cellLevelCounts(grid, after, hamlets)));
      }),
      { numRuns: 200 },
    );
  });

  it('puts each point in the cell whose items hold it', () => {
    const p = { count: 3, lon: Float64Array.of(105, 105.001, 107), lat: Float64Array.of(9, 9.001, 11) };
    const grid = viewGrid(p);
    const cellOf = cellOfPoints(grid, p.count);
    expect(cellOf[0]).toBe(cellOf[1]);
    expect(cellOf[2]).not.toBe(cellOf[0]);
    for (let i = 0; i < p.count; i++) {
      const cell = cellOf[i] as number;
      expect(Array.from(grid.items.subarray(grid.cellStart[cell], grid.cellStart[cell + 1]))).toContain(i);
    }
  });
});
