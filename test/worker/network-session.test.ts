// One network at a time in the worker's session: its answers are those of `coverage
// --operator` (scenarioLevels), after a plan edit too; the side-by-side table agrees.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LEVEL_GOOD } from '../../src/domain/coverage/columns.ts';
import { operatorNames, scenarioLevels } from '../../src/domain/coverage/scenario-levels.ts';
import { addTower, EMPTY_PLAN } from '../../src/domain/plan/plan.ts';
import { parseDataset } from '../../src/domain/parse/index.ts';
import type { Dataset, Tower } from '../../src/domain/types.ts';
import { CoverageSession } from '../../src/worker/compute.ts';

function bundled(): Dataset {
  const files = readdirSync('data', { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(geojson|csv|json)$/.test(f))
    .map((path) => ({ path, text: readFileSync(`data/${path}`, 'utf8') }));
  const { dataset } = parseDataset(files);
  if (!dataset) throw new Error('bundled data does not parse');
  return dataset;
}

const dataset = bundled();
const operators = operatorNames(dataset.towers);
const goodCount = (level: Uint8Array) => level.reduce((n, l) => n + (l === LEVEL_GOOD ? 1 : 0), 0);

describe('CoverageSession, one network at a time', () => {
  it('the bundled data names at least two operators', () => {
    expect(operators.length).toBeGreaterThanOrEqual(2);
  });

  it.each(['current', '2021-10-15'])('each operator alone = coverage --operator, and the table agrees (%s)', (scenario) => {
    const session = new CoverageSession(dataset);
    const table = session.networkFigures(scenario);
    expect(table.rows.map((r) => r.operator)).toEqual([undefined, ...operators]);
    for (const [j, operator] of [undefined, ...operators].entries()) {
      session.setNetwork(operator);
      const result = session.coverage(1, scenario);
      const want = scenarioLevels(dataset, scenario, operator === undefined ? {} : { operator });
      expect(Array.from(result.level)).toEqual(Array.from(want));
      expect(result.network).toBe(operator);
      expect(table.rows[j]?.hamlets).toEqual(result.figures.hamlets);
      expect(table.rows[j]?.schools).toEqual(result.figures.schools);
    }
  });

  it('a plan edit counts only the network’s own towers', () => {
    const session = new CoverageSession(dataset);
    const [first, second] = operators as [string, string];
    session.setNetwork(first);
    const before = session.coverage(1, 'planned');
    const hamlet = dataset.hamlets.find((_, i) => before.level[i] !== LEVEL_GOOD) as Dataset['hamlets'][number];
    const mast = (operator: string, id: string): Tower => ({ id, lon: hamlet.lon, lat: hamlet.lat, operator, status: 'planned', technology: '4G', synthetic: false });
    const other = session.setPlan(2, addTower(EMPTY_PLAN, mast(second, 'NEW-OTHER')), 'planned');
    expect(goodCount(other.level)).toBe(goodCount(before.level));
    const own = session.setPlan(3, addTower(addTower(EMPTY_PLAN, mast(second, 'NEW-OTHER')), mast(first, 'NEW-OWN')), 'planned');
    expect(goodCount(own.level)).toBeGreaterThan(goodCount(before.level));
    const withPlan = { ...dataset, towers: [...dataset.towers, mast(second, 'NEW-OTHER'), mast(first, 'NEW-OWN')] };
    expect(Array.from(own.level)).toEqual(Array.from(scenarioLevels(withPlan, 'planned', { operator: first })));
  });

  it('the data SIMs of the table: a plan tower of a SIM\'s own network at its school makes them count as good', () => {
    const session = new CoverageSession(dataset);
    const before = session.networkFigures('planned').sims;
    const sims = (dataset.deliveries ?? []).filter((d) => d.kind === 'data_sim');
    expect(before.total.sims).toBe(sims.reduce((n, d) => n + d.quantity, 0));
    expect(before.operators.map((o) => o.operator)).toEqual(operators);
    // A school whose SIMs lack their own network's good signal (its fixed broadband does not help them).
    const schoolsById = new Map(dataset.schools.map((s) => [s.id, s]));
    const bad = sims.find((d) => {
      const s = schoolsById.get(d.schoolId);
      return s !== undefined && d.operator !== undefined && scenarioLevels({ ...dataset, schools: [{ ...s, fixedBroadband: false }], hamlets: [] }, 'planned', { operator: d.operator })[0] !== LEVEL_GOOD;
    });
    if (!bad?.operator) throw new Error('every bundled SIM already works: no case to test');
    const school = schoolsById.get(bad.schoolId) as Dataset['schools'][number];
    const atSchool = sims.filter((d) => d.schoolId === bad.schoolId && d.operator === bad.operator).reduce((n, d) => n + d.quantity, 0);
    const mast: Tower = { id: 'SIM-MAST', lon: school.lon, lat: school.lat, operator: bad.operator, status: 'planned', technology: '4G', synthetic: false };
    session.setPlan(2, addTower(EMPTY_PLAN, mast), 'planned');
    const after = session.networkFigures('planned').sims;
    expect(after.total.good - before.total.good).toBe(atSchool);
    expect(after.total.sims).toBe(before.total.sims);
  });

  it('why agrees with the level on screen, in the network', () => {
    const session = new CoverageSession(dataset);
    session.setNetwork(operators[0]);
    const result = session.coverage(1, 'current');
    for (let i = 0; i < result.level.length; i += 37) {
      const why = session.why(i, 'current');
      expect(why?.level).toBe(result.level[i]);
      for (const t of why?.towers ?? []) expect(t.operator).toBe(operators[0]);
    }
  });
});
