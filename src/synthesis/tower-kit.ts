// Shared pieces for building the simulated network: operators, dates, placement.
import type { AreaGeometry, Hamlet, Position, Technology, Tower } from '../domain/types.ts';
import { DEFAULT_RADIUS_KM } from '../domain/types.ts';
import { haversineKm } from '../domain/geo/haversine.ts';
import { randomIsoDate } from './dates.ts';
import { insideWithMargin, randomPointNear } from './geometry.ts';
import type { Random } from './random.ts';

export const OPERATORS = ['Viettel', 'VNPT', 'MobiFone'] as const;
export type Operator = (typeof OPERATORS)[number];
export const OPERATOR_CODES: Readonly<Record<Operator, string>> = { Viettel: 'VT', VNPT: 'VN', MobiFone: 'MF' };

/** Rough market shares of the three networks in the Mekong delta. */
const NETWORK_SHARE = [0.46, 0.3, 0.24];
/** Viettel led the 2021 drive (synthesis.md), so it builds most of the gap sites. */
const GAP_SHARE = [0.6, 0.25, 0.15];

export function pickOperator(random: Random, forGap = false): Operator {
  return OPERATORS[random.weightedIndex(forGap ? GAP_SHARE : NETWORK_SHARE)] as Operator;
}

export function radiusOf(tower: Pick<Tower, 'technology' | 'radiusKm'>): number {
  return tower.radiusKm ?? DEFAULT_RADIUS_KM[tower.technology];
}

/** Radius in the planned scenario: after the upgrade when there is one. */
export function plannedRadiusOf(tower: Tower): number {
  if (tower.upgradeTechnology === undefined) return radiusOf(tower);
  return tower.upgradeRadiusKm ?? DEFAULT_RADIUS_KM[tower.upgradeTechnology];
}

export function serviceDateFor(technology: Technology, random: Random): string {
  switch (technology) {
    case '2G':
      return randomIsoDate('2004-03-01', '2010-12-31', random.next);
    case '3G':
      return randomIsoDate('2010-06-01', '2016-06-30', random.next);
    case '4G':
      return randomIsoDate('2016-04-01', '2020-12-31', random.next);
    case '5G':
      return randomIsoDate('2022-03-01', '2022-12-31', random.next);
  }
}

export function newTower(
  position: Position,
  fields: Pick<Tower, 'operator' | 'status' | 'technology'> & Partial<Tower>,
  random: Random,
): Tower {
  const [lon, lat] = position;
  // Ids are given out once the whole network is built.
  return {
    id: '',
    lon,
    lat,
    ...fields,
    heightM: fields.heightM ?? random.int(30, 60),
    synthetic: true,
  };
}

export function coversKm(lon: number, lat: number, radiusKm: number, hamlet: Hamlet): boolean {
  return haversineKm(lon, lat, hamlet.lon, hamlet.lat) <= radiusKm;
}

/**
 * Whether an existing 4G site reaches the hamlet. While the network is being built every
 * existing 4G site dates from 2020 or before, so this is its 4G on 2021-01-01.
 */
export function hasExisting4g(towers: readonly Tower[], hamlet: Hamlet): boolean {
  return towers.some(
    (t) => t.status === 'existing' && t.technology === '4G' && coversKm(t.lon, t.lat, radiusOf(t), hamlet),
  );
}

/**
 * Up to `tries` land positions within `maxKm` of [lon, lat] (inside the province, off the
 * shore line); the centre itself is the last resort so a caller always gets a choice.
 */
export function candidateSites(
  lon: number,
  lat: number,
  maxKm: number,
  province: AreaGeometry,
  random: Random,
  tries = 12,
): Position[] {
  const sites: Position[] = [];
  for (let i = 0; i < tries; i++) {
    const [x, y] = randomPointNear(lon, lat, maxKm, random);
    if (insideWithMargin(x, y, province, 0.1)) sites.push([x, y]);
  }
  sites.push([lon, lat]);
  return sites;
}
