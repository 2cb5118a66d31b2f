import { create } from 'zustand';
import type { Scenario } from '../domain/coverage/columns.ts';
import type { Dataset, Issue } from '../domain/types.ts';
import type { Lang } from '../ui/i18n.ts';
import type { CoverageResult } from '../worker/protocol.ts';

export type LayerId = 'hamlets' | 'schools' | 'towers' | 'towerRadius' | 'choropleth';

export type LoadState =
  | { phase: 'loading'; done: number; total: number }
  | { phase: 'ready' }
  | { phase: 'failed'; reason: string };

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
  scenario: Scenario;
  /** The worker's latest answer; it may be for an older scenario while a newer one computes. */
  coverage: CoverageResult | undefined;
  coverageState: CoverageState;
  /** Index of the chosen point: hamlets first, then schools. */
  selectedPoint: number | undefined;
  languageToggled: () => void;
  layerToggled: (layer: LayerId) => void;
  loadProgressed: (done: number, total: number) => void;
  datasetLoaded: (dataset: Dataset, issues: Issue[]) => void;
  datasetRejected: (reason: string, issues: Issue[]) => void;
  scenarioChosen: (scenario: Scenario) => void;
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
  scenario: 'current',
  coverage: undefined,
  coverageState: { phase: 'idle' },
  selectedPoint: undefined,
  languageToggled: () => set((s) => ({ lang: s.lang === 'vi' ? 'en' : 'vi' })),
  layerToggled: (layer) => set((s) => ({ layers: { ...s.layers, [layer]: !s.layers[layer] } })),
  loadProgressed: (done, total) => set({ load: { phase: 'loading', done, total } }),
  datasetLoaded: (dataset, issues) =>
    set({ dataset, issues, load: { phase: 'ready' }, coverage: undefined, selectedPoint: undefined }),
  datasetRejected: (reason, issues) => set({ issues, load: { phase: 'failed', reason } }),
  scenarioChosen: (scenario) => set({ scenario }),
  coverageRequested: () => set({ coverageState: { phase: 'computing', since: Date.now() } }),
  coverageComputed: (coverage) => set({ coverage, coverageState: { phase: 'ready' } }),
  coverageFailed: (message) => set({ coverageState: { phase: 'failed', message } }),
  pointSelected: (selectedPoint) => set({ selectedPoint }),
}));
