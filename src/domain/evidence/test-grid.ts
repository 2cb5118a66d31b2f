// The speed tests that count, bucketed on a uniform lon/lat grid (counting sort into flat
// typed arrays, each field copied into cell order), and the search for the tests within a
// radius of a point. As in the coverage engine (coverage/classify.ts), the cheap bounds of
// coverage/distance.ts decide almost every pair without a sine or a square root; a pair
// within a hair of the radius gets the exact haversine, `haversineKmCos`, bit-identical to
// geo/haversine.ts, so that "within radius_m, inclusive" is decided exactly as the oracle
// decides it. Measured on the shared 2-core machine (±20%): 1M points × 1M tests in a 1.5°
// square (~125 tests a point), a haversine per candidate took 22 s, the bounds 9 s; over
// Vietnam's box (test/bench/evidence.ts, 0.6 tests a point) 3.5 s in file order, 0.9 s in
// tile order (`visitOrder`), against 0.7 s for one coverage pass of 1M points × 100k towers.
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

export interface TestGrid {
  minLon: number;
  minLat: number;
  cellDeg: number;
  nx: number;
  ny: number;
  /** Tests of cell c are `cellStart[c] .. cellStart[c + 1] - 1` in the arrays below. */
  cellStart: Int32Array;
  lon: Float64Array;
  lat: Float64Array;
  /** cos(lat·DEG), as haversineKmCos needs it. */
  cos: Float64Array;
  /** Download speed of each test, Mbps. */
  value: Float64Array;
}

/** `value[k]` belongs to the test at (lon[k], lat[k]); `cellKm`: about the search radius. */
export function buildTestGrid(tests: PointCoordinates, value: Float64Array, cellKm: number): TestGrid {
  const n = tests.count;
  let minLon = Infinity;
  let minLat = Infinity;
  let maxLon = -Infinity;
  let maxLat = -Infinity;
  for (let i = 0; i < n; i++) {
    const lon = tests.lon[i]!;
    const lat = tests.lat[i]!;
    if (lon < minLon) minLon = lon;
    if (lon > maxLon) maxLon = lon;
    if (lat < minLat) minLat = lat;
    if (lat > maxLat) maxLat = lat;
  }
  if (!(minLon <= maxLon)) [minLon, maxLon, minLat, maxLat] = [0, 0, 0, 0];
  const span = Math.max(maxLon - minLon, maxLat - minLat, 1e-9);
  const cellDeg = Math.max(cellKm / KM_PER_DEG, span / MAX_CELLS_PER_AXIS);
  const nx = Math.floor((maxLon - minLon) / cellDeg) + 1;
  const ny = Math.floor((maxLat - minLat) / cellDeg) + 1;
  const cellOf = new Int32Array(n);
  const cellStart = new Int32Array(nx * ny + 1);
  for (let i = 0; i < n; i++) {
    const cell = Math.floor((tests.lat[i]! - minLat) / cellDeg) * nx + Math.floor((tests.lon[i]! - minLon) / cellDeg);
    cellOf[i] = cell;
    cellStart[cell + 1]!++;
  }
  for (let c = 0; c < nx * ny; c++) cellStart[c + 1]! += cellStart[c]!;
  const fill = cellStart.slice(0, nx * ny);
  const grid: TestGrid = {
    minLon,
    minLat,
    cellDeg,
    nx,
    ny,
    cellStart,
    lon: new Float64Array(n),
    lat: new Float64Array(n),
    cos: new Float64Array(n),
    value: new Float64Array(n),
  };
  for (let i = 0; i < n; i++) {
    const at = fill[cellOf[i]!]!++;
    const lat = tests.lat[i]!;
    grid.lon[at] = tests.lon[i]!;
    grid.lat[at] = lat;
    grid.cos[at] = Math.cos(lat * DEG);
    grid.value[at] = value[i]!;
  }
  return grid;
}

/**
 * Writes into `out` the values of the tests within `radiusKm` of (lon, lat), haversine,
 * boundary included; returns how many (`out` is grown as needed: read the returned array).
 */
export function valuesWithin(grid: TestGrid, lon: number, lat: number, radiusKm: number, out: { values: Float64Array }): number {
  const sSkip = distance.skipAbove(radiusKm);
  const sAccept = distance.acceptAtOrBelow(radiusKm);
  const cosP = Math.cos(lat * DEG);
  // A generous box: the bounds and the exact haversine below decide.
  const dLat = (radiusKm / KM_PER_DEG) * 1.01 + 1e-9;
  const polar = Math.abs(lat) + dLat >= 89;
  const dLon = polar ? 360 : dLat / Math.cos((Math.abs(lat) + dLat) * DEG);
  const wraps = polar || lon - dLon < -180 || lon + dLon > 180 || dLon >= 180;
  const x0 = wraps ? 0 : Math.max(0, Math.floor((lon - dLon - grid.minLon) / grid.cellDeg));
  const x1 = wraps ? grid.nx - 1 : Math.min(grid.nx - 1, Math.floor((lon + dLon - grid.minLon) / grid.cellDeg));
  const y0 = Math.max(0, Math.floor((lat - dLat - grid.minLat) / grid.cellDeg));
  const y1 = Math.min(grid.ny - 1, Math.floor((lat + dLat - grid.minLat) / grid.cellDeg));
  if (x0 > x1 || y0 > y1) return 0;
  const { cellStart, lon: gLon, lat: gLat, cos: gCos, value } = grid;
  let values = out.values;
  let count = 0;
  for (let cy = y0; cy <= y1; cy++) {
    // One row's cells x0..x1 are one contiguous run of the arrays.
    const from = cellStart[cy * grid.nx + x0]!;
    const to = cellStart[cy * grid.nx + x1 + 1]!;
    for (let k = from; k < to; k++) {
      const tLat = gLat[k]!;
      const dy = tLat - lat;
      const x2 = dy * dy * HALF_RAD2;
      const xLow = x2 - x2 * x2 * THIRD;
      if (xLow > sSkip) continue;
      const tLon = gLon[k]!;
      let dx = tLon - lon;
      if (dx > 180 || dx < -180) dx -= 360 * Math.round(dx / 360);
      const y2 = dx * dx * HALF_RAD2;
      const c = cosP * gCos[k]!;
      if (xLow + c * (y2 - y2 * y2 * THIRD) > sSkip) continue;
      if (x2 + c * y2 > sAccept && !(haversineKmCos(lon, lat, cosP, tLon, tLat, gCos[k]!) <= radiusKm)) continue;
      if (count === values.length) {
        const grown = new Float64Array(values.length * 2);
        grown.set(values);
        values = grown;
        out.values = values;
      }
      values[count++] = value[k]!;
    }
  }
  return count;
}

/** Points are visited by tiles of 2^TILE_SHIFT × 2^TILE_SHIFT cells, so that neighbours read the same cells while they are in cache. */
const TILE_SHIFT = 2;

/**
 * The points' indexes ordered tile by tile of the grid (a counting sort; points off the grid
 * go to its nearest edge tile), the order to visit them in (see the figures at the top).
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
