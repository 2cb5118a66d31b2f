// The data worker's helper threads (helper.worker.ts). The timeline's level changes run on one
// of their own. A coverage pass is split over others (domain/coverage/slices.ts: how many,
// and why): each helper holds a slice of the points (sent once per data set) and classifies it
// against the scenario's towers (copied per pass); the data worker classifies the first slice
// itself meanwhile.
import { wrap } from 'comlink';
import { classify } from '../domain/coverage/classify.ts';
import type { Classification, PointColumns, TowerColumns } from '../domain/coverage/columns.ts';
import { helperCount, joinClassifications, sliceBounds, slicePoints } from '../domain/coverage/slices.ts';
import { levelChanges, type LevelChanges } from '../domain/progress/level-changes.ts';
import type { TowerStates } from '../domain/progress/tower-states.ts';
import type { HelperThread } from './helper.worker.ts';
import { moved } from './moved.ts';

/** A helper as the pool sees it: a worker behind Comlink, or an object in tests. */
export interface Helper {
  setPoints(points: PointColumns): unknown;
  classify(towers: TowerColumns): Classification | Promise<Classification>;
  terminate(): void;
}

/** A helper thread; undefined where workers cannot start (Node, a test): the work is done here then. */
function startHelper() {
  if (typeof Worker === 'undefined') return undefined;
  try {
    const worker = new Worker(new URL('./helper.worker.ts', import.meta.url), { type: 'module' });
    const remote = wrap<HelperThread>(worker);
    return { setPoints: remote.setPoints, classify: remote.classify, levelChanges: remote.levelChanges, terminate: () => worker.terminate() };
  } catch {
    return undefined;
  }
}

export class ClassifyPool {
  private readonly bounds: number[];
  private readonly own: PointColumns;
  /** Rejects once closed: a pass waiting on the helpers then fails rather than waits forever. */
  private readonly closed: Promise<never>;
  private close_: (error: Error) => void = () => undefined;

  /** `helpers.length + 1` equal slices: the first is classified here. */
  constructor(
    private readonly points: PointColumns,
    private readonly helpers: Helper[],
  ) {
    this.bounds = sliceBounds(points.count, helpers.length + 1);
    this.own = slicePoints(points, 0, this.bounds[1] as number);
    this.closed = new Promise<never>((_, reject) => (this.close_ = reject));
    this.closed.catch(() => undefined);
    helpers.forEach((helper, h) => {
      const part = slicePoints(points, this.bounds[h + 1] as number, this.bounds[h + 2] as number);
      void helper.setPoints(moved(part));
    });
  }

  /** The same answer as classify(points, towers), in parts. */
  async classify(towers: TowerColumns): Promise<Classification> {
    const asked = this.helpers.map((helper) => helper.classify(towers));
    const own = classify(this.own, towers);
    const parts = [own, ...(await Promise.race([Promise.all(asked), this.closed]))];
    return joinClassifications(this.points.count, this.bounds, parts);
  }

  close(): void {
    for (const helper of this.helpers) helper.terminate();
    this.close_(new Error('the data set was replaced'));
  }
}

/** Helper threads for a data set of `count` points: none when small or without spare cores. */
export function startHelpers(count: number): Helper[] {
  if (typeof navigator === 'undefined') return [];
  const helpers: Helper[] = [];
  for (let h = helperCount(count, navigator.hardwareConcurrency || 1); h > 0; h--) {
    const helper = startHelper();
    if (!helper) break;
    helpers.push(helper);
  }
  return helpers;
}

let timelineHelper: ReturnType<typeof startHelper>;

/** levelChanges(points, states) on a helper thread; the tower states are moved there, the points copied. */
export function levelChangesOffThread({ points, states }: { points: PointColumns; states: TowerStates }): LevelChanges | Promise<LevelChanges> {
  timelineHelper ??= startHelper();
  return timelineHelper ? timelineHelper.levelChanges(points, moved(states)) : levelChanges(points, states);
}
