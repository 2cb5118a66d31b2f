// What the plan changes, derived from the worker's answer: the points that became good with
// it and those that are good without it but not with it.
import { LEVEL_GOOD } from '../domain/coverage/columns.ts';
import type { CoverageResult } from '../domain/coverage/answer.ts';

export interface PlanChanges {
  gained: Int32Array;
  lost: Int32Array;
}

const NONE: PlanChanges = { gained: new Int32Array(0), lost: new Int32Array(0) };
const cache = new WeakMap<Uint8Array, PlanChanges>();

export function planChanges(coverage: CoverageResult | undefined): PlanChanges {
  if (!coverage) return NONE;
  const { level, baselineLevel } = coverage;
  // Keyed on the level array: a plan edit brings a new one, a full result too.
  let found = cache.get(level);
  if (!found) {
    const gained: number[] = [];
    const lost: number[] = [];
    for (let i = 0; i < level.length; i++) {
      const now = level[i] === LEVEL_GOOD;
      const before = baselineLevel[i] === LEVEL_GOOD;
      if (now && !before) gained.push(i);
      else if (before && !now) lost.push(i);
    }
    found = { gained: Int32Array.from(gained), lost: Int32Array.from(lost) };
    cache.set(level, found);
  }
  return found;
}
