// `npx tsx test/bench/siting-budget.ts`: the budget mode at scale (issue 18 item 7): 100k seeded
// points over the Mekong delta (data.ts), 5k candidates (an even sample of the points not good),
// costs with the contract's defaults (backhaul by the engine's nearest 4G/5G km), a budget of
// about 40 average sites. Times: building the instance and the greedy answer (target 500 ms),
// then the whole exact run with its time limit (target: the answer or its bound within 10 s).
import loadHighs from 'highs';
import { classify } from '../../src/domain/coverage/classify.ts';
import { LEVEL_GOOD, onAirTowers } from '../../src/domain/coverage/columns.ts';
import { DEFAULT_COSTS } from '../../src/domain/parse/costs.ts';
import { greedyBudget } from '../../src/domain/siting/budget.ts';
import { siteCostTable } from '../../src/domain/siting/costs.ts';
import { buildInstance } from '../../src/domain/siting/instance.ts';
import { chooseSitesWithinBudget } from '../../src/domain/siting/within-budget.ts';
import { MEKONG, randomPoints, randomTowers } from './data.ts';
import { pointRecords, time } from './measure.ts';

const POINTS = 100_000;
const CANDIDATES = 5_000;
const TIME_LIMIT_S = 8;

async function main(): Promise<void> {
  const points = randomPoints(11, POINTS, MEKONG);
  const data = pointRecords(points);
  const { level, nearest4gKm } = classify(points, onAirTowers(randomTowers(12, 1_500, MEKONG), 'planned'));
  const notGood: number[] = [];
  for (let i = 0; i < level.length; i++) if (level[i] !== LEVEL_GOOD) notGood.push(i);
  const candidates = Int32Array.from({ length: CANDIDATES }, (_, q) => notGood[Math.floor((q * notGood.length) / CANDIDATES)]!);
  const { cost } = siteCostTable(data, nearest4gKm, DEFAULT_COSTS);
  let meanCost = 0;
  for (const p of candidates) meanCost += cost[p]! / CANDIDATES;
  const budget = Math.round(40 * meanCost);
  const highs = await loadHighs();
  const options = { budget, radiusKm: 4, weight: 'population' as const, cost, candidates, timeLimitS: TIME_LIMIT_S };

  let greedyGain = 0;
  const greedyMs = time(() => {
    const instance = buildInstance(data, level, { radiusKm: 4, weight: 'population', candidates, siteKey: (p) => cost[p]! });
    const slotCost = Float64Array.from(instance.sites, (p) => cost[p]!);
    greedyGain = greedyBudget({ instance, cost: slotCost, budget, k: Infinity }).gain;
  });
  let result: ReturnType<typeof chooseSitesWithinBudget> | undefined;
  const exactMs = time(() => (result = chooseSitesWithinBudget(highs, data, level, options)));
  const r = result!;
  console.log(`Sóng Map budget siting benchmark — node ${process.version}, HiGHS ${highs.version.string}, one thread`);
  console.log(`${POINTS.toLocaleString('en')} points, ${CANDIDATES.toLocaleString('en')} candidates, radius 4 km, budget ${(budget / 1e9).toFixed(1)} billion VND (~40 sites)`);
  console.log(`greedy (instance + lazy greedy by gain per cost): ${greedyMs.toFixed(0)} ms, gain ${greedyGain.toLocaleString('en')} — target 500 ms: ${greedyMs <= 500 ? 'PASS' : 'FAIL'}`);
  console.log(
    `exact (HiGHS, time limit ${TIME_LIMIT_S} s): ${(exactMs / 1000).toFixed(1)} s, ${r.status}, model ${r.rows.toLocaleString('en')} rows × ${r.columns.toLocaleString('en')} columns; ` +
      `gain ${r.gain.toLocaleString('en')} (${r.sites.length} sites, ${(r.totalCost / 1e9).toFixed(2)} billion), bound ${r.upperBound.toLocaleString('en')}, optimal ${r.optimal}; ` +
      `greedy's gap to the bound ${(100 * (r.upperBound - r.greedy.gain) / r.upperBound).toFixed(2)} % — target 10 s: ${exactMs <= 10_000 ? 'PASS' : 'FAIL'}`,
  );
}

await main();
