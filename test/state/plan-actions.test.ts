// Suggested sites join the plan with the operator the user chose, and a site already in the
// plan is never added again (issue 18 item 6: "Thêm N vị trí" used to add the same sites on
// each click).
import { describe, expect, it } from 'vitest';
import { EMPTY_PLAN } from '../../src/domain/plan/plan.ts';
import type { Tower } from '../../src/domain/types.ts';
import { withPlannedTowers } from '../../src/state/plan-actions.ts';

const LOADED: Tower[] = [
  { id: 'T1', lon: 105, lat: 9, operator: 'VNPT', status: 'existing', technology: '4G', synthetic: false },
];
const SITES = [
  { lon: 105.1, lat: 9.1 },
  { lon: 105.2, lat: 9.2, radiusKm: 3 },
];

describe('withPlannedTowers', () => {
  it('gives each new tower the chosen operator', () => {
    const { plan, ids } = withPlannedTowers(LOADED, EMPTY_PLAN, SITES, 'MobiFone');
    expect(ids).toHaveLength(2);
    expect(plan.added.map((t) => t.operator)).toEqual(['MobiFone', 'MobiFone']);
    expect(plan.added[1]).toMatchObject({ lon: 105.2, lat: 9.2, radiusKm: 3, status: 'planned', technology: '4G' });
  });

  it('adds nothing twice: a second click on the same suggestions leaves the plan as it is', () => {
    const once = withPlannedTowers(LOADED, EMPTY_PLAN, SITES, 'Viettel').plan;
    const twice = withPlannedTowers(LOADED, once, SITES, 'Viettel');
    expect(twice.plan.added).toHaveLength(2);
    expect(twice.ids).toEqual([]);
    expect(twice.plan).toBe(once);
  });

  it('adds only the new ones of a list that overlaps the plan, and each place once per list', () => {
    const once = withPlannedTowers(LOADED, EMPTY_PLAN, [SITES[0]!], 'Viettel').plan;
    const next = withPlannedTowers(LOADED, once, [SITES[0]!, SITES[1]!, SITES[1]!], 'VNPT');
    expect(next.plan.added.map((t) => [t.lon, t.operator])).toEqual([
      [105.1, 'Viettel'],
      [105.2, 'VNPT'],
    ]);
    expect(next.ids).toHaveLength(1);
  });
});
