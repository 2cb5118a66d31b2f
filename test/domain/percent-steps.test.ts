import { describe, expect, it } from 'vitest';
import { percentSteps } from '../../src/domain/percent-steps.ts';

const told = (calls: [number, number][]) => {
  const out: [number, number][] = [];
  const step = percentSteps((done, total) => out.push([done, total]));
  for (const [done, total] of calls) step(done, total);
  return out;
};

describe('progress a message per percent at most', () => {
  it('tells each whole percent once, the first of it, and the end', () => {
    const calls = Array.from({ length: 1001 }, (_, i): [number, number] => [i, 1000]);
    const out = told(calls);
    expect(out).toHaveLength(101);
    expect(out.slice(0, 3)).toEqual([[0, 1000], [10, 1000], [20, 1000]]);
    expect(out.at(-1)).toEqual([1000, 1000]);
  });

  it('tells every step when there are fewer than a hundred, and 100 % once for nothing to do', () => {
    expect(told([[0, 3], [1, 3], [2, 3], [3, 3]])).toEqual([[0, 3], [1, 3], [2, 3], [3, 3]]);
    expect(told([[0, 0], [0, 0]])).toEqual([[0, 0]]);
    expect(told([[5, 1000], [9, 1000], [15, 1000], [1000, 1000], [1000, 1000]])).toEqual([[5, 1000], [15, 1000], [1000, 1000]]);
  });
});
