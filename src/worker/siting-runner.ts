// The engine's side of the siting worker (siting.worker.ts): one worker kept for the data set
// it was given; a cancel ends it (a run there cannot be reached while it works), and the next
// run starts a fresh one. One run at a time: a newer one cancels the one under way.
import { proxy, wrap, type Remote } from 'comlink';
import type { SitingPoints } from '../domain/siting/priced.ts';
import type { SitingHelper } from './siting-helper.ts';
import type { SitingProgress } from '../domain/siting/run.ts';

export type StartSiting = () => Worker;
const startWorker: StartSiting = () => new Worker(new URL('./siting.worker.ts', import.meta.url), { type: 'module' });

export class SitingRunner {
  private worker: { remote: Remote<SitingHelper>; end: () => void; pointsOf?: number } | undefined;
  /** Settles the run under way as cancelled. */
  private cancelled: (() => void) | undefined;

  constructor(private readonly start: StartSiting = startWorker) {}

  /** `ask`'s answer from the helper holding data set `datasetId`'s points; undefined when cancelled or replaced. */
  run<T>(
    datasetId: number,
    points: SitingPoints,
    ask: (helper: Remote<SitingHelper>, progress: ((p: SitingProgress) => void) | undefined) => Promise<T>,
    progress?: (p: SitingProgress) => void,
  ): Promise<T | undefined> {
    this.cancel();
    if (!this.worker) {
      const worker = this.start();
      this.worker = { remote: wrap<SitingHelper>(worker), end: () => worker.terminate() };
    }
    const helper = this.worker;
    const asked = (async () => {
      if (helper.pointsOf !== datasetId) {
        await helper.remote.setPoints({ hamlets: points.hamlets, schools: points.schools, ...(points.candidates ? { candidates: points.candidates } : {}) });
        helper.pointsOf = datasetId;
      }
      return ask(helper.remote, progress && proxy(progress));
    })();
    const cancelled = new Promise<undefined>((resolve) => (this.cancelled = () => resolve(undefined)));
    const settle = this.cancelled;
    return Promise.race([asked, cancelled]).finally(() => {
      if (this.cancelled === settle) this.cancelled = undefined;
    });
  }

  /** Ends the run under way, if any (its promise resolves undefined), and its worker. */
  cancel(): void {
    if (!this.cancelled) return;
    this.cancelled();
    this.cancelled = undefined;
    this.worker?.end();
    this.worker = undefined;
  }
}
