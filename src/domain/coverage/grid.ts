// A uniform grid over towers in degrees, for the coverage engine (classify.ts).
//
// Built with a counting sort into flat typed arrays: `cellStart[c] .. cellStart[c + 1]` are
// the members of cell c (row-major, c = row·nx + col), and every per-tower field the search
// reads is copied into cell order, so a row of cells is one contiguous run of memory.
//
// Longitude frame. Longitudes are first put into one 360° representation, "u": [-180, 180)
// or [0, 360). When every tower and point fits in a 180° span of one of them, the grid
// covers the towers' span only and never wraps: every difference of u is then the wrapped
// longitude difference. Otherwise (data spread round the globe) the grid's columns cover the
// whole circle, wrap round, and differences are wrapped into [-180, 180]. Latitude never
// wraps: rows cover the towers' latitudes and the searches handle the poles with bounds that
// stay valid there (see `ringLowerBoundKm`).
import type { TowerColumns } from './columns.ts';
import * as haversine from '../geo/haversine.ts';
import * as distance from './distance.ts';

// Module-local copies (see classify.ts: some loaders make each imported use a getter call).
const EARTH_RADIUS_KM = haversine.EARTH_RADIUS_KM;
const { DEG, acceptAtOrBelow, skipAbove } = distance;

export const KM_PER_DEG = EARTH_RADIUS_KM * DEG;

export interface LonFrame {
  /** Start of the 360° representation: -180 or 0. */
  base: number;
  /** Columns cover the whole circle and wrap. */
  wrap: boolean;
}

/** `lon` in [base, base + 360); unchanged (bit for bit) when it is already there. */
export function frameLon(lon: number, base: number): number {
  if (lon >= base && lon < base + 360) return lon;
  return lon - 360 * Math.floor((lon - base) / 360);
}

/**
 * The frame for a set of longitudes (non-finite ones ignored): the representation in which
 * they span at most 180°, if any, else a wrapping frame.
 */
export function chooseFrame(...lonArrays: readonly Float64Array[]): LonFrame {
  // Fast path, the usual case: every longitude already in [-180, 180) within 180°.
  let min = Infinity;
  let max = -Infinity;
  let plain = true;
  for (const lons of lonArrays) {
    for (let i = 0; i < lons.length; i++) {
      const lon = lons[i]!;
      if (lon < min) min = lon;
      if (lon > max) max = lon;
      if (!(lon >= -180 && lon < 180)) plain = false; // also NaN
    }
  }
  if (plain && !(max - min > 180)) return { base: -180, wrap: false };
  let minS = Infinity;
  let maxS = -Infinity;
  let minU = Infinity;
  let maxU = -Infinity;
  for (const lons of lonArrays) {
    for (let i = 0; i < lons.length; i++) {
      const lon = lons[i]!;
      if (!Number.isFinite(lon)) continue;
      const s = frameLon(lon, -180);
      const u = frameLon(lon, 0);
      if (s < minS) minS = s;
      if (s > maxS) maxS = s;
      if (u < minU) minU = u;
      if (u > maxU) maxU = u;
    }
  }
  if (!(maxS - minS > 180)) return { base: -180, wrap: false };
  if (maxU - minU <= 180) return { base: 0, wrap: false };
  return { base: -180, wrap: true };
}

export interface TowerGrid {
  readonly frame: LonFrame;
  /** `frame.wrap`, at hand. */
  readonly wrap: boolean;
  /** Origin (south-west corner of cell 0) and cell size, degrees: u and latitude. */
  readonly x0: number;
  readonly y0: number;
  readonly cellLon: number;
  readonly cellLat: number;
  readonly nx: number;
  readonly ny: number;
  /** nx·ny + 1 offsets into the member arrays. */
  readonly cellStart: Int32Array;
  /** Per row: the least cos(latitude) over the row's latitudes (≥ 0). */
  readonly rowCosMin: Float64Array;
  /** Number of members. */
  readonly count: number;
  /** Index into the TowerColumns of each member, in cell order. */
  readonly tower: Int32Array;
  /**
   * The members' fields, in cell order, interleaved: member j's are `rec[j·REC + F]` for the
   * field offsets F below. One record is 64 bytes, so a cell's towers are a few cache lines
   * rather than one line per field.
   */
  readonly rec: Float64Array;
}

/** Doubles per member record, and the field offsets in it. */
export const REC = 8;
/** Longitude in the frame (u), degrees. */
export const F_U = 0;
export const F_LAT = 1;
/** cos(lat · DEG), exactly as the oracle's haversine computes it. */
export const F_COS = 2;
/** Coverage thresholds on the haversine term (distance.ts): accept at or below, skip above. */
export const F_ACCEPT = 3;
export const F_SKIP = 4;
/** Longitude as given (the exact distance uses it, not u). */
export const F_LON = 5;
export const F_RADIUS = 6;
/** Index into the TowerColumns, as a double. */
export const F_TOWER = 7;

export interface GridOptions {
  /** Average members per cell over the bounding box; default 1. */
  perCell?: number;
  /** Smallest cell side, km; default 0. */
  minCellKm?: number;
}

const MIN_CELL_DEG = 1e-7;

/**
 * A grid over `members` (indexes into `towers`, kept in that order within each cell). The
 * cell is sized for about `perCell` members per cell over the members' bounding box, and is
 * square in km at the box's middle latitude.
 */
export function buildTowerGrid(
  towers: TowerColumns,
  members: Int32Array,
  frame: LonFrame,
  options: GridOptions = {},
): TowerGrid {
  const n = members.length;
  const perCell = options.perCell ?? 1;
  const minCellKm = options.minCellKm ?? 0;
  let minU = Infinity;
  let maxU = -Infinity;
  let minLat = Infinity;
  let maxLat = -Infinity;
  const u = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const t = members[k]!;
    const uu = frameLon(towers.lon[t]!, frame.base);
    const lat = towers.lat[t]!;
    u[k] = uu;
    if (uu < minU) minU = uu;
    if (uu > maxU) maxU = uu;
    if (lat < minLat) minLat = lat;
    if (lat > maxLat) maxLat = lat;
  }
  if (n === 0) {
    minU = maxU = frame.base;
    minLat = maxLat = 0;
  }
  const midLat = (minLat + maxLat) / 2;
  const cosMid = Math.max(0.02, Math.cos(midLat * DEG));
  const widthDeg = frame.wrap ? 360 : maxU - minU;
  const heightDeg = maxLat - minLat;
  // Cell side in km from the towers' density over the part of the box they occupy (the
  // share of a 32 × 32 coarse grid's cells that hold a tower: one stray tower far away must
  // not make every cell huge). The area of a degenerate box (one row or one column of
  // towers) is taken as its length times one cell.
  const widthKm = widthDeg * KM_PER_DEG * cosMid;
  const heightKm = heightDeg * KM_PER_DEG;
  let cellKm: number;
  if (widthKm > 0 && heightKm > 0) {
    const COARSE = 32;
    const seen = new Uint8Array(COARSE * COARSE);
    let occupied = 0;
    const x0c = frame.wrap ? frame.base : minU;
    for (let k = 0; k < n; k++) {
      const cx = Math.min(COARSE - 1, Math.floor(((u[k]! - x0c) / widthDeg) * COARSE));
      const cy = Math.min(COARSE - 1, Math.floor(((towers.lat[members[k]!]! - minLat) / heightDeg) * COARSE));
      const c = Math.max(0, cy) * COARSE + Math.max(0, cx);
      if (seen[c] === 0) {
        seen[c] = 1;
        occupied++;
      }
    }
    const area = (widthKm * heightKm * occupied) / (COARSE * COARSE);
    cellKm = Math.sqrt((area * perCell) / Math.max(1, n));
  } else {
    cellKm = (Math.max(widthKm, heightKm) * perCell) / Math.max(1, n);
  }
  cellKm = Math.max(cellKm, minCellKm);
  let cellLat = Math.max(MIN_CELL_DEG, cellKm / KM_PER_DEG);
  let cellLon = Math.max(MIN_CELL_DEG, cellLat / cosMid);
  // Never more than 8n + 64 cells (4 bytes each), whatever the shape of the box.
  const maxCells = 8 * n + 64;
  let nx = 1;
  let ny = 1;
  for (;;) {
    nx = frame.wrap ? Math.max(1, Math.floor(360 / cellLon)) : Math.floor(widthDeg / cellLon) + 1;
    ny = Math.floor(heightDeg / cellLat) + 1;
    if (nx * ny <= maxCells) break;
    cellLat *= 1.25;
    cellLon *= 1.25;
  }
  const x0 = frame.wrap ? frame.base : minU;
  const y0 = minLat;
  if (frame.wrap) cellLon = 360 / nx;

  const cellOf = new Int32Array(n);
  const cellStart = new Int32Array(nx * ny + 1);
  for (let k = 0; k < n; k++) {
    let cx = Math.floor((u[k]! - x0) / cellLon);
    let cy = Math.floor((towers.lat[members[k]!]! - y0) / cellLat);
    cx = cx < 0 ? 0 : cx >= nx ? nx - 1 : cx;
    cy = cy < 0 ? 0 : cy >= ny ? ny - 1 : cy;
    const c = cy * nx + cx;
    cellOf[k] = c;
    cellStart[c + 1]!++;
  }
  for (let c = 0; c < nx * ny; c++) cellStart[c + 1]! += cellStart[c]!;
  const fill = cellStart.slice(0, nx * ny);
  const grid = {
    frame,
    wrap: frame.wrap,
    x0,
    y0,
    cellLon,
    cellLat,
    nx,
    ny,
    cellStart,
    rowCosMin: new Float64Array(ny),
    count: n,
    tower: new Int32Array(n),
    rec: new Float64Array(n * REC),
  };
  const rec = grid.rec;
  for (let k = 0; k < n; k++) {
    const at = fill[cellOf[k]!]!++;
    const t = members[k]!;
    const lat = towers.lat[t]!;
    const r = towers.radiusKm[t]!;
    const o = at * REC;
    grid.tower[at] = t;
    rec[o + F_U] = u[k]!;
    rec[o + F_LAT] = lat;
    rec[o + F_COS] = Math.cos(lat * DEG);
    rec[o + F_ACCEPT] = acceptAtOrBelow(r);
    rec[o + F_SKIP] = skipAbove(r);
    rec[o + F_LON] = towers.lon[t]!;
    rec[o + F_RADIUS] = r;
    rec[o + F_TOWER] = t;
  }
  for (let r = 0; r < ny; r++) {
    const lo = Math.max(-90, Math.min(90, y0 + r * cellLat));
    const hi = Math.max(-90, Math.min(90, y0 + (r + 1) * cellLat));
    grid.rowCosMin[r] = Math.max(0, Math.min(Math.cos(lo * DEG), Math.cos(hi * DEG)));
  }
  return grid;
}

/**
 * The same grid (same members, cells and order) with each member's radius taken from
 * `radiusKm` (indexed like the TowerColumns it was built from): what `buildTowerGrid` would
 * give for those radii, since the cells depend on positions only (with `minCellKm` 0).
 */
export function withRadii(grid: TowerGrid, radiusKm: Float64Array): TowerGrid {
  const rec = grid.rec.slice();
  for (let j = 0; j < grid.count; j++) {
    const r = radiusKm[grid.tower[j]!]!;
    const o = j * REC;
    rec[o + F_ACCEPT] = acceptAtOrBelow(r);
    rec[o + F_SKIP] = skipAbove(r);
    rec[o + F_RADIUS] = r;
  }
  return { ...grid, rec };
}

/** Column of u in the grid (may be outside [0, nx) in a frame that does not wrap). */
export function columnOf(grid: TowerGrid, u: number): number {
  const cx = Math.floor((u - grid.x0) / grid.cellLon);
  if (!grid.wrap) return cx;
  return cx < 0 ? 0 : cx >= grid.nx ? grid.nx - 1 : cx;
}

/** Row of a latitude (may be outside [0, ny)). */
export function rowOf(grid: TowerGrid, lat: number): number {
  return Math.floor((lat - grid.y0) / grid.cellLat);
}

/** The first ring that holds any cell of the grid, for a point in cell (cx, cy). */
export function firstRing(grid: TowerGrid, cx: number, cy: number): number {
  let k = Math.max(0, -cy, cy - (grid.ny - 1));
  if (!grid.wrap) k = Math.max(k, -cx, cx - (grid.nx - 1));
  return k;
}

/**
 * A lower bound on the haversine term s (distance.ts: s = sin²(Δφ/2) + cosφ₁cosφ₂·sin²(Δλ/2),
 * d = 2R·asin(√s)) from the point (u, lat), lying in cell (cx, cy), to every member in a grid
 * cell outside the block of rings 0..k (the cells (col, row) with |col − cx| ≤ k and
 * |row − cy| ≤ k, columns taken round the circle in a wrapping grid). Infinity when no cell is
 * left outside. `cosLat` is cos(lat°). The caller adds the rounding margin.
 *
 * Cells beyond the block's rows are at least the latitude gap g away: s ≥ sin²(g/2) ≥
 * x²(1 − x²/3) with x = g/2 ≤ π/2. Cells in the block's rows but beyond its columns are at
 * least a longitude gap h ≤ 180° away, at latitudes whose cosine is at least the least
 * `rowCosMin` of those rows (cos is unimodal, so that is at one of the end rows): s ≥
 * cosφ·c_min·sin²(h/2) ≥ cosφ·c_min·y²(1 − y²/3) with y = h/2. No square root, no sine.
 */
export function ringLowerBoundS(grid: TowerGrid, u: number, lat: number, cosLat: number, cx: number, cy: number, k: number): number {
  const nx = grid.nx;
  const ny = grid.ny;
  const rowHi = cy + k;
  const rowLo = cy - k;
  let gapLat = Infinity;
  if (rowHi + 1 <= ny - 1) gapLat = grid.y0 + (rowHi + 1) * grid.cellLat - lat;
  if (rowLo - 1 >= 0) {
    const below = lat - (grid.y0 + rowLo * grid.cellLat);
    if (below < gapLat) gapLat = below;
  }
  let lb = Infinity;
  if (gapLat !== Infinity) {
    const x = (gapLat > 0 ? (gapLat < 180 ? gapLat : 180) : 0) * (DEG / 2);
    const x2 = x * x;
    lb = x2 - x2 * x2 * (1 / 3);
  }
  const r0 = rowLo < 0 ? 0 : rowLo;
  const r1 = rowHi > ny - 1 ? ny - 1 : rowHi;
  if (r0 <= r1) {
    let gapLon = Infinity;
    const right = grid.x0 + (cx + k + 1) * grid.cellLon - u;
    const left = u - (grid.x0 + (cx - k) * grid.cellLon);
    if (grid.wrap) {
      if (2 * k + 1 < nx) gapLon = left < right ? left : right;
    } else {
      if (cx + k + 1 <= nx - 1) gapLon = right;
      if (cx - k - 1 >= 0 && left < gapLon) gapLon = left;
    }
    if (gapLon !== Infinity) {
      const c0 = grid.rowCosMin[r0]!;
      const c1 = grid.rowCosMin[r1]!;
      const y = (gapLon > 0 ? (gapLon < 180 ? gapLon : 180) : 0) * (DEG / 2);
      const y2 = y * y;
      const lon = cosLat * (c0 < c1 ? c0 : c1) * (y2 - y2 * y2 * (1 / 3));
      if (lon < lb) lb = lon;
    }
  }
  return lb;
}
