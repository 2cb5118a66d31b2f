// What the map needs of a million points without touching all of them per frame: the points
// inside the view (from a grid, not a scan), and per grid cell the counts by kind and level
// that the zoomed-out map draws as coverage %.
import { buildPointGrid, type PointCoordinates, type PointGrid } from '../coverage/point-grid.ts';

/** West, south, east, north in degrees. */
export type Box = [number, number, number, number];

// About 3 km: the province has a few hundred cells, the country ~150k (one Uint32 each of
// six counts: under 4 MB).
const VIEW_CELL_KM = 3;

export function viewGrid(points: PointCoordinates): PointGrid {
  return buildPointGrid(points, VIEW_CELL_KM);
}

function cellRange(grid: PointGrid, [west, south, east, north]: Box) {
  return {
    x0: Math.max(0, Math.floor((west - grid.minLon) / grid.cellDeg)),
    x1: Math.min(grid.nx - 1, Math.floor((east - grid.minLon) / grid.cellDeg)),
    y0: Math.max(0, Math.floor((south - grid.minLat) / grid.cellDeg)),
    y1: Math.min(grid.ny - 1, Math.floor((north - grid.minLat) / grid.cellDeg)),
  };
}

/** How many points the cells touching `box` hold: at least the points inside it. */
export function countNear(grid: PointGrid, box: Box): number {
  const { x0, x1, y0, y1 } = cellRange(grid, box);
  let total = 0;
  if (x0 > x1) return 0;
  for (let cy = y0; cy <= y1; cy++) {
    const row = cy * grid.nx;
    total += (grid.cellStart[row + x1 + 1] as number) - (grid.cellStart[row + x0] as number);
  }
  return total;
}

/** Indexes of the points inside `box` (edges included), in ascending order. */
export function pointsInBox(grid: PointGrid, points: PointCoordinates, box: Box): Uint32Array {
  const [west, south, east, north] = box;
  const { x0, x1, y0, y1 } = cellRange(grid, box);
  const found: number[] = [];
  if (x0 > x1) return new Uint32Array(0);
  for (let cy = y0; cy <= y1; cy++) {
    const row = cy * grid.nx;
    const end = grid.cellStart[row + x1 + 1] as number;
    for (let k = grid.cellStart[row + x0] as number; k < end; k++) {
      const p = grid.items[k] as number;
      const lon = points.lon[p] as number;
      const lat = points.lat[p] as number;
      if (lon >= west && lon <= east && lat >= south && lat <= north) found.push(p);
    }
  }
  return Uint32Array.from(found).sort();
}

/** Six counts per cell: hamlets good, weak, none, then schools good, weak, none. */
export const CELL_COUNTS = 6;

/**
 * Per grid cell, the points by kind and level (`level`: 0 none, 1 weak, 2 good; any other
 * value is not counted). Points `< hamletCount` are hamlets.
 */
export function cellLevelCounts(grid: PointGrid, level: Uint8Array, hamletCount: number): Uint32Array {
  const cells = grid.nx * grid.ny;
  const counts = new Uint32Array(cells * CELL_COUNTS);
  for (let cell = 0; cell < cells; cell++) {
    const end = grid.cellStart[cell + 1] as number;
    const base = cell * CELL_COUNTS;
    for (let k = grid.cellStart[cell] as number; k < end; k++) {
      const p = grid.items[k] as number;
      const code = level[p] as number;
      if (code > 2) continue;
      // good (2) → slot 0, weak (1) → 1, none (0) → 2
      (counts[base + (p < hamletCount ? 0 : 3) + 2 - code] as number)++;
    }
  }
  return counts;
}

/** The grid cell of each of the `count` points (-1: in none), for moving cell counts point by point. */
export function cellOfPoints(grid: PointGrid, count: number): Int32Array {
  const cellOf = new Int32Array(count).fill(-1);
  for (let cell = 0; cell < grid.nx * grid.ny; cell++) {
    for (let k = grid.cellStart[cell] as number; k < (grid.cellStart[cell + 1] as number); k++) cellOf[grid.items[k] as number] = cell;
  }
  return cellOf;
}

/** Moves `counts` (cellLevelCounts') by the points whose level changed from `before` to `after`. */
export function moveCellCounts(counts: Uint32Array, cellOf: Int32Array, hamletCount: number, change: { points: Int32Array; before: Uint8Array; after: Uint8Array }): void {
  change.points.forEach((p, c) => {
    const cell = cellOf[p] ?? -1;
    if (cell < 0) return;
    const base = cell * CELL_COUNTS + (p < hamletCount ? 0 : 3) + 2;
    (counts[base - (change.before[c] as number)] as number)--;
    (counts[base - (change.after[c] as number)] as number)++;
  });
}
