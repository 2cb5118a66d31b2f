// The gap register the worker filters and sorts (CoverageSession.gaps, domain/gaps/view.ts),
// with the rows the page makes from its columns (viewRow), against the rows the page built
// itself before: gapRows over the page's data set (a PointTable) and the answer, then
// filterGaps and sortGaps. Random data sets, plan edits, filters, orders and statuses.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plannedNetworks } from '../../src/domain/gaps/network.ts';
import { filterGaps, gapRows, sortGaps, SORT_KEYS, type GapFilter } from '../../src/domain/gaps/register.ts';
import { applyStatusChange, EMPTY_STATUSES, GAP_STATUSES, type GapStatuses } from '../../src/domain/gaps/status.ts';
import { readsDues, readsStatuses, viewRow, type GapQuery } from '../../src/domain/gaps/view.ts';
import { addTower, EMPTY_PLAN, removeTower, updateTower, type PlanDoc } from '../../src/domain/plan/plan.ts';
import { datasetView } from '../../src/domain/points/dataset-view.ts';
import type { Boundary, Dataset, Tower } from '../../src/domain/types.ts';
import { CoverageSession } from '../../src/worker/compute.ts';
import type { CoverageResult, PlanCoverage } from '../../src/domain/coverage/answer.ts';
import { patchSlots } from '../../src/worker/tower-slots.ts';
import { SEED } from '../domain/coverage/classify-helpers.ts';

console.log(`gap view property tests: fast-check seed ${SEED}`);

function square(id: string, name: string, lon0: number, lat0: number, size: number): Boundary {
  const ring: [number, number][] = [
    [lon0, lat0],
    [lon0 + size, lat0],
    [lon0 + size, lat0 + size],
    [lon0, lat0 + size],
    [lon0, lat0],
  ];
  return { id, name, geometry: { type: 'Polygon', coordinates: [ring] } };
}

const NAMES = ['Ấp Mũi', 'ấp mũi', 'Ấp Đất Mới', 'Khóm 2', 'Khóm 10', 'Trường Tiểu học Đất Mũi', 'An', 'Ánh', 'Ấp 3', 'Đầm Dơi'];
const OPERATORS = ['Viettel', 'VNPT', 'MobiFone'];
const lon = fc.double({ min: 105.0, max: 105.2, noNaN: true });
const lat = fc.double({ min: 9.0, max: 9.2, noNaN: true });

const pointArb = fc.record({
  school: fc.boolean(),
  name: fc.constantFrom(...NAMES),
  lon,
  lat,
  weight: fc.constantFrom(0, 10, 300, 1200),
  studentsInNeed: fc.option(fc.constantFrom(0, 40), { nil: undefined }),
  gridPower: fc.boolean(),
  commune: fc.option(fc.constantFrom('C1', 'C9'), { nil: undefined }),
});
const towerArb = fc.record({
  lon,
  lat,
  operator: fc.constantFrom(...OPERATORS),
  technology: fc.constantFrom<Tower['technology']>('2G', '3G', '4G', '5G'),
  radiusKm: fc.constantFrom(1, 3, 6),
});

const datasetArb = fc.tuple(fc.array(pointArb, { maxLength: 50 }), fc.array(towerArb, { minLength: 1, maxLength: 8 })).map(([points, specs]): Dataset => {
  let h = 0;
  let s = 0;
  return {
    province: [square('96', 'Cà Mau', 105, 9, 0.2)],
    // The east tenth of the town is in no district.
    districts: [square('D1', 'Huyện Ngọc Hiển', 105, 9, 0.1), square('D2', 'Thành phố Cà Mau', 105.1, 9, 0.08)],
    communes: [square('C1', 'Xã Đất Mũi', 105, 9, 0.1)],
    hamlets: points
      .filter((p) => !p.school)
      .map((p) => ({ id: `H-${h++}`, name: p.name, lon: p.lon, lat: p.lat, population: p.weight, gridPower: p.gridPower, synthetic: false, ...(p.commune ? { commune: p.commune } : {}) })),
    schools: points.filter((p) => p.school).map((p) => ({
      id: `S-${s++}`, name: p.name, lon: p.lon, lat: p.lat, level: 'primary' as const, students: p.weight, fixedBroadband: false, synthetic: false,
      ...(p.commune ? { commune: p.commune } : {}),
      ...(p.studentsInNeed !== undefined ? { studentsInNeed: p.studentsInNeed } : {}),
    })),
    towers: specs.map((t, k) => ({ id: `T-${k}`, ...t, status: 'existing' as const, synthetic: false })),
    programme: { name: 'test', targets: [] },
  };
});

const filterArb: fc.Arbitrary<GapFilter> = fc.record(
  {
    districtId: fc.constantFrom('D1', 'D2', null),
    communeId: fc.constantFrom('C1', 'C9', null),
    operator: fc.constantFrom(...OPERATORS),
    level: fc.constantFrom('none' as const, 'weak' as const),
    gridPower: fc.boolean(),
    minWeight: fc.constantFrom(10, 1200),
    query: fc.constantFrom('ap', 'dat mui', 'h-1', 'ca mau', 'zzz'),
    status: fc.constantFrom(...GAP_STATUSES),
    assignedTo: fc.constantFrom(...OPERATORS),
    overdue: fc.boolean(),
    inNetworkOf: fc.constantFrom(...OPERATORS),
  },
  { requiredKeys: [] },
);
const queryArb = fc.record({
  filter: filterArb,
  sort: fc.record({ key: fc.constantFrom(...SORT_KEYS), direction: fc.constantFrom<'asc' | 'desc'>('asc', 'desc') }),
  lang: fc.constantFrom<'vi' | 'en'>('vi', 'en'),
});
/** A plan edit on tower k (mod the tower count): none, move, new operator, remove, or a new tower. */
const editArb = fc.record({ kind: fc.constantFrom('none', 'move', 'operator', 'remove', 'add'), k: fc.nat(), lon, lat });

function edited(plan: PlanDoc, towers: readonly Tower[], edit: { kind: string; k: number; lon: number; lat: number }): PlanDoc {
  const id = (towers[edit.k % towers.length] as Tower).id;
  if (edit.kind === 'move') return updateTower(plan, towers, id, { lon: edit.lon, lat: edit.lat });
  if (edit.kind === 'operator') return updateTower(plan, towers, id, { operator: 'Vietnamobile' });
  if (edit.kind === 'remove') return removeTower(plan, towers, id);
  if (edit.kind === 'add') return addTower(plan, { id: 'P-1', lon: edit.lon, lat: edit.lat, operator: 'VNPT', technology: '4G', status: 'existing', radiusKm: 4, synthetic: false });
  return plan;
}

describe('the gap register the worker sends', () => {
  it('shows the rows gapRows, filterGaps and sortGaps give over the page data and the answer', () => {
    fc.assert(
      fc.property(datasetArb, fc.array(editArb, { maxLength: 3 }), queryArb, fc.array(fc.nat(4), { maxLength: 8 }), (dataset, edits, q, picks) => {
        const session = new CoverageSession(dataset);
        let answer: CoverageResult | PlanCoverage = structuredClone(session.coverage(0, 'current'));
        let slots = patchSlots(dataset.towers, answer.towerChanges);
        let plan = EMPTY_PLAN;
        for (const edit of edits) {
          plan = edited(plan, dataset.towers, edit);
          answer = structuredClone(session.setPlan(1, plan, 'current'));
          slots = patchSlots(slots, answer.towerChanges);
        }
        // The page's data set: a table; the oracle's a copy of its own, so no cache is shared.
        const page = datasetView(dataset);
        const oraclePage = datasetView(dataset);
        const rows = gapRows(oraclePage, slots, { ...answer, district: oraclePage.district });
        // Some gaps assigned, some further along.
        let statuses: GapStatuses = EMPTY_STATUSES;
        rows.forEach((row, i) => {
          const pick = picks[i % Math.max(1, picks.length)] ?? 0;
          const steps = pick === 0 ? [] : [{ status: 'assigned' as const, operator: OPERATORS[pick % 3] }, ...(pick > 2 ? [{ status: 'in_progress' as const }] : [])];
          for (const step of steps) {
            const done = applyStatusChange(statuses, { gapId: row.gapId, date: '2025-01-01', ...step });
            if (done.ok) statuses = done.statuses;
          }
        });
        // Due dates on some of the assigned gaps, before, on and after today.
        const due = new Map<string, string>();
        rows.forEach((row, i) => {
          if ((picks[i % Math.max(1, picks.length)] ?? 0) > 0) due.set(row.gapId, ['2025-01-09', '2025-01-10', '2025-01-11'][i % 3] as string);
        });
        const dues = { due, today: '2025-01-10' };
        const query: GapQuery = { ...q, ...(readsStatuses(q.filter) ? { statuses: structuredClone(statuses) } : {}), ...(readsDues(q.filter) ? { dues: structuredClone(dues) } : {}) };
        // "My network" follows the data set's planned towers (network.ts), never the plan edits.
        const want = sortGaps(filterGaps(rows, q.filter, statuses, undefined, dues, plannedNetworks(dataset)), q.sort.key, q.sort.direction, q.lang);

        const view = structuredClone(session.gaps(query)!);
        expect(view.total).toBe(rows.length);
        const got = Array.from(view.points, (_, j) => viewRow(page, slots, page.district, view, j));
        expect(got).toEqual(want);
        const districts = new Map(rows.flatMap((r) => (r.districtId && r.districtName ? [[r.districtId, r.districtName] as const] : [])));
        expect(new Map(view.districts)).toEqual(districts);
        expect(view.operators).toEqual([...new Set(rows.flatMap((r) => (r.nearestOperator ? [r.nearestOperator] : [])))].sort());
      }),
      { seed: SEED, numRuns: 150 },
    );
  });
});
