// The gap register's cost per engine answer at 100k points, on the main thread and in the
// worker. Before: the page made every gap's row (gapRows), then filtered and sorted them, on
// every answer. Now: the worker does that (CoverageSession.gaps) and sends the rows shown as
// columns; the page makes objects for the rows on screen only (viewRow) and finds the
// selected point's position. Run: npx tsx test/bench/register.ts [towers]
import { filterGaps, gapRows, sortGaps } from '../../src/domain/gaps/register.ts';
import { viewRow, type GapQuery, type GapView } from '../../src/domain/gaps/view.ts';
import { buffersOf } from '../../src/worker/moved.ts';
import { EMPTY_PLAN, updateTower, type PlanDoc } from '../../src/domain/plan/plan.ts';
import { datasetView } from '../../src/domain/points/dataset-view.ts';
import type { Dataset } from '../../src/domain/types.ts';
import { CoverageSession } from '../../src/worker/compute.ts';
import { patchSlots } from '../../src/worker/tower-slots.ts';
import { MEKONG, randomPoints, randomTowers, rng } from './data.ts';
import { camauDistricts, median, pointRecords, time } from './measure.ts';

const POINTS = 100_000;
const TOWERS = Number(process.argv[2] ?? 4_000);
const ANSWERS = 15;
/** The rows a screen of the register draws (VISIBLE_ROWS + 2 × OVERSCAN in GapRegister.tsx). */
const ON_SCREEN = 30;
const SCENARIO = 'current';
const QUERY: GapQuery = { filter: {}, sort: { key: 'weight', direction: 'desc' }, lang: 'vi' };

const points = randomPoints(2000 + POINTS, POINTS, MEKONG);
const dataset: Dataset = {
  province: [],
  districts: camauDistricts(),
  ...pointRecords(points),
  towers: randomTowers(1000 + TOWERS, TOWERS, MEKONG),
  programme: { name: 'bench', targets: [] },
};
const session = new CoverageSession(dataset);
const page = datasetView(dataset);
const full = structuredClone(session.coverage(0, SCENARIO));
let slots = patchSlots(dataset.towers, full.towerChanges);
// The first answer makes each point's constant part of its row, once per data set: untimed.
gapRows(page, slots, { ...full, district: page.district });

const random = rng(5);
const before: number[] = [];
const pageNow: number[] = [];
const worker: number[] = [];
let plan: PlanDoc = EMPTY_PLAN;
let gaps = 0;
for (let a = 0; a < ANSWERS; a++) {
  const tower = dataset.towers[Math.floor(random() * dataset.towers.length)]!;
  plan = updateTower(plan, dataset.towers, tower.id, { lon: tower.lon + (random() - 0.5) * 0.05, lat: tower.lat + (random() - 0.5) * 0.05 });
  const answer = structuredClone(session.setPlan(1 + a, plan, SCENARIO));
  slots = patchSlots(slots, answer.towerChanges);
  before.push(
    time(() => {
      const rows = gapRows(page, slots, { ...answer, district: page.district });
      gaps = rows.length;
      sortGaps(filterGaps(rows, QUERY.filter), QUERY.sort.key, QUERY.sort.direction, QUERY.lang);
    }),
  );
  // The worker's part (its rows are made once per answer), and the transfer to the page.
  let view: GapView | undefined;
  worker.push(
    time(() => {
      const made = session.gaps(QUERY)!;
      view = structuredClone(made, { transfer: buffersOf(made) });
    }),
  );
  if (!view) throw new Error('no view');
  const shown: GapView = view;
  const selected = shown.points[Math.floor(random() * view.points.length)] ?? 0;
  pageNow.push(
    time(() => {
      for (let j = 0; j < Math.min(ON_SCREEN, shown.points.length); j++) viewRow(page, slots, page.district, shown, j);
      shown.points.indexOf(selected);
    }),
  );
}

const f = (ms: number) => ms.toFixed(ms < 1 ? 3 : 1);
console.log(`gap register per answer: ${POINTS.toLocaleString('en')} points × ${TOWERS.toLocaleString('en')} towers, ${gaps.toLocaleString('en')} gaps, ${ANSWERS} plan answers; median (worst) ms`);
console.log(`  before, main thread (gapRows + filterGaps + sortGaps): ${f(median(before))} (${f(Math.max(...before))})`);
console.log(`  now, main thread (${ON_SCREEN} rows on screen + the selected row's position): ${f(median(pageNow))} (${f(Math.max(...pageNow))})`);
console.log(`  now, worker (engine.gaps: rows, filter, sort, transfer): ${f(median(worker))} (${f(Math.max(...worker))})`);
