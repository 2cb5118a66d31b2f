import { create } from 'zustand';
import { problemText } from '../domain/messages/problems.ts';
import type { Scenario } from '../domain/coverage/columns.ts';
import { EMPTY_PLAN, type PlanDoc } from '../domain/plan/plan.ts';
import type { Timeline } from '../domain/progress/timeline.ts';
import type { SitingRequest } from '../domain/siting/modes.ts';
import type { SitingDone, SitingProgress } from '../domain/siting/run.ts';
import type { DatasetView } from '../domain/points/dataset-view.ts';
import type { Issue, Metric, Tower } from '../domain/types.ts';
import type { Lang } from '../domain/lang.ts';
import type { GapFilter, GapSortKey, SortDirection } from '../domain/gaps/register.ts';
import type { GapView } from '../domain/gaps/view.ts';
import { applyStatusChange, EMPTY_STATUSES, type GapStatusChange, type GapStatuses } from '../domain/gaps/status.ts';
import { EMPTY_HISTORY, mergeHistories, recordChange, type GapHistory, type Role } from '../domain/gaps/history.ts';
import { toStatuses } from '../domain/gaps/history-v1.ts';
import { randomEventId } from '../domain/gaps/event-id.ts';
import { registerText } from '../domain/messages/register.ts';
import { operatorOfOrganisation } from '../domain/gaps/network.ts';
import type { SyncSettings } from '../io/sync-store.ts';
import { SYNC_OFF, type LiveSyncState } from './sync.ts';
import type { StagedFile } from '../domain/import/staging.ts';
import type { CoverageResult, NetworkFigures, PlanCoverage, RadiusFigures, TowerChanges } from '../domain/coverage/answer.ts';
import type { ImportChecked } from '../worker/import-session.ts';
import type { GoodShares } from '../domain/import/impact.ts';
import { patchSlots } from '../worker/tower-slots.ts';
import { runActions, type RunsSlice } from './runs.ts';

/** Who signs the register's changes made on this device. */
export interface GapAuthor {
  by: string;
  org: string;
  role: Role;
}

export const DEFAULT_AUTHOR: GapAuthor = { by: '', org: 'Sở TT&TT Cà Mau', role: 'province' };

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
  | { phase: 'checked'; result: ImportChecked; shares?: GoodShares }
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
  | { phase: 'running'; options: SitingRequest; progress?: SitingProgress }
  | { phase: 'cancelled' }
  /** The greedy answer at once; `exact`: HiGHS's, as it comes (domain/siting/run.ts). */
  | SitingDone
  | { phase: 'failed'; message: string };

// Enough for a working session; the oldest steps drop off.
const HISTORY_LIMIT = 200;

export type CoverageState =
  | { phase: 'idle' }
  | { phase: 'computing'; since: number }
  | { phase: 'ready' }
  | { phase: 'failed'; message: string };

/** `RunsSlice` (runs.ts): the load, siting runs and import checks as the engine answers them. */
export interface AppState extends RunsSlice {
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
  /** The gap register: every status change as an event (gaps/history.ts); merged, never replaced. */
  gapHistory: GapHistory;
  /** Where each gap stands, as the history's winning lines (`toStatuses(gapHistory)`), set with it. */
  gapStatuses: GapStatuses;
  /** Who records changes on this device (saved on it): the person, the organisation and its role. */
  gapAuthor: GapAuthor;
  /** The register's rows shown, from the worker (domain/gaps/view.ts); undefined until the first. */
  gapView: GapView | undefined;
  /** 'unreadable': the saved statuses could not be read; they are kept, and not saved over. */
  gapStatusesSaved: { phase: 'idle' | 'saved' } | { phase: 'failed' | 'unreadable'; message: string };
  /** Live sync's server and token (saved on the device); undefined: the register stays on this device. */
  syncSettings: SyncSettings | undefined;
  liveSync: LiveSyncState;
  /** The one operator whose towers every figure counts (contract rule 9); undefined: all together. */
  network: string | undefined;
  /** Good signal in every network side by side, for the scenario on screen. */
  networkFigures: NetworkFigures | undefined;
  networkChosen: (network: string | undefined) => void;
  /** The figures of result `requestId`, kept only while that result is on screen. */
  networkFiguresComputed: (requestId: number, figures: NetworkFigures) => void;
  languageToggled: () => void;
  layerToggled: (layer: LayerId) => void;
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
  /** The register as stored on this device (it replaces this tab's only when nothing would be lost: see persistence). */
  gapHistoryRestored: (history: GapHistory) => void;
  /** Another register (a file, another tab, the sync server) merged into this one: the union of their changes. */
  gapHistoryMerged: (history: GapHistory) => void;
  /** Records one change to a gap, signed by `gapAuthor`; the reason when the workflow refuses it. */
  gapStatusApplied: (change: GapStatusChange & { due?: string }) => string | undefined;
  gapAuthorChanged: (author: GapAuthor) => void;
  gapViewComputed: (view: GapView) => void;
  gapStatusesSavedChanged: (state: AppState['gapStatusesSaved']) => void;
  /** The user set (or cleared) live sync's server and token. */
  syncSettingsChanged: (settings: SyncSettings | undefined) => void;
  liveSyncChanged: (state: LiveSyncState) => void;
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
  gapHistory: EMPTY_HISTORY,
  gapStatuses: EMPTY_STATUSES,
  gapAuthor: DEFAULT_AUTHOR,
  gapView: undefined,
  gapStatusesSaved: { phase: 'idle' },
  syncSettings: undefined,
  liveSync: SYNC_OFF,
  network: undefined,
  networkFigures: undefined,
  ...runActions(set, get),
  networkChosen: (network) => set({ network }),
  networkFiguresComputed: (requestId, networkFigures) => get().coverage?.requestId === requestId && set({ networkFigures }),
  languageToggled: () => set((s) => ({ lang: s.lang === 'vi' ? 'en' : 'vi' })),
  layerToggled: (layer) => set((s) => ({ layers: { ...s.layers, [layer]: !s.layers[layer] } })),
  datasetLoaded: (dataset, issues, asOf) =>
    set({
      dataset,
      issues,
      timeline: undefined,
      asOf,
      load: { phase: 'ready' },
      towers: dataset.towers,
      coverage: undefined,
      gapView: undefined,
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
  gapHistoryRestored: (gapHistory) => set({ gapHistory, gapStatuses: toStatuses(gapHistory) }),
  gapHistoryMerged: (incoming) => {
    const gapHistory = mergeHistories(get().gapHistory, incoming);
    if (gapHistory !== get().gapHistory) set({ gapHistory, gapStatuses: toStatuses(gapHistory) });
  },
  gapViewComputed: (gapView) => set({ gapView }),
  gapStatusApplied: (change) => {
    const { gapHistory, gapStatuses, gapAuthor, lang } = get();
    // The workflow's own words first (the status panel's messages), then the register's checks.
    const step = applyStatusChange(gapStatuses, change);
    if (!step.ok) return problemText(step.why, lang);
    const by = gapAuthor.by.trim();
    const result = recordChange(gapHistory, { ...change, ...(by ? { by } : {}), org: gapAuthor.org, role: gapAuthor.role }, randomEventId());
    if (!result.ok) return registerText(result.issue, lang);
    set({ gapHistory: result.history, gapStatuses: toStatuses(result.history) });
    return undefined;
  },
  // A partner's register starts on its own network ("my network"); the user may widen it again.
  gapAuthorChanged: (gapAuthor) =>
    set((s) => {
      if (gapAuthor.org === s.gapAuthor.org && gapAuthor.role === s.gapAuthor.role) return { gapAuthor };
      const operator = gapAuthor.role === 'partner' ? operatorOfOrganisation(gapAuthor.org) : undefined;
      const { inNetworkOf: _, ...rest } = s.gapFilter;
      return { gapAuthor, gapFilter: operator === undefined ? rest : { ...rest, inNetworkOf: operator } };
    }),
  syncSettingsChanged: (syncSettings) => set({ syncSettings }),
  liveSyncChanged: (liveSync) => set({ liveSync }),
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
