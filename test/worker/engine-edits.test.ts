// The engine as the page's client calls it (worker/engine.ts), on the bundled data:
// - a plan edit crosses as its delta from the plan the engine holds (domain/plan/delta.ts) and
//   is answered as the whole plan would be, undo and redo included; an edit from a plan the
//   engine no longer holds is refused, so that the page sends the whole plan;
// - a plan edit never waits behind siting: the siting run goes to its own worker (here a
//   stand-in over a MessageChannel, held back until the test lets it go), the edit is answered
//   while it is in flight, and its answer is the greedy's for the plan it was asked on; a
//   cancel ends the run (and its worker) at once.
import { readdirSync, readFileSync } from 'node:fs';
import { expose } from 'comlink';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { classify } from '../../src/domain/coverage/classify.ts';
import { onAirTowers, pointColumns } from '../../src/domain/coverage/columns.ts';
import { planDelta } from '../../src/domain/plan/delta.ts';
import { addTower, EMPTY_PLAN, newPlannedTower, removeTower, updateTower, type PlanDoc } from '../../src/domain/plan/plan.ts';
import { parseDataset } from '../../src/domain/parse/index.ts';
import { DEFAULT_COSTS } from '../../src/domain/parse/costs.ts';
import { siteCostTable } from '../../src/domain/siting/costs.ts';
import { greedyAnswer, type SitingRequest } from '../../src/domain/siting/modes.ts';
import type { Tower } from '../../src/domain/types.ts';
import { Engine, type Loaded } from '../../src/worker/engine.ts';
import type { SitingProgress } from '../../src/domain/siting/run.ts';
import type { PlanCoverage } from '../../src/domain/coverage/answer.ts';
import { SitingHelper } from '../../src/worker/siting-helper.ts';

const texts = new Map(
  readdirSync('data', { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(geojson|csv|json)$/.test(f))
    .map((path) => [path, readFileSync(`data/${path}`, 'utf8')]),
);
const files = [...texts.keys()].map((path) => ({ path, url: path }));
beforeAll(() => vi.stubGlobal('fetch', async (url: string) => new Response(texts.get(url) ?? null, { status: texts.has(url) ? 200 : 404 })));
afterAll(() => vi.unstubAllGlobals());

const dataset = parseDataset([...texts].map(([path, text]) => ({ path, text }))).dataset!;
const base = dataset.towers;

/** What the page draws from a quick answer. */
const drawn = (a: PlanCoverage | undefined) => a && { level: [...a.level], nearestTower: [...a.nearestTower], nearestKm: [...a.nearestKm], figures: a.figures, cellCounts: [...a.cellCounts] };

describe('plan edits as deltas', () => {
  it('answer as the whole plan does, undo and redo included; an edit from another plan is refused', async () => {
    const byDelta = new Engine();
    const byPlan = new Engine();
    const { datasetId } = (await byDelta.load(files)) as Loaded;
    await byPlan.load(files);
    await byDelta.coverage('planned');
    await byPlan.coverage('planned');
    const history: PlanDoc[] = [EMPTY_PLAN];
    let plan: PlanDoc = EMPTY_PLAN;
    const add = (p: PlanDoc, k: number) => addTower(p, newPlannedTower([...base, ...p.added], { lon: base[k]!.lon + 0.02, lat: base[k]!.lat, operator: 'Viettel', technology: '4G' }));
    const steps: ((p: PlanDoc) => PlanDoc)[] = [
      (p) => add(p, 0),
      (p) => updateTower(p, base, base[1]!.id, { radiusKm: 9 }),
      (p) => removeTower(p, base, base[2]!.id),
      (p) => updateTower(p, base, p.added[0]!.id, { lon: base[3]!.lon, lat: base[3]!.lat }),
      () => history[1]!, // undo back to the first edit
      () => history[4]!, // redo
      (p) => add(p, 5),
      (p) => removeTower(p, base, p.added[0]!.id),
      () => EMPTY_PLAN, // the plan cleared
    ];
    let revision = 0;
    for (const step of steps) {
      const next = step(plan);
      const edit = { datasetId, from: revision, to: revision + 1, ...planDelta(plan, next) };
      const got = byDelta.editPlan(structuredClone(edit), 'planned');
      expect(got).toBeDefined();
      expect(drawn(got)).toEqual(drawn(byPlan.plan(structuredClone(next), 'planned')));
      revision += 1;
      plan = next;
      history.push(next);
    }
    // From a revision the engine does not hold, or for another data set: refused.
    expect(byDelta.editPlan({ datasetId, from: revision - 1, to: 99, ...planDelta(history[1]!, plan) }, 'planned')).toBeUndefined();
    expect(byDelta.editPlan({ datasetId: datasetId + 1, from: revision, to: 99 }, 'planned')).toBeUndefined();
    // The whole plan names the revision edits start from again.
    byDelta.plan(history[2]!, 'planned', undefined, 50);
    expect(byDelta.editPlan({ datasetId, from: 50, to: 51, ...planDelta(history[2]!, history[3]!) }, 'planned')).toBeDefined();
    // A whole plan made on another data set (an import taken meanwhile) is not taken either:
    // the edits still start from revision 51, and the answers are those of that plan.
    expect(byDelta.plan(history[4]!, 'planned', undefined, 60, datasetId + 1)).toBeUndefined();
    const after = byDelta.editPlan({ datasetId, from: 51, to: 52, ...planDelta(history[3]!, history[4]!) }, 'planned');
    expect(after).toBeDefined();
    expect(drawn(after)).toEqual(drawn(byPlan.plan(structuredClone(history[4]!), 'planned')));
  });
});

/** A siting worker over a MessageChannel whose runs wait until `release` is called. */
function gatedSiting() {
  const workers: { terminated: boolean }[] = [];
  let release = () => {};
  const start = () => {
    const { port1, port2 } = new MessageChannel();
    const helper = new SitingHelper();
    let gate = new Promise<void>((resolve) => (release = resolve));
    expose(
      {
        setPoints: (points: Parameters<SitingHelper['setPoints']>[0]) => helper.setPoints(points),
        greedy: async (...args: Parameters<SitingHelper['greedy']>) => {
          await gate;
          gate = Promise.resolve();
          return helper.greedy(...args);
        },
      },
      port2,
    );
    const worker = { terminated: false, terminate: () => ((worker.terminated = true), port1.close(), port2.close()) };
    workers.push(worker);
    return Object.assign(port1, worker) as unknown as Worker;
  };
  return { start, workers, release: () => release() };
}

describe('a plan edit never waits behind siting', () => {
  const request: SitingRequest = { mode: 'budget', budget: 20e9, radiusKm: 4, weight: 'population', costs: { ...DEFAULT_COSTS }, timeLimitS: 5 };

  it('is answered while the greedy runs on the siting worker, which then answers for the plan it was asked on', async () => {
    const siting = gatedSiting();
    const engine = new Engine(siting.start);
    const { datasetId } = (await engine.load(files)) as Loaded;
    await engine.coverage('planned');
    const events: string[] = [];
    const progress: SitingProgress[] = [];
    const run = engine.sitingGreedy(request, (p) => progress.push(p)).then((answer) => (events.push('siting answered'), answer));
    await new Promise((resolve) => setTimeout(resolve, 50));
    // A new tower at a hamlet without good signal.
    const { level, nearest4gKm } = classify(pointColumns(dataset.hamlets, dataset.schools), onAirTowers(base, 'planned'));
    const gap = dataset.hamlets[level.findIndex((l) => l < 2)]!;
    const added = addTower(EMPTY_PLAN, newPlannedTower(base, { lon: gap.lon, lat: gap.lat, operator: 'Viettel', technology: '4G' }));
    const edit = engine.editPlan({ datasetId, from: 0, to: 1, ...planDelta(EMPTY_PLAN, added) }, 'planned');
    expect(edit?.changed.length).toBeGreaterThan(0);
    events.push('edit answered');
    siting.release();
    const answer = await run;
    expect(events).toEqual(['edit answered', 'siting answered']);
    // The greedy's answer for the loaded towers (the plan when it was asked), by the domain's functions.
    const oracle = greedyAnswer(dataset, level, siteCostTable(dataset, nearest4gKm, request.costs).cost, request);
    expect(answer?.answer).toEqual(oracle);
    expect(oracle.sites.length).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.every((p) => p.stage === 'quick' && p.done <= p.total)).toBe(true);
  });

  it('a cancel ends the run at once and its worker; edits go on, and the next run starts a fresh worker', async () => {
    const siting = gatedSiting();
    const engine = new Engine(siting.start);
    const { datasetId } = (await engine.load(files)) as Loaded;
    const run = engine.sitingGreedy(request);
    await new Promise((resolve) => setTimeout(resolve, 20));
    engine.cancelSiting();
    await expect(run).resolves.toBeUndefined();
    expect(siting.workers.map((w) => w.terminated)).toEqual([true]);
    expect(engine.editPlan({ datasetId, from: 0, to: 1, ...planDelta(EMPTY_PLAN, addTower(EMPTY_PLAN, { ...(base[0] as Tower), id: 'NEW' })) }, 'current')).toBeDefined();
    const next = engine.sitingGreedy(request);
    siting.release();
    expect((await next)?.answer.sites.length).toBeGreaterThan(0);
    expect(siting.workers).toHaveLength(2);
  });
});
