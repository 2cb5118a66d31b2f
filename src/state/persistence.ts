// Keeps the plan on this device (IndexedDB): restored when its dataset loads, saved a moment
// after each change. A saved plan that cannot be read is never overwritten by autosave.
import { EMPTY_PLAN } from '../domain/plan/plan.ts';
import { keyShape } from '../domain/points/dataset-view.ts';
import type { DatasetView } from '../domain/points/dataset-view.ts';

import { datasetKey, loadGapStatuses, loadPlan, saveGapStatuses, savePlan } from '../io/plan-store.ts';
import { useAppStore } from './store.ts';

const SAVE_DELAY_MS = 400;

const keys = new WeakMap<DatasetView, string>();
function keyOf(dataset: DatasetView): string {
  let key = keys.get(dataset);
  if (!key) {
    key = datasetKey(keyShape(dataset));
    keys.set(dataset, key);
  }
  return key;
}

let timer: ReturnType<typeof setTimeout> | undefined;
// While a dataset's saved plan is being read, its (empty) plan must not be saved over it.
let restoring: DatasetView | undefined;

async function save(replaceUnreadable: boolean, from = useAppStore.getState()): Promise<void> {
  const { dataset, plan } = from;
  const { saveStateChanged } = useAppStore.getState();
  if (!dataset) return;
  saveStateChanged({ phase: 'saving' });
  const result = await savePlan(keyOf(dataset), plan, { replaceUnreadable });
  if (useAppStore.getState().dataset !== dataset) return;
  if (result.ok) saveStateChanged({ phase: 'saved', savedAt: result.savedAt });
  else if (result.reason === 'unreadable') saveStateChanged({ phase: 'unreadable', message: result.message });
  else saveStateChanged({ phase: 'failed', message: result.message });
}

/** The user chose to replace a saved plan that could not be read. */
export function forceSave(): Promise<void> {
  clearTimeout(timer);
  return save(true);
}

async function restore(dataset: DatasetView): Promise<void> {
  restoring = dataset;
  try {
    const result = await loadPlan(keyOf(dataset));
    const state = useAppStore.getState();
    if (state.dataset !== dataset) return;
    if (result.status === 'loaded') {
      // Edits made while reading win: the saved plan only fills an untouched one. Still
      // `restoring` here: putting the saved plan back is not an edit to autosave.
      if (state.plan === EMPTY_PLAN) state.planRestored(result.plan);
      state.saveStateChanged({ phase: 'saved', savedAt: result.savedAt, restored: true });
    } else if (result.status === 'unreadable') {
      state.saveStateChanged({ phase: 'unreadable', message: result.reason });
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

/** The gap statuses: read once at start; each change is saved at once (they are small). */
async function restoreGaps(): Promise<void> {
  const result = await loadGapStatuses();
  const state = useAppStore.getState();
  if (result.status === 'loaded') {
    gapsRestoring = true;
    state.gapStatusesRestored(result.statuses);
    gapsRestoring = false;
    state.gapStatusesSavedChanged({ phase: 'saved' });
  } else if (result.status === 'unreadable') {
    state.gapStatusesSavedChanged({ phase: 'unreadable', message: result.reason });
  }
}

let gapsRestoring = false;

async function saveGaps(): Promise<void> {
  const { gapStatuses, gapStatusesSavedChanged } = useAppStore.getState();
  const result = await saveGapStatuses(gapStatuses);
  gapStatusesSavedChanged(result.ok ? { phase: 'saved' } : { phase: 'failed', message: result.message });
}

/** Wires the store to the device's storage; returns the unsubscribe. */
export function startPersistence(): () => void {
  void restoreGaps();
  const unsubscribeGaps = useAppStore.subscribe((state, previous) => {
    if (state.gapStatuses === previous.gapStatuses || gapsRestoring) return;
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
        void save(false, previous);
      }
      void restore(state.dataset);
      return;
    }
    if (state.plan === previous.plan || !state.dataset || restoring === state.dataset) return;
    if (state.saveState.phase === 'unreadable') return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      void save(false);
    }, SAVE_DELAY_MS);
    // Said at once, not when the write starts: "saved" must never stand for an older plan.
    if (state.saveState.phase !== 'saving') state.saveStateChanged({ phase: 'saving' });
  });
  // A reload or a closed tab within the delay would lose the last edit: write it now.
  const flush = () => {
    if (timer === undefined) return;
    clearTimeout(timer);
    timer = undefined;
    void save(false);
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
    if (hasWindow) {
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onHidden);
    }
  };
}
