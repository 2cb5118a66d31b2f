// "Why this level" against the plain oracle (level, nearest 4G/5G) and the radio model
// (radius per class, path loss, margin).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pointLevel, towersOnAir } from '../../../src/domain/coverage/brute-force.ts';
import { LEVEL_NAMES } from '../../../src/domain/coverage/columns.ts';
import { CLASS_FOREST, defaultRadioModel, hataTerms, pathLossRadiusKm } from '../../../src/domain/coverage/radio-model.ts';
import { NEAR_FACTOR, whyLevel } from '../../../src/domain/coverage/why.ts';
import { CLUTTER_CLASSES, type ClutterClass, type Technology, type Tower } from '../../../src/domain/types.ts';
import { SEED, destination, tower } from './classify-helpers.ts';

const OPERATORS = ['MobiFone', 'VNPT', 'Viettel'];
const lon = fc.double({ min: 105.0, max: 105.2, noNaN: true });
const lat = fc.double({ min: 9.0, max: 9.2, noNaN: true });
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const towerArb = fc.record({
  lon,
  lat,
  operator: fc.constantFrom(...OPERATORS),
  technology: fc.constantFrom<Technology>('2G', '3G', '4G', '5G'),
  radiusKm: maybe(fc.constantFrom(1, 2.5, 4)),
  heightM: maybe(fc.double({ min: 5, max: 90, noNaN: true })),
  bandMhz: maybe(fc.constantFrom(900, 1800, 2600)),
  planned: fc.boolean(),
  upgrade: fc.boolean(),
});

describe(`whyLevel = the oracle (seed ${SEED})`, () => {
  it('level, the reason towers and the listed towers, fixed and path loss, per operator', () => {
    fc.assert(
      fc.property(
        fc.array(towerArb, { maxLength: 30 }),
        lon,
        lat,
        fc.integer({ min: 0, max: 3 }),
        fc.boolean(),
        fc.boolean(),
        fc.constantFrom(undefined, ...OPERATORS),
        fc.constantFrom('current', 'planned'),
        (raw, x, y, clutter, fixedBroadband, pathLoss, operator, scenario) => {
          const towers: Tower[] = raw.map((d, i) => {
            const t: Tower = tower(`T${i}`, d.lon, d.lat, d.technology, { operator: d.operator, status: d.planned ? 'planned' : 'existing' });
            if (d.radiusKm !== undefined) t.radiusKm = d.radiusKm;
            if (d.heightM !== undefined) t.heightM = d.heightM;
            if (d.bandMhz !== undefined) t.bandMhz = d.bandMhz;
            if (d.upgrade && !d.planned) t.upgradeTechnology = '5G';
            return t;
          });
          const model = { ...defaultRadioModel(), radiusModel: pathLoss ? ('path_loss' as const) : ('fixed' as const) };
          const why = whyLevel({ lon: x, lat: y, clutter, fixedBroadband }, towers, scenario, model, operator);
          const onAir = towersOnAir(towers, scenario, operator === undefined ? { model } : { model, operator });
          const want = pointLevel(x, y, onAir, fixedBroadband, CLUTTER_CLASSES[clutter]);
          expect(LEVEL_NAMES[why.level]).toBe(want.level);
          const nearest = why.reason.code === 'none' || why.reason.code === 'weak' ? why.reason.nearest : undefined;
          if (nearest) expect(nearest.distanceKm).toBe(want.nearest4gKm);
          if (why.reason.code === 'good') expect(why.reason.tower.covers && why.reason.tower.broadband).toBe(true);
          // Every tower within NEAR_FACTOR of its radius is listed (up to the cap), nearest first.
          const near = onAir.filter((t) => {
            const r = t.radiusByClassKm ? t.radiusByClassKm[CLUTTER_CLASSES[clutter] as ClutterClass] : t.radiusKm;
            return haversine(x, y, t) <= r * NEAR_FACTOR;
          });
          expect(why.towers.length).toBe(Math.min(near.length, 12));
          for (let i = 1; i < why.towers.length; i++) expect(why.towers[i]!.distanceKm).toBeGreaterThanOrEqual(why.towers[i - 1]!.distanceKm);
          for (const t of why.towers) if (operator !== undefined) expect(t.operator).toBe(operator);
        },
      ),
      { seed: SEED, numRuns: 300 },
    );
  });
});

function haversine(x: number, y: number, t: { tower: Tower }): number {
  const why = whyLevel({ lon: x, lat: y, clutter: 2, fixedBroadband: false }, [{ ...t.tower, status: 'existing', upgradeTechnology: undefined } as Tower], 'current', defaultRadioModel());
  return why.towers[0]?.distanceKm ?? Infinity;
}

describe('whyLevel and the radio model', () => {
  const model = { ...defaultRadioModel(), radiusModel: 'path_loss' as const };
  const terms = hataTerms(1800, 30, 1.5);
  const forestKm = pathLossRadiusKm(terms, 125, CLASS_FOREST, 10, [0.1, 35]);

  it('gives the forest radius of rule 8, and a margin of 0 dB at that distance', () => {
    const [x, y] = destination(105.1, 9.1, 45, forestKm);
    const why = whyLevel({ lon: x, lat: y, clutter: CLASS_FOREST, fixedBroadband: false }, [tower('V1', 105.1, 9.1, '4G', { heightM: 30 })], 'current', model);
    const [t] = why.towers;
    expect(t?.radiusKm).toBe(forestKm);
    expect(t?.bandMhz).toBe(1800);
    expect(t?.bandIsDefault).toBe(true);
    expect(t?.maxPathLossDb).toBe(125);
    expect(t?.marginDb).toBeCloseTo(0, 6);
    expect(t?.pathLossDb).toBeCloseTo(125, 6);
  });

  it('says why a forest hamlet a little beyond the forest radius has no good signal', () => {
    const km = forestKm * 1.3;
    const [x, y] = destination(105.1, 9.1, 90, km);
    const towers = [tower('V1', 105.1, 9.1, '4G', { heightM: 30 }), tower('V2', 105.1, 9.1, '2G', { operator: 'VNPT', radiusKm: 1 })];
    const why = whyLevel({ lon: x, lat: y, clutter: CLASS_FOREST, fixedBroadband: false }, towers, 'current', model);
    expect(why.level).toBe(0);
    expect(why.clutter).toBe('forest');
    expect(why.reason.code).toBe('none');
    if (why.reason.code !== 'none') return;
    expect(why.reason.nearest?.id).toBe('V1');
    expect(why.reason.nearest?.distanceKm).toBeCloseTo(km, 9);
    expect(why.reason.nearest?.marginDb).toBeLessThan(0);
    // Within NEAR_FACTOR × its radius: listed as nearly reaching; the 2G 1 km away from the mast is not.
    expect(why.towers.map((t) => t.id)).toEqual(['V1']);
  });

  it('a school with a fixed line is good whatever the towers', () => {
    const why = whyLevel({ lon: 105, lat: 9, clutter: 2, fixedBroadband: true }, [], 'current', model);
    expect(why.level).toBe(2);
    expect(why.reason.code).toBe('fixed-broadband');
  });
});
