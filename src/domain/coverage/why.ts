// "Why this level": for one hamlet or school, every tower on air that reaches it or nearly
// does, with the numbers of the radio model behind it (contract rules 2, 3, 5, 8 and 9), and
// the reason in a form the page turns into one sentence in the user's language.
//
// The radii are those of `onAirTowers` (the engine's own), so the level said here is the
// level the figures count; the path loss and margin are rule 8's Hata terms at this
// distance, shown whenever the tower has a height, whichever radius model is in use.
import { haversineKm } from '../geo/haversine.ts';
import { CLUTTER_CLASSES, type ClutterClass, type RadioModel, type Technology, type Tower } from '../types.ts';
import { LEVEL_GOOD, LEVEL_NONE, LEVEL_WEAK, onAirTowers, towerRadioIn, type Scenario } from './columns.ts';
import { CLASS_COUNT, hataTerms, pathLossDb } from './radio-model.ts';

/** A tower this far beyond its radius (× its radius) still "nearly reaches" the point. */
export const NEAR_FACTOR = 1.5;
/** At most this many towers are listed (the nearest). */
export const MAX_LISTED = 12;
/** Hata's log10(d) is not read below 10 m: a point under the mast gets the loss at 10 m. */
const MIN_PATH_KM = 0.01;

export interface TowerReach {
  /** Index into the `towers` given. */
  towerIndex: number;
  id: string;
  operator: string;
  /** Technology on air in the scenario (after any upgrade). */
  technology: Technology;
  broadband: boolean;
  /** The tower's band, else the model's default band for the technology. */
  bandMhz: number;
  /** True when `bandMhz` is the model's default, not the tower's own. */
  bandIsDefault: boolean;
  heightM: number | undefined;
  distanceKm: number;
  /** The tower's radius for this point's clutter class under the model in use. */
  radiusKm: number;
  covers: boolean;
  /** Rule 8's L(d) at this distance and class, undefined without a height. */
  pathLossDb: number | undefined;
  maxPathLossDb: number;
  /** MAPL − L(d): above 0, the link budget holds. Undefined without a height. */
  marginDb: number | undefined;
}

export type WhyReason =
  | { code: 'fixed-broadband' }
  /** Good: `tower` is the nearest 4G/5G tower that covers the point. */
  | { code: 'good'; tower: TowerReach }
  /** Weak: `tower` is the nearest 2G/3G that covers it; `nearest` the nearest 4G/5G, if any is on air. */
  | { code: 'weak'; tower: TowerReach; nearest: TowerReach | undefined }
  /** None: `nearest` is the nearest 4G/5G on air (whatever its distance), if any. */
  | { code: 'none'; nearest: TowerReach | undefined };

export interface WhyLevel {
  /** LEVEL_NONE / LEVEL_WEAK / LEVEL_GOOD, as the engine counts it. */
  level: number;
  clutter: ClutterClass;
  /** Towers that reach the point or nearly do (within NEAR_FACTOR × radius), nearest first. */
  towers: TowerReach[];
  reason: WhyReason;
}

export interface WhyPoint {
  lon: number;
  lat: number;
  /** Class code (radio-model.ts). */
  clutter: number;
  fixedBroadband: boolean;
}

/**
 * Why `point` has its level in `scenario`, with `towers` (only `operator`'s when given) under
 * `model` (its `radiusModel` picks fixed or path-loss radii).
 */
export function whyLevel(point: WhyPoint, towers: readonly Tower[], scenario: Scenario, model: RadioModel, operator?: string): WhyLevel {
  const columns = onAirTowers(towers, scenario, operator === undefined ? { model } : { model, operator });
  const clutter = CLUTTER_CLASSES[point.clutter] ?? 'rural';
  const clutterLoss = model.clutterLossDb[clutter];
  const all: TowerReach[] = [];
  for (let k = 0; k < columns.count; k++) {
    const towerIndex = columns.towerIndex[k] as number;
    const tower = towers[towerIndex] as Tower;
    const { technology, bandMhz } = towerRadioIn(tower, scenario);
    const band = bandMhz ?? model.bandMhz[technology];
    const radiusKm = columns.classRadiusKm ? (columns.classRadiusKm[k * CLASS_COUNT + point.clutter] as number) : (columns.radiusKm[k] as number);
    const distanceKm = haversineKm(point.lon, point.lat, tower.lon, tower.lat);
    const maxPathLossDb = model.maxPathLossDb[technology];
    const heightM = tower.heightM;
    const loss =
      heightM === undefined
        ? undefined
        : pathLossDb(hataTerms(band, heightM, model.receiverHeightM), Math.max(MIN_PATH_KM, distanceKm), point.clutter, clutterLoss);
    all.push({
      towerIndex,
      id: tower.id,
      operator: tower.operator,
      technology,
      broadband: columns.broadband[k] === 1,
      bandMhz: band,
      bandIsDefault: bandMhz === undefined,
      heightM,
      distanceKm,
      radiusKm,
      covers: distanceKm <= radiusKm,
      pathLossDb: loss,
      maxPathLossDb,
      marginDb: loss === undefined ? undefined : maxPathLossDb - loss,
    });
  }
  all.sort((a, b) => a.distanceKm - b.distanceKm || a.towerIndex - b.towerIndex);
  const goodBy = all.find((t) => t.broadband && t.covers);
  const weakBy = all.find((t) => !t.broadband && t.covers);
  const nearest = all.find((t) => t.broadband);
  const level = point.fixedBroadband || goodBy ? LEVEL_GOOD : weakBy ? LEVEL_WEAK : LEVEL_NONE;
  const reason: WhyReason = point.fixedBroadband
    ? { code: 'fixed-broadband' }
    : goodBy
      ? { code: 'good', tower: goodBy }
      : weakBy
        ? { code: 'weak', tower: weakBy, nearest }
        : { code: 'none', nearest };
  const listed = all.filter((t) => t.distanceKm <= t.radiusKm * NEAR_FACTOR).slice(0, MAX_LISTED);
  return { level, clutter, towers: listed, reason };
}
