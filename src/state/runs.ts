// The store's side of the engine's long runs: the load, a siting run and an import check.
// The engine client only forwards what the engine says; whether it still counts is decided
// here. An answer counts only while the store shows the run it belongs to (a newer run, a
// cancel or a new data set replaces it), and so does progress, which comes through a channel
// of its own (a Comlink proxy) and may come after its run's answer.
import type { StoreApi } from 'zustand';
import type { ExactAnswer, SitingAnswer, SitingRequest } from '../domain/siting/modes.ts';
import type { SitingProgress } from '../domain/siting/run.ts';
import type { ImportChecked } from '../worker/import-session.ts';
import type { GoodShares } from '../domain/import/impact.ts';
import type { AppState } from './store.ts';

/** An answer with the time it took (Engine's siting answers). */
type Timed<T> = { answer: T; elapsedMs: number };

export interface RunsSlice {
  /** The siting run whose answers count: the newest started. */
  sitingRun: number;
  /** A load of `total` steps starts (the bundled files, then the data set itself). */
  loadStarted: (total: number) => void;
  /** Counts only while a load is under way. */
  loadProgressed: (done: number, total: number) => void;
  /** Shows a new siting run as running; returns its id, which its answers and progress carry. */
  sitingStarted: (options: SitingRequest) => number;
  /** The greedy's progress while it runs; the exact search's ('solving', 'curve') while that runs. */
  sitingProgressed: (run: number, progress: SitingProgress) => void;
  /** The greedy's answer (undefined: cancelled); true when it is shown, the exact search then due. */
  sitingAnswered: (run: number, quick: Timed<SitingAnswer> | undefined) => boolean;
  /** The exact search's answer (undefined: cancelled), shown beside the greedy's. */
  sitingExactAnswered: (run: number, exact: Timed<ExactAnswer> | undefined) => void;
  /** A failure of the greedy while it runs, else of the exact search while that runs. */
  sitingFailed: (run: number, message: string) => void;
  /** Shows a new import check as reading; returns its id (Engine.checkImport's importId). */
  importStarted: () => number;
  importProgressed: (importId: number, phase: 'reading' | 'checking', done: number, total: number) => void;
  importChecked: (importId: number, result: ImportChecked) => void;
  /** The checked import's shares of hamlets with good signal (Engine.prepareImport), while it is shown. */
  importShared: (importId: number, shares: GoodShares | undefined) => void;
  /** The checked import now being taken, shown as applying; undefined when none is checked. */
  importApplying: () => ImportChecked | undefined;
  /** The import taken: `paths`, the data set's files it replaced. */
  importTaken: (validOnly: boolean, paths: string[]) => void;
  /** A failure of import `importId` while it is read, checked or taken. */
  importFailed: (importId: number, message: string) => void;
  /** Drops the import shown (idle again); the id of the checked one, which the engine then forgets. */
  importDropped: () => number | undefined;
  /** The imported files forgotten (the bundled data set comes back): none listed, no import shown. */
  importsForgotten: () => void;
}

/** What the runs read and write: the store's, or a store of its own in tests. */
export type RunsState = Pick<AppState, 'load' | 'siting' | 'importState' | 'importedFiles'> & RunsSlice;
type Store = StoreApi<RunsState>;

/** Ids of siting runs and import checks, unique in this page. */
let runs = 0;

export function runActions(set: Store['setState'], get: Store['getState']): RunsSlice {
  /** The siting state, when it is run `run`'s. */
  const sitingOf = (run: number) => (get().sitingRun === run ? get().siting : undefined);
  const exactRunning = (run: number) => {
    const siting = sitingOf(run);
    return siting?.phase === 'done' && siting.exact?.phase === 'running' ? siting : undefined;
  };
  /** The import state, when it shows import `importId` under way. */
  const importOf = (importId: number) => {
    const shown = get().importState;
    return 'importId' in shown && shown.importId === importId ? shown : undefined;
  };
  return {
    sitingRun: 0,
    loadStarted: (total) => set({ load: { phase: 'loading', done: 0, total } }),
    loadProgressed: (done, total) => get().load.phase === 'loading' && set({ load: { phase: 'loading', done, total } }),
    sitingStarted: (options) => {
      const run = ++runs;
      set({ sitingRun: run, siting: { phase: 'running', options } });
      return run;
    },
    sitingProgressed: (run, progress) => {
      const siting = sitingOf(run);
      if (progress.stage === 'quick' && siting?.phase === 'running') set({ siting: { ...siting, progress } });
      const exact = progress.stage !== 'quick' && exactRunning(run);
      if (exact) set({ siting: { ...exact, exact: { phase: 'running', progress } } });
    },
    sitingAnswered: (run, quick) => {
      const siting = sitingOf(run);
      if (siting?.phase !== 'running') return false;
      if (!quick) {
        set({ siting: { phase: 'cancelled' } });
        return false;
      }
      set({ siting: { phase: 'done', options: siting.options, result: quick.answer, elapsedMs: quick.elapsedMs, exact: { phase: 'running' } } });
      return true;
    },
    sitingExactAnswered: (run, answer) => {
      const done = exactRunning(run);
      if (done) set({ siting: { ...done, exact: answer ? { phase: 'done', answer: answer.answer, elapsedMs: answer.elapsedMs } : { phase: 'cancelled' } } });
    },
    sitingFailed: (run, message) => {
      const failed = { phase: 'failed', message } as const;
      if (sitingOf(run)?.phase === 'running') set({ siting: failed });
      const done = exactRunning(run);
      if (done) set({ siting: { ...done, exact: failed } });
    },
    importStarted: () => {
      const importId = ++runs;
      set({ importState: { phase: 'reading', importId, done: 0, total: 1 } });
      return importId;
    },
    importProgressed: (importId, phase, done, total) => {
      const shown = importOf(importId);
      if (shown && shown.phase !== 'applying') set({ importState: { phase, importId, done, total } });
    },
    importChecked: (importId, result) => {
      const shown = importOf(importId);
      if (shown && shown.phase !== 'applying') set({ importState: { phase: 'checked', result } });
    },
    importShared: (importId, shares) => {
      const shown = get().importState;
      if (shares && shown.phase === 'checked' && shown.result.importId === importId) set({ importState: { ...shown, shares } });
    },
    importApplying: () => {
      const shown = get().importState;
      if (shown.phase !== 'checked') return undefined;
      set({ importState: { phase: 'applying', importId: shown.result.importId, result: shown.result } });
      return shown.result;
    },
    importTaken: (validOnly, paths) => {
      const shown = get().importState;
      const taken = shown.phase === 'applying' ? { phase: 'done' as const, files: shown.result.files, validOnly, dropped: validOnly ? (shown.result.validOnly?.dropped ?? 0) : 0 } : shown;
      set({ importState: taken, importedFiles: paths });
    },
    importFailed: (importId, message) => {
      if (importOf(importId)) set({ importState: { phase: 'failed', message } });
    },
    importDropped: () => {
      const shown = get().importState;
      set({ importState: { phase: 'idle' } });
      return shown.phase === 'checked' ? shown.result.importId : undefined;
    },
    importsForgotten: () => set({ importState: { phase: 'idle' }, importedFiles: [] }),
  };
}
