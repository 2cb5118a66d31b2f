// The coverage engine's fast path (contract rules 1, 4, 5, 6): for every point its level and
// the nearest 4G/5G tower on air, with exactly the answers of brute-force.ts.
//
// Index. Two uniform grids in degrees (grid.ts), built per call with a counting sort into
// flat typed arrays: one over the 4G/5G towers, one over the 2G/3G towers. A point scans the
// 4G/5G grid's 3×3 block of cells around its own, then ring after ring (ring k = the cells k
// steps away), checking each tower for the nearest AND for coverage. It stops once a
// provable lower bound on the distance to every cell not yet scanned exceeds the nearest
// tower found, and either the point is already good or the bound also exceeds the largest
// 4G/5G radius. Only points still not good then search the 2G/3G grid, stopping at the first
// tower that covers them or once the bound exceeds the largest 2G/3G radius. "Covered" is
// tested against EACH tower's own radius, never the nearest tower's alone. A few towers with
// outsized radii (see `radiusCap`) are kept out of those bounds and checked one by one, so
// that one 50 km override cannot make every point search 50 km around it.
//
// Exactness. Per tower, the cheap bounds of distance.ts (no sine, no square root) decide
// almost everything: "surely covered", "surely not", "surely farther than the best so far".
// The exact distance, `haversineKmCos` (bit-identical to haversineKm, the oracle's), is
// computed only for the towers that may be the nearest once the scan is over (usually one),
// and for a tower whose distance is within a hair (~1e-7 relative) of its radius. Every
// distance written out, and every `≤ radius` decision not clear by a wide margin, comes from
// that exact formula; ties among equally near towers go to the lowest TowerColumns index,
// the first in input order, as in the oracle.
//
// Why this design (1M points × 100k towers over Vietnam, test/bench; CPU ms on the 2-core
// dev machine, which others share, so ±20%): cells follow the 4G/5G towers' density, about
// one per cell, so a typical point reads 9 cells and ~8 towers and takes one exact distance
// (it took 2.1 per point when every possible nearest got one at once). Points are visited
// tile by tile (4 × 4 cells; moved into that order first, answers moved back after), so
// consecutive points read the same towers while they are in cache: in input order the search
// took ~1000 ms instead of ~360, and sorting by single cells cost 76 ms instead of 47.
// Half or one tower per cell measured alike, 1.5 or more slower. For scale, the issue
// reports 4.3 s for a k-d tree (geokdbush) at 1M × 10k.
//
// Input that the contract rules out: a tower with a non-finite coordinate or a latitude
// beyond ±90° makes the whole call fall back to the plain loop (the oracle's answers there
// hinge on its loop order); such a point alone falls back for that point only.
import type { Classification, PointColumns, TowerColumns } from './columns.ts';
import * as columns from './columns.ts';
import { classifyByClass } from './classify-classes.ts';
import * as distance from './distance.ts';
import * as haversine from '../geo/haversine.ts';
import type { LonFrame, TowerGrid } from './grid.ts';
import * as grid from './grid.ts';

// Module-local copies of what the hot loops use: some loaders (tsx's CommonJS interop) turn
// every use of an imported binding into a getter call, which cost over half the time.
const DEG = distance.DEG;
const HALF_RAD2 = distance.HALF_RAD2;
const REL_MARGIN = distance.REL_MARGIN;
const haversineKmCos = distance.haversineKmCos;
const skipAbove = distance.skipAbove;
const haversineKm = haversine.haversineKm;
const { buildTowerGrid, chooseFrame, columnOf, firstRing, frameLon, ringLowerBoundS, rowOf } = grid;
const { REC, F_U, F_LAT, F_COS, F_ACCEPT, F_SKIP, F_LON, F_RADIUS, F_TOWER } = grid;
const { LEVEL_GOOD, LEVEL_NONE, LEVEL_WEAK } = columns;
const THIRD = 1 / 3;
/**
 * Points are visited by tiles of 2^TILE_SHIFT × 2^TILE_SHIFT cells of the 4G/5G grid: the
 * towers a tile's points read fit in the L1 cache, and the sort writes to far fewer places at
 * once than a sort by cell (measured at 1M × 100k: sort 47 ms instead of 76, search alike).
 */
const TILE_SHIFT = 2;
const TWO_R = 2 * haversine.EARTH_RADIUS_KM;

/** What the engine builds from the towers (and the points' longitude span) before searching. */
export interface CoverageIndex {
  frame: LonFrame;
  /** 4G/5G towers on air: searched for the nearest and for coverage. */
  broadband: TowerGrid;
  /** 2G/3G towers on air with a usable radius: searched for coverage only. */
  narrowband: TowerGrid;
  /** Radius (km) up to which the ring searches look for coverage; towers above are "wide". */
  broadbandCapKm: number;
  narrowbandCapKm: number;
  /** TowerColumns indexes of the towers with a radius above the cap, in input order. */
  broadbandWide: Int32Array;
  narrowbandWide: Int32Array;
}

/**
 * The radius up to which the ring searches look for coverage: the 95th percentile, raised to
 * the largest radius within 1.5 times it, then until at most 256 towers are above it (those
 * are checked one by one, by every point not yet covered). Radii that are NaN or negative
 * never cover and are not counted. The 1.5 is for radii that form a continuum (rule 8's
 * path-loss radii): 256 towers a little above the percentile cost each point 256 distances,
 * far more than a slightly wider search (measured at 1M × 100k: 7× the fixed pass, 1.1× with it).
 */
export function radiusCap(radii: Float64Array): number {
  // Usually a handful of distinct radii: count them rather than sort.
  const values: number[] = [];
  const counts: number[] = [];
  let n = 0;
  for (let j = 0; j < radii.length; j++) {
    const r = radii[j]!;
    if (!(r >= 0)) continue;
    n++;
    const at = values.indexOf(r);
    if (at >= 0) counts[at]!++;
    else if (values.length < 32) {
      values.push(r);
      counts.push(1);
    } else {
      // Many distinct radii (rule 8's): sort a copy (numeric; NaN last), skip what never covers.
      const all = radii.slice().sort();
      let lo = 0;
      let hi = all.length;
      while (lo < hi && !(all[lo]! >= 0)) lo++;
      while (hi > lo && !(all[hi - 1]! >= 0)) hi--;
      return radiusCapSorted(all.subarray(lo, hi));
    }
  }
  if (n === 0) return 0;
  const sorted = new Float64Array(n);
  const byValue = values.map((v, i) => [v, counts[i]!] as const).sort((a, b) => a[0] - b[0]);
  let at = 0;
  for (const [v, c] of byValue) sorted.fill(v, at, (at += c));
  return radiusCapSorted(sorted);
}

function radiusCapSorted(valid: Float64Array): number {
  const n = valid.length;
  if (n === 0) return 0;
  let cap = valid[Math.floor(0.95 * (n - 1))]!;
  const near = cap * 1.5;
  for (let j = n - 1; j >= 0; j--) {
    if (valid[j]! <= near) {
      cap = Math.max(cap, valid[j]!);
      break;
    }
  }
  if (n > 256) cap = Math.max(cap, valid[n - 257]!);
  return cap;
}

/**
 * `frame`, when given, must hold every point and tower (as `chooseFrame` over both would);
 * `broadbandBase`, a 4G/5G grid built in that frame over the same towers with other radii.
 */
export function buildCoverageIndex(points: PointColumns, towers: TowerColumns, givenFrame?: LonFrame, broadbandBase?: TowerGrid): CoverageIndex {
  const frame = givenFrame ?? chooseFrame(points.lon, towers.lon);
  let nBroadband = 0;
  for (let k = 0; k < towers.count; k++) nBroadband += towers.broadband[k] === 1 ? 1 : 0;
  const bb = new Int32Array(nBroadband);
  const nbAll = new Int32Array(towers.count - nBroadband);
  let b = 0;
  let m = 0;
  for (let k = 0; k < towers.count; k++) {
    if (towers.broadband[k] === 1) bb[b++] = k;
    else if (towers.radiusKm[k]! >= 0) nbAll[m++] = k;
  }
  const nb = nbAll.subarray(0, m);
  const radiiOf = (members: Int32Array): Float64Array => {
    const r = new Float64Array(members.length);
    for (let j = 0; j < members.length; j++) r[j] = towers.radiusKm[members[j]!]!;
    return r;
  };
  const bbCap = radiusCap(radiiOf(bb));
  const nbCap = radiusCap(radiiOf(nb));
  return {
    frame,
    broadband: broadbandBase === undefined ? buildTowerGrid(towers, bb, frame, { perCell: 1 }) : grid.withRadii(broadbandBase, towers.radiusKm),
    // Coverage only, with an exit at the first hit: cells at least half the radius wide
    // keep the search to a ring or two.
    narrowband: buildTowerGrid(towers, nb, frame, { perCell: 1, minCellKm: nbCap / 2 }),
    broadbandCapKm: bbCap,
    narrowbandCapKm: nbCap,
    broadbandWide: bb.filter((k) => towers.radiusKm[k]! > bbCap),
    narrowbandWide: nb.filter((k) => towers.radiusKm[k]! > nbCap),
  };
}

/** Plain loop over every tower: the oracle's arithmetic and order, on columns. */
function classifyPointPlainly(points: PointColumns, towers: TowerColumns, i: number, out: Classification): void {
  const lon = points.lon[i]!;
  const lat = points.lat[i]!;
  let good = points.fixedBroadband[i] === 1;
  let weak = false;
  let nearest = -1;
  let nearestKm = NaN;
  for (let k = 0; k < towers.count; k++) {
    const km = haversineKm(lon, lat, towers.lon[k]!, towers.lat[k]!);
    if (towers.broadband[k] === 1) {
      if (km <= towers.radiusKm[k]!) good = true;
      if (nearest === -1 || km < nearestKm) {
        nearest = k;
        nearestKm = km;
      }
    } else if (km <= towers.radiusKm[k]!) {
      weak = true;
    }
  }
  out.level[i] = good ? LEVEL_GOOD : weak ? LEVEL_WEAK : LEVEL_NONE;
  out.nearest4g[i] = nearest;
  out.nearest4gKm[i] = nearestKm;
}

export const isUsable = (lon: number, lat: number): boolean => Number.isFinite(lon) && lat >= -90 && lat <= 90;

/**
 * Appends to `runs` (from pair `m`) the member run of row `row`, columns c0..c1 (c1 − c0 + 1
 * ≤ nx when the grid wraps; columns are then taken round the circle, else clipped). A row's
 * cells are contiguous, so that is one run, or two round the circle. Returns the new count.
 */
function spanRuns(g: TowerGrid, row: number, c0: number, c1: number, runs: Int32Array, m: number): number {
  const nx = g.nx;
  const cs = g.cellStart;
  const base = row * nx;
  let a = c0;
  let b = c1;
  if (g.wrap) {
    if (b - a + 1 >= nx) {
      a = 0;
      b = nx - 1;
    } else {
      a = ((a % nx) + nx) % nx;
      b = ((b % nx) + nx) % nx;
      if (a > b) {
        const i0 = cs[base + a]!;
        const i1 = cs[base + nx]!;
        if (i0 < i1) {
          runs[2 * m] = i0;
          runs[2 * m + 1] = i1;
          m++;
        }
        a = 0;
      }
    }
  } else {
    if (a < 0) a = 0;
    if (b > nx - 1) b = nx - 1;
    if (a > b) return m;
  }
  const i0 = cs[base + a]!;
  const i1 = cs[base + b + 1]!;
  if (i0 < i1) {
    runs[2 * m] = i0;
    runs[2 * m + 1] = i1;
    m++;
  }
  return m;
}

/**
 * Writes into `runs` the member runs (pairs i0 < i1) of the grid cells in the block of rings
 * 0..k around cell (cx, cy), one run per row. Returns the number of pairs.
 */
export function blockRuns(g: TowerGrid, cx: number, cy: number, k: number, runs: Int32Array): number {
  const r0 = Math.max(0, cy - k);
  const r1 = Math.min(g.ny - 1, cy + k);
  let m = 0;
  for (let r = r0; r <= r1; r++) m = spanRuns(g, r, cx - k, cx + k, runs, m);
  return m;
}

/**
 * Writes into `runs` the member runs of ring k ≥ 1 around cell (cx, cy): its top and bottom
 * rows, one run each, then its two side columns, one run per cell. Returns the number of
 * pairs. In a wrapping grid no cell of the ring is given twice and none of an inner ring.
 */
export function ringRuns(g: TowerGrid, cx: number, cy: number, k: number, runs: Int32Array): number {
  const nx = g.nx;
  const ny = g.ny;
  let m = 0;
  if (cy - k >= 0 && cy - k < ny) m = spanRuns(g, cy - k, cx - k, cx + k, runs, m);
  if (cy + k >= 0 && cy + k < ny) m = spanRuns(g, cy + k, cx - k, cx + k, runs, m);
  const r0 = Math.max(0, cy - k + 1);
  const r1 = Math.min(ny - 1, cy + k - 1);
  if (r0 > r1) return m;
  let left = cx - k;
  let right = cx + k;
  if (g.wrap) {
    // Block k - 1 already held every column: the side cells were scanned.
    if (2 * k - 1 >= nx) return m;
    left = ((left % nx) + nx) % nx;
    right = ((right % nx) + nx) % nx;
  }
  const cs = g.cellStart;
  const leftIn = left >= 0 && left < nx;
  const rightIn = right >= 0 && right < nx && right !== left;
  for (let r = r0; r <= r1; r++) {
    const base = r * nx;
    if (leftIn) {
      const i0 = cs[base + left]!;
      const i1 = cs[base + left + 1]!;
      if (i0 < i1) {
        runs[2 * m] = i0;
        runs[2 * m + 1] = i1;
        m++;
      }
    }
    if (rightIn) {
      const i0 = cs[base + right]!;
      const i1 = cs[base + right + 1]!;
      if (i0 < i1) {
        runs[2 * m] = i0;
        runs[2 * m + 1] = i1;
        m++;
      }
    }
  }
  return m;
}

/** Whether one of `wide` (TowerColumns indexes) covers the point: plain loop. */
function coveredByAny(towers: TowerColumns, wide: Int32Array, lon: number, lat: number): boolean {
  for (let w = 0; w < wide.length; w++) {
    const k = wide[w]!;
    if (haversineKm(lon, lat, towers.lon[k]!, towers.lat[k]!) <= towers.radiusKm[k]!) return true;
  }
  return false;
}

/**
 * Whether a member of grid g with a radius up to the cap covers the point (lon, lat; u in the
 * frame): block then rings, with an exit at the first member that covers it.
 */
function coveredInGrid(
  g: TowerGrid,
  sCap: number,
  lon: number,
  lat: number,
  u: number,
  cosLat: number,
  runs: Int32Array,
): boolean {
  if (g.count === 0) return false;
  const rec = g.rec;
  const cx = columnOf(g, u);
  const cy = rowOf(g, lat);
  const k0 = Math.max(1, firstRing(g, cx, cy));
  // Past this ring every cell has been scanned (a guard: the bound says so first).
  const kLast = k0 + g.nx + g.ny;
  for (let k = k0; ; k++) {
    const nRuns = k === k0 ? blockRuns(g, cx, cy, k, runs) : ringRuns(g, cx, cy, k, runs);
    for (let q = 0; q < nRuns; q++) {
      const end = runs[2 * q + 1]! * REC;
      for (let o = runs[2 * q]! * REC; o < end; o += REC) {
        const tLat = rec[o + F_LAT]!;
        const tCos = rec[o + F_COS]!;
        const dy = tLat - lat;
        let dx = rec[o + F_U]! - u;
        if (dx > 180) dx -= 360;
        else if (dx < -180) dx += 360;
        const x2 = dy * dy * HALF_RAD2;
        const y2 = dx * dx * HALF_RAD2;
        const c = cosLat * tCos;
        if (x2 + c * y2 <= rec[o + F_ACCEPT]!) return true;
        const sLow = x2 - x2 * x2 * THIRD + c * (y2 - y2 * y2 * THIRD);
        if (sLow <= rec[o + F_SKIP]! && haversineKmCos(lon, lat, cosLat, rec[o + F_LON]!, tLat, tCos) <= rec[o + F_RADIUS]!) {
          return true;
        }
      }
    }
    const lb = ringLowerBoundS(g, u, lat, cosLat, cx, cy, k);
    // Stop when nothing is left outside, or nothing outside can be within the cap.
    if (!(lb < Infinity) || lb * (1 - REL_MARGIN) > sCap || k > kLast) return false;
  }
}

/**
 * An s that every s' surely (beyond rounding, distance.ts) greater than `s` exceeds: the
 * s of the distance 2R·√s plus the margins.
 */
function sCeiling(s: number): number {
  return skipAbove(TWO_R * Math.sqrt(s));
}

/** The grid search for every point of `points` (all with usable coordinates). */
function searchPoints(points: PointColumns, towers: TowerColumns, index: CoverageIndex, out: Classification): void {
  const g = index.broadband;
  const rec = g.rec;
  const base = index.frame.base;
  const sCapBroadband = skipAbove(index.broadbandCapKm);
  const sCapNarrowband = skipAbove(index.narrowbandCapKm);
  const runs = new Int32Array(4 * Math.max(g.ny, index.narrowband.ny) + 16);
  // Candidates for the nearest: record offsets and their S⁻.
  let candOffset = new Int32Array(64);
  let candLow = new Float64Array(64);
  const { level, nearest4g, nearest4gKm } = out;
  const hasBroadband = g.count > 0;
  for (let i = 0; i < points.count; i++) {
    const lon = points.lon[i]!;
    const lat = points.lat[i]!;
    const u = frameLon(lon, base);
    const cosLat = Math.cos(lat * DEG);
    let good = points.fixedBroadband[i] === 1;
    // The nearest 4G/5G is found without the exact formula wherever the bounds suffice:
    // sBest is the least S⁺ (upper bound on s) seen so far, so the nearest tower's s is at
    // most sBest; sLimit = sCeiling(sBest), and a tower whose S⁻ (lower bound) exceeds it
    // is surely farther. The others are kept as candidates; those still at or under the
    // final limit get the exact distance.
    let sBest = Infinity;
    let sLimit = Infinity;
    let nCand = 0;
    if (hasBroadband) {
      const cx = columnOf(g, u);
      const cy = rowOf(g, lat);
      const k0 = Math.max(1, firstRing(g, cx, cy));
      const kLast = k0 + g.nx + g.ny; // past it every cell has been scanned (a guard)
      for (let k = k0; ; k++) {
        const nRuns = k === k0 ? blockRuns(g, cx, cy, k, runs) : ringRuns(g, cx, cy, k, runs);
        for (let q = 0; q < nRuns; q++) {
          const end = runs[2 * q + 1]! * REC;
          for (let o = runs[2 * q]! * REC; o < end; o += REC) {
            const tLat = rec[o + F_LAT]!;
            const tCos = rec[o + F_COS]!;
            const dy = tLat - lat;
            let dx = rec[o + F_U]! - u;
            if (dx > 180) dx -= 360;
            else if (dx < -180) dx += 360;
            const x2 = dy * dy * HALF_RAD2;
            const y2 = dx * dx * HALF_RAD2;
            const c = cosLat * tCos;
            const sLow = x2 - x2 * x2 * THIRD + c * (y2 - y2 * y2 * THIRD);
            const sHigh = x2 + c * y2;
            if (sLow <= sLimit) {
              if (nCand === candOffset.length) {
                candOffset = grow(candOffset);
                candLow = growF(candLow);
              }
              candOffset[nCand] = o;
              candLow[nCand++] = sLow;
              if (sHigh < sBest) {
                sBest = sHigh;
                sLimit = sCeiling(sHigh);
              }
            }
            if (!good) {
              if (sHigh <= rec[o + F_ACCEPT]!) good = true;
              else if (
                sLow <= rec[o + F_SKIP]! &&
                haversineKmCos(lon, lat, cosLat, rec[o + F_LON]!, tLat, tCos) <= rec[o + F_RADIUS]!
              ) {
                good = true;
              }
            }
          }
        }
        const lb = ringLowerBoundS(g, u, lat, cosLat, cx, cy, k);
        if (!(lb < Infinity) || k > kLast) break; // nothing left outside
        const sureLb = lb * (1 - REL_MARGIN);
        if (sureLb > sLimit && (good || sureLb > sCapBroadband)) break;
      }
    }
    let best = NaN;
    let bestTower = -1;
    for (let q = 0; q < nCand; q++) {
      if (candLow[q]! > sLimit) continue;
      const o = candOffset[q]!;
      const km = haversineKmCos(lon, lat, cosLat, rec[o + F_LON]!, rec[o + F_LAT]!, rec[o + F_COS]!);
      const t = rec[o + F_TOWER]!;
      if (bestTower < 0 || km < best || (km === best && t < bestTower)) {
        best = km;
        bestTower = t;
      }
    }
    nearest4g[i] = bestTower;
    nearest4gKm[i] = best;
    if (good || coveredByAny(towers, index.broadbandWide, lon, lat)) level[i] = LEVEL_GOOD;
    else if (
      coveredInGrid(index.narrowband, sCapNarrowband, lon, lat, u, cosLat, runs) ||
      coveredByAny(towers, index.narrowbandWide, lon, lat)
    ) {
      level[i] = LEVEL_WEAK;
    } else level[i] = LEVEL_NONE;
  }
}

function grow(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

function growF(a: Float64Array<ArrayBuffer>): Float64Array<ArrayBuffer> {
  const b = new Float64Array(a.length * 2);
  b.set(a);
  return b;
}

/**
 * The usable points (lon, lat, fixedBroadband and their input index) sorted by the tile of
 * `g` they fall in (points outside the grid go to its edge tiles), input order within a tile:
 * a counting sort that reads the inputs in order and writes each point straight to its place.
 */
export function sortPoints(
  points: PointColumns,
  g: TowerGrid,
  shift = TILE_SHIFT,
  members?: Int32Array,
): { sorted: PointColumns; order: Int32Array } {
  // `members`: the input indexes to take (ascending), all points when undefined.
  const n = members === undefined ? points.count : members.length;
  const nx = g.nx;
  const ny = g.ny;
  const tilesX = ((nx - 1) >> shift) + 1;
  const cells = tilesX * (((ny - 1) >> shift) + 1);
  const base = g.frame.base;
  const { lon, lat, fixedBroadband } = points;
  const cellOf = new Int32Array(n);
  const start = new Int32Array(cells + 1);
  let m = 0;
  for (let q = 0; q < n; q++) {
    const i = members === undefined ? q : members[q]!;
    const x = lon[i]!;
    const y = lat[i]!;
    if (!isUsable(x, y)) {
      cellOf[q] = -1;
      continue;
    }
    let cx = columnOf(g, frameLon(x, base));
    let cy = rowOf(g, y);
    cx = cx < 0 ? 0 : cx >= nx ? nx - 1 : cx;
    cy = cy < 0 ? 0 : cy >= ny ? ny - 1 : cy;
    const c = (cy >> shift) * tilesX + (cx >> shift);
    cellOf[q] = c;
    start[c + 1]!++;
    m++;
  }
  for (let c = 0; c < cells; c++) start[c + 1]! += start[c]!;
  const sorted: PointColumns = { count: m, lon: new Float64Array(m), lat: new Float64Array(m), fixedBroadband: new Uint8Array(m) };
  const order = new Int32Array(m);
  const sLon = sorted.lon;
  const sLat = sorted.lat;
  const sFixed = sorted.fixedBroadband;
  for (let q = 0; q < n; q++) {
    const c = cellOf[q]!;
    if (c < 0) continue;
    const i = members === undefined ? q : members[q]!;
    const at = start[c]!++;
    sLon[at] = lon[i]!;
    sLat[at] = lat[i]!;
    sFixed[at] = fixedBroadband[i]!;
    order[at] = i;
  }
  return { sorted, order };
}

/**
 * Level (LEVEL_NONE / LEVEL_WEAK / LEVEL_GOOD), nearest 4G/5G tower on air (index into
 * `towers`, -1 when there is none) and its haversine distance in km (NaN when none) for
 * every point: the contract's coverage rules 1 and 4-6, exactly as brute-force.ts answers
 * them. Reads its inputs only. Towers with `classRadiusKm` (contract rule 8) are matched
 * against the radius of each point's clutter class (classify-classes.ts).
 */
export function classify(points: PointColumns, towers: TowerColumns): Classification {
  if (towers.classRadiusKm !== undefined) return classifyByClass(points, towers, classifyUniform);
  return classifyUniform(points, towers);
}

/** How classify-classes.ts runs the uniform engine once per clutter class. */
export interface UniformOptions {
  /** Answers go here (else to new arrays). */
  out?: Classification;
  /** Only these points (ascending input indexes) are answered; all when undefined. */
  members?: Int32Array;
  /** Must hold every point and tower, as `chooseFrame` over both would. */
  frame?: LonFrame;
  /**
   * In and out: the 4G/5G grid of an earlier call over the same towers (in `frame`), reused
   * with this call's radii; set to this call's grid.
   */
  broadband?: TowerGrid;
}

/** The uniform engine (one radius per tower). */
export function classifyUniform(points: PointColumns, towers: TowerColumns, options: UniformOptions = {}): Classification {
  const n = points.count;
  const { members, frame } = options;
  const out: Classification = options.out ?? {
    level: new Uint8Array(n),
    nearest4g: new Int32Array(n).fill(-1),
    nearest4gKm: new Float64Array(n).fill(NaN),
  };
  if (n === 0) return out;
  const count = members === undefined ? n : members.length;
  const at = (q: number): number => (members === undefined ? q : members[q]!);
  for (let k = 0; k < towers.count; k++) {
    if (!isUsable(towers.lon[k]!, towers.lat[k]!)) {
      for (let q = 0; q < count; q++) classifyPointPlainly(points, towers, at(q), out);
      return out;
    }
  }
  const index = buildCoverageIndex(points, towers, frame, frame === undefined ? undefined : options.broadband);
  options.broadband = index.broadband;
  // Points are searched tile by tile of the 4G/5G grid (TILE_SHIFT), so that consecutive
  // points read the same towers while they are in cache. They are moved into that order first and
  // the answers moved back after, each a tight loop of independent writes, rather than
  // reading and writing at random inside the search.
  const { sorted, order } = sortPoints(points, index.broadband, TILE_SHIFT, members);
  const m = sorted.count;
  if (m < count) {
    for (let q = 0; q < count; q++) if (!isUsable(points.lon[at(q)]!, points.lat[at(q)]!)) classifyPointPlainly(points, towers, at(q), out);
  }
  const answers: Classification = { level: new Uint8Array(m), nearest4g: new Int32Array(m), nearest4gKm: new Float64Array(m) };
  searchPoints(sorted, towers, index, answers);
  for (let o = 0; o < m; o++) {
    const i = order[o]!;
    out.level[i] = answers.level[o]!;
    out.nearest4g[i] = answers.nearest4g[o]!;
    out.nearest4gKm[i] = answers.nearest4gKm[o]!;
  }
  return out;
}
