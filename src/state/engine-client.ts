// The page's one client of the data worker's Engine (worker/engine.ts, over Comlink): it asks
// for coverage whenever the dataset, the scenario or the plan changes, and puts the answers in
// the store. Runs outside React. Of each kind of request only the newest one's answer is
// shown; every coverage and plan answer's tower changes are kept, in the order they come.
// Progress comes through a channel of its own, so it may come after the answer: it counts
// only while the store still shows that run as running.
import { proxy, wrap, type Remote } from 'comlink';
import { problemText } from '../domain/messages/problems.ts';
import { failureText } from '../domain/messages/failure.ts';
import type { TowerChanges } from '../domain/coverage/answer.ts';
import { readsDues, readsStatuses } from '../domain/gaps/view.ts';
import { dueDates } from '../domain/gaps/history.ts';
import { todayIn } from '../domain/input/day.ts';
import { planDelta } from '../domain/plan/delta.ts';
import { EMPTY_PLAN } from '../domain/plan/plan.ts';
import type { SitingRequest } from '../domain/siting/modes.ts';
import type { ExactState, SitingProgress } from '../domain/siting/run.ts';
import { bundledFiles } from '../io/bundled.ts';
import { failureProblem } from '../io/db.ts';
import { clearImport } from '../io/import-store.ts';
import type { Engine, Loaded } from '../worker/engine.ts';
import { scenarioOf, useAppStore, type AppState, type ImportState, type SitingState } from './store.ts';

/** After a burst of plan edits (a drag sends one per frame), the full answer follows once. */
const REFRESH_DELAY_MS = 150;

const store = () => useAppStore.getState();
/** A failure from the worker in the user's language (messages/failure.ts). */
const messageOf = (error: unknown) => failureText(error instanceof Error ? error.message : String(error), store().lang);
/** A coverage, plan or register request that failed: the coverage state says so. */
const coverageFailed = (error: unknown) => store().coverageFailed(messageOf(error));
/** The plan the worker should compute with: a drag's preview, else the plan. */
const shownPlan = (s: Pick<AppState, 'plan' | 'planPreview'>) => s.planPreview ?? s.plan;

/** Newest request wins: each call starts a request of one kind and returns whether it is still that kind's newest. */
function newestWins(): () => () => boolean {
  let latest = 0;
  return () => {
    const mine = ++latest;
    return () => mine === latest;
  };
}
const coverageRequest = newestWins();
const sitingRun = newestWins();

let engine: Remote<Engine> | undefined;
/** The data set the store holds: answers for another are dropped. */
let datasetId = 0;
/** The plan the engine holds, as the page last sent it, and its revision (Engine.editPlan). */
let held = { plan: EMPTY_PLAN, revision: 0 };
let revisions = 0;
/** An import was taken: saved on this device once its first figures are out. */
let saveDue = false;
/** The last import checked (Engine.checkImport). */
let importId = 0;
let refresh: ReturnType<typeof setTimeout> | undefined;

/** A coverage or plan answer, if its request is still the newest; its tower changes are kept either way. */
async function newest<T extends { datasetId: number; towerChanges: TowerChanges }>(asked: Promise<T | undefined>): Promise<T | undefined> {
  const current = coverageRequest();
  const answer = await asked;
  if (!answer || answer.datasetId !== datasetId) return undefined;
  store().towersPatched(answer.towerChanges);
  return current() ? answer : undefined;
}

function loaded(answer: Loaded): void {
  datasetId = answer.datasetId;
  held = { plan: EMPTY_PLAN, revision: 0 };
  store().datasetLoaded(answer.dataset, answer.issues, answer.asOf);
}

/** The scenario's full answer, then its radius range, then (the worker decides if due) the timeline. */
async function requestCoverage(): Promise<void> {
  const state = store();
  if (!state.dataset || !engine) return;
  state.coverageRequested();
  const result = await newest(engine.coverage(scenarioOf(state), state.network));
  if (!result || !engine) return;
  store().coverageComputed(result);
  const range = await engine.radiusRange(result.requestId, result.scenario);
  if (range) store().radiusRangeComputed(result.requestId, range);
  const networks = await engine.networks(result.requestId, result.scenario);
  if (networks && result.requestId === store().coverage?.requestId) store().networkFiguresComputed(networks);
  const timeline = engine.timeline().then((answer) => answer?.datasetId === datasetId && store().timelineRebuilt(answer.timeline), coverageFailed);
  if (saveDue) {
    saveDue = false;
    // After the progress cards: writing a large import's text holds the worker for seconds.
    await timeline;
    const failed = await engine.saveImport();
    if (failed) store().importChanged({ phase: 'failed', message: failureText(failed, store().lang) });
  }
}

/** A plan edit: levels, figures and nearest towers now; the radius range and timeline after the burst. */
async function sendPlan(): Promise<void> {
  const state = store();
  if (!state.dataset || !engine) return;
  const remote = engine;
  clearTimeout(refresh);
  refresh = setTimeout(() => void requestCoverage().catch(coverageFailed), REFRESH_DELAY_MS);
  const plan = shownPlan(state);
  const scenario = scenarioOf(state);
  // Only the change crosses; the engine holds the plan. It answers undefined when it holds
  // another plan (a new data set came meanwhile): the whole plan goes then.
  const edit = { datasetId, from: held.revision, to: ++revisions, ...planDelta(held.plan, plan) };
  held = { plan, revision: edit.to };
  const asked = remote.editPlan(edit, scenario, state.network).then((answer) => answer ?? remote.plan(plan, scenario, state.network, edit.to));
  const answer = await newest(asked);
  if (answer) store().planCoverageComputed(answer);
}

/**
 * The register of the newest answer as the filter, sort and language on screen ask; the
 * statuses go only when the filter reads them. The engine drops a query a newer one overtook.
 */
async function requestGaps(): Promise<void> {
  const s = store();
  const answer = await engine?.gaps({
    filter: s.gapFilter,
    sort: s.gapSort,
    lang: s.lang,
    ...(readsStatuses(s.gapFilter) ? { statuses: s.gapStatuses } : {}),
    ...(readsDues(s.gapFilter) ? { dues: { due: dueDates(s.gapHistory), today: todayIn() } } : {}),
  });
  if (answer && answer.datasetId === datasetId) store().gapViewComputed(answer.view);
}

const gapsChanged = (s: AppState, p: AppState) =>
  s.coverage !== p.coverage || s.gapFilter !== p.gapFilter || s.gapSort !== p.gapSort || s.lang !== p.lang || ((readsStatuses(s.gapFilter) || readsDues(s.gapFilter)) && s.gapHistory !== p.gapHistory);

function load(first: boolean): void {
  if (!engine) return;
  const files = bundledFiles();
  store().loadProgressed(0, files.length + 1);
  const progress = proxy((done: number, total: number) => store().load.phase === 'loading' && store().loadProgressed(done, total));
  void engine
    .load(files, progress)
    .then(async (answer) => {
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
export async function whyOf(index: number) {
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
  const current = sitingRun();
  const set = (state: SitingState) => current() && store().sitingChanged(state);
  const exactChanged = (exact: ExactState) => {
    const state = store().siting;
    if (!current() || state.phase !== 'done') return;
    // Progress of a search that has answered came late: it stays unshown.
    if (exact.phase === 'running' && state.exact?.phase !== 'running') return;
    store().sitingChanged({ ...state, exact });
  };
  set({ phase: 'running', options });
  const progress = proxy((p: SitingProgress) => store().siting.phase === 'running' && set({ phase: 'running', options, progress: p }));
  remote.sitingGreedy(options, progress).then(
    (quick) => {
      if (!current()) return;
      if (!quick) return set({ phase: 'cancelled' });
      set({ phase: 'done', options, result: quick.answer, elapsedMs: quick.elapsedMs, exact: { phase: 'running' } });
      remote.sitingExact(options, proxy((p: SitingProgress) => exactChanged({ phase: 'running', progress: p }))).then(
        (answer) => exactChanged(answer ? { phase: 'done', answer: answer.answer, elapsedMs: answer.elapsedMs } : { phase: 'cancelled' }),
        (error: unknown) => exactChanged({ phase: 'failed', message: messageOf(error) }),
      );
    },
    (error: unknown) => set({ phase: 'failed', message: messageOf(error) }),
  );
}

/** The engine, for a question whose answer needs no sequencing; undefined before the worker starts. */
export const engineNow = (): Remote<Engine> | undefined => engine;

/** Checks files for import (nothing changes yet); only while the store shows this check running (not cancelled, not replaced). */
export function checkImport(files: Parameters<Engine['checkImport']>[1]): void {
  if (!engine) return;
  const id = ++importId;
  const settle = (state: ImportState) => {
    const shown = store().importState;
    if ((shown.phase === 'reading' || shown.phase === 'checking') && shown.importId === id) store().importChanged(state);
  };
  store().importChanged({ phase: 'reading', importId: id, done: 0, total: 1 });
  const progress = proxy((phase: 'reading' | 'checking', done: number, total: number) => settle({ phase, importId: id, done, total }));
  engine.checkImport(id, files, progress).then(
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
    if (moved || state.network !== previous.network) void requestCoverage().catch(coverageFailed);
    else if (shownPlan(state) !== shownPlan(previous)) void sendPlan().catch(coverageFailed);
    if (state.coverage && gapsChanged(state, previous)) void requestGaps().catch(coverageFailed);
  });
  load(true);
  return () => {
    unsubscribe();
    clearTimeout(refresh);
    engine = undefined;
    worker.terminate();
  };
}
