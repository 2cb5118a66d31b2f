// Whether a polygon ring crosses or touches itself. Point-in-polygon tests (even-odd) on such
// a ring put the points of one of its loops outside: a self-intersecting commune would move
// hamlets out of their commune and district without a word (issue 13).
import type { Position } from '../types.ts';

export interface RingCrossing {
  /** Where two of its segments meet (the first such place the sweep finds). */
  at: Position;
  /** 0-based indices of the two segments (segment k runs from position k to k + 1). */
  segments: [number, number];
}

const orient = (a: Position, b: Position, c: Position): number => Math.sign((b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]));

/** Where segments a–b and c–d cross (each has the other's ends on both sides), or undefined. */
function cross(a: Position, b: Position, c: Position, d: Position): Position | undefined {
  if (orient(a, b, c) * orient(a, b, d) >= 0 || orient(c, d, a) * orient(c, d, b) >= 0) return undefined;
  const t = ((c[0] - a[0]) * (d[1] - c[1]) - (c[1] - a[1]) * (d[0] - c[0])) / ((b[0] - a[0]) * (d[1] - c[1]) - (b[1] - a[1]) * (d[0] - c[0]));
  return [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
}

/**
 * The first place where two segments of a closed ring (last position = first) cross, or
 * undefined. Only crossings count: a ring that merely touches itself or runs back along
 * itself (slivers left by simplifying, as in the bundled Thị trấn Đầm Dơi) encloses no area
 * twice, so no point's inside or outside changes; a crossing makes a loop of real area.
 * A sweep along longitude: each segment is tested only against those whose longitudes
 * overlap its own, so a boundary of many thousand positions takes milliseconds.
 */
export function ringCrossing(ring: readonly Position[]): RingCrossing | undefined {
  const p: Position[] = [];
  const index: number[] = [];
  ring.forEach((q, k) => {
    const last = p[p.length - 1];
    if (last && last[0] === q[0] && last[1] === q[1]) return;
    p.push(q);
    index.push(k);
  });
  const m = p.length - 1;
  if (m < 3) return undefined;
  const minX = new Float64Array(m);
  const maxX = new Float64Array(m);
  for (let s = 0; s < m; s++) {
    const a = (p[s] as Position)[0];
    const b = (p[s + 1] as Position)[0];
    minX[s] = Math.min(a, b);
    maxX[s] = Math.max(a, b);
  }
  const order = Array.from({ length: m }, (_, s) => s).sort((s, t) => (minX[s] as number) - (minX[t] as number) || s - t);
  let active: number[] = [];
  for (const s of order) {
    const x = minX[s] as number;
    active = active.filter((t) => (maxX[t] as number) >= x);
    const a = p[s] as Position;
    const b = p[s + 1] as Position;
    for (const t of active) {
      const [i, j] = s < t ? [s, t] : [t, s];
      const at = cross(a, b, p[t] as Position, p[t + 1] as Position);
      if (at) return { at, segments: [index[i] as number, index[j] as number] };
    }
    active.push(s);
  }
  return undefined;
}
