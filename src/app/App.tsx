import { lazy, Suspense, useEffect } from 'react';

import { startPersistence } from '../state/persistence.ts';
import { startSyncWiring } from '../state/sync-wiring.ts';
import { startUrlSync } from '../state/url-sync.ts';
import { startDataWorker } from '../state/engine-client.ts';
import { useAppStore } from '../state/store.ts';
import { Attribution } from '../ui/common/Attribution.tsx';
import { ChoroplethPanel } from '../ui/dashboard/ChoroplethPanel.tsx';
import { CoverageSummary } from '../ui/dashboard/CoverageSummary.tsx';
import { DatasetSummary } from '../ui/dashboard/DatasetSummary.tsx';
import { DistrictTable } from '../ui/dashboard/DistrictTable.tsx';
import { ExportPanel } from '../ui/map/ExportPanel.tsx';
import { Header } from '../ui/common/Header.tsx';
import { ImportPanel } from '../ui/import/ImportPanel.tsx';
import { LayerPanel } from '../ui/map/LayerPanel.tsx';
import { NetworkPanel } from '../ui/network/NetworkPanel.tsx';
import { Legend } from '../ui/map/Legend.tsx';
import { LoadStatus } from '../ui/common/LoadStatus.tsx';
import { PrintReport } from '../ui/dashboard/PrintReport.tsx';
import { ScenarioPanel } from '../ui/plan/ScenarioPanel.tsx';
import { SelectionPanel } from '../ui/map/SelectionPanel.tsx';
import { FeatureFinder } from '../ui/map/FeatureFinder.tsx';
import { MapAnnouncer } from '../ui/map/MapAnnouncer.tsx';
import { usePlanShortcuts } from '../ui/plan/shortcuts.ts';
import { SidebarTabs } from '../ui/common/SidebarTabs.tsx';
import { TargetCards } from '../ui/dashboard/TargetCards.tsx';
import { TimeControl } from '../ui/dashboard/TimeControl.tsx';
import { UpdatePrompt } from '../ui/common/UpdatePrompt.tsx';

// maplibre and deck.gl are most of the bundle: load them only once the shell is on screen.
const loadMapView = () => import('../map/MapView.tsx');
const MapView = lazy(loadMapView);
// The plan tab and the gap register, likewise: shown only once a data set is in.
const loadPlanTab = () => import('./PlanTab.tsx');
const PlanTab = lazy(loadPlanTab);
const loadGapRegister = () => import('../ui/gaps/GapRegister.tsx').then((m) => ({ default: m.GapRegister }));
const GapRegister = lazy(loadGapRegister);

export function App() {
  const dataset = useAppStore((s) => s.dataset);
  const lang = useAppStore((s) => s.lang);

  useEffect(() => startUrlSync(), []);
  useEffect(() => startPersistence(), []);
  useEffect(() => startSyncWiring(), []);
  useEffect(() => startDataWorker(), []);
  // The lazy chunks download and compile while the worker reads the data, not after.
  useEffect(() => {
    void loadMapView().then(loadPlanTab).then(loadGapRegister);
  }, []);
  usePlanShortcuts();
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const print = () => window.print();

  return (
    <div className="layout">
      <Header onPrint={print} />
      <UpdatePrompt />
      <PrintReport />
      <TimeControl />
      <TargetCards />
      <div className="workspace">
        <aside className="sidebar">
          <LoadStatus />
          <SidebarTabs
            tabs={[
              {
                id: 'map',
                label: 'tabMap',
                content: (
                  <>
                    <ScenarioPanel />
                    {dataset && <NetworkPanel />}
                    {dataset && <CoverageSummary />}
                    {dataset && <FeatureFinder dataset={dataset} />}
                    {dataset && <SelectionPanel dataset={dataset} />}
                    <ChoroplethPanel />
                    <LayerPanel />
                    <Legend />
                    <ExportPanel />
                    {dataset && <ImportPanel />}
                    {dataset && <DatasetSummary dataset={dataset} />}
                  </>
                ),
              },
              {
                id: 'plan',
                label: 'tabPlan',
                content: dataset && (
                  <Suspense fallback={null}>
                    <PlanTab dataset={dataset} />
                  </Suspense>
                ),
              },
            ]}
          />
        </aside>
        <main className="main">
          <MapAnnouncer />
          {dataset && (
            <Suspense fallback={<div className="map-placeholder" />}>
              {/* A new data set keeps the map: MapView gives its sources the new data. */}
              <MapView dataset={dataset} />
            </Suspense>
          )}
        </main>
      </div>
      {dataset && <DistrictTable dataset={dataset} />}
      {dataset && (
        <Suspense fallback={null}>
          <GapRegister dataset={dataset} />
        </Suspense>
      )}
      <Attribution />
    </div>
  );
}
