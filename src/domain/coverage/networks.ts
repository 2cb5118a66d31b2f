// The levels of every network at once: all operators together ("any") and each operator alone
// (contract rule 9 for every NAME), in one search per point.
//
// Per point, the 4G/5G grid is scanned ring by ring as in classify.ts, but instead of one
// "good" flag the search keeps a bit per operator that some tower of that operator covers the
// point; it stops when every operator's bit is set, or when no cell left can hold a tower
// within the radius cap. The operators still not good then search the 2G/3G grid the same
// way for "weak". "Any" is good when some operator is, else weak when some operator is: a
// tower covers a point whatever network it is counted in. The coverage test per tower is the
// uniform engine's (same bounds, same exact distance at the edge), so each operator's level is
// exactly classify's with only that operator's towers (tested against it).
import { classify, blockRuns, buildCoverageIndex, isUsable, ringRuns, sortPoints } from './classify.ts';
import { forEachClass } from './classify-classes.ts';
import { LEVEL_GOOD, LEVEL_NONE, LEVEL_WEAK, type PointColumns, type TowerColumns } from './columns.ts';
import * as distance from './distance.ts';
import * as grid from './grid.ts';
import { haversineKm } from '../geo/haversine.ts';

const { DEG, HALF_RAD2, REL_MARGIN, haversineKmCos, skipAbove } = distance;
const { REC, F_U, F_LAT, F_COS, F_ACCEPT, F_SKIP, F_LON, F_RADIUS, columnOf, firstRing, frameLon, ringLowerBoundS, rowOf } = grid;
const THIRD = 1 / 3;
/** Operators tracked as bits of one int32 (beyond, one uniform pass per operator). */
const MAX_MASK_OPERATORS = 30;

/**
 * Levels of `networks = operatorCount + 1` networks for every point: network 0 is every
 * tower, network j + 1 only the towers whose `operatorOf[k]` (per TowerColumns index) is j.
 * Point i's level in network w is at `w · points.count + i` (LEVEL_NONE / WEAK / GOOD). A
 * school with fixed broadband is good in every network. Towers with `classRadiusKm` are read
 * per the point's clutter class, as `classify` does.
 */
export function classifyNetworks(points: PointColumns, towers: TowerColumns, operatorOf: Int32Array, operatorCount: number): Uint8Array {
  const n = points.count;
  const out = new Uint8Array((operatorCount + 1) * n);
  if (n === 0) return out;
  if (operatorCount > MAX_MASK_OPERATORS) return networksOneByOne(points, towers, operatorOf, operatorCount);
  const write = (subset: PointColumns, view: TowerColumns, members: Int32Array | undefined): void => {
    const { good, weak } = masks(subset, view, operatorOf, operatorCount);
    for (let q = 0; q < subset.count; q++) {
      const i = members === undefined ? q : (members[q] as number);
      const g = good[q] as number;
      const w = weak[q] as number;
      out[i] = g !== 0 ? LEVEL_GOOD : w !== 0 ? LEVEL_WEAK : LEVEL_NONE;
      for (let j = 0; j < operatorCount; j++) {
        const bit = 1 << j;
        out[(j + 1) * n + i] = (g & bit) !== 0 ? LEVEL_GOOD : (w & bit) !== 0 ? LEVEL_WEAK : LEVEL_NONE;
      }
    }
  };
  if (towers.classRadiusKm !== undefined) forEachClass(points, towers, write);
  else write(points, towers, undefined);
  return out;
}

/** The plain way, for data with very many operators: `classify` once per operator. */
function networksOneByOne(points: PointColumns, towers: TowerColumns, operatorOf: Int32Array, operatorCount: number): Uint8Array {
  const n = points.count;
  const out = new Uint8Array((operatorCount + 1) * n);
  out.set(classify(points, towers).level, 0);
  for (let j = 0; j < operatorCount; j++) {
    const keep: number[] = [];
    for (let k = 0; k < towers.count; k++) if (operatorOf[k] === j) keep.push(k);
    out.set(classify(points, selectTowers(towers, keep)).level, (j + 1) * n);
  }
  return out;
}

/** The towers `keep` (TowerColumns indexes, ascending) as TowerColumns of their own. */
export function selectTowers(towers: TowerColumns, keep: readonly number[]): TowerColumns {
  const m = keep.length;
  const out: TowerColumns = {
    count: m,
    lon: new Float64Array(m),
    lat: new Float64Array(m),
    radiusKm: new Float64Array(m),
    broadband: new Uint8Array(m),
    towerIndex: new Int32Array(m),
  };
  const classes = towers.classRadiusKm;
  const classRadiusKm = classes === undefined ? undefined : new Float64Array(m * 4);
  keep.forEach((k, j) => {
    out.lon[j] = towers.lon[k] as number;
    out.lat[j] = towers.lat[k] as number;
    out.radiusKm[j] = towers.radiusKm[k] as number;
    out.broadband[j] = towers.broadband[k] as number;
    out.towerIndex[j] = towers.towerIndex[k] as number;
    if (classRadiusKm && classes) classRadiusKm.set(classes.subarray(k * 4, k * 4 + 4), j * 4);
  });
  if (classRadiusKm) out.classRadiusKm = classRadiusKm;
  return out;
}

/** Per point, the operators (bits) whose 4G/5G covers it, and whose 2G/3G does when their 4G/5G does not. */
function masks(points: PointColumns, towers: TowerColumns, operatorOf: Int32Array, operatorCount: number): { good: Int32Array; weak: Int32Array } {
  const n = points.count;
  const full = operatorCount === 0 ? 0 : (2 ** operatorCount - 1) | 0;
  const good = new Int32Array(n);
  const weak = new Int32Array(n);
  const bitOf = new Int32Array(towers.count);
  for (let k = 0; k < towers.count; k++) bitOf[k] = 1 << (operatorOf[k] as number);
  let allUsable = true;
  for (let k = 0; k < towers.count && allUsable; k++) allUsable = isUsable(towers.lon[k] as number, towers.lat[k] as number);
  const plain = (i: number): void => {
    const lon = points.lon[i] as number;
    const lat = points.lat[i] as number;
    let g = 0;
    let w = 0;
    for (let k = 0; k < towers.count; k++) {
      if (haversineKm(lon, lat, towers.lon[k] as number, towers.lat[k] as number) <= (towers.radiusKm[k] as number)) {
        if (towers.broadband[k] === 1) g |= bitOf[k] as number;
        else w |= bitOf[k] as number;
      }
    }
    good[i] = points.fixedBroadband[i] === 1 ? full | 1 : g;
    weak[i] = w & ~g;
  };
  if (!allUsable || full === 0) {
    for (let i = 0; i < n; i++) plain(i);
    return { good, weak };
  }
  const index = buildCoverageIndex(points, towers);
  const { sorted, order } = sortPoints(points, index.broadband);
  if (sorted.count < n) for (let i = 0; i < n; i++) if (!isUsable(points.lon[i] as number, points.lat[i] as number)) plain(i);
  const bb = gridSearch(index.broadband, towers, bitOf, index.broadbandWide, skipAbove(index.broadbandCapKm), index.frame.base);
  const nb = gridSearch(index.narrowband, towers, bitOf, index.narrowbandWide, skipAbove(index.narrowbandCapKm), index.frame.base);
  const runs = new Int32Array(4 * Math.max(index.broadband.ny, index.narrowband.ny) + 16);
  for (let o = 0; o < sorted.count; o++) {
    const i = order[o] as number;
    const lon = sorted.lon[o] as number;
    const lat = sorted.lat[o] as number;
    // A fixed line is good in every network; bit 0 keeps "any" good when there is no operator bit to spare.
    const g = sorted.fixedBroadband[o] === 1 ? full | 1 : bb(lon, lat, full, runs);
    good[i] = g;
    const rest = full & ~g;
    weak[i] = rest === 0 ? 0 : nb(lon, lat, rest, runs);
  }
  return { good, weak };
}

/**
 * A search over grid g for the operators in `need` (bits) with a tower covering the point:
 * block then rings, stopping once all of `need` is found or no cell left can be within the
 * cap; then the wide towers (above the cap) one by one.
 */
function gridSearch(g: grid.TowerGrid, towers: TowerColumns, bitOf: Int32Array, wide: Int32Array, sCap: number, base: number) {
  const rec = g.rec;
  const memberBit = new Int32Array(g.count);
  for (let j = 0; j < g.count; j++) memberBit[j] = bitOf[g.tower[j] as number] as number;
  return (lon: number, lat: number, need: number, runs: Int32Array): number => {
    let got = 0;
    const u = frameLon(lon, base);
    const cosLat = Math.cos(lat * DEG);
    if (g.count > 0) {
      const cx = columnOf(g, u);
      const cy = rowOf(g, lat);
      const k0 = Math.max(1, firstRing(g, cx, cy));
      const kLast = k0 + g.nx + g.ny;
      search: for (let k = k0; ; k++) {
        const nRuns = k === k0 ? blockRuns(g, cx, cy, k, runs) : ringRuns(g, cx, cy, k, runs);
        for (let q = 0; q < nRuns; q++) {
          const end = runs[2 * q + 1]! * REC;
          for (let o = runs[2 * q]! * REC; o < end; o += REC) {
            const bit = memberBit[o / REC] as number;
            if ((need & ~got & bit) === 0) continue;
            const tLat = rec[o + F_LAT]!;
            const tCos = rec[o + F_COS]!;
            const dy = tLat - lat;
            let dx = rec[o + F_U]! - u;
            if (dx > 180) dx -= 360;
            else if (dx < -180) dx += 360;
            const x2 = dy * dy * HALF_RAD2;
            const y2 = dx * dx * HALF_RAD2;
            const c = cosLat * tCos;
            let covered = x2 + c * y2 <= rec[o + F_ACCEPT]!;
            if (!covered) {
              const sLow = x2 - x2 * x2 * THIRD + c * (y2 - y2 * y2 * THIRD);
              covered = sLow <= rec[o + F_SKIP]! && haversineKmCos(lon, lat, cosLat, rec[o + F_LON]!, tLat, tCos) <= rec[o + F_RADIUS]!;
            }
            if (covered) {
              got |= bit;
              if ((need & ~got) === 0) break search;
            }
          }
        }
        const lb = ringLowerBoundS(g, u, lat, cosLat, cx, cy, k);
        if (!(lb < Infinity) || lb * (1 - REL_MARGIN) > sCap || k > kLast) break;
      }
    }
    for (let w = 0; w < wide.length && (need & ~got) !== 0; w++) {
      const k = wide[w] as number;
      const bit = bitOf[k] as number;
      if ((need & ~got & bit) === 0) continue;
      if (haversineKm(lon, lat, towers.lon[k] as number, towers.lat[k] as number) <= (towers.radiusKm[k] as number)) got |= bit;
    }
    return got & need;
  };
}
