import { create } from 'zustand';
import type { Dataset, Issue } from '../domain/types.ts';
import type { Lang } from '../ui/i18n.ts';

export type LayerId = 'hamlets' | 'schools' | 'towers' | 'towerRadius';

export type LoadState =
  | { phase: 'loading'; done: number; total: number }
  | { phase: 'ready' }
  | { phase: 'failed'; reason: string };

export interface AppState {
  lang: Lang;
  /** The data on screen; replaced only by a load that succeeded, so a bad file never loses it. */
  dataset: Dataset | undefined;
  issues: Issue[];
  load: LoadState;
  layers: Record<LayerId, boolean>;
  languageToggled: () => void;
  layerToggled: (layer: LayerId) => void;
  loadProgressed: (done: number, total: number) => void;
  datasetLoaded: (dataset: Dataset, issues: Issue[]) => void;
  datasetRejected: (reason: string, issues: Issue[]) => void;
}

export const useAppStore = create<AppState>()((set) => ({
  lang: 'vi',
  dataset: undefined,
  issues: [],
  load: { phase: 'loading', done: 0, total: 0 },
  layers: { hamlets: true, schools: true, towers: true, towerRadius: true },
  languageToggled: () => set((s) => ({ lang: s.lang === 'vi' ? 'en' : 'vi' })),
  layerToggled: (layer) => set((s) => ({ layers: { ...s.layers, [layer]: !s.layers[layer] } })),
  loadProgressed: (done, total) => set({ load: { phase: 'loading', done, total } }),
  datasetLoaded: (dataset, issues) => set({ dataset, issues, load: { phase: 'ready' } }),
  datasetRejected: (reason, issues) => set({ issues, load: { phase: 'failed', reason } }),
}));
