// Which points the map draws: all of them when there are few, else those in (a margin around)
// the view, read from the worker's grid; and when even the view holds too many, none (the
// map shows coverage per cell instead, cells.ts). Arrays of point indexes, never objects.
import { LEVEL_GOOD, LEVEL_NONE, LEVEL_WEAK } from '../domain/coverage/columns.ts';
import type { DatasetView } from '../domain/points/dataset-view.ts';
import type { PointTable } from '../domain/points/table.ts';
import { countNear, pointsInBox, type Box } from '../domain/points/view.ts';

/** Icons the map draws at once at most: beyond it, the frame rate drops on a laptop's GPU. */
export const POINT_LIMIT = 60_000;

export type ShownPoints = { mode: 'points'; indexes: Uint32Array } | { mode: 'cells' };

/** `box` grown by `margin` of its size on every side, so that a short pan needs no new points. */
export function padBox([w, s, e, n]: Box, margin = 0.5): Box {
  const dx = (e - w) * margin;
  const dy = (n - s) * margin;
  return [w - dx, Math.max(-90, s - dy), e + dx, Math.min(90, n + dy)];
}

export function contains(outer: Box, inner: Box): boolean {
  return inner[0] >= outer[0] && inner[1] >= outer[1] && inner[2] <= outer[2] && inner[3] <= outer[3];
}

const everything = new WeakMap<PointTable, Uint32Array>();
// The map asks on every render (a hover re-renders it): the last answer per table is kept.
const lastShown = new WeakMap<PointTable, { box: Box | undefined; limit: number; shown: ShownPoints }>();

/** The points to draw for a (padded) view box; undefined box: the view is not known yet. */
export function shownPoints(dataset: DatasetView, box: Box | undefined, limit = POINT_LIMIT): ShownPoints {
  const last = lastShown.get(dataset.points);
  if (last && last.box === box && last.limit === limit) return last.shown;
  const shown = pickShown(dataset, box, limit);
  lastShown.set(dataset.points, { box, limit, shown });
  return shown;
}

function pickShown(dataset: DatasetView, box: Box | undefined, limit: number): ShownPoints {
  const { points, grid } = dataset;
  if (points.count <= limit) {
    let all = everything.get(points);
    if (!all) everything.set(points, (all = Uint32Array.from({ length: points.count }, (_, i) => i)));
    return { mode: 'points', indexes: all };
  }
  if (!box || countNear(grid, box) > limit) return { mode: 'cells' };
  const indexes = pointsInBox(grid, points, box);
  return indexes.length > limit ? { mode: 'cells' } : { mode: 'points', indexes };
}

/**
 * The indexes in [from, to) (hamlets, or schools), good first, then weak, then none, then
 * those with no level yet: the gaps are drawn last, on top.
 */
export function drawOrder(indexes: Uint32Array, level: Uint8Array | undefined, from: number, to: number): Uint32Array {
  const out: number[] = [];
  if (!level) {
    for (const i of indexes) if (i >= from && i < to) out.push(i);
    return Uint32Array.from(out);
  }
  for (const wanted of [LEVEL_GOOD, LEVEL_WEAK, LEVEL_NONE]) {
    for (const i of indexes) if (i >= from && i < to && level[i] === wanted) out.push(i);
  }
  for (const i of indexes) {
    const code = level[i] as number;
    if (i >= from && i < to && code !== LEVEL_GOOD && code !== LEVEL_WEAK && code !== LEVEL_NONE) out.push(i);
  }
  return Uint32Array.from(out);
}

/** [lon, lat] of each index, end to end: a deck.gl binary position attribute. */
export function positionsOf(points: PointTable, indexes: Uint32Array): Float64Array {
  const out = new Float64Array(indexes.length * 2);
  indexes.forEach((p, k) => {
    out[2 * k] = points.lon[p] as number;
    out[2 * k + 1] = points.lat[p] as number;
  });
  return out;
}
