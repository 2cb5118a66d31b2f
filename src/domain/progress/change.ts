// What changed in an area between a chosen day (the last meeting) and the as-of day: hamlets
// and schools that gained good signal, and those still without it on the as-of day.
import { valueAt } from './steps.ts';
import type { Timeline } from './timeline.ts';

export interface AreaChange {
  /** Net gain in hamlets (schools) with good signal from `since` to `asOf` (negative: lost). */
  hamletsGained: number;
  schoolsGained: number;
  /** Hamlets (schools) without good signal on `asOf`. */
  hamletsMissing: number;
  schoolsMissing: number;
}

export function changeSince(timeline: Timeline, scope: number, since: number, asOf: number): AreaChange {
  const good = (key: 'hamlets_good' | 'schools_good', day: number) => valueAt(timeline.series[key][scope]!, day);
  const total = (key: 'hamlets' | 'schools') => timeline.totals[key][scope] as number;
  return {
    hamletsGained: good('hamlets_good', asOf) - good('hamlets_good', since),
    schoolsGained: good('schools_good', asOf) - good('schools_good', since),
    hamletsMissing: total('hamlets') - good('hamlets_good', asOf),
    schoolsMissing: total('schools') - good('schools_good', asOf),
  };
}
