// A national-scale test dataset for benchmarks (`npm run data -- --scale national`): about
// 900,000 hamlets, 100,000 schools and 100,000 towers around ~2,000 seeded towns inside the
// simplified outline of vietnam.ts. Everything is simulated (`synthetic: true`); it is not
// committed. Pure: the files come out as text chunks through `emit`, in a fixed order, so the
// same seed gives the same bytes and a million features never sit in memory at once.
import type { Delivery, Hamlet, School, SchoolLevel, Tower } from '../domain/types.ts';
import { hamletProperties, schoolProperties, towerProperties } from '../domain/export/features.ts';
import { bboxOfGeometry, pointInGeometry, type BBox } from '../domain/geo/polygon.ts';
import { apportion } from './apportion.ts';
import { randomIsoDate } from './dates.ts';
import { simOperator } from './deliveries.ts';
import { deliveriesText, programmeText } from './files.ts';
import { planarKm } from './geometry.ts';
import { HAMLET_NAMES } from './names.ts';
import { PROGRAMME } from './programme.ts';
import { createRandom, type Random } from './random.ts';
import { FeatureCollectionWriter, pointGeometry, roundTo } from './serialize.ts';
import { newSite, type Profile } from './national-towers.ts';
import { OPERATOR_CODES } from './tower-kit.ts';
import { areaKm2, simulatedRegions, vietnamOutline } from './vietnam.ts';

/** The counts at scale 1; population is the 2019 census total. */
export const NATIONAL = { hamlets: 900_000, schools: 100_000, towers: 100_000, towns: 2_000, population: 96_208_984 };

export interface NationalOptions {
  seed: number;
  /** 1 for the full national counts; 0.001 gives about 1,000 points and 100 towers. */
  scale: number;
}

export type Emit = (path: string, chunk: string) => void;

export interface NationalSummary {
  hamlets: number;
  schools: number;
  towers: number;
  towns: number;
  districts: number;
  deliveries: number;
  population: number;
  offGrid: number;
  planned: number;
  upgrades: number;
}

/** Where people live: a base plus the big cities and deltas ([lon, lat, weight, σ km]). */
const HUBS: readonly (readonly [number, number, number, number])[] = [
  [105.85, 21.03, 1, 60], [106.2, 20.6, 0.7, 60], [106.68, 20.86, 0.5, 30], [105.78, 19.8, 0.5, 45],
  [105.68, 18.67, 0.45, 40], [107.58, 16.46, 0.35, 30], [108.2, 16.05, 0.5, 35], [108.8, 15.12, 0.35, 35],
  [109.2, 13.77, 0.35, 35], [109.19, 12.24, 0.3, 30], [108.05, 12.67, 0.3, 40], [108.44, 11.94, 0.2, 25],
  [106.7, 10.78, 1, 55], [106.85, 10.95, 0.5, 40], [105.78, 10.03, 0.7, 90], [105.43, 10.38, 0.4, 50],
];
const BASE_DENSITY = 0.1;
const URBAN_SHARE = 0.33;

const LEVELS: readonly SchoolLevel[] = ['preschool', 'primary', 'lower_secondary', 'upper_secondary', 'multi_level', 'continuing'];
const LEVEL_SHARE = [0.3, 0.34, 0.22, 0.08, 0.03, 0.03];
const LEVEL_NAME: Readonly<Record<SchoolLevel, string>> = {
  preschool: 'Trường Mầm non',
  primary: 'Trường Tiểu học',
  lower_secondary: 'Trường THCS',
  upper_secondary: 'Trường THPT',
  multi_level: 'Trường TH và THCS',
  continuing: 'Trung tâm GDNN-GDTX',
};
const LEVEL_STUDENTS: Readonly<Record<SchoolLevel, readonly [number, number]>> = {
  preschool: [80, 350],
  primary: [150, 900],
  lower_secondary: [200, 1000],
  upper_secondary: [500, 1800],
  multi_level: [150, 800],
  continuing: [60, 400],
};
const DONORS = ['Viettel', 'VNPT', 'MobiFone', 'Sở GD&ĐT', 'Quỹ khuyến học'];

interface Land {
  outline: ReturnType<typeof vietnamOutline>;
  regions: ReturnType<typeof simulatedRegions>;
  boxes: BBox[];
  bbox: BBox;
}

/** Index of the region holding the point, -1 when it is outside the outline. */
function regionOf(land: Land, lon: number, lat: number): number {
  if (!pointInGeometry(lon, lat, land.outline)) return -1;
  for (let i = 0; i < land.regions.length; i++) {
    const b = land.boxes[i] as BBox;
    if (lon < b[0] || lon > b[2] || lat < b[1] || lat > b[3]) continue;
    if (pointInGeometry(lon, lat, (land.regions[i] as Land['regions'][number]).geometry)) return i;
  }
  return -1;
}

interface Town {
  lon: number;
  lat: number;
  region: number;
  weight: number;
  urban: boolean;
  remote: boolean;
  sigmaKm: number;
  name: string;
  hamlets: number;
  schools: number;
  towers: number;
  population: number;
}

interface Placed {
  lon: number;
  lat: number;
  region: number;
}

function gauss(random: Random): number {
  return Math.sqrt(-2 * Math.log(1 - random.next())) * Math.cos(2 * Math.PI * random.next());
}

/** A point near the town (Gaussian, σ km) inside the outline; the town itself at worst. */
function near(land: Land, town: Town, sigmaKm: number, random: Random): Placed {
  for (let tries = 0; tries < 30; tries++) {
    const north = gauss(random) * sigmaKm;
    const east = gauss(random) * sigmaKm;
    const [lon, lat] = pointGeometry(
      town.lon + east / (111.32 * Math.cos((town.lat * Math.PI) / 180)),
      town.lat + north / 110.574,
    ).coordinates;
    const region = regionOf(land, lon, lat);
    if (region >= 0) return { lon, lat, region };
  }
  return { lon: town.lon, lat: town.lat, region: town.region };
}

/** A uniform point inside the outline. */
function anywhere(land: Land, random: Random): Placed {
  const [minLon, minLat, maxLon, maxLat] = land.bbox;
  for (;;) {
    const [lon, lat] = pointGeometry(random.range(minLon, maxLon), random.range(minLat, maxLat)).coordinates;
    const region = regionOf(land, lon, lat);
    if (region >= 0) return { lon, lat, region };
  }
}

function density(lon: number, lat: number): number {
  let d = BASE_DENSITY;
  for (const [hLon, hLat, weight, sigma] of HUBS) {
    const km = planarKm(lon, lat, hLon, hLat);
    d += weight * Math.exp(-(km * km) / (2 * sigma * sigma));
  }
  return Math.min(1, d);
}

const scaled = (n: number, scale: number): number => Math.round(n * scale);

/** Seeded towns, denser near the cities and deltas, with their shares of everything. */
function buildTowns(land: Land, options: NationalOptions, random: Random): Town[] {
  const count = Math.max(20, Math.round(NATIONAL.towns * Math.min(1, Math.sqrt(options.scale))));
  const [minLon, minLat, maxLon, maxLat] = land.bbox;
  const towns: Town[] = [];
  while (towns.length < count) {
    const [lon, lat] = pointGeometry(random.range(minLon, maxLon), random.range(minLat, maxLat)).coordinates;
    const region = regionOf(land, lon, lat);
    if (region < 0) continue;
    const d = density(lon, lat);
    if (random.next() >= d) continue;
    // Pareto sizes: a few large towns, many small ones.
    const weight = Math.min(60, (1 - random.next()) ** (-1 / 1.2)) * (0.4 + d);
    towns.push({
      lon, lat, region, weight, urban: false, remote: d < 0.2, sigmaKm: 0,
      name: random.pick(HAMLET_NAMES), hamlets: 0, schools: 0, towers: 0, population: 0,
    });
  }
  const total = towns.reduce((s, t) => s + t.weight, 0);
  // The largest towns, holding about a third of all the hamlets, are urban.
  let urbanWeight = 0;
  for (const t of towns.slice().sort((a, b) => b.weight - a.weight)) {
    if (urbanWeight >= URBAN_SHARE * total) break;
    urbanWeight += t.weight;
    t.urban = true;
    t.remote = false;
  }
  for (const t of towns) t.sigmaKm = Math.min(20, Math.max(2, 5 * Math.sqrt((t.weight * towns.length) / total)));
  const weights = towns.map((t) => t.weight);
  const hamlets = apportion(scaled(NATIONAL.hamlets, options.scale), weights);
  const schools = apportion(scaled(NATIONAL.schools, options.scale), weights);
  // Towers spread more evenly than people; an eighth stand out in the country, near no town.
  const townTowers = scaled(NATIONAL.towers, options.scale) - ruralTowerCount(options);
  const towers = apportion(townTowers, weights.map((w) => w ** 0.75));
  const people = apportion(
    scaled(NATIONAL.population, options.scale),
    towns.map((t, i) => (hamlets[i] as number) * (t.urban ? 2 : t.remote ? 0.6 : 1)),
  );
  towns.forEach((t, i) => {
    t.hamlets = hamlets[i] as number;
    t.schools = schools[i] as number;
    t.towers = towers[i] as number;
    t.population = people[i] as number;
  });
  return towns;
}

const ruralTowerCount = (options: NationalOptions): number => Math.round(scaled(NATIONAL.towers, options.scale) / 8);

function hamletPrefix(town: Town): string {
  if (town.urban) return 'Tổ dân phố';
  if (town.lat < 11.7) return 'Ấp';
  return town.remote && town.lat > 19.5 ? 'Bản' : 'Thôn';
}

function townHamlets(land: Land, town: Town, firstId: number, random: Random): Hamlet[] {
  const populations = apportion(town.population, Array.from({ length: town.hamlets }, () => random.range(0.4, 1.6)));
  const prefix = hamletPrefix(town);
  const rate = town.urban ? random.range(0.01, 0.03) : town.remote ? random.range(0.08, 0.18) : random.range(0.03, 0.07);
  return populations.map((population, k): Hamlet => {
    const at = near(land, town, town.sigmaKm, random);
    const households = population === 0 ? 0 : Math.max(1, Math.round(population / random.range(3.5, 4.1)));
    return {
      id: `H-${String(firstId + k).padStart(7, '0')}`,
      name: `${prefix} ${k + 1}`,
      lon: at.lon,
      lat: at.lat,
      population,
      households,
      poorHouseholds: Math.round(households * rate * random.range(0.6, 1.4)),
      students: Math.round(population * random.range(0.17, 0.23)),
      gridPower: !random.chance(town.remote ? 0.1 : 0.006),
      district: (land.regions[at.region] as Land['regions'][number]).id,
      synthetic: true,
    };
  });
}

function townSchools(land: Land, town: Town, firstId: number, random: Random): School[] {
  const seen = new Map<SchoolLevel, number>();
  return Array.from({ length: town.schools }, (_, k): School => {
    const level = LEVELS[random.weightedIndex(LEVEL_SHARE)] as SchoolLevel;
    const n = (seen.get(level) ?? 0) + 1;
    seen.set(level, n);
    const [min, max] = LEVEL_STUDENTS[level];
    const students = Math.round(random.range(min, max) * (town.urban ? 1.3 : town.remote ? 0.6 : 1));
    const needShare = town.urban ? random.range(0.03, 0.1) : town.remote ? random.range(0.12, 0.3) : random.range(0.06, 0.2);
    const at = near(land, town, 0.7 * town.sigmaKm, random);
    return {
      id: `S-${String(firstId + k).padStart(7, '0')}`,
      name: `${LEVEL_NAME[level]} ${town.name}${n > 1 ? ` ${n}` : ''}`,
      lon: at.lon,
      lat: at.lat,
      level,
      students,
      studentsInNeed: level === 'preschool' ? 0 : Math.round(students * needShare),
      fixedBroadband: random.chance(town.urban ? 0.75 : town.remote ? 0.12 : 0.4),
      district: (land.regions[at.region] as Land['regions'][number]).id,
      synthetic: true,
    };
  });
}

/** A few deliveries to about one school in fifty with students in need. */
function schoolDeliveries(school: School, random: Random): Delivery[] {
  const need = school.studentsInNeed ?? 0;
  if (need === 0 || !random.chance(0.02)) return [];
  const rows: Delivery[] = [{
    date: randomIsoDate('2021-09-01', '2022-08-31', random.next),
    schoolId: school.id,
    kind: 'computer',
    quantity: random.int(1, Math.min(need, 15)),
    donor: random.pick(DONORS),
  }];
  if (random.chance(0.5)) {
    const sim: Delivery = {
      date: randomIsoDate('2021-09-01', '2021-12-31', random.next),
      schoolId: school.id,
      kind: 'data_sim',
      quantity: random.int(1, Math.min(need, 20)),
      donor: random.pick(DONORS.slice(0, 3)),
    };
    rows.push({ ...sim, operator: simOperator(sim.donor, school.id) });
  }
  return rows;
}

function profileOf(town: Town): Profile {
  return town.urban ? 'urban' : town.remote ? 'remote' : 'rural';
}

const README = `# Simulated national-scale test data (not real, not committed)

Written by \`npm run data -- --scale national --out <folder>\` for benchmarks and tests.
Every hamlet, school, tower and delivery is simulated (\`synthetic: true\`) around seeded
towns. \`boundaries/province.geojson\` is a hand-simplified outline of Vietnam (islands left
out) and \`boundaries/districts.geojson\` holds simulated regions ("Vùng 01 (mô phỏng)", ids
N01…) that follow no administrative line. See src/synthesis/vietnam.ts.
`;

/** Writes the whole data folder through `emit` (paths relative to the folder). */
export function writeNationalDataset(options: NationalOptions, emit: Emit): NationalSummary {
  if (!(options.scale > 0) || options.scale > 4) throw new Error(`scale must be above 0 and at most 4, not ${options.scale}`);
  const root = createRandom(options.seed);
  const outline = vietnamOutline();
  const regions = simulatedRegions();
  const land: Land = { outline, regions, boxes: regions.map((r) => bboxOfGeometry(r.geometry)), bbox: bboxOfGeometry(outline) };
  const towns = buildTowns(land, options, root.fork('towns'));
  const summary: NationalSummary = {
    hamlets: 0, schools: 0, towers: 0, towns: towns.length, districts: regions.length,
    deliveries: 0, population: 0, offGrid: 0, planned: 0, upgrades: 0,
  };

  const regionPopulation = regions.map(() => 0);
  const regionIndex = new Map(regions.map((region, r) => [region.id, r]));
  const hamletFile = new FeatureCollectionWriter((chunk) => emit('hamlets.geojson', chunk));
  towns.forEach((town, t) => {
    for (const h of townHamlets(land, town, summary.hamlets + 1, root.fork(`hamlets:${t}`))) {
      hamletFile.add({ properties: hamletProperties(h), geometry: pointGeometry(h.lon, h.lat) });
      summary.hamlets++;
      summary.population += h.population;
      if (!h.gridPower) summary.offGrid++;
      const r = regionIndex.get(h.district ?? '') as number;
      regionPopulation[r] = (regionPopulation[r] as number) + h.population;
    }
  });
  hamletFile.end();

  const provinceFile = new FeatureCollectionWriter((chunk) => emit('boundaries/province.geojson', chunk));
  provinceFile.add({
    properties: {
      id: 'VN',
      name: 'Việt Nam (đường viền giản lược, mô phỏng)',
      population: summary.population,
      area_km2: roundTo(areaKm2(outline.coordinates[0] ?? []), 0),
      synthetic: true,
    },
    geometry: outline,
  });
  provinceFile.end();
  const districtFile = new FeatureCollectionWriter((chunk) => emit('boundaries/districts.geojson', chunk));
  regions.forEach((region, r) => {
    districtFile.add({
      properties: {
        id: region.id,
        name: region.name,
        population: regionPopulation[r],
        area_km2: roundTo(areaKm2(region.geometry.coordinates[0] ?? []), 0),
        synthetic: true,
      },
      geometry: region.geometry,
    });
  });
  districtFile.end();

  const deliveries: Delivery[] = [];
  const schoolFile = new FeatureCollectionWriter((chunk) => emit('schools.geojson', chunk));
  towns.forEach((town, t) => {
    const random = root.fork(`schools:${t}`);
    for (const s of townSchools(land, town, summary.schools + 1, random)) {
      schoolFile.add({ properties: schoolProperties(s), geometry: pointGeometry(s.lon, s.lat) });
      summary.schools++;
      deliveries.push(...schoolDeliveries(s, random));
    }
  });
  schoolFile.end();
  deliveries.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.schoolId < b.schoolId ? -1 : a.schoolId > b.schoolId ? 1 : 0));
  emit('deliveries.csv', deliveriesText(deliveries));
  summary.deliveries = deliveries.length;

  const counters = new Map<string, number>();
  const towerFile = new FeatureCollectionWriter((chunk) => emit('towers.geojson', chunk));
  const addTower = (tower: Tower): void => {
    const code = OPERATOR_CODES[tower.operator as keyof typeof OPERATOR_CODES];
    const n = (counters.get(code) ?? 0) + 1;
    counters.set(code, n);
    tower.id = `T-${code}-${String(n).padStart(6, '0')}`;
    towerFile.add({ properties: towerProperties(tower), geometry: pointGeometry(tower.lon, tower.lat) });
    summary.towers++;
    if (tower.status === 'planned') summary.planned++;
    if (tower.upgradeTechnology !== undefined) summary.upgrades++;
  };
  towns.forEach((town, t) => {
    const random = root.fork(`towers:${t}`);
    for (let k = 0; k < town.towers; k++) addTower(newSite(near(land, town, 1.4 * town.sigmaKm, random), profileOf(town), random));
  });
  // Sites along roads and on hills away from any town.
  const rural = root.fork('towers:rural');
  for (let k = ruralTowerCount(options); k > 0; k--) {
    const at = anywhere(land, rural);
    addTower(newSite(at, density(at.lon, at.lat) < 0.2 ? 'remote' : 'rural', rural));
  }
  towerFile.end();

  emit('programme.json', programmeText(PROGRAMME));
  emit('README.md', README);
  return summary;
}
