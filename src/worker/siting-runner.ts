// The engine's side of the siting worker (siting.worker.ts): one worker kept for the data set
// it was given; a cancel ends it (a run there cannot be reached while it works), and the next
// run starts a fresh one. One run at a time: a newer one cancels the one under way.
import { proxy, wrap, type Remote } from 'comlink';
import type { Dataset } from '../domain/types.ts';
import type { SitingHelper } from './siting-helper.ts';
import type { SitingProgress } from './protocol-siting.ts';

export type StartSiting = () => Worker;
const startWorker: StartSiting = () => new Worker(new URL('./siting.worker.ts', import.meta.url), { type: 'module' });

export class SitingRunner {
  private worker: Worker | undefined;
  private remote: Remote<SitingHelper> | undefined;
  private pointsOf: number | undefined;
  /** Settles the run under way as cancelled. */
  private settle: (() => void) | undefined;

  constructor(private readonly start: StartSiting = startWorker) {}

  /**
   * `ask`'s answer from the helper holding data set `datasetId`'s points, or undefined when
   * cancelled (or replaced by a newer run).
   */
  run<T>(
    datasetId: number,
    points: Pick<Dataset, 'hamlets' | 'schools'>,
    ask: (helper: Remote<SitingHelper>, progress: ((p: SitingProgress) => void) | undefined) => Promise<T>,
    progress?: (p: SitingProgress) => void,
  ): Promise<T | undefined> {
    this.cancel();
    if (!this.remote) {
      this.worker = this.start();
      this.remote = wrap<SitingHelper>(this.worker);
      this.pointsOf = undefined;
    }
    const remote = this.remote;
    return new Promise<T | undefined>((resolve, reject) => {
      let done = false;
      const settle = (then: () => void) => {
        if (done) return;
        done = true;
        if (this.settle === cancelled) this.settle = undefined;
        then();
      };
      const cancelled = () => settle(() => resolve(undefined));
      this.settle = cancelled;
      const go = async () => {
        if (this.pointsOf !== datasetId) {
          await remote.setPoints({ hamlets: points.hamlets, schools: points.schools });
          this.pointsOf = datasetId;
        }
        return ask(remote, progress ? proxy(progress) : undefined);
      };
      go().then(
        (answer) => settle(() => resolve(answer)),
        (error: unknown) => settle(() => reject(error instanceof Error ? error : new Error(String(error)))),
      );
    });
  }

  /** Ends the run under way, if any (its promise resolves undefined). */
  cancel(): void {
    if (!this.settle) return;
    this.settle();
    this.close();
  }

  close(): void {
    this.settle?.();
    this.worker?.terminate();
    this.worker = undefined;
    this.remote = undefined;
  }
}
