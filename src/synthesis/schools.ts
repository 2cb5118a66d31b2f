// Schools near hamlets: every commune has its preschool, primary and lower secondary
// school, larger ones more; upper secondary schools and continuing-education centres sit
// in district towns. Enrolment follows the population of each school's catchment.
import type { Hamlet, Position, School, SchoolLevel } from '../domain/types.ts';
import { insideWithMargin, planarKm, randomPointNear } from './geometry.ts';
import type { Random } from './random.ts';
import type { CommuneProfile, Region } from './regions.ts';
import { shortDistrictName } from './regions.ts';

/** Enrolment as a share of the catchment's population (synthesis.md). */
const ENROLMENT: Readonly<Record<SchoolLevel, number>> = {
  preschool: 0.04,
  primary: 0.07,
  lower_secondary: 0.05,
  upper_secondary: 0.04,
  multi_level: 0.02,
  continuing: 0.003,
};
const LEVEL_ORDER: readonly SchoolLevel[] = [
  'preschool', 'primary', 'lower_secondary', 'multi_level', 'upper_secondary', 'continuing',
];
/** Upper secondary schools per district beyond its town's (the city counts its wards). */
const EXTRA_UPPER_SECONDARY: Readonly<Record<string, number>> = {
  '964': 4, '966': 2, '967': 2, '968': 3, '969': 2, '970': 3, '971': 1, '972': 2, '973': 1,
};
/** Remote districts whose largest remote commune has a combined primary and lower secondary school. */
const MULTI_LEVEL_DISTRICTS = ['966', '971', '973'];

interface Plan {
  profile: CommuneProfile;
  level: SchoolLevel;
  name: string;
  /** Whose hamlets the school draws on: its commune's, or its district's. */
  scope: 'commune' | 'district';
  /** Catchment hamlets; filled once every school of the level has a place. */
  catchment: Hamlet[];
  /** Enrolment share of the catchment when not the level's usual one. */
  enrolment?: number;
  position?: Position;
}

function schoolCounts(population: number): Record<'preschool' | 'primary' | 'lower_secondary', number> {
  return {
    preschool: population > 15_500 ? 2 : 1,
    primary: Math.min(4, Math.max(1, Math.round(population / 6600))),
    lower_secondary: population > 20_000 ? 2 : 1,
  };
}

function numbered(base: string, index: number): string {
  return index === 0 ? base : `${base} ${index + 1}`;
}

function planCommunes(region: Region): Plan[] {
  const plans: Plan[] = [];
  const bases = {
    preschool: 'Trường Mầm non',
    primary: 'Trường Tiểu học',
    lower_secondary: 'Trường THCS',
  } as const;
  for (const profile of region.profiles) {
    const counts = schoolCounts(profile.commune.population);
    for (const level of ['preschool', 'primary', 'lower_secondary'] as const) {
      for (let i = 0; i < counts[level]; i++) {
        const name = numbered(`${bases[level]} ${profile.shortName}`, i);
        plans.push({ profile, level, name, scope: 'commune', catchment: [] });
      }
    }
  }
  return plans;
}

function planDistricts(region: Region): Plan[] {
  const plans: Plan[] = [];
  for (const district of region.boundaries.districts) {
    const seat = region.seatByDistrict.get(district.id);
    if (!seat) continue;
    const inDistrict = region.profiles.filter((p) => p.commune.districtId === district.id);
    const isCity = district.id === '964';
    const town = isCity ? shortDistrictName(district.name) : seat.shortName;
    const atSeat = { profile: seat, scope: 'district', catchment: [] } as const;
    plans.push({ ...atSeat, level: 'upper_secondary', name: `Trường THPT ${town}`, catchment: [] });
    // Other towns first (Sông Đốc), then the most populous communes; the city's extra
    // schools keep the city's name, numbered.
    const others = inDistrict
      .filter((p) => p !== seat)
      .sort((a, b) => Number(b.urban && !isCity) - Number(a.urban && !isCity) || b.commune.population - a.commune.population)
      .slice(0, EXTRA_UPPER_SECONDARY[district.id] ?? 0);
    others.forEach((p, i) => {
      const name = isCity ? numbered(`Trường THPT ${town}`, i + 1) : `Trường THPT ${p.shortName}`;
      plans.push({ ...atSeat, profile: p, level: 'upper_secondary', name, catchment: [] });
    });
    const centre = `Trung tâm GDNN-GDTX ${shortDistrictName(district.name)}`;
    plans.push({ ...atSeat, level: 'continuing', name: centre, catchment: [] });
    if (isCity) {
      // The province's ethnic boarding school takes pupils from the whole city and beyond.
      const name = 'Trường Phổ thông Dân tộc Nội trú tỉnh Cà Mau';
      plans.push({ ...atSeat, level: 'multi_level', name, enrolment: 0.002, catchment: [] });
    }
    if (MULTI_LEVEL_DISTRICTS.includes(district.id)) {
      const remote = inDistrict.filter((p) => p.remote).sort((a, b) => b.commune.population - a.commune.population)[0];
      if (remote) {
        const name = `Trường TH và THCS ${remote.shortName}`;
        plans.push({ profile: remote, scope: 'commune', level: 'multi_level', name, catchment: [] });
      }
    }
  }
  return plans;
}

// Each new school goes by the hamlet farthest from its siblings of the same level, so
// several primary schools spread over a commune instead of crowding its centre.
function place(plan: Plan, hamlets: Hamlet[], siblings: Position[], random: Random): Position {
  const mine = hamlets.filter((h) => h.commune === plan.profile.commune.id);
  let anchor: Hamlet;
  if (siblings.length === 0) {
    anchor = mine[random.weightedIndex(mine.map((h) => h.population))] as Hamlet;
  } else {
    const gap = (h: Hamlet): number => Math.min(...siblings.map(([x, y]) => planarKm(h.lon, h.lat, x, y)));
    anchor = mine.reduce((best, h) => (gap(h) > gap(best) ? h : best));
  }
  for (let i = 0; i < 60; i++) {
    const [lon, lat] = randomPointNear(anchor.lon, anchor.lat, i < 30 ? 0.6 : 0.25, random);
    if (insideWithMargin(lon, lat, plan.profile.commune.geometry, 0.05)) return [lon, lat];
  }
  return [anchor.lon, anchor.lat];
}

function assignCatchments(plans: Plan[], hamlets: Hamlet[]): void {
  const groups = new Map<string, Plan[]>();
  for (const plan of plans) {
    const area = plan.scope === 'district' ? plan.profile.commune.districtId : plan.profile.commune.id;
    const key = `${plan.level}|${plan.scope}|${area}`;
    groups.set(key, [...(groups.get(key) ?? []), plan]);
  }
  for (const [key, group] of groups) {
    const [, scope, area] = key.split('|') as [SchoolLevel, Plan['scope'], string];
    const pool = hamlets.filter((h) => (scope === 'district' ? h.district : h.commune) === area);
    for (const h of pool) {
      let best = group[0] as Plan;
      let bestKm = Infinity;
      for (const plan of group) {
        const [x, y] = plan.position as Position;
        const km = planarKm(h.lon, h.lat, x, y);
        if (km < bestKm) {
          bestKm = km;
          best = plan;
        }
      }
      best.catchment.push(h);
    }
  }
}

/** Share of students from poor or near-poor households: 8–20%, following the commune's poverty. */
function needRate(profile: CommuneProfile, hamlets: Hamlet[], random: Random): number {
  const mine = hamlets.filter((h) => h.commune === profile.commune.id);
  const households = mine.reduce((s, h) => s + (h.households ?? 0), 0);
  const poor = mine.reduce((s, h) => s + (h.poorHouseholds ?? 0), 0);
  const rate = 0.07 + 1.1 * (poor / Math.max(1, households)) + random.range(-0.01, 0.015);
  return Math.min(0.2, Math.max(0.08, rate));
}

export function generateSchools(region: Region, hamlets: Hamlet[], random: Random): School[] {
  const plans = [...planCommunes(region), ...planDistricts(region)];
  const placed = new Map<string, Position[]>();
  for (const plan of plans) {
    const key = `${plan.level}|${plan.profile.commune.id}`;
    const siblings = placed.get(key) ?? [];
    plan.position = place(plan, hamlets, siblings, random);
    placed.set(key, [...siblings, plan.position]);
  }
  assignCatchments(plans, hamlets);

  const order = (p: Plan): number => LEVEL_ORDER.indexOf(p.level);
  const sorted = plans
    .map((plan, index) => ({ plan, index }))
    .sort((a, b) =>
      a.plan.profile.commune.id < b.plan.profile.commune.id ? -1
      : a.plan.profile.commune.id > b.plan.profile.commune.id ? 1
      : order(a.plan) - order(b.plan) || a.index - b.index,
    );
  const perCommune = new Map<string, number>();
  return sorted.map(({ plan }): School => {
    const { commune } = plan.profile;
    const n = (perCommune.get(commune.id) ?? 0) + 1;
    perCommune.set(commune.id, n);
    const catchmentPeople = plan.catchment.reduce((s, h) => s + h.population, 0);
    // A combined school in a remote commune takes a slice of its pupils; the others
    // enrol from their catchments (never below a small school's roll).
    const base = plan.level === 'multi_level' && plan.scope === 'commune' ? commune.population : Math.max(catchmentPeople, 900);
    const students = Math.round(base * (plan.enrolment ?? ENROLMENT[plan.level]) * random.range(0.9, 1.1));
    // Preschool children are outside the computer programme, which is for pupils.
    const studentsInNeed = plan.level === 'preschool' ? 0 : Math.round(students * needRate(plan.profile, hamlets, random));
    const town = plan.profile.urban;
    const [lon, lat] = plan.position as Position;
    return {
      id: `S-${commune.id}-${String(n).padStart(2, '0')}`,
      name: plan.name,
      lon,
      lat,
      level: plan.level,
      students,
      studentsInNeed,
      fixedBroadband: random.chance(town ? 0.85 : plan.level === 'upper_secondary' ? 0.4 : 0.06),
      commune: commune.id,
      district: commune.districtId,
      synthetic: true,
    };
  });
}
