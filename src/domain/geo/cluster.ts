// Single-linkage clustering of points on the sphere (haversine), for merging the cells of one
// site in an OpenCelliD export (import/cells.ts) and anywhere else points within a distance
// are one place.
import { EARTH_RADIUS_KM, haversineKm } from './haversine.ts';

const KM_PER_DEG = (EARTH_RADIUS_KM * Math.PI) / 180;

/**
 * Single-linkage clustering: points of one group within `thresholdKm` of each other
 * (haversine, inclusive), transitively, share a label. Returns for each point the index of
 * the first point of its cluster.
 *
 * The points are sorted by (group, latitude row, longitude), rows being `thresholdKm` of
 * latitude high, so two points that close are in the same or adjacent rows; for each point
 * a binary search finds the stretch of each of the three rows within reach in longitude.
 * This stays near-linear for any spread of points (a fixed grid such as
 * coverage/point-grid.ts caps its cells per axis, so a world-wide export would fill each
 * cell with thousands of cells).
 */
export function clusterPoints(lon: Float64Array, lat: Float64Array, group: Int32Array, thresholdKm: number): Int32Array {
  const n = lon.length;
  const parent = new Int32Array(n);
  for (let i = 0; i < n; i++) parent[i] = i;
  const find = (x: number): number => {
    let r = x;
    while ((parent[r] as number) !== r) {
      parent[r] = parent[parent[r] as number] as number;
      r = parent[r] as number;
    }
    return r;
  };
  const union = (a: number, b: number): void => {
    const ra = find(a);
    const rb = find(b);
    // The smaller index becomes the root: the label is the cluster's first point.
    if (ra < rb) parent[rb] = ra;
    else if (rb < ra) parent[ra] = rb;
  };

  // A hair over the threshold, so that rounding cannot put a pair within reach two rows apart.
  const rowDeg = Math.max((thresholdKm / KM_PER_DEG) * (1 + 1e-9), 1e-12);
  const row = new Float64Array(n);
  for (let i = 0; i < n; i++) row[i] = Math.floor((lat[i] as number) / rowDeg);
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort(
    (a, b) =>
      (group[a] as number) - (group[b] as number) ||
      (row[a] as number) - (row[b] as number) ||
      (lon[a] as number) - (lon[b] as number) ||
      (lat[a] as number) - (lat[b] as number) ||
      a - b,
  );
  // Cells at the very same place (exports often repeat a site's position for each of its
  // cells) are joined at once and searched as one: the cost then grows with the pairs of
  // distinct places within reach, not with the square of the cells at one site.
  const reps: number[] = [];
  for (let k = 0; k < n; k++) {
    const i = order[k] as number;
    const last = reps[reps.length - 1];
    if (last !== undefined && group[last] === group[i] && lon[last] === lon[i] && lat[last] === lat[i]) union(last, i);
    else reps.push(i);
  }
  const m = reps.length;
  const sGroup = new Int32Array(m);
  const sRow = new Float64Array(m);
  const sLon = new Float64Array(m);
  const sIndex = new Int32Array(m);
  for (let k = 0; k < m; k++) {
    const i = reps[k] as number;
    sIndex[k] = i;
    sGroup[k] = group[i] as number;
    sRow[k] = row[i] as number;
    sLon[k] = lon[i] as number;
  }
  /** First sorted position at or after (g, r, x). */
  const lowerBound = (g: number, r: number, x: number): number => {
    let lo = 0;
    let hi = m;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const mg = sGroup[mid] as number;
      const mr = sRow[mid] as number;
      const before = mg < g || (mg === g && (mr < r || (mr === r && (sLon[mid] as number) < x)));
      if (before) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };

  const visit = (i: number, g: number, r: number, from: number, to: number): void => {
    for (let k = lowerBound(g, r, from); k < m && sGroup[k] === g && sRow[k] === r && (sLon[k] as number) <= to; k++) {
      const j = sIndex[k] as number;
      if (j !== i && haversineKm(lon[i] as number, lat[i] as number, lon[j] as number, lat[j] as number) <= thresholdKm) union(i, j);
    }
  };
  for (const i of reps) {
    const x = lon[i] as number;
    const y = lat[i] as number;
    const g = group[i] as number;
    const r = row[i] as number;
    // A generous reach in longitude; the haversine decides. Near a pole, the whole row.
    const reachLat = Math.abs(y) + 2 * rowDeg;
    const dLon = reachLat >= 89.9 ? 360 : (rowDeg / Math.cos((reachLat * Math.PI) / 180)) * 1.01 + 1e-12;
    for (let dr = -1; dr <= 1; dr++) {
      visit(i, g, r + dr, x - dLon, x + dLon);
      if (x - dLon < -180) visit(i, g, r + dr, x - dLon + 360, 180);
      if (x + dLon > 180) visit(i, g, r + dr, -180, x + dLon - 360);
    }
  }
  const label = new Int32Array(n);
  for (let i = 0; i < n; i++) label[i] = find(i);
  return label;
}
