// The map's features (hamlets, schools, towers) as a keyboard reaches them: found by a typed
// text, and the nearest one in an arrow's direction. Pure: the page hands in the point table
// and the towers by slot (plan applied).
import { foldText } from '../gaps/register.ts';
import type { Tower } from '../types.ts';
import { stringAt, type PointTable } from './table.ts';

/** A point (hamlets first, then schools) or a tower's slot. */
export type MapFeature = { kind: 'point'; index: number } | { kind: 'tower'; slot: number };

export interface FeatureKinds {
  hamlets: boolean;
  schools: boolean;
  towers: boolean;
}

export const ALL_KINDS: FeatureKinds = { hamlets: true, schools: true, towers: true };

/** What a search matches a tower on: its id, operator, technology (after an upgrade too). */
export function towerSearchText(tower: Tower): string {
  const upgrade = tower.upgradeTechnology ? ` ${tower.upgradeTechnology}` : '';
  return `${tower.id} ${tower.operator} ${tower.technology}${upgrade}`;
}

/** Folded names of the points, once per table (a search runs on each key press). */
const folded = new WeakMap<PointTable, string[]>();
function foldedNames(points: PointTable): string[] {
  let names = folded.get(points);
  if (!names) {
    names = [];
    for (let i = 0; i < points.count; i++) names.push(foldText(`${stringAt(points.names, i)} ${stringAt(points.ids, i)}`));
    folded.set(points, names);
  }
  return names;
}

/**
 * The features whose text holds every word of `query` (case and accents folded), towers
 * first (fewest), then hamlets, then schools, each in file order; at most `limit`.
 */
export function searchFeatures(points: PointTable, towers: readonly (Tower | undefined)[], query: string, limit: number, kinds: FeatureKinds = ALL_KINDS): MapFeature[] {
  const words = foldText(query).split(' ').filter((w) => w !== '');
  if (words.length === 0) return [];
  const matches = (text: string) => words.every((w) => text.includes(w));
  const found: MapFeature[] = [];
  if (kinds.towers) {
    towers.forEach((tower, slot) => {
      if (found.length < limit && tower && matches(foldText(towerSearchText(tower)))) found.push({ kind: 'tower', slot });
    });
  }
  const names = foldedNames(points);
  for (let i = 0; i < points.count && found.length < limit; i++) {
    const shown = i < points.hamletCount ? kinds.hamlets : kinds.schools;
    if (shown && matches(names[i] ?? '')) found.push({ kind: 'point', index: i });
  }
  return found;
}

export type Direction = 'up' | 'down' | 'left' | 'right';

const UNIT: Record<Direction, [number, number]> = { up: [0, 1], down: [0, -1], left: [-1, 0], right: [1, 0] };

export function featureLonLat(points: PointTable, towers: readonly (Tower | undefined)[], feature: MapFeature): [number, number] | undefined {
  if (feature.kind === 'point') return feature.index < points.count ? [points.lon[feature.index] ?? NaN, points.lat[feature.index] ?? NaN] : undefined;
  const tower = towers[feature.slot];
  return tower ? [tower.lon, tower.lat] : undefined;
}

/**
 * The nearest feature from `from` in an arrow's direction: within 45° of it if any, else
 * anywhere on that side (a half-plane); undefined when nothing lies that way. Distances are
 * on a local plane (longitude scaled by the cosine of the latitude), as the map draws them.
 * `skip` (the feature one starts from) is never the answer.
 */
export function nearestInDirection(
  points: PointTable,
  towers: readonly (Tower | undefined)[],
  from: [number, number],
  direction: Direction,
  kinds: FeatureKinds = ALL_KINDS,
  skip?: MapFeature,
): MapFeature | undefined {
  const [ux, uy] = UNIT[direction];
  const scale = Math.cos((from[1] * Math.PI) / 180);
  let cone: { feature: MapFeature; d2: number } | undefined;
  let side: { feature: MapFeature; d2: number } | undefined;
  const consider = (feature: MapFeature, lon: number, lat: number) => {
    const dx = (lon - from[0]) * scale;
    const dy = lat - from[1];
    const along = dx * ux + dy * uy;
    if (!(along > 0)) return;
    const d2 = dx * dx + dy * dy;
    // Within 45°: the part along the arrow is at least the part across it.
    const across = Math.abs(dx * uy - dy * ux);
    if (along >= across && (!cone || d2 < cone.d2)) cone = { feature, d2 };
    if (!side || d2 < side.d2) side = { feature, d2 };
  };
  for (let i = 0; i < points.count; i++) {
    if (skip?.kind === 'point' && skip.index === i) continue;
    if (!(i < points.hamletCount ? kinds.hamlets : kinds.schools)) continue;
    consider({ kind: 'point', index: i }, points.lon[i] ?? NaN, points.lat[i] ?? NaN);
  }
  if (kinds.towers) {
    towers.forEach((tower, slot) => {
      if (tower && !(skip?.kind === 'tower' && skip.slot === slot)) consider({ kind: 'tower', slot }, tower.lon, tower.lat);
    });
  }
  return (cone ?? side)?.feature;
}
