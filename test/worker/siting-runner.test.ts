// The engine's siting runner: a cancel settles the run under way as undefined and ends its
// worker (a greedy or HiGHS cannot be reached while it works); a newer run replaces an older
// one the same way. The worker here is a stand-in that never answers.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_COSTS } from '../../src/domain/parse/costs.ts';
import type { SitingRequest } from '../../src/domain/siting/modes.ts';
import { SitingRunner } from '../../src/worker/siting-runner.ts';

const started: SilentWorker[] = [];
class SilentWorker {
  terminated = false;
  constructor() {
    started.push(this);
  }
  postMessage(): void {}
  addEventListener(): void {}
  removeEventListener(): void {}
  start(): void {}
  terminate(): void {
    this.terminated = true;
  }
}

const request: SitingRequest = { mode: 'budget', budget: 1e9, radiusKm: 4, weight: 'population', costs: DEFAULT_COSTS, timeLimitS: 10 };
const points = { hamlets: [], schools: [] };
const NONE = { level: new Uint8Array(0), nearest4gKm: new Float64Array(0) };

afterEach(() => {
  vi.unstubAllGlobals();
  started.length = 0;
});

describe('SitingRunner', () => {
  it('cancel settles the search as undefined and ends its worker; the next search starts a fresh one', async () => {
    vi.stubGlobal('Worker', SilentWorker);
    const runner = new SitingRunner();
    const first = runner.run(1, points, (helper) => helper.exact(request, NONE));
    runner.cancel();
    await expect(first).resolves.toBeUndefined();
    expect(started.map((w) => w.terminated)).toEqual([true]);
    const second = runner.run(1, points, (helper) => helper.exact(request, NONE));
    expect(started).toHaveLength(2);
    // A newer search replaces the one under way.
    const third = runner.run(1, points, (helper) => helper.exact(request, NONE));
    await expect(second).resolves.toBeUndefined();
    expect(started).toHaveLength(3);
    runner.cancel();
    await expect(third).resolves.toBeUndefined();
    expect(started.every((w) => w.terminated)).toBe(true);
  });
});
