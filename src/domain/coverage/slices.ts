// A coverage pass split over threads (worker/helpers.ts): the points cut into consecutive
// slices, each classified on its own thread against the same towers, and the parts joined back
// in order. classify is per point, so the joined parts are classify of the whole.
//
// How many threads: in Node, `npm run bench` (parallel.ts) measured ×1.5 with two threads on
// two cores at 1M points × 100k towers; in the browser on the same two cores the split was
// slower (545–835 ms against 482–534 ms a pass), the second core being taken by the page, the
// GPU process and the timeline's helper. So helpers start only for cores beyond those three,
// and only for large data sets: below POOL_MIN_POINTS a pass takes milliseconds and the
// copies would cost more than they save.
import type { Classification, PointColumns } from './columns.ts';

const POOL_MIN_POINTS = 200_000;

/** Cores left for helpers once the page, the data worker and the timeline's helper have one each. */
export function spareCores(cores: number): number {
  return Math.max(0, Math.min(3, cores - 3));
}

/** Helper threads for `count` points on `cores` cores: none when the data set is small. */
export function helperCount(count: number, cores: number): number {
  return count < POOL_MIN_POINTS ? 0 : spareCores(cores);
}

/** Where each of `parts` near-equal consecutive slices of `count` points starts, then `count`. */
export function sliceBounds(count: number, parts: number): number[] {
  return Array.from({ length: parts + 1 }, (_, j) => Math.round((j * count) / parts));
}

/**
 * Points `from` to `to` (excluded), copied, without their clutter classes: a split pass is
 * never one under path loss (the engine classifies that itself).
 */
export function slicePoints(points: PointColumns, from: number, to: number): PointColumns {
  return { count: to - from, lon: points.lon.slice(from, to), lat: points.lat.slice(from, to), fixedBroadband: points.fixedBroadband.slice(from, to) };
}

/** The classification of `count` points from its parts, part j that of the points from `bounds[j]`. */
export function joinClassifications(count: number, bounds: readonly number[], parts: readonly Classification[]): Classification {
  const out: Classification = { level: new Uint8Array(count), nearest4g: new Int32Array(count), nearest4gKm: new Float64Array(count) };
  parts.forEach((part, j) => {
    const at = bounds[j] as number;
    out.level.set(part.level, at);
    out.nearest4g.set(part.nearest4g, at);
    out.nearest4gKm.set(part.nearest4gKm, at);
  });
  return out;
}
