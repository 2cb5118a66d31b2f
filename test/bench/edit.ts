// `npx tsx test/bench/edit.ts`: how long one planner edit takes to recompute the coverage.
//
// A benchmark, not a test. 100k seeded points × 10k seeded towers over the Mekong delta
// (data.ts, as run.ts's '100k × 10k' size; the last 5% of the points are schools, a tenth of
// them with fixed broadband; hamlet populations seeded integers 50..3000), the real Cà Mau
// districts of data/ for the per-area figures, scenario 'planned'. A seeded sequence of
// single-tower edits, as a planner makes them: move a tower by up to 5 km, change its radius
// (1-8 km), switch it 3G ↔ 4G, delete it, add a new 4G tower near a hamlet, re-add a deleted
// one. Every series starts with WARMUP untimed edits (JIT), then:
//   engine   IncrementalCoverage (src/domain/plan/incremental.ts) holding every tower's
//            circle; per edit `set(id, circle)` + `figures()` (the circle is worked out
//            outside the timing);
//   session  CoverageSession.setPlan (src/worker/compute.ts), what the app's worker runs per
//            edit: the plan (plan.ts's addTower / updateTower / removeTower) grows by one edit
//            each step; the page finds the edit's delta (delta.ts), which crosses through
//            structuredClone and the worker applies to the plan it holds (all timed). For
//            comparison, the same with the whole plan cloned and compared (before issue 12).
//            Its first call (building the engine from all the towers) is outside the timing,
//            after `coverage()` as in the app;
//   steps    the session's per-edit steps replayed one by one on the same plans (a fresh
//            engine, the same code as setPlan), to show what its time goes to;
//   full     what an edit would cost without the incremental engine: classify over the
//            towers on air + coverageFigures, median of a few runs.
// Then once: the engine's and the session's levels and figures against a full recompute
// over the towers as the edits left them. One thread; keep it under ~40 s.
import { isDeepStrictEqual } from 'node:util';
import { classify } from '../../src/domain/coverage/classify.ts';
import { onAirTowers, pointColumns, type PointColumns } from '../../src/domain/coverage/columns.ts';
import { buildDistrictIndex, locateDistricts } from '../../src/domain/coverage/districts.ts';
import { coverageFigures, pointWeights, type CoverageFigures } from '../../src/domain/coverage/report.ts';
import { IncrementalCoverage, scenarioCircles, towerCircle, type Circle } from '../../src/domain/plan/incremental.ts';
import { towerInPlan } from '../../src/domain/plan/diff.ts';
import { applyPlanDelta, planDelta } from '../../src/domain/plan/delta.ts';
import { addTower, EMPTY_PLAN, newPlannedTower, removeTower, updateTower } from '../../src/domain/plan/plan.ts';
import type { PlanDoc, TowerPatch } from '../../src/domain/plan/plan.ts';
import type { Boundary, Dataset, Tower } from '../../src/domain/types.ts';
import { CoverageSession } from '../../src/worker/compute.ts';
import { MEKONG, randomPoints, randomTowers, rng } from './data.ts';
import { camauDistricts, pointRecords, time } from './measure.ts';

const POINTS = 100_000;
const TOWERS = 10_000;
const SCENARIO = 'planned';
const WARMUP = 200;
const ENGINE_EDITS = 2_000;
const SESSION_EDITS = 500;
const FULL_RUNS = 5;
/** Issue 12: the app's per-edit median at 100k × 10k. */
const TARGET = { medianMs: 0.5, worstMs: 16 };
/** Edit kinds and their shares of the sequence. */
const MIX = [
  { kind: 'move', share: 0.35 },
  { kind: 'radius', share: 0.2 },
  { kind: 'technology', share: 0.15 },
  { kind: 'delete', share: 0.1 },
  { kind: 'add', share: 0.15 },
  { kind: 're-add', share: 0.05 },
] as const;
type EditKind = (typeof MIX)[number]['kind'];
const MOVE_KM = 5;
const KM_PER_DEG_LAT = 111.195;

// ---------------------------------------------------------------------------------------
// Data

function buildDataset(points: PointColumns, towers: Tower[], districts: Boundary[]): Dataset {
  return { province: [], districts, ...pointRecords(points), towers, programme: { name: 'bench', targets: [] } };
}

// ---------------------------------------------------------------------------------------
// The edit sequence

type Edit =
  | { kind: 'move' | 'radius' | 'technology'; id: string; patch: TowerPatch }
  | { kind: 'delete'; id: string }
  | { kind: 'add' | 're-add'; tower: Tower };

/** The towers as the edits so far leave them, with O(1) random picks; and the deleted ones. */
class TowerModel {
  readonly byId = new Map<string, Tower>();
  private readonly ids: string[] = [];
  private readonly at = new Map<string, number>();
  private readonly deleted: Tower[] = [];
  /** Ids given to new towers so far (for newPlannedTower's next id). */
  private readonly newIds: { id: string }[] = [];

  constructor(
    towers: readonly Tower[],
    private readonly points: PointColumns,
    private readonly random: () => number,
  ) {
    for (const t of towers) this.put(t);
  }

  get towers(): Tower[] {
    return [...this.byId.values()];
  }

  private put(tower: Tower): void {
    if (!this.at.has(tower.id)) {
      this.at.set(tower.id, this.ids.length);
      this.ids.push(tower.id);
    }
    this.byId.set(tower.id, tower);
  }

  private drop(id: string): void {
    const k = this.at.get(id)!;
    const last = this.ids.pop()!;
    if (last !== id) {
      this.ids[k] = last;
      this.at.set(last, k);
    }
    this.at.delete(id);
    this.byId.delete(id);
  }

  private pick(): Tower {
    return this.byId.get(this.ids[Math.floor(this.random() * this.ids.length)]!)!;
  }

  private kind(): EditKind {
    let r = this.random();
    for (const { kind, share } of MIX) {
      if (r < share) return kind;
      r -= share;
    }
    return 'move';
  }

  /** The next seeded edit (applied to the model already). */
  next(): Edit {
    const random = this.random;
    let kind = this.kind();
    if (kind === 're-add' && this.deleted.length === 0) kind = 'add';
    let edit: Edit;
    switch (kind) {
      case 'move': {
        const t = this.pick();
        const km = MOVE_KM * Math.sqrt(random());
        const angle = 2 * Math.PI * random();
        const lat = t.lat + (km * Math.sin(angle)) / KM_PER_DEG_LAT;
        const lon = t.lon + (km * Math.cos(angle)) / (KM_PER_DEG_LAT * Math.cos((t.lat * Math.PI) / 180));
        edit = { kind, id: t.id, patch: { lon, lat } };
        break;
      }
      case 'radius':
        edit = { kind, id: this.pick().id, patch: { radiusKm: Math.round(10 + random() * 70) / 10 } };
        break;
      case 'technology': {
        let t = this.pick();
        for (let tries = 0; tries < 20 && t.technology !== '3G' && t.technology !== '4G'; tries++) t = this.pick();
        edit = { kind, id: t.id, patch: { technology: t.technology === '4G' ? '3G' : '4G' } };
        break;
      }
      case 'delete':
        edit = { kind, id: this.pick().id };
        break;
      case 'add': {
        // Near a hamlet or school, as a planner would place one.
        const i = Math.floor(random() * this.points.count);
        const lon = this.points.lon[i]! + ((random() - 0.5) * 2) / KM_PER_DEG_LAT;
        const lat = this.points.lat[i]! + ((random() - 0.5) * 2) / KM_PER_DEG_LAT;
        const tower = newPlannedTower(this.newIds, { lon, lat, operator: 'Bench', technology: '4G' });
        this.newIds.push({ id: tower.id });
        edit = { kind, tower };
        break;
      }
      case 're-add': {
        const k = Math.floor(random() * this.deleted.length);
        const tower = this.deleted[k]!;
        this.deleted[k] = this.deleted[this.deleted.length - 1]!;
        this.deleted.pop();
        edit = { kind, tower };
        break;
      }
    }
    if ('tower' in edit) {
      this.put(edit.tower);
    } else if ('patch' in edit) {
      this.put({ ...this.byId.get(edit.id)!, ...edit.patch });
    } else {
      this.deleted.push(this.byId.get(edit.id)!);
      this.drop(edit.id);
    }
    return edit;
  }

  /** The tower an edit leaves under its id (undefined: deleted). */
  after(edit: Edit): Tower | undefined {
    return this.byId.get(editId(edit));
  }
}

function editId(edit: Edit): string {
  return 'tower' in edit ? edit.tower.id : edit.id;
}

function applyToPlan(plan: PlanDoc, base: readonly Tower[], edit: Edit): PlanDoc {
  if ('tower' in edit) return addTower(plan, edit.tower);
  if ('patch' in edit) return updateTower(plan, base, edit.id, edit.patch);
  return removeTower(plan, base, edit.id);
}

// ---------------------------------------------------------------------------------------
// Timing

interface Stats {
  median: number;
  p95: number;
  p99: number;
  worst: number;
}

/** Nearest-rank percentiles. */
function stats(values: readonly number[]): Stats {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (q: number): number => sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)]!;
  return { median: rank(0.5), p95: rank(0.95), p99: rank(0.99), worst: sorted[sorted.length - 1]! };
}

const fmt = (ms: number): string => (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms >= 0.1 ? ms.toFixed(2) : ms.toFixed(3));
const pad = (s: string, n: number): string => s.padStart(n);
const sameLevels = (a: Uint8Array, b: Uint8Array): boolean => a.length === b.length && a.every((v, i) => v === b[i]);
const sameFigures = (a: CoverageFigures, b: CoverageFigures): boolean => JSON.stringify(a) === JSON.stringify(b);

function main(): void {
  const started = performance.now();
  const districts = camauDistricts();
  const points = randomPoints(2000 + POINTS, POINTS, MEKONG);
  const towers = randomTowers(1000 + TOWERS, TOWERS, MEKONG);
  const dataset = buildDataset(points, towers, districts);
  const columns = pointColumns(dataset.hamlets, dataset.schools);
  const weight = pointWeights(dataset);
  const district = locateDistricts(buildDistrictIndex(districts), columns.lon, columns.lat);
  const hamletCount = dataset.hamlets.length;
  const newEngine = (): IncrementalCoverage => new IncrementalCoverage(columns, weight, hamletCount, district, districts.length);
  const fullRecompute = (ts: readonly Tower[]): { level: Uint8Array; figures: CoverageFigures } => {
    const { level } = classify(columns, onAirTowers(ts, SCENARIO));
    return { level, figures: coverageFigures(level, weight, hamletCount, district, districts.length) };
  };

  // 1. The engine alone.
  const engine = newEngine();
  const loadMs = time(() => engine.setMany(scenarioCircles(towers, SCENARIO)));
  const engineModel = new TowerModel(towers, columns, rng(31));
  const engineMs: number[] = [];
  const engineByKind = new Map<EditKind, number[]>(MIX.map(({ kind }) => [kind, []]));
  let changedPoints = 0;
  for (let e = 0; e < WARMUP + ENGINE_EDITS; e++) {
    const edit = engineModel.next();
    const tower = engineModel.after(edit);
    const circle: Circle | undefined = tower === undefined ? undefined : towerCircle(tower, SCENARIO);
    const key = editId(edit);
    const start = performance.now();
    const change = engine.set(key, circle);
    engine.figures();
    const ms = performance.now() - start;
    if (e < WARMUP) continue;
    engineMs.push(ms);
    engineByKind.get(edit.kind)!.push(ms);
    changedPoints += change.points.length;
  }
  const engineFinal = engineModel.towers;

  // 2. The app's path: a session, its coverage() as on load, then one answer per edit. Before
  //    (`whole`): the page sent the whole plan (structured clone) and the worker compared it
  //    with the one it held (touchedIds). Now (`delta`): the page finds the edit's delta
  //    (planDelta, by identity), only that is cloned, and the worker applies it to its plan.
  const runSession = (delta: boolean) => {
    const session = new CoverageSession(dataset);
    const coverageMs = time(() => session.coverage(0, SCENARIO));
    let plan: PlanDoc = EMPTY_PLAN;
    let held: PlanDoc = EMPTY_PLAN;
    const model = new TowerModel(towers, columns, rng(47));
    const plans: PlanDoc[] = [];
    const firstPlanMs = time(() => session.setPlan(1, plan, SCENARIO));
    const ms: number[] = [];
    const sendMs: number[] = [];
    for (let e = 0; e < WARMUP + SESSION_EDITS; e++) {
      const previous = plan;
      plan = applyToPlan(plan, towers, model.next());
      plans.push(plan);
      const start = performance.now();
      let step: number;
      if (delta) {
        const sent = structuredClone(planDelta(previous, plan));
        step = performance.now() - start;
        const { plan: next, touched } = applyPlanDelta(held, sent);
        held = next;
        session.setPlan(2 + e, next, SCENARIO, touched);
      } else {
        // The plan reaches the worker by postMessage: a structured clone, part of every edit's cost.
        const sent = structuredClone(plan);
        step = performance.now() - start;
        session.setPlan(2 + e, sent, SCENARIO);
      }
      if (e >= WARMUP) {
        ms.push(performance.now() - start);
        sendMs.push(step);
      }
    }
    return { session, coverageMs, firstPlanMs, ms, sendMs, plans, plan, held };
  };
  const whole = runSession(false);
  const sent = runSession(true);
  const { session, coverageMs, firstPlanMs, plans, plan } = sent;
  const sessionMs = sent.ms;

  // 3. setPlan's steps, replayed on the same plans with a fresh engine.
  const steps = { touched: [] as number[], circles: [] as number[], setMany: [] as number[], slice: [] as number[], figures: [] as number[] };
  const resent: number[] = [];
  {
    const replay = newEngine();
    replay.setMany(scenarioCircles(towers, SCENARIO));
    const baseById = new Map(towers.map((t) => [t.id, t]));
    let previous: PlanDoc = EMPTY_PLAN;
    let held: PlanDoc = EMPTY_PLAN;
    plans.forEach((p, e) => {
      const t0 = performance.now();
      const delta = structuredClone(planDelta(previous, p));
      const applied = applyPlanDelta(held, delta);
      const t1 = performance.now();
      const ids = applied.touched;
      const sent = applied.plan;
      held = sent;
      const touched: [string, Circle | undefined][] = [];
      for (const id of ids) {
        const tower = towerInPlan(baseById, sent, id);
        touched.push([id, tower === undefined ? undefined : towerCircle(tower, SCENARIO)]);
      }
      const t2 = performance.now();
      replay.setMany(touched);
      const t3 = performance.now();
      replay.level.slice();
      const t4 = performance.now();
      replay.figures();
      const t5 = performance.now();
      previous = p;
      if (e < WARMUP) return;
      steps.touched.push(t1 - t0);
      steps.circles.push(t2 - t1);
      steps.setMany.push(t3 - t2);
      steps.slice.push(t4 - t3);
      steps.figures.push(t5 - t4);
      resent.push(touched.length);
    });
  }

  // 4. A full recompute, over the towers as the engine's edits left them.
  fullRecompute(engineFinal); // warm-up
  const fullMs: number[] = [];
  let full = fullRecompute(engineFinal);
  for (let r = 0; r < FULL_RUNS; r++) fullMs.push(time(() => (full = fullRecompute(engineFinal))));
  const fullMedian = stats(fullMs).median;

  // Correctness, once: engine and session against full recomputes.
  const engineSame = sameLevels(engine.level, full.level);
  const engineFiguresSame = sameFigures(engine.figures(), full.figures);
  const sessionFull = fullRecompute(session.effectiveTowers);
  const last = session.setPlan(9_999, plan, SCENARIO);
  const heldSame = isDeepStrictEqual(sent.held, plan);
  const sessionSame = sameLevels(last.level, sessionFull.level);
  const sessionFiguresSame = sameFigures(last.figures, sessionFull.figures);

  const engineStats = stats(engineMs);
  const sessionStats = stats(sessionMs);
  let good = 0;
  for (let i = 0; i < columns.count; i++) if (full.level[i] === 2) good++;

  console.log(`Sóng Map per-edit benchmark — node ${process.version}, one thread; times in ms`);
  console.log(
    `${POINTS.toLocaleString('en')} points (${dataset.schools.length.toLocaleString('en')} schools) × ${TOWERS.toLocaleString('en')} towers over the ${MEKONG.name}, ` +
      `${districts.length} Cà Mau districts, scenario ${SCENARIO}; ${((100 * good) / columns.count).toFixed(0)}% of the points good after the edits`,
  );
  console.log(
    `edit mix: ${MIX.map(({ kind, share }) => `${kind} ${Math.round(share * 100)}%`).join(', ')}; ${WARMUP} untimed warm-up edits per series`,
  );
  console.log(
    `setup, untimed: engine load (setMany of ${TOWERS.toLocaleString('en')} circles) ${fmt(loadMs)} ms; ` +
      `session coverage() ${fmt(coverageMs)} ms, first setPlan (builds its engine) ${fmt(firstPlanMs)} ms`,
  );
  console.log('');
  const header = `${'per edit'.padEnd(34)} ${pad('edits', 6)} ${pad('median', 8)} ${pad('p95', 8)} ${pad('p99', 8)} ${pad('worst', 8)} ${pad('full/median', 12)}`;
  console.log(header);
  console.log('-'.repeat(header.length));
  const row = (label: string, n: number, s: Stats, ratio = true): void =>
    console.log(
      `${label.padEnd(34)} ${pad(String(n), 6)} ${pad(fmt(s.median), 8)} ${pad(fmt(s.p95), 8)} ${pad(fmt(s.p99), 8)} ${pad(fmt(s.worst), 8)} ` +
        `${pad(ratio ? `×${Math.round(fullMedian / s.median).toLocaleString('en')}` : '', 12)}`,
    );
  row('engine: set + figures', engineMs.length, engineStats);
  for (const [kind, values] of engineByKind) if (values.length > 0) row(`  ${kind}`, values.length, stats(values), false);
  row('session, whole plan: clone + setPlan', whole.ms.length, stats(whole.ms));
  row('session: delta + clone + setPlan', sessionMs.length, sessionStats);
  console.log(`${'full: classify + coverageFigures'.padEnd(34)} ${pad(String(FULL_RUNS), 6)} ${pad(fmt(fullMedian), 8)}`);
  console.log(`engine: ${(changedPoints / engineMs.length).toFixed(1)} points change level per edit on average`);
  console.log('');
  console.log(`session, whole plan: of which structured clone of the plan, median ${fmt(stats(whole.sendMs).median)} ms, worst ${fmt(stats(whole.sendMs).worst)} ms`);
  console.log(`session: of which planDelta + structured clone of the delta, median ${fmt(stats(sent.sendMs).median)} ms, worst ${fmt(stats(sent.sendMs).worst)} ms; the worker's plan the same as the page's: ${heldSame ? 'yes' : 'NO'}`);
  const stepNames: Record<keyof typeof steps, string> = {
    touched: 'planDelta + clone + applyPlanDelta',
    circles: 'towerInPlan + towerCircle',
    setMany: 'engine setMany',
    slice: 'level.slice()',
    figures: 'figures()',
  };
  console.log(`setPlan's steps, replayed (median / worst over the ${SESSION_EDITS} timed plans):`);
  let stepTotal = 0;
  for (const key of Object.keys(steps) as (keyof typeof steps)[]) {
    const s = stats(steps[key]);
    stepTotal += s.median;
    console.log(`  ${stepNames[key].padEnd(34)} ${pad(fmt(s.median), 8)} ${pad(fmt(s.worst), 8)}`);
  }
  const resentStats = stats(resent);
  console.log(`  ${'sum of the medians'.padEnd(34)} ${pad(fmt(stepTotal), 8)}`);
  console.log(
    `  towers handed to setMany per edit: median ${resentStats.median}, worst ${resentStats.worst} ` +
      `(plan at the end: ${plan.added.length} added, ${Object.keys(plan.changed).length} changed, ${plan.removed.length} removed)`,
  );
  console.log('');
  const yes = (b: boolean): string => (b ? 'yes' : 'NO');
  console.log(
    `same levels as a full recompute: ${yes(engineSame && sessionSame)} (engine ${yes(engineSame)}, session ${yes(sessionSame)}); ` +
      `same figures: ${yes(engineFiguresSame && sessionFiguresSame)}`,
  );
  const passes = (s: Stats): boolean => s.median <= TARGET.medianMs && s.worst <= TARGET.worstMs;
  const sessionPass = passes(sessionStats);
  console.log(
    `target: per edit at ${POINTS / 1000}k × ${TOWERS / 1000}k median ≤ ${TARGET.medianMs} ms and worst ≤ ${TARGET.worstMs} ms: ` +
      `${sessionPass ? 'PASS' : 'FAIL'} (session, delta: median ${fmt(sessionStats.median)} ms, worst ${fmt(sessionStats.worst)} ms; ` +
      `engine alone: median ${fmt(engineStats.median)} ms, worst ${fmt(engineStats.worst)} ms, ${passes(engineStats) ? 'PASS' : 'FAIL'})`,
  );
  console.log(`bench took ${((performance.now() - started) / 1000).toFixed(1)} s`);
  if (!sessionPass || !heldSame || !engineSame || !sessionSame || !engineFiguresSame || !sessionFiguresSame) process.exitCode = 1;
}

main();
