import { create } from 'zustand';
import { problemText } from '../domain/messages/problems.ts';
import type { Scenario } from '../domain/coverage/columns.ts';
import { EMPTY_PLAN, type PlanDoc } from '../domain/plan/plan.ts';
import type { Timeline } from '../domain/progress/timeline.ts';
import type { SitingOptions, SitingResult } from '../domain/siting/siting.ts';
import type { DatasetView } from '../domain/points/dataset-view.ts';
import type { Issue, Metric, Tower } from '../domain/types.ts';
import type { Lang } from '../domain/lang.ts';
import type { GapFilter, GapSortKey, SortDirection } from '../domain/gaps/register.ts';
import { applyStatusChange, EMPTY_STATUSES, type GapStatusChange, type GapStatuses } from '../domain/gaps/status.ts';
import type { StagedFile } from '../domain/import/staging.ts';
import type { CoverageResult, ImportChecked, PlanCoverage, RadiusFigures } from '../worker/protocol.ts';
import { patchSlots, type TowerChanges } from '../worker/tower-slots.ts';

export type LayerId = 'hamlets' | 'schools' | 'towers' | 'towerRadius' | 'choropleth' | 'evidence';

export type LoadState =
  | { phase: 'loading'; done: number; total: number }
  | { phase: 'ready' }
  | { phase: 'failed'; reason: string };

/** What the map's points and towers show: the as-of date, or a fixed scenario. */
export type ScenarioMode = 'asOf' | 'current' | 'planned';

/** An area the map should frame; `nonce` makes a second click on the same area count. */
export interface MapFocus {
  bbox: [number, number, number, number];
  nonce: number;
}

export type EditMode = 'browse' | 'add';

/** Where the map looks: kept in the store so that a shared link can restore it. */
export interface Camera {
  lon: number;
  lat: number;
  zoom: number;
}

export type SidebarTab = 'map' | 'plan';

/** Where an import stands: nothing changes in the loaded data before 'done'. */
export type ImportState =
  | { phase: 'idle' }
  | { phase: 'reading' | 'checking'; importId: number; done: number; total: number }
  | { phase: 'checked'; result: ImportChecked }
  | { phase: 'applying'; importId: number; result: ImportChecked }
  | { phase: 'done'; files: StagedFile[]; validOnly: boolean; dropped: number }
  | { phase: 'failed'; message: string };

/** Where the saved plan stands (IndexedDB). */
export type SaveState =
  | { phase: 'idle' }
  | { phase: 'saving' }
  | { phase: 'saved'; savedAt: string; restored?: boolean; fromOtherTab?: boolean }
  | { phase: 'failed'; message: string }
  /** A saved plan that could not be read: kept untouched, and not autosaved over. */
  | { phase: 'unreadable'; message: string }
  /** Another tab saved the plan (at `savedAt`) since this one read it: both kept, not autosaved. */
  | { phase: 'conflict'; savedAt: string };

export type SitingState =
  | { phase: 'idle' }
  | { phase: 'running'; options: SitingOptions }
  | { phase: 'done'; options: SitingOptions; result: SitingResult; elapsedMs: number }
  | { phase: 'failed'; message: string };

// Enough for a working session; the oldest steps drop off.
const HISTORY_LIMIT = 200;

export type CoverageState =
  | { phase: 'idle' }
  | { phase: 'computing'; since: number }
  | { phase: 'ready' }
  | { phase: 'failed'; message: string };

export interface AppState {
  lang: Lang;
  /** The data on screen; replaced only by a load that succeeded, so a bad file never loses it. */
  dataset: DatasetView | undefined;
  issues: Issue[];
  load: LoadState;
  layers: Record<LayerId, boolean>;
  /** The programme's figures through time, built by the worker just after the first coverage. */
  timeline: Timeline | undefined;
  /** The day every figure, card and chart is read at (ISO YYYY-MM-DD). */
  asOf: string;
  scenarioMode: ScenarioMode;
  choroplethMetric: Metric;
  focus: MapFocus | undefined;
  /**
   * The towers as the worker's answers leave them (plan applied), by slot: what every tower
   * index of `coverage` refers to (worker/tower-slots.ts); empty where the plan removed one.
   */
  towers: readonly (Tower | undefined)[];
  /** The worker's latest answer; it may be for an older scenario while a newer one computes. */
  coverage: CoverageResult | undefined;
  coverageState: CoverageState;
  /** Figures with every radius scaled by 0.75, 1 and 1.25, for the result with this requestId (it follows the result). */
  radiusRange: { requestId: number; ranges: RadiusFigures[] } | undefined;
  /** Index of the chosen point: hamlets first, then schools. */
  selectedPoint: number | undefined;
  /** The user's changes over the loaded towers, with undo and redo. */
  plan: PlanDoc;
  planPast: PlanDoc[];
  planFuture: PlanDoc[];
  /** A plan on screen but not yet an undo step: a tower being dragged. */
  planPreview: PlanDoc | undefined;
  editMode: EditMode;
  selectedTower: string | undefined;
  saveState: SaveState;
  siting: SitingState;
  /** Set by the map when it stops moving, or by a shared link before the map opens. */
  camera: Camera | undefined;
  sidebarTab: SidebarTab;
  importState: ImportState;
  /** The data set's files that imports replaced (saved on this device), if any. */
  importedFiles: string[];
  /** The gap register's filters and order (shared links carry them). */
  gapFilter: GapFilter;
  gapSort: { key: GapSortKey; direction: SortDirection };
  /** Where each gap stands (open → assigned → in progress → resolved, or disputed), with its history. */
  gapStatuses: GapStatuses;
  /** 'unreadable': the saved statuses could not be read; they are kept, and not saved over. */
  gapStatusesSaved: { phase: 'idle' | 'saved' } | { phase: 'failed' | 'unreadable'; message: string } | { phase: 'conflict'; savedAt: string };
  languageToggled: () => void;
  layerToggled: (layer: LayerId) => void;
  loadProgressed: (done: number, total: number) => void;
  datasetLoaded: (dataset: DatasetView, issues: Issue[], asOf: string) => void;
  datasetRejected: (reason: string, issues: Issue[]) => void;
  scenarioModeChosen: (mode: ScenarioMode) => void;
  asOfChosen: (asOf: string) => void;
  choroplethMetricChosen: (metric: Metric) => void;
  areaFocused: (bbox: [number, number, number, number]) => void;
  coverageRequested: () => void;
  towersPatched: (changes: TowerChanges) => void;
  coverageComputed: (result: CoverageResult) => void;
  /** The quick answer to a plan edit, laid over the last full one of its scenario (whose baseline it keeps). */
  planCoverageComputed: (answer: PlanCoverage) => void;
  /** The radius range of the result on screen (it follows the result). */
  radiusRangeComputed: (requestId: number, ranges: RadiusFigures[]) => void;
  coverageFailed: (message: string) => void;
  timelineRebuilt: (timeline: Timeline) => void;
  pointSelected: (index: number | undefined) => void;
  planEdited: (next: PlanDoc) => void;
  planPreviewed: (preview: PlanDoc | undefined) => void;
  planUndone: () => void;
  planRedone: () => void;
  planRestored: (plan: PlanDoc) => void;
  editModeChosen: (mode: EditMode) => void;
  towerSelected: (id: string | undefined) => void;
  saveStateChanged: (state: SaveState) => void;
  sitingChanged: (state: SitingState) => void;
  cameraMoved: (camera: Camera) => void;
  sidebarTabChosen: (tab: SidebarTab) => void;
  importChanged: (state: ImportState) => void;
  importedFilesChanged: (paths: string[]) => void;
  gapFilterChanged: (filter: GapFilter) => void;
  gapSortChosen: (key: GapSortKey) => void;
  gapStatusesRestored: (statuses: GapStatuses) => void;
  /** Applies one change to a gap; the reason when the workflow refuses it. */
  gapStatusApplied: (change: GapStatusChange) => string | undefined;
  gapStatusesSavedChanged: (state: AppState['gapStatusesSaved']) => void;
}

export const useAppStore = create<AppState>()((set, get) => ({
  lang: 'vi',
  dataset: undefined,
  issues: [],
  load: { phase: 'loading', done: 0, total: 0 },
  layers: { hamlets: true, schools: true, towers: true, towerRadius: true, choropleth: true, evidence: false },
  timeline: undefined,
  asOf: '2021-10-15',
  scenarioMode: 'asOf',
  choroplethMetric: 'hamlets_good_pct',
  focus: undefined,
  towers: [],
  coverage: undefined,
  coverageState: { phase: 'idle' },
  radiusRange: undefined,
  selectedPoint: undefined,
  plan: EMPTY_PLAN,
  planPast: [],
  planFuture: [],
  planPreview: undefined,
  editMode: 'browse',
  selectedTower: undefined,
  saveState: { phase: 'idle' },
  siting: { phase: 'idle' },
  camera: undefined,
  sidebarTab: 'map',
  importState: { phase: 'idle' },
  importedFiles: [],
  gapFilter: {},
  gapSort: { key: 'weight', direction: 'desc' },
  gapStatuses: EMPTY_STATUSES,
  gapStatusesSaved: { phase: 'idle' },
  languageToggled: () => set((s) => ({ lang: s.lang === 'vi' ? 'en' : 'vi' })),
  layerToggled: (layer) => set((s) => ({ layers: { ...s.layers, [layer]: !s.layers[layer] } })),
  loadProgressed: (done, total) => set({ load: { phase: 'loading', done, total } }),
  datasetLoaded: (dataset, issues, asOf) =>
    set({
      dataset,
      issues,
      timeline: undefined,
      asOf,
      load: { phase: 'ready' },
      towers: dataset.towers,
      coverage: undefined,
      selectedPoint: undefined,
      // An area of the data before: the new map opens on its own extent.
      focus: undefined,
      // A plan belongs to the data it was made on: the store restores the saved one, if any.
      plan: EMPTY_PLAN,
      planPast: [],
      planFuture: [],
      planPreview: undefined,
      selectedTower: undefined,
      siting: { phase: 'idle' },
    }),
  datasetRejected: (reason, issues) => set({ issues, load: { phase: 'failed', reason } }),
  scenarioModeChosen: (scenarioMode) => set({ scenarioMode }),
  asOfChosen: (asOf) => set({ asOf }),
  choroplethMetricChosen: (choroplethMetric) => set({ choroplethMetric }),
  areaFocused: (bbox) => set((s) => ({ focus: { bbox, nonce: (s.focus?.nonce ?? 0) + 1 } })),
  coverageRequested: () => set({ coverageState: { phase: 'computing', since: Date.now() } }),
  towersPatched: (changes) => set((s) => ({ towers: patchSlots(s.towers, changes) })),
  coverageComputed: (coverage) => set({ coverage, coverageState: { phase: 'ready' } }),
  // Only over a full answer of the same scenario: its baseline is the plan's "before" there
  // (for another scenario the full answer that follows the edit brings its own).
  planCoverageComputed: ({ changed: _, ...quick }) =>
    set((s) => (s.coverage?.scenario === quick.scenario ? { coverage: { ...s.coverage, ...quick } } : {})),
  radiusRangeComputed: (requestId, ranges) => set({ radiusRange: { requestId, ranges } }),
  coverageFailed: (message) => set({ coverageState: { phase: 'failed', message } }),
  timelineRebuilt: (timeline) => set({ timeline }),
  pointSelected: (selectedPoint) => set({ selectedPoint }),
  planEdited: (next) =>
    set((s) =>
      next === s.plan
        ? { planPreview: undefined }
        : { plan: next, planPast: [...s.planPast, s.plan].slice(-HISTORY_LIMIT), planFuture: [], planPreview: undefined },
    ),
  planPreviewed: (planPreview) => set({ planPreview }),
  planUndone: () =>
    set((s) => {
      const previous = s.planPast[s.planPast.length - 1];
      if (!previous) return {};
      return { plan: previous, planPast: s.planPast.slice(0, -1), planFuture: [s.plan, ...s.planFuture], planPreview: undefined };
    }),
  planRedone: () =>
    set((s) => {
      const [next, ...rest] = s.planFuture;
      if (!next) return {};
      return { plan: next, planPast: [...s.planPast, s.plan], planFuture: rest, planPreview: undefined };
    }),
  planRestored: (plan) => set({ plan, planPast: [], planFuture: [], planPreview: undefined }),
  editModeChosen: (editMode) => set({ editMode }),
  towerSelected: (selectedTower) => set({ selectedTower }),
  saveStateChanged: (saveState) => set({ saveState }),
  sitingChanged: (siting) => set({ siting }),
  cameraMoved: (camera) => set({ camera }),
  sidebarTabChosen: (sidebarTab) => set({ sidebarTab }),
  importChanged: (importState) => set({ importState }),
  importedFilesChanged: (importedFiles) => set({ importedFiles }),
  gapFilterChanged: (gapFilter) => set({ gapFilter }),
  gapStatusesRestored: (gapStatuses) => set({ gapStatuses }),
  gapStatusApplied: (change) => {
    const result = applyStatusChange(get().gapStatuses, change);
    if (!result.ok) return problemText(result.why, get().lang);
    set({ gapStatuses: result.statuses });
    return undefined;
  },
  gapStatusesSavedChanged: (gapStatusesSaved) => set({ gapStatusesSaved }),
  gapSortChosen: (key) =>
    set((s) => ({
      gapSort: { key, direction: s.gapSort.key === key && s.gapSort.direction === 'asc' ? 'desc' : 'asc' },
    })),
}));

/** The scenario the map and the worker's coverage follow. */
export function scenarioOf(state: Pick<AppState, 'scenarioMode' | 'asOf'>): Scenario {
  return state.scenarioMode === 'asOf' ? state.asOf : state.scenarioMode;
}
