// Hamlets and schools written as GeoJSON read back through the contract's validation to the
// very same records, for random valid records.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hamletsToGeoJSON, schoolsToGeoJSON, towerProperties } from '../../../src/domain/export/features.ts';
import { parseFile } from '../../../src/domain/parse/index.ts';
import { SCHOOL_LEVELS, type Hamlet, type School, type Tower } from '../../../src/domain/types.ts';

const name = fc.constantFrom('Ấp Tân Hòa', 'Trường Tiểu học Đất Mũi', 'Khóm 3', '<b>Ấp</b> "Một"', 'Ấp Kênh Xáng, Cái Nước');
const lon = fc.double({ min: 104.7, max: 105.4, noNaN: true });
const lat = fc.double({ min: 8.6, max: 9.5, noNaN: true });
const count = fc.integer({ min: 0, max: 20000 });
const optional = <T,>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

function dropUndefined<T>(value: Record<string, unknown>): T {
  const out = { ...value };
  for (const key of Object.keys(out)) if (out[key] === undefined) delete out[key];
  return out as T;
}

// Poor households never outnumber households (a contract check).
const hamlet = fc
  .record({ name, lon, lat, population: count, households: optional(count), students: optional(count), gridPower: fc.boolean(), synthetic: fc.boolean() })
  .chain((h) =>
    optional(fc.integer({ min: 0, max: h.households ?? 0 })).map((poor) =>
      dropUndefined<Omit<Hamlet, 'id'>>({ ...h, poorHouseholds: h.households === undefined ? undefined : poor }),
    ),
  );

const school = fc
  .record({ name, lon, lat, level: fc.constantFrom(...SCHOOL_LEVELS), students: fc.integer({ min: 1, max: 3000 }), fixedBroadband: fc.boolean(), synthetic: fc.boolean() })
  .chain((s) => optional(fc.integer({ min: 0, max: s.students })).map((need) => dropUndefined<Omit<School, 'id'>>({ ...s, studentsInNeed: need })));

function withIds<T>(items: object[], prefix: string): T[] {
  return items.map((item, i) => ({ id: `${prefix}-${i + 1}`, ...item }) as T);
}

describe('hamlets and schools as GeoJSON', () => {
  it('round-trip through parseFile for random records', () => {
    fc.assert(
      fc.property(fc.array(hamlet, { minLength: 2, maxLength: 20 }), fc.array(school, { minLength: 2, maxLength: 20 }), (hs, ss) => {
        const hamlets = withIds<Hamlet>(hs, 'H');
        const schools = withIds<School>(ss, 'S');
        const h = parseFile('hamlets', 'hamlets.geojson', JSON.stringify(hamletsToGeoJSON(hamlets)));
        expect(h.issues.filter((i) => i.severity === 'error')).toEqual([]);
        expect(h.value).toEqual(hamlets);
        const s = parseFile('schools', 'schools.geojson', JSON.stringify(schoolsToGeoJSON(schools)));
        expect(s.issues.filter((i) => i.severity === 'error')).toEqual([]);
        expect(s.value).toEqual(schools);
      }),
      { seed: 20261202, numRuns: 100 },
    );
  });
});

describe('towers as GeoJSON properties', () => {
  it('keep the band before and after an upgrade (contract rule 8), and read back', () => {
    const tower: Tower = {
      id: 'T1', lon: 105, lat: 9, operator: 'Viettel', status: 'existing', technology: '3G', heightM: 40, bandMhz: 2100,
      upgradeTechnology: '4G', upgradeDate: '2022-01-01', upgradeBandMhz: 1800, synthetic: true,
    };
    const text = JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: towerProperties(tower), geometry: { type: 'Point', coordinates: [105, 9] } }] });
    const read = parseFile('towers', 'towers.geojson', text);
    expect(read.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(read.value).toEqual([tower]);
  });
});
