// The plain, obviously correct reading of the contract's coverage rules 1-6: every point
// against every tower. It is the oracle that faster engines are tested against, so it
// favours clarity over speed and must not share their shortcuts.
import type { ClutterClass, LandcoverArea, RadioModel, Technology, Tower } from '../types.ts';
import { DEFAULT_RADIUS_KM } from '../types.ts';
import { haversineKm } from '../geo/haversine.ts';
import { pointInGeometry } from '../geo/polygon.ts';

export type Level = 'good' | 'weak' | 'none';

/** `current`, `planned`, or an ISO date `YYYY-MM-DD`. */
export type Scenario = 'current' | 'planned' | (string & {});

export interface OnAirTower {
  tower: Tower;
  /** The technology in this scenario (after any upgrade that applies). */
  technology: Technology;
  radiusKm: number;
  /** Rule 8 under `path_loss`: the radius (km) for a point of each clutter class. */
  radiusByClassKm?: Record<ClutterClass, number>;
}

/** Rules 8 and 9 for `towersOnAir`. */
export interface OracleOptions {
  model?: RadioModel;
  operator?: string;
}

export interface PointLevel {
  level: Level;
  /** Id of the nearest 4G/5G tower on air, whatever its radius; null when there is none. */
  nearest4gId: string | null;
  nearest4gKm: number | null;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function asIs(tower: Tower): OnAirTower {
  return { tower, technology: tower.technology, radiusKm: tower.radiusKm ?? DEFAULT_RADIUS_KM[tower.technology] };
}

// Rule 2: after an upgrade the radius is upgrade_radius_km, else the new technology's
// default; the tower's own radius_km no longer applies.
function upgraded(tower: Tower): OnAirTower {
  if (tower.upgradeTechnology === undefined) return asIs(tower);
  const onAir: OnAirTower = {
    tower,
    technology: tower.upgradeTechnology,
    radiusKm: tower.upgradeRadiusKm ?? DEFAULT_RADIUS_KM[tower.upgradeTechnology],
  };
  UPGRADED.add(onAir);
  return onAir;
}

/**
 * The towers on air in a scenario (contract rule 3), in input order, each with the
 * technology and radius in km it has there. ISO dates compare as strings. With an operator,
 * only its towers (rule 9); with a `path_loss` model, radii per clutter class (rule 8).
 */
export function towersOnAir(towers: readonly Tower[], scenario: Scenario, options: OracleOptions = {}): OnAirTower[] {
  const all = rules2and3(towers, scenario);
  const kept = options.operator === undefined ? all : all.filter((t) => t.tower.operator === options.operator);
  const model = options.model;
  if (model === undefined || model.radiusModel !== 'path_loss') return kept;
  return kept.map((t) => withClassRadii(t, model));
}

function rules2and3(towers: readonly Tower[], scenario: Scenario): OnAirTower[] {
  if (scenario === 'current') return towers.filter((t) => t.status === 'existing').map(asIs);
  if (scenario === 'planned') {
    return towers.map((t) => (t.status === 'existing' ? upgraded(t) : asIs(t)));
  }
  if (!ISO_DATE.test(scenario)) throw new Error(`unknown scenario "${scenario}"`);
  const onAir: OnAirTower[] = [];
  for (const tower of towers) {
    if (tower.status === 'existing') {
      if (tower.serviceDate !== undefined && tower.serviceDate > scenario) continue;
      const due = tower.upgradeDate !== undefined && tower.upgradeDate <= scenario;
      onAir.push(due ? upgraded(tower) : asIs(tower));
    } else if (tower.serviceDate !== undefined && tower.serviceDate <= scenario) {
      onAir.push(asIs(tower));
    }
  }
  return onAir;
}

// Rule 8, read straight from the contract: Okumura-Hata / COST-231 radius per class.
function withClassRadii(onAir: OnAirTower, model: RadioModel): OnAirTower {
  const { tower, technology } = onAir;
  const isUpgrade = UPGRADED.has(onAir);
  const ownRadius = isUpgrade ? tower.upgradeRadiusKm : tower.radiusKm;
  const hB = tower.heightM;
  if (ownRadius !== undefined || hB === undefined) return onAir;
  const f = (isUpgrade ? tower.upgradeBandMhz : tower.bandMhz) ?? model.bandMhz[technology];
  const hM = model.receiverHeightM;
  const a = (1.1 * Math.log10(f) - 0.7) * hM - (1.56 * Math.log10(f) - 0.8);
  const A =
    f <= 1500
      ? 69.55 + 26.16 * Math.log10(f) - 13.82 * Math.log10(hB) - a
      : 46.3 + 33.9 * Math.log10(f) - 13.82 * Math.log10(hB) - a;
  const B = 44.9 - 6.55 * Math.log10(hB);
  const kRural = -4.78 * Math.log10(f) ** 2 + 18.33 * Math.log10(f) - 40.94;
  const K: Record<ClutterClass, number> = { urban: 0, suburban: -2 * Math.log10(f / 28) ** 2 - 5.4, rural: kRural, forest: kRural };
  const mapl = model.maxPathLossDb[technology];
  const [low, high] = model.radiusLimitsKm;
  const r = (c: ClutterClass): number => Math.min(high, Math.max(low, 10 ** ((mapl - A - K[c] - model.clutterLossDb[c]) / B)));
  return { ...onAir, radiusByClassKm: { urban: r('urban'), suburban: r('suburban'), rural: r('rural'), forest: r('forest') } };
}

/** The OnAirTower objects `upgraded` made with an upgrade applied (their shape stays v1's). */
const UPGRADED = new WeakSet<OnAirTower>();

/**
 * A point's clutter class (rule 8): its own, else the first landcover polygon in file order
 * that contains it (boundary inclusive), else rural.
 */
export function pointClass(lon: number, lat: number, own: ClutterClass | undefined, landcover: readonly LandcoverArea[] = []): ClutterClass {
  if (own !== undefined) return own;
  return landcover.find((area) => pointInGeometry(lon, lat, area.geometry))?.clutter ?? 'rural';
}

function isBroadband(technology: Technology): boolean {
  return technology === '4G' || technology === '5G';
}

/**
 * A point's level (rule 5) and nearest 4G/5G tower (rule 6) among towers on air. Distances
 * are haversine km; a tower covers points at exactly its radius; among equally near 4G/5G
 * towers the first in `onAir` order wins. `fixedBroadband` (a school's line) makes the
 * level good whatever the towers, but the nearest tower is still reported. `clutter` picks
 * the radius of towers with class radii (rule 8).
 */
export function pointLevel(
  lon: number,
  lat: number,
  onAir: readonly OnAirTower[],
  fixedBroadband = false,
  clutter: ClutterClass = 'rural',
): PointLevel {
  let good = fixedBroadband;
  let weak = false;
  let nearest4gId: string | null = null;
  let nearest4gKm: number | null = null;
  for (const { tower, technology, radiusKm: anyClassKm, radiusByClassKm } of onAir) {
    const radiusKm = radiusByClassKm === undefined ? anyClassKm : radiusByClassKm[clutter];
    const km = haversineKm(lon, lat, tower.lon, tower.lat);
    if (isBroadband(technology)) {
      if (km <= radiusKm) good = true;
      if (nearest4gKm === null || km < nearest4gKm) {
        nearest4gKm = km;
        nearest4gId = tower.id;
      }
    } else if (km <= radiusKm) {
      weak = true;
    }
  }
  return { level: good ? 'good' : weak ? 'weak' : 'none', nearest4gId, nearest4gKm };
}
