// Every network at once (any + each operator) against the plain oracle, network by network.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pointClass, pointLevel, towersOnAir } from '../../../src/domain/coverage/brute-force.ts';
import { LEVEL_NAMES, onAirTowers, pointColumns } from '../../../src/domain/coverage/columns.ts';
import { pointClutter } from '../../../src/domain/coverage/clutter.ts';
import { classifyNetworks } from '../../../src/domain/coverage/networks.ts';
import { defaultRadioModel } from '../../../src/domain/coverage/radio-model.ts';
import { calibrationLevels, compareCodePoints, coveragePoints, networkLevels, operatorNames } from '../../../src/domain/coverage/scenario-levels.ts';
import { coverageReport } from '../../../src/domain/coverage/report.ts';
import { readDataFolder } from '../../../src/cli/folder.ts';
import { parseDataset } from '../../../src/domain/parse/index.ts';
import { CLUTTER_CLASSES, type Hamlet, type LandcoverArea, type School, type Technology, type Tower } from '../../../src/domain/types.ts';
import { SEED, hamlet, school } from './classify-helpers.ts';

const OPERATORS = ['MobiFone', 'VNPT', 'Viettel'];
const lon = fc.double({ min: 105.0, max: 105.3, noNaN: true });
const lat = fc.double({ min: 9.0, max: 9.3, noNaN: true });
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const towerArb = fc
  .record({
    lon,
    lat,
    operator: fc.constantFrom(...OPERATORS),
    technology: fc.constantFrom<Technology>('2G', '3G', '4G', '5G'),
    // Now and then one far wider than the rest: the engine checks those one by one.
    radiusKm: maybe(fc.oneof({ weight: 5, arbitrary: fc.constantFrom(1, 2.5, 4) }, { weight: 1, arbitrary: fc.constantFrom(20, 60) })),
    heightM: maybe(fc.double({ min: 1, max: 90, noNaN: true })),
    bandMhz: maybe(fc.constantFrom(900, 1800, 2600)),
  })
  .map((d, ): Omit<Tower, 'id'> => {
    const t: Omit<Tower, 'id'> = { lon: d.lon, lat: d.lat, operator: d.operator, status: 'existing', technology: d.technology, synthetic: true };
    if (d.radiusKm !== undefined) t.radiusKm = d.radiusKm;
    if (d.heightM !== undefined) t.heightM = d.heightM;
    if (d.bandMhz !== undefined) t.bandMhz = d.bandMhz;
    return t;
  });

const caseArb = fc.record({
  towers: fc.array(towerArb, { maxLength: 40 }),
  hamlets: fc.array(fc.tuple(lon, lat, maybe(fc.constantFrom(...CLUTTER_CLASSES))), { maxLength: 60 }),
  schools: fc.array(fc.tuple(lon, lat, fc.boolean()), { maxLength: 8 }),
  forest: fc.boolean(),
  pathLoss: fc.boolean(),
});

describe(`classifyNetworks = the oracle per network (seed ${SEED})`, () => {
  it('any and each operator, fixed and path loss, with clutter', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const towers: Tower[] = c.towers.map((t, i) => ({ id: `T${i}`, ...t }));
        const hamlets: Hamlet[] = c.hamlets.map(([x, y, clutter], i) => (clutter ? { ...hamlet(`H${i}`, x, y), clutter } : hamlet(`H${i}`, x, y)));
        const schools: School[] = c.schools.map(([x, y, fixed], i) => school(`S${i}`, x, y, fixed));
        const landcover: LandcoverArea[] = c.forest
          ? [{ clutter: 'forest', geometry: { type: 'Polygon', coordinates: [[[105, 9], [105.15, 9], [105.15, 9.3], [105, 9.3], [105, 9]]] } }]
          : [];
        const model = { ...defaultRadioModel(), radiusModel: c.pathLoss ? ('path_loss' as const) : ('fixed' as const) };
        const points = pointColumns(hamlets, schools);
        points.clutter = pointClutter({ hamlets, schools, landcover }, points.lon, points.lat);
        const columns = onAirTowers(towers, 'current', { model });
        const operatorOf = Int32Array.from(columns.towerIndex, (t) => OPERATORS.indexOf((towers[t] as Tower).operator));
        const got = classifyNetworks(points, columns, operatorOf, OPERATORS.length);
        const all = [...hamlets, ...schools];
        const wrong: string[] = [];
        [undefined, ...OPERATORS].forEach((operator, w) => {
          const onAir = towersOnAir(towers, 'current', operator === undefined ? { model } : { model, operator });
          all.forEach((p, i) => {
            const want = pointLevel(p.lon, p.lat, onAir, 'fixedBroadband' in p && p.fixedBroadband, pointClass(p.lon, p.lat, p.clutter, landcover)).level;
            const level = LEVEL_NAMES[got[w * all.length + i] as number];
            if (level !== want && wrong.length < 5) wrong.push(`${operator ?? 'any'} ${p.id}: ${level}, oracle ${want}`);
          });
        });
        expect(wrong).toEqual([]);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});

describe('networkLevels and calibrationLevels on the bundled data', () => {
  const { dataset } = parseDataset(readDataFolder('data'));
  if (!dataset) throw new Error('data/ does not load');

  it('network j + 1 is coverage --operator, network 0 the plain coverage, under both models', () => {
    for (const radiusModel of ['fixed', 'path_loss'] as const) {
      const levels = networkLevels(dataset, 'current', { radiusModel });
      expect(levels.operators).toEqual(operatorNames(dataset.towers));
      [undefined, ...levels.operators].forEach((operator, w) => {
        const report = coverageReport(dataset, 'current', {}, operator === undefined ? { radiusModel } : { radiusModel, operator });
        const got = Array.from(levels.level.subarray(w * levels.count, (w + 1) * levels.count), (l) => LEVEL_NAMES[l]);
        expect(got).toEqual(report.points.map((p) => p.level));
      });
    }
  });

  it('calibrationLevels at factor 1 is coverage --operator; a smaller factor never adds a good point', () => {
    const model = { ...defaultRadioModel(), radiusModel: 'path_loss' as const };
    const points = coveragePoints(dataset);
    const operator = operatorNames(dataset.towers)[0] as string;
    const at1 = calibrationLevels(dataset, 'planned', operator, 1, model, points);
    const report = coverageReport(dataset, 'planned', {}, { radiusModel: 'path_loss', operator });
    expect(Array.from(at1, (l) => LEVEL_NAMES[l])).toEqual(report.points.map((p) => p.level));
    const at05 = calibrationLevels(dataset, 'planned', operator, 0.5, model, points);
    const good = (levels: Uint8Array) => levels.filter((l) => l === 2).length;
    expect(good(at05)).toBeLessThan(good(at1));
    at05.forEach((l, i) => expect(l).toBeLessThanOrEqual(at1[i] as number));
  });

  it('sorts operator names by code point', () => {
    expect(['b', 'B', 'Á', 'a', '𝔸', '\uFFFF'].sort(compareCodePoints)).toEqual(['B', 'a', 'b', 'Á', '\uFFFF', '𝔸']);
  });
});
