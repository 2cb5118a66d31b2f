import { bundledFiles } from '../io/bundled.ts';
import type { WorkerRequest, WorkerResponse } from '../worker/protocol.ts';
import { useAppStore } from './store.ts';

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
    const { dataset, scenario, coverageRequested } = useAppStore.getState();
    if (!dataset) return;
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
        store.datasetLoaded(message.dataset, message.issues);
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
    if (state.dataset !== previous.dataset || state.scenario !== previous.scenario) requestCoverage();
  });
  post({ type: 'load', files: bundledFiles() });
  return () => {
    unsubscribe();
    worker.terminate();
  };
}
