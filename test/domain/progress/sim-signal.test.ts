// Data SIMs with good signal of their own network (issue 15), against plain oracles: the
// tallies from random deliveries × per-operator levels by brute-force counting, and the
// levels themselves from the brute-force coverage of each operator alone (rule 9).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pointLevel, towersOnAir } from '../../../src/domain/coverage/brute-force.ts';
import { simSignal, tallySimSignal, type SimTally } from '../../../src/domain/progress/sim-signal.ts';
import type { Dataset, Delivery, Technology, Tower } from '../../../src/domain/types.ts';
import { readDataFolder } from '../../../src/cli/folder.ts';
import { parseDataset } from '../../../src/domain/parse/index.ts';
import { locateDistricts, buildDistrictIndex } from '../../../src/domain/coverage/districts.ts';
import { SEED, school } from '../coverage/classify-helpers.ts';
import { fixture } from './fixture.ts';

const NETWORKS = ['A', 'B', 'C'];
/** 'Z' is a name no network has; undefined a row without operator. */
const OPERATOR_ARB = fc.constantFrom<string | undefined>('A', 'B', 'C', 'Z', undefined);
const DATES = ['2021-09-01', '2021-10-01', '2021-11-01'];

const deliveryArb = (schools: number) =>
  fc.record({
    school: fc.integer({ min: 0, max: schools }),
    kind: fc.constantFrom<Delivery['kind']>('data_sim', 'data_sim', 'computer'),
    quantity: fc.integer({ min: 1, max: 40 }),
    operator: OPERATOR_ARB,
    date: fc.constantFrom(...DATES),
  });

const caseArb = fc.integer({ min: 1, max: 8 }).chain((schools) =>
  fc.record({
    schools: fc.constant(schools),
    districtCount: fc.integer({ min: 1, max: 3 }),
    district: fc.array(fc.integer({ min: -1, max: 2 }), { minLength: schools, maxLength: schools }),
    good: fc.array(fc.array(fc.boolean(), { minLength: schools, maxLength: schools }), { minLength: 3, maxLength: 3 }),
    deliveries: fc.array(deliveryArb(schools), { maxLength: 30 }),
    until: fc.constantFrom<string | undefined>(undefined, ...DATES),
  }),
);

/** Counting SIM by SIM, one question at a time. */
function oracle(rows: { school: number | undefined; district: number; operator: string | undefined; quantity: number; good: boolean }[], pick: (r: (typeof rows)[number]) => boolean): SimTally {
  let sims = 0;
  let good = 0;
  let unknown = 0;
  for (const r of rows.filter(pick)) {
    for (let k = 0; k < r.quantity; k++) {
      sims++;
      if (r.good) good++;
      if (r.operator === undefined) unknown++;
    }
  }
  return { sims, good, unknown, pct: sims === 0 ? null : (100 * good) / sims };
}

describe(`tallySimSignal = counting SIM by SIM (seed ${SEED})`, () => {
  it('province, each operator, each district and outside, up to a day', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        // School index c.schools stands for an id that schools.geojson lacks.
        const ids = Array.from({ length: c.schools }, (_, i) => `S${i}`);
        const deliveries: Delivery[] = c.deliveries.map((d) => {
          const row: Delivery = { date: d.date, schoolId: d.school < c.schools ? `S${d.school}` : 'S-unknown', kind: d.kind, quantity: d.quantity };
          if (d.operator !== undefined && d.kind === 'data_sim') row.operator = d.operator;
          return row;
        });
        const district = c.district.map((k) => (k < c.districtCount ? k : -1));
        const got = tallySimSignal({
          deliveries,
          schoolIndex: new Map(ids.map((id, i) => [id, i])),
          schoolDistrict: district,
          districtCount: c.districtCount,
          goodOf: (operator, s) => NETWORKS.includes(operator) && (c.good[NETWORKS.indexOf(operator)]?.[s] ?? false),
          until: c.until,
        });
        const rows = deliveries
          .filter((d) => d.kind === 'data_sim' && (c.until === undefined || d.date <= c.until))
          .map((d) => {
            const s = ids.indexOf(d.schoolId);
            const school = s < 0 ? undefined : s;
            const n = d.operator === undefined ? -1 : NETWORKS.indexOf(d.operator);
            const good = school !== undefined && n >= 0 && c.good[n]?.[school] === true;
            return { school, district: school === undefined ? -1 : (district[school] as number), operator: d.operator, quantity: d.quantity, good };
          });
        expect(got.total).toEqual(oracle(rows, () => true));
        expect(got.outside).toEqual(oracle(rows, (r) => r.district < 0));
        expect(got.districts).toEqual(Array.from({ length: c.districtCount }, (_, k) => oracle(rows, (r) => r.district === k)));
        const named = [...new Set(rows.flatMap((r) => (r.operator === undefined ? [] : [r.operator])))].sort();
        expect(got.operators).toEqual(named.map((operator) => ({ ...oracle(rows, (r) => r.operator === operator), operator })));
        expect(got.status).toBe(got.total.sims === 0 ? 'none_delivered' : got.total.good === got.total.sims ? 'all_good' : 'some_without');
        expect(got.until).toBe(c.until ?? null);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});

const lonArb = fc.double({ min: 105.0, max: 105.2, noNaN: true });
const latArb = fc.double({ min: 9.0, max: 9.2, noNaN: true });

describe(`simSignal = the brute-force coverage of each operator alone (seed ${SEED})`, () => {
  it('good means a 4G/5G tower of the SIM\'s operator on air covers the school; fixed broadband does not count', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ lon: lonArb, lat: latArb, operator: fc.constantFrom('A', 'B'), technology: fc.constantFrom<Technology>('3G', '4G', '5G'), planned: fc.boolean() }), { maxLength: 12 }),
        fc.array(fc.record({ lon: lonArb, lat: latArb, fixed: fc.boolean() }), { minLength: 1, maxLength: 6 }),
        fc.array(fc.record({ school: fc.nat(), operator: fc.constantFrom<string | undefined>('A', 'B', 'Z', undefined), quantity: fc.integer({ min: 1, max: 9 }) }), { maxLength: 12 }),
        fc.constantFrom('current', 'planned'),
        (towerSpecs, schoolSpecs, sims, scenario) => {
          const base = fixture();
          const towers: Tower[] = towerSpecs.map((t, i) => ({ id: `T${i}`, lon: t.lon, lat: t.lat, operator: t.operator, status: t.planned ? 'planned' : 'existing', technology: t.technology, synthetic: true }));
          const schools = schoolSpecs.map((s, i) => school(`S${i}`, s.lon, s.lat, s.fixed));
          const deliveries: Delivery[] = sims.map((d) => {
            const row: Delivery = { date: '2021-09-01', schoolId: `S${d.school % schools.length}`, kind: 'data_sim', quantity: d.quantity };
            if (d.operator !== undefined) row.operator = d.operator;
            return row;
          });
          const dataset: Dataset = { ...base, towers, schools, deliveries };
          const district = locateDistricts(buildDistrictIndex(dataset.districts), Float64Array.from(schools, (s) => s.lon), Float64Array.from(schools, (s) => s.lat));
          const got = simSignal(dataset, scenario, district);
          let good = 0;
          for (const d of deliveries) {
            if (d.operator === undefined) continue;
            const s = schools[Number(d.schoolId.slice(1))]!;
            const onAir = towersOnAir(towers, scenario, { operator: d.operator });
            if (pointLevel(s.lon, s.lat, onAir, false).level === 'good') good += d.quantity;
          }
          expect(got.total.good).toBe(good);
          expect(got.total.sims).toBe(deliveries.reduce((n, d) => n + d.quantity, 0));
        },
      ),
      { seed: SEED, numRuns: 200 },
    );
  });

  it('a date scenario counts the deliveries up to that day', () => {
    const dataset = fixture();
    const deliveries: Delivery[] = [
      { date: '2021-04-01', schoolId: 'S1', kind: 'data_sim', quantity: 5, operator: 'Viettel' },
      { date: '2021-10-01', schoolId: 'S1', kind: 'data_sim', quantity: 7, operator: 'Viettel' },
      { date: '2021-10-01', schoolId: 'S2', kind: 'data_sim', quantity: 3 },
    ];
    // S1 has 4G from T3 from 2021-09-01 on; S2 (fixed broadband, no tower) never counts.
    const d = (scenario: string) => simSignal({ ...dataset, deliveries }, scenario, [0, 0]);
    expect(d('2021-08-31').total).toEqual({ sims: 5, good: 0, unknown: 0, pct: 0 });
    expect(d('2021-10-01').total).toEqual({ sims: 15, good: 12, unknown: 3, pct: 80 });
    expect(d('2021-03-01').status).toBe('none_delivered');
  });
});

describe('simSignal on the bundled data', () => {
  const { dataset } = parseDataset(readDataFolder('data'));
  if (!dataset) throw new Error('data/ does not load');

  it('counts every data SIM once, each under its named network, by district', () => {
    const district = locateDistricts(buildDistrictIndex(dataset.districts), Float64Array.from(dataset.schools, (s) => s.lon), Float64Array.from(dataset.schools, (s) => s.lat));
    const got = simSignal(dataset, 'current', district);
    const sims = (dataset.deliveries ?? []).filter((d) => d.kind === 'data_sim').reduce((n, d) => n + d.quantity, 0);
    expect(got.total.sims).toBe(sims);
    expect(got.total.unknown).toBe(0);
    expect(got.operators.map((o) => o.operator)).toEqual(['MobiFone', 'VNPT', 'Viettel']);
    expect(got.operators.reduce((n, o) => n + o.sims, 0)).toBe(sims);
    expect(got.districts.reduce((n, t) => n + t.sims, got.outside.sims)).toBe(sims);
    expect(got.total.good).toBeGreaterThan(0);
    expect(got.total.good).toBeLessThan(sims);
  });
});
