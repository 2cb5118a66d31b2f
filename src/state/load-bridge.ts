import { bundledFiles } from '../io/bundled.ts';
import type { LoadRequest, LoadResponse } from '../worker/load-protocol.ts';
import { useAppStore } from './store.ts';

/** Loads the bundled dataset in a worker and reports progress and the outcome to the store. */
export function loadBundledDataset(): () => void {
  const worker = new Worker(new URL('../worker/load.worker.ts', import.meta.url), { type: 'module' });
  const store = useAppStore.getState();
  worker.onmessage = (event: MessageEvent<LoadResponse>) => {
    const message = event.data;
    if (message.type === 'progress') store.loadProgressed(message.done, message.total);
    else {
      if (message.type === 'loaded') store.datasetLoaded(message.dataset, message.issues);
      else store.datasetRejected(message.reason, message.issues);
      worker.terminate();
    }
  };
  worker.onerror = (event) => {
    store.datasetRejected(event.message || 'worker error', []);
    worker.terminate();
  };
  const request: LoadRequest = { type: 'load', files: bundledFiles() };
  worker.postMessage(request);
  return () => worker.terminate();
}
