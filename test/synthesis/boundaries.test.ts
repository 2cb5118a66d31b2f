import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { BoundaryKind } from '../../src/synthesis/boundaries.ts';
import {
  BOUNDARY_KINDS,
  REAL_SOURCE_FILES,
  boundaryPath,
  convertBoundaries,
  readBoundaries,
} from '../../src/synthesis/boundaries.ts';

const DATA_DIR = fileURLToPath(new URL('../../data/', import.meta.url));
// The real sources live beside the checkout in this workspace only; CI has data/ alone.
const SOURCE_DIR = fileURLToPath(new URL('../../../shared/data/', import.meta.url));
const haveSources = existsSync(`${SOURCE_DIR}${REAL_SOURCE_FILES.communes}`);

function committed(): Record<BoundaryKind, string> {
  const texts = {} as Record<BoundaryKind, string>;
  for (const kind of BOUNDARY_KINDS) texts[kind] = readFileSync(`${DATA_DIR}${boundaryPath(kind)}`, 'utf8');
  return texts;
}

describe('committed boundaries', () => {
  it('hold the 2019–2024 structure: 1 province, 9 districts, 101 communes, 1,194,476 people', () => {
    const b = readBoundaries(committed());
    expect(b.province).toMatchObject({ id: '96', name: 'Tỉnh Cà Mau', population: 1_194_476 });
    expect(b.districts.map((d) => d.id)).toEqual(['964', '966', '967', '968', '969', '970', '971', '972', '973']);
    expect(b.communes.length).toBe(101);
    expect(b.communes.reduce((s, c) => s + c.population, 0)).toBe(1_194_476);
    for (const d of b.districts) {
      const sum = b.communes.filter((c) => c.districtId === d.id).reduce((s, c) => s + c.population, 0);
      expect(sum, d.name).toBe(d.population);
    }
    expect(b.communes.filter((c) => c.type === 'Xã').length).toBe(82);
    expect(b.communes.every((c) => !/\s{2}/.test(c.name))).toBe(true);
    expect(b.coastline.length).toBeGreaterThan(0);
  });
});

describe.skipIf(!haveSources)('conversion from the real files', () => {
  it('reproduces the committed boundary files and PROVENANCE.md', () => {
    const sources = {} as Record<BoundaryKind, string>;
    for (const kind of BOUNDARY_KINDS) sources[kind] = readFileSync(`${SOURCE_DIR}${REAL_SOURCE_FILES[kind]}`, 'utf8');
    const converted = convertBoundaries(sources);
    for (const kind of BOUNDARY_KINDS) expect(converted[boundaryPath(kind)], kind).toBe(committed()[kind]);
    expect(readFileSync(`${DATA_DIR}PROVENANCE.md`, 'utf8')).toBe(readFileSync(`${SOURCE_DIR}PROVENANCE.md`, 'utf8'));
  });

  it('keeps every geometry exactly as the source has it', () => {
    const source = JSON.parse(readFileSync(`${SOURCE_DIR}${REAL_SOURCE_FILES.communes}`, 'utf8')) as {
      features: { properties: { gso_code: string }; geometry: unknown }[];
    };
    const ours = JSON.parse(committed().communes) as { features: { properties: { id: string }; geometry: unknown }[] };
    for (const f of source.features) {
      expect(ours.features.find((g) => g.properties.id === f.properties.gso_code)?.geometry).toEqual(f.geometry);
    }
  });
});
