// The towers of the national-scale dataset (national.ts): the three operators, 2G to 5G by
// kind of place, planned sites and 2021–2023 upgrades, all with valid dates.
import type { Technology, Tower } from '../domain/types.ts';
import { randomIsoDate } from './dates.ts';
import type { Random } from './random.ts';
import { pickOperator, serviceDateFor } from './tower-kit.ts';

export type Profile = 'urban' | 'rural' | 'remote';
const TECH_SHARE: Readonly<Record<Profile, readonly number[]>> = {
  // 2G, 3G, 4G, 5G among existing sites.
  urban: [0.08, 0.2, 0.66, 0.06],
  rural: [0.14, 0.26, 0.6, 0],
  remote: [0.25, 0.33, 0.42, 0],
};
const PLANNED_SHARE: Readonly<Record<Profile, number>> = { urban: 0.06, rural: 0.1, remote: 0.2 };
const TECHS: readonly Technology[] = ['2G', '3G', '4G', '5G'];

/** One simulated site (its id is given when written): technology, status, dates, upgrade. */
export function newSite(at: { lon: number; lat: number }, profile: Profile, random: Random): Tower {
  const tower: Tower = { id: '', lon: at.lon, lat: at.lat, operator: '', status: 'existing', technology: '4G', synthetic: true };
  if (random.chance(PLANNED_SHARE[profile])) {
    tower.status = 'planned';
    tower.operator = pickOperator(random, profile === 'remote');
    tower.technology = profile === 'urban' && random.chance(0.5) ? '5G' : '4G';
    if (tower.technology === '5G') tower.radiusKm = 1.5;
    if (!random.chance(0.08)) tower.serviceDate = randomIsoDate('2021-08-01', '2022-12-31', random.next);
  } else {
    tower.operator = pickOperator(random);
    tower.technology = TECHS[random.weightedIndex(TECH_SHARE[profile])] as Technology;
    if (tower.technology === '5G') tower.serviceDate = randomIsoDate('2020-11-01', '2021-07-31', random.next);
    else if (tower.technology !== '4G' || !random.chance(0.08)) tower.serviceDate = serviceDateFor(tower.technology, random);
    if (tower.technology === '4G' && random.chance(profile === 'urban' ? 0.35 : 0.2)) {
      tower.radiusKm = profile === 'urban' ? random.pick([2.5, 3, 3.5]) : random.pick([5, 5.5, 6]);
    }
    if (tower.technology === '3G' && random.chance(0.3)) {
      tower.upgradeTechnology = '4G';
      tower.upgradeDate = randomIsoDate('2021-08-01', '2021-12-31', random.next);
    } else if (tower.technology === '2G' && random.chance(0.12)) {
      tower.upgradeTechnology = '4G';
      tower.upgradeDate = randomIsoDate('2021-08-01', '2022-06-30', random.next);
    } else if (tower.technology === '4G' && profile === 'urban' && random.chance(0.1)) {
      tower.upgradeTechnology = '5G';
      tower.upgradeDate = randomIsoDate('2022-03-01', '2023-06-30', random.next);
    }
  }
  tower.heightM = profile === 'urban' ? random.int(30, 42) : random.int(30, 60);
  return tower;
}
