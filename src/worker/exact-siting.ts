// The engine's side of the exact siting worker (siting.worker.ts): one worker kept for the
// data set it was given; a cancel ends it (HiGHS cannot be reached while it searches), and the
// next search starts a fresh one.
import { proxy, wrap, type Remote } from 'comlink';
import type { ExactAnswer, SitingRequest } from '../domain/siting/modes.ts';
import type { Dataset } from '../domain/types.ts';
import type { ExactProgress } from './protocol-siting.ts';
import type { ExactSiting } from './siting.worker.ts';

export class ExactSitingRunner {
  private worker: Worker | undefined;
  private remote: Remote<ExactSiting> | undefined;
  private pointsOf: number | undefined;
  /** Settles the search under way as cancelled. */
  private settle: (() => void) | undefined;

  /** The exact answer, or undefined when cancelled (or replaced by a newer search). */
  async solve(
    datasetId: number,
    points: Pick<Dataset, 'hamlets' | 'schools'>,
    request: SitingRequest,
    level: Uint8Array,
    cost: Float64Array,
    progress?: (p: ExactProgress) => void,
  ): Promise<ExactAnswer | undefined> {
    this.cancel();
    if (!this.remote) {
      this.worker = new Worker(new URL('./siting.worker.ts', import.meta.url), { type: 'module' });
      this.remote = wrap<ExactSiting>(this.worker);
      this.pointsOf = undefined;
    }
    const remote = this.remote;
    return new Promise<ExactAnswer | undefined>((resolve, reject) => {
      let done = false;
      this.settle = () => {
        done = true;
        resolve(undefined);
      };
      const run = async () => {
        if (this.pointsOf !== datasetId) {
          await remote.setPoints({ hamlets: points.hamlets, schools: points.schools });
          this.pointsOf = datasetId;
        }
        return remote.solve(request, level, cost, progress ? proxy(progress) : undefined);
      };
      run().then(
        (answer) => {
          if (done) return;
          this.settle = undefined;
          resolve(answer);
        },
        (error: unknown) => {
          if (done) return;
          this.settle = undefined;
          reject(error instanceof Error ? error : new Error(String(error)));
        },
      );
    });
  }

  /** Ends the search under way, if any (its promise resolves undefined). */
  cancel(): void {
    if (!this.settle) return;
    this.settle();
    this.settle = undefined;
    this.worker?.terminate();
    this.worker = undefined;
    this.remote = undefined;
  }

  close(): void {
    this.cancel();
    this.worker?.terminate();
    this.worker = undefined;
    this.remote = undefined;
  }
}
