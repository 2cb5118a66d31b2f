import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runValidate } from '../../src/cli/validate.ts';

const BAD = 'test/fixtures/bad';
const GOOD = 'test/fixtures/good';

async function run(argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runValidate(argv, { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { code, out, err };
}

/**
 * Every bad fixture and what stderr must say about it: the file, the feature index or CSV
 * line, and the field. A fixture without an entry here fails the test.
 */
const EXPECTED: Record<string, string[]> = {
  'truncated_hamlets.geojson': [
    'truncated_hamlets.geojson: line 3, column 113: the text ends before the JSON value is complete',
    'the file is 289 bytes long: is it truncated',
  ],
  'nan_hamlets.geojson': ['nan_hamlets.geojson: line 3, column 61: NaN is not valid JSON; use null or a number'],
  'infinity_towers.geojson': [
    'infinity_towers.geojson: feature 2 (id "t2"), field "geometry.coordinates": coordinate 1 is Infinity, not a finite number',
  ],
  'string_coordinate_schools.geojson': [
    'string_coordinate_schools.geojson: feature 2 (id "s2"), field "geometry.coordinates": coordinate 0 is a string ("105.05"), must be a number',
  ],
  'null_geometry_hamlets.geojson': ['null_geometry_hamlets.geojson: feature 2 (id "h2"), field "geometry": is null'],
  'linestring_schools.geojson': [
    'linestring_schools.geojson: feature 2 (id "s2"), field "geometry.type": is "LineString", must be "Point"',
  ],
  'geometrycollection_towers.geojson': [
    'geometrycollection_towers.geojson: feature 1 (id "t1"), field "geometry.type": is "GeometryCollection", must be "Point"',
  ],
  'swapped_towers.geojson': [
    'swapped_towers.geojson: feature 1 (id "t1"), field "geometry.coordinates": coordinates look swapped (lat, lon): [9.06, 105.05]; GeoJSON is [lon, lat]; 3 features in this file look the same',
  ],
  'projected_hamlets.geojson': [
    'projected_hamlets.geojson: feature 1 (id "h1"), field "geometry.coordinates": coordinates [511234.5, 998765.25] look like projected metres',
    'WGS84 longitude, latitude in degrees',
  ],
  'range_hamlets.geojson': [
    'range_hamlets.geojson: feature 2 (id "h2"), field "geometry.coordinates": longitude 250 in [250, 9.05] is outside [-180, 180]',
  ],
  'array_hamlets.geojson': ['array_hamlets.geojson: the file holds a JSON array of 2 items, not a GeoJSON FeatureCollection'],
  'esri_schools.json': ['esri_schools.json: this is Esri JSON'],
  'single_feature_hamlets.geojson': ['single_feature_hamlets.geojson: the file holds a single Feature, not a FeatureCollection'],
  'duplicate_id_towers.geojson': [
    'duplicate_id_towers.geojson: feature 3 (id "t1"), field "id": id "t1" is already used by feature 1',
  ],
  'numeric_id_hamlets.geojson': [
    'numeric_id_hamlets.geojson: feature 2, field "id": is a number (7), must be a string',
    'leading zeros are lost',
  ],
  'missing_population_hamlets.geojson': [
    'missing_population_hamlets.geojson: feature 2 (id "h2"), field "population": is missing (required in a hamlets file)',
  ],
  'string_population_hamlets.geojson': [
    'string_population_hamlets.geojson: feature 2 (id "h2"), field "population": is a string ("120"), must be a number',
  ],
  'fractional_population_hamlets.geojson': [
    'fractional_population_hamlets.geojson: feature 2 (id "h2"), field "population": is 12.5, must be a whole number ≥ 0',
  ],
  'negative_students_schools.geojson': [
    'negative_students_schools.geojson: feature 2 (id "s2"), field "students": is -3, must be a whole number ≥ 0',
  ],
  'exceeding_need_schools.geojson': [
    'exceeding_need_schools.geojson: feature 2 (id "s2"), field "students_in_need": is 41, more than students (40)',
  ],
  'bad_technology_towers.geojson': [
    'bad_technology_towers.geojson: feature 2 (id "t2"), field "technology": is "4.5G", must be one of "2G", "3G", "4G", "5G"',
  ],
  'bad_level_schools.geojson': [
    'bad_level_schools.geojson: feature 2 (id "s2"), field "level": is "high_school", must be one of "preschool", "primary"',
  ],
  'impossible_date_towers.geojson': [
    'impossible_date_towers.geojson: feature 2 (id "t2"), field "service_date": "2021-02-30" is not a real date: February 2021 has 28 days',
  ],
  'ddmmyyyy_towers.geojson': [
    'ddmmyyyy_towers.geojson: feature 2 (id "t2"), field "service_date": "15/10/2021" is not an ISO date YYYY-MM-DD (if it is day/month/year, write 2021-10-15)',
  ],
  'upgrade_without_technology_towers.geojson': [
    'upgrade_without_technology_towers.geojson: feature 1 (id "t1"), field "upgrade_date": is given without upgrade_technology',
  ],
  'string_boolean_schools.geojson': [
    'string_boolean_schools.geojson: feature 2 (id "s2"), field "fixed_broadband": is a string ("true"), must be true or false',
  ],
  'bom_hamlets.geojson': [
    'bom_hamlets.geojson: the file starts with a byte-order mark (U+FEFF); save it as UTF-8 without BOM',
  ],
  'proto_key_hamlets.geojson': [
    'proto_key_hamlets.geojson: feature 2 (id "h2"), field "__proto__": this property name is not allowed',
  ],
  'nfd_hamlets.geojson': ['nfd_hamlets.geojson: feature 2 (id "h2"), field "name": text', 'is not in Unicode NFC form'],
  'mojibake_hamlets.geojson': [
    'mojibake_hamlets.geojson: feature 2 (id "h2"), field "name": text "áº¤p CÃ\u00a0 Mau" looks like UTF-8 that was read as Windows-1252/1258',
  ],
  'tcvn3_schools.geojson': [
    'tcvn3_schools.geojson: feature 2 (id "s2"), field "name": text "Tr\u00adêng TiÓu häc Cµ Mau" looks like Vietnamese typed in a legacy TCVN3 (ABC) or VNI font',
  ],
  'windows1258_hamlets.geojson': [
    'windows1258_hamlets.geojson: line 3, column 108: the text holds 1 U+FFFD replacement character',
    'not saved as UTF-8',
  ],
  'unclosed_districts.geojson': [
    'unclosed_districts.geojson: feature 2 (id "D02"), field "geometry.coordinates": ring 0 is not closed: it starts at [105.1, 9] and ends at [105.1, 9.2]',
  ],
  'no_district_id_communes.geojson': [
    'no_district_id_communes.geojson: feature 1 (id "C001"), field "district_id": is missing (required in a communes file)',
  ],
  'point_coastline.geojson': [
    'point_coastline.geojson: feature 1, field "geometry.type": is "Point", must be "LineString" or "MultiLineString"',
  ],
  'semicolon_deliveries.csv': ['semicolon_deliveries.csv: line 1: the columns are separated by ";"', 'the contract needs ","'],
  'zero_quantity_deliveries.csv': [
    'zero_quantity_deliveries.csv: line 3, field "quantity": is 0, must be a whole number ≥ 1',
  ],
  'thousands_deliveries.csv': [
    'thousands_deliveries.csv: line 2, field "quantity": is "1.000": write whole numbers without thousands separators (1000)',
  ],
  'columns_deliveries.csv': ['columns_deliveries.csv: line 3: has 5 fields, the header has 4'],
  'missing_column_deliveries.csv': ['missing_column_deliveries.csv: line 1: the header lacks "quantity"'],
  'bad_kind_deliveries.csv': [
    'bad_kind_deliveries.csv: line 2, field "kind": is "laptop", must be one of "computer", "data_sim"',
  ],
  'bad_metric_programme.json': [
    'bad_metric_programme.json: target 2, field "metric": is "towers_built", must be one of "hamlets_good_pct"',
  ],
  'bad_deadline_programme.json': [
    'bad_deadline_programme.json: target 3, field "deadline": "2022-9-5" is not an ISO date YYYY-MM-DD',
  ],
  'over_100_programme.json': ['over_100_programme.json: target 1, field "target": is 120, must be between 0 and 100'],
  'trailing_comma_programme.json': [
    'trailing_comma_programme.json: line 4, column 1: a trailing comma before "}" is not allowed in JSON',
  ],
  'no_kind_word.geojson': ['no_kind_word.geojson: cannot tell the kind of file from its name', '--kind hamlets|schools|towers'],
};

const badFiles = readdirSync(BAD).sort();

describe('validate: every bad fixture fails with its message', () => {
  it('has an expectation for every bad fixture, and a fixture for every expectation', () => {
    expect(badFiles.filter((f) => !(f in EXPECTED))).toEqual([]);
    expect(Object.keys(EXPECTED).filter((f) => !badFiles.includes(f))).toEqual([]);
    expect(badFiles.length).toBeGreaterThanOrEqual(22);
  });

  it.each(badFiles)('%s', async (file) => {
    const { code, out, err } = await run([join(BAD, file)]);
    expect(code).toBe(1);
    // Contract: bad input leaves stdout empty.
    expect(out).toEqual([]);
    const stderr = err.join('\n');
    for (const fragment of EXPECTED[file] ?? ['(no expectation)']) expect(stderr).toContain(fragment);
    expect(err.every((line) => line.startsWith('error: ') || line.startsWith('warning: '))).toBe(true);
  });
});

describe('validate: fixtures are byte-exact where it matters', () => {
  it('bom_hamlets starts with EF BB BF', () => {
    expect([...readFileSync(join(BAD, 'bom_hamlets.geojson')).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });
  it('nfd_hamlets holds a combining mark', () => {
    const text = readFileSync(join(BAD, 'nfd_hamlets.geojson'), 'utf8');
    expect(text).toMatch(/\u0300/);
    expect(text).not.toBe(text.normalize('NFC'));
  });
  it('windows1258_hamlets holds a byte that is not UTF-8', () => {
    expect(readFileSync(join(BAD, 'windows1258_hamlets.geojson')).includes(Buffer.from('C\xe0 Mau', 'latin1'))).toBe(true);
  });
});

describe('validate: the good folder', () => {
  it('exits 0 with one summary line per data file and nothing on stderr', async () => {
    const { code, out, err } = await run([GOOD]);
    expect(err).toEqual([]);
    expect(code).toBe(0);
    expect(out).toEqual([
      'ok  boundaries/coastline.geojson  1 coastline, 0 warnings',
      'ok  boundaries/communes.geojson  3 communes, 0 warnings',
      'ok  boundaries/districts.geojson  2 districts, 0 warnings',
      'ok  boundaries/province.geojson  1 province, 0 warnings',
      'ok  deliveries.csv  3 deliveries, 0 warnings',
      'ok  hamlets.geojson  6 hamlets, 0 warnings',
      'ok  programme.json  3 targets, 0 warnings',
      'ok  schools.geojson  4 schools, 0 warnings',
      'ok  towers.geojson  5 towers, 0 warnings',
    ]);
  });

  it('checks a single good file by the kind word in its name, or by --kind', async () => {
    expect(await run([join(GOOD, 'towers.geojson')])).toEqual({
      code: 0,
      out: [`ok  ${join(GOOD, 'towers.geojson')}  5 towers, 0 warnings`],
      err: [],
    });
    // Checked as the wrong kind, a good file fails: --kind wins over the name.
    const asSchools = await run([join(GOOD, 'towers.geojson'), '--kind', 'schools']);
    expect(asSchools.code).toBe(1);
    expect(asSchools.err.join('\n')).toContain('field "level": is missing (required in a schools file)');
    const renamed = await run([join(BAD, 'no_kind_word.geojson'), '--kind=hamlets']);
    expect(renamed).toMatchObject({ code: 0, err: [] });
  });
});

describe('validate: folders with problems', () => {
  let dir = '';
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = '';
  });
  const copyGood = (): string => {
    dir = mkdtempSync(join(tmpdir(), 'song-validate-'));
    cpSync(GOOD, dir, { recursive: true });
    return dir;
  };

  it('warns, and still exits 0, for a hamlet inside no district', async () => {
    const folder = copyGood();
    const path = join(folder, 'hamlets.geojson');
    const text = readFileSync(path, 'utf8').replace(
      '\n]}',
      ',\n{"type":"Feature","geometry":{"type":"Point","coordinates":[105.5,9.5]},"properties":{"id":"far","name":"Ấp Xa","population":10}}\n]}',
    );
    writeFileSync(path, text);
    const { code, out, err } = await run([folder]);
    expect(code).toBe(0);
    expect(err).toEqual([
      'warning: hamlets.geojson: 1 of 7 hamlets lie inside no district of boundaries/districts.geojson ("far"); they are kept, with no district (contract rule 7)',
    ]);
    expect(out).toContain('ok  hamlets.geojson  7 hamlets, 1 warning');
  });

  it('fails on a missing required file, a broken cross-reference, and checks extra kind-named files', async () => {
    const folder = copyGood();
    rmSync(join(folder, 'programme.json'));
    writeFileSync(join(folder, 'deliveries.csv'), 'date,school_id,kind,quantity\n2021-09-10,S001,computer,2\n2021-09-11,S999,computer,3\n');
    writeFileSync(join(folder, 'old_towers.geojson'), '{"type":"FeatureCollection","features":[]');
    const { code, out, err } = await run([folder]);
    expect(code).toBe(1);
    expect(out).toEqual([]);
    expect(err).toContain('error: programme.json: the file is missing (a data folder needs it)');
    expect(err).toContain('warning: deliveries.csv: line 3, field "school_id": 1 of 2 rows name a school that is not in schools.geojson (1 school: "S999"); they are kept and count for the province only, not for a school or its district');
    expect(err.join('\n')).toContain('error: old_towers.geojson: line 1, column 42: the text ends before the JSON value is complete (1 unclosed bracket); the file is 41 bytes long');
  });

  it('accepts the operator column of deliveries.csv, warning of one on a computer row, in English and Vietnamese', async () => {
    const folder = copyGood();
    writeFileSync(join(folder, 'deliveries.csv'), 'date,school_id,kind,quantity,operator\n2021-09-10,S001,data_sim,2,VNPT\n2021-09-11,S001,computer,3,Viettel\n');
    const en = await run([folder]);
    expect(en.code).toBe(0);
    expect(en.err).toEqual(['warning: deliveries.csv: line 3, field "operator": is "Viettel" on a computer row; operator names the network of a data_sim row only, so it is ignored here']);
    expect(en.out).toContain('ok  deliveries.csv  2 deliveries, 1 warning');
    const vi = await run([folder, '--lang', 'vi']);
    expect(vi.code).toBe(0);
    expect(vi.err).toEqual(['warning: deliveries.csv: dòng 3, trường dữ liệu "operator": là "Viettel" trên dòng loại computer; cột operator chỉ ghi nhà mạng của dòng data_sim nên ở đây bị bỏ qua']);
  });
});

describe('validate: usage errors never throw', () => {
  it.each([
    [['test/fixtures/nowhere.geojson'], 'error: test/fixtures/nowhere.geojson: no such file or folder'],
    [[], 'error: no file or folder given'],
    [['a', 'b'], 'error: give one file or folder'],
    [[GOOD, '--kind', 'villages'], 'error: unknown --kind "villages"; use one of hamlets, schools'],
    [[GOOD, '--kind', 'hamlets'], 'error: --kind applies to a single file'],
    [[GOOD, '--fast'], 'error: unknown option "--fast"'],
  ])('%j', async (argv, message) => {
    const { code, out, err } = await run(argv);
    expect(code).toBe(1);
    expect(out).toEqual([]);
    expect(err[0]).toContain(message);
  });
});

describe('validate --lang', () => {
  it('says the problems in Vietnamese with --lang vi, the same dictionary as the app, and in English otherwise', async () => {
    const path = `${BAD}/negative_students_schools.geojson`;
    const en = await run([path]);
    const vi = await run([path, '--lang', 'vi']);
    const viEq = await run(['--lang=vi', path]);
    expect(en.err).toContain(`error: ${path}: feature 2 (id "s2"), field "students": is -3, must be a whole number ≥ 0`);
    expect(vi.code).toBe(1);
    expect(vi.err).toContain(`error: ${path}: đối tượng 2 (mã "s2"), trường dữ liệu "students": là -3, phải là số nguyên ≥ 0`);
    expect(viEq.err).toEqual(vi.err);
    expect((await run([path, '--lang', 'en'])).err).toEqual(en.err);
  });

  it('refuses a language it does not have', async () => {
    const result = await run([`${BAD}/negative_students_schools.geojson`, '--lang', 'fr']);
    expect(result.code).toBe(1);
    expect(result.err[0]).toBe('error: --lang "fr": use vi or en');
  });
});

describe('validate names a file by its first bytes', () => {
  it('a PNG renamed .geojson is an image, in English and with --lang vi; UTF-16 text is read as such', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sniff-'));
    try {
      const png = join(dir, 'hamlets.geojson');
      writeFileSync(png, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
      const en = await run([png]);
      expect(en.code).toBe(1);
      expect(en.err.join('\n')).toContain('this is a PNG image, not a data file');
      const vi = await run([png, '--lang', 'vi']);
      expect(vi.err.join('\n')).toContain('đây là một ảnh PNG, không phải tệp dữ liệu');
      const utf16 = join(dir, 'my_hamlets.geojson');
      writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(readFileSync('data/hamlets.geojson', 'utf8'), 'utf16le')]));
      const read = await run([utf16]);
      expect([read.code, read.err]).toEqual([0, []]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
