import { fromDay } from '../domain/progress/days.ts';
import type { Timeline } from '../domain/progress/timeline.ts';
import type { SitingOptions } from '../domain/siting/siting.ts';
import { bundledFiles } from '../io/bundled.ts';
import type { WorkerRequest, WorkerResponse } from '../worker/protocol.ts';
import { startImportBridge } from './import-bridge.ts';
import { scenarioOf, useAppStore, type AppState } from './store.ts';

/** Today, kept within the data's dates: the as-of day a freshly loaded dataset opens on. */
export function defaultAsOf(timeline: Pick<Timeline, 'firstDay' | 'lastDay'>, now = Date.now()): string {
  const today = Math.floor(now / 86_400_000);
  return fromDay(Math.min(Math.max(today, timeline.firstDay), timeline.lastDay));
}

/** The plan the worker should compute with: a drag's preview, else the plan. */
const shownPlan = (s: Pick<AppState, 'plan' | 'planPreview'>) => s.planPreview ?? s.plan;

let requestSiting: ((options: SitingOptions) => void) | undefined;

/** Asks the worker for siting suggestions over the planned scenario with the plan. */
export function suggestSites(options: SitingOptions): void {
  requestSiting?.(options);
}

/**
 * Starts the data worker, loads the bundled dataset into it, then asks for coverage whenever
 * the dataset, the scenario or the plan changes. Runs outside React; answers to requests that
 * a newer one has replaced are dropped.
 */
export function startDataWorker(): () => void {
  const worker = new Worker(new URL('../worker/data.worker.ts', import.meta.url), { type: 'module' });
  const post = (request: WorkerRequest) => worker.postMessage(request);
  let latestRequest = 0;
  let latestSiting = 0;

  const requestCoverage = () => {
    const state = useAppStore.getState();
    if (!state.dataset) return;
    latestRequest += 1;
    state.coverageRequested();
    post({ type: 'coverage', requestId: latestRequest, scenario: scenarioOf(state) });
  };
  const sendPlan = () => {
    const state = useAppStore.getState();
    if (!state.dataset) return;
    latestRequest += 1;
    post({ type: 'plan', requestId: latestRequest, plan: shownPlan(state), scenario: scenarioOf(state) });
  };
  requestSiting = (options) => {
    latestSiting += 1;
    useAppStore.getState().sitingChanged({ phase: 'running', options });
    post({ type: 'siting', requestId: latestSiting, options });
  };

  const load = () => post({ type: 'load', files: bundledFiles() });
  const imports = startImportBridge(post, load);

  worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
    const message = event.data;
    if (imports.handle(message)) return;
    const store = useAppStore.getState();
    switch (message.type) {
      case 'progress':
        store.loadProgressed(message.done, message.total);
        break;
      case 'loaded':
        store.datasetLoaded(message.dataset, message.issues, defaultAsOf(message.dataset.days));
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
      case 'radius-range':
        if (message.requestId === latestRequest) store.radiusRangeComputed(message.requestId, message.radiusRange);
        break;
      case 'plan-coverage': {
        // The quick answer to an edit: levels and figures now, nearest towers with the full
        // result that follows.
        if (message.requestId !== latestRequest || !store.coverage) break;
        store.coverageComputed({ ...store.coverage, level: message.level, figures: message.figures, cellCounts: message.cellCounts });
        break;
      }
      case 'timeline':
        store.timelineRebuilt(message.timeline);
        break;
      case 'coverage-failed':
        if (message.requestId === latestRequest) store.coverageFailed(message.message);
        break;
      case 'siting': {
        const running = store.siting;
        if (message.requestId !== latestSiting || running.phase !== 'running') break;
        store.sitingChanged({ phase: 'done', options: running.options, result: message.result, elapsedMs: message.elapsedMs });
        break;
      }
      case 'siting-failed':
        if (message.requestId === latestSiting) store.sitingChanged({ phase: 'failed', message: message.message });
        break;
    }
  };
  worker.onerror = (event) => {
    useAppStore.getState().datasetRejected(event.message || 'worker error', []);
  };

  const unsubscribe = useAppStore.subscribe((state, previous) => {
    if (state.dataset !== previous.dataset || scenarioOf(state) !== scenarioOf(previous)) {
      requestCoverage();
      // A new scenario keeps the plan; the worker holds it already.
      return;
    }
    if (shownPlan(state) !== shownPlan(previous)) sendPlan();
  });
  load();
  return () => {
    unsubscribe();
    imports.stop();
    requestSiting = undefined;
    worker.terminate();
  };
}
