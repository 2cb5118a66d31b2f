// The data worker's side of levels.worker.ts: one helper worker, started on first use, that
// computes level changes; where workers cannot start (Node, a test), they are computed here.
import { transfer, wrap, type Remote } from 'comlink';
import type { PointColumns } from '../domain/coverage/columns.ts';
import { levelChanges, type LevelChanges } from '../domain/progress/level-changes.ts';
import type { TowerStates } from '../domain/progress/tower-states.ts';
import type { LevelsHelper } from './levels.worker.ts';

let helper: Remote<LevelsHelper> | undefined;

/** levelChanges(points, states) on the helper worker; the tower states are moved there, the points copied. */
export function levelChangesOffThread({ points, states }: { points: PointColumns; states: TowerStates }): LevelChanges | Promise<LevelChanges> {
  if (!helper && typeof Worker !== 'undefined') {
    try {
      helper = wrap<LevelsHelper>(new Worker(new URL('./levels.worker.ts', import.meta.url), { type: 'module' }));
    } catch {
      // Computed here below.
    }
  }
  if (!helper) return levelChanges(points, states);
  const moved = [states.tower, states.lon, states.lat, states.radiusKm, states.broadband, states.start, states.end].map((a) => a.buffer as ArrayBuffer);
  return helper.levelChanges(points, transfer(states, moved));
}
