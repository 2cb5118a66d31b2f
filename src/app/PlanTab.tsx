// The plan tab's panels: a chunk of their own, loaded once a data set is in, so the first
// script holds only what the page shows before that (bench: first script budget).
import type { DatasetView } from '../domain/points/dataset-view.ts';
import { ModelPanel } from '../ui/network/ModelPanel.tsx';
import { NamedPlans } from '../ui/plan/NamedPlans.tsx';
import { PlanImpact } from '../ui/plan/PlanImpact.tsx';
import { PlanPanel } from '../ui/plan/PlanPanel.tsx';
import { RadiusRange } from '../ui/plan/RadiusRange.tsx';
import { ScenarioPanel } from '../ui/plan/ScenarioPanel.tsx';
import { SitingPanel } from '../ui/plan/SitingPanel.tsx';
import { TowerEditor } from '../ui/plan/TowerEditor.tsx';

export default function PlanTab({ dataset }: { dataset: DatasetView }) {
  return (
    <>
      <ScenarioPanel />
      <PlanPanel dataset={dataset} />
      <TowerEditor dataset={dataset} />
      <PlanImpact />
      <ModelPanel dataset={dataset} />
      <RadiusRange />
      <SitingPanel dataset={dataset} />
      <NamedPlans dataset={dataset} />
    </>
  );
}
