/// <reference lib="webworker" />
// Fetching and validating off the main thread keeps the page responsive on big files.
import { parseDataset, type SourceFile } from '../domain/parse/index.ts';
import type { LoadRequest, LoadResponse } from './load-protocol.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;

function reply(message: LoadResponse): void {
  scope.postMessage(message);
}

scope.onmessage = async (event: MessageEvent<LoadRequest>) => {
  const { files } = event.data;
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
    if (dataset) reply({ type: 'loaded', dataset, issues });
    else reply({ type: 'rejected', reason: 'invalid', issues });
  } catch (error) {
    reply({ type: 'rejected', reason: error instanceof Error ? error.message : String(error), issues: [] });
  }
};
