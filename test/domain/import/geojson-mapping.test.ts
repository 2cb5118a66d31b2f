// GeoJSON points whose properties do not use the contract's names (an OpenStreetMap export,
// a Giga school file) are read through the CSV import's mapping (guessed, correctable),
// staged over the bundled data set as the app stages them.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDataFolder } from '../../../src/cli/folder.ts';
import type { ColumnMapping } from '../../../src/domain/import/csv-points.ts';
import { stageImport, type IncomingFile, type StagedImport } from '../../../src/domain/import/staging.ts';
import { issueText } from '../../../src/domain/messages/render.ts';
import type { SourceFile } from '../../../src/domain/parse/index.ts';

const DIR = 'test/fixtures/import/geojson/';
const current: SourceFile[] = readDataFolder('data');

function fixture(name: string, extra: Partial<IncomingFile> = {}): IncomingFile {
  return { name, text: readFileSync(DIR + name, 'utf8'), kind: name.includes('towers') ? 'towers' : 'schools', ...extra };
}

const stage = (...files: IncomingFile[]): StagedImport => stageImport(current, files);
const errors = (s: StagedImport) => s.issues.filter((i) => i.severity === 'error');
const header = (s: StagedImport): string[] => s.files[0]?.header ?? [];
const column = (s: StagedImport, name: string): number => header(s).indexOf(name);

describe('GeoJSON points mapped like CSV columns', () => {
  it('an OpenStreetMap export of schools in Cà Mau imports with the guessed mapping', () => {
    const staged = stage(fixture('osm_schools_camau.geojson'));
    expect(errors(staged)).toEqual([]);
    const file = staged.files[0];
    expect(file).toMatchObject({ kind: 'schools', format: 'geojson', rows: 5, validRows: 5 });
    const mapping = file?.mapping as ColumnMapping<'schools'>;
    expect(header(staged)[mapping.lon as number]).toBe('(geometry) lon');
    expect(header(staged)[mapping.lat as number]).toBe('(geometry) lat');
    expect(header(staged)[mapping.properties.id as number]).toBe('@id');
    expect(header(staged)[mapping.properties.name as number]).toBe('name');
    expect(header(staged)[mapping.properties.level as number]).toBe('isced:level');
    expect(header(staged)[mapping.properties.students as number]).toBe('capacity');
    const schools = staged.dataset?.schools ?? [];
    expect(schools.map((s) => [s.id, s.level, s.students, s.lon, s.lat])).toEqual([
      ['node/5123456701', 'primary', 412, 105.1752, 9.1921],
      ['node/5123456702', 'lower_secondary', 1234, 105.1608, 9.1783],
      ['relation/1520333', 'multi_level', 640, 105.1404, 9.1602],
      ['node/5123456704', 'upper_secondary', 980, 105.1527, 9.1768],
      ['way/612345678', 'preschool', 150, 105.1505, 9.1805],
    ]);
    // An area (an OSM way) gives the centre of its outer ring's corners, said once.
    const areas = staged.issues.filter((i) => i.code === 'polygon-centre');
    expect(areas.map((i) => [i.severity, i.featureIndex, issueText(i, 'en')])).toEqual([
      ['warning', 4, 'osm_schools_camau.geojson: feature 5 (id "way/612345678"), field "geometry": a Polygon: the centre of its outer ring\'s corners is taken as its point'],
    ]);
    const multi = staged.issues.filter((i) => i.code === 'multipoint-first');
    expect(multi).toHaveLength(1);
    expect(multi[0]).toMatchObject({ severity: 'warning', file: 'osm_schools_camau.geojson', featureIndex: 2 });
    expect(issueText(multi[0]!, 'en')).toContain('feature 3 (id "relation/1520333")');
    expect(issueText(multi[0]!, 'en')).toContain('a MultiPoint of 3 points: the first point is taken');
    expect(issueText(multi[0]!, 'vi')).toContain('đối tượng 3');
    const grouped = staged.issues.filter((i) => i.code === 'separators-read');
    expect(grouped.map((i) => [i.featureIndex, i.severity, issueText(i, 'en')])).toEqual([
      [1, 'warning', 'osm_schools_camau.geojson: feature 2 (id "node/5123456702"), property "capacity" (students): "1.234" is read as 1234 (a thousands separator)'],
    ]);
  });

  it('a Giga school file with lat/lon in properties and no geometry imports with the guessed mapping', () => {
    const staged = stage(fixture('giga_schools.geojson'));
    expect(errors(staged)).toEqual([]);
    const mapping = staged.files[0]?.mapping as ColumnMapping<'schools'>;
    expect(header(staged)[mapping.lon as number]).toBe('longitude');
    expect(header(staged)[mapping.lat as number]).toBe('latitude');
    expect(header(staged)[mapping.properties.id as number]).toBe('school_id_giga');
    expect(header(staged)[mapping.properties.name as number]).toBe('school_name');
    expect(header(staged)[mapping.properties.students as number]).toBe('num_students');
    expect(staged.dataset?.schools.map((s) => [s.name, s.level, s.students, s.lon, s.lat])).toEqual([
      ['Trường Mầm non Hoa Hồng', 'preschool', 185, 105.1498, 9.1812],
      ['Trường Tiểu học Lê Lợi', 'primary', 1234, 105.1652, 9.1693],
      ['Trường TH và THCS Tắc Vân', 'multi_level', 702, 105.1893, 9.2211],
    ]);
    expect(staged.issues.filter((i) => i.code === 'separators-read').map((i) => issueText(i, 'vi'))).toEqual([
      'giga_schools.geojson: đối tượng 2 (mã "5f0c2a1e-7b1d-3c55-9a61-0c1e0f6b8a02"), thuộc tính "num_students" (students): "1 234" được đọc là 1.234 (có dấu phân cách hàng nghìn)',
    ]);
  });

  it('the user\'s mapping applies: the government id instead of the Giga id', () => {
    const first = stage(fixture('giga_schools.geojson'));
    const mapping = first.files[0]?.mapping as ColumnMapping<'schools'>;
    const chosen: ColumnMapping<'schools'> = { lon: mapping.lon, lat: mapping.lat, properties: { ...mapping.properties, id: column(first, 'school_id_govt') } };
    const staged = stage(fixture('giga_schools.geojson', { mapping: chosen }));
    expect(errors(staged)).toEqual([]);
    expect(staged.dataset?.schools.map((s) => s.id)).toEqual(['32005101', '32005102', '32005103']);
    expect(staged.files[0]?.mapping).toMatchObject({ properties: { id: column(first, 'school_id_govt') } });
  });

  it('a required field no property holds is refused, naming it; the contract\'s own GeoJSON still reads as before', () => {
    const chosen = stage(fixture('giga_schools.geojson')).files[0]?.mapping as ColumnMapping<'schools'>;
    const staged = stage(fixture('giga_schools.geojson', { mapping: { ...chosen, properties: { ...chosen.properties, students: null } } }));
    expect(staged.dataset).toBeUndefined();
    expect(errors(staged).map((i) => [i.code, i.field])).toEqual([['csv-unmapped', 'students']]);
    const contract = stage({ name: 'schools.geojson', text: current.find((f) => f.path === 'schools.geojson')?.text ?? '' });
    expect(contract.files[0]?.header).toBeUndefined();
    expect(errors(contract)).toEqual([]);
  });

  it('a file named for no kind is known by its content: OSM amenity=school, Giga\'s school ids, OSM place=hamlet', () => {
    const osm = stage({ name: 'export.geojson', text: readFileSync(DIR + 'osm_schools_camau.geojson', 'utf8') });
    expect(osm.files[0]?.kind).toBe('schools');
    expect(errors(osm)).toEqual([]);
    const giga = stage({ name: 'vnm_2024.geojson', text: readFileSync(DIR + 'giga_schools.geojson', 'utf8') });
    expect(giga.files[0]?.kind).toBe('schools');
    const places = '{"type":"FeatureCollection","features":[{"type":"Feature","id":"node/77","properties":{"place":"hamlet","name":"Ấp Xóm Mới"},"geometry":{"type":"Point","coordinates":[105.1,9.1]}}]}';
    const hamlets = stage({ name: 'export.geojson', text: places });
    expect(hamlets.files[0]?.kind).toBe('hamlets');
    // No population in an OSM hamlet: refused, naming what is missing, in Vietnamese too.
    expect(errors(hamlets).map((i) => i.field)).toEqual(['population']);
    expect(issueText(errors(hamlets)[0]!, 'vi')).toContain('population');
  });

  it('numbers with separators: read when unambiguous, refused when not', () => {
    const staged = stage(fixture('ambiguous_towers.geojson'));
    expect(staged.dataset).toBeUndefined();
    expect(errors(staged).map((i) => [i.code, i.featureIndex, issueText(i, 'en')])).toEqual([
      [
        'ambiguous-number',
        0,
        'ambiguous_towers.geojson: feature 1 (id "CMU-001"), property "ban_kinh_km" (radius_km): is "1,234": the "," may be a thousands separator or a decimal comma, and neither is guessed; write 1234 or 1.234 (this file writes decimals with ".")',
      ],
    ]);
    expect(staged.issues.filter((i) => i.code === 'separators-read').map((i) => i.featureIndex)).toEqual([1]);
    expect(staged.validOnly?.dataset.towers.map((t) => [t.id, t.radiusKm])).toEqual([['CMU-002', 1234.5]]);
  });
});
