import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FILE_KINDS, type Issue } from '../../../src/domain/types.ts';
import { formatIssue, parseFile } from '../../../src/domain/parse/index.ts';

type Props = Record<string, unknown>;
const point = (lon: number, lat: number, properties: Props) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [lon, lat] }, properties });
const fcText = (features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });
const hamlet = (id: string, extra: Props = {}) => point(105.05, 9.05, { id, name: `Ấp ${id}`, population: 100, ...extra });
const tower = (id: string, extra: Props = {}) =>
  point(105.05, 9.05, { id, operator: 'VNPT', status: 'existing', technology: '4G', ...extra });
const messages = (issues: Issue[]) => issues.map(formatIssue);
const errors = (issues: Issue[]) => issues.filter((i) => i.severity === 'error');

describe('parseFile: hamlets', () => {
  it('reads every field, keeps leading zeros and applies defaults', () => {
    const { value, issues } = parseFile(
      'hamlets',
      'hamlets.geojson',
      fcText([
        hamlet('007', { households: 30, poor_households: 4, students: 12, grid_power: false, commune: 'Xã A', district: 'Huyện B', synthetic: true }),
        // Null optional properties are absent: GIS tools write empty attributes as null.
        hamlet('008', { households: null, commune: null, extra_field: 'kept quiet' }),
      ]),
    );
    expect(issues).toEqual([]);
    expect(value).toEqual([
      { id: '007', name: 'Ấp 007', lon: 105.05, lat: 9.05, population: 100, households: 30, poorHouseholds: 4, students: 12, gridPower: false, commune: 'Xã A', district: 'Huyện B', synthetic: true },
      { id: '008', name: 'Ấp 008', lon: 105.05, lat: 9.05, population: 100, gridPower: true, synthetic: false },
    ]);
  });

  it('withholds the value on any error and reports every problem of every feature', () => {
    const { value, issues } = parseFile(
      'hamlets',
      'h.geojson',
      fcText([hamlet('a', { population: '120', grid_power: 1 }), hamlet('b', { name: '', poor_households: 9, households: 3 }), hamlet('c', { population: -1 })]),
    );
    expect(value).toBeUndefined();
    expect(messages(issues)).toEqual([
      'h.geojson: feature 1 (id "a"), field "population": is a string ("120"), must be a number',
      'h.geojson: feature 1 (id "a"), field "grid_power": is a number (1), must be true or false (a JSON boolean, without quotes)',
      'h.geojson: feature 2 (id "b"), field "name": is empty, must be a non-empty string',
      'h.geojson: feature 2 (id "b"), field "poor_households": is 9, more than households (3)',
      'h.geojson: feature 3 (id "c"), field "population": is -1, must be a whole number ≥ 0',
    ]);
    expect(issues[0]).toMatchObject({ severity: 'error', code: 'number-as-string', file: 'h.geojson', featureIndex: 0, id: 'a', field: 'population' });
  });

  it('names the feature-level id when properties lack one', () => {
    const feature = { ...point(105, 9, { name: 'x', population: 1 }), id: 'h1' };
    expect(messages(parseFile('hamlets', 'h.geojson', fcText([feature])).issues)).toEqual([
      'h.geojson: feature 1, field "id": is missing (required in a hamlets file); the feature has a top-level "id", but the contract reads "id" from "properties"',
    ]);
  });

  it('shows bad values JSON-quoted and cut to about 40 characters', () => {
    const html = '<img src=x onerror=alert(1)>';
    const long = 'x'.repeat(100);
    const { issues } = parseFile('schools', 's.geojson', fcText([point(105, 9, { id: html, name: 'T', level: long, students: 1 })]));
    expect(messages(issues)).toEqual([
      `s.geojson: feature 1 (id "<img src=x onerror=alert(1)>"), field "level": is "${'x'.repeat(39)}…", must be one of "preschool", "primary", "lower_secondary", "upper_secondary", "multi_level", "continuing"`,
    ]);
  });

  it('refuses forbidden keys without letting them touch any prototype', () => {
    const text = fcText([hamlet('a')]).replace('"id":"a"', '"constructor":{"x":1},"prototype":2,"__proto__":{"polluted":true},"id":"a"');
    const { value, issues } = parseFile('hamlets', 'h.geojson', text);
    expect(value).toBeUndefined();
    expect(issues.map((i) => i.field)).toEqual(['__proto__', 'constructor', 'prototype']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it.each([
    [{ type: 'FeatureCollection', features: [null] }, 'h.geojson: feature 1: is null, not a GeoJSON Feature object'],
    [{ type: 'FeatureCollection', features: [{ ...hamlet('a'), type: 'feature' }] }, 'h.geojson: feature 1 (id "a"), field "type": is "feature", must be "Feature"'],
    [{ type: 'FeatureCollection', features: [{ ...hamlet('a'), properties: null }] }, 'h.geojson: feature 1, field "properties": is null, must be an object'],
    [{ type: 'FeatureCollection', features: [{ ...hamlet('a'), geometry: undefined }] }, 'h.geojson: feature 1 (id "a"), field "geometry": is missing'],
    [{ type: 'FeatureCollection', features: {} }, 'h.geojson: field "features": is an object, must be an array of Features'],
    [{ type: 'Topology', objects: {} }, 'h.geojson: this is TopoJSON, not GeoJSON'],
    [{ type: 'Point', coordinates: [105, 9] }, 'h.geojson: the file holds a bare Point geometry'],
    [{ features: [] }, 'h.geojson: field "type": is missing, must be "FeatureCollection"'],
    ['just text', 'h.geojson: the file holds a string ("just text"), not a GeoJSON FeatureCollection'],
  ])('refuses %j', (json, message) => {
    const { value, issues } = parseFile('hamlets', 'h.geojson', JSON.stringify(json));
    expect(value).toBeUndefined();
    expect(messages(issues)[0]).toContain(message);
  });
});

describe('parseFile: coordinates', () => {
  it('reports swapped coordinates once per file, with a count and the swap fix', () => {
    const features = Array.from({ length: 1000 }, (_, i) => point(9 + i / 10000, 105.1, { id: `h${i}`, name: 'A', population: 1 }));
    const { issues } = parseFile('hamlets', 'h.geojson', fcText(features));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'coordinates-swapped', fix: 'swap-coordinates', featureIndex: 0, field: 'geometry.coordinates' });
    expect(issues[0]?.message).toContain('1000 features in this file look the same');
  });

  it('accepts an altitude, refuses a fourth number with a comma-decimal hint', () => {
    expect(parseFile('hamlets', 'h.geojson', fcText([{ ...hamlet('a'), geometry: { type: 'Point', coordinates: [105, 9, 3] } }])).issues).toEqual([]);
    const { issues } = parseFile('hamlets', 'h.geojson', fcText([{ ...hamlet('a'), geometry: { type: 'Point', coordinates: [105, 12, 9, 18] } }]));
    expect(messages(issues)).toEqual([
      'h.geojson: feature 1 (id "a"), field "geometry.coordinates": a position must hold 2 numbers [lon, lat] (3 with altitude), got 4 (a comma decimal such as 105,12 splits one number in two)',
    ]);
  });

  it('warns, and keeps the value, for points far outside Vietnam', () => {
    const { value, issues } = parseFile('hamlets', 'h.geojson', fcText([hamlet('a'), { ...hamlet('b'), geometry: { type: 'Point', coordinates: [100.5, 13.75] } }]));
    expect(value).toHaveLength(2);
    expect(issues).toMatchObject([{ severity: 'warning', code: 'outside-vietnam', featureIndex: 1 }]);
    expect(issues[0]?.message).toBe(
      'h.geojson: feature 2 (id "b"), field "geometry.coordinates": [100.5, 13.75] lies far outside Vietnam (lon 102–110, lat 8–24)',
    );
  });

  it('lists the first 50 problems of a kind and counts the rest', () => {
    const features = Array.from({ length: 120 }, (_, i) => hamlet(`h${i}`, { population: String(i) }));
    // (All 120 lie at one position: that warning is another kind, left out here.)
    const issues = parseFile('hamlets', 'h.geojson', fcText(features)).issues.filter((i) => i.code !== 'points-stacked');
    expect(issues).toHaveLength(51);
    expect(issues[50]).toMatchObject({ severity: 'error', code: 'more-not-listed', field: 'population' });
    expect(issues[50]?.message).toBe('h.geojson: 70 more errors of kind "number-as-string" in field "population" not listed (120 in all)');
  });

  it('reads polygons with holes and multipolygons; refuses short rings', () => {
    const outer = [[105, 9], [105.2, 9], [105.2, 9.2], [105, 9.2], [105, 9]];
    const hole = [[105.05, 9.05], [105.1, 9.05], [105.1, 9.1], [105.05, 9.05]];
    const area = (geometry: unknown, id = 'D1') => ({ type: 'Feature', geometry, properties: { id, name: 'Huyện', population: 10 } });
    const { value } = parseFile('districts', 'd.geojson', fcText([area({ type: 'Polygon', coordinates: [outer, hole] }), area({ type: 'MultiPolygon', coordinates: [[outer], [outer]] }, 'D2')]));
    expect(value?.map((d) => [d.id, d.geometry.type, d.population])).toEqual([['D1', 'Polygon', 10], ['D2', 'MultiPolygon', 10]]);
    const short = parseFile('districts', 'd.geojson', fcText([area({ type: 'MultiPolygon', coordinates: [[outer], [outer.slice(0, 2).concat([outer[0] as number[]])]] })]));
    expect(messages(short.issues)).toEqual([
      'd.geojson: feature 1 (id "D1"), field "geometry.coordinates": ring 0 of polygon 1 has 3 positions; a ring needs at least 4, the last repeating the first',
    ]);
  });
});

describe('parseFile: towers', () => {
  it('reads the upgrade fields of an existing tower', () => {
    const { value, issues } = parseFile('towers', 't.geojson', fcText([tower('T1', { technology: '3G', radius_km: 6, upgrade_technology: '4G', upgrade_radius_km: 4.5, upgrade_date: '2021-09-01', service_date: '2015-01-01', height_m: 0 })]));
    expect(issues).toEqual([]);
    expect(value).toEqual([
      { id: 'T1', lon: 105.05, lat: 9.05, operator: 'VNPT', status: 'existing', technology: '3G', radiusKm: 6, upgradeTechnology: '4G', upgradeRadiusKm: 4.5, upgradeDate: '2021-09-01', serviceDate: '2015-01-01', heightM: 0, synthetic: false },
    ]);
  });

  it('warns, keeping the value, for upgrades on a planned tower, a radius over 50 km and an upgrade that is not newer', () => {
    const { value, issues } = parseFile(
      'towers',
      't.geojson',
      fcText([tower('T1', { status: 'planned', upgrade_technology: '5G' }), tower('T2', { radius_km: 80 }), tower('T3', { upgrade_technology: '3G' })]),
    );
    expect(value).toHaveLength(3);
    expect(messages(issues)).toEqual([
      't.geojson: feature 1 (id "T1"), field "upgrade_technology": is ignored: the coverage rules upgrade existing towers only, and this tower is planned',
      't.geojson: feature 2 (id "T2"), field "radius_km": is 80 km, more than 50 km: is the unit right?',
      't.geojson: feature 3 (id "T3"), field "upgrade_technology": is "3G", not newer than technology "4G"',
    ]);
    expect(issues.every((i) => i.severity === 'warning')).toBe(true);
  });

  it.each([
    [{ radius_km: 0 }, 'field "radius_km": is 0, must be a number > 0 (km)'],
    [{ upgrade_radius_km: -2, upgrade_technology: '5G' }, 'field "upgrade_radius_km": is -2, must be a number > 0 (km)'],
    [{ upgrade_radius_km: 3 }, 'field "upgrade_radius_km": is given without upgrade_technology'],
    [{ height_m: -1 }, 'field "height_m": is -1, must be a number ≥ 0 (m)'],
    [{ status: 'proposed' }, 'field "status": is "proposed", must be one of "existing", "planned"'],
    [{ operator: 42 }, 'field "operator": is a number (42), must be a string'],
    [{ service_date: 20211015 }, 'field "service_date": is a number (20211015), must be a date string "YYYY-MM-DD"'],
    [{ synthetic: 'yes' }, 'field "synthetic": is a string ("yes"), must be true or false'],
  ])('refuses %j', (extra, message) => {
    const { value, issues } = parseFile('towers', 't.geojson', fcText([tower('T1', extra)]));
    expect(value).toBeUndefined();
    expect(errors(issues)).toHaveLength(1);
    expect(messages(errors(issues))[0]).toContain(`t.geojson: feature 1 (id "T1"), ${message}`);
  });
});

describe('parseFile: communes and coastline', () => {
  it('reads district_id and label points of communes', () => {
    const ring = [[105, 9], [105.1, 9], [105.1, 9.1], [105, 9]];
    const { value } = parseFile('communes', 'c.geojson', fcText([{ type: 'Feature', geometry: { type: 'Polygon', coordinates: [ring] }, properties: { id: '31999', name: 'Phường 9', district_id: '964', label_lon: 105.05, label_lat: 9.03 } }]));
    expect(value).toEqual([{ id: '31999', name: 'Phường 9', districtId: '964', geometry: { type: 'Polygon', coordinates: [ring] }, labelLon: 105.05, labelLat: 9.03 }]);
  });

  it('reads coastline lines with any properties, or none', () => {
    const { value, issues } = parseFile('coastline', 'k.geojson', fcText([
      { type: 'Feature', geometry: { type: 'MultiLineString', coordinates: [[[105, 9], [105.1, 9]], [[105.2, 9], [105.3, 9.1]]] }, properties: null },
    ]));
    expect(issues).toEqual([]);
    expect(value).toEqual([{ type: 'MultiLineString', coordinates: [[[105, 9], [105.1, 9]], [[105.2, 9], [105.3, 9.1]]] }]);
  });
});

describe('parseFile never throws on user data', () => {
  it('for any JSON value or text, in any kind: an error whenever the value is withheld', () => {
    const anyText = fc.oneof(fc.json(), fc.string(), fc.jsonValue().map((v) => JSON.stringify({ type: 'FeatureCollection', features: [v, { type: 'Feature', geometry: v, properties: v }] })));
    fc.assert(
      fc.property(fc.constantFrom(...FILE_KINDS), anyText, (kind, text) => {
        const { value, issues } = parseFile(kind, 'x', text);
        if (value === undefined) expect(issues.some((i) => i.severity === 'error')).toBe(true);
        for (const issue of issues) {
          expect(issue.message.startsWith('x: ')).toBe(true);
          expect(issue.message).not.toMatch(/\n/);
          expect(issue.code).not.toBe('internal');
        }
      }),
      { numRuns: 2000, seed: 42 },
    );
  });
});
