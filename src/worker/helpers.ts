// The data worker's helper threads (helper.worker.ts). The timeline's level changes run on one
// of their own. A coverage pass is split over others: each helper holds a slice of the points (sent
// once per data set) and classifies it against the scenario's towers (copied per pass); the
// data worker classifies the first slice itself meanwhile. In Node, `npm run bench`
// (parallel.ts) measured ×1.5 with two threads on two cores at 1M points × 100k towers; in
// the browser on the same two cores the split was slower (545–835 ms against 482–534 ms a
// pass), the second core being taken by the page, the GPU process and the timeline's helper.
// So helpers start only for cores beyond those three, and only for large data sets: below
// POOL_MIN_POINTS a pass takes milliseconds and the copies would cost more than they save.
import { transfer, wrap } from 'comlink';
import { classify } from '../domain/coverage/classify.ts';
import type { Classification, PointColumns, TowerColumns } from '../domain/coverage/columns.ts';
import { levelChanges, type LevelChanges } from '../domain/progress/level-changes.ts';
import type { TowerStates } from '../domain/progress/tower-states.ts';
import type { HelperThread } from './helper.worker.ts';
import { moved } from './moved.ts';

const POOL_MIN_POINTS = 200_000;

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
    return { setPoints: remote.setPoints, classify: remote.classify, classifyOnce: remote.classifyOnce, sendPieces: remote.sendPieces, levelChanges: remote.levelChanges, terminate: () => worker.terminate() };
  } catch {
    return undefined;
  }
}

function slice(points: PointColumns, from: number, to: number): PointColumns {
  return { count: to - from, lon: points.lon.slice(from, to), lat: points.lat.slice(from, to), fixedBroadband: points.fixedBroadband.slice(from, to) };
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
    const parts = helpers.length + 1;
    this.bounds = Array.from({ length: parts + 1 }, (_, j) => Math.round((j * points.count) / parts));
    this.own = slice(points, 0, this.bounds[1] as number);
    this.closed = new Promise<never>((_, reject) => (this.close_ = reject));
    this.closed.catch(() => undefined);
    helpers.forEach((helper, h) => {
      const part = slice(points, this.bounds[h + 1] as number, this.bounds[h + 2] as number);
      void helper.setPoints(moved(part));
    });
  }

  /** The same answer as classify(points, towers), in parts. */
  async classify(towers: TowerColumns): Promise<Classification> {
    const asked = this.helpers.map((helper) => helper.classify(towers));
    const own = classify(this.own, towers);
    const parts = [own, ...(await Promise.race([Promise.all(asked), this.closed]))];
    const n = this.points.count;
    const out: Classification = { level: new Uint8Array(n), nearest4g: new Int32Array(n), nearest4gKm: new Float64Array(n) };
    parts.forEach((part, j) => {
      const at = this.bounds[j] as number;
      out.level.set(part.level, at);
      out.nearest4g.set(part.nearest4g, at);
      out.nearest4gKm.set(part.nearest4gKm, at);
    });
    return out;
  }

  close(): void {
    for (const helper of this.helpers) helper.terminate();
    this.close_(new Error('the data set was replaced'));
  }
}

/** Cores left for helpers once the page, the data worker and the timeline's helper have one each. */
export function spareCores(cores: number): number {
  return Math.max(0, Math.min(3, cores - 3));
}

/** Helper threads for a data set of `count` points: none when small or without spare cores. */
export function startHelpers(count: number): Helper[] {
  if (count < POOL_MIN_POINTS || typeof navigator === 'undefined') return [];
  const helpers: Helper[] = [];
  for (let h = spareCores(navigator.hardwareConcurrency || 1); h > 0; h--) {
    const helper = startHelper();
    if (!helper) break;
    helpers.push(helper);
  }
  return helpers;
}

/** The thread of work beside the coverage passes: the timeline's level changes, an import's impact pass. */
let sideHelper: ReturnType<typeof startHelper>;

/** levelChanges(points, states) on the side thread; the tower states are moved there, the points copied. */
export function levelChangesOffThread({ points, states }: { points: PointColumns; states: TowerStates }): LevelChanges | Promise<LevelChanges> {
  sideHelper ??= startHelper();
  return sideHelper ? sideHelper.levelChanges(points, moved(states)) : levelChanges(points, states);
}

/**
 * classify(points, towers) on the side thread, both moved there (pass copies): while the data
 * worker makes another pass, in the browser the page is idle and this one takes the other core.
 */
export function classifyOffThread(points: PointColumns, towers: TowerColumns): Classification | Promise<Classification> {
  sideHelper ??= startHelper();
  return sideHelper ? sideHelper.classifyOnce(moved(points), moved(towers)) : classify(points, towers);
}

/** Reads and decodes `blob` on the side thread onto `port` (text-pieces.ts); undefined where no thread starts. */
export function decodeOffThread(blob: Blob, port: MessagePort): Promise<void> | undefined {
  sideHelper ??= startHelper();
  return sideHelper?.sendPieces(blob, transfer(port, [port]));
}
