// The counts of points inside the province (the import's impact) and outside every district
// (the folder's rule 7 warning) come from the district join's raster; they must equal the
// plain loop with pointInGeometry, on random points around, across and on the borders.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readDataFolder } from '../../../src/cli/folder.ts';
import { districtIndexOf } from '../../../src/domain/coverage/districts.ts';
import { pointInGeometry } from '../../../src/domain/geo/polygon.ts';
import { importImpact } from '../../../src/domain/import/impact.ts';
import { parseDataset } from '../../../src/domain/parse/index.ts';
import { hamletsToGeoJSON } from '../../../src/domain/export/features.ts';
import type { Boundary, Dataset, Hamlet } from '../../../src/domain/types.ts';

const files = readDataFolder('data');
const bundled = parseDataset(files).dataset as Dataset;
const inAny = (areas: readonly Boundary[], lon: number, lat: number) => areas.some((a) => pointInGeometry(lon, lat, a.geometry));

/** Random places: around the province's box, and vertices of the district borders (on the edge). */
const places = fc.array(
  fc.oneof(
    fc.record({ lon: fc.double({ min: 104.6, max: 105.6, noNaN: true }), lat: fc.double({ min: 8.5, max: 9.6, noNaN: true }) }),
    fc.nat().map((k) => {
      const ring = (bundled.districts[k % bundled.districts.length] as Boundary).geometry;
      const coords = ring.type === 'Polygon' ? ring.coordinates[0]! : ring.coordinates[0]![0]!;
      const [lon, lat] = coords[k % coords.length] as [number, number];
      return { lon, lat };
    }),
  ),
  { minLength: 1, maxLength: 300 },
);
const hamletsAt = (at: { lon: number; lat: number }[]): Hamlet[] => at.map((p, i) => ({ id: `T-${i}`, name: `Ấp ${i}`, lon: p.lon, lat: p.lat, population: 10, gridPower: true, synthetic: true }));

describe('points inside areas, by the raster', () => {
  it('the impact counts the new hamlets inside the province as the plain loop does', () => {
    fc.assert(
      fc.property(places, (at) => {
        const after = { ...bundled, hamlets: hamletsAt(at) };
        const inside = importImpact(bundled, after, ['hamlets']).layers.find((l) => l.layer === 'hamlets')?.insideAfter;
        expect(inside).toBe(at.filter((p) => inAny(bundled.province, p.lon, p.lat)).length);
      }),
      { numRuns: 40 },
    );
  });

  it('the folder warns of the hamlets outside every district with the plain loop’s count', () => {
    fc.assert(
      fc.property(places, (at) => {
        const text = JSON.stringify(hamletsToGeoJSON(hamletsAt(at)));
        const report = parseDataset(files.map((f) => (f.path === 'hamlets.geojson' ? { ...f, text } : f)));
        const warning = report.issues.find((i) => i.code === 'outside-districts' && i.file === 'hamlets.geojson');
        const outside = at.filter((p) => !inAny(bundled.districts, p.lon, p.lat)).length;
        expect(warning?.params?.count ?? 0).toBe(outside);
      }),
      { numRuns: 25 },
    );
  });

  it('builds a boundary list’s index once', () => {
    expect(districtIndexOf(bundled.districts)).toBe(districtIndexOf(bundled.districts));
    expect(districtIndexOf(bundled.province)).not.toBe(districtIndexOf(bundled.districts));
  });
});
