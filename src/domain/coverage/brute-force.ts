// The plain, obviously correct reading of the contract's coverage rules 1-6: every point
// against every tower. It is the oracle that faster engines are tested against, so it
// favours clarity over speed and must not share their shortcuts.
import type { Technology, Tower } from '../types.ts';
import { DEFAULT_RADIUS_KM } from '../types.ts';
import { haversineKm } from '../geo/haversine.ts';

export type Level = 'good' | 'weak' | 'none';

/** `current`, `planned`, or an ISO date `YYYY-MM-DD`. */
export type Scenario = 'current' | 'planned' | (string & {});

export interface OnAirTower {
  tower: Tower;
  /** The technology in this scenario (after any upgrade that applies). */
  technology: Technology;
  radiusKm: number;
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
  return {
    tower,
    technology: tower.upgradeTechnology,
    radiusKm: tower.upgradeRadiusKm ?? DEFAULT_RADIUS_KM[tower.upgradeTechnology],
  };
}

/**
 * The towers on air in a scenario (contract rule 3), in input order, each with the
 * technology and radius in km it has there. ISO dates compare as strings.
 */
export function towersOnAir(towers: readonly Tower[], scenario: Scenario): OnAirTower[] {
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

function isBroadband(technology: Technology): boolean {
  return technology === '4G' || technology === '5G';
}

/**
 * A point's level (rule 5) and nearest 4G/5G tower (rule 6) among towers on air. Distances
 * are haversine km; a tower covers points at exactly its radius; among equally near 4G/5G
 * towers the first in `onAir` order wins. `fixedBroadband` (a school's line) makes the
 * level good whatever the towers, but the nearest tower is still reported.
 */
export function pointLevel(
  lon: number,
  lat: number,
  onAir: readonly OnAirTower[],
  fixedBroadband = false,
): PointLevel {
  let good = fixedBroadband;
  let weak = false;
  let nearest4gId: string | null = null;
  let nearest4gKm: number | null = null;
  for (const { tower, technology, radiusKm } of onAir) {
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
