import { onAirTowers, type Scenario, type TowerColumns } from '../domain/coverage/columns.ts';
import { pointSums } from '../domain/points/table.ts';
import type { DatasetView } from '../domain/points/dataset-view.ts';
import { applyPlan, EMPTY_PLAN, type PlanDoc } from '../domain/plan/plan.ts';
import type { Tower } from '../domain/types.ts';

export interface DatasetSummary {
  hamlets: number;
  schools: number;
  towers: number;
  population: number;
  students: number;
}

// Memoised on the dataset reference: the dataset is replaced, never mutated.
const summaries = new WeakMap<DatasetView, DatasetSummary>();

export function summarise(dataset: DatasetView): DatasetSummary {
  let summary = summaries.get(dataset);
  if (!summary) {
    summary = {
      hamlets: dataset.points.hamletCount,
      schools: dataset.points.count - dataset.points.hamletCount,
      towers: dataset.towers.length,
      ...pointSums(dataset.points),
    };
    summaries.set(dataset, summary);
  }
  return summary;
}

const names = new WeakMap<DatasetView, Map<string, string>>();

/** Boundary names by id (districts and communes), for labelling points by their codes. */
export function boundaryNames(dataset: DatasetView): Map<string, string> {
  let byId = names.get(dataset);
  if (!byId) {
    byId = new Map([...dataset.districts, ...(dataset.communes ?? [])].map((b) => [b.id, b.name]));
    names.set(dataset, byId);
  }
  return byId;
}

const effective = new WeakMap<readonly Tower[], WeakMap<PlanDoc, readonly Tower[]>>();

/** The loaded towers with the plan applied (memoised: the same plan gives the same array). */
export function effectiveTowers(base: readonly Tower[], plan: PlanDoc): readonly Tower[] {
  if (plan === EMPTY_PLAN) return base;
  let byPlan = effective.get(base);
  if (!byPlan) {
    byPlan = new WeakMap();
    effective.set(base, byPlan);
  }
  let towers = byPlan.get(plan);
  if (!towers) {
    towers = applyPlan(base, plan).towers;
    byPlan.set(plan, towers);
  }
  return towers;
}

const onAirCache = new WeakMap<readonly Tower[], Map<Scenario, TowerColumns>>();
const MAX_SCENARIOS = 8;

/** Towers on air in a scenario, memoised per tower list and scenario. */
export function scenarioTowers(towers: readonly Tower[], scenario: Scenario): TowerColumns {
  let byScenario = onAirCache.get(towers);
  if (!byScenario) {
    byScenario = new Map();
    onAirCache.set(towers, byScenario);
  }
  let columns = byScenario.get(scenario);
  if (!columns) {
    columns = onAirTowers(towers, scenario);
    byScenario.set(scenario, columns);
    // Playing through time visits hundreds of days: keep only the latest few.
    if (byScenario.size > MAX_SCENARIOS) byScenario.delete(byScenario.keys().next().value as Scenario);
  }
  return columns;
}
