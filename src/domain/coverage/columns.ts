// Columnar inputs of the coverage engine: one typed array per field, so a million points
// are a few flat buffers that move to and from a worker without copying per object.
import type { Hamlet, RadioModel, School, Technology, Tower } from '../types.ts';
import { DEFAULT_RADIUS_KM } from '../types.ts';
import { CLASS_COUNT, writeClassRadii } from './radio-model.ts';

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
  /**
   * Clutter class code of each point (radio-model.ts: urban 0, suburban 1, rural 2, forest 3),
   * read only when the towers carry `classRadiusKm`; absent, every point is rural.
   */
  clutter?: Uint8Array;
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
  /**
   * Radius in this scenario (after any upgrade that applies), km. With `classRadiusKm`, the
   * largest of the tower's class radii: how far it reaches, whatever the point's class.
   */
  radiusKm: Float64Array;
  /**
   * Contract rule 8: radius (km) per tower and clutter class, `count × 4`, tower k's class c
   * at `k·4 + c`; a point is covered when within the radius of its own class. Absent: every
   * class has `radiusKm` (rules 2-4 alone).
   */
  classRadiusKm?: Float64Array;
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

/** What selects and sizes the towers beyond rules 2-3 (contract rules 8 and 9). */
export interface TowerOptions {
  /** With `radiusModel: 'path_loss'`, class radii by rule 8; otherwise rule 2's radii. */
  model?: RadioModel;
  /** Rule 9: only the towers of this operator (exact string match). */
  operator?: string;
  /**
   * Multiplies every radius (after rule 8's clamp) of the towers of `factorOperator` (all
   * towers when that is undefined): the calibration's k. Default 1.
   */
  radiusFactor?: number;
  factorOperator?: string;
}

/**
 * Which towers are on air in a scenario, with their technology class and radius there
 * (contract rules 2 and 3); with options, only one operator's (rule 9) and radii per clutter
 * class (rule 8, `classRadiusKm`, when the model is `path_loss`). ISO dates compare as strings.
 */
export function onAirTowers(towers: readonly Tower[], scenario: Scenario, options: TowerOptions = {}): TowerColumns {
  if (!isScenario(scenario)) throw new Error(`unknown scenario "${scenario}": use current, planned or YYYY-MM-DD`);
  const { operator, model } = options;
  const indexes: number[] = [];
  towers.forEach((tower, i) => {
    if (onAir(tower, scenario) && (operator === undefined || tower.operator === operator)) indexes.push(i);
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
  const upgraded = new Uint8Array(count);
  indexes.forEach((towerIndex, k) => {
    const tower = towers[towerIndex] as Tower;
    const { radiusKm, broadband, isUpgraded } = placement(tower, scenario);
    upgraded[k] = isUpgraded ? 1 : 0;
    columns.lon[k] = tower.lon;
    columns.lat[k] = tower.lat;
    columns.radiusKm[k] = radiusKm;
    columns.broadband[k] = broadband ? 1 : 0;
  });
  const factor = options.radiusFactor ?? 1;
  const scaled = (k: number): boolean =>
    factor !== 1 && (options.factorOperator === undefined || (towers[indexes[k] as number] as Tower).operator === options.factorOperator);
  if (model?.radiusModel === 'path_loss') {
    const classRadiusKm = new Float64Array(count * CLASS_COUNT);
    // Masts share heights and bands: the Hata radii are computed once per (technology, band,
    // height) in this call and copied (bit for bit the same numbers).
    const memo = new RadiiMemo();
    for (let k = 0; k < count; k++) {
      const tower = towers[indexes[k] as number] as Tower;
      const at = k * CLASS_COUNT;
      const isUpgraded = upgraded[k] === 1;
      const seen = memo.find(tower, isUpgraded, at);
      if (seen === undefined) writeClassRadiiOf(classRadiusKm, at, tower, isUpgraded, model);
      else classRadiusKm.copyWithin(at, seen, seen + CLASS_COUNT);
    }
    for (let k = 0; k < count; k++) {
      const isScaled = scaled(k);
      let largest = -Infinity;
      for (let c = k * CLASS_COUNT; c < (k + 1) * CLASS_COUNT; c++) {
        if (isScaled) classRadiusKm[c] = (classRadiusKm[c] as number) * factor;
        largest = Math.max(largest, classRadiusKm[c] as number);
      }
      columns.radiusKm[k] = largest;
    }
    columns.classRadiusKm = classRadiusKm;
  } else if (factor !== 1) {
    for (let k = 0; k < count; k++) if (scaled(k)) columns.radiusKm[k] = (columns.radiusKm[k] as number) * factor;
  }
  return columns;
}

/**
 * Where the class radii of an earlier tower with the same Hata inputs (technology on air,
 * band, height; no radius given) were written, by numbers rather than string keys (building
 * 100k strings cost more than the formulas).
 */
class RadiiMemo {
  private readonly byTechnology = new Map<Technology, Map<number, Map<number, number>>>();

  /** The offset of an earlier tower's radii to copy; undefined after remembering `at` (or for a tower that needs none). */
  find(tower: Tower, upgraded: boolean, at: number): number | undefined {
    const height = tower.heightM;
    if (height === undefined) return undefined;
    if ((upgraded ? tower.upgradeRadiusKm : tower.radiusKm) !== undefined) return undefined;
    const technology = upgraded ? (tower.upgradeTechnology as Technology) : tower.technology;
    const band = (upgraded ? tower.upgradeBandMhz : tower.bandMhz) ?? -1;
    let byBand = this.byTechnology.get(technology);
    if (byBand === undefined) this.byTechnology.set(technology, (byBand = new Map()));
    let byHeight = byBand.get(band);
    if (byHeight === undefined) byBand.set(band, (byHeight = new Map()));
    const seen = byHeight.get(height);
    if (seen === undefined) byHeight.set(height, at);
    return seen;
  }
}

/**
 * Rule 8 for one tower on air: its four class radii (km) at `out[at .. at + 3]`, after any
 * upgrade that applies (then `upgrade_radius_km`, `upgrade_band_mhz` else the model's band of
 * the upgrade technology, and the MAPL of the upgrade technology).
 */
export function writeTowerClassRadii(out: Float64Array, at: number, tower: Tower, scenario: Scenario, model: RadioModel): void {
  writeClassRadiiOf(out, at, tower, upgradeApplies(tower, scenario), model);
}

function writeClassRadiiOf(out: Float64Array, at: number, tower: Tower, upgraded: boolean, model: RadioModel): void {
  if (upgraded) {
    const technology = tower.upgradeTechnology as Technology;
    writeClassRadii(out, at, model, technology, tower.upgradeRadiusKm, tower.heightM, tower.upgradeBandMhz, DEFAULT_RADIUS_KM[technology]);
  } else {
    writeClassRadii(out, at, model, tower.technology, tower.radiusKm, tower.heightM, tower.bandMhz, DEFAULT_RADIUS_KM[tower.technology]);
  }
}

/** A tower's radius (km) and technology class in a scenario, after any upgrade that applies (rule 2). */
function placement(tower: Tower, scenario: Scenario): { radiusKm: number; broadband: boolean; isUpgraded: boolean } {
  const upgraded = upgradeApplies(tower, scenario);
  const technology: Technology = upgraded ? (tower.upgradeTechnology as Technology) : tower.technology;
  const radiusKm = upgraded
    ? (tower.upgradeRadiusKm ?? DEFAULT_RADIUS_KM[technology])
    : (tower.radiusKm ?? DEFAULT_RADIUS_KM[technology]);
  return { radiusKm, broadband: technology === '4G' || technology === '5G', isUpgraded: upgraded };
}

/**
 * One tower in a scenario, as `onAirTowers` would give it: its radius (km) and whether it is
 * 4G/5G there (contract rules 2 and 3); undefined when it is not on air. The scenario is not
 * checked: pass one that `isScenario` accepts.
 */
export function towerInScenario(tower: Tower, scenario: Scenario): { radiusKm: number; broadband: boolean } | undefined {
  if (!onAir(tower, scenario)) return undefined;
  const { radiusKm, broadband } = placement(tower, scenario);
  return { radiusKm, broadband };
}

/**
 * The technology and band (MHz, undefined: the model's default for the technology) a tower
 * is on air with in a scenario, after any upgrade that applies (rules 2, 3 and 8).
 */
export function towerRadioIn(tower: Tower, scenario: Scenario): { technology: Technology; bandMhz: number | undefined } {
  return upgradeApplies(tower, scenario)
    ? { technology: tower.upgradeTechnology as Technology, bandMhz: tower.upgradeBandMhz }
    : { technology: tower.technology, bandMhz: tower.bandMhz };
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
