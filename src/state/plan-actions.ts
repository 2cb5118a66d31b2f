// The workbench's "place new towers" action, shared by the map click, the centre button and
// the siting suggestions, so that all three make the same kind of tower.
import { addTower, EMPTY_PLAN, isEmptyPlan, nextTowerId, withCalibration, type PlanDoc } from '../domain/plan/plan.ts';
import type { Tower } from '../domain/types.ts';
import { useAppStore } from './store.ts';

export interface NewSite {
  lon: number;
  lat: number;
  /** Left out: the technology's default radius. */
  radiusKm?: number;
}

/** Where a tower stands, as a key: a suggestion is the hamlet's or school's exact position. */
const placeKey = (lon: number, lat: number): string => `${lon},${lat}`;

/**
 * The plan with a planned 4G tower of `operator` at each site. Suggestions (`once`) leave out
 * every site where the plan already added a tower (a second click on the same suggestions
 * changes nothing) and repeats within `sites`; a tower the user places by hand is always added.
 */
export function withPlannedTowers(
  base: readonly Tower[],
  plan: PlanDoc,
  sites: readonly NewSite[],
  operator = 'Viettel',
  once = true,
): { plan: PlanDoc; ids: string[] } {
  let next = plan;
  const ids: string[] = [];
  const taken = new Set(plan.added.map((t) => placeKey(t.lon, t.lat)));
  for (const site of sites) {
    const key = placeKey(site.lon, site.lat);
    if (once && taken.has(key)) continue;
    taken.add(key);
    // The ids of the loaded towers and of the plan's: a removed tower's id is not given again.
    const id = nextTowerId([...base, ...next.added]);
    next = addTower(next, {
      id,
      lon: site.lon,
      lat: site.lat,
      operator,
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
export function placePlannedTowers(sites: readonly NewSite[], operator?: string, options: { once?: boolean } = {}): void {
  const state = useAppStore.getState();
  if (!state.dataset || sites.length === 0) return;
  const { plan, ids } = withPlannedTowers(state.dataset.towers, state.plan, sites, operator, options.once ?? false);
  if (ids.length === 0) return;
  if (state.scenarioMode !== 'planned') state.scenarioModeChosen('planned');
  state.planEdited(plan);
  state.towerSelected(ids[ids.length - 1]);
}

/**
 * Empties the plan's tower edits as one undo step (undo brings every edit back); the
 * what-ifs on the model stay (its edits and calibration: their panels reset those). The
 * chosen tower is let go when the plan had added it: it no longer exists.
 */
export function clearPlan(): void {
  const state = useAppStore.getState();
  if (isEmptyPlan(state.plan)) return;
  if (state.selectedTower !== undefined && state.plan.added.some((t) => t.id === state.selectedTower)) state.towerSelected(undefined);
  const base = state.plan.model ? { ...EMPTY_PLAN, model: state.plan.model } : EMPTY_PLAN;
  state.planEdited(withCalibration(base, state.plan.calibration));
}
