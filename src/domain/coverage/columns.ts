// Columnar inputs of the coverage engine: one typed array per field, so a million points
// are a few flat buffers that move to and from a worker without copying per object.
import type { Hamlet, School, Technology, Tower } from '../types.ts';
import { DEFAULT_RADIUS_KM } from '../types.ts';

/** `current`, `planned`, or an ISO date `YYYY-MM-DD` (contract, coverage rule 3). */
export type Scenario = 'current' | 'planned' | (string & {});

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isScenario(value: string): value is Scenario {
  return value === 'current' || value === 'planned' || ISO_DATE.test(value);
}

/** Points to classify: hamlets first, then schools, each in file order. */
export interface PointColumns {
  count: number;
  /** WGS84 degrees. */
  lon: Float64Array;
  lat: Float64Array;
  /** 1 for a school with fixed broadband: `good` whatever the towers (rule 5). */
  fixedBroadband: Uint8Array;
}

export function pointColumns(hamlets: readonly Hamlet[], schools: readonly School[]): PointColumns {
  const count = hamlets.length + schools.length;
  const lon = new Float64Array(count);
  const lat = new Float64Array(count);
  const fixedBroadband = new Uint8Array(count);
  hamlets.forEach((h, i) => {
    lon[i] = h.lon;
    lat[i] = h.lat;
  });
  schools.forEach((s, j) => {
    const i = hamlets.length + j;
    lon[i] = s.lon;
    lat[i] = s.lat;
    fixedBroadband[i] = s.fixedBroadband ? 1 : 0;
  });
  return { count, lon, lat, fixedBroadband };
}

/** The towers on air in one scenario, in input order. */
export interface TowerColumns {
  count: number;
  lon: Float64Array;
  lat: Float64Array;
  /** Radius in this scenario (after any upgrade that applies), km. */
  radiusKm: Float64Array;
  /** 1 for 4G/5G in this scenario, 0 for 2G/3G. */
  broadband: Uint8Array;
  /** Index of the tower in the dataset's `towers` array. */
  towerIndex: Int32Array;
}

function upgradeApplies(tower: Tower, scenario: Scenario): boolean {
  if (tower.status !== 'existing' || tower.upgradeTechnology === undefined) return false;
  if (scenario === 'planned') return true;
  if (scenario === 'current') return false;
  return tower.upgradeDate !== undefined && tower.upgradeDate <= scenario;
}

function onAir(tower: Tower, scenario: Scenario): boolean {
  if (scenario === 'current') return tower.status === 'existing';
  if (scenario === 'planned') return true;
  if (tower.status === 'existing') return tower.serviceDate === undefined || tower.serviceDate <= scenario;
  return tower.serviceDate !== undefined && tower.serviceDate <= scenario;
}

/**
 * Which towers are on air in a scenario, with their technology class and radius there
 * (contract rules 2 and 3). ISO dates compare as strings.
 */
export function onAirTowers(towers: readonly Tower[], scenario: Scenario): TowerColumns {
  if (!isScenario(scenario)) throw new Error(`unknown scenario "${scenario}": use current, planned or YYYY-MM-DD`);
  const indexes: number[] = [];
  towers.forEach((tower, i) => {
    if (onAir(tower, scenario)) indexes.push(i);
  });
  const count = indexes.length;
  const columns: TowerColumns = {
    count,
    lon: new Float64Array(count),
    lat: new Float64Array(count),
    radiusKm: new Float64Array(count),
    broadband: new Uint8Array(count),
    towerIndex: Int32Array.from(indexes),
  };
  indexes.forEach((towerIndex, k) => {
    const tower = towers[towerIndex] as Tower;
    const { radiusKm, broadband } = placement(tower, scenario);
    columns.lon[k] = tower.lon;
    columns.lat[k] = tower.lat;
    columns.radiusKm[k] = radiusKm;
    columns.broadband[k] = broadband ? 1 : 0;
  });
  return columns;
}

/** A tower's radius (km) and technology class in a scenario, after any upgrade that applies (rule 2). */
function placement(tower: Tower, scenario: Scenario): { radiusKm: number; broadband: boolean } {
  const upgraded = upgradeApplies(tower, scenario);
  const technology: Technology = upgraded ? (tower.upgradeTechnology as Technology) : tower.technology;
  const radiusKm = upgraded
    ? (tower.upgradeRadiusKm ?? DEFAULT_RADIUS_KM[technology])
    : (tower.radiusKm ?? DEFAULT_RADIUS_KM[technology]);
  return { radiusKm, broadband: technology === '4G' || technology === '5G' };
}

/**
 * One tower in a scenario, as `onAirTowers` would give it: its radius (km) and whether it is
 * 4G/5G there (contract rules 2 and 3); undefined when it is not on air. The scenario is not
 * checked: pass one that `isScenario` accepts.
 */
export function towerInScenario(tower: Tower, scenario: Scenario): { radiusKm: number; broadband: boolean } | undefined {
  return onAir(tower, scenario) ? placement(tower, scenario) : undefined;
}

/** Level codes in `Classification.level`. */
export const LEVEL_NONE = 0;
export const LEVEL_WEAK = 1;
export const LEVEL_GOOD = 2;
export const LEVEL_NAMES = ['none', 'weak', 'good'] as const;

/** What the engine says of every point, index-aligned with `PointColumns`. */
export interface Classification {
  /** LEVEL_NONE, LEVEL_WEAK or LEVEL_GOOD. */
  level: Uint8Array;
  /** Index into the scenario's `TowerColumns` of the nearest 4G/5G tower, -1 when none. */
  nearest4g: Int32Array;
  /** Haversine km to that tower, NaN when none. */
  nearest4gKm: Float64Array;
}
