// The page's one client of the data worker's Engine (worker/engine.ts, over Comlink): it asks
// for coverage whenever the dataset, the scenario or the plan changes, and puts the answers in
// the store. Runs outside React. Of the coverage and plan answers only the newest request's is
// shown; every answer's tower changes are kept, in the order they come.
import { problemText } from '../domain/messages/problems.ts';
import { failureProblem } from '../io/db.ts';
import { failureText } from '../domain/messages/failure.ts';
import { proxy, wrap, type Remote } from 'comlink';
import { readsDues, readsStatuses, type GapQuery } from '../domain/gaps/view.ts';
import { dueDates } from '../domain/gaps/history.ts';
import { todayIn } from '../domain/input/day.ts';
import type { SitingRequest } from '../domain/siting/modes.ts';
import type { Costs } from '../domain/types.ts';
import { planDelta } from '../domain/plan/delta.ts';
import { EMPTY_PLAN, type PlanDoc } from '../domain/plan/plan.ts';
import type { ExactState, SitingProgress } from '../worker/protocol-siting.ts';
import type { CalibrationReport } from '../domain/evidence/calibrate.ts';
import { bundledFiles } from '../io/bundled.ts';
import { clearImport } from '../io/import-store.ts';
import type { Engine } from '../worker/engine.ts';
import type { ImportRequestFile, Loaded } from '../worker/protocol.ts';
import type { WhyLevel } from '../domain/coverage/why.ts';
import type { TowerChanges } from '../worker/tower-slots.ts';
import { scenarioOf, useAppStore, type AppState, type ImportState } from './store.ts';

/** After a burst of plan edits (a drag sends one per frame), the full answer follows once. */
const REFRESH_DELAY_MS = 150;

const store = () => useAppStore.getState();
/** A failure from the worker in the user's language (messages/failure.ts). */
const messageOf = (error: unknown) => failureText(error instanceof Error ? error.message : String(error), store().lang);
/** The plan the worker should compute with: a drag's preview, else the plan. */
const shownPlan = (s: Pick<AppState, 'plan' | 'planPreview'>) => s.planPreview ?? s.plan;

/**
 * A progress callback for the engine (a Comlink proxy) that goes quiet once the answer came:
 * progress comes through its own channel, so it may come after the answer.
 */
function untilAnswered<A extends unknown[]>(report: (...args: A) => unknown): { progress: (...args: A) => void; answered: () => void } {
  let answered = false;
  return { progress: proxy((...args: A) => void (answered || report(...args))), answered: () => void (answered = true) };
}

let engine: Remote<Engine> | undefined;
/** The data set the store holds: answers for another are dropped. */
let datasetId = 0;
let sent = 0;
let latestSiting = 0;
/** The plan the engine holds, as the page last sent it, and its revision (PlanEdit). */
let held: { plan: PlanDoc; revision: number } = { plan: EMPTY_PLAN, revision: 0 };
let revisions = 0;
let latestImport = 0;
/** An import was taken: saved on this device once its first figures are out. */
let saveDue = false;

/** Newest request wins: an older request's answer is dropped, once its tower changes are kept. */
async function newest<T extends { datasetId: number; towerChanges: TowerChanges }>(ask: (e: Remote<Engine>) => Promise<T | undefined>): Promise<T | undefined> {
  if (!engine) return undefined;
  const mine = ++sent;
  const answer = await ask(engine);
  if (!answer || answer.datasetId !== datasetId) return undefined;
  store().towersPatched(answer.towerChanges);
  return mine === sent ? answer : undefined;
}

function loaded(answer: Loaded): void {
  datasetId = answer.datasetId;
  held = { plan: EMPTY_PLAN, revision: 0 };
  store().datasetLoaded(answer.dataset, answer.issues, answer.asOf);
}

/** The scenario's full answer, then its radius range, then (the worker decides if due) the timeline. */
async function requestCoverage(): Promise<void> {
  const state = store();
  if (!state.dataset) return;
  state.coverageRequested();
  try {
    const result = await newest((e) => e.coverage(scenarioOf(state), state.network));
    if (!result || !engine) return;
    store().coverageComputed(result);
    const range = await engine.radiusRange(result.requestId, result.scenario);
    if (range) store().radiusRangeComputed(result.requestId, range);
    const networks = await engine.networks(result.requestId, result.scenario);
    if (networks && result.requestId === store().coverage?.requestId) store().networkFiguresComputed(networks);
    engine.timeline().then(
      (answer) => answer?.datasetId === datasetId && store().timelineRebuilt(answer.timeline),
      (error: unknown) => store().coverageFailed(messageOf(error)),
    );
    if (saveDue) {
      saveDue = false;
      const failed = await engine.saveImport();
      if (failed) store().importChanged({ phase: 'failed', message: failureText(failed, store().lang) });
    }
  } catch (error) {
    store().coverageFailed(messageOf(error));
  }
}

let refresh: ReturnType<typeof setTimeout> | undefined;

/** A plan edit: levels, figures and nearest towers now; the radius range and timeline after the burst. */
async function sendPlan(): Promise<void> {
  const state = store();
  if (!state.dataset) return;
  clearTimeout(refresh);
  refresh = setTimeout(() => void requestCoverage(), REFRESH_DELAY_MS);
  try {
    const plan = shownPlan(state);
    const scenario = scenarioOf(state);
    // Only the change crosses; the engine holds the plan. It answers undefined when it holds
    // another plan (a new data set came meanwhile): the whole plan goes then.
    const edit = { datasetId, from: held.revision, to: ++revisions, ...planDelta(held.plan, plan) };
    held = { plan, revision: edit.to };
    const answer = await newest(async (e) => (await e.editPlan(edit, scenario, state.network)) ?? e.plan(plan, scenario, state.network, edit.to));
    if (answer) store().planCoverageComputed(answer);
  } catch (error) {
    store().coverageFailed(messageOf(error));
  }
}

/** What the gap register shows; the statuses go only when the filter reads them. */
const gapQueryOf = (s: AppState): GapQuery => ({
  filter: s.gapFilter,
  sort: s.gapSort,
  lang: s.lang,
  ...(readsStatuses(s.gapFilter) ? { statuses: s.gapStatuses } : {}),
  ...(readsDues(s.gapFilter) ? { dues: { due: dueDates(s.gapHistory), today: todayIn() } } : {}),
});

let gapsBusy = false;
let gapsDue = false;

/** The register of the newest answer: one request at a time; a wish made meanwhile is asked once it ends. */
async function requestGaps(): Promise<void> {
  if (gapsBusy) return void (gapsDue = true);
  gapsBusy = true;
  try {
    do {
      gapsDue = false;
      const answer = await engine?.gaps(gapQueryOf(store()));
      if (answer && answer.datasetId === datasetId) store().gapViewComputed(answer.view);
    } while (gapsDue && engine);
  } catch (error) {
    store().coverageFailed(messageOf(error));
  } finally {
    gapsBusy = false;
  }
}

const gapsChanged = (s: AppState, p: AppState) =>
  s.coverage !== p.coverage || s.gapFilter !== p.gapFilter || s.gapSort !== p.gapSort || s.lang !== p.lang || ((readsStatuses(s.gapFilter) || readsDues(s.gapFilter)) && s.gapHistory !== p.gapHistory);

function load(first: boolean): void {
  // Progress comes through its own channel: a late one must not undo the answer.
  const { progress, answered } = untilAnswered((done: number, total: number) => store().loadProgressed(done, total));
  void engine
    ?.load(bundledFiles(), progress)
    .then(async (answer) => {
      answered();
      if ('reason' in answer) return store().datasetRejected(answer.reason, answer.issues);
      loaded(answer);
      const restored = first ? await engine?.restoreSaved() : undefined;
      if (!restored) return;
      if (restored.loaded) {
        store().importedFilesChanged(restored.paths);
        loaded(restored.loaded);
      } else store().importChanged({ phase: 'failed', message: failureText(restored.failed ?? '', store().lang) });
    })
    .catch((error: unknown) => store().datasetRejected(messageOf(error), []));
}

/** Why point `index` has its level on screen (its scenario and network); undefined without data. */
export async function whyOf(index: number): Promise<WhyLevel | undefined> {
  const shown = store().coverage;
  if (!engine || !shown || shown.datasetId !== datasetId) return undefined;
  return engine.why(index, shown.scenario);
}

/**
 * Asks the engine for siting suggestions over the planned scenario with the plan: the greedy
 * answer first, then HiGHS's exact one with its bound, each with progress, each on the siting
 * worker (plan edits are answered meanwhile) and each stopped by cancelSiting.
 */
export function suggestSites(options: SitingRequest): void {
  if (!engine) return;
  const remote = engine;
  const mine = ++latestSiting;
  const current = () => mine === latestSiting;
  const greedy = untilAnswered((progress: SitingProgress) => current() && store().sitingChanged({ phase: 'running', options, progress }));
  store().sitingChanged({ phase: 'running', options });
  const exactChanged = (exact: ExactState) => {
    const state = store().siting;
    if (current() && state.phase === 'done') store().sitingChanged({ ...state, exact });
  };
  remote.sitingGreedy(options, greedy.progress).finally(greedy.answered).then(
    (quick) => {
      if (!current()) return;
      if (!quick) return store().sitingChanged({ phase: 'cancelled' });
      store().sitingChanged({ phase: 'done', options, result: quick.answer, elapsedMs: quick.elapsedMs, exact: { phase: 'running' } });
      const exact = untilAnswered((p: SitingProgress) => exactChanged({ phase: 'running', progress: p }));
      remote.sitingExact(options, exact.progress).finally(exact.answered).then(
        (answer) => exactChanged(answer ? { phase: 'done', answer: answer.answer, elapsedMs: answer.elapsedMs } : { phase: 'cancelled' }),
        (error: unknown) => exactChanged({ phase: 'failed', message: messageOf(error) }),
      );
    },
    (error: unknown) => current() && store().sitingChanged({ phase: 'failed', message: messageOf(error) }),
  );
}

/** Stops the siting run under way (the greedy's, or the exact search, whose greedy answer stays). */
export function cancelSiting(): void {
  void engine?.cancelSiting();
}

/** The data set's site costs (costs.json, else the defaults), for the panel's fields. */
export function sitingCosts(): Promise<Costs> | undefined {
  return engine?.sitingCosts();
}

/** `calibrate`'s factors for the scenario on screen; undefined before the worker starts. */
export function calibration(): Promise<CalibrationReport> | undefined {
  return engine?.calibration(scenarioOf(store()));
}

/** Checks files for import (nothing changes yet). */
export function checkImport(files: ImportRequestFile[]): void {
  if (!engine) return;
  const importId = ++latestImport;
  const current = () => importId === latestImport;
  store().importChanged({ phase: 'reading', importId, done: 0, total: 1 });
  const { progress, answered } = untilAnswered((phase: 'reading' | 'checking', done: number, total: number) => current() && store().importChanged({ phase, importId, done, total }));
  const settle = (state: ImportState) => current() && store().importChanged(state);
  engine.checkImport(importId, files, progress).finally(answered).then(
    (result) => settle({ phase: 'checked', result }),
    (error: unknown) => settle({ phase: 'failed', message: messageOf(error) }),
  );
}

/** Takes the checked import: all of it, or only the rows without errors. */
export function commitImport(validOnly: boolean): void {
  const current = store().importState;
  if (!engine || current.phase !== 'checked') return;
  const { result } = current;
  store().importChanged({ phase: 'applying', importId: result.importId, result });
  engine.commitImport(result.importId, validOnly).then(
    ({ loaded: answer, paths }) => {
      saveDue = true;
      loaded(answer);
      store().importChanged({ phase: 'done', files: result.files, validOnly, dropped: validOnly ? (result.validOnly?.dropped ?? 0) : 0 });
      store().importedFilesChanged(paths);
    },
    (error: unknown) => store().importChanged({ phase: 'failed', message: messageOf(error) }),
  );
}

/** Drops the checked import; the loaded data stays as it was. */
export function cancelImport(): void {
  const current = store().importState;
  if (current.phase === 'checked') void engine?.cancelImport(current.result.importId);
  latestImport += 1;
  store().importChanged({ phase: 'idle' });
}

/** Forgets the imported files and goes back to the bundled data. */
export function revertToBundled(): void {
  void clearImport().then((result) => {
    if (!result.ok) return store().importChanged({ phase: 'failed', message: problemText(failureProblem(result, 'imports'), store().lang) });
    store().importedFilesChanged([]);
    store().importChanged({ phase: 'idle' });
    load(false);
  });
}

/** Starts the data worker and loads the bundled data set into it; returns the stop. */
export function startDataWorker(): () => void {
  const worker = new Worker(new URL('../worker/data.worker.ts', import.meta.url), { type: 'module' });
  engine = wrap<Engine>(worker);
  worker.onerror = (event) => store().datasetRejected(messageOf(new Error(event.message || 'worker error')), []);
  const unsubscribe = useAppStore.subscribe((state, previous) => {
    // A new scenario keeps the plan: the worker holds it already.
    const moved = state.dataset !== previous.dataset || scenarioOf(state) !== scenarioOf(previous);
    if (moved || state.network !== previous.network) void requestCoverage();
    else if (shownPlan(state) !== shownPlan(previous)) void sendPlan();
    if (state.coverage && gapsChanged(state, previous)) void requestGaps();
  });
  load(true);
  return () => {
    unsubscribe();
    clearTimeout(refresh);
    engine = undefined;
    worker.terminate();
  };
}
