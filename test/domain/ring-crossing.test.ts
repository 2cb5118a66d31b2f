// A ring that crosses itself (a bow-tie drawn by a slip in a GIS tool) is found, with a place
// where it does; a simple ring never is. Compared with a check of every pair of segments.
import { describe, expect, it } from 'vitest';
import { ringCrossing } from '../../src/domain/geo/ring-crossing.ts';
import type { Position } from '../../src/domain/types.ts';

const close = (points: Position[]): Position[] => [...points, points[0] as Position];

/** Every pair of segments, the plain way: does one cross another (each other's ends strictly on both sides)? */
function bruteForce(p: readonly Position[]): boolean {
  const orient = (a: Position, b: Position, c: Position) => Math.sign((b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]));
  for (let i = 0; i + 1 < p.length; i++) {
    for (let j = i + 1; j + 1 < p.length; j++) {
      const [a, b, c, d] = [p[i], p[i + 1], p[j], p[j + 1]] as [Position, Position, Position, Position];
      if (orient(a, b, c) * orient(a, b, d) < 0 && orient(c, d, a) * orient(c, d, b) < 0) return true;
    }
  }
  return false;
}

describe('ringCrossing', () => {
  it('finds where a bow-tie crosses itself', () => {
    const bowTie = close([[0, 0], [2, 2], [2, 0], [0, 2]]);
    expect(ringCrossing(bowTie)).toEqual({ at: [1, 1], segments: [0, 2] });
  });

  it('passes a ring that only touches itself (a pinch, a sliver running back on itself): no area is enclosed twice', () => {
    expect(ringCrossing(close([[0, 0], [2, 0], [1, 1], [2, 2], [0, 2], [1, 1]]))).toBeUndefined();
    // The bundled Thị trấn Đầm Dơi has such a sliver.
    const sliver: Position[] = [[105.18442, 9.02279], [105.18442, 9.0228], [105.18442, 9.02278], [105.18533, 9.02167], [105.18488, 9.02224], [105.18443, 9.02281], [105.18442, 9.02279]];
    expect(ringCrossing(sliver)).toBeUndefined();
  });

  it('passes simple rings: a square, a concave star, one with a repeated point', () => {
    expect(ringCrossing(close([[0, 0], [1, 0], [1, 1], [0, 1]]))).toBeUndefined();
    const star: Position[] = [];
    for (let k = 0; k < 10; k++) {
      const r = k % 2 === 0 ? 2 : 1;
      star.push([r * Math.cos((k * Math.PI) / 5), r * Math.sin((k * Math.PI) / 5)]);
    }
    expect(ringCrossing(close(star))).toBeUndefined();
    expect(ringCrossing(close([[0, 0], [1, 0], [1, 0], [1, 1], [0, 1]]))).toBeUndefined();
  });

  it('agrees with a check of every pair on random rings', () => {
    let seed = 11;
    const random = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
    let crossing = 0;
    for (let trial = 0; trial < 400; trial++) {
      const n = 4 + Math.floor(random() * 12);
      // Points on a small grid, so touching and collinear cases come up too.
      const points: Position[] = Array.from({ length: n }, () => [Math.floor(random() * 6), Math.floor(random() * 6)]);
      const ring = close(points);
      const found = ringCrossing(ring);
      expect(found !== undefined, JSON.stringify(ring)).toBe(bruteForce(ring));
      if (found) crossing++;
    }
    expect(crossing).toBeGreaterThan(20);
    expect(crossing).toBeLessThan(400);
  });

  it('checks a ring of 200,000 positions quickly', () => {
    const ring: Position[] = [];
    const n = 200_000;
    for (let k = 0; k < n; k++) ring.push([Math.cos((2 * Math.PI * k) / n), Math.sin((2 * Math.PI * k) / n)]);
    const started = performance.now();
    expect(ringCrossing(close(ring))).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(3000);
  });
});
