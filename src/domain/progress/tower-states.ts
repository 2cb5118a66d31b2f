// Each tower as at most two states in time (contract, coverage rule 3, for a date D): as
// built from its service date, then upgraded from its upgrade date. A state covers with its
// own radius and class (4G/5G: good, 2G/3G: weak) on the days [start, end).
import type { Technology, Tower } from '../types.ts';
import { DEFAULT_RADIUS_KM } from '../types.ts';
import { DAY_MAX, DAY_MIN, toDay } from './days.ts';

export interface TowerStates {
  count: number;
  tower: Int32Array;
  lon: Float64Array;
  lat: Float64Array;
  radiusKm: Float64Array;
  /** 1 for 4G/5G, 0 for 2G/3G. */
  broadband: Uint8Array;
  /** First day on air in this state (DAY_MIN: always). */
  start: Int32Array;
  /** First day no longer in this state (DAY_MAX: never). */
  end: Int32Array;
}

const isBroadband = (technology: Technology) => technology === '4G' || technology === '5G';

interface State {
  tower: number;
  technology: Technology;
  radiusKm: number;
  start: number;
  end: number;
}

function statesOf(tower: Tower, index: number): State[] {
  // A planned tower with no date is never on air on a date; an existing one always was.
  const fallback = tower.status === 'existing' ? DAY_MIN : DAY_MAX;
  const start = tower.serviceDate === undefined ? fallback : toDay(tower.serviceDate);
  if (start >= DAY_MAX) return [];
  const built: State = {
    tower: index,
    technology: tower.technology,
    radiusKm: tower.radiusKm ?? DEFAULT_RADIUS_KM[tower.technology],
    start,
    end: DAY_MAX,
  };
  const upgrade = tower.upgradeTechnology;
  if (tower.status !== 'existing' || upgrade === undefined || tower.upgradeDate === undefined) return [built];
  // An upgrade dated before the service date applies from the first day on air.
  const from = Math.max(start, toDay(tower.upgradeDate));
  const upgraded: State = {
    tower: index,
    technology: upgrade,
    radiusKm: tower.upgradeRadiusKm ?? DEFAULT_RADIUS_KM[upgrade],
    start: from,
    end: DAY_MAX,
  };
  if (from === start) return [upgraded];
  built.end = from;
  return [built, upgraded];
}

export function towerStates(towers: readonly Tower[]): TowerStates {
  const states = towers.flatMap(statesOf);
  const count = states.length;
  const out: TowerStates = {
    count,
    tower: new Int32Array(count),
    lon: new Float64Array(count),
    lat: new Float64Array(count),
    radiusKm: new Float64Array(count),
    broadband: new Uint8Array(count),
    start: new Int32Array(count),
    end: new Int32Array(count),
  };
  states.forEach((state, k) => {
    const tower = towers[state.tower] as Tower;
    out.tower[k] = state.tower;
    out.lon[k] = tower.lon;
    out.lat[k] = tower.lat;
    out.radiusKm[k] = state.radiusKm;
    out.broadband[k] = isBroadband(state.technology) ? 1 : 0;
    out.start[k] = state.start;
    out.end[k] = state.end;
  });
  return out;
}
