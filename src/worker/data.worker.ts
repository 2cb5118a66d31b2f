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

scope.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  if (request.type === 'load') {
    void load(request.files);
    return;
  }
  if (!session) {
    reply({ type: 'coverage-failed', requestId: request.requestId, message: 'no dataset loaded' });
    return;
  }
  try {
    const result = session.coverage(request.requestId, request.scenario);
    reply({ type: 'coverage', ...result }, transferables(result));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    reply({ type: 'coverage-failed', requestId: request.requestId, message });
  }
};
