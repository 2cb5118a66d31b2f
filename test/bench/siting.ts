// `npx tsx test/bench/siting.ts`: how fast the siting greedy is (src/domain/siting).
//
// A benchmark, not a test. 100k seeded points over the Mekong delta (data.ts: 70% clustered
// around villages; the last 5% are schools, a tenth of them with fixed broadband) and seeded
// existing towers, few enough that a good share of the points is not good. Levels come from
// classify in the planned scenario (outside the timing). Hamlet populations are seeded
// integers 50..3000. Candidates: an even sample of the points not good.
//   lazy   chooseSites (weights, demand grid, every candidate's coverage list, lazy greedy
//          with the heap), median of a few runs after a warm-up;
//   naive  every round, every candidate's gain by brute force over every demand point still
//          not covered (haversineKm), argmax with ties to the lowest index: measured on a
//          small instance (a few candidates, a few rounds, all the demand points) and
//          extrapolated per round × candidate × demand point to the lazy run's rounds.
//   co-located  (issue 13 item 7) every point not good is a candidate (the CLI's default), K=50:
//          the spread points as they are, then the first 10k and then all 100k points moved onto
//          one commune centre. Identical positions are handled once, so a pile costs no more
//          than spread points (it took 15 s at 10k and over 300 s at 100k before).
// One thread; keep it under half a minute.
import { classify } from '../../src/domain/coverage/classify.ts';
import { LEVEL_GOOD, LEVEL_NONE, onAirTowers, type PointColumns } from '../../src/domain/coverage/columns.ts';
import { haversineKm } from '../../src/domain/geo/haversine.ts';
import { chooseSites } from '../../src/domain/siting/siting.ts';
import { MEKONG, randomPoints, randomTowers } from './data.ts';
import { median, pointRecords, time } from './measure.ts';

const POINTS = 100_000;
const TOWERS = 1_500;
const RADIUS_KM = 4;
const RUNS = 5;
const TARGET = { k: 50, candidates: 10_000, ms: 500 };
const CASES = [
  { k: 20, candidates: 5_000 },
  { k: 50, candidates: 10_000 },
];
/** The naive greedy's measured instance: rounds × candidates × every demand point. */
const NAIVE = { rounds: 3, candidates: 120 };

const fmt = (ms: number): string => (ms < 10 ? ms.toFixed(2) : ms.toFixed(0));

/** `count` point indexes spread evenly over the points not good, ascending. */
function sampleCandidates(level: Uint8Array, count: number): Int32Array {
  const notGood: number[] = [];
  for (let i = 0; i < level.length; i++) if (level[i] !== LEVEL_GOOD) notGood.push(i);
  const m = Math.min(count, notGood.length);
  return Int32Array.from({ length: m }, (_, q) => notGood[Math.floor((q * notGood.length) / m)]!);
}

/** The naive greedy on columns: returns the picks and how many round × candidate × demand steps it took. */
function naiveGreedy(
  points: PointColumns,
  weight: Float64Array,
  level: Uint8Array,
  candidates: Int32Array,
  k: number,
): { picks: number[]; gains: number[]; steps: number } {
  const demand: number[] = [];
  for (let i = 0; i < points.count; i++) if (weight[i]! > 0 && level[i] !== LEVEL_GOOD) demand.push(i);
  const covered = new Uint8Array(points.count);
  const picks: number[] = [];
  const gains: number[] = [];
  let steps = 0;
  for (let round = 0; round < k; round++) {
    let best = -1;
    let bestGain = 0;
    for (let c = 0; c < candidates.length; c++) {
      const p = candidates[c]!;
      const lon = points.lon[p]!;
      const lat = points.lat[p]!;
      let gain = 0;
      for (let q = 0; q < demand.length; q++) {
        const d = demand[q]!;
        if (covered[d] === 0 && haversineKm(lon, lat, points.lon[d]!, points.lat[d]!) <= RADIUS_KM) gain += weight[d]!;
      }
      steps += demand.length;
      if (gain > bestGain) [best, bestGain] = [p, gain];
    }
    if (best < 0) break;
    for (const d of demand) if (haversineKm(points.lon[best]!, points.lat[best]!, points.lon[d]!, points.lat[d]!) <= RADIUS_KM) covered[d] = 1;
    picks.push(best);
    gains.push(bestGain);
  }
  return { picks, gains, steps };
}

/** The co-located cases: the same records with the first `piled` points moved onto one place. */
function coLocated(points: PointColumns, data: ReturnType<typeof pointRecords>, level: Uint8Array): void {
  const centre = { lon: 105.15, lat: 9.18 };
  const h = data.hamlets.length;
  console.log(`${'co-located (all not-good points are candidates, K=50)'.padEnd(56)} ${'sites'.padStart(5)} ${'ms'.padStart(8)}`);
  for (const piled of [0, 10_000, points.count]) {
    const moved = {
      hamlets: data.hamlets.map((r, i) => (i < piled ? { ...r, ...centre } : r)),
      schools: data.schools.map((r, j) => (h + j < piled ? { ...r, ...centre } : r)),
    };
    // The pile is not good (no tower reaches it here): the worst case, all of it candidates.
    const movedLevel = level.map((v, i) => (i < piled ? LEVEL_NONE : v));
    const options = { k: 50, radiusKm: RADIUS_KM, weight: 'population' as const };
    chooseSites(moved, movedLevel, options); // warm-up
    const times: number[] = [];
    let sites = 0;
    for (let r = 0; r < 3; r++) times.push(time(() => (sites = chooseSites(moved, movedLevel, options).sites.length)));
    const label = piled === 0 ? `${POINTS / 1000}k spread` : `${piled / 1000}k at one place${piled < POINTS ? ` + ${(POINTS - piled) / 1000}k spread` : ''}`;
    console.log(`${label.padEnd(56)} ${String(sites).padStart(5)} ${fmt(median(times)).padStart(8)}`);
  }
}

function main(): void {
  const started = performance.now();
  const points = randomPoints(11, POINTS, MEKONG);
  const towers = randomTowers(12, TOWERS, MEKONG);
  const data = pointRecords(points);
  const { level } = classify(points, onAirTowers(towers, 'planned'));
  const weight = new Float64Array(points.count);
  data.hamlets.forEach((h, i) => (weight[i] = h.population));
  let notGood = 0;
  let demand = 0;
  for (let i = 0; i < points.count; i++) {
    if (level[i] === LEVEL_GOOD) continue;
    notGood++;
    if (weight[i]! > 0) demand++;
  }

  // The naive greedy's cost per step, on a small instance; and its picks against the lazy's.
  const small = sampleCandidates(level, NAIVE.candidates);
  naiveGreedy(points, weight, level, small.subarray(0, 10), 1); // warm-up
  let naive = { picks: [] as number[], gains: [] as number[], steps: 0 };
  const naiveMs = time(() => (naive = naiveGreedy(points, weight, level, small, NAIVE.rounds)));
  const nsPerStep = (naiveMs * 1e6) / naive.steps;
  const lazySmall = chooseSites(data, level, { k: NAIVE.rounds, radiusKm: RADIUS_KM, weight: 'population', candidates: small });
  const agree =
    JSON.stringify(lazySmall.sites.map((s) => [s.point, s.gain])) === JSON.stringify(naive.picks.map((p, j) => [p, naive.gains[j]]));

  console.log(`Sóng Map siting benchmark — node ${process.version}, one thread; times in ms`);
  console.log(
    `${POINTS.toLocaleString('en')} points (${data.schools.length.toLocaleString('en')} schools) × ${TOWERS.toLocaleString('en')} towers over the ${MEKONG.name}, ` +
      `radius ${RADIUS_KM} km, weight population: ${notGood.toLocaleString('en')} points not good, ${demand.toLocaleString('en')} of them demand`,
  );
  console.log(
    `naive measured: ${NAIVE.rounds} rounds × ${small.length} candidates × ${demand.toLocaleString('en')} demand points in ${fmt(naiveMs)} ms ` +
      `= ${nsPerStep.toFixed(1)} ns per step; same picks and gains as lazy: ${agree ? 'yes' : 'NO'}`,
  );
  console.log('');
  const pad = (s: string, n: number): string => s.padStart(n);
  const header = `${'case'.padEnd(22)} ${pad('sites', 5)} ${pad('lazy', 8)} ${pad('1st call', 9)} ${pad('naive (extrap.)', 16)} ${pad('ratio', 9)}`;
  console.log(header);
  console.log('-'.repeat(header.length));
  let targetMs = NaN;
  for (const { k, candidates: count } of CASES) {
    const candidates = sampleCandidates(level, count);
    const options = { k, radiusKm: RADIUS_KM, weight: 'population' as const, candidates };
    let result: ReturnType<typeof chooseSites> | undefined;
    const firstMs = time(() => (result = chooseSites(data, level, options)));
    if (result === undefined) throw new Error('no result');
    const times: number[] = [];
    for (let r = 0; r < RUNS; r++) times.push(time(() => chooseSites(data, level, options)));
    const lazyMs = median(times);
    const naiveExtrapolated = (result.sites.length * candidates.length * demand * nsPerStep) / 1e6;
    const label = `K=${k} / ${(candidates.length / 1000).toFixed(0)}k cand. / ${POINTS / 1000}k`;
    console.log(
      `${label.padEnd(22)} ${pad(String(result.sites.length), 5)} ${pad(fmt(lazyMs), 8)} ${pad(fmt(firstMs), 9)} ` +
        `${pad(`${(naiveExtrapolated / 1000).toFixed(1)} s`, 16)} ${pad(`×${Math.round(naiveExtrapolated / lazyMs).toLocaleString('en')}`, 9)}`,
    );
    if (k === TARGET.k && count === TARGET.candidates) targetMs = lazyMs;
  }
  console.log('');
  coLocated(points, data, level);
  console.log('');
  console.log(
    `target: K=${TARGET.k} among ${TARGET.candidates / 1000}k candidates over ${POINTS / 1000}k points ≤ ${TARGET.ms} ms: ` +
      `${targetMs <= TARGET.ms ? 'PASS' : 'FAIL'} (median ${fmt(targetMs)} ms)`,
  );
  console.log(`bench took ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

main();

// The budget mode at the same scale (issue 18 item 7), so `npm run bench` times it too.
await import('./siting-budget.ts');
