// Named plans: the working plan saved under a name (with a snapshot of what it achieves),
// listed for a side-by-side comparison, and opened again as one undo step. Saves are
// compare-and-set per name (io/plan-store.ts): another tab's save of the same name in between
// is answered with a conflict, and nothing is overwritten.
import type { DatasetView } from '../domain/points/dataset-view.ts';
import type { PlanDoc } from '../domain/plan/plan.ts';
import { listNamedPlans, namedPlanKey, PlanStore, type NamedPlan, type PlanSummary, type SavePlanResult } from '../io/plan-store.ts';
import { programmeTracks } from './dashboard.ts';
import { useAppStore, type AppState } from './store.ts';


let store: PlanStore | undefined;
const plans = () => (store ??= new PlanStore());

export function namedPlans(dataset: DatasetView): Promise<{ plans: NamedPlan[]; unreadable: number }> {
  return listNamedPlans(dataset.key);
}

/** The working plan's figures in the planned scenario and each target's status at its deadline. */
export function summaryOf(state: Pick<AppState, 'coverage' | 'timeline' | 'dataset'>): PlanSummary | undefined {
  const { coverage, timeline, dataset } = state;
  if (!coverage || coverage.scenario !== 'planned' || !dataset) return undefined;
  const f = coverage.figures;
  const targets = timeline
    ? programmeTracks(timeline, dataset).map((track) => {
        const card = track.card(track.deadlineDay);
        return { id: card.target.id, status: card.assessment.status };
      })
    : [];
  return { figures: { hamlets: f.hamlets.good, population: f.hamlets.population_good, schools: f.schools.good, students: f.schools.students_good }, targets };
}

const SETTLE_MS = 20000;

/**
 * Waits for the planned scenario's full answer to the plan on screen (switching the map to
 * that scenario when needed): a summary is only taken of figures that belong to the plan.
 */
function plannedAnswer(): Promise<void> {
  const state = useAppStore.getState();
  if (state.scenarioMode !== 'planned') state.scenarioModeChosen('planned');
  const settled = (s: AppState) => s.coverage?.scenario === 'planned' && s.coverageState.phase === 'ready' && s.planPreview === undefined;
  if (settled(useAppStore.getState())) return Promise.resolve();
  return new Promise((resolve) => {
    const stop = useAppStore.subscribe((s) => {
      if (!settled(s)) return;
      clearTimeout(timer);
      stop();
      resolve();
    });
    const timer = setTimeout(() => {
      stop();
      resolve();
    }, SETTLE_MS);
  });
}

/** Saves the working plan as `name` over the revision the user was shown (0: a new name). */
export async function saveNamedPlan(dataset: DatasetView, name: string, base: number): Promise<SavePlanResult> {
  await plannedAnswer();
  const state = useAppStore.getState();
  const summary = summaryOf(state);
  return plans().save(namedPlanKey(dataset.key, name), state.plan, { base, ...(summary ? { summary } : {}) });
}

/** Makes a named plan the working plan: one undo step (undo goes back to the plan before). */
export function openNamedPlan(plan: PlanDoc): void {
  const state = useAppStore.getState();
  state.towerSelected(undefined);
  state.planEdited(plan);
}
