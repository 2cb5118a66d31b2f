import { create } from 'zustand';
import type { Scenario } from '../domain/coverage/columns.ts';
import type { Timeline } from '../domain/progress/timeline.ts';
import type { Dataset, Issue, Metric } from '../domain/types.ts';
import type { Lang } from '../ui/i18n.ts';
import type { CoverageResult } from '../worker/protocol.ts';

export type LayerId = 'hamlets' | 'schools' | 'towers' | 'towerRadius' | 'choropleth';

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

export type CoverageState =
  | { phase: 'idle' }
  | { phase: 'computing'; since: number }
  | { phase: 'ready' }
  | { phase: 'failed'; message: string };

export interface AppState {
  lang: Lang;
  /** The data on screen; replaced only by a load that succeeded, so a bad file never loses it. */
  dataset: Dataset | undefined;
  issues: Issue[];
  load: LoadState;
  layers: Record<LayerId, boolean>;
  /** The programme's figures through time, built by the worker with the dataset. */
  timeline: Timeline | undefined;
  /** The day every figure, card and chart is read at (ISO YYYY-MM-DD). */
  asOf: string;
  scenarioMode: ScenarioMode;
  choroplethMetric: Metric;
  focus: MapFocus | undefined;
  /** The worker's latest answer; it may be for an older scenario while a newer one computes. */
  coverage: CoverageResult | undefined;
  coverageState: CoverageState;
  /** Index of the chosen point: hamlets first, then schools. */
  selectedPoint: number | undefined;
  languageToggled: () => void;
  layerToggled: (layer: LayerId) => void;
  loadProgressed: (done: number, total: number) => void;
  datasetLoaded: (dataset: Dataset, issues: Issue[], timeline: Timeline, asOf: string) => void;
  datasetRejected: (reason: string, issues: Issue[]) => void;
  scenarioModeChosen: (mode: ScenarioMode) => void;
  asOfChosen: (asOf: string) => void;
  choroplethMetricChosen: (metric: Metric) => void;
  areaFocused: (bbox: [number, number, number, number]) => void;
  coverageRequested: () => void;
  coverageComputed: (result: CoverageResult) => void;
  coverageFailed: (message: string) => void;
  pointSelected: (index: number | undefined) => void;
}

export const useAppStore = create<AppState>()((set) => ({
  lang: 'vi',
  dataset: undefined,
  issues: [],
  load: { phase: 'loading', done: 0, total: 0 },
  layers: { hamlets: true, schools: true, towers: true, towerRadius: true, choropleth: true },
  timeline: undefined,
  asOf: '2021-10-15',
  scenarioMode: 'asOf',
  choroplethMetric: 'hamlets_good_pct',
  focus: undefined,
  coverage: undefined,
  coverageState: { phase: 'idle' },
  selectedPoint: undefined,
  languageToggled: () => set((s) => ({ lang: s.lang === 'vi' ? 'en' : 'vi' })),
  layerToggled: (layer) => set((s) => ({ layers: { ...s.layers, [layer]: !s.layers[layer] } })),
  loadProgressed: (done, total) => set({ load: { phase: 'loading', done, total } }),
  datasetLoaded: (dataset, issues, timeline, asOf) =>
    set({ dataset, issues, timeline, asOf, load: { phase: 'ready' }, coverage: undefined, selectedPoint: undefined }),
  datasetRejected: (reason, issues) => set({ issues, load: { phase: 'failed', reason } }),
  scenarioModeChosen: (scenarioMode) => set({ scenarioMode }),
  asOfChosen: (asOf) => set({ asOf }),
  choroplethMetricChosen: (choroplethMetric) => set({ choroplethMetric }),
  areaFocused: (bbox) => set((s) => ({ focus: { bbox, nonce: (s.focus?.nonce ?? 0) + 1 } })),
  coverageRequested: () => set({ coverageState: { phase: 'computing', since: Date.now() } }),
  coverageComputed: (coverage) => set({ coverage, coverageState: { phase: 'ready' } }),
  coverageFailed: (message) => set({ coverageState: { phase: 'failed', message } }),
  pointSelected: (selectedPoint) => set({ selectedPoint }),
}));

/** The scenario the map and the worker's coverage follow. */
export function scenarioOf(state: Pick<AppState, 'scenarioMode' | 'asOf'>): Scenario {
  return state.scenarioMode === 'asOf' ? state.asOf : state.scenarioMode;
}
