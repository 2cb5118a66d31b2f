// Points bucketed on a lon/lat grid (counting sort), to visit those within a radius of a
// place: towers reaching points (timeline, incremental coverage), sites covering demand
// (siting). The exact haversine decides; the grid only narrows the search.
import { EARTH_RADIUS_KM, haversineKm } from '../geo/haversine.ts';

/** Anything with point coordinates: PointColumns, or a subset's own arrays. */
export interface PointCoordinates {
  count: number;
  lon: Float64Array;
  lat: Float64Array;
}

const KM_PER_DEG = (EARTH_RADIUS_KM * Math.PI) / 180;
const MAX_CELLS_PER_AXIS = 1024;

export interface PointGrid {
  minLon: number;
  minLat: number;
  cellDeg: number;
  nx: number;
  ny: number;
  cellStart: Int32Array;
  items: Int32Array;
}

/** `cellKm`: about the radius of the searches to come. */
export function buildPointGrid(points: PointCoordinates, cellKm: number): PointGrid {
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
export function forPointsWithin(
  grid: PointGrid,
  points: PointCoordinates,
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

