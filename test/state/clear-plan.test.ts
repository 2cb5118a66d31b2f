// Clearing the plan: one undo step that empties it, and undo brings every edit back.
import { beforeEach, describe, expect, it } from 'vitest';
import { addTower, EMPTY_PLAN, newPlannedTower, removeTower, upgradeTower } from '../../src/domain/plan/plan.ts';
import { clearPlan } from '../../src/state/plan-actions.ts';
import { useAppStore } from '../../src/state/store.ts';
import { fixture } from '../domain/progress/fixture.ts';
import { viewOf } from '../ui/view-of.ts';

const initial = useAppStore.getState();
const dataset = fixture();

describe('clearPlan', () => {
  beforeEach(() => useAppStore.setState(initial, true));

  it('empties the plan in one undoable step and drops a planned tower from the selection', () => {
    const view = viewOf(dataset);
    useAppStore.getState().datasetLoaded(view, [], '2021-10-15');
    const base = view.towers;
    const old = base.find((t) => t.technology === '2G' || t.technology === '3G');
    expect(old).toBeDefined();
    const s = useAppStore.getState();
    const planned = newPlannedTower(base, { lon: 105, lat: 9, operator: 'Viettel', technology: '4G' });
    let plan = addTower(EMPTY_PLAN, planned);
    s.planEdited(plan);
    plan = upgradeTower(plan, base, old?.id ?? '', '4G', '2022-01-01');
    s.planEdited(plan);
    plan = removeTower(plan, base, base[0]?.id ?? '');
    s.planEdited(plan);
    s.towerSelected(planned.id);
    const edited = useAppStore.getState().plan;
    expect(useAppStore.getState().planPast).toHaveLength(3);

    clearPlan();
    let now = useAppStore.getState();
    expect(now.plan).toEqual(EMPTY_PLAN);
    expect(now.planPast).toHaveLength(4);
    expect(now.selectedTower).toBeUndefined();

    now.planUndone();
    now = useAppStore.getState();
    expect(now.plan).toBe(edited);
    expect(now.planPast).toHaveLength(3);
    now.planRedone();
    expect(useAppStore.getState().plan).toEqual(EMPTY_PLAN);
  });

  it('adds no step when the plan is already empty', () => {
    useAppStore.getState().datasetLoaded(viewOf(dataset), [], '2021-10-15');
    clearPlan();
    expect(useAppStore.getState().planPast).toHaveLength(0);
  });
});
