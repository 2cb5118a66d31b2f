// The nearest 4G/5G tower on air of every point (contract rule 6, whatever its radius), kept
// up to date tower by tower, so that a plan edit names the right nearest tower at once
// instead of after the next full classification.
//
// Towers are keys (small integers: the worker's tower slots) with a position. A grid of
// CELL_DEG cells holds them; a point's nearest is found by scanning rings of cells outward
// until a provable lower bound on the distance to every cell not yet scanned exceeds the best
// found. Each tower keeps the list of the points it is nearest to (linked through two arrays).
// An edit to one tower costs: for a tower taken away (deleted, moved, no longer 4G), a ring
// search for each point of its list; for a tower put in, a look at the points of the cells within the largest nearest
// distance of any point (kept as an upper bound), skipping by latitude alone every point
// already nearer to another tower.
//
// Longitude does not wrap at ±180° (the app's data are in Việt Nam): points beyond ±170° are
// searched tower by tower, which is exact anywhere.
import { EARTH_RADIUS_KM, haversineKm } from '../geo/haversine.ts';

// About 2 km: a few towers per cell where towers are dense, so a search reads few of them.
const CELL_DEG = 0.02;
const DEG = Math.PI / 180;
/** km per degree of latitude: a lower bound of the distance between two latitudes. */
const KM_PER_DEG = EARTH_RADIUS_KM * DEG;
const WRAP_LON = 170;

export interface Position {
  lon: number;
  lat: number;
}

const cellOf = (deg: number): number => Math.floor(deg / CELL_DEG);
const cellKey = (cx: number, cy: number): number => cx * 100_000 + cy;

export class NearestTowers {
  /** Per point, the key of its nearest tower; -1 when there is none. */
  readonly key: Int32Array;
  /** Per point, the distance to it in km (haversine); NaN when there is none. */
  readonly km: Float64Array;

  private readonly at = new Map<number, Position>();
  private readonly cells = new Map<number, number[]>();
  /** The points by cell, and an upper bound of every point's nearest distance. */
  private readonly pointCells = new Map<number, number[]>();
  private maxKm = 0;
  /** Per tower key, the first point of its list; per point, the next and previous (-1: none). */
  private readonly head = new Map<number, number>();
  private readonly next: Int32Array;
  private readonly prev: Int32Array;
  /** Cell extent of every tower ever placed: a ring search stops beyond it. */
  private extent = { x0: Infinity, x1: -Infinity, y0: Infinity, y1: -Infinity };

  constructor(
    private readonly points: { count: number; lon: Float64Array; lat: Float64Array },
    towers: Iterable<[number, Position]> = [],
    /** Each point's nearest already known (a full classification's): no search then. */
    known?: { key: Int32Array; km: Float64Array },
  ) {
    this.key = known ? known.key.slice() : new Int32Array(points.count).fill(-1);
    this.km = known ? known.km.slice() : new Float64Array(points.count).fill(NaN);
    this.next = new Int32Array(points.count).fill(-1);
    this.prev = new Int32Array(points.count).fill(-1);
    for (const [key, position] of towers) this.insert(key, position);
    if (!known) for (let i = 0; i < points.count; i++) this.search(i);
    for (let i = 0; i < points.count; i++) {
      this.link(i);
      const id = cellKey(cellOf(points.lon[i] as number), cellOf(points.lat[i] as number));
      const list = this.pointCells.get(id);
      if (list) list.push(i);
      else this.pointCells.set(id, [i]);
      this.widen(i);
    }
  }

  /** Keeps maxKm an upper bound once point i's distance has grown (NaN, none: unbounded). */
  private widen(i: number): void {
    const km = this.km[i] as number;
    this.maxKm = Number.isNaN(km) ? Infinity : Math.max(this.maxKm, km);
  }

  /** Places, moves or (undefined) takes away the tower under `key`. */
  set(key: number, position: Position | undefined): void {
    const old = this.at.get(key);
    if (old && position && Object.is(old.lon, position.lon) && Object.is(old.lat, position.lat)) return;
    const { lon, lat } = this.points;
    const orphans: number[] = [];
    if (old) {
      this.remove(key, old);
      for (let i = this.head.get(key) ?? -1; i >= 0; i = this.next[i] as number) orphans.push(i);
      this.head.delete(key);
      for (const i of orphans) {
        this.key[i] = -1;
        this.km[i] = NaN;
      }
    }
    if (position) {
      this.insert(key, position);
      const visit = (i: number) => {
        const best = this.km[i] as number;
        // NaN (none yet) fails the comparison: such a point is always checked.
        if (Math.abs((lat[i] as number) - position.lat) * KM_PER_DEG > best) return;
        const d = haversineKm(lon[i] as number, lat[i] as number, position.lon, position.lat);
        if (!(d >= best)) {
          this.unlink(i);
          this.key[i] = key;
          this.km[i] = d;
          this.link(i);
        }
      };
      this.forPointsNear(position, visit);
    }
    for (const i of orphans) {
      // The tower put in may have taken it already: out of that list before the search.
      this.unlink(i);
      this.search(i);
      this.link(i);
      this.widen(i);
    }
  }

  /** Puts point i first in its tower's list. */
  private link(i: number): void {
    const key = this.key[i] as number;
    if (key < 0) return;
    const first = this.head.get(key) ?? -1;
    this.next[i] = first;
    this.prev[i] = -1;
    if (first >= 0) this.prev[first] = i;
    this.head.set(key, i);
  }

  /** Takes point i out of its tower's list. */
  private unlink(i: number): void {
    const key = this.key[i] as number;
    if (key < 0) return;
    const p = this.prev[i] as number;
    const n = this.next[i] as number;
    if (p >= 0) this.next[p] = n;
    else if (n >= 0) this.head.set(key, n);
    else this.head.delete(key);
    if (n >= 0) this.prev[n] = p;
  }

  /** Every point that may lie within maxKm of `at` (and maybe others). */
  private forPointsNear(at: Position, visit: (i: number) => void): void {
    const dLat = this.maxKm / KM_PER_DEG;
    const cos = Math.cos(Math.min(89, Math.abs(at.lat) + dLat) * DEG);
    // 1% more: the first-order longitude bound, safe for the small spans near a point.
    const dLon = (1.01 * dLat) / cos;
    const cells = ((2 * dLat) / CELL_DEG + 2) * ((2 * dLon) / CELL_DEG + 2);
    if (!(Math.abs(at.lon) + dLon <= WRAP_LON) || !(cells < this.pointCells.size)) {
      for (let i = 0; i < this.key.length; i++) visit(i);
      return;
    }
    for (let x = cellOf(at.lon - dLon); x <= cellOf(at.lon + dLon); x++) {
      for (let y = cellOf(at.lat - dLat); y <= cellOf(at.lat + dLat); y++) {
        const list = this.pointCells.get(cellKey(x, y));
        if (list) for (const i of list) visit(i);
      }
    }
    // Points the grid cannot place (NaN coordinates) are in no cell near anything.
  }

  private insert(key: number, position: Position): void {
    this.at.set(key, { lon: position.lon, lat: position.lat });
    const cx = cellOf(position.lon);
    const cy = cellOf(position.lat);
    const id = cellKey(cx, cy);
    const list = this.cells.get(id);
    if (list) list.push(key);
    else this.cells.set(id, [key]);
    const e = this.extent;
    if (Number.isFinite(cx) && Number.isFinite(cy)) {
      e.x0 = Math.min(e.x0, cx);
      e.x1 = Math.max(e.x1, cx);
      e.y0 = Math.min(e.y0, cy);
      e.y1 = Math.max(e.y1, cy);
    }
  }

  private remove(key: number, position: Position): void {
    this.at.delete(key);
    const id = cellKey(cellOf(position.lon), cellOf(position.lat));
    const list = this.cells.get(id);
    if (!list) return;
    const k = list.indexOf(key);
    if (k >= 0) list.splice(k, 1);
    if (list.length === 0) this.cells.delete(id);
  }

  private consider(i: number, key: number): void {
    const p = this.at.get(key) as Position;
    const d = haversineKm(this.points.lon[i] as number, this.points.lat[i] as number, p.lon, p.lat);
    const best = this.km[i] as number;
    if (!(d >= best) || (d === best && key < (this.key[i] as number))) {
      this.key[i] = key;
      this.km[i] = d;
    }
  }

  /** Point i's nearest over every tower (its key and km start from none). */
  private search(i: number): void {
    this.key[i] = -1;
    this.km[i] = NaN;
    const lon = this.points.lon[i] as number;
    const lat = this.points.lat[i] as number;
    const cx = cellOf(lon);
    const cy = cellOf(lat);
    const e = this.extent;
    if (!(Math.abs(lon) <= WRAP_LON) || !Number.isFinite(cy) || this.at.size < 16) {
      for (const key of this.at.keys()) this.consider(i, key);
      return;
    }
    const reach = Math.max(cx - e.x0, e.x1 - cx, cy - e.y0, e.y1 - cy);
    for (let r = 0; r <= reach; r++) {
      for (let x = cx - r; x <= cx + r; x++) {
        const edge = x === cx - r || x === cx + r;
        for (let y = cy - r; y <= cy + r; y += edge ? 1 : 2 * r) {
          const list = this.cells.get(cellKey(x, y));
          if (list) for (const key of list) this.consider(i, key);
          if (r === 0) break;
        }
      }
      // Every tower not yet seen lies r cells or more away in latitude or in longitude.
      const best = this.km[i] as number;
      if (best <= this.outsideKm(lat, r)) return;
    }
  }

  /** A lower bound of the distance from a point at `lat` to any point r cells away or more. */
  private outsideKm(lat: number, r: number): number {
    const gap = r * CELL_DEG * DEG;
    const byLat = EARTH_RADIUS_KM * gap;
    // Nearer than byLat, the other point's latitude is within `gap` of this one's, so both
    // cosines are at least c: hav(d/R) ≥ c² hav(Δλ).
    const c = Math.cos(Math.min(Math.PI / 2, Math.abs(lat) * DEG + gap));
    const byLon = 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, c * Math.sin(gap / 2)));
    return Math.min(byLat, byLon);
  }
}
