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
// misses, more than the whole search. Sorting twice, by grid row and then by column within
// each row, keeps every write sequential or within one row (a few KB), and one interleaved
// record per test is one cache line: ~60 ms when the machine is quiet. A point's search then
// reads its rows' runs of records in order.
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
}

/** What the grid reads of the tests (TestColumns has it). */
export interface TestSource {
  lon: Float64Array;
  lat: Float64Array;
  downloadMbps: Float64Array;
}

/**
 * The tests `selected` (indexes into `tests`) on a grid of cells about `cellKm` wide. A test
 * with a coordinate that is not a finite number is left out: no distance to it is ≤ a radius.
 */
export function buildTestGrid(tests: TestSource, selected: Int32Array, cellKm: number): TestGrid {
  const { lon, lat, downloadMbps } = tests;
  const m = selected.length;
  let minLon = Infinity;
  let minLat = Infinity;
  let maxLon = -Infinity;
  let maxLat = -Infinity;
  for (let k = 0; k < m; k++) {
    const t = selected[k]!;
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

  // 1. Tests per row.
  const rowStart = new Int32Array(ny + 1);
  for (let k = 0; k < m; k++) {
    const t = selected[k]!;
    const x = lon[t]!;
    const y = lat[t]!;
    if (Number.isFinite(x) && Number.isFinite(y)) rowStart[Math.floor((y - minLat) / cellDeg) + 1]!++;
  }
  for (let r = 0; r < ny; r++) rowStart[r + 1]! += rowStart[r]!;
  const n = rowStart[ny]!;

  // 2. Into row order (ny sequential streams), straight into `rec`: latitude, longitude,
  // column (for step 3; the cosine's slot), download.
  const rec = new Float64Array(n * REC);
  const rowFill = rowStart.slice(0, ny);
  let widest = 0;
  for (let r = 0; r < ny; r++) widest = Math.max(widest, rowStart[r + 1]! - rowStart[r]!);
  for (let k = 0; k < m; k++) {
    const t = selected[k]!;
    const x = lon[t]!;
    const y = lat[t]!;
    if (!(Number.isFinite(x) && Number.isFinite(y))) continue;
    const o = rowFill[Math.floor((y - minLat) / cellDeg)]!++ * REC;
    rec[o] = y;
    rec[o + 1] = x;
    rec[o + 2] = Math.floor((x - minLon) / cellDeg);
    rec[o + 3] = downloadMbps[t]!;
  }

  // 3. Row by row into cell order, through a copy of the row: every access stays within it.
  const cellStart = new Int32Array(nx * ny + 1);
  const row = new Float64Array(widest * REC);
  const colFill = new Int32Array(nx);
  for (let r = 0; r < ny; r++) {
    const from = rowStart[r]!;
    const to = rowStart[r + 1]!;
    const first = r * nx;
    if (from === to) {
      cellStart.fill(from, first, first + nx);
      continue;
    }
    row.set(rec.subarray(from * REC, to * REC));
    const size = to - from;
    colFill.fill(0);
    for (let j = 0; j < size; j++) colFill[row[j * REC + 2]!]!++;
    let at = from;
    for (let c = 0; c < nx; c++) {
      const count = colFill[c]!;
      cellStart[first + c] = at;
      colFill[c] = at;
      at += count;
    }
    for (let j = 0; j < size; j++) {
      const i = j * REC;
      const y = row[i]!;
      const o = colFill[row[i + 2]!]!++ * REC;
      rec[o] = y;
      rec[o + 1] = row[i + 1]!;
      rec[o + 2] = Math.cos(y * DEG);
      rec[o + 3] = row[i + 3]!;
    }
  }
  cellStart[nx * ny] = n;
  return { minLon, minLat, cellDeg, nx, ny, cellStart, rec };
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
 * haversine, boundary included; returns how many (`out.values` is grown as needed).
 */
export function valuesWithin(grid: TestGrid, lon: number, lat: number, q: TestQuery, out: { values: Float64Array }): number {
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

/**
 * The points' indexes ordered tile by tile of the grid (a counting sort; points off the grid
 * go to its nearest edge tile), the order to visit them in: in file order the search over
 * Vietnam's box took 3.5 s instead of 0.9 (before the two-pass build).
 */
export function visitOrder(grid: TestGrid, points: PointCoordinates): Int32Array {
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
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[start[tileOf[i]!]!++] = i;
  return order;
}
