import { lazy, Suspense, useEffect } from 'react';
import { startDataWorker } from '../state/worker-bridge.ts';
import { useAppStore } from '../state/store.ts';
import { Attribution } from '../ui/Attribution.tsx';
import { CoverageSummary } from '../ui/CoverageSummary.tsx';
import { DatasetSummary } from '../ui/DatasetSummary.tsx';
import { Header } from '../ui/Header.tsx';
import { LayerPanel } from '../ui/LayerPanel.tsx';
import { Legend } from '../ui/Legend.tsx';
import { LoadStatus } from '../ui/LoadStatus.tsx';
import { ScenarioPanel } from '../ui/ScenarioPanel.tsx';
import { SelectionPanel } from '../ui/SelectionPanel.tsx';

// maplibre and deck.gl are most of the bundle: load them only once the shell is on screen.
const MapView = lazy(() => import('../map/MapView.tsx'));

export function App() {
  const dataset = useAppStore((s) => s.dataset);
  const lang = useAppStore((s) => s.lang);

  useEffect(() => startDataWorker(), []);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  return (
    <div className="layout">
      <Header />
      <aside className="sidebar">
        <LoadStatus />
        <ScenarioPanel />
        {dataset && <CoverageSummary />}
        {dataset && <SelectionPanel dataset={dataset} />}
        {dataset && <DatasetSummary dataset={dataset} />}
        <LayerPanel />
        <Legend />
      </aside>
      <main className="main">
        {dataset && (
          <Suspense fallback={<div className="map-placeholder" />}>
            <MapView dataset={dataset} />
          </Suspense>
        )}
      </main>
      <Attribution />
    </div>
  );
}
