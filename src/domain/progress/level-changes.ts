// Every point's coverage level through time, from the tower states that reach it: a level
// before any dated change, then the days on which it changes. A point is reached by a few
// states, so this costs one pass over (state, nearby point) pairs, not one classification
// per day.
import type { PointColumns } from '../coverage/columns.ts';
import { LEVEL_GOOD, LEVEL_NONE, LEVEL_WEAK } from '../coverage/columns.ts';
import { buildPointGrid, forPointsWithin } from '../coverage/point-grid.ts';
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
