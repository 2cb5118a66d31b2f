// Keeps the URL's hash in step with the view (replaceState: no history entry per pan), and
// applies the hash of the link the app was opened with.
import { toDay } from '../domain/progress/days.ts';
import { useAppStore, type AppState } from './store.ts';
import { resolveSelection, viewFromHash, viewToHash, type View } from './url-state.ts';

const WRITE_DELAY_MS = 250;

function applyBeforeData(view: View): void {
  const patch: Partial<AppState> = {};
  if (view.lang) patch.lang = view.lang;
  if (view.camera) patch.camera = view.camera;
  if (view.mode) patch.scenarioMode = view.mode;
  if (view.layers) patch.layers = view.layers;
  if (view.metric) patch.choroplethMetric = view.metric;
  if (view.tab) patch.sidebarTab = view.tab;
  if (view.gapFilter) patch.gapFilter = view.gapFilter;
  if (view.gapSort) patch.gapSort = view.gapSort;
  // Before the data: the first figures are already the partner's own network's.
  if (view.network) patch.network = view.network;
  useAppStore.setState(patch);
}

/** The as-of day and the selection need the data: its dates bound the day, its ids the selection. */
function applyWithData(view: View): void {
  const state = useAppStore.getState();
  const { dataset } = state;
  if (!dataset) return;
  if (view.asOf) {
    // Within the data's dates, as the time bar would keep it.
    const day = toDay(view.asOf);
    if (day >= dataset.days.firstDay && day <= dataset.days.lastDay) state.asOfChosen(view.asOf);
  }
  if (view.selected) {
    const found = resolveSelection(dataset, view.selected);
    if (found?.point !== undefined) state.pointSelected(found.point);
    if (found?.tower !== undefined) state.towerSelected(found.tower);
  }
}

/** Reads the opening link, then writes the hash as the view changes; returns the unsubscribe. */
export function startUrlSync(): () => void {
  const opened = viewFromHash(window.location.hash);
  applyBeforeData(opened);
  let pending: View | undefined = opened;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last = '';
  const write = () => {
    timer = undefined;
    const hash = viewToHash(useAppStore.getState());
    if (hash === last) return;
    last = hash;
    window.history.replaceState(window.history.state, '', `#${hash}`);
  };
  const unsubscribe = useAppStore.subscribe((state, previous) => {
    if (pending && state.dataset && state.dataset !== previous.dataset) {
      const view = pending;
      pending = undefined;
      applyWithData(view);
    }
    // Until the opening link is applied, its hash stays as it came.
    if (pending) return;
    clearTimeout(timer);
    timer = setTimeout(write, WRITE_DELAY_MS);
  });
  return () => {
    clearTimeout(timer);
    unsubscribe();
  };
}
