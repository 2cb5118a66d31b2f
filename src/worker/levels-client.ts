// The data worker's side of levels.worker.ts: one helper worker, started on first use, that
// computes level changes; where workers cannot start (Node, a test), they are computed here.
import type { PointColumns } from '../domain/coverage/columns.ts';
import { levelChanges, type LevelChanges } from '../domain/progress/level-changes.ts';
import type { TowerStates } from '../domain/progress/tower-states.ts';

export interface LevelsRequest {
  id: number;
  points: PointColumns;
  states: TowerStates;
}

export type LevelsResponse = { id: number; changes: LevelChanges } | { id: number; error: string };

let helper: Worker | undefined;
let lastId = 0;
const waiting = new Map<number, { resolve: (changes: LevelChanges) => void; reject: (error: Error) => void }>();

function start(): Worker | undefined {
  if (helper || typeof Worker === 'undefined') return helper;
  try {
    helper = new Worker(new URL('./levels.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return undefined;
  }
  helper.onmessage = (event: MessageEvent<LevelsResponse>) => {
    const reply = event.data;
    const wait = waiting.get(reply.id);
    waiting.delete(reply.id);
    if ('error' in reply) wait?.reject(new Error(reply.error));
    else wait?.resolve(reply.changes);
  };
  helper.onerror = (event) => {
    for (const wait of waiting.values()) wait.reject(new Error(event.message || 'the timeline worker failed'));
    waiting.clear();
    helper = undefined;
  };
  return helper;
}

/** levelChanges(points, states) on the helper worker; the tower states are moved there, the points copied. */
export function levelChangesOffThread({ points, states }: { points: PointColumns; states: TowerStates }): Promise<LevelChanges> {
  const worker = start();
  if (!worker) return Promise.resolve(levelChanges(points, states));
  lastId += 1;
  const id = lastId;
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    const request: LevelsRequest = { id, points, states };
    const moved = [states.tower, states.lon, states.lat, states.radiusKm, states.broadband, states.start, states.end].map((a) => a.buffer as ArrayBuffer);
    worker.postMessage(request, moved);
  });
}
