// Contract rules 8-9 in the engine against the plain oracle (brute-force.ts): towers with and
// without height, band and radius, upgrades, one operator at a time, points a metre either
// side of every class radius of every tower, and overlapping landcover polygons.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pointClass, pointLevel, towersOnAir } from '../../../src/domain/coverage/brute-force.ts';
import { classify } from '../../../src/domain/coverage/classify.ts';
import { pointClutter } from '../../../src/domain/coverage/clutter.ts';
import { LEVEL_NAMES, onAirTowers, pointColumns, type Scenario } from '../../../src/domain/coverage/columns.ts';
import { CLASS_COUNT, defaultRadioModel } from '../../../src/domain/coverage/radio-model.ts';
import {
  CLUTTER_CLASSES,
  type ClutterClass,
  type Hamlet,
  type LandcoverArea,
  type RadioModel,
  type School,
  type Technology,
  type Tower,
} from '../../../src/domain/types.ts';
import { SEED, destination, hamlet, school } from './classify-helpers.ts';

const OPERATORS = ['Viettel', 'VNPT', 'MobiFone'];
const technology = fc.constantFrom<Technology>('2G', '3G', '4G', '5G');
const lon = fc.double({ min: 105.0, max: 105.2, noNaN: true });
const lat = fc.double({ min: 9.0, max: 9.2, noNaN: true });
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const towerArb = fc.record({
  lon,
  lat,
  operator: fc.constantFrom(...OPERATORS),
  status: fc.constantFrom('existing' as const, 'planned' as const),
  technology,
  radiusKm: maybe(fc.constantFrom(0.8, 2, 4.5)),
  heightM: maybe(fc.oneof(fc.constantFrom(1, 15, 30, 60), fc.double({ min: 1, max: 120, noNaN: true }))),
  bandMhz: maybe(fc.constantFrom(700, 900, 1500, 1800, 2100, 2600, 3500)),
  upgrade: maybe(
    fc.record({
      technology,
      radiusKm: maybe(fc.constantFrom(1, 3)),
      bandMhz: maybe(fc.constantFrom(900, 1800, 2600)),
      date: maybe(fc.constantFrom('2021-01-01', '2022-01-01')),
    }),
  ),
});

type TowerDraft = typeof towerArb extends fc.Arbitrary<infer T> ? T : never;

function towerOf(d: TowerDraft, i: number): Tower {
  const t: Tower = { id: `T${i}`, lon: d.lon, lat: d.lat, operator: d.operator, status: d.status, technology: d.technology, synthetic: true };
  if (d.radiusKm !== undefined) t.radiusKm = d.radiusKm;
  if (d.heightM !== undefined) t.heightM = d.heightM;
  if (d.bandMhz !== undefined) t.bandMhz = d.bandMhz;
  if (d.upgrade && d.status === 'existing') {
    t.upgradeTechnology = d.upgrade.technology;
    if (d.upgrade.radiusKm !== undefined) t.upgradeRadiusKm = d.upgrade.radiusKm;
    if (d.upgrade.bandMhz !== undefined) t.upgradeBandMhz = d.upgrade.bandMhz;
    if (d.upgrade.date !== undefined) t.upgradeDate = d.upgrade.date;
  }
  return t;
}

const rect = (x0: number, y0: number, x1: number, y1: number): LandcoverArea['geometry'] => ({
  type: 'Polygon',
  coordinates: [
    [
      [x0, y0],
      [x1, y0],
      [x1, y1],
      [x0, y1],
      [x0, y0],
    ],
  ],
});

// Rectangles on a 0.02° lattice, so that they overlap and points fall on their edges.
const lattice = fc.integer({ min: 0, max: 10 }).map((n) => Number((n * 0.02).toFixed(2)));
const landcoverArb = fc.array(
  fc.record({ x: fc.tuple(lattice, lattice), y: fc.tuple(lattice, lattice), clutter: fc.constantFrom(...CLUTTER_CLASSES) }).map(({ x, y, clutter }) => ({
    clutter,
    geometry: rect(105 + Math.min(...x), 9 + Math.min(...y), 105 + Math.max(...x) + 0.02, 9 + Math.max(...y) + 0.02),
  })),
  { maxLength: 5 },
);

const modelArb: fc.Arbitrary<RadioModel> = fc
  .record({
    receiverHeightM: fc.constantFrom(1.5, 3),
    forestLoss: fc.constantFrom(10, 0, 18),
    urbanLoss: fc.constantFrom(0, 5),
    limits: fc.constantFrom<[number, number]>([0.1, 35], [0.5, 3], [1, 1.2]),
    mapl4g: fc.constantFrom(125, 135),
  })
  .map(({ receiverHeightM, forestLoss, urbanLoss, limits, mapl4g }) => {
    const m = defaultRadioModel();
    m.radiusModel = 'path_loss';
    m.receiverHeightM = receiverHeightM;
    m.clutterLossDb.forest = forestLoss;
    m.clutterLossDb.urban = urbanLoss;
    m.radiusLimitsKm = limits;
    m.maxPathLossDb['4G'] = mapl4g;
    return m;
  });

const scenarioArb = fc.constantFrom<Scenario>('current', 'planned', '2021-06-01', '2023-01-01');

/** Points a metre inside and outside every class radius of every tower on air, with that class. */
function edgePoints(towers: readonly Tower[], scenario: Scenario, model: RadioModel): Hamlet[] {
  const columns = onAirTowers(towers, scenario, { model });
  const radii = columns.classRadiusKm as Float64Array;
  const out: Hamlet[] = [];
  for (let k = 0; k < columns.count; k++) {
    for (let c = 0; c < CLASS_COUNT; c++) {
      for (const delta of [-0.001, 0.001]) {
        const [x, y] = destination(columns.lon[k] as number, columns.lat[k] as number, 37 * (k + c), (radii[k * CLASS_COUNT + c] as number) + delta);
        out.push({ ...hamlet(`E${k}.${c}${delta}`, x, y), clutter: CLUTTER_CLASSES[c] as ClutterClass });
      }
    }
  }
  return out;
}

interface Case {
  towers: Tower[];
  hamlets: Hamlet[];
  schools: School[];
  landcover: LandcoverArea[];
  model: RadioModel;
  scenario: Scenario;
  operator: string | undefined;
}

/** Differences between classify (rules 8-9 columns) and the oracle, point by point. */
function compare({ towers, hamlets, schools, landcover, model, scenario, operator }: Case): string[] {
  const points = pointColumns(hamlets, schools);
  points.clutter = pointClutter({ hamlets, schools, landcover }, points.lon, points.lat);
  const columns = onAirTowers(towers, scenario, operator === undefined ? { model } : { model, operator });
  const onAir = towersOnAir(towers, scenario, operator === undefined ? { model } : { model, operator });
  const got = classify(points, columns);
  const wrong: string[] = [];
  const all = [...hamlets, ...schools];
  all.forEach((p, i) => {
    const clutter = pointClass(p.lon, p.lat, p.clutter, landcover);
    const want = pointLevel(p.lon, p.lat, onAir, 'fixedBroadband' in p ? p.fixedBroadband : false, clutter);
    const k = got.nearest4g[i] as number;
    const id = k < 0 ? null : (towers[columns.towerIndex[k] as number] as Tower).id;
    const km = got.nearest4gKm[i] as number;
    const kmOk = k < 0 ? want.nearest4gKm === null : Object.is(km, want.nearest4gKm);
    const level = LEVEL_NAMES[got.level[i] as number];
    if (CLUTTER_CLASSES[points.clutter?.[i] as number] !== clutter) wrong.push(`${p.id}: clutter ${points.clutter?.[i]} vs ${clutter}`);
    if (level !== want.level || id !== want.nearest4gId || !kmOk) {
      wrong.push(`${p.id} [${p.lon}, ${p.lat}] ${clutter}: classify ${level} ${id} ${km}, oracle ${want.level} ${want.nearest4gId} ${want.nearest4gKm}`);
    }
  });
  return wrong.slice(0, 10);
}

const caseArb: fc.Arbitrary<Case> = fc
  .record({
    towers: fc.array(towerArb, { minLength: 1, maxLength: 14 }),
    free: fc.array(fc.tuple(lon, lat, maybe(fc.constantFrom(...CLUTTER_CLASSES))), { maxLength: 30 }),
    schools: fc.array(fc.tuple(lon, lat, fc.boolean()), { maxLength: 6 }),
    landcover: landcoverArb,
    model: modelArb,
    scenario: scenarioArb,
    operator: maybe(fc.constantFrom(...OPERATORS)),
  })
  .map(({ towers: drafts, free, schools, landcover, model, scenario, operator }) => {
    const towers = drafts.map(towerOf);
    const hamlets = [
      ...edgePoints(towers, scenario, model),
      ...free.map(([x, y, clutter], i) => (clutter === undefined ? hamlet(`F${i}`, x, y) : { ...hamlet(`F${i}`, x, y), clutter })),
    ];
    return { towers, hamlets, schools: schools.map(([x, y, fixed], i) => school(`S${i}`, x, y, fixed)), landcover, model, scenario, operator };
  });

describe(`classify with clutter classes = oracle (seed ${SEED})`, () => {
  it('every point: level, nearest 4G/5G and its distance, and its class', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        expect(compare(c)).toEqual([]);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('the points a metre inside a class radius are covered, a metre outside are not (one tower)', () => {
    const model = { ...defaultRadioModel(), radiusModel: 'path_loss' as const };
    const t: Tower = { id: 'T', lon: 105.1, lat: 9.1, operator: 'VNPT', status: 'existing', technology: '4G', heightM: 30, synthetic: true };
    const hamlets = edgePoints([t], 'current', model);
    const points = pointColumns(hamlets, []);
    points.clutter = pointClutter({ hamlets, schools: [] }, points.lon, points.lat);
    const got = classify(points, onAirTowers([t], 'current', { model }));
    expect(Array.from(got.level, (l) => LEVEL_NAMES[l])).toEqual(Array.from({ length: 4 }, () => ['good', 'none']).flat());
  });

  it('the first landcover polygon in file order gives the class; a point’s own clutter wins; else rural', () => {
    const landcover: LandcoverArea[] = [
      { clutter: 'forest', geometry: rect(105, 9, 105.1, 9.1) },
      { clutter: 'urban', geometry: rect(105.05, 9.05, 105.2, 9.2) },
    ];
    const hamlets = [
      hamlet('overlap', 105.07, 9.07),
      hamlet('second', 105.15, 9.15),
      hamlet('edge', 105.1, 9.1), // on both polygons' edges: the first takes it
      { ...hamlet('own', 105.07, 9.07), clutter: 'suburban' as const },
      hamlet('outside', 105.3, 9.3),
    ];
    const points = pointColumns(hamlets, []);
    const codes = pointClutter({ hamlets, schools: [], landcover }, points.lon, points.lat);
    expect(Array.from(codes, (c) => CLUTTER_CLASSES[c])).toEqual(['forest', 'urban', 'forest', 'suburban', 'rural']);
  });
});
