// Contract rule 8 in the engine: a tower's radius depends on the clutter class of the point.
//
// Each clutter class present is one pass of the uniform engine (classify.ts) over that class's
// points, with the towers' radii of that class: every search bound, cap and exactness argument
// of that engine then holds as it is, for the radius that decides. The towers' grids are
// rebuilt per class (tens of ms at 100k towers); the points' work is the same as one pass,
// since each point is searched once. Measured in test/bench/radio.ts.
import type { Classification, PointColumns, TowerColumns } from './columns.ts';
import { chooseFrame, type LonFrame, type TowerGrid } from './grid.ts';
import { CLASS_COUNT, CLASS_RURAL } from './radio-model.ts';

/** The uniform engine (classify.ts's `classifyUniform` and its options). */
export type UniformClassify = (
  points: PointColumns,
  towers: TowerColumns,
  options: { out: Classification; members: Int32Array | undefined; frame: LonFrame; broadband?: TowerGrid },
) => Classification;

/** The class code of point i: its `clutter`, rural when there is none or it is out of range. */
export function pointClassCode(clutter: Uint8Array | undefined, i: number): number {
  const c = clutter === undefined ? CLASS_RURAL : (clutter[i] as number);
  return c < CLASS_COUNT ? c : CLASS_RURAL;
}

/**
 * Calls `visit` once per clutter class that some point has: with those points (all of
 * `points` itself when every point has that class; `members` then undefined, else the input
 * index of each) and the towers with that class's radii as `radiusKm` (no `classRadiusKm`).
 */
export function forEachClass(
  points: PointColumns,
  towers: TowerColumns,
  visit: (subset: PointColumns, view: TowerColumns, members: Int32Array | undefined) => void,
): void {
  const n = points.count;
  const counts = new Int32Array(CLASS_COUNT);
  for (let i = 0; i < n; i++) counts[pointClassCode(points.clutter, i)]!++;
  for (let c = 0; c < CLASS_COUNT; c++) {
    const m = counts[c] as number;
    if (m === 0) continue;
    const view = classView(towers, c);
    if (m === n) {
      visit(points, view, undefined);
      return;
    }
    const members = new Int32Array(m);
    const subset: PointColumns = { count: m, lon: new Float64Array(m), lat: new Float64Array(m), fixedBroadband: new Uint8Array(m) };
    let j = 0;
    for (let i = 0; i < n; i++) {
      if (pointClassCode(points.clutter, i) !== c) continue;
      members[j] = i;
      subset.lon[j] = points.lon[i] as number;
      subset.lat[j] = points.lat[i] as number;
      subset.fixedBroadband[j] = points.fixedBroadband[i] as number;
      j++;
    }
    visit(subset, view, members);
  }
}

/**
 * `classify` for towers with `classRadiusKm`: each point against each tower's radius for the
 * point's class. Same answers as the uniform engine run per point with those radii. The
 * uniform engine takes each class's points straight from `points` (its tile sort skips the
 * others), so no copy of the points is made.
 */
export function classifyByClass(points: PointColumns, towers: TowerColumns, uniform: UniformClassify): Classification {
  const n = points.count;
  const out: Classification = {
    level: new Uint8Array(n),
    nearest4g: new Int32Array(n).fill(-1),
    nearest4gKm: new Float64Array(n).fill(NaN),
  };
  const members = classMembers(points);
  // One frame for every class, so that the 4G/5G grid (positions only) is built once and
  // reused with each class's radii.
  const shared: { out: Classification; members: Int32Array | undefined; frame: LonFrame; broadband?: TowerGrid } = {
    out,
    members: undefined,
    frame: chooseFrame(points.lon, towers.lon),
  };
  for (let c = 0; c < CLASS_COUNT; c++) {
    const list = members[c] as Int32Array;
    if (list.length === 0) continue;
    shared.members = list.length === n ? undefined : list;
    uniform(points, classView(towers, c), shared);
  }
  return out;
}

/** The input indexes of each class's points, ascending. */
function classMembers(points: PointColumns): Int32Array[] {
  const n = points.count;
  const counts = new Int32Array(CLASS_COUNT);
  for (let i = 0; i < n; i++) counts[pointClassCode(points.clutter, i)]!++;
  const members = Array.from(counts, (m) => new Int32Array(m));
  const fill = new Int32Array(CLASS_COUNT);
  for (let i = 0; i < n; i++) {
    const c = pointClassCode(points.clutter, i);
    members[c]![fill[c]!++] = i;
  }
  return members;
}

/** The towers with class c's radii as `radiusKm` (and no `classRadiusKm`). */
function classView(towers: TowerColumns, c: number): TowerColumns {
  const classRadiusKm = towers.classRadiusKm as Float64Array;
  const radiusKm = new Float64Array(towers.count);
  for (let k = 0; k < towers.count; k++) radiusKm[k] = classRadiusKm[k * CLASS_COUNT + c] as number;
  return { count: towers.count, lon: towers.lon, lat: towers.lat, radiusKm, broadband: towers.broadband, towerIndex: towers.towerIndex };
}
