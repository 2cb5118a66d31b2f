// Every siting run (the greedy's and HiGHS's) on a thread of its own (siting.worker.ts): at
// 100k points a greedy takes seconds and a branch and cut longer, without yielding, so the
// engine stays free for plan edits and coverage meanwhile. From each point's level and km to
// the nearest 4G/5G tower in `planned` with the plan (the engine's one classification, in the
// selected network and under the model) it prices every site itself; a cancel is the engine
// ending this worker (siting-runner.ts).
import loadHighs, { type Highs } from 'highs';
// Bundled with the app (precached for offline use), never fetched from elsewhere.
import wasmUrl from 'highs/runtime?url';
import { siteCostTable } from '../domain/siting/costs.ts';
import { applyCostOverrides, candidateSites, joinCandidates } from '../domain/siting/candidates.ts';
import { exactAnswer, greedyAnswer, type ExactAnswer, type SiteScope, type SitingAnswer, type SitingRequest } from '../domain/siting/modes.ts';
import type { Dataset } from '../domain/types.ts';
import type { SitingProgress } from '../domain/siting/run.ts';
import type { CoverageSession } from './compute.ts';

type Points = Pick<Dataset, 'hamlets' | 'schools'>;

/** The data set's points, and candidates.geojson's places when it has them. */
export type SitingPoints = Points & Pick<Dataset, 'candidates'>;

/**
 * Each point's level and km to the nearest 4G/5G tower in `planned`, with the plan; with
 * `request.candidateUse`, the places' between the hamlets' and the schools' (joinCandidates' order).
 */
export type PlannedLevels = ReturnType<CoverageSession['plannedForSiting']>;

/** Progress messages for a bar: one per percent at most. */
function throttled(progress: ((p: SitingProgress) => void) | undefined): ((done: number, total: number) => void) | undefined {
  if (!progress) return undefined;
  let last = -1;
  return (done, total) => {
    const pct = total > 0 ? Math.floor((100 * done) / total) : 100;
    if (pct === last) return;
    last = pct;
    void progress({ stage: 'quick', done, total });
  };
}

export class SitingHelper {
  private points: SitingPoints | undefined;
  private highs: Promise<Highs> | undefined;

  setPoints(points: SitingPoints): void {
    this.points = points;
  }

  /**
   * Each point's level and site cost in `planned` with the plan; with `request.candidateUse`
   * the places joined after the points (their cost_vnd over the computed cost) and the scope.
   */
  private prepared({ level, nearest4gKm }: PlannedLevels, request: SitingRequest): { records: Points; level: Uint8Array; cost: Float64Array; scope?: SiteScope } {
    if (!this.points) throw new Error('no points to site on');
    const { hamlets, schools, candidates: places } = this.points;
    if (request.candidateUse === undefined) return { records: { hamlets, schools }, level, cost: siteCostTable({ hamlets, schools }, nearest4gKm, request.costs).cost };
    if (!places || places.length === 0) throw new Error('no candidate places to site on');
    const joined = joinCandidates({ hamlets, schools }, places);
    const cost = siteCostTable(joined.dataset, nearest4gKm, request.costs).cost;
    applyCostOverrides(cost, joined, places);
    return { records: joined.dataset, level, cost, scope: { joined, sites: candidateSites(joined, level, request.candidateUse) } };
  }

  /** The instant answer (lazy greedy), every site priced. */
  greedy(request: SitingRequest, planned: PlannedLevels, progress?: (p: SitingProgress) => void): SitingAnswer {
    const { records, level, cost, scope } = this.prepared(planned, request);
    const onProgress = throttled(progress);
    return greedyAnswer(records, level, cost, request, onProgress ? { onProgress } : {}, scope);
  }

  /** HiGHS's answer with its bound, then the curve's exact points. */
  async exact(request: SitingRequest, planned: PlannedLevels, progress?: (p: SitingProgress) => void): Promise<ExactAnswer> {
    const { records, level, cost, scope } = this.prepared(planned, request);
    this.highs ??= loadHighs({ locateFile: () => wasmUrl });
    const highs = await this.highs;
    return exactAnswer(highs, records, level, cost, request, {
      onBounds: (value, bound) => void progress?.({ stage: 'solving', value, bound }),
      onCurve: (done, total) => void progress?.({ stage: 'curve', done, total }),
    }, scope);
  }
}
