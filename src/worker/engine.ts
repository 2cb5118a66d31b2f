// The engine: everything the data worker holds (the data set, the plan, the imports) and
// every question the page may ask of it, as one object exposed with Comlink (data.worker.ts).
// Each answer carries what its indexes refer to (tower slots, tower-slots.ts), so the page
// draws from the answers and never applies the plan or the scenario itself.
import { EngineFailure, failureMessage } from '../domain/messages/failure.ts';
import type { Remote } from 'comlink';
import type { CoverageResult, NetworkFigures, PlanCoverage, RadiusFigures } from '../domain/coverage/answer.ts';
import type { GoodShares } from '../domain/import/impact.ts';
import type { Scenario } from '../domain/coverage/columns.ts';
import { parseDataset, type SourceFile } from '../domain/parse/index.ts';
import type { GapQuery } from '../domain/gaps/view.ts';
import type { PlanDoc } from '../domain/plan/plan.ts';
import { applyPlanDelta, type PlanDelta } from '../domain/plan/delta.ts';
import type { DatasetView } from '../domain/points/dataset-view.ts';
import { todayIn } from '../domain/input/day.ts';
import { fromDay, toDay } from '../domain/progress/days.ts';
import { percentSteps } from '../domain/percent-steps.ts';
import type { Costs, Dataset, Issue } from '../domain/types.ts';
import { DEFAULT_COSTS } from '../domain/parse/costs.ts';
import type { ExactAnswer, SitingAnswer, SitingRequest } from '../domain/siting/modes.ts';
import { SitingRunner, type StartSiting } from './siting-runner.ts';
import type { PlannedLevels } from '../domain/siting/priced.ts';
import type { SitingHelper } from './siting-helper.ts';
import type { SitingProgress } from '../domain/siting/run.ts';
import type { WhyLevel } from '../domain/coverage/why.ts';
import type { CalibrationReport } from '../domain/evidence/calibrate.ts';
import { loadImport, saveImport } from '../io/import-store.ts';
import { failureProblem } from '../io/db.ts';
import type { ClassifyPool } from './helpers.ts';
import { RADIUS_FACTORS, type CoverageSession } from './compute.ts';
import { openDataset, type OpenedDataset } from './open-dataset.ts';
import { ImportSession, type ImportChecked, type ImportRequestFile } from './import-session.ts';
import { levelChangesOffThread } from './helpers.ts';
import { moved } from './moved.ts';
import { nextTask } from './next-task.ts';

/** A data set the engine now holds; `asOf`: the day it opens on (today, within its dates). */
export interface Loaded {
  datasetId: number;
  dataset: DatasetView;
  issues: Issue[];
  asOf: string;
}

type Progress = (done: number, total: number) => void;
/** An answer with the time it took. */
type Timed<T> = { answer: T; elapsedMs: number };
type ImportProgress = (phase: 'reading' | 'checking', done: number, total: number) => void;

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Today in Vietnam (not UTC's today, which is yesterday there before 7:00), kept within the
 * data's dates: the as-of day a freshly loaded dataset opens on.
 */
export function defaultAsOf(days: { firstDay: number; lastDay: number }, now = Date.now()): string {
  const today = toDay(todayIn(now));
  return fromDay(Math.min(Math.max(today, days.firstDay), days.lastDay));
}

export class Engine {
  private session: CoverageSession | undefined;
  private imports: ImportSession<OpenedDataset> | undefined;
  /** The scenario of the newest request: an import's check prepares the first answer for it. */
  private lastScenario: Scenario = 'current';
  /** A large data set's coverage pass is split over helper threads (helpers.ts). */
  private pool: ClassifyPool | undefined;
  private datasetCount = 0;
  /** The page's name for the plan the session holds (editPlan); 0 is a new data set's empty plan. */
  private planRevision = 0;
  /**
   * The newest coverage or plan request: work for an older one that has not started yet is
   * dropped, so a burst of requests (scrubbing through dates) costs one answer, not one each.
   */
  private latest = 0;
  private latestGaps = 0;
  /** What the last timeline was built for, and whether a build is under way. */
  private timelineOf: { session: CoverageSession; plan: PlanDoc; network: string | undefined } | undefined;
  private timelineBusy = false;
  /** Files an import took, saved on this device once the page asks (after its first figures). */
  private unsaved: { key: string; files: SourceFile[] } | undefined;
  /** Slow work no figure waits on (timelines, saving), one at a time. */
  private queue: Promise<unknown> = Promise.resolve();
  private sitingRunner: SitingRunner | undefined;
  /**
   * An import's first answer, made just after the take while the page reads the data set: the
   * page's first request takes it if nothing was asked in between (`latest`) and it asks the same.
   */
  private early: { session: CoverageSession; latest: number; scenario: Scenario; network: string | undefined; result: CoverageResult } | undefined;

  /** `startSiting`: starts the siting worker (a stand-in in tests). */
  constructor(private readonly startSiting?: StartSiting) {}

  /**
   * Fetches and checks the data files (`path` relative to the data folder, `url` same-origin);
   * the page gets the data set as a PointTable, or why it was refused (nothing changed then).
   */
  async load(files: { path: string; url: string }[], progress?: Progress): Promise<Loaded | { reason: string; issues: Issue[] }> {
    const total = files.length + 1;
    try {
      const sources: SourceFile[] = [];
      for (const file of files) {
        const response = await fetch(file.url);
        if (!response.ok) throw new EngineFailure('engine-fetch', { path: file.path, status: response.status });
        sources.push({ path: file.path, text: await response.text() });
        void progress?.(sources.length, total);
      }
      const { dataset, issues } = parseDataset(sources);
      if (!dataset) return { reason: 'invalid', issues };
      this.imports?.drop();
      this.imports = new ImportSession(sources);
      return moved(this.open(dataset, issues));
    } catch (error) {
      return { reason: messageOf(error), issues: [] };
    }
  }

  /** Makes `dataset` the one the engine computes on; `ahead`: what an import's check made of it. */
  private open(dataset: Dataset, issues: Issue[], ahead?: OpenedDataset): Loaded {
    this.pool?.close();
    const { session, pool, view } = ahead ?? openDataset(dataset, ++this.datasetCount);
    this.session = session;
    this.planRevision = 0;
    this.pool = pool;
    // Comlink moves the buffers only of the object a call returns: each caller marks its own.
    return { datasetId: session.id, dataset: view, issues, asOf: defaultAsOf(view.days) };
  }

  /**
   * The next data set made ahead by an import's check, with its first answer's pass: for the
   * scenario and network of the newest request (a date becomes the day the data set opens on).
   * Its levels go to the impact when they are what the impact reads (import/impact.ts).
   */
  private async prepare(next: Dataset): Promise<{ ahead: OpenedDataset; after?: Uint8Array }> {
    const ahead = openDataset(next, ++this.datasetCount);
    const last = this.lastScenario;
    const scenario = last === 'current' || last === 'planned' ? last : defaultAsOf(ahead.view.days);
    const network = this.session?.currentNetwork;
    try {
      const level = await ahead.session.classifyAhead(scenario, network, ahead.pool);
      const plain = scenario === 'current' && network === undefined && !ahead.session.pathLoss;
      return { ahead, ...(plain ? { after: level } : {}) };
    } catch (error) {
      ahead.drop();
      throw error;
    }
  }

  /**
   * On the first load: the files imported on an earlier visit, laid over the bundled ones if
   * they still pass. Undefined when there are none.
   */
  async restoreSaved(): Promise<{ paths: string[]; loaded?: Loaded; failed?: string } | undefined> {
    if (typeof indexedDB === 'undefined' || !this.imports) return undefined;
    const saved = await loadImport();
    if (saved.status !== 'loaded' || saved.files.length === 0) return undefined;
    const paths = saved.files.map((f) => f.path);
    const byPath = new Map(saved.files.map((f) => [f.path, f.text]));
    const sources = this.imports.files.map((f) => ({ path: f.path, text: byPath.get(f.path) ?? f.text }));
    for (const f of saved.files) if (!sources.some((s) => s.path === f.path)) sources.push(f);
    const { dataset, issues } = parseDataset(sources);
    if (!dataset || issues.some((i) => i.severity === 'error')) {
      return { paths, failed: failureMessage('engine-restore') };
    }
    this.imports = this.imports.over(sources);
    return moved({ paths, loaded: this.open(dataset, issues) });
  }

  /**
   * Everything for one scenario, counting only `network`'s towers when given (contract rule 9);
   * undefined when a newer request came before it started.
   */
  async coverage(scenario: Scenario, network?: string): Promise<CoverageResult | undefined> {
    const mine = ++this.latest;
    this.lastScenario = scenario;
    await nextTask();
    const session = this.session;
    if (mine !== this.latest || !session) return undefined;
    const early = this.early;
    this.early = undefined;
    if (early?.session === session && early.latest === mine - 1 && early.scenario === scenario && early.network === network) {
      return moved({ ...early.result, requestId: mine });
    }
    session.setNetwork(network);
    // The helpers hold the points without their clutter classes: path loss is classified here.
    const result = this.pool && !session.pathLoss ? await session.coverageWith(this.pool, mine, scenario) : session.coverage(mine, scenario);
    // Asked again meanwhile (the pass waited on the helpers): only the newest is answered.
    if (session !== this.session || mine !== this.latest) return undefined;
    return moved(result);
  }

  /**
   * The figures of result `requestId` with every radius scaled (RADIUS_FACTORS), one factor
   * per task; undefined as soon as a newer request comes.
   */
  async radiusRange(requestId: number, scenario: Scenario): Promise<RadiusFigures[] | undefined> {
    const range: RadiusFigures[] = [];
    for (const factor of RADIUS_FACTORS) {
      await nextTask();
      const session = this.session;
      if (requestId !== this.latest || !session) return undefined;
      range.push({ factor, figures: session.radiusFigures(scenario, factor) });
    }
    return range;
  }

  /**
   * The quick answer to a new plan: only the points near the towers it changes are looked at.
   * `revision`: what the page calls this plan (its next `editPlan` starts from it).
   * `datasetId`: the data set the page made it on; undefined, and the plan not taken, when
   * the engine holds another one by now (an import was taken meanwhile).
   */
  plan(plan: PlanDoc, scenario: Scenario, network?: string, revision = -1, datasetId?: number): PlanCoverage | undefined {
    if (datasetId !== undefined && datasetId !== this.need().id) return undefined;
    this.planRevision = revision;
    return this.planned(plan, scenario, network);
  }

  /**
   * The quick answer to a plan edit sent as its delta from revision `from` (0: the data set's
   * empty plan), which becomes revision `to` (the plan itself stays here); undefined
   * when the engine no longer holds the plan it starts from (a new data set came): the page
   * then sends the whole plan.
   */
  editPlan(edit: PlanDelta & { datasetId: number; from: number; to: number }, scenario: Scenario, network?: string): PlanCoverage | undefined {
    const session = this.need();
    if (edit.datasetId !== session.id || edit.from !== this.planRevision) return undefined;
    const { plan, touched } = applyPlanDelta(session.currentPlan, edit);
    this.planRevision = edit.to;
    return this.planned(plan, scenario, network, touched);
  }

  private planned(plan: PlanDoc, scenario: Scenario, network: string | undefined, touched?: Set<string>): PlanCoverage {
    const session = this.need();
    this.lastScenario = scenario;
    session.setNetwork(network);
    const result = session.setPlan(++this.latest, plan, scenario, touched);
    return moved(result);
  }

  /**
   * The gap register of the newest coverage or plan answer under `query`: filtered and sorted
   * here, so the page does no work per row. Waits a task, so that plan edits already sent
   * are answered first; undefined when a newer query came meanwhile.
   */
  async gaps(query: GapQuery) {
    const mine = ++this.latestGaps;
    await nextTask();
    const session = this.session;
    const view = mine === this.latestGaps ? session?.gaps(query) : undefined;
    return session && view && moved({ datasetId: session.id, view });
  }

  /**
   * The programme's figures through time with the plan, when they are not up to date;
   * undefined when they are, or when another call's build will bring them. Its slow part
   * runs on the helper worker: coverage requests are answered meanwhile.
   */
  async timeline() {
    if (this.timelineBusy) return undefined;
    this.timelineBusy = true;
    try {
      for (;;) {
        const session = this.session;
        if (!session) return undefined;
        const plan = session.currentPlan;
        const network = session.currentNetwork;
        const of = this.timelineOf;
        if (of?.session === session && of.plan === plan && of.network === network) return undefined;
        const started = performance.now();
        const timeline = await this.serially(() => session.timeline(levelChangesOffThread));
        // A newer data set or plan came meanwhile: build again for it.
        if (session !== this.session || plan !== session.currentPlan || network !== session.currentNetwork) continue;
        this.timelineOf = { session, plan, network };
        return moved({ datasetId: session.id, timeline, elapsedMs: performance.now() - started });
      }
    } finally {
      this.timelineBusy = false;
    }
  }

  /**
   * Good signal per network side by side (all, then each operator), with the plan's towers,
   * for result `requestId`; undefined when a newer request came (scrubbing through dates).
   */
  async networks(requestId: number, scenario: Scenario): Promise<NetworkFigures | undefined> {
    await nextTask();
    const session = this.session;
    if (requestId !== this.latest || !session) return undefined;
    return session.networkFigures(scenario);
  }

  /** Why point `index` has its level, in the network of the last coverage request. */
  why(index: number, scenario: Scenario): WhyLevel | undefined {
    return this.need().why(index, scenario);
  }

  private serially<T>(task: () => T | Promise<T>): Promise<T> {
    const run = this.queue.then(task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** The site costs of the data set (costs.json, else the contract's defaults): the panel's starting values. */
  sitingCosts(): Costs {
    return { ...(this.need().dataset.costs ?? DEFAULT_COSTS) };
  }

  /**
   * The instant (greedy) answer to a siting question, on `planned` with the plan's towers,
   * every site priced. It runs on the siting worker (siting-helper.ts): plan edits are
   * answered meanwhile. Undefined when cancelled (cancelSiting) or replaced by a newer run.
   */
  sitingGreedy(request: SitingRequest, progress?: (p: SitingProgress) => void): Promise<Timed<SitingAnswer> | undefined> {
    return this.siting(request, (helper, planned, p) => helper.greedy(request, planned, p), progress);
  }

  /** The exact answer (HiGHS), on the siting worker too; undefined when cancelled or replaced. */
  sitingExact(request: SitingRequest, progress?: (p: SitingProgress) => void): Promise<Timed<ExactAnswer> | undefined> {
    return this.siting(request, (helper, planned, p) => helper.exact(request, planned, p), progress);
  }

  private async siting<T>(request: SitingRequest, ask: (helper: Remote<SitingHelper>, planned: PlannedLevels, progress?: (p: SitingProgress) => void) => Promise<T>, progress?: (p: SitingProgress) => void): Promise<Timed<T> | undefined> {
    const started = performance.now();
    const session = this.need();
    // One classification here (in the network, under the model, with the points' clutter);
    // the search itself runs on the siting worker. Typed arrays: moved, not cloned.
    const places = request.candidateUse === undefined ? undefined : session.dataset.candidates;
    if (request.candidateUse !== undefined && !places?.length) throw new EngineFailure('engine-no-candidates');
    const planned = session.plannedForSiting(places);
    const send = moved(planned);
    this.sitingRunner ??= new SitingRunner(this.startSiting);
    const answer = await this.sitingRunner.run(session.id, session.dataset, (helper, p) => ask(helper, send, p), progress && ((p) => void progress(p)));
    return answer === undefined ? undefined : { answer, elapsedMs: performance.now() - started };
  }

  /** Stops the siting run under way; its promise answers undefined. */
  cancelSiting(): void {
    this.sitingRunner?.cancel();
  }

  /** `calibrate`'s factor per operator for the scenario, with the plan's towers. */
  calibration(scenario: Scenario): CalibrationReport {
    return this.need().calibration(scenario);
  }

  /** Reads and checks files for import (with progress); nothing changes until `commitImport`. */
  async checkImport(importId: number, files: ImportRequestFile[], progress?: ImportProgress): Promise<ImportChecked> {
    if (!this.imports) throw new EngineFailure('engine-no-data');
    const reading = percentSteps((done, total) => void progress?.('reading', done, total));
    const told = (phase: 'reading' | 'checking', done: number, total: number) => (phase === 'reading' ? reading(done, total) : void progress?.(phase, done, total));
    return this.imports.check(importId, files, told, this.session?.dataset);
  }

  /**
   * After a check: makes ahead what taking it needs (prepare), then answers the impact's
   * shares of hamlets with good signal; undefined when it was taken or dropped first.
   */
  async prepareImport(importId: number): Promise<GoodShares | undefined> {
    const before = this.session?.currentLevels;
    return this.imports?.prepare(importId, { ...(before ? { before } : {}), prepare: (next) => this.prepare(next), later: nextTask });
  }

  /** Takes the checked import; `paths`: every file now unlike the bundled one. */
  async commitImport(importId: number, validOnly: boolean): Promise<{ loaded: Loaded; paths: string[] }> {
    const imports = this.imports;
    const taken = imports?.commit(importId, validOnly);
    if (!taken) throw new EngineFailure('engine-import-gone');
    const ahead = await taken.ahead;
    // A data set loaded while the work ahead ended: that one stays.
    if (imports !== this.imports) {
      ahead?.drop();
      throw new EngineFailure('engine-import-gone');
    }
    // Kept on this device (IndexedDB) when the page asks: the texts never cross to the page.
    // A streamed file's text is written then, not here (import/geojson-stream.ts).
    const files = taken.changed;
    const loaded = this.open(taken.dataset, [], ahead);
    this.unsaved = { key: loaded.dataset.key, files };
    this.answerEarly();
    return moved({ loaded, paths: files.map((f) => f.path) });
  }

  /**
   * After a take, once its data set has been sent: the first answer for the pass made ahead,
   * made while the page reads the data set (a task later, so the data set goes first). Not with
   * helper threads (their pass is asynchronous), nor once anything else was asked.
   */
  private answerEarly(): void {
    const { session, latest } = this;
    const scenario = session?.aheadScenario;
    if (!session || scenario === undefined || this.pool) return;
    setTimeout(() => {
      if (this.session !== session || this.latest !== latest) return;
      this.early = { session, latest, scenario, network: session.currentNetwork, result: session.coverage(latest, scenario) };
    }, 0);
  }

  /** Saves the files the last import took; the reason when it could not. */
  async saveImport(): Promise<string | undefined> {
    const unsaved = this.unsaved;
    this.unsaved = undefined;
    if (!unsaved) return undefined;
    const saved = await this.serially(() => saveImport(unsaved.key, unsaved.files.map(({ path, text }) => ({ path, text }))));
    if (saved.ok) return undefined;
    // Said on the page in the user's language (messages/failure.ts).
    const why = failureProblem(saved, 'imports');
    return failureMessage(why.code, why.params);
  }

  cancelImport(importId: number): void {
    this.imports?.cancel(importId);
  }

  private need(): CoverageSession {
    if (!this.session) throw new EngineFailure('engine-no-data');
    return this.session;
  }
}
