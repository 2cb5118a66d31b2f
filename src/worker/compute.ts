import { classify } from '../domain/coverage/classify.ts';
import type { Classification, PointColumns, Scenario, TowerColumns } from '../domain/coverage/columns.ts';
import { plannedNetworks, type GapNetworks } from '../domain/gaps/network.ts';
import { gapRows, type GapRow } from '../domain/gaps/register.ts';
import { gapView, type GapQuery, type GapView } from '../domain/gaps/view.ts';
import type { CoverageFigures } from '../domain/coverage/report.ts';
import { touchedIds, towerInPlan } from '../domain/plan/diff.ts';
import { IncrementalCoverage, scenarioCircles, towerCircle, type Circle } from '../domain/plan/incremental.ts';
import { NearestTowers } from '../domain/plan/nearest.ts';
import { isEmptyPlan, type PlanDoc } from '../domain/plan/plan.ts';
import { cellOfPoints, moveCellCounts } from '../domain/points/view.ts';
import { levelChanges, type LevelChanges } from '../domain/progress/level-changes.ts';
import { buildTimeline, levelInputs, type Timeline } from '../domain/progress/timeline.ts';
import type { CandidatePlace, Dataset, Tower } from '../domain/types.ts';
import { afterHamlets } from '../domain/siting/candidates.ts';
import { sameModelEdit } from '../domain/plan/model-edit.ts';
import { networkLevels } from '../domain/coverage/scenario-levels.ts';
import { simSignal } from '../domain/progress/sim-signal.ts';
import { whyLevel, type WhyLevel } from '../domain/coverage/why.ts';
import type { ClassifyPool } from './helpers.ts';
import { EvidenceSession } from './evidence.ts';
import { calibrate, type CalibrationReport } from '../domain/evidence/calibrate.ts';
import { scenarioLevelsFor } from '../domain/evidence/levels.ts';
import { testColumns } from '../domain/evidence/tests.ts';
import { calibratedTower, calibratedTowers, sameFactors } from '../domain/evidence/calibrated.ts';
import type { CoverageResult, NetworkFigures, PlanCoverage } from '../domain/coverage/answer.ts';
import { HeldDataset } from './held-dataset.ts';
import { OnAirSlots, TowerSlots } from './tower-slots.ts';

export type LevelChangesOf = (inputs: ReturnType<typeof levelInputs>) => LevelChanges | Promise<LevelChanges>;

/** The radius assumptions shown side by side: coverage is an estimate, not a measurement. */
export const RADIUS_FACTORS = [0.75, 1, 1.25] as const;

/**
 * One dataset held in the worker, with the user's plan over its towers (held-dataset.ts): a
 * scenario costs one classification; a plan edit only recomputes the points within the edited
 * towers' old and new radius. Every answer's towers are named by slot (tower-slots.ts).
 */
export class CoverageSession extends HeldDataset {
  /** A plan edit's state for one scenario: levels, nearest towers, and circles by slot. */
  private engine:
    | { scenario: Scenario; coverage: IncrementalCoverage; nearest: NearestTowers; onAir: OnAirSlots; cellCounts: Uint32Array }
    | undefined;
  /** The map grid's cell of each point (-1: none), for moving the cell counts point by point. */
  private cellOfPoint: Int32Array | undefined;
  /** The last full answer's nearest towers: where plan edits start from when it still holds. */
  private lastNearest: { scenario: Scenario; plan: PlanDoc; key: Int32Array; km: Float64Array } | undefined;
  /** What every tower index of an answer refers to (tower-slots.ts). */
  readonly slots: TowerSlots;
  private baseline: { scenario: Scenario; level: Uint8Array; figures: CoverageFigures } | undefined;
  /** The newest answer's columns (a plan edit's are the live ones), and its gap rows once made. */
  private answered: { level: Uint8Array; nearestTower: Int32Array; nearestKm: Float64Array; agreement?: Uint8Array; rows?: GapRow[] } | undefined;
  /** Each gap's network for "my network" (network.ts), made when first asked: the data set's alone. */
  private networks: GapNetworks | undefined;
  /** The speed tests' verdicts, when the data set has measurements (evidence.ts). */
  private readonly evidence: EvidenceSession | undefined;
  /** A pass made ahead (classifyAhead) with what it was made under: the first answer to its scenario takes it. */
  private ahead:
    | { scenario: Scenario; network: string | undefined; plan: PlanDoc; clutter: Uint8Array | undefined; towers: TowerColumns; classified: Classification }
    | undefined;

  /**
   * `id`: tells this data set's answers from those of the one before (the page drops those).
   * `points`: the points as columns when already made (else made here).
   */
  constructor(dataset: Dataset, id = 0, points?: PointColumns) {
    super(dataset, id, points);
    this.slots = new TowerSlots(dataset.towers);
    this.evidence = EvidenceSession.of(dataset, this.points);
  }

  /** A new model or network: the plan edit's state, the baseline and the nearest towers were of the one before. */
  protected forget(): void {
    this.engine = undefined;
    this.baseline = undefined;
    this.lastNearest = undefined;
  }

  /**
   * The programme's figures through time, with the plan's towers. `changes`: computes the
   * points' level changes (levelChanges, the slow part), here or on another worker.
   */
  async timeline(changes: LevelChangesOf = ({ points, states }) => levelChanges(points, states)): Promise<Timeline> {
    const dataset = { ...this.dataset, towers: this.towers.filter((t) => this.inNetwork(t)) };
    const clutter = this.pathLoss ? this.clutterOfPoints() : undefined;
    return buildTimeline(dataset, { district: this.district }, await changes(levelInputs(dataset, this.model, clutter)));
  }

  /** Levels and figures of the loaded towers, without the plan: the "before" of every edit. */
  private baselineFor(scenario: Scenario, planLevel: Uint8Array): { level: Uint8Array; figures: CoverageFigures } {
    if (this.baseline?.scenario === scenario) return this.baseline;
    const level =
      isEmptyPlan(this.plan) ? planLevel.slice() : classify(this.points, this.onAir(calibratedTowers(this.dataset.towers, this.factors), scenario)).level;
    this.baseline = { scenario, level, figures: this.figuresOf(level) };
    return this.baseline;
  }

  /**
   * The scenario's figures with every radius scaled by `factor` (one of RADIUS_FACTORS): one
   * more classification each, so the worker sends them after the scenario's own result, one
   * factor per task, and drops them when a newer request comes first.
   */
  radiusFigures(scenario: Scenario, factor: number): CoverageFigures {
    return this.figuresOf(classify(this.points, this.onAir(this.towers, scenario, factor)).level);
  }

  /** Everything for one scenario: levels, nearest 4G/5G, figures, the plan's baseline. */
  coverage(requestId: number, scenario: Scenario): CoverageResult {
    const started = performance.now();
    const ahead = this.takeAhead(scenario);
    const towers = ahead?.towers ?? this.onAir(this.towers, scenario);
    return this.resultOf(requestId, scenario, towers, ahead?.classified ?? classify(this.points, towers), started);
  }

  /** As `coverage`, with the scenario's own classification split over `pool`'s threads. */
  async coverageWith(pool: ClassifyPool, requestId: number, scenario: Scenario): Promise<CoverageResult> {
    const started = performance.now();
    const ahead = this.takeAhead(scenario);
    const towers = ahead?.towers ?? this.onAir(this.towers, scenario);
    return this.resultOf(requestId, scenario, towers, ahead?.classified ?? (await pool.classify(towers)), started);
  }

  /**
   * The scenario's pass in `network` made now (on `pool` as the engine's would be), kept for
   * the first answer to it: an import's check makes it, so that taking the import costs no
   * second pass. Its levels (hamlets, then schools), for the import's impact.
   */
  async classifyAhead(scenario: Scenario, network: string | undefined, pool?: ClassifyPool): Promise<Uint8Array> {
    this.setNetwork(network);
    const towers = this.onAir(this.towers, scenario);
    const classified = pool && !this.pathLoss ? await pool.classify(towers) : classify(this.points, towers);
    this.ahead = { scenario, network, plan: this.plan, clutter: this.points.clutter, towers, classified };
    this.evidence?.measure(scenario, network);
    return classified.level;
  }

  /** The scenario of the pass made ahead while it waits for its answer. */
  get aheadScenario(): Scenario | undefined {
    return this.ahead?.scenario;
  }

  /** The pass made ahead, once (its arrays go to the page), if nothing it was made under has changed. */
  private takeAhead(scenario: Scenario) {
    const ahead = this.ahead;
    this.ahead = undefined;
    const same = ahead?.scenario === scenario && ahead.network === this.network && ahead.plan === this.plan && ahead.clutter === this.points.clutter;
    return same ? ahead : undefined;
  }

  /**
   * The loaded towers' levels in `current`, every operator, rule 2's radii (what an import's
   * impact compares, import/impact.ts), when the last answer's baseline is just that.
   */
  get currentLevels(): Uint8Array | undefined {
    const baseline = this.baseline;
    const plain = this.network === undefined && !this.pathLoss && calibratedTowers(this.dataset.towers, this.factors) === this.dataset.towers;
    return baseline?.scenario === 'current' && plain ? baseline.level : undefined;
  }

  private resultOf(requestId: number, scenario: Scenario, towers: TowerColumns, classified: Classification, started: number): CoverageResult {
    const pointCount = this.points.count;
    const { level, nearest4g, nearest4gKm } = classified;
    // Tower indexes into the applied list become slots.
    const applied = this.towers;
    const slotOf = Int32Array.from(towers.towerIndex, (k) => this.slots.slot((applied[k] as Tower).id));
    const nearestTower = new Int32Array(pointCount);
    for (let i = 0; i < pointCount; i++) {
      const k = nearest4g[i] as number;
      nearestTower[i] = k < 0 ? -1 : (slotOf[k] as number);
    }
    // Copies: the answer's own arrays are moved to the page.
    this.lastNearest = { scenario, plan: this.plan, key: nearestTower.slice(), km: nearest4gKm.slice() };
    const evidence = this.evidence?.answer(scenario, level, this.network);
    this.answered = { level: level.slice(), nearestTower: this.lastNearest.key, nearestKm: this.lastNearest.km, ...(evidence ? { agreement: evidence.agreement } : {}) };
    const figures = this.figuresOf(level);
    const baseline = this.baselineFor(scenario, level);
    return {
      datasetId: this.id,
      requestId,
      scenario,
      ...(this.network === undefined ? {} : { network: this.network }),
      radiusModel: this.model.radiusModel,
      level,
      nearestTower,
      nearestKm: nearest4gKm,
      onAir: { ...towers, towerIndex: slotOf },
      towerChanges: this.slots.drain(),
      figures,
      baselineLevel: baseline.level.slice(),
      baselineFigures: baseline.figures,
      cellCounts: this.cellCounts(level),
      ...(evidence ? { evidence } : {}),
      elapsedMs: performance.now() - started,
    };
  }

  /**
   * Replaces the plan and updates the scenario's levels for the towers it changed: only the
   * ids the two plans differ on are looked at, never the whole tower list (an edit costs the
   * size of the plan and the points near the tower, not the size of the data). `touched`: those
   * ids when the caller knows them already (a plan delta's, delta.ts).
   */
  setPlan(requestId: number, plan: PlanDoc, scenario: Scenario, touched: Iterable<string> = touchedIds(this.plan, plan)): PlanCoverage {
    const started = performance.now();
    // A new model edit or calibration moves every radius: the scenario's state is built again.
    if (!sameModelEdit(plan.model, this.plan.model) || !sameFactors(plan.calibration, this.plan.calibration)) {
      return this.setPlanModel(requestId, plan, scenario, started);
    }
    // Built (when the scenario is new) from the towers before this edit, so that the edit's
    // own change is what the answer reports.
    const engine = this.engineFor(scenario);
    const circles: [string, Circle | undefined][] = [];
    for (const id of touched) {
      const tower = towerInPlan(this.baseById, plan, id);
      const circle = tower === undefined || !this.inNetwork(tower) ? undefined : towerCircle(calibratedTower(tower, this.factors ?? {}), scenario, this.model);
      circles.push([id, circle]);
      const slot = this.slots.set(id, tower);
      engine.onAir.set(slot, circle);
      engine.nearest.set(slot, circle?.broadband ? circle : undefined);
    }
    this.takePlan(plan);
    const change = engine.coverage.setMany(circles);
    this.cellOfPoint ??= cellOfPoints(this.grid, this.points.count);
    moveCellCounts(engine.cellCounts, this.cellOfPoint, this.dataset.hamlets.length, change);
    return this.planAnswer(requestId, scenario, engine, change.points, started);
  }

  /**
   * A plan whose model edit changed: every radius may have, so the scenario's state is built
   * again under the new model; `changed` lists the points whose level differs from the last answer's.
   */
  private setPlanModel(requestId: number, plan: PlanDoc, scenario: Scenario, started: number): PlanCoverage {
    const before = this.answered?.level;
    const recalibrated = !sameFactors(plan.calibration, this.plan.calibration);
    this.setModel(plan);
    if (recalibrated) this.forget();
    for (const id of touchedIds(this.plan, plan)) this.slots.set(id, towerInPlan(this.baseById, plan, id));
    this.takePlan(plan);
    const engine = this.engineFor(scenario);
    const after = engine.coverage.level;
    const changed: number[] = [];
    if (before?.length === after.length) for (let i = 0; i < after.length; i++) if (before[i] !== after[i]) changed.push(i);
    return this.planAnswer(requestId, scenario, engine, Int32Array.from(changed), started);
  }

  private planAnswer(
    requestId: number,
    scenario: Scenario,
    engine: NonNullable<CoverageSession['engine']>,
    changed: Int32Array,
    started: number,
  ): PlanCoverage {
    const level = engine.coverage.level.slice();
    const evidence = this.evidence?.answer(scenario, level, this.network);
    this.answered = { level: engine.coverage.level, nearestTower: engine.nearest.key, nearestKm: engine.nearest.km, ...(evidence ? { agreement: evidence.agreement } : {}) };
    return {
      datasetId: this.id,
      requestId,
      scenario,
      ...(this.network === undefined ? {} : { network: this.network }),
      radiusModel: this.model.radiusModel,
      level,
      figures: engine.coverage.figures(),
      cellCounts: engine.cellCounts.slice(),
      changed,
      nearestTower: engine.nearest.key.slice(),
      nearestKm: engine.nearest.km.slice(),
      onAir: engine.onAir.columns(),
      towerChanges: this.slots.drain(),
      ...(evidence ? { evidence } : {}),
      elapsedMs: performance.now() - started,
    };
  }

  private engineFor(scenario: Scenario) {
    if (this.engine?.scenario !== scenario) {
      const coverage = new IncrementalCoverage(
        this.points,
        this.weight,
        this.dataset.hamlets.length,
        this.district,
        this.dataset.districts.length,
      );
      const circles = scenarioCircles(this.towers.filter((t) => this.inNetwork(t)), scenario, this.model);
      coverage.setMany(circles);
      const onAir = new OnAirSlots();
      for (const [id, circle] of circles) onAir.set(this.slots.slot(id), circle);
      const broadband = [...circles].filter(([, c]) => c.broadband).map(([id, c]): [number, Circle] => [this.slots.slot(id), c]);
      const nearest = new NearestTowers(this.points, broadband, this.knownNearest(scenario));
      this.engine = { scenario, coverage, nearest, onAir, cellCounts: this.cellCounts(coverage.level) };
    }
    return this.engine;
  }

  /** The nearest towers of the scenario with the plan now: the last full answer's, else a classification's. */
  private knownNearest(scenario: Scenario): { key: Int32Array; km: Float64Array } {
    const last = this.lastNearest;
    if (last?.scenario === scenario && last.plan === this.plan) return last;
    const towers = this.onAir(this.towers, scenario);
    const { nearest4g, nearest4gKm } = classify(this.points, towers);
    const slotOf = Int32Array.from(towers.towerIndex, (k) => this.slots.slot((this.towers[k] as Tower).id));
    return { key: Int32Array.from(nearest4g, (k) => (k < 0 ? -1 : (slotOf[k] as number))), km: nearest4gKm };
  }

  /** The gap register of the newest answer under `query`; its rows are made once per answer. */
  gaps(query: GapQuery): GapView | undefined {
    const answered = this.answered;
    if (!answered) return undefined;
    answered.rows ??= gapRows(this.dataset, this.slots.towers, { ...answered, district: this.district });
    // The sync server's rule, from the loaded towers: not this answer's scenario, plan or network.
    if (query.filter.inNetworkOf !== undefined) this.networks ??= plannedNetworks(this.dataset);
    return gapView(answered.rows, answered, query, this.networks);
  }

  /**
   * Each point's level and km to the nearest 4G/5G tower in `planned` with the plan, in the
   * network of the last request and under the model: what siting prices and covers.
   */
  plannedForSiting(places: readonly CandidatePlace[] = []): { level: Uint8Array; nearest4gKm: Float64Array } {
    const towers = this.onAir(this.towers, 'planned');
    const { level, nearest4gKm } = classify(this.points, towers);
    if (places.length === 0) return { level, nearest4gKm };
    // candidates.geojson's places after the hamlets, before the schools (joinCandidates' order).
    // Their level does not count (they weigh nothing); their km to the nearest 4G/5G prices them.
    const columns = { count: places.length, lon: Float64Array.from(places, (p) => p.lon), lat: Float64Array.from(places, (p) => p.lat), fixedBroadband: new Uint8Array(places.length) };
    const atPlaces = classify(columns, towers);
    const h = this.dataset.hamlets.length;
    return { level: afterHamlets(level, atPlaces.level, h), nearest4gKm: afterHamlets(nearest4gKm, atPlaces.nearest4gKm, h) };
  }

  /**
   * Hamlets, population and schools with good signal in every network at once (all operators,
   * then each alone, networks.ts), with the plan's towers: the side-by-side table.
   */
  networkFigures(scenario: Scenario): NetworkFigures {
    if (this.pathLoss) this.clutterOfPoints();
    const { operators, count, level } = networkLevels({ ...this.dataset, model: this.model, towers: [...this.towers] }, scenario, {
      points: this.points,
    });
    const rows = [undefined, ...operators].map((operator, w) => {
      const { hamlets, schools } = this.figuresOf(level.subarray(w * count, (w + 1) * count));
      return { operator, hamlets, schools };
    });
    const towers = [...this.towers];
    const sims = simSignal({ ...this.dataset, model: this.model, towers }, scenario, this.district.subarray(this.dataset.hamlets.length));
    return { scenario, rows, sims };
  }

  /** Why point `index` (hamlets, then schools) has its level in the scenario, in the network. */
  why(index: number, scenario: Scenario): WhyLevel | undefined {
    if (index < 0 || index >= this.points.count) return undefined;
    const clutter = this.clutterOfPoints();
    const point = {
      lon: this.points.lon[index] as number,
      lat: this.points.lat[index] as number,
      clutter: clutter[index] as number,
      fixedBroadband: this.points.fixedBroadband[index] === 1,
    };
    return whyLevel(point, this.towers, scenario, this.model, this.network);
  }

  /**
   * `calibrate`'s factor per operator (contract, "Version 2") with the plan's towers, on the
   * model's radii (a calibration the plan applies is not fitted again on top of itself).
   */
  calibration(scenario: Scenario): CalibrationReport {
    const towers = [...this.planTowers];
    return calibrate(
      {
        scenario,
        operators: towers.map((t) => t.operator),
        points: this.points,
        tests: testColumns(this.dataset.measurements ?? []),
        params: this.model.evidence,
      },
      scenarioLevelsFor({ ...this.dataset, model: this.model, towers }, scenario),
    );
  }
}
