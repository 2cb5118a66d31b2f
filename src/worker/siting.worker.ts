// The exact siting search (HiGHS, WebAssembly) on a thread of its own, started by the engine:
// a branch and cut runs for seconds without yielding, so the engine stays free for coverage
// requests meanwhile, and a cancel is the engine ending this worker (exact-siting.ts).
import { expose } from 'comlink';
import loadHighs, { type Highs } from 'highs';
// Bundled with the app (precached for offline use), never fetched from elsewhere.
import wasmUrl from 'highs/runtime?url';
import { exactAnswer, type ExactAnswer, type SitingRequest } from '../domain/siting/modes.ts';
import type { Dataset } from '../domain/types.ts';
import type { ExactProgress } from './protocol-siting.ts';

export class ExactSiting {
  private points: Pick<Dataset, 'hamlets' | 'schools'> | undefined;
  private highs: Promise<Highs> | undefined;

  setPoints(points: Pick<Dataset, 'hamlets' | 'schools'>): void {
    this.points = points;
  }

  async solve(request: SitingRequest, level: Uint8Array, cost: Float64Array, progress?: (p: ExactProgress) => void): Promise<ExactAnswer> {
    if (!this.points) throw new Error('no points to site on');
    this.highs ??= loadHighs({ locateFile: () => wasmUrl });
    const highs = await this.highs;
    return exactAnswer(highs, this.points, level, cost, request, {
      onBounds: (value, bound) => void progress?.({ stage: 'solving', value, bound }),
      onCurve: (done, total) => void progress?.({ stage: 'curve', done, total }),
    });
  }
}

expose(new ExactSiting());
