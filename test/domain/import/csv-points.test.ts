import { existsSync, readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  contractFields,
  csvToFeatures,
  guessMapping,
  normalizeHeader,
  POINT_KINDS,
  sniffCsv,
  swapCoordinates,
  type ColumnMapping,
  type CsvImportResult,
  type Delimiter,
  type PointKind,
} from '../../../src/domain/import/csv-points.ts';
import { SCHOOL_LEVELS, TECHNOLOGIES, TOWER_STATUSES, type Hamlet, type School, type Tower } from '../../../src/domain/types.ts';

const FIXTURES = 'test/fixtures/import/csv/';
const GIGA = '../shared/data/real-samples/giga_moldova_schools_latlon.csv';

const kindOf = (file: string): PointKind => {
  const kind = POINT_KINDS.find((k) => file.includes(k));
  if (!kind) throw new Error(`no kind word in ${file}`);
  return kind;
};

/** What the UI does: sniff, guess the mapping, import with it. */
function importText<K extends PointKind>(kind: K, file: string, text: string): CsvImportResult<K> {
  return csvToFeatures(kind, file, text, guessMapping(kind, sniffCsv(text).header));
}
const importFixture = (file: string): CsvImportResult<PointKind> =>
  importText(kindOf(file), file, readFileSync(`${FIXTURES}${file}`, 'utf8'));
const ids = (records: readonly { id: string }[]): string[] => records.map((r) => r.id);

interface Expectation {
  /** Every issue's message, exactly and in order. */
  messages: string[];
  /** Ids of the rows that came back in `valid`. */
  valid: string[];
  /** Whether the normal result takes the file (no errors). */
  accepted: boolean;
}

const NFC_FAULT =
  'is not in Unicode NFC form (its accents are separate combining marks, which maps misplace); save the text as NFC (the importer can normalise it)';

/**
 * Every CSV fixture and what the import says about it. A fixture without an entry here fails
 * the test, as test/cli/validate.test.ts does for the bad GeoJSON fixtures.
 */
const EXPECTED: Record<string, Expectation> = {
  'semicolon_decimal_comma_hamlets.csv': { messages: [], valid: ['007', '008', '009'], accepted: true },
  'vietnamese_tab_hamlets.csv': { messages: [], valid: ['A01', 'A02'], accepted: true },
  'html_name_schools.csv': { messages: [], valid: ['S001', 'S002'], accepted: true },
  'bom_schools.csv': {
    messages: [
      'bom_schools.csv: the file starts with a byte-order mark (U+FEFF), as Excel\'s "CSV UTF-8" writes; it was ignored',
    ],
    valid: ['S001', 'S002'],
    accepted: true,
  },
  'extra_columns_schools.csv': {
    messages: [
      'extra_columns_schools.csv: line 1: columns "ghi_chu", "nguon" are not in the schools contract and are ignored',
      'extra_columns_schools.csv: line 1: no column is mapped to "students_in_need", "fixed_broadband", "commune", "district", which the contract reads; if one of the ignored columns holds it, choose it in the mapping',
    ],
    valid: ['S001', 'S002'],
    accepted: true,
  },
  'proto_header_hamlets.csv': {
    messages: [
      'proto_header_hamlets.csv: line 1: columns "__proto__", "constructor" are not in the hamlets contract and are ignored',
      'proto_header_hamlets.csv: line 1: no column is mapped to "households", "poor_households", "students", "grid_power", "commune", "district", which the contract reads; if one of the ignored columns holds it, choose it in the mapping',
    ],
    valid: ['h1', 'h2'],
    accepted: true,
  },
  'header_only_towers.csv': {
    messages: ['header_only_towers.csv: line 1: the file has a header but no rows'],
    valid: [],
    accepted: true,
  },
  'empty_hamlets.csv': {
    messages: ['empty_hamlets.csv: the file is empty; expected a header row such as id,name,population,lon,lat, then one row per hamlet'],
    valid: [],
    accepted: false,
  },
  'no_header_hamlets.csv': {
    messages: [
      'no_header_hamlets.csv: line 1: the first row looks like data ("h1", "Ấp 1", "1200", "105.02", "9.03"), not a header naming the columns; add a header row such as id,name,population,lon,lat',
    ],
    valid: [],
    accepted: false,
  },
  'swapped_towers.csv': {
    messages: [
      'swapped_towers.csv: line 2 (id "T001"), columns "lon" and "lat": coordinates look swapped (lat, lon): lon 9.06, lat 105.04, but in Vietnam the longitude is 102–110 and the latitude 8–24; 3 rows in this file look the same; swap the two columns in the mapping (the importer can do it)',
    ],
    valid: [],
    accepted: false,
  },
  'projected_hamlets.csv': {
    messages: [
      'projected_hamlets.csv: line 2 (id "h1"), columns "x" and "y": coordinates lon 511234.5, lat 998765.25 look like projected metres (VN-2000 or UTM zone 48N?), not degrees; the contract needs WGS84 longitude, latitude in degrees (EPSG:4326); 2 rows in this file look the same',
    ],
    valid: [],
    accepted: false,
  },
  'range_hamlets.csv': {
    messages: [
      'range_hamlets.csv: line 2 (id "h1"), column "lon": longitude 250 is outside [-180, 180]',
      'range_hamlets.csv: line 3 (id "h2"), columns "lon" and "lat": lon 27.79, lat 47.77 lies far outside Vietnam (lon 102–110, lat 8–24)',
    ],
    valid: ['h2', 'h3'],
    accepted: false,
  },
  'missing_lat_hamlets.csv': {
    messages: [
      'missing_lat_hamlets.csv: line 1: no column is mapped to the latitude; the header has "id", "name", "population", "lon"; name a column "lat" (or "latitude", "vi_do", "y"), or choose it in the mapping',
    ],
    valid: [],
    accepted: false,
  },
  'missing_students_schools.csv': {
    messages: [
      'missing_students_schools.csv: line 1: no column is mapped to "students" (required in a schools file); the header has "id", "name", "level", "lon", "lat"; name a column "students" (or "hoc_sinh"), or choose it in the mapping',
    ],
    valid: [],
    accepted: false,
  },
  'empty_lat_hamlets.csv': {
    messages: ['empty_lat_hamlets.csv: line 3 (id "h2"), column "lat": is empty; every row needs a longitude and a latitude'],
    valid: ['h1', 'h3'],
    accepted: false,
  },
  'text_population_hamlets.csv': {
    messages: [
      'text_population_hamlets.csv: line 3 (id "h2"), column "dan_so" (population): is "khoảng 500", must be a whole number ≥ 0',
    ],
    valid: ['h1'],
    accepted: false,
  },
  'negative_students_schools.csv': {
    messages: ['negative_students_schools.csv: line 3 (id "S002"), column "hoc_sinh" (students): is -3, must be a whole number ≥ 0'],
    valid: ['S001'],
    accepted: false,
  },
  'thousands_hamlets.csv': {
    // A count is whole: its separators can only group thousands, so they are read and said.
    messages: [
      'thousands_hamlets.csv: line 2 (id "h1"), column "population": "1.200" is read as 1200 (a thousands separator)',
      'thousands_hamlets.csv: line 3 (id "h2"), column "population": "2,500" is read as 2500 (a thousands separator)',
    ],
    valid: ['h1', 'h2', 'h3'],
    accepted: true,
  },
  'decimal_point_semicolon_hamlets.csv': {
    messages: [
      'decimal_point_semicolon_hamlets.csv: line 3 (id "h2"), column "lon": is "105.05", which uses a decimal point, but this file writes decimals with ",": write 105,05',
    ],
    valid: ['h1', 'h3'],
    accepted: false,
  },
  'decimal_comma_comma_towers.csv': {
    messages: [
      'decimal_comma_comma_towers.csv: line 2 (id "t1"), column "radius_km": is "2,5", which uses a decimal comma, but this file writes decimals with ".": write 2.5',
    ],
    valid: ['t2'],
    accepted: false,
  },
  'boolean_hamlets.csv': {
    messages: [
      'boolean_hamlets.csv: line 3 (id "h2"), column "grid_power": is "maybe", must be true or false (1/0, yes/no and có/không are read too)',
    ],
    valid: ['h1', 'h3'],
    accepted: false,
  },
  'duplicate_id_towers.csv': {
    messages: ['duplicate_id_towers.csv: line 4 (id "t1"), column "id": id "t1" is already used by line 2; ids must be unique within the file'],
    valid: ['t1', 't2'],
    accepted: false,
  },
  'bad_technology_towers.csv': {
    messages: [
      'bad_technology_towers.csv: line 3 (id "t2"), column "cong_nghe" (technology): is "4.5G", must be one of "2G", "3G", "4G", "5G"',
    ],
    valid: ['t1'],
    accepted: false,
  },
  'nfd_hamlets.csv': {
    messages: [
      `nfd_hamlets.csv: line 3 (id "h2"), column "name": text "${'Ấp Tân Lợi'.normalize('NFD')}" ${NFC_FAULT}; 2 rows in this file have the same fault`,
    ],
    valid: ['h1'],
    accepted: false,
  },
  'crlf_schools.csv': {
    messages: [
      'crlf_schools.csv: line 3 (id "S002"), column "level": is "high_school", must be one of "preschool", "primary", "lower_secondary", "upper_secondary", "multi_level", "continuing"',
    ],
    valid: ['S001', 'S003'],
    accepted: false,
  },
  'quoted_hamlets.csv': {
    // h2's name spans lines 3 and 4, so h3 starts on line 5.
    messages: ['quoted_hamlets.csv: line 5 (id "h3"), column "population": is "nhiều", must be a whole number ≥ 0'],
    valid: ['h1', 'h2'],
    accepted: false,
  },
  'ragged_towers.csv': {
    messages: ['ragged_towers.csv: line 3: has 7 fields, the header has 6 (a value with an unquoted ",", or a decimal comma such as 1,5?)'],
    valid: ['t1'],
    accepted: false,
  },
  'unclosed_quote_schools.csv': {
    messages: ['unclosed_quote_schools.csv: line 3: Quoted field unterminated (a value that opens a double quote must close it)'],
    valid: ['S001'],
    accepted: false,
  },
  'windows1258_hamlets.csv': {
    messages: [
      'windows1258_hamlets.csv: line 3, column "name": the text holds 1 U+FFFD replacement character (\uFFFD): the file was not saved as UTF-8 (Windows-1258, TCVN3 or VNI?); convert the file to UTF-8 (in Excel: "CSV UTF-8"; for TCVN3/VNI text, a converter such as UniKey\'s) and try again',
    ],
    valid: ['h1'],
    accepted: false,
  },
};

const fixtures = readdirSync(FIXTURES).sort();

describe('csvToFeatures: every CSV fixture gives its messages and its valid rows', () => {
  it('has an expectation for every fixture, and a fixture for every expectation', () => {
    expect(fixtures.filter((f) => !(f in EXPECTED))).toEqual([]);
    expect(Object.keys(EXPECTED).filter((f) => !fixtures.includes(f))).toEqual([]);
    expect(fixtures.length).toBeGreaterThanOrEqual(15);
  });

  it.each(fixtures)('%s', (file) => {
    const expected = EXPECTED[file] as Expectation;
    const result = importFixture(file);
    expect(result.issues.map((i) => i.message)).toEqual(expected.messages);
    expect(ids(result.valid)).toEqual(expected.valid);
    expect(result.invalidRows).toBe(result.rows - expected.valid.length);
    expect(result.validLines).toHaveLength(expected.valid.length);
    if (expected.accepted) expect(result.value).toEqual(result.valid);
    else expect(result.value).toBeUndefined();
    expect(result.issues.every((i) => i.file === file)).toBe(true);
    // Only warnings in an accepted file; at least one error in a refused one.
    expect(result.issues.some((i) => i.severity === 'error')).toBe(!expected.accepted);
  });
});

describe('csvToFeatures: what the issues carry besides the message', () => {
  it('names the CSV line, the 1-based column, the contract field and the id', () => {
    const [issue] = importFixture('text_population_hamlets.csv').issues;
    expect(issue).toEqual({
      severity: 'error',
      code: 'not-number',
      file: 'text_population_hamlets.csv',
      line: 3,
      column: 3,
      field: 'population',
      id: 'h2',
      message: expect.stringContaining('column "dan_so" (population)') as unknown as string,
      params: { text: 'khoảng 500', mustBe: 'count', csv: true, csvColumn: 'dan_so', csvIndex: 2, csvField: 'population' },
    });
  });

  it('offers the swap of the mapping for swapped coordinates, and the swapped mapping imports', () => {
    const text = readFileSync(`${FIXTURES}swapped_towers.csv`, 'utf8');
    const mapping = guessMapping('towers', sniffCsv(text).header);
    const first = csvToFeatures('towers', 'swapped_towers.csv', text, mapping);
    expect(first.issues.map((i) => [i.code, i.fix, i.line, i.field])).toEqual([
      ['coordinates-swapped', 'swap-coordinates', 2, 'geometry.coordinates'],
    ]);
    const swapped = swapCoordinates(mapping);
    expect([swapped.lon, swapped.lat]).toEqual([mapping.lat, mapping.lon]);
    const second = csvToFeatures('towers', 'swapped_towers.csv', text, swapped);
    expect(second.issues).toEqual([]);
    expect(second.value?.map((t) => [t.id, t.lon, t.lat])).toEqual([
      ['T001', 105.04, 9.06],
      ['T002', 105.09, 9.12],
      ['T003', 105.14, 9.16],
    ]);
  });

  it('offers NFC normalisation for decomposed text, as the GeoJSON check does', () => {
    const [issue] = importFixture('nfd_hamlets.csv').issues;
    expect(issue).toMatchObject({ code: 'not-nfc', fix: 'normalize-nfc', line: 3, column: 2, field: 'name', id: 'h2' });
  });

  it('reads ";" files with decimal commas and Vietnamese headers', () => {
    expect(importFixture('semicolon_decimal_comma_hamlets.csv').value).toEqual([
      { id: '007', name: 'Ấp Tân Lợi', lon: 105.0215, lat: 9.0312, population: 1200, households: 300, gridPower: true, synthetic: false },
      { id: '008', name: 'Ấp Rạch Gốc', lon: 105.05, lat: 9.05, population: 950, gridPower: true, synthetic: false },
      { id: '009', name: 'Khóm 2', lon: 105.12, lat: 9.15, population: 2100, households: 520, gridPower: true, synthetic: false },
    ]);
    expect(importFixture('vietnamese_tab_hamlets.csv').value).toEqual([
      { id: 'A01', name: 'Ấp Cái Nước', lon: 105.0125, lat: 9.0375, population: 1500, poorHouseholds: 60, households: 400, gridPower: true, synthetic: false },
      { id: 'A02', name: 'Ấp Đầm Dơi', lon: 105.1, lat: 9.1, population: 800, gridPower: false, synthetic: false },
    ]);
  });

  it('keeps markup in names as text, quotes and all', () => {
    expect(importFixture('html_name_schools.csv').value?.map((s) => (s as School).name)).toEqual([
      '<img src=x onerror=alert(1)>',
      '<b>Trường</b> "B"',
    ]);
  });

  it('keeps quoted delimiters, doubled quotes and line breaks inside a value', () => {
    expect(importFixture('quoted_hamlets.csv').valid.map((h) => (h as Hamlet).name)).toEqual(['Ấp 1, Khóm 2 "cũ"', 'Ấp Mới\nbên sông']);
    expect(importFixture('quoted_hamlets.csv').validLines).toEqual([2, 3]);
  });

  it('reads booleans written as 1/0, yes/no, có/không', () => {
    expect(importFixture('boolean_hamlets.csv').valid.map((h) => (h as Hamlet).gridPower)).toEqual([true, false]);
  });

  it('never lets a "__proto__" or "constructor" column reach an object', () => {
    const result = importFixture('proto_header_hamlets.csv');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    for (const record of result.valid) {
      expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
      expect(Object.hasOwn(record, '__proto__')).toBe(false);
      expect(Object.hasOwn(record, 'constructor')).toBe(false);
    }
    expect(result.value).toEqual([
      { id: 'h1', name: 'Ấp 1', lon: 105.02, lat: 9.03, population: 1200, gridPower: true, synthetic: false },
      { id: 'h2', name: 'Ấp 2', lon: 105.05, lat: 9.05, population: 950, gridPower: true, synthetic: false },
    ]);
  });

  it('counts rather than lists a mistake repeated past 50 rows', () => {
    const rows = Array.from({ length: 60 }, (_, i) => `h${i},Ấp ${i},"1,5",105.1,9.1`);
    const result = importText('hamlets', 'h.csv', ['id,name,population,lon,lat', ...rows].join('\n'));
    expect(result.issues).toHaveLength(51);
    expect(result.issues[50]?.message).toBe('h.csv: 10 more errors of kind "decimal-mark" in column "population" not listed (60 in all)');
    expect(result.invalidRows).toBe(60);
  });

  it('takes the delimiter and decimal style the caller names over the sniffed ones', () => {
    const text = readFileSync(`${FIXTURES}semicolon_decimal_comma_hamlets.csv`, 'utf8');
    const mapping = guessMapping('hamlets', sniffCsv(text).header);
    const pointDecimals = csvToFeatures('hamlets', 'h.csv', text, mapping, { decimalComma: false });
    expect(pointDecimals.issues[0]?.message).toBe(
      'h.csv: line 2 (id "007"), column "Kinh độ" (lon): is "105,0215", which uses a decimal comma, but this file writes decimals with ".": write 105.0215',
    );
    const commaSplit = csvToFeatures('hamlets', 'h.csv', text, mapping, { delimiter: ',' });
    expect(commaSplit.value).toBeUndefined();
  });

  it('refuses a mapping that points past the header or uses a column twice', () => {
    const text = 'id,name,population,lon,lat\nh1,Ấp 1,1,105.1,9.1\n';
    const good = guessMapping('hamlets', sniffCsv(text).header);
    expect(csvToFeatures('hamlets', 'h.csv', text, { ...good, lat: 9 }).issues.map((i) => i.message)).toEqual([
      'h.csv: line 1: the mapping puts "lat" in column 9, but the header has columns 0 to 4',
    ]);
    expect(csvToFeatures('hamlets', 'h.csv', text, { ...good, lat: 3 }).issues.map((i) => i.message)).toEqual([
      'h.csv: line 1: column "lon" is mapped to both "lon" and "lat"; map each column once',
    ]);
  });

  it('takes a mapping the user corrected', () => {
    const text = 'ma,ten goi,so nguoi,kd,vd\nh1,Ấp 1,12,105.1,9.1\n';
    const guess = guessMapping('hamlets', sniffCsv(text).header);
    expect(guess.unmapped).toEqual(['lon', 'lat', 'population']);
    const mapping: ColumnMapping<'hamlets'> = { ...guess, lon: 3, lat: 4, properties: { ...guess.properties, population: 2 } };
    expect(csvToFeatures('hamlets', 'h.csv', text, mapping).value).toEqual([
      { id: 'h1', name: 'Ấp 1', lon: 105.1, lat: 9.1, population: 12, gridPower: true, synthetic: false },
    ]);
  });

  describe('reads numbers without guessing', () => {
    /** Whether `value` was read through its thousands separators (not as a plain number). */
    const separated = (value: string, read: number): boolean => Number(value.replace(/"/g, '').replace(',', '.')) !== read;
    /** A towers file whose first row has `value` in height_m; the other rows set the decimal style. */
    const towers = (d: ',' | ';', value: string): string => {
      const decimal = (n: string): string => (d === ';' ? n.replace('.', ',') : n);
      return [
        ['id', 'operator', 'status', 'technology', 'lon', 'lat', 'height_m'],
        ['t1', 'V', 'existing', '4G', decimal('105.1'), decimal('9.1'), value],
        ['t2', 'V', 'existing', '4G', decimal('105.2'), decimal('9.2'), '1'],
      ]
        .map((cells) => cells.join(d))
        .join('\n');
    };
    const column = 't.csv: line 2 (id "t1"), column "height_m": ';
    it.each<[',' | ';', string, number | string]>([
      [',', '1.5', 1.5],
      [',', '1e3', 1000],
      [',', '"1,234"', 'is "1,234": the "," may be a thousands separator or a decimal comma, and neither is guessed; write 1234 or 1.234 (this file writes decimals with ".")'],
      [',', '"1,234,567"', 1234567],
      [',', '"1,234.5"', 1234.5],
      [',', '1 200', 1200],
      [',', '"1 200,5"', 1200.5],
      [',', '"9,5"', 'is "9,5", which uses a decimal comma, but this file writes decimals with ".": write 9.5'],
      [',', 'abc', 'is "abc", must be a number'],
      [',', '-2', 'is -2, must be a number ≥ 0 (m)'],
      [';', '2,5', 2.5],
      [';', '1,234', 1.234],
      [';', '1.234', 'is "1.234": the "." may be a thousands separator or a decimal point, and neither is guessed; write 1234 or 1,234 (this file writes decimals with ",")'],
      [';', '1.234.567', 1234567],
      [';', '1.234,5', 1234.5],
      [';', '2.5', 'is "2.5", which uses a decimal point, but this file writes decimals with ",": write 2,5'],
    ])('%j %s', (d, value, expected) => {
      const result = importText('towers', 't.csv', towers(d, value));
      if (typeof expected === 'number') {
        expect(result.issues.map((i) => [i.severity, i.code])).toEqual(separated(value, expected) ? [['warning', 'separators-read']] : []);
        expect((result.value?.[0] as Tower).heightM).toBe(expected);
      } else {
        expect(result.issues.map((i) => i.message)).toEqual([column + expected]);
        expect(ids(result.valid)).toEqual(['t2']);
      }
    });

    it.each<[',' | ';', string, number | string]>([
      [',', '+5', 5],
      [',', '007', 7],
      [',', '1.200', 1200],
      [',', '1 200', 1200],
      [',', '1.2345', 'is 1.2345, must be a whole number ≥ 0'],
      [';', '1,200', 1200],
      [';', '12,5', 'is 12.5, must be a whole number ≥ 0'],
    ])('population %j %s', (d, value, expected) => {
      const lonLat = d === ';' ? ['105,1', '9,1'] : ['105.1', '9.1'];
      const text = [['id', 'name', 'population', 'lon', 'lat'], ['h1', 'A', value, ...lonLat]].map((c) => c.join(d)).join('\n');
      const result = importText('hamlets', 'h.csv', text);
      if (typeof expected === 'number') {
        expect(result.value?.map((h) => (h as Hamlet).population)).toEqual([expected]);
        expect(result.issues.map((i) => i.code)).toEqual(separated(value, expected) ? ['separators-read'] : []);
      }
      else expect(result.issues.map((i) => i.message)).toEqual([`h.csv: line 2 (id "h1"), column "population": ${expected}`]);
    });
  });

  it('reports an empty required cell as empty, and checks what the contract checks', () => {
    const text = [
      'id,operator,status,technology,lon,lat,upgrade_date,radius_km',
      't1,,existing,4G,105.1,9.1,,',
      't2,Viettel,existing,3G,105.1,9.1,2024-02-30,',
      't3,Viettel,existing,4G,105.1,9.1,,1e400',
    ].join('\n');
    expect(importText('towers', 't.csv', text).issues.map((i) => i.message)).toEqual([
      't.csv: line 2 (id "t1"), column "operator": is empty (required in a towers file)',
      't.csv: line 3 (id "t2"), column "upgrade_date": "2024-02-30" is not a real date: February 2024 has 29 days',
      't.csv: line 3 (id "t2"), column "upgrade_date": is given without upgrade_technology; add upgrade_technology or remove it',
      't.csv: line 4 (id "t3"), column "radius_km": is "1e400", which overflows to Infinity; must be a finite number',
    ]);
  });

  it('never throws, whatever the text', () => {
    const text = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.array(fc.constantFrom('id', 'lon', 'lat', 'name', 'population', '"', ',', ';', '\t', '\n', '\r\n', '1', '105,1', '9.1', '\uFEFF', '__proto__', ' '), { maxLength: 60 }).map((parts) => parts.join('')),
    );
    fc.assert(
      fc.property(fc.constantFrom(...POINT_KINDS), text, (kind, t) => {
        const result = importText(kind, 'x.csv', t);
        expect(result.invalidRows).toBe(result.rows - result.valid.length);
      }),
      { numRuns: 300, seed: 20261206 },
    );
  });
});

describe.skipIf(!existsSync(GIGA))('csvToFeatures on the real Giga sample (Moldova schools, latitude first, CRLF)', () => {
  const text = existsSync(GIGA) ? readFileSync(GIGA, 'utf8') : '';
  const file = 'giga_moldova_schools_latlon.csv';

  it('sniffs it and maps latitude and longitude by name, whatever their order', () => {
    const sniff = sniffCsv(text);
    expect(sniff).toMatchObject({ delimiter: ',', bom: false, decimalComma: false, hasHeader: true, lineEnding: '\r\n', rows: 1186 });
    expect(sniff.header).toEqual(['giga_id_school', 'latitude', 'longitude']);
    const mapping = guessMapping('schools', sniff.header);
    expect([mapping.lon, mapping.lat, mapping.properties.id]).toEqual([2, 1, 0]);
    expect(mapping.unmapped).toEqual(['name', 'level', 'students']);
    expect(mapping.ignored).toEqual([]);
  });

  it('refuses it as schools: three required columns missing, and every school outside Vietnam', () => {
    const result = importText('schools', file, text);
    expect(result.issues.map((i) => [i.severity, i.code, i.field])).toEqual([
      ['error', 'csv-unmapped', 'name'],
      ['error', 'csv-unmapped', 'level'],
      ['error', 'csv-unmapped', 'students'],
      ['warning', 'outside-vietnam', 'geometry.coordinates'],
    ]);
    expect(result.issues[0]?.message).toBe(
      `${file}: line 1: no column is mapped to "name" (required in a schools file); the header has "giga_id_school", "latitude", "longitude"; name a column "name" (or "ten"), or choose it in the mapping`,
    );
    // Latitude first in the file, yet read the right way round: not "swapped", only far away.
    expect(result.issues[3]?.message).toBe(
      `${file}: line 2 (id "0098e210-ef0d-337d-8602-e0e3358d5518"), columns "longitude" and "latitude": lon 27.79611015, lat 47.77639007 lies far outside Vietnam (lon 102–110, lat 8–24); 1186 rows in this file look the same`,
    );
    expect(result.value).toBeUndefined();
    expect(result.valid).toEqual([]);
    expect(result.rows).toBe(1186);
    expect(result.invalidRows).toBe(1186);
  });

  it('imports every row once the missing columns are supplied', () => {
    const lines = text.split('\r\n').filter((l) => l !== '');
    const filled = lines.map((l, i) => (i === 0 ? `${l},name,level,students` : `${l},School ${i},primary,100`)).join('\r\n');
    const result = importText('schools', file, filled);
    expect(result.issues.map((i) => i.code)).toEqual(['outside-vietnam']);
    expect(result.value).toHaveLength(1186);
    expect(result.value?.[0]).toEqual({
      id: '0098e210-ef0d-337d-8602-e0e3358d5518',
      name: 'School 1',
      lon: 27.79611015,
      lat: 47.77639007,
      level: 'primary',
      students: 100,
      fixedBroadband: false,
      synthetic: false,
    });
  });
});

describe('sniffCsv', () => {
  it.each([
    ['a,b,c\n1,2,3\n', ',', false],
    ['a;b;c\n1;2,5;3\n', ';', true],
    ['a;b;c\n1;2.5;3\n', ';', false],
    ['a\tb\tc\n1\t2,5\t3\n', '\t', true],
    ['a,b,c\n"1,5",2,3\n', ',', false],
    ['a;b\n"x, y";2\n', ';', false],
  ] as const)('%j: delimiter %j, decimal comma %s', (text, delimiter, decimalComma) => {
    expect(sniffCsv(text)).toMatchObject({ delimiter, decimalComma, hasHeader: true });
  });

  it('reports a BOM, the line ending, the header and its line, and the rows', () => {
    expect(sniffCsv('\uFEFF\r\nid,lon\r\nh1,105\r\n\r\nh2,106\r\n')).toEqual({
      delimiter: ',',
      bom: true,
      decimalComma: false,
      hasHeader: true,
      header: ['id', 'lon'],
      headerLine: 2,
      lineEnding: '\r\n',
      rows: 2,
    });
  });

  it('tells a data row from a header, and an empty text from both', () => {
    expect(sniffCsv('h1;Ấp 1;1200;105,1;9,1\n')).toMatchObject({ hasHeader: false, delimiter: ';' });
    expect(sniffCsv('')).toMatchObject({ hasHeader: false, header: [], headerLine: 0, rows: 0 });
    expect(sniffCsv('id;name;population;lon;lat\n')).toMatchObject({ hasHeader: true, delimiter: ';', rows: 0 });
  });
});

describe('guessMapping', () => {
  it.each<[PointKind, string[], Record<string, number | null>, string[]]>([
    ['hamlets', ['ID', 'Tên ấp', 'Dân số', 'Kinh độ', 'Vĩ độ'], { id: 0, name: 1, population: 2, lon: 3, lat: 4 }, []],
    ['hamlets', ['X', 'Y', 'name', 'population', 'id'], { lon: 0, lat: 1, name: 2, population: 3, id: 4 }, []],
    ['hamlets', ['KINH_DO', 'vi do', 'Mã', 'Tên', 'DAN_SO', 'Số hộ', 'Hộ nghèo', 'Học sinh', 'Điện lưới', 'Xã', 'Huyện'],
      { lon: 0, lat: 1, id: 2, name: 3, population: 4, households: 5, poor_households: 6, students: 7, grid_power: 8, commune: 9, district: 10 }, []],
    ['hamlets', ['id', 'name', 'population', 'poorHouseholds', 'gridPower', 'longitude', 'latitude'],
      { poor_households: 3, grid_power: 4, lon: 5, lat: 6 }, []],
    ['hamlets', ['district_id', 'name', 'population', 'lng', 'lat'], { id: null, lon: 3, lat: 4 }, ['id']],
    ['hamlets', ['id', 'ten_xa', 'population', 'lon', 'lat'], { name: null, commune: 1 }, ['name']],
    ['hamlets', ['id', 'name', 'dân số (2019)', 'lon', 'lat'], { population: 2 }, []],
    ['schools', ['giga_id_school', 'latitude', 'longitude'], { id: 0, lat: 1, lon: 2, name: null }, ['name', 'level', 'students']],
    ['schools', ['school_id', 'school_name', 'cap_hoc', 'so_hoc_sinh', 'lon_wgs84', 'lat_wgs84', 'fixedBroadband'],
      { id: 0, name: 1, level: 2, students: 3, lon: 4, lat: 5, fixed_broadband: 6 }, []],
    ['schools', ['id', 'name', 'level', 'hoc_sinh', 'hs_kho_khan', 'Long', 'Lat'], { students: 3, students_in_need: 4, lon: 5, lat: 6 }, []],
    ['towers', ['Mã trạm', 'Nhà mạng', 'Trạng thái', 'Công nghệ', 'Bán kính (km)', 'Long', 'Lat', 'Chiều cao (m)'],
      { id: 0, operator: 1, status: 2, technology: 3, radius_km: 4, lon: 5, lat: 6, height_m: 7 }, []],
    ['towers', ['site_id', 'operator', 'status', 'technology', 'upgrade_technology', 'Upgrade Radius (km)', 'upgrade_date', 'service_date', 'x', 'y'],
      { id: 0, upgrade_technology: 4, upgrade_radius_km: 5, upgrade_date: 6, service_date: 7, lon: 8, lat: 9 }, []],
    ['towers', ['lat', 'lon'], { lat: 0, lon: 1, id: null }, ['id', 'operator', 'status', 'technology']],
    ['towers', [], { lon: null, lat: null, id: null }, ['lon', 'lat', 'id', 'operator', 'status', 'technology']],
  ])('%s %j', (kind, header, expected, unmapped) => {
    const guess = guessMapping(kind, header);
    const flat: Record<string, number | null> = { lon: guess.lon, lat: guess.lat, ...guess.properties };
    for (const [key, column] of Object.entries(expected)) expect([key, flat[key]]).toEqual([key, column]);
    expect(guess.unmapped).toEqual(unmapped);
    const used = new Set(Object.values(flat).filter((c) => c !== null));
    expect(used.size).toBe(Object.values(flat).filter((c) => c !== null).length);
    expect(guess.ignored).toEqual(header.map((_, i) => i).filter((i) => !used.has(i)));
  });

  it('maps each column once, the leftmost first, and ignores the rest', () => {
    const guess = guessMapping('hamlets', ['lon', 'lat', 'longitude', 'id', 'name', 'population', '__proto__']);
    expect([guess.lon, guess.lat]).toEqual([0, 1]);
    expect(guess.ignored).toEqual([2, 6]);
    expect(Object.keys(guess.properties)).toEqual(contractFields('hamlets'));
  });

  it('normalises header names', () => {
    expect(['Kinh độ', 'Vĩ Độ', 'poorHouseholds', 'Radius (km)', ' dân_số ', 'schoolID'].map(normalizeHeader)).toEqual([
      'kinh_do',
      'vi_do',
      'poor_households',
      'radius_km',
      'dan_so',
      'school_id',
    ]);
  });
});

// ---------------------------------------------------------------------------------------
// Round trip: valid records written as CSV by a test-only writer come back equal.

type Cell = string | number | boolean | undefined;
type FieldType = 'string' | 'number' | 'boolean';
/** [contract column, record key, type], in the contract's order. */
const COLUMNS: Record<PointKind, [string, string, FieldType][]> = {
  hamlets: [
    ['id', 'id', 'string'],
    ['name', 'name', 'string'],
    ['population', 'population', 'number'],
    ['households', 'households', 'number'],
    ['poor_households', 'poorHouseholds', 'number'],
    ['students', 'students', 'number'],
    ['grid_power', 'gridPower', 'boolean'],
    ['commune', 'commune', 'string'],
    ['district', 'district', 'string'],
    ['synthetic', 'synthetic', 'boolean'],
  ],
  schools: [
    ['id', 'id', 'string'],
    ['name', 'name', 'string'],
    ['level', 'level', 'string'],
    ['students', 'students', 'number'],
    ['students_in_need', 'studentsInNeed', 'number'],
    ['fixed_broadband', 'fixedBroadband', 'boolean'],
    ['commune', 'commune', 'string'],
    ['district', 'district', 'string'],
    ['synthetic', 'synthetic', 'boolean'],
  ],
  towers: [
    ['id', 'id', 'string'],
    ['operator', 'operator', 'string'],
    ['status', 'status', 'string'],
    ['technology', 'technology', 'string'],
    ['radius_km', 'radiusKm', 'number'],
    ['service_date', 'serviceDate', 'string'],
    ['upgrade_technology', 'upgradeTechnology', 'string'],
    ['upgrade_radius_km', 'upgradeRadiusKm', 'number'],
    ['upgrade_date', 'upgradeDate', 'string'],
    ['height_m', 'heightM', 'number'],
    ['synthetic', 'synthetic', 'boolean'],
  ],
};
/** Header names a spreadsheet might use instead of the contract's. */
const HEADER_NAMES: Record<string, string[]> = {
  lon: ['lon', 'longitude', 'Kinh độ', 'lng', 'x'],
  lat: ['lat', 'latitude', 'Vĩ độ', 'y'],
  id: ['id', 'Mã'],
  name: ['name', 'Tên'],
  population: ['population', 'Dân số'],
  students: ['students', 'Học sinh'],
  operator: ['operator', 'Nhà mạng'],
};
const BOOLEAN_WORDS: [string, string][] = [
  ['true', 'false'],
  ['1', '0'],
  ['có', 'không'],
  ['Yes', 'No'],
  ['TRUE', 'FALSE'],
];

interface Style {
  delimiter: Delimiter;
  decimalComma: boolean;
  lineEnding: '\n' | '\r\n';
  bom: boolean;
  booleans: [string, string];
  /** Header name choice per column, as an index into HEADER_NAMES (mod its length). */
  names: number[];
  /** Column order: a permutation of the columns (lon, lat, then the contract's). */
  order: number[];
  extra: boolean;
}

/** The tiny writer: RFC 4180 quoting, the style's delimiter, decimals and booleans. */
function writeCsv(kind: PointKind, records: readonly object[], style: Style): string {
  const columns: [string, string, FieldType][] = [['lon', 'lon', 'number'], ['lat', 'lat', 'number'], ...COLUMNS[kind]];
  const cell = (value: Cell, type: FieldType): string => {
    if (value === undefined) return '';
    if (type === 'boolean') return value ? style.booleans[0] : style.booleans[1];
    const text = type === 'number' && style.decimalComma ? String(value).replace('.', ',') : String(value);
    return /["\r\n]/.test(text) || text.includes(style.delimiter) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const header = columns.map(([column], i) => {
    const names = HEADER_NAMES[column] ?? [column];
    return names[(style.names[i] ?? 0) % names.length] as string;
  });
  const line = (cells: string[], extra: string): string =>
    [...style.order.map((i) => cells[i] as string), ...(style.extra ? [extra] : [])].join(style.delimiter);
  const lines = [line(header, 'ghi_chu')];
  for (const record of records) {
    const values = record as Record<string, Cell>;
    lines.push(line(columns.map(([, key, type]) => cell(values[key], type)), 'ghi chú'));
  }
  return (style.bom ? '\uFEFF' : '') + lines.join(style.lineEnding) + style.lineEnding;
}

const LETTERS = ['a', 'B', 'z', ' ', 'ấ', 'ơ', 'ư', 'đ', 'Đ', 'à', 'ệ', ',', ';', '"', '\n', '<', '>', '=', '1', '.', "'"];
const text = (prefix: string): fc.Arbitrary<string> =>
  fc.string({ unit: fc.constantFrom(...LETTERS), maxLength: 12 }).map((s) => `${prefix} ${s}`.trim());
const optional = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(arb, { nil: undefined });
const count = fc.nat({ max: 100_000 });
const lon = fc.integer({ min: 102_000_000, max: 110_000_000 }).map((n) => n / 1e6);
const lat = fc.integer({ min: 8_000_000, max: 24_000_000 }).map((n) => n / 1e6);
const isoDate = fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2040, 11, 31) }).map((ms) => new Date(ms).toISOString().slice(0, 10));
const km = fc.integer({ min: 1, max: 100_000 }).map((n) => n / 1000);
const id = fc.stringMatching(/^[A-Za-z0-9]{1,8}$/);

/** Drops undefined keys: the parser only sets the properties a row has. */
function defined<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as T;
}

const hamlet: fc.Arbitrary<Hamlet> = fc
  .record({
    id,
    name: text('Ấp'),
    lon,
    lat,
    population: count,
    households: optional(count),
    poorHouseholds: optional(count),
    students: optional(count),
    gridPower: fc.boolean(),
    commune: optional(text('Xã')),
    district: optional(text('Huyện')),
    synthetic: fc.boolean(),
  })
  .map((h) => defined({ ...h, poorHouseholds: h.poorHouseholds === undefined || h.households === undefined ? h.poorHouseholds : Math.min(h.poorHouseholds, h.households) }));

const school: fc.Arbitrary<School> = fc
  .record({
    id,
    name: text('Trường'),
    lon,
    lat,
    level: fc.constantFrom(...SCHOOL_LEVELS),
    students: count,
    studentsInNeed: optional(count),
    fixedBroadband: fc.boolean(),
    commune: optional(text('Xã')),
    district: optional(text('Huyện')),
    synthetic: fc.boolean(),
  })
  .map((s) => defined({ ...s, studentsInNeed: s.studentsInNeed === undefined ? undefined : Math.min(s.studentsInNeed, s.students) }));

const tower: fc.Arbitrary<Tower> = fc
  .record({
    id,
    lon,
    lat,
    operator: text('Nhà mạng'),
    status: fc.constantFrom(...TOWER_STATUSES),
    technology: fc.constantFrom(...TECHNOLOGIES),
    radiusKm: optional(km),
    serviceDate: optional(isoDate),
    upgrade: optional(fc.record({ upgradeTechnology: fc.constantFrom(...TECHNOLOGIES), upgradeRadiusKm: optional(km), upgradeDate: optional(isoDate) })),
    heightM: optional(fc.integer({ min: 0, max: 20_000 }).map((n) => n / 100)),
    synthetic: fc.boolean(),
  })
  .map(({ upgrade, ...t }) => defined({ ...t, ...upgrade }));

const RECORDS: { [K in PointKind]: fc.Arbitrary<object> } = { hamlets: hamlet, schools: school, towers: tower };

const style = (kind: PointKind): fc.Arbitrary<Style> => {
  const width = COLUMNS[kind].length + 2;
  const positions = Array.from({ length: width }, (_, i) => i);
  return fc
    .record({
      delimiter: fc.constantFrom<Delimiter>(',', ';', '\t'),
      decimalComma: fc.boolean(),
      lineEnding: fc.constantFrom<'\n' | '\r\n'>('\n', '\r\n'),
      bom: fc.boolean(),
      booleans: fc.constantFrom(...BOOLEAN_WORDS),
      names: fc.array(fc.nat({ max: 4 }), { minLength: width, maxLength: width }),
      order: fc.shuffledSubarray(positions, { minLength: width, maxLength: width }),
      extra: fc.boolean(),
    })
    .map((s) => ({ ...s, decimalComma: s.decimalComma && s.delimiter !== ',' }));
};

describe('csvToFeatures: valid records written as CSV come back equal (property)', () => {
  it.each(POINT_KINDS)('%s', (kind) => {
    fc.assert(
      fc.property(
        fc.uniqueArray(RECORDS[kind], { selector: (r) => (r as { id: string }).id, maxLength: 15 }),
        style(kind),
        (records, s) => {
          const csv = writeCsv(kind, records, s);
          const sniff = sniffCsv(csv);
          expect(sniff).toMatchObject({ delimiter: s.delimiter, bom: s.bom, hasHeader: true, rows: records.length });
          const mapping = guessMapping(kind, sniff.header);
          expect(mapping.unmapped).toEqual([]);
          const result = csvToFeatures(kind, `${kind}.csv`, csv, mapping);
          const errors = result.issues.filter((i) => i.severity === 'error');
          expect(errors).toEqual([]);
          expect(result.value).toEqual(records);
          expect(result.valid).toEqual(records);
          expect(result.invalidRows).toBe(0);
        },
      ),
      { numRuns: 150, seed: 20261206 },
    );
  });
});
