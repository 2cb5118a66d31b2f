// Hamlets (ấp, khóm) inside each real commune, their populations summing to the census.
import type { Hamlet, Position } from '../domain/types.ts';
import { bboxOfGeometry } from '../domain/geo/polygon.ts';
import type { CommuneUnit } from './boundaries.ts';
import { apportion } from './apportion.ts';
import { insideWithMargin, planarKm } from './geometry.ts';
import { HAMLET_NAMES } from './names.ts';
import type { Random } from './random.ts';
import type { CommuneProfile, Region } from './regions.ts';
import { remotenessKm } from './regions.ts';
import { round5 } from './serialize.ts';

const PEOPLE_PER_HAMLET = 1300;
const MIN_HAMLETS = 4;
const MAX_HAMLETS = 18;
/** Hamlets cut off from the grid: a handful, all in remote communes (synthesis.md). */
const OFF_GRID_HAMLETS = 9;

export function hamletCount(population: number): number {
  return Math.min(MAX_HAMLETS, Math.max(MIN_HAMLETS, Math.round(population / PEOPLE_PER_HAMLET)));
}

/**
 * `count` points inside the commune by rejection sampling in its bounding box, spaced
 * apart and kept off its edges; both distances shrink when the polygon is too tight.
 */
function placeSpaced(commune: CommuneUnit, count: number, random: Random): Position[] {
  const [minLon, minLat, maxLon, maxLat] = bboxOfGeometry(commune.geometry);
  const cellKm = Math.sqrt(commune.areaKm2 / count);
  let spacingKm = 0.6 * cellKm;
  let marginKm = Math.min(0.3, 0.2 * cellKm);
  const placed: Position[] = [];
  let failures = 0;
  for (let tries = 0; placed.length < count; tries++) {
    if (tries > 200_000) throw new Error(`cannot place ${count} hamlets in ${commune.name}`);
    const lon = round5(random.range(minLon, maxLon));
    const lat = round5(random.range(minLat, maxLat));
    const ok =
      insideWithMargin(lon, lat, commune.geometry, marginKm) &&
      placed.every(([x, y]) => planarKm(lon, lat, x, y) >= spacingKm);
    if (ok) {
      placed.push([lon, lat]);
      failures = 0;
    } else if (++failures > 400) {
      spacingKm *= 0.85;
      marginKm *= 0.85;
      failures = 0;
    }
  }
  return placed;
}

// Poor-household share by kind of commune: towns lowest, mangrove and forest highest.
function povertyRate(profile: CommuneProfile, random: Random): number {
  if (profile.urban) return random.range(0.012, 0.03);
  if (profile.remote) return random.range(0.075, 0.12);
  if (profile.coastal) return random.range(0.055, 0.085);
  return random.range(0.03, 0.06);
}

function hamletNames(profile: CommuneProfile, count: number, random: Random): string[] {
  if (profile.urban) return Array.from({ length: count }, (_, i) => `Khóm ${i + 1}`);
  if (random.chance(0.45)) return Array.from({ length: count }, (_, i) => `Ấp ${i + 1}`);
  return random.shuffle(HAMLET_NAMES).slice(0, count).map((name) => `Ấp ${name}`);
}

function communeHamlets(profile: CommuneProfile, random: Random): Hamlet[] {
  const { commune } = profile;
  const count = hamletCount(commune.population);
  // Numbered from north to south, as a reader scanning the map would expect.
  const positions = placeSpaced(commune, count, random).sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const populations = apportion(
    commune.population,
    positions.map(() => random.range(0.5, 1.5)),
  );
  const names = hamletNames(profile, count, random);
  const rate = povertyRate(profile, random);
  return positions.map(([lon, lat], i): Hamlet => {
    const population = populations[i] as number;
    const households = Math.max(1, Math.round(population / random.range(3.6, 4.0)));
    return {
      id: `H-${commune.id}-${String(i + 1).padStart(2, '0')}`,
      name: names[i] as string,
      lon,
      lat,
      population,
      households,
      poorHouseholds: Math.round(households * rate * random.range(0.6, 1.4)),
      students: Math.round(population * random.range(0.18, 0.22)),
      gridPower: true,
      commune: commune.id,
      district: commune.districtId,
      synthetic: true,
    };
  });
}

/** All hamlets, in commune id order then north to south. */
export function generateHamlets(region: Region, random: Random): Hamlet[] {
  const hamlets = region.profiles.flatMap((profile) =>
    communeHamlets(profile, random.fork(`hamlets:${profile.commune.id}`)),
  );
  // The most remote hamlets of the remote communes, picked among the farthest few dozen so
  // that not every off-grid hamlet is an extreme outlier.
  const candidates = hamlets
    .filter((h) => region.profileById.get(h.commune ?? '')?.remote)
    .map((h) => ({ h, km: remotenessKm(region, h.lon, h.lat) }))
    .sort((a, b) => b.km - a.km || (a.h.id < b.h.id ? -1 : 1))
    .slice(0, OFF_GRID_HAMLETS * 3);
  const offGrid = random.fork('grid').shuffle(candidates).slice(0, OFF_GRID_HAMLETS);
  for (const { h } of offGrid) h.gridPower = false;
  return hamlets;
}
