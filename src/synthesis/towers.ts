// The simulated mobile network as it stood at the start of 2021: dense 4G in towns, 4G
// over most of the countryside, and older 2G/3G sites; 4G thins out in the remote and
// coastal communes, where the 2021 drive (tower-story.ts) then closes most gaps.
import type { Hamlet, Tower } from '../domain/types.ts';
import type { Random } from './random.ts';
import type { Region } from './regions.ts';
import { remotenessKm } from './regions.ts';
import {
  OPERATOR_CODES,
  OPERATORS,
  candidateSites,
  coversKm,
  hasExisting4g,
  newTower,
  pickOperator,
  serviceDateFor,
} from './tower-kit.ts';
import { closeGaps } from './tower-story.ts';

/** Share of hamlets in a remote (or coastal) commune left without 4G on 2021-01-01. */
const UNSERVED_SHARE_REMOTE = 0.34;
const UNSERVED_SHARE_COASTAL = 0.2;

export interface Network {
  region: Region;
  hamlets: Hamlet[];
  towers: Tower[];
  /** Hamlets meant to lack 4G on 2021-01-01; placement avoids covering them. */
  unserved: Set<Hamlet>;
}

// A 4G site that reaches `hamlet` while touching as few of the meant-to-be-unserved
// hamlets as it can (first best candidate wins, so the draw stays reproducible).
function baseline4gFor(network: Network, hamlet: Hamlet, random: Random, radiusKm?: number): Tower {
  const reachKm = radiusKm ?? 4;
  const sites = candidateSites(hamlet.lon, hamlet.lat, 0.6 * reachKm, network.region.boundaries.province.geometry, random);
  let best = sites[0] as [number, number];
  let bestSpill = Infinity;
  for (const [lon, lat] of sites) {
    let spill = 0;
    for (const other of network.unserved) if (coversKm(lon, lat, reachKm, other)) spill++;
    if (spill < bestSpill) {
      bestSpill = spill;
      best = [lon, lat];
    }
  }
  return newTower(
    best,
    {
      operator: pickOperator(random),
      status: 'existing',
      technology: '4G',
      radiusKm,
      // Some operators' records lack a date for sites inherited from earlier owners.
      serviceDate: random.chance(0.1) ? undefined : serviceDateFor('4G', random),
    },
    random,
  );
}

function hamletsOf(network: Network, communeId: string): Hamlet[] {
  return network.hamlets.filter((h) => h.commune === communeId);
}

/** Towns: several 4G sites per ward or town, small cells, plus the old 2G/3G grid. */
function buildTowns(network: Network, random: Random): void {
  for (const profile of network.region.profiles.filter((p) => p.urban)) {
    const hamlets = hamletsOf(network, profile.commune.id);
    const isCity = profile.commune.districtId === '964';
    const count = Math.max(2, Math.round(profile.commune.population / (isCity ? 3000 : 4500)));
    for (let i = 0; i < count; i++) {
      const anchor = hamlets[random.weightedIndex(hamlets.map((h) => h.population))] as Hamlet;
      const radiusKm = random.chance(0.35) ? random.pick([2.5, 3, 3.5]) : undefined;
      const tower = baseline4gFor(network, anchor, random, radiusKm);
      tower.heightM = random.int(30, 42);
      network.towers.push(tower);
    }
    const legacy = random.chance(0.4) ? ['3G', '2G'] as const : ['3G'] as const;
    for (const technology of legacy) {
      const anchor = random.pick(hamlets);
      const [site] = candidateSites(anchor.lon, anchor.lat, 0.8, network.region.boundaries.province.geometry, random);
      network.towers.push(
        newTower(site ?? [anchor.lon, anchor.lat], {
          operator: pickOperator(random),
          status: 'existing',
          technology,
          serviceDate: serviceDateFor(technology, random),
        }, random),
      );
    }
  }
}

/** Countryside: 4G until every hamlet the network is meant to serve is reached. */
function buildCountryside4g(network: Network, random: Random, gapCommunes: boolean): void {
  for (const profile of network.region.profiles) {
    if (profile.urban || (profile.remote || profile.coastal) !== gapCommunes) continue;
    const hamlets = random.shuffle(hamletsOf(network, profile.commune.id));
    for (const hamlet of hamlets) {
      if (network.unserved.has(hamlet) || hasExisting4g(network.towers, hamlet)) continue;
      const draw = random.next();
      const radiusKm = draw < 0.2 ? random.pick([5, 5.5, 6]) : draw < 0.3 ? random.pick([3, 3.5]) : undefined;
      network.towers.push(baseline4gFor(network, hamlet, random, radiusKm));
    }
  }
}

/** One or two older 2G/3G sites per rural commune: weak signal where 4G is missing. */
function buildCountrysideLegacy(network: Network, random: Random): void {
  for (const profile of network.region.profiles.filter((p) => !p.urban)) {
    const hamlets = hamletsOf(network, profile.commune.id);
    const count = random.chance(0.5) ? 2 : 1;
    for (let i = 0; i < count; i++) {
      const anchor = random.pick(hamlets);
      const technology = random.chance(0.7) ? '3G' : '2G';
      const [site] = candidateSites(anchor.lon, anchor.lat, 2, network.region.boundaries.province.geometry, random);
      network.towers.push(
        newTower(site ?? [anchor.lon, anchor.lat], {
          operator: pickOperator(random),
          status: 'existing',
          technology,
          serviceDate: serviceDateFor(technology, random),
        }, random),
      );
    }
  }
}

// In each remote or coastal commune the hamlets farthest from town are the ones 4G had
// not reached by 2021.
function chooseUnserved(region: Region, hamlets: readonly Hamlet[]): Set<Hamlet> {
  const unserved = new Set<Hamlet>();
  for (const profile of region.profiles) {
    if (profile.urban || !(profile.remote || profile.coastal)) continue;
    const share = profile.remote ? UNSERVED_SHARE_REMOTE : UNSERVED_SHARE_COASTAL;
    const mine = hamlets
      .filter((h) => h.commune === profile.commune.id)
      .map((h) => ({ h, km: remotenessKm(region, h.lon, h.lat) }))
      .sort((a, b) => b.km - a.km || (a.h.id < b.h.id ? -1 : 1));
    for (const { h } of mine.slice(0, Math.round(share * mine.length))) unserved.add(h);
  }
  return unserved;
}

function assignIds(towers: Tower[]): Tower[] {
  const counters = new Map<string, number>();
  for (const tower of towers) {
    const code = OPERATOR_CODES[tower.operator as (typeof OPERATORS)[number]];
    const n = (counters.get(code) ?? 0) + 1;
    counters.set(code, n);
    tower.id = `T-${code}-${String(n).padStart(4, '0')}`;
  }
  return towers.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The whole simulated network, sorted by id. */
export function generateTowers(region: Region, hamlets: Hamlet[], random: Random): Tower[] {
  const network: Network = { region, hamlets, towers: [], unserved: chooseUnserved(region, hamlets) };
  buildTowns(network, random.fork('towns'));
  buildCountryside4g(network, random.fork('countryside'), false);
  buildCountrysideLegacy(network, random.fork('legacy'));
  buildCountryside4g(network, random.fork('gap-communes'), true);
  closeGaps(network, random.fork('story'));
  return assignIds(network.towers);
}
