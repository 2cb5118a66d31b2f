// chooseSites (lazy greedy over a point grid) against a naive greedy written here: every round
// recomputes every candidate's gain by brute force over all demand points with haversineKm,
// takes the argmax with ties to the lowest point index, and stops at gain 0.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Hamlet, School } from '../../../src/domain/types.ts';
import { LEVEL_GOOD, LEVEL_NONE, LEVEL_WEAK, onAirTowers, pointColumns } from '../../../src/domain/coverage/columns.ts';
import { classify } from '../../../src/domain/coverage/classify.ts';
import { haversineKm } from '../../../src/domain/geo/haversine.ts';
import { chooseSites, sitingWeights, type SitingResult, type SitingWeight } from '../../../src/domain/siting/siting.ts';

const SEED = 20260416;
console.log(`siting property tests: fast-check seed ${SEED}`);
const run = (numRuns: number): fc.Parameters<unknown> => ({ seed: SEED, numRuns, interruptAfterTimeLimit: 20_000, markInterruptAsFailure: true });

interface Data {
  hamlets: Hamlet[];
  schools: School[];
}

// ---------------------------------------------------------------------------------------
// The naive reading

/** Each point's weight, written out independently of sitingWeights. */
function naiveWeight(data: Data, weight: SitingWeight, i: number): number {
  if (i < data.hamlets.length) {
    const h = data.hamlets[i]!;
    return weight === 'population' ? h.population : weight === 'students' ? (h.students ?? 0) : 0;
  }
  const s = data.schools[i - data.hamlets.length]!;
  return weight === 'students_in_need' ? (s.studentsInNeed ?? 0) : 0;
}

function place(data: Data, i: number): Hamlet | School {
  return i < data.hamlets.length ? data.hamlets[i]! : data.schools[i - data.hamlets.length]!;
}

interface NaiveResult {
  baselineGood: number;
  totalWeight: number;
  candidateCount: number;
  sites: { point: number; gain: number; cumulative: number }[];
}

function naiveGreedy(
  data: Data,
  level: Uint8Array,
  k: number,
  radiusKm: number,
  weight: SitingWeight,
  candidates?: readonly number[],
): NaiveResult {
  const n = data.hamlets.length + data.schools.length;
  const w = Array.from({ length: n }, (_, i) => naiveWeight(data, weight, i));
  const totalWeight = w.reduce((a, b) => a + b, 0);
  const baselineGood = w.reduce((a, b, i) => (level[i] === LEVEL_GOOD ? a + b : a), 0);
  const demand = [...Array(n).keys()].filter((i) => w[i]! > 0 && level[i] !== LEVEL_GOOD);
  const cands = candidates ? [...new Set(candidates)].sort((a, b) => a - b) : [...Array(n).keys()].filter((i) => level[i] !== LEVEL_GOOD);
  const covered = new Set<number>();
  const sites: NaiveResult['sites'] = [];
  let cumulative = 0;
  const covers = (site: number, d: number): boolean => {
    const a = place(data, site);
    const b = place(data, d);
    return haversineKm(a.lon, a.lat, b.lon, b.lat) <= radiusKm;
  };
  for (let round = 0; round < k; round++) {
    let best = -1;
    let bestGain = 0;
    for (const c of cands) {
      let gain = 0;
      for (const d of demand) if (!covered.has(d) && covers(c, d)) gain += w[d]!;
      if (gain > bestGain) {
        best = c;
        bestGain = gain;
      }
    }
    if (best < 0) break;
    for (const d of demand) if (covers(best, d)) covered.add(d);
    cumulative += bestGain;
    sites.push({ point: best, gain: bestGain, cumulative });
  }
  return { baselineGood, totalWeight, candidateCount: cands.length, sites };
}

/** Each site's gain recomputed on its own: demand within reach of it and of no earlier site. */
function recheckGains(data: Data, level: Uint8Array, result: SitingResult, radiusKm: number, weight: SitingWeight): number[] {
  const n = data.hamlets.length + data.schools.length;
  return result.sites.map((site, j) => {
    let gain = 0;
    for (let d = 0; d < n; d++) {
      const wd = naiveWeight(data, weight, d);
      if (!(wd > 0) || level[d] === LEVEL_GOOD) continue;
      const p = place(data, d);
      const reach = (s: { lon: number; lat: number }): boolean => haversineKm(p.lon, p.lat, s.lon, s.lat) <= radiusKm;
      if (reach(site) && !result.sites.slice(0, j).some(reach)) gain += wd;
    }
    return gain;
  });
}

// ---------------------------------------------------------------------------------------
// Random data

interface Spec {
  at: [number, number];
  population: number;
  students: number | undefined;
  studentsInNeed: number | undefined;
  gridPower: boolean;
  fixedBroadband: boolean;
  level: number;
}

/** Around a town: a lattice of 0.01° (~1.1 km) steps, so points repeat and distances coincide, or anywhere in it. */
const position: fc.Arbitrary<[number, number]> = fc.oneof(
  fc.tuple(fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 8 })).map(([x, y]): [number, number] => [105.1 + x * 0.01, 9.1 + y * 0.01]),
  fc.tuple(fc.double({ min: 105.1, max: 105.18, noNaN: true }), fc.double({ min: 9.1, max: 9.18, noNaN: true })),
);

const smallCount = fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 2000 }));

const spec: fc.Arbitrary<Spec> = fc.record({
  at: position,
  population: smallCount,
  students: fc.option(smallCount, { nil: undefined }),
  studentsInNeed: fc.option(smallCount, { nil: undefined }),
  gridPower: fc.boolean(),
  fixedBroadband: fc.boolean(),
  level: fc.constantFrom(LEVEL_NONE, LEVEL_WEAK, LEVEL_GOOD),
});

function build(hamletSpecs: readonly Spec[], schoolSpecs: readonly Spec[]): { data: Data; level: Uint8Array } {
  const hamlets = hamletSpecs.map(
    (s, i): Hamlet => ({
      id: `H${i}`,
      name: `Ấp ${i}`,
      lon: s.at[0],
      lat: s.at[1],
      population: s.population,
      ...(s.students === undefined ? {} : { students: s.students }),
      gridPower: s.gridPower,
      synthetic: true,
    }),
  );
  const schools = schoolSpecs.map(
    (s, j): School => ({
      id: `S${j}`,
      name: `Trường ${j}`,
      lon: s.at[0],
      lat: s.at[1],
      level: 'primary',
      students: s.population,
      ...(s.studentsInNeed === undefined ? {} : { studentsInNeed: s.studentsInNeed }),
      fixedBroadband: s.fixedBroadband,
      synthetic: true,
    }),
  );
  const level = Uint8Array.from([...hamletSpecs, ...schoolSpecs].map((s) => s.level));
  return { data: { hamlets, schools }, level };
}

const weightMode = fc.constantFrom<SitingWeight>('population', 'students', 'students_in_need');

interface Case {
  data: Data;
  level: Uint8Array;
  k: number;
  radiusKm: number;
  weight: SitingWeight;
}

/** A dataset, levels, k, a radius (sometimes exactly a distance between two of its points) and a weight. */
const caseArb: fc.Arbitrary<Case> = fc
  .record({
    hamlets: fc.array(spec, { maxLength: 40 }),
    schools: fc.array(spec, { maxLength: 15 }),
    k: fc.integer({ min: 0, max: 12 }),
    radius: fc.oneof(fc.constantFrom(0, 0.5, 1.5, 4), fc.double({ min: 0, max: 6, noNaN: true })),
    pair: fc.tuple(fc.nat(), fc.nat()),
    exactRadius: fc.boolean(),
    weight: weightMode,
  })
  .map(({ hamlets, schools, k, radius, pair, exactRadius, weight }) => {
    const { data, level } = build(hamlets, schools);
    const n = level.length;
    let radiusKm = radius;
    if (exactRadius && n > 0) {
      const a = place(data, pair[0] % n);
      const b = place(data, pair[1] % n);
      radiusKm = haversineKm(a.lon, a.lat, b.lon, b.lat);
    }
    return { data, level, k, radiusKm, weight };
  });

function picks(result: SitingResult): { point: number; gain: number; cumulative: number }[] {
  return result.sites.map(({ point, gain, cumulative }) => ({ point, gain, cumulative }));
}

// ---------------------------------------------------------------------------------------

describe('chooseSites against the naive greedy', () => {
  it('picks the same points with the same gains and cumulative sums, and the same totals', () => {
    fc.assert(
      fc.property(caseArb, ({ data, level, k, radiusKm, weight }) => {
        const got = chooseSites(data, level, { k, radiusKm, weight });
        const want = naiveGreedy(data, level, k, radiusKm, weight);
        expect(picks(got)).toEqual(want.sites);
        expect(got.baselineGood).toBe(want.baselineGood);
        expect(got.totalWeight).toBe(want.totalWeight);
        expect(got.candidateCount).toBe(want.candidateCount);
      }),
      run(400),
    );
  });

  it('gains are exact on their own, positive, non-increasing, and add up to the cumulative', () => {
    fc.assert(
      fc.property(caseArb, ({ data, level, k, radiusKm, weight }) => {
        const got = chooseSites(data, level, { k, radiusKm, weight });
        expect(got.sites.map((s) => s.gain)).toEqual(recheckGains(data, level, got, radiusKm, weight));
        let sum = 0;
        got.sites.forEach((site, j) => {
          expect(site.gain).toBeGreaterThan(0);
          if (j > 0) expect(site.gain).toBeLessThanOrEqual(got.sites[j - 1]!.gain);
          sum += site.gain;
          expect(site.cumulative).toBe(sum);
          expect(Number.isInteger(site.gain)).toBe(true);
        });
        expect(got.baselineGood + sum).toBeLessThanOrEqual(got.totalWeight);
        expect(got.sites.length).toBeLessThanOrEqual(k);
        expect(new Set(got.sites.map((s) => s.point)).size).toBe(got.sites.length);
      }),
      run(300),
    );
  });

  it('describes each site by its hamlet or school', () => {
    fc.assert(
      fc.property(caseArb, ({ data, level, k, radiusKm, weight }) => {
        for (const site of chooseSites(data, level, { k, radiusKm, weight }).sites) {
          expect(level[site.point]).not.toBe(LEVEL_GOOD);
          const isHamlet = site.point < data.hamlets.length;
          const p = place(data, site.point);
          expect(site).toMatchObject({
            atId: p.id,
            kind: isHamlet ? 'hamlet' : 'school',
            lon: p.lon,
            lat: p.lat,
            gridPower: isHamlet ? (p as Hamlet).gridPower : true,
          });
        }
      }),
      run(200),
    );
  });

  it('options.candidates restricts the sites to those points (any level, duplicates ignored)', () => {
    fc.assert(
      fc.property(caseArb, fc.array(fc.nat(), { maxLength: 30 }), (c, raw) => {
        const n = c.level.length;
        const candidates = n === 0 ? [] : raw.map((x) => x % n);
        const got = chooseSites(c.data, c.level, { k: c.k, radiusKm: c.radiusKm, weight: c.weight, candidates: Int32Array.from(candidates) });
        const want = naiveGreedy(c.data, c.level, c.k, c.radiusKm, c.weight, candidates);
        expect(picks(got)).toEqual(want.sites);
        expect(got.candidateCount).toBe(new Set(candidates).size);
        for (const site of got.sites) expect(candidates).toContain(site.point);
      }),
      run(300),
    );
  });

  it('agrees on larger, denser instances too', () => {
    fc.assert(
      fc.property(
        fc.array(spec, { minLength: 100, maxLength: 300 }),
        fc.array(spec, { maxLength: 60 }),
        fc.integer({ min: 1, max: 30 }),
        fc.constantFrom(0.8, 1.5, 2.5),
        weightMode,
        (h, s, k, radiusKm, weight) => {
          const { data, level } = build(h, s);
          expect(picks(chooseSites(data, level, { k, radiusKm, weight }))).toEqual(naiveGreedy(data, level, k, radiusKm, weight).sites);
        },
      ),
      run(25),
    );
  });
});

// ---------------------------------------------------------------------------------------
// Hand cases

function hamletAt(id: string, lon: number, lat: number, population: number, fields: Partial<Hamlet> = {}): Hamlet {
  return { id, name: id, lon, lat, population, gridPower: true, synthetic: true, ...fields };
}

function schoolAt(id: string, lon: number, lat: number, fields: Partial<School> = {}): School {
  return { id, name: id, lon, lat, level: 'primary', students: 100, fixedBroadband: false, synthetic: true, ...fields };
}

const none = (n: number): Uint8Array => new Uint8Array(n).fill(LEVEL_NONE);

describe('chooseSites, by hand', () => {
  it('a site covers itself at distance 0, even with radius 0', () => {
    const data = { hamlets: [hamletAt('A', 105, 9, 700)], schools: [] };
    for (const radiusKm of [0, 4]) {
      const result = chooseSites(data, none(1), { k: 3, radiusKm, weight: 'population' });
      expect(result).toEqual({
        baselineGood: 0,
        totalWeight: 700,
        candidateCount: 1,
        sites: [{ point: 0, atId: 'A', kind: 'hamlet', lon: 105, lat: 9, gain: 700, cumulative: 700, gridPower: true }],
      });
    }
  });

  it('a point exactly at the radius counts; one ulp beyond it does not', () => {
    const a = hamletAt('A', 105.1, 9.1, 100);
    const b = hamletAt('B', 105.13, 9.12, 40);
    const d = haversineKm(a.lon, a.lat, b.lon, b.lat);
    const data = { hamlets: [a, b], schools: [] };
    const at = chooseSites(data, none(2), { k: 1, radiusKm: d, weight: 'population' });
    expect(at.sites.map((s) => [s.atId, s.gain])).toEqual([['A', 140]]);
    const below = d - d * Number.EPSILON;
    expect(below).toBeLessThan(d);
    const short = chooseSites(data, none(2), { k: 2, radiusKm: below, weight: 'population' });
    expect(short.sites.map((s) => [s.atId, s.gain, s.cumulative])).toEqual([
      ['A', 100, 100],
      ['B', 40, 140],
    ]);
  });

  it('a school with fixed broadband is good: no candidate, no demand, part of the baseline', () => {
    const data = {
      hamlets: [hamletAt('H', 105.1, 9.1, 300, { students: 60 })],
      schools: [
        schoolAt('FIXED', 105.1, 9.1001, { fixedBroadband: true, studentsInNeed: 30 }),
        schoolAt('S', 105.1, 9.2, { studentsInNeed: 12 }),
      ],
    };
    // The engine's levels with no tower at all: only the fixed-broadband school is good.
    const { level } = classify(pointColumns(data.hamlets, data.schools), onAirTowers([], 'planned'));
    expect([...level]).toEqual([LEVEL_NONE, LEVEL_GOOD, LEVEL_NONE]);
    const inNeed = chooseSites(data, level, { k: 5, radiusKm: 1, weight: 'students_in_need' });
    expect(inNeed.baselineGood).toBe(30);
    expect(inNeed.totalWeight).toBe(42);
    expect(inNeed.candidateCount).toBe(2);
    expect(inNeed.sites.map((s) => [s.atId, s.kind, s.gain, s.cumulative])).toEqual([['S', 'school', 12, 12]]);
    const population = chooseSites(data, level, { k: 5, radiusKm: 1, weight: 'population' });
    expect(population.sites.map((s) => [s.atId, s.gain])).toEqual([['H', 300]]);
  });

  it('ties go to the lowest point index, whichever kind', () => {
    const far = { hamlets: [hamletAt('H0', 105, 9, 50), hamletAt('H1', 106, 9, 50), hamletAt('H2', 104, 9, 50)], schools: [] };
    expect(chooseSites(far, none(3), { k: 3, radiusKm: 4, weight: 'population' }).sites.map((s) => s.point)).toEqual([0, 1, 2]);
    // students_in_need: the hamlet (weight 0) and the school both cover the school; the hamlet comes first.
    const mixed = { hamlets: [hamletAt('H0', 105.1, 9.1, 999)], schools: [schoolAt('S0', 105.1, 9.11, { studentsInNeed: 7 })] };
    expect(chooseSites(mixed, none(2), { k: 2, radiusKm: 2, weight: 'students_in_need' }).sites).toEqual([
      { point: 0, atId: 'H0', kind: 'hamlet', lon: 105.1, lat: 9.1, gain: 7, cumulative: 7, gridPower: true },
    ]);
    // Equal gains from different sets: the lowest index still wins.
    const sets = {
      hamlets: [hamletAt('B', 105.2, 9, 10), hamletAt('A', 105, 9, 5), hamletAt('A2', 105.01, 9, 5)],
      schools: [],
    };
    expect(chooseSites(sets, none(3), { k: 1, radiusKm: 2, weight: 'population' }).sites.map((s) => [s.atId, s.gain])).toEqual([['B', 10]]);
  });

  it('stops once no site gains, however large k is', () => {
    const data = {
      hamlets: [hamletAt('A', 105, 9, 10), hamletAt('Z', 105.5, 9, 0), hamletAt('B', 106, 9, 20), hamletAt('C', 106.01, 9, 5)],
      schools: [],
    };
    const result = chooseSites(data, none(4), { k: 50, radiusKm: 4, weight: 'population' });
    expect(result.sites.map((s) => [s.atId, s.gain, s.cumulative])).toEqual([
      ['B', 25, 25],
      ['A', 10, 35],
    ]);
    expect(result.candidateCount).toBe(4);
    expect(chooseSites(data, none(4), { k: 0, radiusKm: 4, weight: 'population' }).sites).toEqual([]);
    // Everything good already: no candidate, no site.
    const good = new Uint8Array(4).fill(LEVEL_GOOD);
    expect(chooseSites(data, good, { k: 5, radiusKm: 4, weight: 'population' })).toEqual({
      baselineGood: 35,
      totalWeight: 35,
      candidateCount: 0,
      sites: [],
    });
  });

  it('weights: hamlet population, hamlet students (missing 0), school students in need (missing 0)', () => {
    const data = {
      hamlets: [hamletAt('H0', 105, 9, 100, { students: 20 }), hamletAt('H1', 105.5, 9, 200)],
      schools: [schoolAt('S0', 106, 9, { students: 500, studentsInNeed: 9 }), schoolAt('S1', 106.5, 9, { students: 400 })],
    };
    expect([...sitingWeights(data, 'population')]).toEqual([100, 200, 0, 0]);
    expect([...sitingWeights(data, 'students')]).toEqual([20, 0, 0, 0]);
    expect([...sitingWeights(data, 'students_in_need')]).toEqual([0, 0, 9, 0]);
    const level = Uint8Array.from([LEVEL_WEAK, LEVEL_NONE, LEVEL_NONE, LEVEL_GOOD]);
    const ids = (weight: SitingWeight): [string, number][] =>
      chooseSites(data, level, { k: 4, radiusKm: 4, weight }).sites.map((s) => [s.atId, s.gain]);
    expect(ids('population')).toEqual([
      ['H1', 200],
      ['H0', 100],
    ]);
    expect(ids('students')).toEqual([['H0', 20]]);
    expect(ids('students_in_need')).toEqual([['S0', 9]]);
    expect(() => sitingWeights(data, 'households' as SitingWeight)).toThrow(/unknown siting weight/);
  });

  it('grid_power is false only for a hamlet without grid power', () => {
    const data = { hamlets: [hamletAt('OFF', 105, 9, 10, { gridPower: false })], schools: [schoolAt('S', 106, 9, { studentsInNeed: 3 })] };
    expect(chooseSites(data, none(2), { k: 1, radiusKm: 1, weight: 'population' }).sites[0]?.gridPower).toBe(false);
    expect(chooseSites(data, none(2), { k: 1, radiusKm: 1, weight: 'students_in_need' }).sites[0]?.gridPower).toBe(true);
  });

  it('rejects what it cannot read: bad k, radius, level length or candidate index', () => {
    const data = { hamlets: [hamletAt('A', 105, 9, 10)], schools: [] };
    expect(() => chooseSites(data, none(1), { k: 1.5, radiusKm: 4, weight: 'population' })).toThrow(/k must be/);
    expect(() => chooseSites(data, none(1), { k: -1, radiusKm: 4, weight: 'population' })).toThrow(/k must be/);
    expect(() => chooseSites(data, none(1), { k: 1, radiusKm: NaN, weight: 'population' })).toThrow(/radiusKm/);
    expect(() => chooseSites(data, none(1), { k: 1, radiusKm: Infinity, weight: 'population' })).toThrow(/radiusKm/);
    expect(() => chooseSites(data, none(2), { k: 1, radiusKm: 4, weight: 'population' })).toThrow(/2 entries for 1 points/);
    expect(() => chooseSites(data, none(1), { k: 1, radiusKm: 4, weight: 'population', candidates: Int32Array.of(1) })).toThrow(
      /not a point index/,
    );
  });
});
