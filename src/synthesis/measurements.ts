// Simulated speed tests for Cà Mau (contract rule 10's measurements.csv). No open test data
// at hamlet scale exists for the province, so the tests are drawn from the simulated towers
// and tell the story a provincial team would find: tests cluster in towns and along the
// roads from the city to the district seats; a tester's speed follows what that operator's
// towers model at the spot, except that in the forest (mangrove and melaleuca) one operator
// (MobiFone) is modelled good but measures poor, and a few hamlets just beyond Viettel's
// modelled radius measure good (understated). Every row's `source` says "mô phỏng".
import { classify } from '../domain/coverage/classify.ts';
import { LEVEL_GOOD, onAirTowers, type PointColumns } from '../domain/coverage/columns.ts';
import { DEFAULT_RADIO_MODEL } from '../domain/coverage/radio-model.ts';
import { pointInGeometry } from '../domain/geo/polygon.ts';
import { fromDay, toDay } from '../domain/progress/days.ts';
import type { Hamlet, Measurement, Tower } from '../domain/types.ts';
import { offsetKm, planarKm, randomPointNear } from './geometry.ts';
import type { SimulatedLandcover } from './landcover.ts';
import type { Random } from './random.ts';
import type { Region } from './regions.ts';
import { csvText, round5 } from './serialize.ts';

/** The operator whose forest hamlets are modelled good but measure poor. */
export const FOREST_OPERATOR = 'MobiFone';
/** The operator with a few understated hamlets just beyond its modelled radius. */
export const UNDERSTATED_OPERATOR = 'Viettel';
const OPERATORS = ['Viettel', 'VNPT', 'MobiFone'] as const;
/** Rough market shares: who a random tester is with. */
const SHARES = [0.5, 0.25, 0.25];
const FIRST_DAY = '2021-06-01';
const LAST_DAY = '2022-12-10';
/** Radius factor under which a hamlet beyond the model counts as "just beyond". */
const UNDERSTATED_FACTOR = 1.3;
const UNDERSTATED_HAMLETS = 8;
const CROWD_SOURCE = 'i-Speed (mô phỏng)';
const DRIVE_SOURCE = 'đo kiểm trên đường (mô phỏng)';
const DRIVE_STEP_KM = 1.2;

interface Spot {
  lon: number;
  lat: number;
}

/** Each operator's modelled-good flag at each spot (current scenario, fixed radii × factor). */
function goodByOperator(towers: readonly Tower[], spots: readonly Spot[], factor = 1): Map<string, Uint8Array> {
  const points: PointColumns = {
    count: spots.length,
    lon: Float64Array.from(spots, (s) => s.lon),
    lat: Float64Array.from(spots, (s) => s.lat),
    fixedBroadband: new Uint8Array(spots.length),
  };
  const out = new Map<string, Uint8Array>();
  for (const operator of OPERATORS) {
    const level = classify(points, onAirTowers(towers, 'current', { model: DEFAULT_RADIO_MODEL, operator, radiusFactor: factor })).level;
    out.set(operator, Uint8Array.from(level, (l) => (l === LEVEL_GOOD ? 1 : 0)));
  }
  return out;
}

/** A lognormal-ish speed around `median` Mbps, within [lo, hi], one decimal. */
function speed(random: Random, median: number, lo: number, hi: number): number {
  const z = random.next() + random.next() + random.next() - 1.5;
  return Math.round(Math.min(hi, Math.max(lo, median * Math.exp(z * 0.6))) * 10) / 10;
}

export function generateMeasurements(
  region: Region,
  hamlets: readonly Hamlet[],
  towers: readonly Tower[],
  landcover: readonly SimulatedLandcover[],
  random: Random,
): Measurement[] {
  const firstDay = toDay(FIRST_DAY);
  const lastDay = toDay(LAST_DAY);
  const forests = landcover.filter((l) => l.clutter === 'forest');
  const inForest = (s: Spot) => forests.some((f) => pointInGeometry(s.lon, s.lat, f.geometry));
  const urbanCommune = new Set(region.profiles.filter((p) => p.urban).map((p) => p.commune.id));

  const good = goodByOperator(towers, hamlets);
  const anyGood = (i: number) => OPERATORS.some((o) => good.get(o)![i] === 1);
  const wider = goodByOperator(towers, hamlets, UNDERSTATED_FACTOR).get(UNDERSTATED_OPERATOR)!;
  const understated = new Set(
    random
      .shuffle(hamlets.map((_, i) => i).filter((i) => !anyGood(i) && wider[i] === 1))
      .slice(0, UNDERSTATED_HAMLETS),
  );

  // Where and with whom each test is, before its speed.
  const planned: { spot: Spot; operator: string; source: string; forest: boolean; understated: boolean }[] = [];
  const crowd = (spot: Spot, operator: string, forest: boolean, under = false) =>
    planned.push({ spot, operator, source: CROWD_SOURCE, forest, understated: under });
  // People keep the SIM that works where they live: an operator modelled good there is
  // several times likelier to be the tester's.
  const pickOperator = (goodHere: (operator: string) => boolean) =>
    OPERATORS[random.weightedIndex(OPERATORS.map((o, k) => (SHARES[k] as number) * (goodHere(o) ? 1 : 0.1)))] as string;
  const near = (h: Hamlet): Spot => {
    const [lon, lat] = randomPointNear(h.lon, h.lat, 0.3, random);
    return { lon: lon as number, lat: lat as number };
  };
  hamlets.forEach((h, i) => {
    const forest = inForest(h);
    const hamletGood = (o: string) => good.get(o)![i] === 1;
    if (understated.has(i)) {
      for (let k = random.int(4, 6); k > 0; k--) crowd(near(h), UNDERSTATED_OPERATOR, forest, true);
      return;
    }
    if (forest && good.get(FOREST_OPERATOR)![i] === 1 && random.chance(0.7)) {
      // A forest hamlet where MobiFone's network is the one people have.
      for (let k = random.int(4, 6); k > 0; k--) crowd(near(h), FOREST_OPERATOR, true);
      if (random.chance(0.3)) crowd(near(h), pickOperator(hamletGood), true);
      return;
    }
    const town = h.commune !== undefined && urbanCommune.has(h.commune);
    const n = town ? random.int(6, 14) : random.chance(0.4) ? random.int(3, 6) : random.int(0, 2);
    for (let k = 0; k < n; k++) crowd(near(h), pickOperator(hamletGood), forest);
  });
  // Drive tests from the city's seat to each district's seat, one operator's SIM a stop.
  const seats = [...region.seatByDistrict.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, p]): [number, number] => [p.commune.labelLon, p.commune.labelLat]);
  // District ids sort the city (964) first.
  const city = seats[0];
  const stops: Spot[] = [];
  if (city) {
    for (const seat of seats.slice(1)) {
      const km = planarKm(city[0], city[1], seat[0], seat[1]);
      for (let d = 0; d <= km; d += DRIVE_STEP_KM) {
        const t = km === 0 ? 0 : d / km;
        const [lon, lat] = offsetKm(city[0] + (seat[0] - city[0]) * t, city[1] + (seat[1] - city[1]) * t, random.range(-0.05, 0.05), random.range(-0.05, 0.05));
        stops.push({ lon: lon as number, lat: lat as number });
      }
    }
  }
  const goodAtStop = goodByOperator(towers, stops);
  stops.forEach((spot, k) => {
    const operator = pickOperator((o) => goodAtStop.get(o)![k] === 1);
    planned.push({ spot, operator, source: DRIVE_SOURCE, forest: inForest(spot), understated: false });
  });

  const goodAt = goodByOperator(towers, planned.map((p) => p.spot));
  return planned.map((p, k): Measurement => {
    const modelledGood = goodAt.get(p.operator)![k] === 1;
    let mbps: number;
    if (p.understated) mbps = speed(random, 17, 11, 30);
    else if (p.forest && p.operator === FOREST_OPERATOR && modelledGood) mbps = speed(random, 4, 0.8, 8.5);
    else if (modelledGood) mbps = random.chance(0.1) ? speed(random, 6, 2, 9.5) : speed(random, 28, 11, 80);
    else mbps = random.chance(0.08) ? speed(random, 12, 10, 16) : speed(random, 2.5, 0.2, 9);
    return {
      date: fromDay(random.int(firstDay, lastDay)),
      lon: round5(p.spot.lon),
      lat: round5(p.spot.lat),
      operator: p.operator,
      downloadMbps: mbps,
      technology: modelledGood ? '4G' : '3G',
      source: p.source,
    };
  }).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

export function measurementsText(measurements: readonly Measurement[]): string {
  return csvText(
    ['date', 'lon', 'lat', 'operator', 'download_mbps', 'technology', 'source'],
    measurements.map((m) => [m.date, m.lon, m.lat, m.operator, m.downloadMbps, m.technology ?? '', m.source ?? '']),
  );
}
