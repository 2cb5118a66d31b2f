import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { towersOnAir } from '../../../src/domain/coverage/brute-force.ts';
import { LEVEL_GOOD, pointColumns } from '../../../src/domain/coverage/columns.ts';
import { calibrate, compareCodePoints, FACTOR_HUNDREDTHS, type LevelsFor } from '../../../src/domain/evidence/calibrate.ts';
import { scenarioLevelsFor } from '../../../src/domain/evidence/levels.ts';
import { testColumns } from '../../../src/domain/evidence/tests.ts';
import { haversineKm } from '../../../src/domain/geo/haversine.ts';
import type { Hamlet, Measurement, School, Technology, Tower } from '../../../src/domain/types.ts';
import { oracleMeasured, type OracleParams } from './oracle.ts';

const LON = 105;
const LAT = 9;
const FACTORS = [0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 1, 1.05, 1.1, 1.15, 1.2, 1.25, 1.3, 1.35, 1.4, 1.45, 1.5];

/** The contract's `good` with one operator's towers on air, radii × k, every point against every tower. */
function oracleGood(hamlets: Hamlet[], schools: School[], towers: Tower[], scenario: string, operator: string, k: number): boolean[] {
  const onAir = towersOnAir(towers, scenario).filter((t) => t.tower.operator === operator && (t.technology === '4G' || t.technology === '5G'));
  const covered = (lon: number, lat: number) => onAir.some((t) => haversineKm(lon, lat, t.tower.lon, t.tower.lat) <= t.radiusKm * k);
  return [...hamlets.map((h) => covered(h.lon, h.lat)), ...schools.map((s) => s.fixedBroadband || covered(s.lon, s.lat))];
}

function oracleCalibrate(hamlets: Hamlet[], schools: School[], towers: Tower[], tests: Measurement[], scenario: string, params: OracleParams) {
  const operators = [...new Set(towers.map((t) => t.operator))].sort(compareCodePoints);
  const points = [...hamlets, ...schools];
  return {
    scenario,
    operators: operators.map((operator) => {
      const measured = oracleMeasured(points, tests, scenario, params, operator);
      const judged = measured.map((m, i) => ({ m, i })).filter(({ m }) => m.verdict !== 'unverified');
      const agreeAt = (k: number) => {
        const good = oracleGood(hamlets, schools, towers, scenario, operator, k);
        return judged.filter(({ m, i }) => good[i] === (m.verdict === 'measured_good')).length;
      };
      const ranked = FACTORS.map((k) => ({ k, agree: agreeAt(k), distance: Math.round(Math.abs(k - 1) * 100) })).sort(
        (a, b) => b.agree - a.agree || a.distance - b.distance || a.k - b.k,
      );
      const best = ranked[0] as { k: number; agree: number };
      return { operator, points: judged.length, agree_at_1: agreeAt(1), factor: best.k, agree: best.agree };
    }),
  };
}

const hamlet = (i: number, lon: number, lat: number): Hamlet => ({ id: `h${i}`, name: `h${i}`, lon, lat, population: 1, gridPower: true, synthetic: true });
const PARAMS: OracleParams = { radiusM: 500, minTests: 3, goodMbps: 10, windowDays: 365 };

describe('the factors', () => {
  it('are 0.50, 0.55, …, 1.50 exactly as written', () => {
    expect(FACTOR_HUNDREDTHS.map((h) => h / 100)).toEqual(FACTORS);
  });
});

describe('compareCodePoints', () => {
  it('orders by code point: upper case before lower, "Đ" after "z", astral after U+FFFF-adjacent BMP', () => {
    expect(['b', 'Đ', 'a', 'B', 'z'].sort(compareCodePoints)).toEqual(['B', 'a', 'b', 'z', 'Đ']);
    // UTF-16 order would put U+1F600 (surrogates D83D…) before U+FF21.
    expect(['\u{1F600}', '\uFF21'].sort(compareCodePoints)).toEqual(['\uFF21', '\u{1F600}']);
    expect(['ab', 'a'].sort(compareCodePoints)).toEqual(['a', 'ab']);
  });
});

describe('calibrate', () => {
  it('picks the factor that makes the most points agree, ties to the one nearest 1, then the smaller', () => {
    // One 4G tower of A; points at 1.9, 3.1 and 5 km. Tests: good at 1.9 km, poor at 3.1 and 5 km.
    const north = (km: number) => LAT + km / 111.19508;
    const hamlets = [hamlet(0, LON, north(1.9)), hamlet(1, LON, north(3.1)), hamlet(2, LON, north(5))];
    const towers: Tower[] = [{ id: 't', lon: LON, lat: LAT, operator: 'A', status: 'existing', technology: '4G', synthetic: false }];
    const speeds: [number, number][] = [[0, 20], [1, 2], [2, 2]];
    const tests: Measurement[] = speeds.flatMap(([p, mbps]) => [1, 2, 3].map(() => ({ date: '2024-01-01', lon: LON, lat: (hamlets[p] as Hamlet).lat, operator: 'A', downloadMbps: mbps })));
    const levels = scenarioLevelsFor({ hamlets, schools: [], towers }, 'current');
    const report = calibrate({ scenario: 'current', operators: ['A', 'B', 'A'], points: pointColumns(hamlets, []), tests: testColumns(tests), params: PARAMS }, levels);
    // At 1 (4 km) the 3.1 km point is good but measured poor: 2 agree. 0.50 … 0.75 (2 … 3 km):
    // all 3; the nearest 1 of those is 0.75.
    expect(report).toEqual({
      scenario: 'current',
      operators: [
        { operator: 'A', points: 3, agree_at_1: 2, factor: 0.75, agree: 3 },
        { operator: 'B', points: 0, agree_at_1: 0, factor: 1, agree: 0 },
      ],
    });
  });

  it('breaks an exact tie between 0.95 and 1.05 towards the smaller', () => {
    const levelsFor: LevelsFor = (_operator, factor) => Uint8Array.of(factor === 0.95 || factor === 1.05 ? LEVEL_GOOD : 0);
    const tests = testColumns([1, 2, 3].map(() => ({ date: '2024-01-01', lon: LON, lat: LAT, operator: 'A', downloadMbps: 50 })));
    const report = calibrate({ scenario: 'current', operators: ['A'], points: pointColumns([hamlet(0, LON, LAT)], []), tests, params: PARAMS }, levelsFor);
    expect(report.operators).toEqual([{ operator: 'A', points: 1, agree_at_1: 0, factor: 0.95, agree: 1 }]);
  });

  it('matches the oracle on random towers, points and tests of several operators', () => {
    const technologies: Technology[] = ['2G', '3G', '4G', '5G'];
    const at = fc.record({ x: fc.double({ min: 0, max: 0.06, noNaN: true }), y: fc.double({ min: 0, max: 0.06, noNaN: true }) });
    const arbitrary = fc.record({
      towers: fc.array(
        fc.record({ at, operator: fc.constantFrom('Viettel', 'VNPT', 'MobiFone'), technology: fc.constantFrom(...technologies), radiusKm: fc.option(fc.double({ min: 0.3, max: 4, noNaN: true }), { nil: undefined }), planned: fc.boolean() }),
        { maxLength: 8 },
      ),
      points: fc.array(fc.record({ at, school: fc.boolean(), fixed: fc.boolean() }), { maxLength: 20 }),
      tests: fc.array(
        fc.record({ at, operator: fc.constantFrom('Viettel', 'VNPT', 'MobiFone', 'Other'), mbps: fc.integer({ min: 0, max: 25 }), day: fc.constantFrom('2024-01-01', '2024-06-01', '2025-01-01') }),
        { maxLength: 120 },
      ),
      radiusM: fc.constantFrom(500, 1500, 3000),
      minTests: fc.integer({ min: 1, max: 3 }),
      scenario: fc.constantFrom('current', 'planned', '2024-06-01'),
    });
    fc.assert(
      fc.property(arbitrary, (c) => {
        const towers: Tower[] = c.towers.map((t, i) => ({
          id: `t${i}`,
          lon: LON + t.at.x,
          lat: LAT + t.at.y,
          operator: t.operator,
          status: t.planned ? 'planned' : 'existing',
          technology: t.technology,
          ...(t.radiusKm === undefined ? {} : { radiusKm: t.radiusKm }),
          synthetic: false,
        }));
        const hamlets = c.points.filter((p) => !p.school).map((p, i) => hamlet(i, LON + p.at.x, LAT + p.at.y));
        const schools: School[] = c.points
          .filter((p) => p.school)
          .map((p, i) => ({ id: `s${i}`, name: 's', lon: LON + p.at.x, lat: LAT + p.at.y, level: 'primary', students: 1, fixedBroadband: p.fixed, synthetic: false }));
        const tests: Measurement[] = c.tests.map((t) => ({ date: t.day, lon: LON + t.at.x, lat: LAT + t.at.y, operator: t.operator, downloadMbps: t.mbps }));
        const params = { ...PARAMS, radiusM: c.radiusM, minTests: c.minTests };
        const dataset = { hamlets, schools, towers };
        const report = calibrate(
          { scenario: c.scenario, operators: towers.map((t) => t.operator), points: pointColumns(hamlets, schools), tests: testColumns(tests), params },
          scenarioLevelsFor(dataset, c.scenario),
        );
        expect(report).toEqual(oracleCalibrate(hamlets, schools, towers, tests, c.scenario, params));
        // Every point's level, without a subset, as the oracle says at a factor off 1.
        const full = scenarioLevelsFor(dataset, c.scenario)('Viettel', 0.65);
        expect(Array.from(full, (l) => l === LEVEL_GOOD)).toEqual(oracleGood(hamlets, schools, towers, c.scenario, 'Viettel', 0.65));
      }),
      { numRuns: 150, seed: 1616 },
    );
  });
});
