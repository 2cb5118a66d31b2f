/// <reference lib="webworker" />
// The data worker: fetches and validates the files, keeps the dataset, and answers coverage
// requests, so neither parsing nor the engine ever runs on the main thread.
import { parseDataset, type SourceFile } from '../domain/parse/index.ts';
import { datasetView, datasetViewTransferables } from '../domain/points/dataset-view.ts';
import type { Scenario } from '../domain/coverage/columns.ts';
import type { Dataset, Issue } from '../domain/types.ts';
import { datasetKey } from '../io/dataset-key.ts';
import { loadImport, saveImport } from '../io/import-store.ts';
import { CoverageSession, RADIUS_FACTORS } from './compute.ts';
import { ClassifyPool, startHelpers } from './classify-pool.ts';
import { ImportSession } from './import-session.ts';
import { levelChangesOffThread } from './levels-client.ts';
import {
  timelineTransferables,
  transferables,
  type ImportRequestFile,
  type RadiusFigures,
  type RemoteFile,
  type WorkerRequest,
  type WorkerResponse,
} from './protocol.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;
let session: CoverageSession | undefined;
let imports: ImportSession | undefined;

function reply(message: WorkerResponse, transfer: Transferable[] = []): void {
  scope.postMessage(message, transfer);
}

// The newest coverage or plan request: work for an older one that has not started yet (a
// scenario, its radius range) is dropped, so a burst of requests (scrubbing through dates)
// costs one answer, not one each.
let latestRequest = 0;
// Work no figure of the first screen waits on, and which takes seconds at national scale (the
// timeline, saving an import on this device): done after the coverage answer and its radius
// range, one task at a time, each after the messages already waiting.
const deferred: (() => unknown)[] = [];
let draining = false;

function runDeferred(): void {
  if (draining) return;
  const task = deferred.shift();
  if (!task) return;
  draining = true;
  later(() => {
    void Promise.resolve()
      .then(task)
      .finally(() => {
        draining = false;
        runDeferred();
      });
  });
}

let timelineDue = false;

/** The timeline (again) once the coverage answer is out: queued once however often asked. */
function timelineWanted(): void {
  if (timelineDue) return;
  timelineDue = true;
  deferred.push(sendTimeline);
}

/** Its slow part runs on the helper worker: coverage requests are answered meanwhile. */
async function sendTimeline(): Promise<void> {
  const current = session;
  if (!current || !timelineDue) return;
  timelineDue = false;
  const started = performance.now();
  try {
    const timeline = await current.timeline(levelChangesOffThread);
    // A newer data set or plan edit has its own timeline queued.
    if (current !== session || timelineDue) return;
    reply({ type: 'timeline', timeline, timelineMs: performance.now() - started }, timelineTransferables(timeline));
  } catch (error) {
    failed(latestRequest, error);
  }
}

// A large data set's coverage pass is split over helper threads (classify-pool.ts).
let pool: ClassifyPool | undefined;

/** Makes `dataset` the one the worker computes on, and tells the page. */
function open(dataset: Dataset, issues: Issue[]): void {
  session = new CoverageSession(dataset);
  pool?.close();
  const helpers = startHelpers(session.pointColumns.count);
  pool = helpers.length > 0 ? new ClassifyPool(session.pointColumns, helpers) : undefined;
  const view = datasetView(dataset, session.grid);
  timelineWanted();
  reply({ type: 'loaded', dataset: view, issues }, datasetViewTransferables(view));
}

/** A task of its own, after the messages already waiting. */
const later = (task: () => void): void => void setTimeout(task, 0);

function failed(requestId: number, error: unknown): void {
  reply({ type: 'coverage-failed', requestId, message: error instanceof Error ? error.message : String(error) });
}

/** The scenario's result, then (as later tasks, unless a newer request came) the radius range and the timeline. */
async function runCoverage(requestId: number, scenario: Scenario): Promise<void> {
  if (requestId !== latestRequest || !session) return;
  const current = session;
  try {
    const result = pool ? await current.coverageWith(pool, requestId, scenario) : current.coverage(requestId, scenario);
    // Asked again meanwhile (the pass waited on the helpers): only the newest is answered.
    if (current !== session || requestId !== latestRequest) return;
    const figures = result.figures;
    reply({ type: 'coverage', ...result }, transferables(result));
    const range: RadiusFigures[] = [];
    const step = (k: number) =>
      later(() => {
        if (requestId !== latestRequest || current !== session) return;
        const factor = RADIUS_FACTORS[k];
        if (factor === undefined) {
          reply({ type: 'radius-range', requestId, radiusRange: range });
          runDeferred();
          return;
        }
        try {
          range.push({ factor, figures: factor === 1 ? figures : current.radiusFigures(scenario, factor) });
        } catch (error) {
          failed(requestId, error);
          return;
        }
        step(k + 1);
      });
    step(0);
  } catch (error) {
    failed(requestId, error);
  }
}

async function checkImport(importId: number, files: ImportRequestFile[]): Promise<void> {
  if (!imports) {
    reply({ type: 'import-failed', importId, message: 'no data is loaded yet' });
    return;
  }
  try {
    let last = 0;
    const checked = await imports.check(importId, files, (phase, done, total) => {
      // A message per ~1% is enough for a progress bar.
      if (phase === 'reading' && done - last < total / 100 && done < total) return;
      last = done;
      reply({ type: 'import-progress', importId, phase, done, total });
    });
    reply({ type: 'import-checked', ...checked });
  } catch (error) {
    reply({ type: 'import-failed', importId, message: error instanceof Error ? error.message : String(error) });
  }
}

function commitImport(importId: number, validOnly: boolean): void {
  const taken = imports?.commit(importId, validOnly);
  if (!taken) {
    reply({ type: 'import-failed', importId, message: 'this import is no longer waiting; check the files again' });
    return;
  }
  open(taken.dataset, []);
  const files = taken.changed.map(({ path, text }) => ({ path, text }));
  reply({ type: 'import-done', importId, paths: files.map((f) => f.path), validOnly });
  // Kept on this device (IndexedDB) from here: the texts never cross to the page.
  const key = datasetKey(taken.dataset);
  deferred.push(async () => {
    const saved = await saveImport(key, files);
    if (!saved.ok) reply({ type: 'import-failed', importId, message: saved.message });
  });
}

/** On the first load: the files imported on an earlier visit, laid over the bundled ones. */
async function restoreSaved(): Promise<void> {
  if (typeof indexedDB === 'undefined') return;
  const saved = await loadImport();
  if (saved.status !== 'loaded' || saved.files.length === 0) return;
  reply({ type: 'import-restoring', paths: saved.files.map((f) => f.path) });
  restoreImport(saved.files);
}

/** Lays files saved from an earlier import over the loaded ones, if they still pass. */
function restoreImport(files: { path: string; text: string }[]): void {
  if (!imports) return;
  const byPath = new Map(files.map((f) => [f.path, f.text]));
  const sources = imports.files.map((f) => ({ path: f.path, text: byPath.get(f.path) ?? f.text }));
  for (const f of files) if (!sources.some((s) => s.path === f.path)) sources.push(f);
  const { dataset, issues } = parseDataset(sources);
  if (!dataset || issues.some((i) => i.severity === 'error')) {
    reply({ type: 'import-failed', importId: 0, message: 'the data imported earlier no longer passes the checks; the bundled data stays' });
    return;
  }
  imports = imports.over(sources);
  open(dataset, issues);
}

let firstLoad = true;

async function load(files: RemoteFile[]): Promise<void> {
  const total = files.length + 1;
  try {
    const sources: SourceFile[] = [];
    for (const file of files) {
      const response = await fetch(file.url);
      if (!response.ok) throw new Error(`${file.path}: HTTP ${response.status}`);
      sources.push({ path: file.path, text: await response.text() });
      reply({ type: 'progress', done: sources.length, total });
    }
    const { dataset, issues } = parseDataset(sources);
    if (!dataset) {
      reply({ type: 'rejected', reason: 'invalid', issues });
      return;
    }
    imports = new ImportSession(sources);
    open(dataset, issues);
    if (firstLoad) {
      firstLoad = false;
      void restoreSaved();
    }
  } catch (error) {
    reply({ type: 'rejected', reason: error instanceof Error ? error.message : String(error), issues: [] });
  }
}

// After a burst of plan edits (a drag sends one per frame), the slower parts follow once:
// nearest towers, the radius range, and the timeline behind the target cards.
const REFRESH_DELAY_MS = 150;
let refresh: ReturnType<typeof setTimeout> | undefined;

function scheduleRefresh(requestId: number, scenario: string): void {
  clearTimeout(refresh);
  refresh = setTimeout(() => {
    timelineWanted();
    void runCoverage(requestId, scenario);
  }, REFRESH_DELAY_MS);
}

function answer(request: Exclude<WorkerRequest, { type: 'load' }>, current: CoverageSession): void {
  switch (request.type) {
    case 'coverage': {
      latestRequest = request.requestId;
      later(() => void runCoverage(request.requestId, request.scenario));
      return;
    }
    case 'plan': {
      latestRequest = request.requestId;
      const result = current.setPlan(request.requestId, request.plan, request.scenario);
      reply({ type: 'plan-coverage', ...result }, [result.level.buffer, result.changed.buffer, result.cellCounts.buffer]);
      scheduleRefresh(request.requestId, request.scenario);
      return;
    }
    case 'siting': {
      const started = performance.now();
      const result = current.siting(request.options);
      reply({ type: 'siting', requestId: request.requestId, result, elapsedMs: performance.now() - started });
      return;
    }
  }
}

scope.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  if (request.type === 'load') {
    void load(request.files);
    return;
  }
  if (request.type === 'import-check') {
    void checkImport(request.importId, request.files);
    return;
  }
  if (request.type === 'import-commit') {
    commitImport(request.importId, request.validOnly);
    return;
  }
  if (request.type === 'import-cancel') {
    imports?.cancel(request.importId);
    return;
  }
  const failed = (message: string): WorkerResponse =>
    request.type === 'siting'
      ? { type: 'siting-failed', requestId: request.requestId, message }
      : { type: 'coverage-failed', requestId: request.requestId, message };
  if (!session) {
    reply(failed('no dataset loaded'));
    return;
  }
  try {
    answer(request, session);
  } catch (error) {
    reply(failed(error instanceof Error ? error.message : String(error)));
  }
};
