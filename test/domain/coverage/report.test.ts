import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readDataFolder } from '../../../src/cli/folder.ts';
import { pointClass, pointLevel, towersOnAir } from '../../../src/domain/coverage/brute-force.ts';
import { defaultRadioModel } from '../../../src/domain/coverage/radio-model.ts';
import { LEVEL_GOOD, LEVEL_NONE, LEVEL_WEAK } from '../../../src/domain/coverage/columns.ts';
import { buildDistrictIndex } from '../../../src/domain/coverage/districts.ts';
import {
  aggregateByArea,
  coverageReport,
  levelTotals,
  pointWeights,
  type CoverageOptions,
  type CoverageReport,
} from '../../../src/domain/coverage/report.ts';
import { pointInGeometry } from '../../../src/domain/geo/polygon.ts';
import { parseDataset } from '../../../src/domain/parse/index.ts';
import type {
  AreaGeometry,
  Boundary,
  ClutterClass,
  Dataset,
  Hamlet,
  Position,
  Ring,
  School,
  Technology,
  Tower,
} from '../../../src/domain/types.ts';

const SEED = 20211015;

// ---------------------------------------------------------------------------------------
// An independent, plain reading of the whole contract output: brute-force levels (rules
// 1-6), a loop over the boundary file for rule 7, and sums in plain objects.

function firstContaining(boundaries: readonly Boundary[] | undefined, lon: number, lat: number): Boundary | undefined {
  return boundaries?.find((b) => pointInGeometry(lon, lat, b.geometry));
}

interface PlainFigures {
  hamlets: number;
  hamlets_good: number;
  population: number;
  population_good: number;
  schools: number;
  schools_good: number;
}

function plainReport(dataset: Dataset, scenario: string, options: CoverageOptions = {}): CoverageReport {
  const model = { ...(dataset.model ?? defaultRadioModel()) };
  if (options.radiusModel !== undefined) model.radiusModel = options.radiusModel;
  const onAir = towersOnAir(dataset.towers, scenario, options.operator === undefined ? { model } : { model, operator: options.operator });
  const zero = (): PlainFigures => ({ hamlets: 0, hamlets_good: 0, population: 0, population_good: 0, schools: 0, schools_good: 0 });
  const byDistrict = new Map<string, PlainFigures>(dataset.districts.map((d) => [d.id, zero()]));
  const byCommune = new Map<string, PlainFigures>((dataset.communes ?? []).map((c) => [c.id, zero()]));
  const hamlets = { total: 0, good: 0, weak: 0, none: 0, population: 0, population_good: 0 };
  const schools = { total: 0, good: 0, weak: 0, none: 0, students: 0, students_good: 0 };
  const points: CoverageReport['points'] = [];

  const visit = (kind: 'hamlet' | 'school', point: Hamlet | School, fixedBroadband: boolean): 'good' | 'weak' | 'none' => {
    const clutter: ClutterClass = pointClass(point.lon, point.lat, point.clutter, dataset.landcover);
    const result = pointLevel(point.lon, point.lat, onAir, fixedBroadband, clutter);
    const district = firstContaining(dataset.districts, point.lon, point.lat);
    const commune = firstContaining(dataset.communes, point.lon, point.lat);
    points.push({
      kind,
      id: point.id,
      level: result.level,
      district_id: district?.id ?? null,
      nearest_4g_id: result.nearest4gId,
      nearest_4g_km: result.nearest4gKm === null ? null : Math.round(result.nearest4gKm * 10000) / 10000,
      commune_id: commune?.id ?? null,
      clutter,
    });
    for (const figures of [district && byDistrict.get(district.id), commune && byCommune.get(commune.id)]) {
      if (!figures) continue;
      if (kind === 'hamlet') {
        figures.hamlets += 1;
        figures.population += (point as Hamlet).population;
        if (result.level === 'good') {
          figures.hamlets_good += 1;
          figures.population_good += (point as Hamlet).population;
        }
      } else {
        figures.schools += 1;
        if (result.level === 'good') figures.schools_good += 1;
      }
    }
    return result.level;
  };

  for (const hamlet of dataset.hamlets) {
    const level = visit('hamlet', hamlet, false);
    hamlets.total += 1;
    hamlets[level] += 1;
    hamlets.population += hamlet.population;
    if (level === 'good') hamlets.population_good += hamlet.population;
  }
  for (const school of dataset.schools) {
    const level = visit('school', school, school.fixedBroadband);
    schools.total += 1;
    schools[level] += 1;
    schools.students += school.students;
    if (level === 'good') schools.students_good += school.students;
  }
  const districts = dataset.districts.map((d) => ({ id: d.id, name: d.name, ...(byDistrict.get(d.id) as PlainFigures) }));
  const head = { scenario, radius_model: model.radiusModel, operator: options.operator ?? null };
  if (!dataset.communes) return { ...head, hamlets, schools, districts, points };
  const communes = dataset.communes.map((c) => ({
    id: c.id,
    name: c.name,
    district_id: c.districtId ?? null,
    ...(byCommune.get(c.id) as PlainFigures),
  }));
  return { ...head, hamlets, schools, districts, communes, points };
}

/** Field by field, so that a failure names the place. */
function expectSameReport(got: CoverageReport, want: CoverageReport): void {
  expect(got.scenario).toBe(want.scenario);
  expect(got.hamlets).toStrictEqual(want.hamlets);
  expect(got.schools).toStrictEqual(want.schools);
  expect(got.districts).toStrictEqual(want.districts);
  expect('communes' in got).toBe('communes' in want);
  expect(got.communes).toStrictEqual(want.communes);
  expect(got.points.length).toBe(want.points.length);
  got.points.forEach((point, i) => expect(point, `point ${i} (${want.points[i]?.id})`).toStrictEqual(want.points[i]));
  // And the whole, with the contract's key order.
  expect(JSON.stringify(got)).toBe(JSON.stringify(want));
}

function readFolder(root: string): Dataset {
  const { dataset, issues } = parseDataset(readDataFolder(root));
  if (!dataset) throw new Error(issues.map((i) => i.message).join('\n'));
  return dataset;
}

// ---------------------------------------------------------------------------------------

const SCENARIOS = ['current', 'planned', '2021-10-15'] as const;

describe('coverageReport on the committed data', () => {
  const good = readFolder('test/fixtures/good');
  const data = readFolder('data');

  for (const scenario of SCENARIOS) {
    it(`test/fixtures/good, ${scenario}: as the plain reading of the contract`, () => {
      expectSameReport(coverageReport(good, scenario), plainReport(good, scenario));
    });
    it(`data/, ${scenario}: as the plain reading of the contract`, () => {
      expectSameReport(coverageReport(data, scenario), plainReport(data, scenario));
    });
  }

  for (const options of [{ radiusModel: 'path_loss' as const }, { operator: 'Viettel' }, { radiusModel: 'path_loss' as const, operator: 'VNPT' }]) {
    it(`data/, ${JSON.stringify(options)}: as the plain reading of rules 8-9`, () => {
      for (const scenario of SCENARIOS) expectSameReport(coverageReport(data, scenario, {}, options), plainReport(data, scenario, options));
    });
  }

  it('test/fixtures/good, planned: the figures by hand', () => {
    const report = coverageReport(good, 'planned');
    expect(Object.keys(report)).toEqual(['scenario', 'radius_model', 'operator', 'hamlets', 'schools', 'districts', 'communes', 'points']);
    expect([report.radius_model, report.operator]).toEqual(['fixed', null]);
    expect(report.hamlets).toEqual({ total: 6, good: 5, weak: 0, none: 1, population: 6360, population_good: 6360 });
    expect(report.schools).toEqual({ total: 4, good: 3, weak: 0, none: 1, students: 1300, students_good: 690 });
    // Hamlet 012 at (105.1, 9.1) lies on the border of D01, D02 and communes C001, C002,
    // C003: the first in file order takes it.
    const h012 = report.points.find((p) => p.id === '012');
    expect(h012).toMatchObject({ kind: 'hamlet', district_id: 'D01', commune_id: 'C001' });
    expect(report.points.map((p) => p.id)).toEqual(['007', '008', '009', '010', '011', '012', 'S001', 'S002', 'S003', 'S004']);
    expect(Object.keys(report.points[0] as object)).toEqual([
      'kind',
      'id',
      'level',
      'district_id',
      'nearest_4g_id',
      'nearest_4g_km',
      'commune_id',
      'clutter',
    ]);
    expect(report.districts.map((d) => [d.id, d.hamlets, d.schools])).toEqual([
      ['D01', 4, 2],
      ['D02', 2, 2],
    ]);
    expect(report.communes?.map((c) => [c.id, c.district_id, c.hamlets, c.schools])).toEqual([
      ['C001', 'D01', 3, 1],
      ['C002', 'D01', 1, 1],
      ['C003', 'D02', 2, 2],
    ]);
  });

  it('test/fixtures/good, current: the fixed-broadband school is good with no tower near', () => {
    const report = coverageReport(good, 'current');
    expect(report.points.find((p) => p.id === 'S002')?.level).toBe('good');
    // In the current scenario only T005 (5G, existing) is a 4G/5G tower.
    expect(new Set(report.points.map((p) => p.nearest_4g_id))).toEqual(new Set(['T005']));
  });

  it('leaves out communes (and gives commune_id null) without a communes file', () => {
    const { communes: _communes, ...withoutCommunes } = good;
    const report = coverageReport(withoutCommunes, 'planned');
    expect('communes' in report).toBe(false);
    expect(report.points.every((p) => p.commune_id === null)).toBe(true);
    expectSameReport(report, plainReport(withoutCommunes, 'planned'));
  });

  it('reuses prebuilt indexes to the same result', () => {
    const indexes = { districts: buildDistrictIndex(data.districts), communes: buildDistrictIndex(data.communes ?? []) };
    for (const scenario of SCENARIOS) expect(coverageReport(data, scenario, indexes)).toStrictEqual(coverageReport(data, scenario));
  });

  it('rejects a scenario that is not current, planned or a date', () => {
    expect(() => coverageReport(good, 'tomorrow')).toThrow(/scenario/);
  });
});

// ---------------------------------------------------------------------------------------
// Random data sets.

const square = (x0: number, y0: number, x1: number, y1: number): Ring => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
  [x0, y0],
];

// Coordinates on a lattice of 0.01° (about 1.1 km) in [104.98, 9.98] .. [105.32, 9.32], so
// that points fall on district borders and vertices, plus free ones.
const lat01 = (n: number): number => Number((9 + n / 100).toFixed(2));
const lon01 = (n: number): number => Number((105 + n / 100).toFixed(2));
const latticePos = fc.tuple(fc.integer({ min: -2, max: 32 }).map(lon01), fc.integer({ min: -2, max: 32 }).map(lat01));
const freePos = fc.tuple(fc.double({ min: 104.95, max: 105.35, noNaN: true }), fc.double({ min: 8.95, max: 9.35, noNaN: true }));
const position: fc.Arbitrary<Position> = fc.oneof(latticePos, freePos);

const rectangle = fc
  .tuple(latticePos, latticePos)
  .filter(([a, b]) => a[0] !== b[0] && a[1] !== b[1])
  .map(([a, b]) => square(Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[0], b[0]), Math.max(a[1], b[1])));
const anyRing = fc.oneof(rectangle, fc.array(position, { minLength: 3, maxLength: 7 }).map((r) => [...r, r[0] as Position]));
const areaGeometry: fc.Arbitrary<AreaGeometry> = fc.oneof(
  { weight: 3, arbitrary: rectangle.map((r) => ({ type: 'Polygon' as const, coordinates: [r] })) },
  { weight: 1, arbitrary: fc.tuple(anyRing, fc.array(anyRing, { maxLength: 1 })).map(([o, h]) => ({ type: 'Polygon' as const, coordinates: [o, ...h] })) },
  {
    weight: 1,
    arbitrary: fc.array(fc.tuple(rectangle, fc.array(rectangle, { maxLength: 1 })), { minLength: 1, maxLength: 3 }).map((ps) => ({
      type: 'MultiPolygon' as const,
      coordinates: ps.map(([o, h]) => [o, ...h]),
    })),
  },
);

/** Ids like "007": leading zeros must survive. */
const padded = (prefix: string, i: number): string => `${prefix}${String(i).padStart(3, '0')}`;

const technology = fc.constantFrom<Technology>('2G', '3G', '4G', '5G');
const date = fc.constantFrom('2015-06-01', '2020-01-01', '2021-09-15', '2021-10-15', '2021-10-16', '2022-03-01');
const radius = fc.option(fc.constantFrom(0, 0.5, 1.2, 3, 6, 12), { nil: undefined });

interface TowerDraft {
  at: Position;
  status: 'existing' | 'planned';
  technology: Technology;
  radiusKm: number | undefined;
  serviceDate: string | undefined;
  upgrade: { technology: Technology; radiusKm: number | undefined; date: string | undefined } | undefined;
}

const towerDraft = (spots: Position[]): fc.Arbitrary<TowerDraft> =>
  fc.record({
    // A few shared spots: equally near towers test the tie rule (first in file order).
    at: fc.oneof(position, fc.constantFrom(...spots)),
    status: fc.constantFrom('existing' as const, 'planned' as const),
    technology,
    radiusKm: radius,
    serviceDate: fc.option(date, { nil: undefined }),
    upgrade: fc.option(fc.record({ technology, radiusKm: radius, date: fc.option(date, { nil: undefined }) }), { nil: undefined }),
  });

function towerOf(draft: TowerDraft, i: number): Tower {
  const tower: Tower = {
    id: padded('T', i),
    lon: draft.at[0],
    lat: draft.at[1],
    operator: 'Viettel',
    status: draft.status,
    technology: draft.technology,
    synthetic: true,
  };
  if (draft.radiusKm !== undefined) tower.radiusKm = draft.radiusKm;
  if (draft.serviceDate !== undefined) tower.serviceDate = draft.serviceDate;
  if (draft.upgrade && draft.status === 'existing') {
    tower.upgradeTechnology = draft.upgrade.technology;
    if (draft.upgrade.radiusKm !== undefined) tower.upgradeRadiusKm = draft.upgrade.radiusKm;
    if (draft.upgrade.date !== undefined) tower.upgradeDate = draft.upgrade.date;
  }
  return tower;
}

const datasetArb: fc.Arbitrary<Dataset> = fc
  .record({
    districts: fc.array(areaGeometry, { maxLength: 5 }),
    communes: fc.option(fc.array(fc.tuple(areaGeometry, fc.nat()), { maxLength: 6 }), { nil: undefined }),
    hamlets: fc.array(fc.tuple(position, fc.nat({ max: 5000 })), { maxLength: 25 }),
    schools: fc.array(fc.tuple(position, fc.nat({ max: 900 }), fc.boolean()), { maxLength: 15 }),
    spots: fc.array(latticePos, { minLength: 1, maxLength: 3 }),
  })
  .chain((parts) => fc.record({ parts: fc.constant(parts), towers: fc.array(towerDraft(parts.spots), { maxLength: 12 }) }))
  .map(({ parts, towers }) => {
    const districts: Boundary[] = parts.districts.map((geometry, k) => ({ id: padded('D', k), name: `Huyện ${k}`, geometry }));
    const dataset: Dataset = {
      province: [{ id: '96', name: 'Tỉnh', geometry: { type: 'Polygon', coordinates: [square(104.9, 8.9, 105.4, 9.4)] } }],
      districts,
      hamlets: parts.hamlets.map(([at, population], i) => ({
        id: padded('', i),
        name: `Ấp ${i}`,
        lon: at[0],
        lat: at[1],
        population,
        gridPower: true,
        synthetic: true,
      })),
      schools: parts.schools.map(([at, students, fixedBroadband], i) => ({
        id: padded('S', i),
        name: `Trường ${i}`,
        lon: at[0],
        lat: at[1],
        level: 'primary',
        students,
        fixedBroadband,
        synthetic: true,
      })),
      towers: towers.map(towerOf),
      programme: { name: 'test', targets: [] },
    };
    if (parts.communes) {
      dataset.communes = parts.communes.map(([geometry, d], k) => ({
        id: padded('C', k),
        name: `Xã ${k}`,
        geometry,
        districtId: districts.length > 0 ? (districts[d % districts.length] as Boundary).id : 'D999',
      }));
    }
    return dataset;
  });

const scenarioArb = fc.constantFrom('current', 'planned', '2015-06-01', '2021-09-14', '2021-09-15', '2021-10-15', '2030-01-01');

describe('coverageReport on random data sets', () => {
  it('matches the plain reading of the contract field by field', () => {
    fc.assert(
      fc.property(datasetArb, scenarioArb, (dataset, scenario) => {
        expectSameReport(coverageReport(dataset, scenario), plainReport(dataset, scenario));
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('keeps its totals consistent: levels add up, districts never exceed the totals', () => {
    fc.assert(
      fc.property(datasetArb, scenarioArb, (dataset, scenario) => {
        const r = coverageReport(dataset, scenario);
        expect(r.hamlets.good + r.hamlets.weak + r.hamlets.none).toBe(r.hamlets.total);
        expect(r.schools.good + r.schools.weak + r.schools.none).toBe(r.schools.total);
        const sum = (key: 'hamlets' | 'schools' | 'population'): number => r.districts.reduce((s, d) => s + d[key], 0);
        const outside = r.points.filter((p) => p.district_id === null);
        expect(sum('hamlets')).toBe(r.hamlets.total - outside.filter((p) => p.kind === 'hamlet').length);
        expect(sum('schools')).toBe(r.schools.total - outside.filter((p) => p.kind === 'school').length);
        expect(sum('population')).toBeLessThanOrEqual(r.hamlets.population);
        for (const p of r.points) {
          if (p.nearest_4g_km !== null) expect(Number(p.nearest_4g_km.toFixed(4))).toBe(p.nearest_4g_km);
          expect(p.nearest_4g_km === null).toBe(p.nearest_4g_id === null);
        }
      }),
      { seed: SEED + 1, numRuns: 100 },
    );
  });
});

// Rules 8-9 on the same random data sets: heights, bands and clutter added, overlapping
// landcover, path loss from model.json or the option, one operator or all.
const v2Arb = fc
  .record({
    dataset: datasetArb,
    heights: fc.array(fc.option(fc.double({ min: 1, max: 90, noNaN: true }), { nil: undefined }), { minLength: 12, maxLength: 12 }),
    bands: fc.array(fc.option(fc.constantFrom(900, 1800, 2600), { nil: undefined }), { minLength: 12, maxLength: 12 }),
    operators: fc.array(fc.constantFrom('Viettel', 'VNPT'), { minLength: 12, maxLength: 12 }),
    landcover: fc.array(fc.tuple(areaGeometry, fc.constantFrom<ClutterClass>('urban', 'suburban', 'rural', 'forest')), { maxLength: 4 }),
    clutter: fc.array(fc.option(fc.constantFrom<ClutterClass>('urban', 'forest'), { nil: undefined }), { minLength: 25, maxLength: 25 }),
    pathLossFile: fc.boolean(),
    options: fc.constantFrom<CoverageOptions>({}, { radiusModel: 'path_loss' }, { radiusModel: 'fixed' }, { operator: 'VNPT' }, { radiusModel: 'path_loss', operator: 'Viettel' }),
  })
  .map(({ dataset, heights, bands, operators, landcover, clutter, pathLossFile, options }) => {
    const towers = dataset.towers.map((t, i): Tower => {
      const out: Tower = { ...t, operator: operators[i] as string };
      if (heights[i] !== undefined) out.heightM = heights[i];
      if (bands[i] !== undefined) out.bandMhz = bands[i];
      if (bands[i] !== undefined && t.upgradeTechnology !== undefined) out.upgradeBandMhz = 2100;
      return out;
    });
    const hamlets = dataset.hamlets.map((h, i) => (clutter[i] === undefined ? h : { ...h, clutter: clutter[i] }));
    const v2: Dataset = { ...dataset, towers, hamlets, landcover: landcover.map(([geometry, c]) => ({ clutter: c, geometry })) };
    if (pathLossFile) v2.model = { ...defaultRadioModel(), radiusModel: 'path_loss', radiusLimitsKm: [0.5, 9] };
    return { dataset: v2, options };
  });

describe('coverageReport under rules 8-9 on random data sets', () => {
  it('matches the plain reading of the contract field by field', () => {
    fc.assert(
      fc.property(v2Arb, scenarioArb, ({ dataset, options }, scenario) => {
        expectSameReport(coverageReport(dataset, scenario, {}, options), plainReport(dataset, scenario, options));
      }),
      { seed: SEED + 2, numRuns: 300 },
    );
  });
});

describe('aggregation pieces', () => {
  it('aggregateByArea sums count, good, weight and good weight per area, skipping -1', () => {
    const level = Uint8Array.of(LEVEL_GOOD, LEVEL_WEAK, LEVEL_GOOD, LEVEL_NONE, LEVEL_GOOD);
    const area = Int32Array.of(0, 0, 1, -1, 1);
    const weight = Float64Array.of(10, 20, 30, 40, 50);
    const sums = aggregateByArea(level, area, 2, weight);
    expect([...sums.count]).toEqual([2, 2]);
    expect([...sums.good]).toEqual([1, 2]);
    expect([...sums.weight]).toEqual([30, 80]);
    expect([...sums.weightGood]).toEqual([10, 80]);
    const tail = aggregateByArea(level, area, 2, weight, 2, 4);
    expect([...tail.count]).toEqual([0, 1]);
  });

  it('levelTotals counts each level and sums the weights', () => {
    const level = Uint8Array.of(LEVEL_GOOD, LEVEL_WEAK, LEVEL_GOOD, LEVEL_NONE);
    expect(levelTotals(level, Float64Array.of(1, 2, 3, 4))).toEqual({ total: 4, good: 2, weak: 1, none: 1, weight: 10, weightGood: 4 });
    expect(levelTotals(level, Float64Array.of(1, 2, 3, 4), 1, 3)).toEqual({ total: 2, good: 1, weak: 1, none: 0, weight: 5, weightGood: 3 });
  });

  it('pointWeights: hamlet population then school students', () => {
    const dataset = readFolder('test/fixtures/good');
    expect([...pointWeights(dataset)]).toEqual([1200, 950, 310, 2100, 1800, 0, 320, 280, 90, 610]);
  });
});
