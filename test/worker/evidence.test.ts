// The engine's verdicts and agreements (worker/evidence.ts) on the bundled data, held to the
// plain reading of rule 10 (every point against every test) and to the agreement's words;
// and the story the simulated tests tell (synthesis/measurements.ts).
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LEVEL_GOOD } from '../../src/domain/coverage/columns.ts';
import { scenarioLevelsFor } from '../../src/domain/evidence/levels.ts';
import { measureScenario } from '../../src/domain/evidence/measured.ts';
import { AGREEMENT_NAMES, agreements, CONTRADICTED, UNDERSTATED } from '../../src/domain/evidence/verdict.ts';
import { parseDataset } from '../../src/domain/parse/index.ts';
import { removeTower, EMPTY_PLAN } from '../../src/domain/plan/plan.ts';
import type { Dataset } from '../../src/domain/types.ts';
import { CoverageSession } from '../../src/worker/compute.ts';
import { evidenceOf, measuredOf } from '../../src/cli/evidence.ts';
import { operatorNames } from '../../src/domain/coverage/scenario-levels.ts';
import { dayOf } from '../../src/domain/evidence/tests.ts';
import { oracleMeasured } from '../domain/evidence/oracle.ts';

function bundled(): Dataset {
  const files = readdirSync('data', { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(geojson|csv|json)$/.test(f))
    .map((path) => ({ path, text: readFileSync(`data/${path}`, 'utf8') }));
  const { dataset } = parseDataset(files);
  if (!dataset) throw new Error('bundled data does not parse');
  return dataset;
}

const dataset = bundled();
const measurements = dataset.measurements ?? [];
const points = [...dataset.hamlets, ...dataset.schools];
const params = { radiusM: 500, minTests: 3, goodMbps: 10, windowDays: 365 };

/** The agreement as the issue words it, from a level name and a verdict name. */
function agreementWords(good: boolean, verdict: string): string {
  if (verdict === 'unverified') return 'unverified';
  if (verdict === 'measured_good') return good ? 'confirmed' : 'understated';
  return good ? 'contradicted' : 'confirmed';
}

describe('the engine answers with each point verdict and agreement', () => {
  it('bundles measurements', () => expect(measurements.length).toBeGreaterThan(1000));

  it.each(['current', '2022-06-30', '2021-06-01'])('scenario %s: as the oracle', (scenario) => {
    const session = new CoverageSession(dataset, 1);
    const result = session.coverage(1, scenario);
    const evidence = result.evidence;
    if (!evidence) throw new Error('no evidence in the answer');
    const oracle = oracleMeasured(points, measurements, scenario, params);
    oracle.forEach((o, i) => {
      expect(evidence.tests[i], `point ${i}`).toBe(o.tests);
      expect(['unverified', 'measured_good', 'measured_poor'][evidence.verdict[i] as number]).toBe(o.verdict);
      const good = result.level[i] === LEVEL_GOOD;
      expect(AGREEMENT_NAMES[evidence.agreement[i] as number], `point ${i}`).toBe(agreementWords(good, o.verdict));
    });
    const counted = measurements.filter((_, t) => evidence.counted[t] === 1).length;
    expect(counted).toBe(evidence.counted.reduce((a, b) => a + b, 0));
    if (scenario === '2021-06-01') expect(counted).toBeLessThan(50);
  });

  it('a plan edit answers agreement against its new levels', () => {
    const session = new CoverageSession(dataset, 1);
    const before = session.coverage(1, 'current');
    const contradicted = before.evidence?.agreement.indexOf(CONTRADICTED) ?? -1;
    expect(contradicted).toBeGreaterThanOrEqual(0);
    // Remove every tower: nothing is modelled good, so a contradicted point becomes confirmed.
    let plan = EMPTY_PLAN;
    for (const t of dataset.towers) plan = removeTower(plan, dataset.towers, t.id);
    const after = session.setPlan(2, plan, 'current');
    expect(after.evidence?.verdict).toEqual(before.evidence?.verdict);
    expect(after.evidence?.agreement).toEqual(agreements(after.level, after.evidence?.verdict ?? new Uint8Array()));
    expect(after.evidence?.agreement[contradicted]).toBe(1);
  });

  it('calibration is the calibrate command\'s report (npm run calibrate -- --data data)', () => {
    const report = new CoverageSession(dataset, 1).calibration('current');
    expect(report.operators).toEqual([
      { operator: 'MobiFone', points: 158, agree_at_1: 139, factor: 1, agree: 139 },
      { operator: 'VNPT', points: 166, agree_at_1: 165, factor: 1, agree: 165 },
      { operator: 'Viettel', points: 326, agree_at_1: 310, factor: 1.3, agree: 319 },
    ]);
  });

  it('no measurements.csv: no evidence', () => {
    const { measurements: _, ...without } = dataset;
    expect(new CoverageSession(without, 1).coverage(1, 'current').evidence).toBeUndefined();
  });
});

describe('one network selected: the evidence of coverage --operator', () => {
  /** The CLI's `measured` records (src/cli/evidence.ts, `coverage --operator`) as the worker's columns. */
  const cliColumns = (scenario: string, operator: string | undefined) => {
    const records = measuredOf(dataset, scenario, evidenceOf(dataset), operator) ?? [];
    return { tests: records.map((r) => r.tests), median: records.map((r) => r.median_mbps), verdict: records.map((r) => r.verdict) };
  };
  const workerColumns = (evidence: { tests: Int32Array; medianMbps: Float64Array; verdict: Uint8Array }) => ({
    tests: Array.from(evidence.tests),
    median: Array.from(evidence.medianMbps, (m) => (Number.isNaN(m) ? null : m)),
    verdict: Array.from(evidence.verdict, (v) => ['unverified', 'measured_good', 'measured_poor'][v]),
  });

  it.each(['current', '2022-06-30'])('each operator counts only its own tests, every operator all of them (%s)', (scenario) => {
    const session = new CoverageSession(dataset, 1);
    const operators = operatorNames(dataset.towers);
    expect(operators.length).toBeGreaterThanOrEqual(2);
    // Back to every operator at the end: the session must not keep the last network's verdicts.
    for (const operator of [undefined, ...operators, undefined]) {
      session.setNetwork(operator);
      const evidence = session.coverage(1, scenario).evidence;
      if (!evidence) throw new Error('no evidence in the answer');
      const want = cliColumns(scenario, operator);
      expect(workerColumns(evidence), String(operator)).toEqual(want);
      // The tests the answer counts (the map's dots, the "why" list) are that operator's.
      const foreign = measurements.filter((m, t) => evidence.counted[t] === 1 && operator !== undefined && m.operator !== operator);
      expect(foreign, String(operator)).toEqual([]);
      if (operator !== undefined) expect(want.tests).not.toEqual(cliColumns(scenario, undefined).tests);
    }
  });

  it('a plan edit with one network selected keeps that network\'s verdicts', () => {
    const session = new CoverageSession(dataset, 1);
    const operator = operatorNames(dataset.towers)[0] as string;
    session.setNetwork(operator);
    session.coverage(1, 'current');
    const tower = dataset.towers.find((t) => t.operator === operator) as (typeof dataset.towers)[number];
    const after = session.setPlan(2, removeTower(EMPTY_PLAN, dataset.towers, tower.id), 'current');
    if (!after.evidence) throw new Error('no evidence in the answer');
    expect(workerColumns(after.evidence)).toEqual(cliColumns('current', operator));
    const end = Math.max(...measurements.map((m) => dayOf(m.date)));
    const inWindow = measurements.filter((m) => m.operator === operator && dayOf(m.date) > end - params.windowDays).length;
    expect(after.evidence.counted.reduce((a, b) => a + b, 0)).toBe(inWindow);
  });
});

describe('the simulated tests tell the story', () => {
  const levelsFor = scenarioLevelsFor(dataset, 'current');
  const columns = { count: points.length, lon: Float64Array.from(points, (p) => p.lon), lat: Float64Array.from(points, (p) => p.lat) };
  const counts = (operator: string) => {
    const measured = measureScenario(columns, measurements, 'current', params, operator);
    const agreement = agreements(levelsFor(operator, 1), measured.verdict);
    return { contradicted: agreement.filter((a) => a === CONTRADICTED).length, understated: agreement.filter((a) => a === UNDERSTATED).length };
  };
  const byOperator = Object.fromEntries(['MobiFone', 'VNPT', 'Viettel'].map((o) => [o, counts(o)]));

  it('MobiFone has the most contradicted points, Viettel the understated ones', () => {
    expect(byOperator.MobiFone!.contradicted).toBeGreaterThan(2 * byOperator.VNPT!.contradicted);
    expect(byOperator.MobiFone!.contradicted).toBeGreaterThan(byOperator.Viettel!.contradicted);
    expect(byOperator.Viettel!.understated).toBeGreaterThanOrEqual(5);
  });

  it('every test is labelled simulated', () => {
    expect(measurements.every((m) => m.source?.includes('mô phỏng'))).toBe(true);
  });
});
