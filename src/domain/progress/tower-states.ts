// Each tower as at most two states in time (contract, coverage rule 3, for a date D): as
// built from its service date, then upgraded from its upgrade date. A state covers with its
// own radius and class (4G/5G: good, 2G/3G: weak) on the days [start, end).
import type { RadioModel, Technology, Tower } from '../types.ts';
import { DEFAULT_RADIUS_KM } from '../types.ts';
import { CLASS_COUNT, writeClassRadii } from '../coverage/radio-model.ts';
import { DAY_MAX, DAY_MIN, toDay } from './days.ts';

export interface TowerStates {
  count: number;
  tower: Int32Array;
  lon: Float64Array;
  lat: Float64Array;
  radiusKm: Float64Array;
  /**
   * Under path loss (rule 8): each state's radius per clutter class, `count × 4` (class-code
   * order), and `radiusKm` the largest of them. Absent: every class has `radiusKm`.
   */
  classRadiusKm?: Float64Array;
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
  /** The radius and band the data gives for this state (rule 8's inputs), if any. */
  givenKm: number | undefined;
  bandMhz: number | undefined;
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
    givenKm: tower.radiusKm,
    bandMhz: tower.bandMhz,
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
    givenKm: tower.upgradeRadiusKm,
    bandMhz: tower.upgradeBandMhz,
    start: from,
    end: DAY_MAX,
  };
  if (from === start) return [upgraded];
  built.end = from;
  return [built, upgraded];
}

/** The towers' states; with a path-loss `model`, their radii per clutter class (as `onAirTowers` makes them). */
export function towerStates(towers: readonly Tower[], model?: RadioModel): TowerStates {
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
  if (model?.radiusModel === 'path_loss') {
    const classRadiusKm = new Float64Array(count * CLASS_COUNT);
    states.forEach((state, k) => {
      const tower = towers[state.tower] as Tower;
      const at = k * CLASS_COUNT;
      writeClassRadii(classRadiusKm, at, model, state.technology, state.givenKm, tower.heightM, state.bandMhz, DEFAULT_RADIUS_KM[state.technology]);
      let largest = -Infinity;
      for (let c = at; c < at + CLASS_COUNT; c++) largest = Math.max(largest, classRadiusKm[c] as number);
      out.radiusKm[k] = largest;
    });
    out.classRadiusKm = classRadiusKm;
  }
  return out;
}
