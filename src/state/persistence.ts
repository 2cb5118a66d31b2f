// Keeps the plan and the gap statuses on this device (IndexedDB): restored when the data
// loads, the plan saved a moment after each change, the statuses at once. A saved copy that
// cannot be read is never overwritten by autosave. Tabs and windows on one browser profile
// never overwrite each other unseen: each save is made on the revision this tab took, and
// another tab's save in between stops autosave with a 'conflict' that keeps both versions
// until the user keeps one (`keepMine*` / `keepTheirs*`). A tab with nothing unsaved takes
// another tab's save as soon as it is told of it.
import { problemText } from '../domain/messages/problems.ts';
import { failureProblem } from '../io/db.ts';
import { EMPTY_PLAN } from '../domain/plan/plan.ts';
import type { DatasetView } from '../domain/points/dataset-view.ts';
import { openNotices, type Notices, type SaveNotice } from '../io/notices.ts';
import { isConflict, PlanStore } from '../io/plan-store.ts';
import { GapStatusStore } from '../io/status-store.ts';
import { loadAuthor, saveAuthor } from '../io/author-store.ts';
import { useAppStore, type AppState } from './store.ts';

/** A store failure in the user's language. */
const said = (failed: { reason: string; message: string }, what: 'plan' | 'statuses'): string =>
  problemText(failureProblem(failed, what), useAppStore.getState().lang);

const SAVE_DELAY_MS = 400;


let plans: PlanStore | undefined;
let gaps: GapStatusStore | undefined;
let gapsRestored: Promise<void> = Promise.resolve();
let timer: ReturnType<typeof setTimeout> | undefined;
/** Plan saves started and not answered yet. */
let savesInFlight = 0;
let gapSavesInFlight = 0;
// While a dataset's saved plan is being read (another tab's save is then not taken twice).
let restoring: DatasetView | undefined;
// Set while a stored version is put into the store: that is not an edit to save.
let applying = false;
let gapsApplying = false;
/** The revision the user saw in the last conflict: "keep mine" is saved over that one only. */
let conflictBase = 0;

async function save(choice: { replaceUnreadable?: boolean; base?: number } = {}, from: AppState = useAppStore.getState()): Promise<void> {
  const { dataset, plan } = from;
  const { saveStateChanged } = useAppStore.getState();
  const store = plans;
  if (!dataset || !store) return;
  saveStateChanged({ phase: 'saving' });
  savesInFlight++;
  let result;
  try {
    result = await store.save(dataset.key, plan, choice);
  } finally {
    savesInFlight--;
  }
  if (useAppStore.getState().dataset !== dataset) return;
  if (result.ok) {
    // A later edit still waiting for its save: "saved" would stand for an older plan.
    if (timer === undefined && savesInFlight === 0) saveStateChanged({ phase: 'saved', savedAt: result.savedAt });
  } else if (isConflict(result)) {
    clearTimeout(timer);
    timer = undefined;
    conflictBase = result.theirs.revision;
    saveStateChanged({ phase: 'conflict', savedAt: result.theirs.savedAt });
  } else if (result.reason === 'unreadable') saveStateChanged({ phase: 'unreadable', message: said(result, 'plan') });
  else saveStateChanged({ phase: 'failed', message: said(result, 'plan') });
}

/** The user chose to replace a saved plan that could not be read. */
export function forceSave(): Promise<void> {
  clearTimeout(timer);
  timer = undefined;
  return save({ replaceUnreadable: true });
}

/** After a conflict: this tab's plan replaces the one the other tab saved (and shown to the user). */
export function keepMine(): Promise<void> {
  clearTimeout(timer);
  timer = undefined;
  return save({ base: conflictBase });
}

/** After a conflict: the saved plan (the other tab's, or newer still) replaces this tab's. */
export function keepTheirs(): Promise<void> {
  clearTimeout(timer);
  timer = undefined;
  const { dataset } = useAppStore.getState();
  return dataset ? restore(dataset, 'theirs') : Promise.resolve();
}

/**
 * Reads the dataset's saved plan and takes it: 'open', when the data loads (into an
 * untouched plan: edits made while reading win, and are then saved as made on nothing);
 * 'other-tab', told of another tab's save (only if the plan did not change meanwhile);
 * 'theirs', the user's choice in a conflict.
 */
async function restore(dataset: DatasetView, mode: 'open' | 'other-tab' | 'theirs'): Promise<void> {
  const store = plans;
  if (!store) return;
  restoring = dataset;
  const untouched = mode === 'open' ? EMPTY_PLAN : useAppStore.getState().plan;
  let taken = false;
  let applied = false;
  try {
    const key = dataset.key;
    const result = await store.load(key, (found) => {
      const state = useAppStore.getState();
      if (state.dataset !== dataset || (mode !== 'theirs' && state.plan !== untouched)) return false;
      // Told late of a save this tab has already taken: nothing new (and the undo history stays).
      const known = mode === 'other-tab' && found.status === 'loaded' && found.revision === store.revisionOf(key);
      if (!known && (found.status === 'loaded' || mode === 'theirs')) {
        applying = true;
        try {
          state.planRestored(found.status === 'loaded' ? found.plan : EMPTY_PLAN);
          applied = true;
        } finally {
          applying = false;
        }
      }
      taken = true;
      return true;
    });
    const state = useAppStore.getState();
    if (state.dataset !== dataset) return;
    if (result.status === 'unreadable') {
      if (mode === 'open' || mode === 'theirs') state.saveStateChanged({ phase: 'unreadable', message: result.reason });
    } else if (!taken) {
      // Edits made while reading: their own save says how it went.
    } else if (result.status === 'loaded') {
      if (applied) state.saveStateChanged({ phase: 'saved', savedAt: result.savedAt, restored: true, ...(mode === 'other-tab' ? { fromOtherTab: true } : {}) });
    } else {
      // Nothing saved for this dataset: drop the previous dataset's state (an 'unreadable'
      // one would stop this dataset's autosave).
      state.saveStateChanged({ phase: 'idle' });
    }
  } finally {
    // Not when a newer restore (another dataset) has set it.
    if (restoring === dataset) restoring = undefined;
  }
}

/**
 * Reads the saved register and merges it into this tab's: histories merge without loss, so
 * another tab's changes are taken whatever this tab holds. When this tab holds changes the
 * saved copy lacks, the merge is saved at once.
 */
async function restoreGaps(): Promise<void> {
  const store = gaps;
  if (!store) return;
  let missing = false;
  const result = await store.load((found) => {
    const state = useAppStore.getState();
    if (found.status === 'loaded') {
      gapsApplying = true;
      try {
        state.gapHistoryMerged(found.history);
      } finally {
        gapsApplying = false;
      }
    }
    const stored = found.status === 'loaded' ? found.history.events.size : 0;
    missing = useAppStore.getState().gapHistory.events.size > stored;
    return true;
  });
  const state = useAppStore.getState();
  if (result.status === 'unreadable') state.gapStatusesSavedChanged({ phase: 'unreadable', message: result.reason });
  else if (missing) await saveGaps();
  else if (result.status === 'loaded') state.gapStatusesSavedChanged({ phase: 'saved' });
}

/** Merges before saving again on another tab's save: a few rounds settle any race between tabs. */
const GAP_SAVE_ROUNDS = 5;

async function saveGaps(): Promise<void> {
  const store = gaps;
  if (!store) return;
  gapSavesInFlight++;
  let result;
  try {
    for (let round = 0; round < GAP_SAVE_ROUNDS; round++) {
      result = await store.save(useAppStore.getState().gapHistory);
      if (!isConflict(result)) break;
      // Another tab saved since this one read: take its changes (nothing is lost), then save the union on its revision.
      const theirs = result.theirs;
      gapsApplying = true;
      try {
        useAppStore.getState().gapHistoryMerged(theirs.value);
      } finally {
        gapsApplying = false;
      }
      store.adopt(theirs.revision);
    }
  } finally {
    gapSavesInFlight--;
  }
  const { gapStatusesSavedChanged } = useAppStore.getState();
  if (!result) return;
  if (result.ok) gapStatusesSavedChanged({ phase: 'saved' });
  else if (isConflict(result)) gapStatusesSavedChanged({ phase: 'failed', message: said({ reason: 'conflict', message: '' }, 'statuses') });
  else if (result.reason === 'unreadable') gapStatusesSavedChanged({ phase: 'unreadable', message: said(result, 'statuses') });
  else gapStatusesSavedChanged({ phase: 'failed', message: said(result, 'statuses') });
}

/** Another tab saved: a tab with nothing unsaved takes it; otherwise its next save conflicts. */
function otherTabSaved(notice: SaveNotice): void {
  const state = useAppStore.getState();
  const clean = (phase: string) => phase === 'saved' || phase === 'idle';
  if (notice.store === 'gaps') {
    // Merging loses nothing, so even a tab with unsaved changes takes the other's at once.
    if (!gaps || notice.revision <= gaps.revision || gapSavesInFlight > 0 || state.gapStatusesSaved.phase === 'unreadable') return;
    void restoreGaps();
    return;
  }
  const { dataset } = state;
  if (!plans || !dataset || notice.key !== dataset.key || notice.revision <= plans.revisionOf(notice.key)) return;
  if (timer !== undefined || savesInFlight > 0 || restoring !== undefined || !clean(state.saveState.phase)) return;
  void restore(dataset, 'other-tab');
}

/** Resolves once the register saved on this device is in the store (live sync starts after it). */
export function whenGapsRestored(): Promise<void> {
  return gapsRestored;
}

/** Wires the store to the device's storage; returns the unsubscribe. */
export function startPersistence(): () => void {
  const notices: Notices = openNotices();
  plans = new PlanStore({ notices });
  gaps = new GapStatusStore({ notices });
  const unlisten = notices.listen(otherTabSaved);
  gapsRestored = restoreGaps().catch(() => undefined);
  let authorLoaded = false;
  void loadAuthor().then((author) => {
    if (author) useAppStore.getState().gapAuthorChanged(author);
    authorLoaded = true;
  });
  const unsubscribeAuthor = useAppStore.subscribe((state, previous) => {
    if (authorLoaded && state.gapAuthor !== previous.gapAuthor) void saveAuthor(state.gapAuthor);
  });
  const unsubscribeGaps = useAppStore.subscribe((state, previous) => {
    if (state.gapHistory === previous.gapHistory || gapsApplying) return;
    // Never over a saved copy that could not be read: the user is told instead.
    if (state.gapStatusesSaved.phase === 'unreadable') return;
    void saveGaps();
  });
  const unsubscribe = useAppStore.subscribe((state, previous) => {
    if (state.dataset && state.dataset !== previous.dataset) {
      // An edit still waiting for its save belongs to the data before: save it there first.
      if (timer !== undefined && previous.dataset) {
        clearTimeout(timer);
        timer = undefined;
        void save({}, previous);
      }
      void restore(state.dataset, 'open');
      return;
    }
    if (state.plan === previous.plan || !state.dataset || applying) return;
    if (state.saveState.phase === 'unreadable' || state.saveState.phase === 'conflict') return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      void save();
    }, SAVE_DELAY_MS);
    // Said at once, not when the write starts: "saved" must never stand for an older plan.
    if (state.saveState.phase !== 'saving') state.saveStateChanged({ phase: 'saving' });
  });
  // A reload or a closed tab within the delay would lose the last edit: write it now.
  const flush = () => {
    if (timer === undefined) return;
    clearTimeout(timer);
    timer = undefined;
    void save();
  };
  const onHidden = () => {
    if (document.visibilityState === 'hidden') flush();
  };
  const hasWindow = typeof window !== 'undefined';
  if (hasWindow) {
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onHidden);
  }
  return () => {
    clearTimeout(timer);
    timer = undefined;
    unsubscribe();
    unsubscribeGaps();
    unsubscribeAuthor();
    unlisten();
    notices.close();
    plans = undefined;
    gaps = undefined;
    if (hasWindow) {
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onHidden);
    }
  };
}
