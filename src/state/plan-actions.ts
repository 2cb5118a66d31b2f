// The workbench's "place new towers" action, shared by the map click, the centre button and
// the siting suggestions, so that all three make the same kind of tower.
import { addTower, EMPTY_PLAN, isEmptyPlan, nextTowerId, type PlanDoc } from '../domain/plan/plan.ts';
import type { Tower } from '../domain/types.ts';
import { useAppStore } from './store.ts';

export interface NewSite {
  lon: number;
  lat: number;
  /** Left out: the technology's default radius. */
  radiusKm?: number;
}

/** The plan with a planned 4G tower (Viettel until the user picks the operator) at each site. */
export function withPlannedTowers(base: readonly Tower[], plan: PlanDoc, sites: readonly NewSite[]): { plan: PlanDoc; ids: string[] } {
  let next = plan;
  const ids: string[] = [];
  for (const site of sites) {
    // The ids of the loaded towers and of the plan's: a removed tower's id is not given again.
    const id = nextTowerId([...base, ...next.added]);
    next = addTower(next, {
      id,
      lon: site.lon,
      lat: site.lat,
      operator: 'Viettel',
      status: 'planned',
      technology: '4G',
      ...(site.radiusKm === undefined ? {} : { radiusKm: site.radiusKm }),
      synthetic: false,
    });
    ids.push(id);
  }
  return { plan: next, ids };
}

/**
 * Adds planned towers as one undo step and selects the last. A planned tower without a
 * service date is on air in the "planned" scenario only (contract rule 3), so the map and the
 * figures switch to it: otherwise the new tower would show no effect at all.
 */
export function placePlannedTowers(sites: readonly NewSite[]): void {
  const state = useAppStore.getState();
  if (!state.dataset || sites.length === 0) return;
  const { plan, ids } = withPlannedTowers(state.dataset.towers, state.plan, sites);
  if (state.scenarioMode !== 'planned') state.scenarioModeChosen('planned');
  state.planEdited(plan);
  state.towerSelected(ids[ids.length - 1]);
}

/**
 * Empties the plan as one undo step (undo brings every edit back). The chosen tower is let go
 * when the plan had added it: it no longer exists.
 */
export function clearPlan(): void {
  const state = useAppStore.getState();
  if (isEmptyPlan(state.plan)) return;
  if (state.selectedTower !== undefined && state.plan.added.some((t) => t.id === state.selectedTower)) state.towerSelected(undefined);
  state.planEdited(EMPTY_PLAN);
}
