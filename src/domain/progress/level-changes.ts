// Every point's coverage level through time, from the tower states that reach it: a level
// before any dated change, then the days on which it changes. A point is reached by a few
// states, so this costs one pass over (state, nearby point) pairs, not one classification
// per day.
import type { PointColumns } from '../coverage/columns.ts';
import { LEVEL_GOOD, LEVEL_NONE, LEVEL_WEAK } from '../coverage/columns.ts';
import { buildPointGrid, forPointsWithin } from '../coverage/point-grid.ts';
import { DAY_MAX, DAY_MIN } from './days.ts';
import { pointClassCode } from '../coverage/classify-classes.ts';
import { CLASS_COUNT } from '../coverage/radio-model.ts';
import { haversineKm } from '../geo/haversine.ts';
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

// Event codes: a state of class good/weak starts or ends reaching the point.
const GOOD_ON = 0;
const GOOD_OFF = 1;
const WEAK_ON = 2;
const WEAK_OFF = 3;

/** A growable Int32 column: millions of events at national scale, without boxed arrays. */
class IntColumn {
  data = new Int32Array(1024);
  length = 0;
  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }
}

/**
 * Grid cells about a typical radius (the median, within 1..50 km). Cells as wide as the
 * largest radius made every query read far more points than it keeps once a few 8 km 2G
 * towers were in the data; a large radius now only reads more cells.
 */
function typicalRadiusKm(states: TowerStates): number {
  if (states.count === 0) return 1;
  const radii = Float64Array.from(states.radiusKm.subarray(0, states.count)).sort();
  return Math.min(50, Math.max(1, radii[radii.length >> 1] as number));
}

export function levelChanges(points: PointColumns, states: TowerStates): LevelChanges {
  const n = points.count;
  const grid = buildPointGrid(points, typicalRadiusKm(states));

  const evPoint = new IntColumn();
  const evDay = new IntColumn();
  const evCode = new IntColumn();
  for (let k = 0; k < states.count; k++) {
    const good = states.broadband[k] === 1;
    const start = states.start[k] as number;
    const end = states.end[k] as number;
    const on = good ? GOOD_ON : WEAK_ON;
    const off = good ? GOOD_OFF : WEAK_OFF;
    const lon = states.lon[k] as number;
    const lat = states.lat[k] as number;
    const classRadii = states.classRadiusKm;
    forPointsWithin(grid, points, lon, lat, states.radiusKm[k] as number, (p) => {
      if (points.fixedBroadband[p] === 1) return;
      // Under path loss: within the radius of the point's clutter class (rule 8), as classify decides.
      if (classRadii && !(haversineKm(points.lon[p] as number, points.lat[p] as number, lon, lat) <= (classRadii[k * CLASS_COUNT + pointClassCode(points.clutter, p)] as number))) return;
      evPoint.push(p);
      evDay.push(start);
      evCode.push(on);
      if (end < DAY_MAX) {
        evPoint.push(p);
        evDay.push(end);
        evCode.push(off);
      }
    });
  }
  const events = evPoint.length;
  const pointOf = evPoint.data;
  const dayOf = evDay.data;
  const codeOf = evCode.data;

  // Group the events by point (counting sort) as keys day × 4 + code (exact in a double
  // for every day the data can hold), then sort each point's keys: by day, codes together.
  const first = new Int32Array(n + 1);
  for (let e = 0; e < events; e++) (first[(pointOf[e] as number) + 1] as number)++;
  for (let p = 0; p < n; p++) first[p + 1] = (first[p + 1] as number) + (first[p] as number);
  const fill = first.slice(0, n);
  const keys = new Float64Array(events);
  for (let e = 0; e < events; e++) keys[(fill[pointOf[e] as number] as number)++] = (dayOf[e] as number) * 4 + (codeOf[e] as number);

  const initial = new Uint8Array(n);
  const offsets = new Int32Array(n + 1);
  const outDay = new IntColumn();
  const outLevel = new IntColumn();
  for (let p = 0; p < n; p++) {
    offsets[p] = outDay.length;
    if (points.fixedBroadband[p] === 1) {
      initial[p] = LEVEL_GOOD;
      continue;
    }
    const from = first[p] as number;
    const to = first[p + 1] as number;
    if (to - from > 1) keys.subarray(from, to).sort();
    let good = 0;
    let weak = 0;
    let level = LEVEL_NONE;
    for (let k = from; k < to; ) {
      const day = Math.floor((keys[k] as number) / 4);
      for (; k < to && Math.floor((keys[k] as number) / 4) === day; k++) {
        const code = (keys[k] as number) - day * 4;
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
  return { initial, offsets, day: outDay.data.slice(0, outDay.length), level: Uint8Array.from(outLevel.data.subarray(0, outLevel.length)) };
}
