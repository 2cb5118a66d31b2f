// Exporting the register (src/domain/export/table.ts): CSV cells and files read back by a
// small RFC 4180 parser written here, the formula guard exactly on the dangerous text
// cells, and the gap register as CSV (vi/en) and GeoJSON.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../../src/domain/types.ts';
import { csvCell, gapsToCsv, gapsToGeoJSON, GAP_HEADERS, toCsv, type CsvColumn, type CsvValue } from '../../../src/domain/export/table.ts';
import { gapRows, type GapCoverage } from '../../../src/domain/gaps/register.ts';
import { applyStatusChange, EMPTY_STATUSES, type GapStatusChange, type GapStatuses } from '../../../src/domain/gaps/status.ts';
import { SEED } from '../coverage/classify-helpers.ts';

console.log(`export table property tests: fast-check seed ${SEED}`);

/** RFC 4180 records of a CSV text (after its BOM): fields split on commas, quotes undone, CRLF or LF between records. */
function parseCsv(text: string): string[][] {
  expect(text.startsWith('\uFEFF')).toBe(true);
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let i = 1;
  while (i < text.length) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (c === '"') {
        quoted = false;
        i++;
        // After a closing quote only a separator or the end of the record may follow.
        expect([',', '\r', undefined]).toContain(text[i]);
      } else {
        field += c;
        i++;
      }
    } else if (c === '"') {
      expect(field).toBe('');
      quoted = true;
      i++;
    } else if (c === ',') {
      record.push(field);
      field = '';
      i++;
    } else if (c === '\r') {
      expect(text[i + 1]).toBe('\n');
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += 2;
    } else {
      // A bare CR or LF inside an unquoted field would break the record.
      expect(c).not.toBe('\n');
      field += c;
      i++;
    }
  }
  expect(quoted).toBe(false);
  // The text ends with CRLF, so nothing is left over.
  expect(record).toEqual([]);
  expect(field).toBe('');
  return records;
}

const DANGEROUS = /^[=+\-@\t\r]/;

/** What a cell must read back as: the guarded text, or the number as JS writes it. */
function expectedCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return String(value);
  return DANGEROUS.test(value) ? `'${value}` : value;
}

describe('csvCell', () => {
  it.each<[CsvValue, string]>([
    ['plain', 'plain'],
    ['Xã Đất Mũi', 'Xã Đất Mũi'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\rhere', '"cr\rhere"'],
    ['=1+1', "'=1+1"],
    ["=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"],
    ['+84 290', "'+84 290"],
    ['-5', "'-5"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['\rx', `"'\rx"`],
    ['=A1,"x"', `"'=A1,""x"""`],
    [" =1+1", ' =1+1'],
    ["'quoted", "'quoted"],
    ['', ''],
    [-5, '-5'],
    [0.25, '0.25'],
    [-0.5, '-0.5'],
    [1200, '1200'],
    [NaN, ''],
    [Infinity, ''],
    [true, 'true'],
    [false, 'false'],
    [null, ''],
    [undefined, ''],
  ])('writes %j as %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });
});

describe('toCsv', () => {
  const columns: CsvColumn<{ name: string; km: number | null }>[] = [
    { header: 'Tên', value: (r) => r.name },
    { header: 'Khoảng cách (km)', value: (r) => r.km },
  ];

  it('writes a BOM, a header and CRLF after every line', () => {
    expect(toCsv(columns, [{ name: 'Ấp Mũi', km: -1.5 }, { name: 'Khóm "2", P.9', km: null }])).toBe(
      '\uFEFFTên,Khoảng cách (km)\r\nẤp Mũi,-1.5\r\n"Khóm ""2"", P.9",\r\n',
    );
    expect(toCsv(columns, [])).toBe('\uFEFFTên,Khoảng cách (km)\r\n');
  });

  const payload = fc.constantFrom("=cmd|' /C calc'!A0", '=HYPERLINK("http://x","y")', '+1', '-2+3', '@A1', '\t=1', '\r\n=1', 'a"b', '"', ',', '\n', '\r', '');
  const textArb = fc.oneof(
    fc.string({ unit: fc.constantFrom(...'aĐữế "\',\n\r=+-@\t|;x1'), maxLength: 12 }),
    payload,
    fc.tuple(payload, fc.string({ maxLength: 6 })).map(([a, b]) => a + b),
    fc.string({ unit: 'binary', maxLength: 10 }),
  );
  const valueArb: fc.Arbitrary<CsvValue> = fc.oneof(
    { weight: 5, arbitrary: textArb },
    { weight: 2, arbitrary: fc.double() },
    { weight: 2, arbitrary: fc.integer({ min: -1e6, max: 1e6 }) },
    { weight: 1, arbitrary: fc.constantFrom(true, false, null, undefined) },
  );

  it('reads back exactly, with the apostrophe guard on exactly the dangerous text cells', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }).chain((width) =>
          fc.tuple(fc.array(textArb, { minLength: width, maxLength: width }), fc.array(fc.array(valueArb, { minLength: width, maxLength: width }), { maxLength: 8 })),
        ),
        ([headers, rows]) => {
          const columns: CsvColumn<CsvValue[]>[] = headers.map((header, k) => ({ header, value: (row) => row[k] }));
          const records = parseCsv(toCsv(columns, rows));
          expect(records).toEqual([headers.map(expectedCell), ...rows.map((row) => row.map(expectedCell))]);
          rows.forEach((row, r) =>
            row.forEach((value, k) => {
              const cell = (records[r + 1] as string[])[k] as string;
              if (typeof value === 'number' && Number.isFinite(value)) expect(Number(cell)).toBe(value === 0 ? 0 : value);
              if (typeof value === 'string') expect(cell.startsWith("'") && cell.slice(1) === value).toBe(DANGEROUS.test(value));
              if (typeof value === 'string' && !DANGEROUS.test(value)) expect(cell).toBe(value);
            }),
          );
        },
      ),
      { seed: SEED, numRuns: 1000 },
    );
  });
});

// ---------------------------------------------------------------------------------------
// The register.

const square = (lon0: number): [number, number][][] => [
  [
    [lon0, 8.6],
    [lon0 + 0.1, 8.6],
    [lon0 + 0.1, 8.7],
    [lon0, 8.7],
    [lon0, 8.6],
  ],
];
const DATASET: Dataset = {
  province: [],
  districts: [{ id: '973', name: 'Huyện Ngọc Hiển', geometry: { type: 'Polygon', coordinates: square(105) } }],
  communes: [{ id: '32248', name: 'Xã Đất Mũi', districtId: '973', geometry: { type: 'Polygon', coordinates: square(105) } }],
  hamlets: [
    { id: 'H-1', name: 'Ấp Mũi, "Rạch Tàu"', lon: 105.01, lat: 8.61, population: 640, gridPower: false, commune: '32248', synthetic: false },
    { id: '-H2', name: '=cmd|\' /C calc\'!A0', lon: 105.02, lat: 8.62, population: 15, gridPower: true, synthetic: false },
  ],
  schools: [{ id: 'S-1', name: 'Trường Tiểu học Đất Mũi', lon: 105.03, lat: 8.63, level: 'primary', students: 210, studentsInNeed: 35, fixedBroadband: false, commune: '32248', synthetic: false }],
  towers: [{ id: 'VT-7', lon: 105.1, lat: 8.7, operator: 'Viettel', status: 'existing', technology: '4G', synthetic: false }],
  programme: { name: 'test', targets: [] },
};
const COVERAGE: GapCoverage = {
  level: Uint8Array.from([0, 1, 1]),
  nearestTower: Int32Array.from([0, -1, 0]),
  nearestKm: Float64Array.from([12.3456789, NaN, 9.5]),
  district: Int32Array.from([0, -1, 0]),
};
const ROWS = gapRows(DATASET, DATASET.towers, COVERAGE);

function statusesOf(changes: GapStatusChange[]): GapStatuses {
  let statuses = EMPTY_STATUSES;
  for (const change of changes) {
    const result = applyStatusChange(statuses, change);
    if (!result.ok) throw new Error(result.reason);
    statuses = result.statuses;
  }
  return statuses;
}
const STATUSES = statusesOf([
  { gapId: 'hamlet:H-1', status: 'assigned', operator: 'Viettel', date: '2025-03-01' },
  { gapId: 'hamlet:H-1', status: 'in_progress', date: '2025-04-02', note: 'Khảo sát, đo "sóng"' },
]);

describe('gapsToGeoJSON', () => {
  it('gives Point features with snake_case properties and the current status', () => {
    const geo = gapsToGeoJSON(ROWS, STATUSES);
    expect(JSON.parse(JSON.stringify(geo))).toEqual(geo);
    expect(geo.type).toBe('FeatureCollection');
    expect(geo.features.map((f) => f.geometry)).toEqual([
      { type: 'Point', coordinates: [105.01, 8.61] },
      { type: 'Point', coordinates: [105.02, 8.62] },
      { type: 'Point', coordinates: [105.03, 8.63] },
    ]);
    expect(geo.features[0]?.properties).toEqual({
      gap_id: 'hamlet:H-1',
      kind: 'hamlet',
      id: 'H-1',
      name: 'Ấp Mũi, "Rạch Tàu"',
      level: 'none',
      status: 'in_progress',
      assigned_operator: 'Viettel',
      status_date: '2025-04-02',
      status_note: 'Khảo sát, đo "sóng"',
      nearest_4g_id: 'VT-7',
      nearest_4g_operator: 'Viettel',
      nearest_4g_km: 12.3457,
      weight: 640,
      students_in_need: null,
      grid_power: false,
      district_id: '973',
      district_name: 'Huyện Ngọc Hiển',
      commune_id: '32248',
      commune_name: 'Xã Đất Mũi',
    });
    expect(geo.features[1]?.properties).toMatchObject({ status: 'open', assigned_operator: null, status_date: null, nearest_4g_km: null, district_id: null });
    expect(geo.features[2]?.properties).toMatchObject({ kind: 'school', students_in_need: 35, grid_power: null, weight: 210 });
    for (const f of geo.features) for (const key of Object.keys(f.properties)) expect(key).toMatch(/^[a-z0-9]+(_[a-z0-9]+)*$/);
    expect(gapsToGeoJSON(ROWS).features.map((f) => f.properties.status)).toEqual(['open', 'open', 'open']);
  });
});

describe('gapsToCsv', () => {
  it('writes the register with headers in the chosen language, guarded and quoted', () => {
    const vi = parseCsv(gapsToCsv(ROWS, STATUSES, 'vi'));
    const en = parseCsv(gapsToCsv(ROWS, STATUSES, 'en'));
    expect(vi[0]).toEqual(Object.values(GAP_HEADERS.vi));
    expect(en[0]).toEqual(Object.values(GAP_HEADERS.en));
    expect(vi[0]?.slice(0, 6)).toEqual(['Mã điểm trống', 'Loại', 'Mã', 'Tên', 'Mức phủ sóng', 'Trạng thái']);
    expect(en[0]?.slice(0, 6)).toEqual(['Gap', 'Kind', 'Id', 'Name', 'Coverage', 'Status']);
    expect(vi.slice(1)).toEqual(en.slice(1));
    expect(vi.length).toBe(4);
    expect(en[1]).toEqual([
      'hamlet:H-1',
      'hamlet',
      'H-1',
      'Ấp Mũi, "Rạch Tàu"',
      'none',
      'in_progress',
      'Viettel',
      '2025-04-02',
      'Khảo sát, đo "sóng"',
      'VT-7',
      'Viettel',
      '12.3457',
      '640',
      '',
      'false',
      '973',
      'Huyện Ngọc Hiển',
      '32248',
      'Xã Đất Mũi',
      '105.01',
      '8.61',
    ]);
    // The id "-H2" and the name "=cmd|…" are text that a spreadsheet would run: guarded.
    expect(en[2]?.slice(0, 4)).toEqual(['hamlet:-H2', 'hamlet', "'-H2", "'=cmd|' /C calc'!A0"]);
    expect(en[3]?.[13]).toBe('35');
  });

  it('writes only the header for no rows', () => {
    expect(gapsToCsv([], undefined, 'en')).toBe(`\uFEFF${Object.values(GAP_HEADERS.en).join(',')}\r\n`);
  });
});
