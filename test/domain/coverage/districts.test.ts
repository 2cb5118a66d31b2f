import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildDistrictIndex,
  locateDistrict,
  locateDistricts,
  type DistrictIndex,
  type DistrictIndexOptions,
} from '../../../src/domain/coverage/districts.ts';
import { pointInGeometry } from '../../../src/domain/geo/polygon.ts';
import { parseFile } from '../../../src/domain/parse/index.ts';
import type { AreaGeometry, Boundary, PolygonCoordinates, Position, Ring } from '../../../src/domain/types.ts';

const SEED = 20211015;

/** The oracle: a plain loop over the file, first boundary that contains the point. */
function oracle(boundaries: readonly Boundary[], lon: number, lat: number): number {
  for (let k = 0; k < boundaries.length; k++) {
    if (pointInGeometry(lon, lat, (boundaries[k] as Boundary).geometry)) return k;
  }
  return -1;
}

function readBoundaries(kind: 'districts' | 'communes', folder = 'data'): Boundary[] {
  const path = `${folder}/boundaries/${kind}.geojson`;
  const { value, issues } = parseFile(kind, path, readFileSync(path, 'utf8'));
  if (value === undefined) throw new Error(issues.map((i) => i.message).join('\n'));
  return value;
}

/** Compares every point with the oracle; on a mismatch, names the first few. */
function expectSameAsOracle(boundaries: readonly Boundary[], points: readonly Position[], options: DistrictIndexOptions = {}, index?: DistrictIndex): void {
  const lon = Float64Array.from(points, (p) => p[0]);
  const lat = Float64Array.from(points, (p) => p[1]);
  const got = locateDistricts(index ?? buildDistrictIndex(boundaries, options), lon, lat);
  const wrong: string[] = [];
  for (let i = 0; i < points.length; i++) {
    const want = oracle(boundaries, lon[i] as number, lat[i] as number);
    if (got[i] !== want && wrong.length < 5) wrong.push(`[${lon[i]}, ${lat[i]}]: got ${got[i]}, oracle ${want}`);
  }
  expect(wrong).toEqual([]);
  expect(got.length).toBe(points.length);
}

function polygonsOf(geometry: AreaGeometry): PolygonCoordinates[] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

/** Every vertex, and the midpoint of every edge, of every ring. */
function ringPoints(boundaries: readonly Boundary[]): Position[] {
  const points: Position[] = [];
  for (const boundary of boundaries) {
    for (const polygon of polygonsOf(boundary.geometry)) {
      for (const ring of polygon) {
        for (let i = 0; i < ring.length; i++) {
          const a = ring[i] as Position;
          const b = ring[(i + 1) % ring.length] as Position;
          points.push([a[0], a[1]], [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2]);
          // A point a quarter of the way along; and on the edge's own line, exactly, when
          // the edge is horizontal or vertical.
          points.push([a[0] + (b[0] - a[0]) / 4, a[1] + (b[1] - a[1]) / 4]);
        }
      }
    }
  }
  return points;
}

/** Corners, edge midpoints and centres of raster cells, and points one ulp either side. */
function cellPoints(index: DistrictIndex, every: number): Position[] {
  const points: Position[] = [];
  const nudge = (x: number, d: number): number => x + d * Math.max(Number.EPSILON * Math.abs(x), Number.MIN_VALUE);
  for (let r = 0; r <= index.rows; r += every) {
    for (let c = 0; c <= index.cols; c += every) {
      const x = index.x0 + c * index.cellWidth;
      const y = index.y0 + r * index.cellHeight;
      points.push([x, y], [nudge(x, -1), nudge(y, -1)], [nudge(x, 1), nudge(y, 1)]);
      points.push([x + index.cellWidth / 2, y], [x, y + index.cellHeight / 2]);
    }
  }
  return points;
}

function randomPoints(count: number, box: [number, number, number, number], seed: number): Position[] {
  return fc.sample(
    fc.tuple(fc.double({ min: box[0], max: box[2], noNaN: true }), fc.double({ min: box[1], max: box[3], noNaN: true })),
    { numRuns: count, seed },
  );
}

const square = (x0: number, y0: number, x1: number, y1: number): Ring => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
  [x0, y0],
];

const boundary = (id: string, geometry: AreaGeometry): Boundary => ({ id, name: id, geometry });

describe('locateDistricts on the real boundaries', () => {
  const districts = readBoundaries('districts');
  const communes = readBoundaries('communes');
  // The province box with a margin around it, so that points fall outside as well.
  const box: [number, number, number, number] = [104.6, 8.4, 105.5, 9.7];

  for (const [name, boundaries] of [
    ['9 districts', districts],
    ['101 communes', communes],
  ] as const) {
    describe(name, () => {
      const index = buildDistrictIndex(boundaries);

      it('agrees with the oracle on random points in and around the province', () => {
        expectSameAsOracle(boundaries, randomPoints(20000, box, SEED), {}, index);
      });

      it('agrees with the oracle on every vertex and on points along every edge', () => {
        expectSameAsOracle(boundaries, ringPoints(boundaries), {}, index);
      });

      it('agrees with the oracle on the corners and edges of raster cells', () => {
        expectSameAsOracle(boundaries, cellPoints(index, 11), {}, index);
      });

      it('agrees with the oracle on coarse and fine rasters', () => {
        const points = [...randomPoints(3000, box, SEED + 1), ...ringPoints(boundaries).filter((_, i) => i % 3 === 0)];
        for (const cells of [1, 16, 1000, 40000]) {
          const coarse = buildDistrictIndex(boundaries, { cells });
          expectSameAsOracle(boundaries, [...points, ...cellPoints(coarse, Math.max(1, Math.floor(coarse.cols / 40)))], {}, coarse);
        }
      });

      it('puts each label point (inside its polygon) in a boundary, as the oracle does', () => {
        const labelled = boundaries.filter((b) => b.labelLon !== undefined && b.labelLat !== undefined);
        const located = locateDistricts(
          index,
          Float64Array.from(labelled, (b) => b.labelLon as number),
          Float64Array.from(labelled, (b) => b.labelLat as number),
        );
        labelled.forEach((b, i) => {
          expect(located[i]).toBe(oracle(boundaries, b.labelLon as number, b.labelLat as number));
          expect(located[i]).toBeGreaterThanOrEqual(0);
        });
      });
    });
  }

  it('answers -1 far outside, and for coordinates that are not finite', () => {
    const index = buildDistrictIndex(districts);
    const lon = Float64Array.of(0, 180, -180, 105, 105, Number.NaN, 105.1, Infinity, -Infinity, 1e300);
    const lat = Float64Array.of(0, 90, -90, 80, -80, 9.1, Number.NaN, 9.1, 9.1, 9.1);
    expect([...locateDistricts(index, lon, lat)]).toEqual(new Array(10).fill(-1));
  });
});

describe('locateDistricts on made-up boundaries', () => {
  it('counts a shared border for the first boundary in file order, a vertex too', () => {
    const west = boundary('W', { type: 'Polygon', coordinates: [square(105, 9, 105.1, 9.2)] });
    const east = boundary('E', { type: 'Polygon', coordinates: [square(105.1, 9, 105.2, 9.2)] });
    const points: Position[] = [
      [105.1, 9.1],
      [105.1, 9],
      [105.1, 9.2],
      [105.05, 9.2],
      [105.15, 9],
      [105.2, 9.2],
      [105.2 + 1e-12, 9.1],
    ];
    const lon = Float64Array.from(points, (p) => p[0]);
    const lat = Float64Array.from(points, (p) => p[1]);
    expect([...locateDistricts(buildDistrictIndex([west, east]), lon, lat)]).toEqual([0, 0, 0, 0, 1, 1, -1]);
    expect([...locateDistricts(buildDistrictIndex([east, west]), lon, lat)]).toEqual([0, 0, 0, 1, 0, 0, -1]);
  });

  it('gives overlapping boundaries to the first in file order', () => {
    const big = boundary('big', { type: 'Polygon', coordinates: [square(0, 0, 10, 10)] });
    const small = boundary('small', { type: 'Polygon', coordinates: [square(2, 2, 4, 4)] });
    expect(locateDistrict(buildDistrictIndex([small, big]), 3, 3)).toBe(0);
    expect(locateDistrict(buildDistrictIndex([big, small]), 3, 3)).toBe(0);
    expect(locateDistrict(buildDistrictIndex([small, big]), 5, 5)).toBe(1);
  });

  it('keeps holes outside, their edges inside, and what lies in a hole to the next boundary', () => {
    const holed = boundary('holed', { type: 'Polygon', coordinates: [square(0, 0, 10, 10), square(4, 4, 6, 6)] });
    const island = boundary('island', { type: 'Polygon', coordinates: [square(4.5, 4.5, 5.5, 5.5)] });
    const index = buildDistrictIndex([holed, island], { cells: 10000 });
    expect(locateDistrict(index, 5, 5)).toBe(1);
    expect(locateDistrict(index, 4.2, 4.2)).toBe(-1);
    expect(locateDistrict(index, 4, 5)).toBe(0);
    expect(locateDistrict(index, 6, 6)).toBe(0);
    expect(locateDistrict(index, 2, 2)).toBe(0);
  });

  it('handles MultiPolygons, and boundaries with no geometry inside', () => {
    const multi = boundary('multi', {
      type: 'MultiPolygon',
      coordinates: [[square(0, 0, 1, 1)], [square(5, 5, 6, 6), square(5.2, 5.2, 5.8, 5.8)]],
    });
    const empty = boundary('empty', { type: 'MultiPolygon', coordinates: [] });
    const index = buildDistrictIndex([empty, multi]);
    const lon = Float64Array.of(0.5, 5.1, 5.5, 3, 6, 5.2);
    const lat = Float64Array.of(0.5, 5.1, 5.5, 3, 6, 5.5);
    expect([...locateDistricts(index, lon, lat)]).toEqual([1, 1, -1, -1, 1, 1]);
  });

  it('answers -1 everywhere with no boundaries', () => {
    const index = buildDistrictIndex([]);
    expect([...locateDistricts(index, Float64Array.of(105, 0), Float64Array.of(9, 0))]).toEqual([-1, -1]);
    expect(locateDistricts(index, new Float64Array(0), new Float64Array(0))).toHaveLength(0);
  });

  it('handles a boundary that is a single line or point (no area)', () => {
    const line = boundary('line', { type: 'Polygon', coordinates: [[[1, 1], [2, 1], [1, 1]]] });
    const dot = boundary('dot', { type: 'Polygon', coordinates: [[[3, 3], [3, 3], [3, 3]]] });
    const points: Position[] = [[1.5, 1], [1, 1], [3, 3], [1.5, 1.0000001], [2.5, 2]];
    expectSameAsOracle([line, dot], points);
    expectSameAsOracle([line], points);
  });

  // Random rings, even self-crossing ones (the oracle's even-odd rule still defines them),
  // with holes, in MultiPolygons, overlapping one another; coordinates on a lattice of
  // 1/16 so that many points lie exactly on horizontal and vertical edges and on vertices.
  const lattice = fc.integer({ min: -8, max: 40 }).map((n) => n / 16);
  const latticePoint = fc.tuple(lattice, lattice);
  const freePoint = fc.tuple(fc.double({ min: -1, max: 3.5, noNaN: true }), fc.double({ min: -1, max: 3.5, noNaN: true }));
  const rawRing = fc.array(fc.oneof(latticePoint, freePoint), { minLength: 3, maxLength: 9 });
  const closed = (ring: Position[]): Ring => [...ring, ring[0] as Position];
  const rectangle = fc
    .tuple(latticePoint, latticePoint)
    .map(([a, b]) => square(Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[0], b[0]), Math.max(a[1], b[1])));
  const ring = fc.oneof(rectangle, rawRing.map(closed));
  const polygon = fc.tuple(ring, fc.array(ring, { maxLength: 2 })).map(([outer, holes]) => [outer, ...holes]);
  const geometry: fc.Arbitrary<AreaGeometry> = fc.oneof(
    polygon.map((coordinates) => ({ type: 'Polygon' as const, coordinates })),
    fc.array(polygon, { minLength: 1, maxLength: 3 }).map((coordinates) => ({ type: 'MultiPolygon' as const, coordinates })),
  );
  const boundaries = fc.array(geometry, { maxLength: 6 }).map((gs) => gs.map((g, k) => boundary(`b${k}`, g)));

  it('agrees with the oracle on random boundaries, random rasters and points on every edge', () => {
    fc.assert(
      fc.property(
        boundaries,
        fc.array(fc.oneof(latticePoint, freePoint), { maxLength: 60 }),
        fc.integer({ min: 1, max: 5000 }),
        (bs, points, cells) => {
          const index = buildDistrictIndex(bs, { cells });
          const all = [...points, ...ringPoints(bs), ...(index.cols > 0 ? cellPoints(index, Math.max(1, Math.floor(index.cols / 12))) : [])];
          expectSameAsOracle(bs, all, {}, index);
        },
      ),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('agrees with the oracle at real-world magnitudes and tiny cells', () => {
    const near = fc.tuple(fc.double({ min: 105, max: 105.001, noNaN: true }), fc.double({ min: 9, max: 9.001, noNaN: true }));
    const smallRing = fc.array(near, { minLength: 3, maxLength: 8 }).map(closed);
    const smallBoundaries = fc
      .array(fc.tuple(smallRing, fc.array(smallRing, { maxLength: 1 })), { minLength: 1, maxLength: 4 })
      .map((list) => list.map(([outer, holes], k) => boundary(`s${k}`, { type: 'Polygon', coordinates: [outer, ...holes] })));
    fc.assert(
      fc.property(smallBoundaries, fc.array(near, { maxLength: 80 }), (bs, points) => {
        const index = buildDistrictIndex(bs, { cells: 1 << 16 });
        expectSameAsOracle(bs, [...points, ...ringPoints(bs), ...cellPoints(index, 17)], {}, index);
      }),
      { seed: SEED, numRuns: 100 },
    );
  });
});

describe('the good fixture', () => {
  it('puts the hamlet on the shared border (105.1, 9.1) in the first district, D01', () => {
    const districts = readBoundaries('districts', 'test/fixtures/good');
    const index = buildDistrictIndex(districts);
    expect(districts[locateDistrict(index, 105.1, 9.1)]?.id).toBe('D01');
    expect(districts[locateDistrict(index, 105.15, 9.15)]?.id).toBe('D02');
    expect(locateDistrict(index, 105.25, 9.15)).toBe(-1);
  });
});
