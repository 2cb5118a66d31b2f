// The 2021 drive: 3G→4G upgrades and new 4G sites, dated August to December 2021 (a few
// in 2022 or not yet dated), reach most hamlets that lacked 4G; a handful of the most
// remote, several of them off the grid, stay out of reach even in the plan.
import type { Hamlet, Position, Tower } from '../domain/types.ts';
import { haversineKm } from '../domain/geo/haversine.ts';
import { randomIsoDate } from './dates.ts';
import type { Random } from './random.ts';
import { remotenessKm } from './regions.ts';
import {
  candidateSites,
  coversKm,
  hasExisting4g,
  newTower,
  pickOperator,
  plannedRadiusOf,
  radiusOf,
  serviceDateFor,
} from './tower-kit.ts';
import type { Network } from './towers.ts';

/** Hamlets still without 4G in the plan, and how many of them are off the grid. */
const LEFT_IN_PLAN = 6;
const LEFT_OFF_GRID = 3;
/** Shares of gap-closing sites done by mid-October, by year end, and later. */
const BY_MID_OCTOBER = 0.66;
const BY_YEAR_END = 0.88;

interface Closer {
  tower: Tower;
  /** How remote the hamlet it was built for is: remote sites come last. */
  remoteKm: number;
}

function touchesAny(position: Position, radiusKm: number, hamlets: Iterable<Hamlet>): boolean {
  for (const h of hamlets) if (coversKm(position[0], position[1], radiusKm, h)) return true;
  return false;
}

// An old 3G mast near enough to reach the hamlet once it carries 4G, with a radius that
// stays clear of the hamlets the plan leaves out.
function upgradeNearby(network: Network, hamlet: Hamlet, left: Set<Hamlet>): Tower | undefined {
  const masts = network.towers
    .filter((t) => t.status === 'existing' && t.technology === '3G' && t.upgradeTechnology === undefined)
    .map((t) => ({ t, km: haversineKm(t.lon, t.lat, hamlet.lon, hamlet.lat) }))
    .filter(({ km }) => km <= 4.4)
    .sort((a, b) => a.km - b.km);
  for (const { t, km } of masts) {
    for (const radiusKm of [4, 4.5]) {
      if (km > radiusKm || touchesAny([t.lon, t.lat], radiusKm, left)) continue;
      t.upgradeTechnology = '4G';
      if (radiusKm !== 4) t.upgradeRadiusKm = radiusKm;
      return t;
    }
  }
  return undefined;
}

// A new site for the hamlet: the candidate reaching most still-open hamlets, never one
// of those left out; smaller radii are tried when the larger ones would reach them.
function newSite(
  network: Network,
  hamlet: Hamlet,
  open: Set<Hamlet>,
  left: Set<Hamlet>,
  random: Random,
): Tower | undefined {
  const province = network.region.boundaries.province.geometry;
  const asUpgrade = random.chance(0.4);
  for (const radiusKm of [4, 3, 2.5]) {
    let best: Position | undefined;
    let bestGain = 0;
    for (const site of candidateSites(hamlet.lon, hamlet.lat, 0.7 * radiusKm, province, random, 16)) {
      if (!coversKm(site[0], site[1], radiusKm, hamlet) || touchesAny(site, radiusKm, left)) continue;
      let gain = 0;
      for (const h of open) if (coversKm(site[0], site[1], radiusKm, h)) gain++;
      if (gain > bestGain) {
        bestGain = gain;
        best = site;
      }
    }
    if (!best) continue;
    const radius = radiusKm === 4 ? undefined : radiusKm;
    const operator = pickOperator(random, true);
    if (asUpgrade) {
      return newTower(best, {
        operator,
        status: 'existing',
        technology: '3G',
        serviceDate: serviceDateFor('3G', random),
        upgradeTechnology: '4G',
        upgradeRadiusKm: radius,
      }, random);
    }
    return newTower(best, { operator, status: 'planned', technology: '4G', radiusKm: radius }, random);
  }
  return undefined;
}

function chooseLeftOut(network: Network, lacking: Hamlet[]): Set<Hamlet> {
  const byRemoteness = lacking
    .map((h) => ({ h, km: remotenessKm(network.region, h.lon, h.lat) }))
    .sort((a, b) => b.km - a.km || (a.h.id < b.h.id ? -1 : 1))
    .map(({ h }) => h);
  const left = new Set(byRemoteness.filter((h) => !h.gridPower).slice(0, LEFT_OFF_GRID));
  for (const h of byRemoteness) if (left.size < LEFT_IN_PLAN) left.add(h);
  return left;
}

// Nearer gaps close first: the order of sites by remoteness sets their dates.
function dateClosers(closers: Closer[], random: Random): void {
  const ordered = closers.slice().sort((a, b) => a.remoteKm - b.remoteKm);
  ordered.forEach(({ tower }, index) => {
    const share = (index + 0.5) / ordered.length;
    const isUpgrade = tower.status === 'existing';
    let date: string | undefined;
    if (share < BY_MID_OCTOBER) date = randomIsoDate('2021-08-01', '2021-10-15', random.next);
    else if (share < BY_YEAR_END || isUpgrade) date = randomIsoDate('2021-10-16', '2021-12-31', random.next);
    else if (random.chance(0.6)) date = randomIsoDate('2022-01-10', '2022-06-30', random.next);
    if (isUpgrade) tower.upgradeDate = date;
    else tower.serviceDate = date;
  });
}

export function closeGaps(network: Network, random: Random): void {
  const lacking = network.hamlets.filter((h) => !hasExisting4g(network.towers, h));
  const left = chooseLeftOut(network, lacking);
  const open = new Set(lacking.filter((h) => !left.has(h)));
  const order = [...open].sort(
    (a, b) => remotenessKm(network.region, a.lon, a.lat) - remotenessKm(network.region, b.lon, b.lat),
  );
  const closers: Closer[] = [];
  for (const hamlet of order) {
    if (!open.has(hamlet)) continue;
    let tower = random.chance(0.8) ? upgradeNearby(network, hamlet, left) : undefined;
    if (!tower) {
      tower = newSite(network, hamlet, open, left, random);
      if (!tower) continue;
      network.towers.push(tower);
    }
    closers.push({ tower, remoteKm: remotenessKm(network.region, hamlet.lon, hamlet.lat) });
    const reachKm = plannedRadiusOf(tower);
    for (const h of [...open]) if (coversKm(tower.lon, tower.lat, reachKm, h)) open.delete(h);
  }
  dateClosers(closers, random);
  addTownExtras(network, left, random);
}

/** Capacity sites in town, 5G in the city and a few 4G→5G upgrades there in 2022. */
function addTownExtras(network: Network, left: Set<Hamlet>, random: Random): void {
  const province = network.region.boundaries.province.geometry;
  const townHamlets = network.hamlets.filter((h) => network.region.profileById.get(h.commune ?? '')?.urban);
  const cityHamlets = townHamlets.filter((h) => h.district === '964');
  const siteNear = (pool: Hamlet[]): Position => {
    const anchor = pool[random.weightedIndex(pool.map((h) => h.population))] as Hamlet;
    return candidateSites(anchor.lon, anchor.lat, 1, province, random)[0] as Position;
  };
  for (let i = 0; i < 10; i++) {
    const site = siteNear(townHamlets);
    if (touchesAny(site, 4, left)) continue;
    const serviceDate =
      i < 5 ? randomIsoDate('2021-08-01', '2021-12-31', random.next)
      : i < 7 ? randomIsoDate('2022-01-01', '2022-12-31', random.next)
      : undefined;
    network.towers.push(
      newTower(site, { operator: pickOperator(random), status: 'planned', technology: '4G', serviceDate }, random),
    );
  }
  for (let i = 0; i < 4; i++) {
    network.towers.push(
      newTower(siteNear(cityHamlets), {
        operator: i === 0 ? 'Viettel' : pickOperator(random),
        status: 'planned',
        technology: '5G',
        radiusKm: 1.5,
        serviceDate: serviceDateFor('5G', random),
        heightM: random.int(30, 36),
      }, random),
    );
  }
  upgradeCityTo5g(network, cityHamlets, random);
}

// A 5G upgrade shrinks a site's reach to 1.5 km unless told otherwise, so only masts whose
// hamlets all keep another 4G site are upgraded.
function upgradeCityTo5g(network: Network, cityHamlets: Hamlet[], random: Random): void {
  const city4g = network.towers.filter(
    (t) => t.status === 'existing' && t.technology === '4G' && cityHamlets.some((h) => coversKm(t.lon, t.lat, radiusOf(t), h)),
  );
  const chosen = new Set<Tower>();
  for (const mast of random.shuffle(city4g)) {
    if (chosen.size === 4) break;
    const stillCovered = network.hamlets
      .filter((h) => coversKm(mast.lon, mast.lat, radiusOf(mast), h))
      .every((h) => city4g.some((t) => t !== mast && !chosen.has(t) && coversKm(t.lon, t.lat, radiusOf(t), h)));
    if (!stillCovered) continue;
    chosen.add(mast);
    mast.upgradeTechnology = '5G';
    mast.upgradeDate = randomIsoDate('2022-04-01', '2022-12-31', random.next);
    if (random.chance(0.5)) mast.upgradeRadiusKm = 2;
  }
}
