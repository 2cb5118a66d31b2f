// The national-scale generator (`npm run data -- --scale national`) at small scales: a valid,
// deterministic data folder inside the simplified outline; the province data untouched.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseDataset } from '../../src/domain/parse/index.ts';
import { pointInGeometry, ringAreaDeg2 } from '../../src/domain/geo/polygon.ts';
import type { Dataset, Position, Ring } from '../../src/domain/types.ts';
import type { BoundaryKind } from '../../src/synthesis/boundaries.ts';
import { BOUNDARY_KINDS, boundaryPath, readBoundaries } from '../../src/synthesis/boundaries.ts';
import { DEFAULT_SEED, generateDataset } from '../../src/synthesis/index.ts';
import { writeNationalDataset, type NationalSummary } from '../../src/synthesis/national.ts';
import { FeatureCollectionWriter, featureCollectionText, pointGeometry } from '../../src/synthesis/serialize.ts';
import { simulatedRegions, vietnamOutline } from '../../src/synthesis/vietnam.ts';

const DATA_DIR = fileURLToPath(new URL('../../data/', import.meta.url));
const readData = (path: string): string => readFileSync(`${DATA_DIR}${path}`, 'utf8');

function generate(scale: number, seed = DEFAULT_SEED): { files: Record<string, string>; summary: NationalSummary; chunks: number } {
  const files: Record<string, string> = {};
  let chunks = 0;
  const summary = writeNationalDataset({ seed, scale }, (path, chunk) => {
    files[path] = (files[path] ?? '') + chunk;
    chunks++;
  });
  return { files, summary, chunks };
}

const parse = (files: Record<string, string>) => parseDataset(Object.entries(files).map(([path, text]) => ({ path, text })));

// Proper crossing of two segments (touching at an end does not count).
function crosses(a: Position, b: Position, c: Position, d: Position): boolean {
  const side = (p: Position, q: Position, r: Position): number => Math.sign((q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]));
  return side(a, b, c) * side(a, b, d) < 0 && side(c, d, a) * side(c, d, b) < 0;
}

function isSimple(ring: Ring): boolean {
  const n = ring.length - 1;
  for (let i = 0; i < n; i++) {
    for (let j = i + 2; j < n; j++) {
      if (i === 0 && j === n - 1) continue;
      if (crosses(ring[i] as Position, ring[i + 1] as Position, ring[j] as Position, ring[j + 1] as Position)) return false;
    }
  }
  return true;
}

let small: ReturnType<typeof generate>;
let dataset: Dataset;

beforeAll(() => {
  small = generate(0.001);
  const parsed = parse(small.files);
  expect(parsed.issues).toEqual([]);
  dataset = parsed.dataset as Dataset;
});

describe('the simplified outline and its simulated regions', () => {
  const outline = vietnamOutline();
  const ring = outline.coordinates[0] as Ring;
  const regions = simulatedRegions();

  it('is one simple ring of 40–80 vertices from the China border to Cà Mau', () => {
    expect(ring.length - 1).toBeGreaterThanOrEqual(40);
    expect(ring.length - 1).toBeLessThanOrEqual(80);
    expect(isSimple(ring)).toBe(true);
    const lons = ring.map((p) => p[0]);
    const lats = ring.map((p) => p[1]);
    expect(Math.min(...lons)).toBeCloseTo(102.14, 1);
    expect(Math.max(...lons)).toBeCloseTo(109.45, 1);
    expect(Math.min(...lats)).toBeCloseTo(8.6, 1);
    expect(Math.max(...lats)).toBeCloseTo(23.39, 1);
    // Narrow in the middle: at 17.2° N (Quảng Bình) it is about 50 km across.
    expect(pointInGeometry(106.5, 17.3, outline)).toBe(true);
    expect(pointInGeometry(105.5, 17.3, outline)).toBe(false);
  });

  it('is split into about 60 simple regions, labelled simulated, that tile it exactly', () => {
    expect(regions.length).toBeGreaterThanOrEqual(55);
    expect(regions.length).toBeLessThanOrEqual(65);
    regions.forEach((region, i) => {
      const id = String(i + 1).padStart(2, '0');
      expect(region.id).toBe(`N${id}`);
      expect(region.name).toBe(`Vùng ${id} (mô phỏng)`);
      const r = region.geometry.coordinates[0] as Ring;
      expect(isSimple(r), region.id).toBe(true);
      expect(ringAreaDeg2(r), region.id).toBeGreaterThan(0.05);
      for (const [lon, lat] of r) expect(pointInGeometry(lon, lat, outline), region.id).toBe(true);
    });
    const sum = regions.reduce((s, region) => s + ringAreaDeg2(region.geometry.coordinates[0] as Ring), 0);
    expect(sum).toBeCloseTo(ringAreaDeg2(ring), 6);
  });
});

describe('writeNationalDataset at scale 0.001', () => {
  it('writes a complete data folder that parses without a single issue', () => {
    expect(Object.keys(small.files).sort()).toEqual([
      'README.md',
      'boundaries/districts.geojson',
      'boundaries/province.geojson',
      'deliveries.csv',
      'hamlets.geojson',
      'programme.json',
      'schools.geojson',
      'towers.geojson',
    ]);
    expect(dataset.province).toHaveLength(1);
    expect(dataset.districts).toHaveLength(simulatedRegions().length);
    expect(dataset.province[0]?.name).toMatch(/mô phỏng/);
    expect(small.files['README.md']).toMatch(/not real, not committed/);
  });

  it('has 900 hamlets, 100 schools and 100 towers, with unique ids', () => {
    expect(dataset.hamlets).toHaveLength(900);
    expect(dataset.schools).toHaveLength(100);
    expect(dataset.towers).toHaveLength(100);
    expect(small.summary).toMatchObject({ hamlets: 900, schools: 100, towers: 100 });
    for (const records of [dataset.hamlets, dataset.schools, dataset.towers]) {
      expect(new Set(records.map((r) => r.id)).size).toBe(records.length);
      expect(records.every((r) => r.synthetic)).toBe(true);
    }
  });

  it('puts every point inside the outline and in the district it names', () => {
    const outline = dataset.province[0]?.geometry;
    expect(outline).toEqual(vietnamOutline());
    const districts = new Map(dataset.districts.map((d) => [d.id, d.geometry]));
    for (const p of [...dataset.hamlets, ...dataset.schools, ...dataset.towers]) {
      expect(pointInGeometry(p.lon, p.lat, outline!), p.id).toBe(true);
    }
    for (const p of [...dataset.hamlets, ...dataset.schools]) {
      const district = districts.get(p.district ?? '');
      expect(district && pointInGeometry(p.lon, p.lat, district), p.id).toBe(true);
    }
  });

  it('gives district populations that sum to the hamlets', () => {
    const hamlets = dataset.hamlets.reduce((s, h) => s + h.population, 0);
    expect(dataset.districts.reduce((s, d) => s + (d.population ?? 0), 0)).toBe(hamlets);
    expect(hamlets).toBe(Math.round(96_208_984 * 0.001));
  });

  it('keeps the programme of data/programme.json', () => {
    expect(small.files['programme.json']).toBe(readData('programme.json'));
  });

  it('is deterministic: the same seed gives the same bytes, another seed other data', () => {
    expect(generate(0.001).files).toEqual(small.files);
    expect(generate(0.001, DEFAULT_SEED + 1).files['hamlets.geojson']).not.toBe(small.files['hamlets.geojson']);
  });

  it('hands out the big files in chunks', () => {
    expect(small.chunks).toBeGreaterThan(Object.keys(small.files).length);
  });
});

describe('writeNationalDataset at scale 0.01: a plausible mix', () => {
  let mixed: Dataset;
  beforeAll(() => {
    const { files } = generate(0.01);
    const parsed = parse(files);
    expect(parsed.issues.filter((i) => i.severity === 'error')).toEqual([]);
    mixed = parsed.dataset as Dataset;
  });

  it('hamlets: plausible integers, about 1% without grid power', () => {
    const offGrid = mixed.hamlets.filter((h) => !h.gridPower).length / mixed.hamlets.length;
    expect(offGrid).toBeGreaterThan(0.004);
    expect(offGrid).toBeLessThan(0.025);
    for (const h of mixed.hamlets) {
      expect(h.population).toBeGreaterThan(0);
      expect(h.population).toBeLessThan(2000);
      expect(h.poorHouseholds!).toBeLessThanOrEqual(h.households!);
    }
  });

  it('schools: every level, students in need within the students', () => {
    expect(new Set(mixed.schools.map((s) => s.level)).size).toBe(6);
    for (const s of mixed.schools) {
      expect(s.students).toBeGreaterThan(0);
      expect(s.studentsInNeed!).toBeLessThanOrEqual(s.students);
    }
  });

  it('towers: three operators, 2G to 5G, some planned, some upgrades, with valid dates', () => {
    const { towers } = mixed;
    expect(new Set(towers.map((t) => t.operator))).toEqual(new Set(['Viettel', 'VNPT', 'MobiFone']));
    expect(new Set(towers.map((t) => t.technology))).toEqual(new Set(['2G', '3G', '4G', '5G']));
    const planned = towers.filter((t) => t.status === 'planned').length / towers.length;
    expect(planned).toBeGreaterThan(0.05);
    expect(planned).toBeLessThan(0.2);
    const upgrades = towers.filter((t) => t.upgradeTechnology !== undefined);
    expect(upgrades.length / towers.length).toBeGreaterThan(0.05);
    for (const t of upgrades) expect(t.status === 'existing' && t.upgradeDate! >= '2021-08-01', t.id).toBe(true);
    for (const t of towers.filter((x) => x.status === 'planned')) expect(t.upgradeTechnology).toBeUndefined();
  });
});

describe('the province generator', () => {
  it('still writes the committed Cà Mau files', () => {
    const texts = {} as Record<BoundaryKind, string>;
    for (const kind of BOUNDARY_KINDS) texts[kind] = readData(boundaryPath(kind));
    const files = generateDataset(readBoundaries(texts));
    expect(files['towers.geojson']).toBe(readData('towers.geojson'));
    expect(files['hamlets.geojson']).toBe(readData('hamlets.geojson'));
  });

  it('and FeatureCollectionWriter gives featureCollectionText byte for byte, chunk by chunk', () => {
    for (const n of [0, 1, 2, 5]) {
      const specs = Array.from({ length: n }, (_, i) => ({ properties: { id: `X-${i}`, name: 'Ấp Tân Hòa' }, geometry: pointGeometry(105 + i, 9) }));
      let text = '';
      const writer = new FeatureCollectionWriter((chunk) => (text += chunk), 2);
      for (const spec of specs) writer.add(spec);
      writer.end();
      expect(text, String(n)).toBe(featureCollectionText(specs));
    }
  });
});
