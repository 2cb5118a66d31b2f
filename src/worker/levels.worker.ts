/// <reference lib="webworker" />
// The timeline's slow part (every point's coverage level through time, at national scale
// many seconds) on a core of its own: the data worker meanwhile answers coverage requests.
import { levelChanges } from '../domain/progress/level-changes.ts';
import type { LevelsRequest, LevelsResponse } from './levels-client.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<LevelsRequest>) => {
  const { id, points, states } = event.data;
  try {
    const changes = levelChanges(points, states);
    const reply: LevelsResponse = { id, changes };
    scope.postMessage(reply, [changes.initial.buffer, changes.offsets.buffer, changes.day.buffer, changes.level.buffer]);
  } catch (error) {
    const reply: LevelsResponse = { id, error: error instanceof Error ? error.message : String(error) };
    scope.postMessage(reply);
  }
};
