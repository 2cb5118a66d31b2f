// The coverage model as a what-if in the worker's session (issue 15): a plan's model edit
// gives the levels, figures and radii of `coverage` on the same data with that model.json
// (scenarioLevels, onAirTowers: the CLI's code), after tower edits and in one network too.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/domain/coverage/classify.ts';
import { coveragePoints, operatorNames, scenarioLevels } from '../../src/domain/coverage/scenario-levels.ts';
import { onAirTowers } from '../../src/domain/coverage/columns.ts';
import { coverageFigures, pointWeights } from '../../src/domain/coverage/report.ts';
import { buildDistrictIndex, locateDistricts } from '../../src/domain/coverage/districts.ts';
import { editedModel, modelEditOf, parameterIssues, readModelEdit, type ModelEdit } from '../../src/domain/plan/model-edit.ts';
import { addTower, applyPlan, EMPTY_PLAN, readPlanDoc, updateTower, type PlanDoc } from '../../src/domain/plan/plan.ts';
import { parseDataset } from '../../src/domain/parse/index.ts';
import type { Dataset } from '../../src/domain/types.ts';
import { CoverageSession } from '../../src/worker/compute.ts';
import { fromDay, toDay } from '../../src/domain/progress/days.ts';
import { PROVINCE_SCOPE } from '../../src/domain/progress/timeline.ts';
import { valueAt } from '../../src/domain/progress/steps.ts';

function bundled(): Dataset {
  const files = readdirSync('data', { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(geojson|csv|json)$/.test(f))
    .map((path) => ({ path, text: readFileSync(`data/${path}`, 'utf8') }));
  const { dataset } = parseDataset(files);
  if (!dataset) throw new Error('bundled data does not parse');
  return dataset;
}

const dataset = bundled();
const pathLoss: ModelEdit = { radiusModel: 'path_loss' };
const tuned: ModelEdit = { radiusModel: 'path_loss', maxPathLossDb: { '4G': 131.5 }, clutterLossDb: { forest: 18 }, receiverHeightM: 2, bandMhz: { '4G': 900 } };

/** The CLI's answer: the data set with the plan's towers and the edited model.json. */
function oracle(plan: PlanDoc, scenario: string, operator?: string) {
  const data = { ...dataset, towers: applyPlan(dataset.towers, plan).towers, model: editedModel(dataset.model, plan.model) };
  const level = scenarioLevels(data, scenario, operator === undefined ? {} : { operator });
  const district = locateDistricts(buildDistrictIndex(dataset.districts), coveragePoints(dataset).lon, coveragePoints(dataset).lat);
  const figures = coverageFigures(level, pointWeights(dataset), dataset.hamlets.length, district, dataset.districts.length);
  return { data, level, figures };
}

describe('CoverageSession with a model edit', () => {
  it('the bundled model is fixed, and path loss changes the figures', () => {
    expect(dataset.model?.radiusModel ?? 'fixed').toBe('fixed');
    const fixed = oracle(EMPTY_PLAN, 'current').figures.hamlets.good;
    expect(oracle({ ...EMPTY_PLAN, model: pathLoss }, 'current').figures.hamlets.good).not.toBe(fixed);
  });

  it.each([
    ['current', pathLoss, undefined],
    ['planned', tuned, undefined],
    ['2021-10-15', tuned, 'Viettel'],
  ] as const)('plan edit, full answer and radii = coverage with that model.json (%s)', (scenario, model, operator) => {
    const session = new CoverageSession(dataset);
    session.setNetwork(operator);
    const fixed = session.coverage(1, scenario);
    expect(fixed.radiusModel).toBe('fixed');
    const plan = { ...EMPTY_PLAN, model };
    const want = oracle(plan, scenario, operator);
    const quick = session.setPlan(2, plan, scenario);
    expect(quick.radiusModel).toBe('path_loss');
    expect(Array.from(quick.level)).toEqual(Array.from(want.level));
    expect(quick.figures.hamlets).toEqual(want.figures.hamlets);
    expect(quick.figures.schools).toEqual(want.figures.schools);
    // `changed`: exactly the points whose level moved from the fixed answer.
    const moved = Array.from(want.level.keys()).filter((i) => want.level[i] !== fixed.level[i]);
    expect(Array.from(quick.changed)).toEqual(moved);
    const full = session.coverage(3, scenario);
    expect(Array.from(full.level)).toEqual(Array.from(want.level));
    // The discs: each tower's largest radius, as the CLI's engine takes it.
    const towers = onAirTowers(want.data.towers, scenario, { model: want.data.model, ...(operator ? { operator } : {}) });
    expect(Array.from(full.onAir.radiusKm)).toEqual(Array.from(towers.radiusKm));
    // The baseline (no tower edit) is under the same model.
    expect(full.baselineFigures.hamlets).toEqual(want.figures.hamlets);
  });

  it('tower edits under path loss stay exact (class radii in the incremental engine)', () => {
    const session = new CoverageSession(dataset);
    session.coverage(1, 'planned');
    let plan: PlanDoc = { ...EMPTY_PLAN, model: tuned };
    session.setPlan(2, plan, 'planned');
    const base = dataset.towers;
    const hamlet = dataset.hamlets[7] as Dataset['hamlets'][number];
    plan = addTower(plan, { id: 'NEW-1', lon: hamlet.lon, lat: hamlet.lat, operator: 'VNPT', status: 'planned', technology: '4G', heightM: 45, synthetic: false });
    let answer = session.setPlan(3, plan, 'planned');
    expect(Array.from(answer.level)).toEqual(Array.from(oracle(plan, 'planned').level));
    plan = updateTower(plan, base, (base[3] as Dataset['towers'][number]).id, { heightM: 70, bandMhz: 700 });
    plan = updateTower(plan, base, 'NEW-1', { lon: hamlet.lon + 0.05 });
    answer = session.setPlan(4, plan, 'planned');
    expect(Array.from(answer.level)).toEqual(Array.from(oracle(plan, 'planned').level));
    // Undo of the model edit: back to fixed radii, tower edits kept.
    const undone = { ...plan, model: undefined };
    answer = session.setPlan(5, undone, 'planned');
    expect(answer.radiusModel).toBe('fixed');
    expect(Array.from(answer.level)).toEqual(Array.from(oracle(undone, 'planned').level));
  });

  it('the radius range and the network table follow the model', () => {
    const session = new CoverageSession(dataset);
    const plan = { ...EMPTY_PLAN, model: tuned };
    session.setPlan(1, plan, 'current');
    const want = oracle(plan, 'current');
    const scaled = classify(coveragePoints(want.data), onAirTowers(want.data.towers, 'current', { model: want.data.model, radiusFactor: 0.75 })).level;
    const district = locateDistricts(buildDistrictIndex(dataset.districts), coveragePoints(dataset).lon, coveragePoints(dataset).lat);
    expect(session.radiusFigures('current', 0.75).hamlets).toEqual(coverageFigures(scaled, pointWeights(dataset), dataset.hamlets.length, district, dataset.districts.length).hamlets);
    const table = session.networkFigures('current');
    expect(table.rows[0]?.hamlets).toEqual(want.figures.hamlets);
    for (const [j, operator] of operatorNames(dataset.towers).entries()) {
      expect(table.rows[j + 1]?.hamlets).toEqual(oracle(plan, 'current', operator).figures.hamlets);
    }
  });

  it('the timeline (target cards, charts) follows the model: each day = coverage that day', async () => {
    const session = new CoverageSession(dataset);
    const plan: PlanDoc = { ...EMPTY_PLAN, model: tuned };
    session.setPlan(1, plan, 'current');
    const timeline = await session.timeline();
    const dates = dataset.towers.flatMap((t) => [t.serviceDate, t.upgradeDate]).filter((d): d is string => !!d);
    const days = [...new Set(dates.flatMap((d) => [toDay(d), toDay(d) - 1]))].filter((_, i) => i % 5 === 0).concat([timeline.lastDay]);
    // The session's own classification of that day (checked against the CLI's above).
    for (const day of days) {
      const want = session.coverage(2, fromDay(day)).figures;
      expect(valueAt(timeline.series.hamlets_good[PROVINCE_SCOPE]!, day)).toBe(want.hamlets.good);
      expect(valueAt(timeline.series.schools_good[PROVINCE_SCOPE]!, day)).toBe(want.schools.good);
    }
    // and differs from the fixed timeline somewhere (the check can fail).
    const fixed = await new CoverageSession(dataset).timeline();
    const last = timeline.lastDay;
    expect(valueAt(timeline.series.hamlets_good[PROVINCE_SCOPE]!, last)).toBe(oracle(plan, fromDay(last)).figures.hamlets.good);
    expect(valueAt(timeline.series.hamlets_good[PROVINCE_SCOPE]!, last)).not.toBe(valueAt(fixed.series.hamlets_good[PROVINCE_SCOPE]!, last));
  }, 60000);

  it('a data set whose model.json says path loss is classified with its clutter from the first answer', () => {
    // Before, a fresh session classified every point as the default clutter class until
    // `why`, the timeline or the network table made the classes (96 bundled points moved).
    const model = editedModel(dataset.model, pathLoss);
    const data = { ...dataset, model };
    const want = scenarioLevels(data, 'current', {});
    const fresh = new CoverageSession(data);
    expect(Array.from(fresh.coverage(1, 'current').level)).toEqual(Array.from(want));
    const planned = new CoverageSession(data);
    expect(Array.from(planned.coverage(1, 'planned').level)).toEqual(Array.from(scenarioLevels(data, 'planned', {})));
  });

  it('siting counts the network of the last request, under the model', () => {
    const session = new CoverageSession(dataset);
    session.setNetwork('VNPT');
    session.setPlan(1, { ...EMPTY_PLAN, model: pathLoss }, 'planned');
    expect(Array.from(session.plannedForSiting().level)).toEqual(Array.from(oracle({ ...EMPTY_PLAN, model: pathLoss }, 'planned', 'VNPT').level));
  });
});

describe('model edits: validation and reading back', () => {
  it('uses model.json’s validation codes', () => {
    expect(parameterIssues({ group: 'bandMhz', key: '4G' }, 50).map((i) => i.code)).toEqual(['out-of-range']);
    expect(parameterIssues({ group: 'bandMhz', key: '4G' }, 1800)).toEqual([]);
    expect(parameterIssues({ group: 'maxPathLossDb', key: '4G' }, 'abc').length).toBe(1);
    expect(parameterIssues({ group: 'receiverHeightM' }, 0).length).toBe(1);
    expect(parameterIssues({ group: 'clutterLossDb', key: 'forest' }, -3)).toEqual([]);
  });

  it('an edit holds only what differs from the data set’s model', () => {
    const base = editedModel(dataset.model, undefined);
    expect(modelEditOf(base, base)).toBeUndefined();
    expect(modelEditOf(base, editedModel(base, tuned))).toEqual(tuned);
  });

  it('a saved plan without a model reads as before; bad stored values are dropped', () => {
    const old = readPlanDoc({ added: [], changed: {}, removed: [] });
    expect(old.ok && old.plan.model).toBe(undefined);
    const saved = readPlanDoc({ added: [], changed: {}, removed: [], model: tuned });
    expect(saved.ok && saved.plan.model).toEqual(tuned);
    expect(readModelEdit({ radiusModel: 'magic', bandMhz: { '4G': 20, '5G': 3600 }, maxPathLossDb: { '4G': Number.NaN } })).toEqual({ bandMhz: { '5G': 3600 } });
    expect(readModelEdit('path_loss')).toBeUndefined();
  });
});
