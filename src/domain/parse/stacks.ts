// Many points at exactly one position: geocoding often puts every hamlet or school of a
// commune on the commune's centre, and an export of a million rows may have them all at one
// coordinate (issue 13). Said as a warning, not an error: the file is readable, only its
// places are doubtful, and coverage and siting then treat the stack as one place.
import type { IssueList } from './issues.ts';

/** A position held by this many points of one file or more is said. */
export const STACK_WARN_AT = 10;

const FIELD = 'geometry.coordinates';

/**
 * The points of one file, kept as typed arrays (16 bytes a point, so a national file of a
 * million points costs 16 MB, not a million map entries). `report` hashes each position,
 * sorts the hashes natively and counts exact positions only for hashes seen often enough.
 */
export class PointStacks {
  private lon = new Float64Array(1024);
  private lat = new Float64Array(1024);
  private feature = new Int32Array(1024);
  private n = 0;

  add(lon: number, lat: number, featureIndex: number): void {
    if (this.n === this.lon.length) {
      const grow = <T extends Float64Array | Int32Array>(a: T, make: (size: number) => T): T => {
        const b = make(a.length * 2);
        b.set(a);
        return b;
      };
      this.lon = grow(this.lon, (size) => new Float64Array(size));
      this.lat = grow(this.lat, (size) => new Float64Array(size));
      this.feature = grow(this.feature, (size) => new Int32Array(size));
    }
    this.lon[this.n] = lon;
    this.lat[this.n] = lat;
    this.feature[this.n] = featureIndex;
    this.n++;
  }

  /** One warning per stack, the largest first (ties: the earlier first point). */
  report(issues: IssueList, kind: string): void {
    const n = this.n;
    if (n < STACK_WARN_AT) return;
    const bits = new Float64Array(2);
    const words = new Uint32Array(bits.buffer);
    const hashes = new Uint32Array(n);
    for (let i = 0; i < n; i++) {
      bits[0] = this.lon[i] as number;
      bits[1] = this.lat[i] as number;
      let h = 0x811c9dc5;
      for (let w = 0; w < 4; w++) h = Math.imul(h ^ (words[w] as number), 0x01000193);
      hashes[i] = (h ^ (h >>> 15)) >>> 0;
    }
    const sorted = hashes.slice().sort();
    const often = new Set<number>();
    for (let i = 0, j = 0; i < n; i = j) {
      while (j < n && sorted[j] === sorted[i]) j++;
      if (j - i >= STACK_WARN_AT) often.add(sorted[i] as number);
    }
    if (often.size === 0) return;
    const stacks = new Map<string, { count: number; first: number; lon: number; lat: number }>();
    for (let i = 0; i < n; i++) {
      if (!often.has(hashes[i] as number)) continue;
      const lon = this.lon[i] as number;
      const lat = this.lat[i] as number;
      const key = `${lon},${lat}`;
      const seen = stacks.get(key);
      if (seen) seen.count++;
      else stacks.set(key, { count: 1, first: this.feature[i] as number, lon, lat });
    }
    const said = [...stacks.values()].filter((s) => s.count >= STACK_WARN_AT).sort((a, b) => b.count - a.count || a.first - b.first);
    for (const s of said) issues.warning('points-stacked', { featureIndex: s.first, field: FIELD }, { count: s.count, lon: s.lon, lat: s.lat, kind });
  }
}
