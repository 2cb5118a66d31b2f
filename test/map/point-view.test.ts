import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { datasetView } from '../../src/domain/points/dataset-view.ts';
import type { Dataset, Hamlet, School } from '../../src/domain/types.ts';
import { contains, drawOrder, padBox, positionsOf, shownPoints } from '../../src/map/point-view.ts';

const hamlet = (id: string, lon: number, lat: number): Hamlet => ({ id, name: id, lon, lat, population: 1, gridPower: true, synthetic: true });
const school = (id: string, lon: number, lat: number): School => ({ id, name: id, lon, lat, level: 'primary', students: 1, fixedBroadband: false, synthetic: true });

function data(hamlets: Hamlet[], schools: School[]): Dataset {
  return { province: [], districts: [], hamlets, schools, towers: [], programme: { name: '', targets: [] } };
}

describe('the points the map draws', () => {
  it('draws every point of a small data set, whatever the view', () => {
    const view = datasetView(data([hamlet('H1', 105, 9), hamlet('H2', 106, 10)], [school('S1', 105.5, 9.5)]));
    const shown = shownPoints(view, [0, 0, 1, 1]);
    expect(shown.mode === 'points' && Array.from(shown.indexes)).toEqual([0, 1, 2]);
    expect(shownPoints(view, undefined)).toEqual(shown);
  });

  it('draws the points in the view of a large one, and cells when the view holds too many', () => {
    // 30 × 30 points a tenth of a degree apart, with a limit of 100 points.
    const hamlets: Hamlet[] = [];
    for (let x = 0; x < 30; x++) for (let y = 0; y < 30; y++) hamlets.push(hamlet(`H${x}-${y}`, 104 + x / 10, 9 + y / 10));
    const view = datasetView(data(hamlets, []));
    expect(shownPoints(view, [103, 8, 108, 13], 100)).toEqual({ mode: 'cells' });
    expect(shownPoints(view, undefined, 100)).toEqual({ mode: 'cells' });
    const box: [number, number, number, number] = [104.05, 9.05, 104.45, 9.45];
    const shown = shownPoints(view, box, 100);
    const expected = hamlets.flatMap((h, i) => (h.lon >= box[0] && h.lon <= box[2] && h.lat >= box[1] && h.lat <= box[3] ? [i] : []));
    expect(expected.length).toBe(16);
    expect(shown.mode === 'points' && Array.from(shown.indexes)).toEqual(expected);
  });

  it('orders a kind good, weak, none, then unknown, each in index order', () => {
    const indexes = Uint32Array.of(0, 1, 2, 3, 4, 5, 6);
    const level = Uint8Array.of(0, 2, 1, 2, 9, 0, 1);
    expect(Array.from(drawOrder(indexes, level, 0, 7))).toEqual([1, 3, 2, 6, 0, 5, 4]);
    expect(Array.from(drawOrder(indexes, level, 2, 5))).toEqual([3, 2, 4]);
    expect(Array.from(drawOrder(indexes, undefined, 4, 7))).toEqual([4, 5, 6]);
  });

  it('keeps every index of the range once, for random levels', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200, max: 3 }), fc.nat(200), fc.nat(200), (level, a, b) => {
        const [from, to] = [Math.min(a, b), Math.max(a, b)];
        const indexes = Uint32Array.from({ length: level.length }, (_, i) => i);
        const order = Array.from(drawOrder(indexes, level, from, to));
        expect([...order].sort((x, y) => x - y)).toEqual(Array.from(indexes).filter((i) => i >= from && i < to));
        const rank = (i: number) => [2, 1, 0].indexOf(level[i] as number) >>> 0;
        for (let k = 1; k < order.length; k++) expect(rank(order[k - 1] as number)).toBeLessThanOrEqual(rank(order[k] as number));
      }),
    );
  });

  it('lays positions end to end, and pads a box on every side', () => {
    const view = datasetView(data([hamlet('H1', 105, 9), hamlet('H2', 106, 10)], []));
    expect(Array.from(positionsOf(view.points, Uint32Array.of(1, 0)))).toEqual([106, 10, 105, 9]);
    expect(padBox([105, 9, 107, 10])).toEqual([104, 8.5, 108, 10.5]);
    expect(contains([104, 8.5, 108, 10.5], [105, 9, 107, 10])).toBe(true);
    expect(contains([105, 9, 107, 10], [104, 8.5, 108, 10.5])).toBe(false);
  });
});
