// The simulated land cover (contract rule 8): towns first, forests where the story puts them,
// labelled simulated, small, and read by the contract's own parser.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pointClass } from '../../src/domain/coverage/brute-force.ts';
import { parseFile } from '../../src/domain/parse/index.ts';
import type { BoundaryKind } from '../../src/synthesis/boundaries.ts';
import { BOUNDARY_KINDS, boundaryPath, readBoundaries } from '../../src/synthesis/boundaries.ts';
import { landcoverText, simulateLandcover } from '../../src/synthesis/landcover.ts';
import { modelText } from '../../src/synthesis/model.ts';
import { DEFAULT_RADIO_MODEL } from '../../src/domain/coverage/radio-model.ts';

const texts = {} as Record<BoundaryKind, string>;
for (const kind of BOUNDARY_KINDS) texts[kind] = readFileSync(`data/${boundaryPath(kind)}`, 'utf8');
const boundaries = readBoundaries(texts);
const areas = simulateLandcover(boundaries);
const { value: parsed, issues } = parseFile('landcover', 'boundaries/landcover.geojson', landcoverText(areas));
const label = (id: string): [number, number] => {
  const c = boundaries.communes.find((x) => x.id === id);
  if (!c) throw new Error(id);
  return [c.labelLon, c.labelLat];
};
const classAt = (id: string): string => {
  const [lon, lat] = label(id);
  return pointClass(lon, lat, undefined, parsed ?? []);
};

describe('simulated landcover for Cà Mau', () => {
  it('passes the contract checks; every feature is simulated and named so', () => {
    expect(issues).toEqual([]);
    expect(parsed?.length).toBe(areas.length);
    expect(areas.every((a) => a.name.includes('mô phỏng'))).toBe(true);
    expect(landcoverText(areas)).toContain('"synthetic":true');
    expect(landcoverText(areas).length).toBeLessThan(64_000);
  });

  it('Cà Mau city wards are urban, district towns suburban, U Minh Hạ and the mangrove districts forest, inland xã rural', () => {
    expect(classAt('31999')).toBe('urban'); // Phường 9, Cà Mau city
    expect(classAt('32191')).toBe('suburban'); // Thị trấn Năm Căn
    expect(classAt('32244')).toBe('suburban'); // Thị trấn Rạch Gốc, Ngọc Hiển
    expect(classAt('32048')).toBe('forest'); // U Minh Hạ
    // Xã Tân Ân's label point lies on its border with Thị trấn Rạch Gốc, which comes first.
    const mangrove = boundaries.communes.filter((c) => (c.districtId === '971' || c.districtId === '973') && c.type === 'Xã' && c.id !== '32245');
    expect(mangrove.length).toBeGreaterThan(5);
    for (const c of mangrove) expect(classAt(c.id), c.name).toBe('forest');
    const counts = { urban: 0, suburban: 0, rural: 0, forest: 0 };
    for (const c of boundaries.communes) counts[classAt(c.id) as keyof typeof counts]++;
    expect(counts.rural).toBeGreaterThan(20);
    expect(counts.urban).toBe(10);
  });

  it('model.json is the contract’s defaults in full, radius_model fixed', () => {
    const { value, issues: modelIssues } = parseFile('model', 'model.json', modelText());
    expect(modelIssues).toEqual([]);
    expect(value).toEqual(DEFAULT_RADIO_MODEL);
    expect(JSON.parse(modelText()).radius_model).toBe('fixed');
  });
});
