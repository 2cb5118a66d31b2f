// The worker's plan edits (CoverageSession.setPlan) against a full recompute: after every
// edit, whatever the plan and however it got there (plan.ts's edits, a re-import, raw plans
// with clashing or duplicate ids), the levels must be classify's over applyPlan's towers and
// the figures coverageFigures' over those levels. Each plan goes through structuredClone
// first, as it does through postMessage, so the session never sees the same objects twice.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Boundary, Dataset, Hamlet, School, Tower } from '../../src/domain/types.ts';
import { haversineKm } from '../../src/domain/geo/haversine.ts';
import type { Scenario } from '../../src/domain/coverage/columns.ts';
import { onAirTowers, pointColumns } from '../../src/domain/coverage/columns.ts';
import { classify } from '../../src/domain/coverage/classify.ts';
import { buildDistrictIndex, locateDistricts } from '../../src/domain/coverage/districts.ts';
import { coverageFigures, pointWeights } from '../../src/domain/coverage/report.ts';
import { EMPTY_PLAN, applyPlan, type PlanDoc } from '../../src/domain/plan/plan.ts';
import { CoverageSession } from '../../src/worker/compute.ts';
import { SEED } from '../domain/coverage/classify-helpers.ts';
import { planSteps, run, type TowerSpec } from '../domain/plan/plan-steps.ts';

console.log(`plan session property tests: fast-check seed ${SEED}`);

// ---------------------------------------------------------------------------------------
// Places, ids, field values, steps (test/domain/plan/plan-steps.ts, as in
// test/domain/plan/diff.test.ts): plan.ts's edits, re-imports, raw plans, tweaks

/** About 22 km × 22 km: towers of a few km reach many of the points. */
const TOWN = { west: 105.0, east: 105.2, south: 9.0, north: 9.2 };
const lon = fc.oneof(fc.double({ min: TOWN.west, max: TOWN.east, noNaN: true }), fc.constantFrom(105.05, 105.1, 105.15));
const lat = fc.oneof(fc.double({ min: TOWN.south, max: TOWN.north, noNaN: true }), fc.constantFrom(9.05, 9.1, 9.15));

const POOL = ['T1', 'T2', 'T3', 'T4', 'T5', 'T6', '__proto__', 'constructor', 'toString', 'P-0001'];
/** The scenario dates fall between the service and upgrade dates plan-steps.ts draws. */
const scenario = fc.constantFrom<Scenario>('current', 'planned', '2018-01-01', '2024-06-30', '2027-05-05', '2031-01-01');
const radius = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(0, 1.5, 4, 5, 8) },
  { weight: 3, arbitrary: fc.double({ min: 0, max: 10, noNaN: true }) },
  { weight: 1, arbitrary: fc.constant(30) },
);

/** Towers start 'Viettel' and not synthetic; hand edits never clear a required field. */
const { towerSpec, makeTower, step, applyStep } = planSteps({
  pool: POOL,
  absent: ['nope'],
  absentInTweaks: true,
  fields: {
    lon,
    lat,
    operator: fc.constantFrom('Viettel', 'VNPT'),
    radiusKm: radius,
    heightM: fc.constantFrom(0, 30),
    upgradeRadiusKm: radius,
  },
  variedTowers: false,
  flipSynthetic: false,
  keepRequired: true,
  max: { patch: 3, reimport: 3, rawTowers: 4, rawRemoved: 3 },
});

// ---------------------------------------------------------------------------------------
// Datasets

function square(id: string, west: number, south: number, east: number, north: number): Boundary {
  return {
    id,
    name: id,
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [west, south],
          [east, south],
          [east, north],
          [west, north],
          [west, south],
        ],
      ],
    },
  };
}

/** No districts, or two that split part of the town (some points fall in neither). */
const DISTRICT_SETS: Boundary[][] = [[], [square('D1', 105.0, 9.0, 105.1, 9.2), square('D2', 105.1, 9.0, 105.2, 9.1)]];

const datasetArb: fc.Arbitrary<Dataset> = fc
  .record({
    hamlets: fc.array(fc.record({ lon, lat, population: fc.integer({ min: 0, max: 5000 }) }), { maxLength: 25, size: 'max' }),
    schools: fc.array(fc.record({ lon, lat, students: fc.integer({ min: 0, max: 900 }), fixed: fc.boolean() }), { maxLength: 12, size: 'max' }),
    districts: fc.constantFrom(0, 1),
    towerIds: fc.shuffledSubarray(POOL, { maxLength: 7 }),
    towers: fc.array(towerSpec, { minLength: 7, maxLength: 7 }),
  })
  .map(({ hamlets, schools, districts, towerIds, towers }) => ({
    province: [],
    districts: DISTRICT_SETS[districts] as Boundary[],
    hamlets: hamlets.map(
      (h, i): Hamlet => ({ id: `H${i}`, name: `H${i}`, lon: h.lon, lat: h.lat, population: h.population, gridPower: true, synthetic: true }),
    ),
    schools: schools.map(
      (s, j): School => ({
        id: `S${j}`,
        name: `S${j}`,
        lon: s.lon,
        lat: s.lat,
        level: 'primary',
        students: s.students,
        fixedBroadband: s.fixed,
        synthetic: true,
      }),
    ),
    towers: towerIds.map((id, j) => makeTower(id, towers[j] as TowerSpec, false)),
    programme: { name: 'p', targets: [] },
  }));

/** What the session must say: classify over the plan's towers, coverageFigures over that. */
function oracle(dataset: Dataset, district: Int32Array, plan: PlanDoc, s: Scenario) {
  const points = pointColumns(dataset.hamlets, dataset.schools);
  const { level, nearest4gKm } = classify(points, onAirTowers(applyPlan(dataset.towers, plan).towers, s));
  const figures = coverageFigures(level, pointWeights(dataset), dataset.hamlets.length, district, dataset.districts.length);
  return { level, figures, nearestKm: nearest4gKm };
}

function differing(a: Uint8Array, b: Uint8Array): number[] {
  const out: number[] = [];
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) out.push(i);
  return out;
}

// ---------------------------------------------------------------------------------------

describe('CoverageSession.setPlan = classify + coverageFigures over applyPlan, after every edit', () => {
  it('random datasets, random plan edits through structuredClone, scenario switches now and then', () => {
    const seen = { edits: 0, editsThatChange: 0, changedPoints: 0, switches: 0, withDistricts: 0 };
    fc.assert(
      fc.property(
        datasetArb,
        scenario,
        fc.array(fc.record({ step, switchTo: fc.oneof({ weight: 4, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: scenario }) }), { minLength: 1, maxLength: 15, size: 'max' }),
        scenario,
        (dataset, first, steps, last) => {
          const base = dataset.towers;
          const baseById = new Map(base.map((t) => [t.id, t]));
          const points = pointColumns(dataset.hamlets, dataset.schools);
          const district = locateDistricts(buildDistrictIndex(dataset.districts), points.lon, points.lat);
          const session = new CoverageSession(dataset);
          // The page's copy of the towers by slot, patched by each answer.
          const slots: (Tower | undefined)[] = [...base];
          let plan: PlanDoc = structuredClone(EMPTY_PLAN);
          let s = first;
          let requestId = 0;
          for (const { step: st, switchTo } of steps) {
            const previous = plan;
            plan = structuredClone(applyStep(base, baseById, plan, st));
            if (switchTo !== undefined && switchTo !== s) {
              s = switchTo;
              seen.switches++;
            }
            const got = session.setPlan(++requestId, plan, s);
            const want = oracle(dataset, district, plan, s);
            expect(got.requestId).toBe(requestId);
            expect(got.scenario).toBe(s);
            expect(Array.from(got.level), `levels after step ${requestId} (${st.kind}) in ${s}`).toEqual(Array.from(want.level));
            expect(got.figures).toEqual(want.figures);
            // The nearest 4G/5G tower at once (ties may name another at the same distance),
            // named by slot, whose tower the answer's changes leave in place.
            expect(Array.from(got.nearestKm)).toEqual(Array.from(want.nearestKm));
            for (const [slot, tower] of got.towerChanges) slots[slot] = tower ?? undefined;
            got.nearestTower.forEach((slot, i) => {
              if (slot < 0) return;
              const t = slots[slot] as Tower;
              expect(haversineKm(points.lon[i]!, points.lat[i]!, t.lon, t.lat)).toBe(want.nearestKm[i]);
            });
            expect(Array.from(got.cellCounts)).toEqual(Array.from(session.cellCounts(want.level)));
            // The towers on air, by slot: those of the plan applied, with their radius there.
            const applied = applyPlan(base, plan).towers;
            const onAir = onAirTowers(applied, s);
            const wantOnAir = Array.from(onAir.towerIndex, (t, k) => [applied[t]!.id, onAir.radiusKm[k], onAir.broadband[k], applied[t]!.lon].join()).sort();
            const gotOnAir = Array.from(got.onAir.towerIndex, (slot, k) => [slots[slot]!.id, got.onAir.radiusKm[k], got.onAir.broadband[k], got.onAir.lon[k]].join()).sort();
            expect(gotOnAir).toEqual(wantOnAir);
            // The change is the edit's own: from the previous plan's levels in this scenario.
            const before = oracle(dataset, district, previous, s).level;
            expect(Array.from(got.changed)).toEqual(differing(before, want.level));
            seen.edits++;
            seen.changedPoints += got.changed.length;
            if (got.changed.length > 0) seen.editsThatChange++;
          }
          if (dataset.districts.length > 0) seen.withDistricts++;

          // The whole picture reflects the last plan too.
          const towers = applyPlan(base, plan).towers;
          expect(session.effectiveTowers).toEqual(towers);
          expect(session.currentPlan).toEqual(plan);
          for (const view of new Set([s, last])) {
            const result = session.coverage(++requestId, view);
            const want = oracle(dataset, district, plan, view);
            expect(Array.from(result.level)).toEqual(Array.from(want.level));
            expect(result.figures).toEqual(want.figures);
            expect(Array.from(session.districtOf)).toEqual(Array.from(district));
            expect(Array.from(result.baselineLevel)).toEqual(Array.from(oracle(dataset, district, EMPTY_PLAN, view).level));
          }
          // And the session goes on from there: one more edit in the last scenario.
          const cleared = structuredClone(EMPTY_PLAN);
          const got = session.setPlan(++requestId, cleared, last);
          const want = oracle(dataset, district, cleared, last);
          expect(Array.from(got.level)).toEqual(Array.from(want.level));
          expect(got.figures).toEqual(want.figures);
          expect(session.effectiveTowers).toEqual(base);
        },
      ),
      run(500),
    );
    console.log('plan session property: seen', seen);
    expect(seen.edits).toBeGreaterThan(3000);
    expect(seen.editsThatChange).toBeGreaterThan(400);
    expect(seen.switches).toBeGreaterThan(300);
    expect(seen.withDistricts).toBeGreaterThan(100);
  });
});
