import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BoundaryKind, SynthesisBoundaries } from '../../src/synthesis/boundaries.ts';
import { BOUNDARY_KINDS, boundaryPath, readBoundaries } from '../../src/synthesis/boundaries.ts';
import type { SimulatedData } from '../../src/synthesis/index.ts';
import { DEFAULT_SEED, serializeDataset, simulate } from '../../src/synthesis/index.ts';
import { buildRegion } from '../../src/synthesis/regions.ts';
import { deliveredBy, equippedPct, hamletsGoodPct, hamletsNotGood } from '../../src/synthesis/summary.ts';
import { pointInGeometry } from '../../src/domain/geo/polygon.ts';

const DATA_DIR = fileURLToPath(new URL('../../data/', import.meta.url));
const readData = (path: string): string => readFileSync(`${DATA_DIR}${path}`, 'utf8');

let boundaries: SynthesisBoundaries;
let data: SimulatedData;
let files: Record<string, string>;

beforeAll(() => {
  const texts = {} as Record<BoundaryKind, string>;
  for (const kind of BOUNDARY_KINDS) texts[kind] = readData(boundaryPath(kind));
  boundaries = readBoundaries(texts);
  data = simulate(boundaries, DEFAULT_SEED);
  files = serializeDataset(data);
});

describe('the committed simulated files', () => {
  it('are exactly what the generator writes from the committed boundaries (data/ is up to date)', () => {
    expect(Object.keys(files).sort()).toEqual([
      'boundaries/landcover.geojson',
      'deliveries.csv',
      'hamlets.geojson',
      'measurements.csv',
      'model.json',
      'programme.json',
      'schools.geojson',
      'towers.geojson',
    ]);
    for (const [path, text] of Object.entries(files)) expect(readData(path), path).toBe(text);
  });

  it('are NFC, LF-only text with one feature per line', () => {
    for (const [path, text] of Object.entries(files)) {
      expect(text.normalize('NFC'), path).toBe(text);
      expect(text.includes('\r'), path).toBe(false);
      expect(text.endsWith('\n'), path).toBe(true);
    }
    const lines = files['towers.geojson']?.split('\n') ?? [];
    expect(lines[0]).toBe('{"type":"FeatureCollection","features":[');
    expect(lines.at(-2)).toBe(']}');
    expect(lines.length).toBe(data.towers.length + 3);
  });

  it('another seed gives other data', () => {
    expect(serializeDataset(simulate(boundaries, DEFAULT_SEED + 1))['hamlets.geojson']).not.toBe(files['hamlets.geojson']);
  });
});

describe('records', () => {
  it('are all synthetic, with unique ids and 5-decimal coordinates', () => {
    for (const records of [data.hamlets, data.schools, data.towers]) {
      expect(records.every((r) => r.synthetic)).toBe(true);
      expect(new Set(records.map((r) => r.id)).size).toBe(records.length);
      for (const r of records) {
        expect(Math.round(r.lon * 1e5) / 1e5).toBe(r.lon);
        expect(Math.round(r.lat * 1e5) / 1e5).toBe(r.lat);
      }
    }
  });

  it('hamlets: 850–950, each strictly inside its commune, populations summing to the census', () => {
    expect(data.hamlets.length).toBeGreaterThanOrEqual(850);
    expect(data.hamlets.length).toBeLessThanOrEqual(950);
    for (const commune of boundaries.communes) {
      const mine = data.hamlets.filter((h) => h.commune === commune.id);
      expect(mine.length, commune.name).toBeGreaterThanOrEqual(4);
      expect(mine.length, commune.name).toBeLessThanOrEqual(18);
      expect(mine.reduce((s, h) => s + h.population, 0), commune.name).toBe(commune.population);
      for (const h of mine) {
        expect(pointInGeometry(h.lon, h.lat, commune.geometry), h.id).toBe(true);
        expect(h.district).toBe(commune.districtId);
        expect(h.id.startsWith(`H-${commune.id}-`)).toBe(true);
        expect(h.name).toMatch(commune.type === 'Xã' ? /^Ấp / : /^Khóm \d+$/);
      }
    }
    const offGrid = data.hamlets.filter((h) => !h.gridPower);
    expect(offGrid.length).toBeGreaterThanOrEqual(3);
    expect(offGrid.length).toBeLessThanOrEqual(15);
  });

  it('schools: 430–460, every commune with its preschool, primary and lower secondary school', () => {
    expect(data.schools.length).toBeGreaterThanOrEqual(430);
    expect(data.schools.length).toBeLessThanOrEqual(460);
    for (const commune of boundaries.communes) {
      const levels = new Set(data.schools.filter((s) => s.commune === commune.id).map((s) => s.level));
      for (const level of ['preschool', 'primary', 'lower_secondary'] as const) {
        expect(levels.has(level), `${commune.name} ${level}`).toBe(true);
      }
      for (const s of data.schools.filter((x) => x.commune === commune.id)) {
        expect(pointInGeometry(s.lon, s.lat, commune.geometry), s.id).toBe(true);
      }
    }
    const count = (level: string): number => data.schools.filter((s) => s.level === level).length;
    expect(count('upper_secondary')).toBeGreaterThanOrEqual(25);
    expect(count('continuing')).toBeGreaterThanOrEqual(3);
    expect(count('multi_level')).toBeGreaterThanOrEqual(2);
    for (const s of data.schools) {
      const need = s.studentsInNeed ?? 0;
      if (s.level === 'preschool') expect(need).toBe(0);
      else {
        expect(need, s.id).toBeGreaterThanOrEqual(Math.floor(0.08 * s.students));
        expect(need, s.id).toBeLessThanOrEqual(Math.ceil(0.2 * s.students));
      }
    }
  });

  it('towers: three operators, heights 30–60 m, 2021 upgrades from August to December', () => {
    expect(new Set(data.towers.map((t) => t.operator))).toEqual(new Set(['Viettel', 'VNPT', 'MobiFone']));
    for (const t of data.towers) {
      expect(t.heightM).toBeGreaterThanOrEqual(30);
      expect(t.heightM).toBeLessThanOrEqual(60);
      expect(t.id).toMatch(/^T-(VT|VN|MF)-\d{4}$/);
      if (t.technology === '3G' && t.upgradeTechnology === '4G') {
        expect(t.upgradeDate! >= '2021-08-01' && t.upgradeDate! <= '2021-12-31', t.id).toBe(true);
      }
    }
    const planned = data.towers.filter((t) => t.status === 'planned');
    expect(planned.filter((t) => t.serviceDate === undefined).length).toBeGreaterThanOrEqual(2);
    const city = boundaries.districts.find((d) => d.id === '964');
    const fiveG = data.towers.filter((t) => t.technology === '5G' || t.upgradeTechnology === '5G');
    expect(fiveG.length).toBeGreaterThanOrEqual(4);
    for (const t of fiveG) expect(city && pointInGeometry(t.lon, t.lat, city.geometry), t.id).toBe(true);
    expect(planned.filter((t) => t.technology === '5G').every((t) => t.radiusKm === 1.5)).toBe(true);
  });
});

describe('the 2021 story, through the brute-force oracle', () => {
  it('a few percent of hamlets lack 4G on 2021-01-01, almost all in remote or coastal communes', () => {
    const pct = hamletsGoodPct(data.hamlets, data.towers, '2021-01-01');
    expect(pct).toBeGreaterThanOrEqual(92);
    expect(pct).toBeLessThanOrEqual(97);
    const region = buildRegion(boundaries);
    const lacking = hamletsNotGood(data.hamlets, data.towers, '2021-01-01');
    const inGapCommunes = lacking.filter((h) => {
      const profile = region.profileById.get(h.commune ?? '');
      return profile?.remote || profile?.coastal;
    });
    expect(inGapCommunes.length / lacking.length).toBeGreaterThanOrEqual(0.9);
  });

  it('the mid-October target is nearly but not fully met, and the year closes higher', () => {
    const october = hamletsGoodPct(data.hamlets, data.towers, '2021-10-15');
    expect(october).toBeGreaterThanOrEqual(97);
    expect(october).toBeLessThanOrEqual(99);
    const december = hamletsGoodPct(data.hamlets, data.towers, '2021-12-31');
    expect(december).toBeGreaterThan(october);
    expect(december).toBeLessThan(100);
  });

  it('the plan leaves a handful of remote hamlets out, some off the grid', () => {
    const left = hamletsNotGood(data.hamlets, data.towers, 'planned');
    expect(left.length).toBeGreaterThanOrEqual(3);
    expect(left.length).toBeLessThanOrEqual(10);
    expect(left.some((h) => !h.gridPower)).toBe(true);
  });

  it('deliveries ramp up from September 2021 and fall short of the targets', () => {
    expect(data.deliveries.every((d) => d.date >= '2021-09-01' && Number.isInteger(d.quantity) && d.quantity >= 1)).toBe(true);
    const schoolIds = new Set(data.schools.map((s) => s.id));
    expect(data.deliveries.every((d) => schoolIds.has(d.schoolId))).toBe(true);
    const computers = deliveredBy(data.deliveries, 'computer', '2021-12-31');
    expect(computers).toBeGreaterThanOrEqual(4100);
    expect(computers).toBeLessThanOrEqual(4350);
    const sims = deliveredBy(data.deliveries, 'data_sim', '2021-12-31');
    expect(sims).toBeGreaterThanOrEqual(7200);
    expect(sims).toBeLessThan(7500);
    const byYearEnd = equippedPct(data.schools, data.deliveries, '2021-12-31');
    const bySchoolYear = equippedPct(data.schools, data.deliveries, '2022-09-05');
    expect(bySchoolYear).toBeGreaterThan(byYearEnd);
    expect(bySchoolYear).toBeGreaterThanOrEqual(80);
    expect(bySchoolYear).toBeLessThan(100);
    expect(data.deliveries.some((d) => d.date > '2022-09-05')).toBe(true);
  });

  it('deliveries.csv is sorted by date then school id', () => {
    const lines = files['deliveries.csv']?.trimEnd().split('\n') ?? [];
    expect(lines[0]).toBe('date,school_id,kind,quantity,donor,operator');
    const keys = lines.slice(1).map((line) => line.split(',').slice(0, 2).join(','));
    expect(keys).toEqual(keys.slice().sort());
  });

  it('every data SIM names its network, the operator that gave it; a computer none', () => {
    const sims = data.deliveries.filter((d) => d.kind === 'data_sim');
    expect(sims.length).toBeGreaterThan(0);
    for (const d of sims) expect(d.operator).toBe(d.donor);
    expect(data.deliveries.filter((d) => d.kind === 'computer' && d.operator !== undefined)).toEqual([]);
  });

  it('programme.json holds the four seed targets with their deadlines', () => {
    type TargetFields = { metric: string; target: number; deadline: string; label_vi: string; label_en: string };
    const programme = JSON.parse(files['programme.json'] ?? '{}') as { name: string; targets: TargetFields[] };
    expect(programme.name).toBe('Sóng và máy tính cho em');
    const seeds = programme.targets.map((t) => [t.metric, t.target, t.deadline]);
    expect(seeds).toContainEqual(['hamlets_good_pct', 100, '2021-10-15']);
    expect(seeds).toContainEqual(['computers_delivered', 4500, '2021-12-31']);
    expect(seeds).toContainEqual(['data_sims_delivered', 7500, '2021-12-31']);
    expect(seeds).toContainEqual(['students_in_need_equipped_pct', 100, '2022-09-05']);
    expect(programme.targets.every((t) => t.label_vi.length > 0 && t.label_en.length > 0)).toBe(true);
  });
});
