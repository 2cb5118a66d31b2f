/// <reference lib="webworker" />
// The data worker: fetches and validates the files, keeps the dataset, and answers coverage
// requests, so neither parsing nor the engine ever runs on the main thread.
import { parseDataset, type SourceFile } from '../domain/parse/index.ts';
import type { Dataset } from '../domain/types.ts';
import { CoverageSession } from './compute.ts';
import { timelineTransferables, transferables, type RemoteFile, type WorkerRequest, type WorkerResponse } from './protocol.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;
let session: CoverageSession | undefined;

function reply(message: WorkerResponse, transfer: Transferable[] = []): void {
  scope.postMessage(message, transfer);
}

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
    session = new CoverageSession(dataset as Dataset);
    const started = performance.now();
    const timeline = session.timeline();
    const timelineMs = performance.now() - started;
    reply({ type: 'loaded', dataset, issues, timeline, timelineMs }, timelineTransferables(timeline));
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
    if (!session) return;
    try {
      const result = session.coverage(requestId, scenario);
      reply({ type: 'coverage', ...result }, transferables(result));
      const started = performance.now();
      const timeline = session.timeline();
      reply({ type: 'timeline', timeline, timelineMs: performance.now() - started }, timelineTransferables(timeline));
    } catch (error) {
      reply({ type: 'coverage-failed', requestId, message: error instanceof Error ? error.message : String(error) });
    }
  }, REFRESH_DELAY_MS);
}

function answer(request: Exclude<WorkerRequest, { type: 'load' }>, current: CoverageSession): void {
  switch (request.type) {
    case 'coverage': {
      const result = current.coverage(request.requestId, request.scenario);
      reply({ type: 'coverage', ...result }, transferables(result));
      return;
    }
    case 'plan': {
      const result = current.setPlan(request.requestId, request.plan, request.scenario);
      reply({ type: 'plan-coverage', ...result }, [result.level.buffer, result.changed.buffer]);
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
