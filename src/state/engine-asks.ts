// What a change of the page's state asks of the engine (engine-client.ts sends it): a new
// data set, scenario or network needs the full coverage answer; a plan edit alone (or a drag's
// preview) only the plan's, since the worker holds the plan across scenarios; the gap
// register follows the newest answer, its own query, and the history when its filter reads it.
import { gapQueryChanged } from '../domain/gaps/view.ts';
import { scenarioOf, type AppState } from './store.ts';

/** The plan the worker should compute with: a drag's preview, else the plan. */
export const shownPlan = (s: Pick<AppState, 'plan' | 'planPreview'>) => s.planPreview ?? s.plan;

export interface EngineAsks {
  coverage: boolean;
  /** Only when the coverage is not asked: its answer counts the plan already. */
  plan: boolean;
  gaps: boolean;
}

export function engineAsks(state: AppState, previous: AppState): EngineAsks {
  const coverage = state.dataset !== previous.dataset || scenarioOf(state) !== scenarioOf(previous) || state.network !== previous.network;
  return {
    coverage,
    plan: !coverage && shownPlan(state) !== shownPlan(previous),
    gaps: state.coverage !== undefined && (state.coverage !== previous.coverage || gapQueryChanged(state, previous)),
  };
}
