// Calibration as a what-if (issue 16, item 6): the factors on the towers, in a saved plan, and
// in the engine, whose levels and verdicts are held to a classification of towers scaled here
// independently (each on-air radius × its operator's factor).
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/domain/coverage/classify.ts';
import { onAirTowers, pointColumns } from '../../src/domain/coverage/columns.ts';
import { calibratedTower, calibratedTowers, factorsOf, readFactors, sameFactors } from '../../src/domain/evidence/calibrated.ts';
import { agreements } from '../../src/domain/evidence/verdict.ts';
import { parseDataset } from '../../src/domain/parse/index.ts';
import { addTower, EMPTY_PLAN, readPlanDoc, withCalibration } from '../../src/domain/plan/plan.ts';
import type { Dataset, Tower } from '../../src/domain/types.ts';
import { CoverageSession } from '../../src/worker/compute.ts';

const tower = (over: Partial<Tower>): Tower => ({ id: 'T1', lon: 105, lat: 9, operator: 'Viettel', status: 'existing', technology: '4G', synthetic: false, ...over });

describe('calibrated towers', () => {
  it('multiply the radius a tower has, given or by default, before and after an upgrade', () => {
    expect(calibratedTower(tower({ radiusKm: 2 }), { Viettel: 1.3 }).radiusKm).toBeCloseTo(2.6, 12);
    // Default radii (types.ts): 3G 5 km, 5G 1.5 km.
    const upgraded = calibratedTower(tower({ technology: '3G', upgradeTechnology: '5G', upgradeDate: '2024-01-01' }), { Viettel: 0.5 });
    expect([upgraded.radiusKm, upgraded.upgradeRadiusKm]).toEqual([2.5, 0.75]);
    const same = tower({});
    expect(calibratedTower(same, { VNPT: 1.5 })).toBe(same);
    expect(calibratedTowers([same], undefined)[0]).toBe(same);
  });

  it('read operator names as data, not as the prototype', () => {
    const read = readFactors(JSON.parse('{"__proto__": 0.8, "toString": 1.2}'));
    if (!read.ok) throw new Error('refused');
    expect(calibratedTower(tower({ operator: '__proto__', radiusKm: 1 }), read.factors).radiusKm).toBeCloseTo(0.8, 12);
    expect(calibratedTower(tower({ operator: 'constructor', radiusKm: 1 }), read.factors).radiusKm).toBe(1);
    expect(readFactors({ A: 0 })).toEqual({ ok: false, at: 'calibration["A"]', what: 'positive' });
    expect(readFactors([1])).toMatchObject({ ok: false, what: 'object' });
  });

  it('keep only the factors that change something; absent, empty and all-1 are the same', () => {
    const report = { operators: [{ operator: 'A', points: 3, agree_at_1: 1, factor: 1, agree: 1 }, { operator: 'B', points: 3, agree_at_1: 1, factor: 0.75, agree: 2 }] };
    expect(factorsOf(report)).toEqual({ B: 0.75 });
    expect(sameFactors(undefined, {})).toBe(true);
    expect(sameFactors({ A: 1 }, undefined)).toBe(true);
    expect(sameFactors({ B: 0.75 }, { B: 0.8 })).toBe(false);
  });
});

describe('a plan with a calibration', () => {
  it('reads back, and an old plan without one still reads', () => {
    const plan = withCalibration(EMPTY_PLAN, { Viettel: 1.3 });
    const read = readPlanDoc(JSON.parse(JSON.stringify(plan)));
    expect(read).toEqual({ ok: true, plan: { added: [], changed: {}, removed: [], calibration: { Viettel: 1.3 } } });
    expect(readPlanDoc({ added: [], changed: {}, removed: [] })).toEqual({ ok: true, plan: { added: [], changed: {}, removed: [] } });
    expect(readPlanDoc({ ...plan, calibration: { Viettel: 'x' } })).toMatchObject({ ok: false, problem: expect.stringContaining('calibration["Viettel"]') });
    expect(withCalibration(plan, undefined)).toEqual({ added: [], changed: {}, removed: [] });
  });
});

function bundled(): Dataset {
  const files = readdirSync('data', { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(geojson|csv|json)$/.test(f))
    .map((path) => ({ path, text: readFileSync(`data/${path}`, 'utf8') }));
  const { dataset } = parseDataset(files);
  if (!dataset) throw new Error('bundled data does not parse');
  return dataset;
}

describe('the engine with the calibration what-if (bundled data)', () => {
  const dataset = bundled();
  const points = pointColumns(dataset.hamlets, dataset.schools);
  /** Levels with each on-air radius × its operator's factor, scaled here (not through calibratedTower). */
  const oracleLevels = (towers: readonly Tower[], factors: Record<string, number>, scenario: string) => {
    const columns = onAirTowers(towers, scenario);
    columns.radiusKm.forEach((r, k) => {
      const operator = (towers[columns.towerIndex[k] as number] as Tower).operator;
      columns.radiusKm[k] = r * (factors[operator] ?? 1);
    });
    return classify(points, columns).level;
  };

  it('computes levels and verdicts with the calibrated radii, in a plan edit and in the full answer, and undoes', () => {
    const session = new CoverageSession(dataset, 1);
    const before = session.coverage(1, 'current');
    const factors = factorsOf(session.calibration('current'));
    expect(factors).toEqual({ Viettel: 1.3 });
    const calibrated = withCalibration(EMPTY_PLAN, factors);
    const quick = session.setPlan(2, calibrated, 'current');
    const expected = oracleLevels(dataset.towers, factors, 'current');
    expect(quick.level).toEqual(expected);
    expect(quick.level).not.toEqual(before.level);
    expect(quick.evidence?.verdict).toEqual(before.evidence?.verdict);
    expect(quick.evidence?.agreement).toEqual(agreements(expected, before.evidence?.verdict ?? new Uint8Array()));
    const full = session.coverage(3, 'current');
    expect(full.level).toEqual(expected);
    // The baseline (the loaded towers, no tower edit) is calibrated too: the plan changes no tower.
    expect(full.baselineLevel).toEqual(expected);
    // calibrate fits the model's radii, not the calibrated ones: the same factors again.
    expect(factorsOf(session.calibration('current'))).toEqual(factors);
    // A tower added under the calibration has its radius scaled as well.
    const added = tower({ id: 'NEW-1', lon: 105.1, lat: 9.1, status: 'existing', radiusKm: 3 });
    const edited = session.setPlan(4, addTower(calibrated, added), 'current');
    expect(edited.level).toEqual(oracleLevels([...dataset.towers, added], factors, 'current'));
    // Undo: back to the plan without it, the levels of the model as it is.
    session.setPlan(5, calibrated, 'current');
    expect(session.setPlan(6, EMPTY_PLAN, 'current').level).toEqual(before.level);
    expect(session.coverage(7, 'current').evidence?.agreement).toEqual(before.evidence?.agreement);
  });
});
