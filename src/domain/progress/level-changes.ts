// Every point's coverage level through time, from the tower states that reach it: a level
// before any dated change, then the days on which it changes. A point is reached by a few
// states, so this costs one pass over (state, nearby point) pairs, not one classification
// per day.
import type { PointColumns } from '../coverage/columns.ts';
import { LEVEL_GOOD, LEVEL_NONE, LEVEL_WEAK } from '../coverage/columns.ts';
import { EARTH_RADIUS_KM, haversineKm } from '../geo/haversine.ts';
import { DAY_MAX, DAY_MIN } from './days.ts';
import type { TowerStates } from './tower-states.ts';

export interface LevelChanges {
  /** Level before the first dated change (towers with no service date, fixed broadband). */
  initial: Uint8Array;
  /** Changes of point i are at `offsets[i] .. offsets[i + 1] - 1`, in day order. */
  offsets: Int32Array;
  day: Int32Array;
  /** The level from that day on. */
  level: Uint8Array;
}

const KM_PER_DEG = (EARTH_RADIUS_KM * Math.PI) / 180;
const MAX_CELLS_PER_AXIS = 1024;

/** Points bucketed on a lon/lat grid (counting sort), to find those near a tower. */
interface PointGrid {
  minLon: number;
  minLat: number;
  cellDeg: number;
  nx: number;
  ny: number;
  cellStart: Int32Array;
  items: Int32Array;
}

function buildPointGrid(points: PointColumns, cellKm: number): PointGrid {
  let minLon = Infinity;
  let minLat = Infinity;
  let maxLon = -Infinity;
  let maxLat = -Infinity;
  for (let i = 0; i < points.count; i++) {
    const lon = points.lon[i] as number;
    const lat = points.lat[i] as number;
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
  const cellOf = new Int32Array(points.count);
  const cellStart = new Int32Array(nx * ny + 1);
  for (let i = 0; i < points.count; i++) {
    const cx = Math.floor(((points.lon[i] as number) - minLon) / cellDeg);
    const cy = Math.floor(((points.lat[i] as number) - minLat) / cellDeg);
    const cell = cy * nx + cx;
    cellOf[i] = cell;
    (cellStart[cell + 1] as number)++;
  }
  for (let c = 0; c < nx * ny; c++) cellStart[c + 1] = (cellStart[c + 1] as number) + (cellStart[c] as number);
  const fill = cellStart.slice(0, nx * ny);
  const items = new Int32Array(points.count);
  for (let i = 0; i < points.count; i++) items[(fill[cellOf[i] as number] as number)++] = i;
  return { minLon, minLat, cellDeg, nx, ny, cellStart, items };
}

/** Calls `visit` for each point within `radiusKm` of (lon, lat), boundary included. */
function forPointsWithin(
  grid: PointGrid,
  points: PointColumns,
  lon: number,
  lat: number,
  radiusKm: number,
  visit: (point: number) => void,
): void {
  // A generous box: the exact haversine test below decides.
  const dLat = (radiusKm / KM_PER_DEG) * 1.01 + 1e-9;
  const polar = Math.abs(lat) + dLat >= 89;
  const dLon = polar ? 360 : dLat / Math.cos(((Math.abs(lat) + dLat) * Math.PI) / 180);
  const wraps = polar || lon - dLon < -180 || lon + dLon > 180 || dLon >= 180;
  const x0 = wraps ? 0 : Math.max(0, Math.floor((lon - dLon - grid.minLon) / grid.cellDeg));
  const x1 = wraps ? grid.nx - 1 : Math.min(grid.nx - 1, Math.floor((lon + dLon - grid.minLon) / grid.cellDeg));
  const y0 = Math.max(0, Math.floor((lat - dLat - grid.minLat) / grid.cellDeg));
  const y1 = Math.min(grid.ny - 1, Math.floor((lat + dLat - grid.minLat) / grid.cellDeg));
  for (let cy = y0; cy <= y1; cy++) {
    for (let cx = x0; cx <= x1; cx++) {
      const cell = cy * grid.nx + cx;
      const end = grid.cellStart[cell + 1] as number;
      for (let k = grid.cellStart[cell] as number; k < end; k++) {
        const p = grid.items[k] as number;
        if (haversineKm(points.lon[p] as number, points.lat[p] as number, lon, lat) <= radiusKm) visit(p);
      }
    }
  }
}

// Event codes: a state of class good/weak starts or ends reaching the point.
const GOOD_ON = 0;
const GOOD_OFF = 1;
const WEAK_ON = 2;
const WEAK_OFF = 3;

export function levelChanges(points: PointColumns, states: TowerStates): LevelChanges {
  const n = points.count;
  let typicalKm = 1;
  for (let k = 0; k < states.count; k++) typicalKm = Math.max(typicalKm, Math.min(states.radiusKm[k] as number, 50));
  const grid = buildPointGrid(points, typicalKm);

  const evPoint: number[] = [];
  const evDay: number[] = [];
  const evCode: number[] = [];
  for (let k = 0; k < states.count; k++) {
    const good = states.broadband[k] === 1;
    const start = states.start[k] as number;
    const end = states.end[k] as number;
    forPointsWithin(grid, points, states.lon[k] as number, states.lat[k] as number, states.radiusKm[k] as number, (p) => {
      if (points.fixedBroadband[p] === 1) return;
      evPoint.push(p);
      evDay.push(start);
      evCode.push(good ? GOOD_ON : WEAK_ON);
      if (end < DAY_MAX) {
        evPoint.push(p);
        evDay.push(end);
        evCode.push(good ? GOOD_OFF : WEAK_OFF);
      }
    });
  }

  // Group the events by point (counting sort), then sweep each point's few events by day.
  const first = new Int32Array(n + 1);
  for (const p of evPoint) (first[p + 1] as number)++;
  for (let p = 0; p < n; p++) first[p + 1] = (first[p + 1] as number) + (first[p] as number);
  const fill = first.slice(0, n);
  const byPoint = new Int32Array(evPoint.length);
  evPoint.forEach((p, e) => (byPoint[(fill[p] as number)++] = e));

  const initial = new Uint8Array(n);
  const offsets = new Int32Array(n + 1);
  const outDay: number[] = [];
  const outLevel: number[] = [];
  for (let p = 0; p < n; p++) {
    offsets[p] = outDay.length;
    if (points.fixedBroadband[p] === 1) {
      initial[p] = LEVEL_GOOD;
      continue;
    }
    const events = Array.from(byPoint.subarray(first[p] as number, first[p + 1] as number)).sort(
      (a, b) => (evDay[a] as number) - (evDay[b] as number),
    );
    let good = 0;
    let weak = 0;
    let level = LEVEL_NONE;
    for (let k = 0; k < events.length; ) {
      const day = evDay[events[k] as number] as number;
      for (; k < events.length && evDay[events[k] as number] === day; k++) {
        const code = evCode[events[k] as number];
        if (code === GOOD_ON) good++;
        else if (code === GOOD_OFF) good--;
        else if (code === WEAK_ON) weak++;
        else weak--;
      }
      const next = good > 0 ? LEVEL_GOOD : weak > 0 ? LEVEL_WEAK : LEVEL_NONE;
      if (day === DAY_MIN) initial[p] = next;
      else if (next !== level) {
        outDay.push(day);
        outLevel.push(next);
      }
      level = next;
    }
  }
  offsets[n] = outDay.length;
  return { initial, offsets, day: Int32Array.from(outDay), level: Uint8Array.from(outLevel) };
}
