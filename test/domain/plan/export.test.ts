// The plan's export (the contract's towers.geojson) read back by the importer's checks gives
// the very towers exported, and re-importing an edited export gives back the edited towers.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseFile } from '../../../src/domain/parse/index.ts';
import { towersToGeoJSON } from '../../../src/domain/export/features.ts';
import { applyPlan, planFromTowers } from '../../../src/domain/plan/plan.ts';
import { TECHNOLOGIES, type Tower } from '../../../src/domain/types.ts';

const date = fc
  .tuple(fc.integer({ min: 2005, max: 2030 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
  .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
const optional = <T,>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const tower = fc
  .record({
    lon: fc.double({ min: 104.7, max: 105.4, noNaN: true }),
    lat: fc.double({ min: 8.6, max: 9.5, noNaN: true }),
    operator: fc.constantFrom('Viettel', 'VNPT', 'MobiFone', 'Mạng Ấp <b>1</b>'),
    status: fc.constantFrom<Tower['status']>('existing', 'planned'),
    technology: fc.constantFrom(...TECHNOLOGIES),
    radiusKm: optional(fc.double({ min: 0.1, max: 30, noNaN: true })),
    serviceDate: optional(date),
    heightM: optional(fc.integer({ min: 0, max: 120 })),
    synthetic: fc.boolean(),
  })
  .chain((t) => {
    // Only an existing 2G/3G tower may carry an upgrade (a newer technology with a date).
    const upgradable = t.status === 'existing' && (t.technology === '2G' || t.technology === '3G');
    const upgrade = upgradable
      ? optional(fc.record({ upgradeTechnology: fc.constantFrom<Tower['technology']>('4G', '5G'), upgradeDate: date, upgradeRadiusKm: optional(fc.double({ min: 0.5, max: 10, noNaN: true })) }))
      : fc.constant(undefined);
    return upgrade.map((u) => {
      const out: Record<string, unknown> = { ...t, ...(u ?? {}) };
      for (const key of Object.keys(out)) if (out[key] === undefined) delete out[key];
      return out;
    });
  });

const towers = fc.array(tower, { minLength: 1, maxLength: 25 }).map((list) => list.map((t, i) => ({ id: `T-${i + 1}`, ...t }) as Tower));

describe('towers.geojson export', () => {
  it('reads back, through the importer checks, as the very towers exported', () => {
    fc.assert(
      fc.property(towers, (list) => {
        const { value, issues } = parseFile('towers', 'towers.geojson', JSON.stringify(towersToGeoJSON(list)));
        expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
        expect(value).toEqual(list);
      }),
      { seed: 20261203, numRuns: 150 },
    );
  });

  it('turns an edited export back into a plan that gives the edited towers', () => {
    fc.assert(
      fc.property(towers, towers, fc.integer({ min: 0, max: 25 }), (base, extra, keep) => {
        // Keep some loaded towers (in order, some moved), then new ones after them.
        const kept = base.slice(0, keep).map((t, i) => (i % 2 === 0 ? { ...t, lon: t.lon + 0.001 } : t));
        const added = extra.map((t, i) => ({ ...t, id: `P-${i + 1}` }));
        const edited = [...kept, ...added];
        const { value } = parseFile('towers', 'towers.geojson', JSON.stringify(towersToGeoJSON(edited)));
        const plan = planFromTowers(base, value as Tower[]);
        expect(applyPlan(base, plan).towers).toEqual(edited);
      }),
      { seed: 20261204, numRuns: 150 },
    );
  });
});
