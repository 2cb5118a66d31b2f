// Contract rule 8 in the engine: a tower's radius depends on the clutter class of the point.
//
// The points are split by class and each class is one pass of the uniform engine
// (classify.ts) with the towers' radii of that class: every search bound, cap and exactness
// argument of that engine then holds as it is, for the radius that decides. The towers' grids
// are rebuilt per class present (a few ms at 100k towers); the points' work is the same as one
// pass, since each point is searched once. Measured in test/bench/radio.ts.
import type { Classification, PointColumns, TowerColumns } from './columns.ts';
import { CLASS_COUNT, CLASS_RURAL } from './radio-model.ts';

export type UniformClassify = (points: PointColumns, towers: TowerColumns) => Classification;

/** The class code of point i: its `clutter`, rural when there is none or it is out of range. */
function classOf(clutter: Uint8Array | undefined, i: number): number {
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
  const classRadiusKm = towers.classRadiusKm as Float64Array;
  const counts = new Int32Array(CLASS_COUNT);
  for (let i = 0; i < n; i++) counts[classOf(points.clutter, i)]!++;
  for (let c = 0; c < CLASS_COUNT; c++) {
    const m = counts[c] as number;
    if (m === 0) continue;
    const radiusKm = new Float64Array(towers.count);
    for (let k = 0; k < towers.count; k++) radiusKm[k] = classRadiusKm[k * CLASS_COUNT + c] as number;
    const view: TowerColumns = {
      count: towers.count,
      lon: towers.lon,
      lat: towers.lat,
      radiusKm,
      broadband: towers.broadband,
      towerIndex: towers.towerIndex,
    };
    if (m === n) {
      visit(points, view, undefined);
      return;
    }
    const members = new Int32Array(m);
    const subset: PointColumns = { count: m, lon: new Float64Array(m), lat: new Float64Array(m), fixedBroadband: new Uint8Array(m) };
    let j = 0;
    for (let i = 0; i < n; i++) {
      if (classOf(points.clutter, i) !== c) continue;
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
 * point's class. Same answers as the uniform engine run per point with those radii.
 */
export function classifyByClass(points: PointColumns, towers: TowerColumns, uniform: UniformClassify): Classification {
  const n = points.count;
  let out: Classification = {
    level: new Uint8Array(n),
    nearest4g: new Int32Array(n).fill(-1),
    nearest4gKm: new Float64Array(n).fill(NaN),
  };
  forEachClass(points, towers, (subset, view, members) => {
    const part = uniform(subset, view);
    if (members === undefined) {
      out = part;
      return;
    }
    for (let q = 0; q < members.length; q++) {
      const i = members[q] as number;
      out.level[i] = part.level[q] as number;
      out.nearest4g[i] = part.nearest4g[q] as number;
      out.nearest4gKm[i] = part.nearest4gKm[q] as number;
    }
  });
  return out;
}
