import { bundledFiles } from '../io/bundled.ts';
import type { WorkerRequest, WorkerResponse } from '../worker/protocol.ts';
import { fromDay } from '../domain/progress/days.ts';
import type { Timeline } from '../domain/progress/timeline.ts';
import { scenarioOf, useAppStore } from './store.ts';

/** Today, kept within the data's dates: the as-of day a freshly loaded dataset opens on. */
export function defaultAsOf(timeline: Pick<Timeline, 'firstDay' | 'lastDay'>, now = Date.now()): string {
  const today = Math.floor(now / 86_400_000);
  return fromDay(Math.min(Math.max(today, timeline.firstDay), timeline.lastDay));
}

/**
 * Starts the data worker, loads the bundled dataset into it, then asks for coverage whenever
 * the dataset or the scenario changes. Runs outside React; answers to requests that a newer
 * one has replaced are dropped.
 */
export function startDataWorker(): () => void {
  const worker = new Worker(new URL('../worker/data.worker.ts', import.meta.url), { type: 'module' });
  const post = (request: WorkerRequest) => worker.postMessage(request);
  let latestRequest = 0;

  const requestCoverage = () => {
    const state = useAppStore.getState();
    const { dataset, coverageRequested } = state;
    if (!dataset) return;
    const scenario = scenarioOf(state);
    latestRequest += 1;
    coverageRequested();
    post({ type: 'coverage', requestId: latestRequest, scenario });
  };

  worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
    const message = event.data;
    const store = useAppStore.getState();
    switch (message.type) {
      case 'progress':
        store.loadProgressed(message.done, message.total);
        break;
      case 'loaded':
        store.datasetLoaded(message.dataset, message.issues, message.timeline, defaultAsOf(message.timeline));
        break;
      case 'rejected':
        store.datasetRejected(message.reason, message.issues);
        break;
      case 'coverage': {
        if (message.requestId !== latestRequest) break;
        const { type: _, ...result } = message;
        store.coverageComputed(result);
        break;
      }
      case 'coverage-failed':
        if (message.requestId === latestRequest) store.coverageFailed(message.message);
        break;
    }
  };
  worker.onerror = (event) => {
    useAppStore.getState().datasetRejected(event.message || 'worker error', []);
  };

  const unsubscribe = useAppStore.subscribe((state, previous) => {
    if (state.dataset !== previous.dataset || scenarioOf(state) !== scenarioOf(previous)) requestCoverage();
  });
  post({ type: 'load', files: bundledFiles() });
  return () => {
    unsubscribe();
    worker.terminate();
  };
}
