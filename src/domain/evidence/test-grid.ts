// The speed tests that count, bucketed on a uniform lon/lat grid, and the search for the
// tests within a radius of a point. As in the coverage engine (coverage/classify.ts), the
// cheap bounds of coverage/distance.ts decide almost every pair without a sine or a square
// root; a pair within a hair of the radius gets the exact haversine, `haversineKmCos`,
// bit-identical to geo/haversine.ts, compared in metres (`km × 1000 ≤ radius_m`, as rule 10
// words it and the oracle reads it: `km ≤ radius_m / 1000` differs for ~1.5% of distances
// that are exactly radius_m).
//
// Why this build (1M points × 1M tests over Vietnam's box, test/bench/evidence.ts, on the
// shared 2-core machine, ±30%): a counting sort straight into cell order scattered each test
// to a random place of four arrays and counted into 2M random cells: 300-450 ms of cache
// misses, more than the whole search. Sorting twice, by bands of rows (at most 256 write
// streams) and then by cell within each band (a few hundred KB, in cache), keeps every write
// sequential or local, and one interleaved record per test is one cache line: ~65 ms of CPU.
// A point's search then reads its rows' runs of records in order. The worker builds the grid
// of every test once per data set (worker/evidence.ts) and picks a scenario's tests with a
// per-record flag.
import * as distance from '../coverage/distance.ts';
import * as haversine from '../geo/haversine.ts';
import type { PointCoordinates } from '../coverage/point-grid.ts';

// Module-local copies (see classify.ts: some loaders make each imported use a getter call).
const DEG = distance.DEG;
const HALF_RAD2 = distance.HALF_RAD2;
const haversineKmCos = distance.haversineKmCos;
const KM_PER_DEG = haversine.EARTH_RADIUS_KM * DEG;
const MAX_CELLS_PER_AXIS = 2048;
const THIRD = 1 / 3;

/** Numbers per test in `TestGrid.rec`: latitude, longitude, cos(lat·DEG), download (Mbps). */
export const REC = 4;

export interface TestGrid {
  minLon: number;
  minLat: number;
  cellDeg: number;
  nx: number;
  ny: number;
  /** Tests of cell c (= row · nx + column) are records `cellStart[c] .. cellStart[c + 1] - 1`. */
  cellStart: Int32Array;
  /** REC numbers per test, in cell order. */
  rec: Float64Array;
  /** Record j's index into the tests. */
  test: Int32Array;
}

/** What the grid reads of the tests (TestColumns has it). */
export interface TestSource {
  lon: Float64Array;
  lat: Float64Array;
  downloadMbps: Float64Array;
}

/** At most this many bands of rows in step 2 of the build: one write stream each. */
const MAX_BANDS = 256;

/**
 * The tests `selected` (indexes into `tests`; every test when undefined) on a grid of cells
 * about `cellKm` wide. A test with a coordinate that is not a finite number is left out: no
 * distance to it is ≤ a radius.
 */
export function buildTestGrid(tests: TestSource, selected: Int32Array | undefined, cellKm: number): TestGrid {
  const { lon, lat, downloadMbps } = tests;
  const m = selected === undefined ? lon.length : selected.length;
  let minLon = Infinity;
  let minLat = Infinity;
  let maxLon = -Infinity;
  let maxLat = -Infinity;
  for (let k = 0; k < m; k++) {
    const t = selected === undefined ? k : selected[k]!;
    const x = lon[t]!;
    const y = lat[t]!;
    if (!(Number.isFinite(x) && Number.isFinite(y))) continue;
    if (x < minLon) minLon = x;
    if (x > maxLon) maxLon = x;
    if (y < minLat) minLat = y;
    if (y > maxLat) maxLat = y;
  }
  if (!(minLon <= maxLon)) [minLon, maxLon, minLat, maxLat] = [0, 0, 0, 0];
  const span = Math.max(maxLon - minLon, maxLat - minLat, 1e-9);
  const cellDeg = Math.max(cellKm / KM_PER_DEG, span / MAX_CELLS_PER_AXIS);
  const nx = Math.floor((maxLon - minLon) / cellDeg) + 1;
  const ny = Math.floor((maxLat - minLat) / cellDeg) + 1;
  const bandRows = Math.ceil(ny / MAX_BANDS);
  const bands = Math.ceil(ny / bandRows);

  // 1. Tests per band of rows.
  const bandStart = new Int32Array(bands + 1);
  for (let k = 0; k < m; k++) {
    const t = selected === undefined ? k : selected[k]!;
    const x = lon[t]!;
    const y = lat[t]!;
    if (Number.isFinite(x) && Number.isFinite(y)) bandStart[Math.floor(Math.floor((y - minLat) / cellDeg) / bandRows) + 1]!++;
  }
  let widest = 0;
  for (let b = 0; b < bands; b++) {
    widest = Math.max(widest, bandStart[b + 1]!);
    bandStart[b + 1]! += bandStart[b]!;
  }
  const n = bandStart[bands]!;

  // 2. Into band order (one sequential stream a band), straight into `rec` and `test`:
  // latitude, longitude, the cell within the band (for step 3; the cosine's slot), download.
  const rec = new Float64Array(n * REC);
  const test = new Int32Array(n);
  const bandFill = bandStart.slice(0, bands);
  for (let k = 0; k < m; k++) {
    const t = selected === undefined ? k : selected[k]!;
    const x = lon[t]!;
    const y = lat[t]!;
    if (!(Number.isFinite(x) && Number.isFinite(y))) continue;
    const row = Math.floor((y - minLat) / cellDeg);
    const band = Math.floor(row / bandRows);
    const j = bandFill[band]!++;
    const o = j * REC;
    rec[o] = y;
    rec[o + 1] = x;
    rec[o + 2] = (row - band * bandRows) * nx + Math.floor((x - minLon) / cellDeg);
    rec[o + 3] = downloadMbps[t]!;
    test[j] = t;
  }

  // 3. Band by band into cell order, through a copy of the band: every access stays within it.
  const cellStart = new Int32Array(nx * ny + 1);
  const copy = new Float64Array(widest * REC);
  const copyTest = new Int32Array(widest);
  const cellFill = new Int32Array(bandRows * nx);
  for (let b = 0; b < bands; b++) {
    const from = bandStart[b]!;
    const size = bandStart[b + 1]! - from;
    const firstCell = b * bandRows * nx;
    const cells = Math.min(ny - b * bandRows, bandRows) * nx;
    if (size === 0) {
      cellStart.fill(from, firstCell, firstCell + cells);
      continue;
    }
    copy.set(rec.subarray(from * REC, (from + size) * REC));
    copyTest.set(test.subarray(from, from + size));
    cellFill.fill(0, 0, cells);
    for (let j = 0; j < size; j++) cellFill[copy[j * REC + 2]!]!++;
    let at = from;
    for (let c = 0; c < cells; c++) {
      const count = cellFill[c]!;
      cellStart[firstCell + c] = at;
      cellFill[c] = at;
      at += count;
    }
    for (let j = 0; j < size; j++) {
      const i = j * REC;
      const y = copy[i]!;
      const to = cellFill[copy[i + 2]!]!++;
      const o = to * REC;
      rec[o] = y;
      rec[o + 1] = copy[i + 1]!;
      rec[o + 2] = Math.cos(y * DEG);
      rec[o + 3] = copy[i + 3]!;
      test[to] = copyTest[j]!;
    }
  }
  cellStart[nx * ny] = n;
  return { minLon, minLat, cellDeg, nx, ny, cellStart, rec, test };
}

/** What a search needs of the radius, worked out once for every point. */
export interface TestQuery {
  radiusM: number;
  /** S⁻ above this: farther than the radius (distance.ts). */
  sSkip: number;
  /** S⁺ at or below this: within the radius without the exact formula; -1 when never sure. */
  sAccept: number;
  /** Degrees of latitude within reach (|Δφ| ≤ r/R), with a margin. */
  dLat: number;
  /** sin(r / 2R): a longitude reach at latitude φ is 2·asin(sinHalf / cos φ). */
  sinHalf: number;
}

export function testQuery(radiusM: number): TestQuery {
  const km = radiusM / 1000;
  return {
    radiusM,
    sSkip: distance.skipAbove(km),
    sAccept: distance.acceptAtOrBelow(km),
    dLat: (km / KM_PER_DEG) * 1.01 + 1e-9,
    sinHalf: Math.sin(Math.min(Math.PI / 2, km / (2 * haversine.EARTH_RADIUS_KM))),
  };
}

/**
 * Writes into `out` the download speeds of the tests within `q.radiusM` metres of (lon, lat),
 * haversine, boundary included, among the records j with `on[j] === 1` (all when undefined);
 * returns how many (`out.values` is grown as needed).
 */
export function valuesWithin(grid: TestGrid, lon: number, lat: number, q: TestQuery, on: Uint8Array | undefined, out: { values: Float64Array }): number {
  const { minLat, minLon, cellDeg, nx } = grid;
  const dLat = q.dLat;
  const y0 = Math.max(0, Math.floor((lat - dLat - minLat) / cellDeg));
  const y1 = Math.min(grid.ny - 1, Math.floor((lat + dLat - minLat) / cellDeg));
  if (!(y0 <= y1)) return 0;
  const cosP = Math.cos(lat * DEG);
  // Every test within reach has |φ| ≤ |lat| + dLat, so cos φ ≥ cosP − dLat·DEG (cos is
  // 1-Lipschitz) and sin(|Δλ|/2) ≤ sinHalf / that; asin v ≤ 1.0472·v for v ≤ 0.5. Beyond
  // that, or across ±180°, every column is read.
  const cosFar = cosP - dLat * DEG;
  const v = cosFar > 0 ? q.sinHalf / cosFar : Infinity;
  const dLon = v <= 0.5 ? (2.1 * v) / DEG + 1e-9 : 360;
  const wraps = dLon >= 180 || lon - dLon < -180 || lon + dLon > 180;
  const x0 = wraps ? 0 : Math.max(0, Math.floor((lon - dLon - minLon) / cellDeg));
  const x1 = wraps ? nx - 1 : Math.min(nx - 1, Math.floor((lon + dLon - minLon) / cellDeg));
  if (!(x0 <= x1)) return 0;
  const { cellStart, rec } = grid;
  const { sSkip, sAccept, radiusM } = q;
  let values = out.values;
  let count = 0;
  for (let cy = y0; cy <= y1; cy++) {
    // One row's cells x0..x1 are one contiguous run of records.
    const to = cellStart[cy * nx + x1 + 1]! * REC;
    for (let k = cellStart[cy * nx + x0]! * REC; k < to; k += REC) {
      const tLat = rec[k]!;
      const dy = tLat - lat;
      const x2 = dy * dy * HALF_RAD2;
      const xLow = x2 - x2 * x2 * THIRD;
      if (xLow > sSkip) continue;
      const tLon = rec[k + 1]!;
      let dx = tLon - lon;
      if (dx > 180 || dx < -180) dx -= 360 * Math.round(dx / 360);
      const y2 = dx * dx * HALF_RAD2;
      const tCos = rec[k + 2]!;
      const c = cosP * tCos;
      if (xLow + c * (y2 - y2 * y2 * THIRD) > sSkip) continue;
      if (x2 + c * y2 > sAccept && !(haversineKmCos(lon, lat, cosP, tLon, tLat, tCos) * 1000 <= radiusM)) continue;
      if (on !== undefined && on[k / REC] !== 1) continue;
      if (count === values.length) {
        const grown = new Float64Array(values.length * 2);
        grown.set(values);
        values = grown;
        out.values = values;
      }
      values[count++] = rec[k + 3]!;
    }
  }
  return count;
}

/** Points are visited by tiles of 2^TILE_SHIFT × 2^TILE_SHIFT cells, so that neighbours read the same cells while they are in cache. */
const TILE_SHIFT = 2;

/** The points in the order to visit them: `order[o]` is the point visited o-th, at (`lon[o]`, `lat[o]`). */
export interface VisitOrder {
  order: Int32Array;
  lon: Float64Array;
  lat: Float64Array;
}

/**
 * The points ordered tile by tile of the grid (a counting sort; points off the grid go to its
 * nearest edge tile), with their coordinates in that order. Over Vietnam's box (1M × 1M) the
 * search took 0.40 s in file order, 0.29 s reading the points through `order`, and 0.12 s on
 * coordinates laid out in order here (written at random once, instead of read at random).
 */
export function visitOrder(grid: TestGrid, points: PointCoordinates): VisitOrder {
  const n = points.count;
  const tx = (grid.nx >> TILE_SHIFT) + 1;
  const ty = (grid.ny >> TILE_SHIFT) + 1;
  const tileOf = new Int32Array(n);
  const start = new Int32Array(tx * ty + 1);
  for (let i = 0; i < n; i++) {
    const cx = Math.min(grid.nx - 1, Math.max(0, Math.floor((points.lon[i]! - grid.minLon) / grid.cellDeg)));
    const cy = Math.min(grid.ny - 1, Math.max(0, Math.floor((points.lat[i]! - grid.minLat) / grid.cellDeg)));
    // NaN-safe: a coordinate that is not a number lands in tile 0.
    const tile = (cy >> TILE_SHIFT) * tx + (cx >> TILE_SHIFT) || 0;
    tileOf[i] = tile;
    start[tile + 1]!++;
  }
  for (let t = 0; t < tx * ty; t++) start[t + 1]! += start[t]!;
  const out: VisitOrder = { order: new Int32Array(n), lon: new Float64Array(n), lat: new Float64Array(n) };
  for (let i = 0; i < n; i++) {
    const o = start[tileOf[i]!]!++;
    out.order[o] = i;
    out.lon[o] = points.lon[i]!;
    out.lat[o] = points.lat[i]!;
  }
  return out;
}
