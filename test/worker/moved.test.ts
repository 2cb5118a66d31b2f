// `moved` (worker/moved.ts) marks every typed array of an answer for moving, each buffer once:
// checked by sending through structuredClone, as Comlink does, against the arrays put in.
import { describe, expect, it } from 'vitest';
import { buffersOf } from '../../src/worker/moved.ts';

describe('buffersOf', () => {
  it('finds every typed array in nested objects and arrays, each buffer once', () => {
    const shared = new ArrayBuffer(16);
    const answer = {
      level: new Uint8Array([1, 2]),
      onAir: { lon: new Float64Array(3), towerIndex: new Int32Array(shared, 0, 2) },
      series: { good: [{ initial: 1, days: new Int32Array(2), values: new Float64Array(2) }] },
      changes: [[0, { id: 'T1', lon: 105 }], [1, null]],
      pair: [new Int32Array(shared, 8, 2), 'text', 7],
      figures: { hamlets: { good: 3 } },
      missing: undefined,
    };
    const all = [answer.level, answer.onAir.lon, answer.onAir.towerIndex, answer.series.good[0]!.days, answer.series.good[0]!.values, answer.pair[0] as Int32Array];
    const buffers = buffersOf(answer);
    expect(new Set(buffers)).toEqual(new Set(all.map((a) => a.buffer)));
    expect(buffers).toHaveLength(5);
    const sent = structuredClone(answer, { transfer: buffers });
    // Moved: the sender's arrays are empty now, the receiver's hold the values.
    expect(all.every((a) => a.buffer.byteLength === 0)).toBe(true);
    expect([...sent.level]).toEqual([1, 2]);
    expect(sent.changes).toEqual([[0, { id: 'T1', lon: 105 }], [1, null]]);
  });

  it('has nothing to move in a value without typed arrays', () => {
    expect(buffersOf(undefined)).toEqual([]);
    expect(buffersOf(3)).toEqual([]);
    expect(buffersOf({ rows: [{ a: 1 }], name: 'x' })).toEqual([]);
  });
});
