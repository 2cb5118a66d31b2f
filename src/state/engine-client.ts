// The page's one client of the data worker's Engine (worker/engine.ts, over Comlink): it asks
// what each change of state asks (engine-asks.ts) and forwards the answers to the store. Runs
// outside React. Only the newest coverage or plan request's answer is shown, but every
// answer's tower changes are kept, in the order they come. Whether a load's, a siting run's
// or an import check's answer or progress still counts, the store decides (runs.ts).
import { proxy, wrap, type Remote } from 'comlink';
import { problemText } from '../domain/messages/problems.ts';
import { failureText } from '../domain/messages/failure.ts';
import type { TowerChanges } from '../domain/coverage/answer.ts';
import { gapQuery } from '../domain/gaps/view.ts';
import { planDelta } from '../domain/plan/delta.ts';
import { EMPTY_PLAN } from '../domain/plan/plan.ts';
import type { SitingRequest } from '../domain/siting/modes.ts';
import type { SitingProgress } from '../domain/siting/run.ts';
import { bundledFiles } from '../io/bundled.ts';
import { failureProblem } from '../io/db.ts';
import { clearImport } from '../io/import-store.ts';
import type { Engine, Loaded } from '../worker/engine.ts';
import { engineAsks, shownPlan } from './engine-asks.ts';
import { scenarioOf, useAppStore } from './store.ts';

/** After a burst of plan edits (a drag sends one per frame), the full answer follows once. */
const REFRESH_DELAY_MS = 150;

const store = () => useAppStore.getState();
/** A failure from the worker in the user's language (messages/failure.ts). */
const messageOf = (error: unknown) => failureText(error instanceof Error ? error.message : String(error), store().lang);
/** A coverage, plan or register request that failed: the coverage state says so. */
const coverageFailed = (error: unknown) => store().coverageFailed(messageOf(error));

let engine: Remote<Engine> | undefined;
/** The data set the store holds: answers for another are dropped. */
let datasetId = 0;
/** The plan the engine holds, as the page last sent it, and its revision (Engine.editPlan). */
let held = { plan: EMPTY_PLAN, revision: 0 };
let revisions = 0;
/** An import was taken: saved on this device once its first figures are out. */
let saveDue = false;
/** Coverage and plan requests sent: only the newest one's answer is shown. */
let requests = 0;
let refresh: ReturnType<typeof setTimeout> | undefined;

/** A coverage or plan answer, if its request is still the newest; its tower changes are kept either way. */
async function newest<T extends { datasetId: number; towerChanges: TowerChanges }>(asked: Promise<T | undefined>): Promise<T | undefined> {
  const mine = ++requests;
  const answer = await asked;
  if (!answer || answer.datasetId !== datasetId) return undefined;
  store().towersPatched(answer.towerChanges);
  return mine === requests ? answer : undefined;
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
  if (networks) store().networkFiguresComputed(result.requestId, networks);
  const timeline = engine.timeline().then((answer) => answer?.datasetId === datasetId && store().timelineRebuilt(answer.timeline), coverageFailed);
  if (saveDue) {
    saveDue = false;
    // After the progress cards: writing a large import's text holds the worker for seconds.
    await timeline;
    const failed = await engine.saveImport();
    if (failed) store().importChanged({ phase: 'failed', message: messageOf(failed) });
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
  const asked = remote.editPlan(edit, scenario, state.network).then((answer) => answer ?? remote.plan(plan, scenario, state.network, edit.to, edit.datasetId));
  const answer = await newest(asked);
  if (answer) store().planCoverageComputed(answer);
}

/** The register of the newest answer as the page asks it; the engine drops a query a newer one overtook. */
async function requestGaps(): Promise<void> {
  const answer = await engine?.gaps(gapQuery(store()));
  if (answer && answer.datasetId === datasetId) store().gapViewComputed(answer.view);
}

/** The bundled data set; on the first load, then the files imported on an earlier visit over it. */
async function load(first: boolean): Promise<void> {
  const remote = engine;
  if (!remote) return;
  const files = bundledFiles();
  store().loadStarted(files.length + 1);
  const answer = await remote.load(files, proxy((done: number, total: number) => store().loadProgressed(done, total)));
  if ('reason' in answer) return store().datasetRejected(answer.reason, answer.issues);
  loaded(answer);
  const restored = first ? await remote.restoreSaved() : undefined;
  if (restored?.loaded) {
    store().importedFilesChanged(restored.paths);
    loaded(restored.loaded);
  } else if (restored) store().importChanged({ phase: 'failed', message: messageOf(restored.failed ?? '') });
}

const loadOrSay = (first: boolean) => void load(first).catch((error: unknown) => store().datasetRejected(messageOf(error), []));

/** Why point `index` has its level on screen (its scenario and network); undefined without data. */
export async function whyOf(index: number) {
  const shown = store().coverage;
  if (!engine || !shown || shown.datasetId !== datasetId) return undefined;
  return engine.why(index, shown.scenario);
}

/**
 * Asks the engine for siting suggestions over the planned scenario with the plan: the greedy
 * answer first, then HiGHS's exact one with its bound, each with progress, each on the siting
 * worker (plan edits are answered meanwhile) and each stopped by cancelSiting. The store
 * decides what of it still counts (runs.ts).
 */
export function suggestSites(options: SitingRequest): void {
  const remote = engine;
  if (!remote) return;
  const run = store().sitingStarted(options);
  const progress = proxy((p: SitingProgress) => store().sitingProgressed(run, p));
  const failed = (error: unknown) => store().sitingFailed(run, messageOf(error));
  remote.sitingGreedy(options, progress).then((quick) => {
    if (store().sitingAnswered(run, quick)) remote.sitingExact(options, progress).then((exact) => store().sitingExactAnswered(run, exact), failed);
  }, failed);
}

/** The engine, for a question whose answer needs no sequencing; undefined before the worker starts. */
export const engineNow = (): Remote<Engine> | undefined => engine;

/** Checks files for import (nothing changes yet). */
export function checkImport(files: Parameters<Engine['checkImport']>[1]): void {
  const remote = engine;
  if (!remote) return;
  const id = store().importStarted();
  const progress = proxy((phase: 'reading' | 'checking', done: number, total: number) => store().importProgressed(id, phase, done, total));
  remote.checkImport(id, files, progress).then(
    // The shares follow the check; if their work fails they are said unknown ("–"), not computing for ever.
    (result) => (store().importChecked(id, result), remote.prepareImport(id).then((shares) => store().importShared(id, shares), () => store().importShared(id, { before: null, after: null }))),
    (error: unknown) => store().importFailed(id, messageOf(error)),
  );
}

/** Takes the checked import: all of it, or only the rows without errors. */
export function commitImport(validOnly: boolean): void {
  const remote = engine;
  const checked = remote && store().importApplying();
  if (!remote || !checked) return;
  remote.commitImport(checked.importId, validOnly).then(
    ({ loaded: answer, paths }) => {
      saveDue = true;
      loaded(answer);
      store().importTaken(validOnly, paths);
    },
    (error: unknown) => store().importFailed(checked.importId, messageOf(error)),
  );
}

/** Drops the checked import; the loaded data stays as it was. */
export function cancelImport(): void {
  const dropped = store().importDropped();
  if (dropped !== undefined) void engine?.cancelImport(dropped);
}

/** Forgets the imported files and goes back to the bundled data. */
export function revertToBundled(): void {
  void clearImport().then((result) => {
    if (!result.ok) return store().importChanged({ phase: 'failed', message: problemText(failureProblem(result, 'imports'), store().lang) });
    store().importsForgotten();
    loadOrSay(false);
  });
}

/** Starts the data worker and loads the bundled data set into it; returns the stop. */
export function startDataWorker(): () => void {
  const worker = new Worker(new URL('../worker/data.worker.ts', import.meta.url), { type: 'module' });
  engine = wrap<Engine>(worker);
  worker.onerror = (event) => store().datasetRejected(messageOf(new Error(event.message || 'worker error')), []);
  const unsubscribe = useAppStore.subscribe((state, previous) => {
    const asks = engineAsks(state, previous);
    if (asks.coverage) void requestCoverage().catch(coverageFailed);
    else if (asks.plan) void sendPlan().catch(coverageFailed);
    if (asks.gaps) void requestGaps().catch(coverageFailed);
  });
  loadOrSay(true);
  return () => {
    unsubscribe();
    clearTimeout(refresh);
    engine = undefined;
    worker.terminate();
  };
}
