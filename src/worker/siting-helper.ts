// Every siting run (the greedy's and HiGHS's) on a thread of its own (siting.worker.ts): at
// 100k points a greedy takes seconds and a branch and cut longer, without yielding, so the
// engine stays free for plan edits and coverage meanwhile. From each point's level and km to
// the nearest 4G/5G tower in `planned` with the plan (the engine's one classification, in the
// selected network and under the model) it prices every site itself (domain/siting/priced.ts);
// a cancel is the engine ending this worker (siting-runner.ts).
import loadHighs, { type Highs } from 'highs';
// Bundled with the app (precached for offline use), never fetched from elsewhere.
import wasmUrl from 'highs/runtime?url';
import { percentSteps } from '../domain/percent-steps.ts';
import { exactAnswer, greedyAnswer, type ExactAnswer, type SitingAnswer, type SitingRequest } from '../domain/siting/modes.ts';
import { pricedSites, type PlannedLevels, type SitingPoints } from '../domain/siting/priced.ts';
import type { SitingProgress } from '../domain/siting/run.ts';

export class SitingHelper {
  private points: SitingPoints | undefined;
  private highs: Promise<Highs> | undefined;

  setPoints(points: SitingPoints): void {
    this.points = points;
  }

  private priced(planned: PlannedLevels, request: SitingRequest) {
    if (!this.points) throw new Error('no points to site on');
    return pricedSites(this.points, planned, request);
  }

  /** The instant answer (lazy greedy), every site priced; its progress one message per percent at most. */
  greedy(request: SitingRequest, planned: PlannedLevels, progress?: (p: SitingProgress) => void): SitingAnswer {
    const { records, level, cost, scope } = this.priced(planned, request);
    const control = progress ? { onProgress: percentSteps((done, total) => void progress({ stage: 'quick', done, total })) } : {};
    return greedyAnswer(records, level, cost, request, control, scope);
  }

  /** HiGHS's answer with its bound, then the curve's exact points. */
  async exact(request: SitingRequest, planned: PlannedLevels, progress?: (p: SitingProgress) => void): Promise<ExactAnswer> {
    const { records, level, cost, scope } = this.priced(planned, request);
    this.highs ??= loadHighs({ locateFile: () => wasmUrl });
    const highs = await this.highs;
    return exactAnswer(highs, records, level, cost, request, {
      onBounds: (value, bound) => void progress?.({ stage: 'solving', value, bound }),
      onCurve: (done, total) => void progress?.({ stage: 'curve', done, total }),
    }, scope);
  }
}
