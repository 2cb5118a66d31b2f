// Importing real speed-test files (issue 16, item 2): other headers, kbps, Ookla tiles, each
// becoming the contract's measurements.csv with the user's lines and columns in messages.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDataFolder } from '../../../src/cli/folder.ts';
import { guessMeasurementMapping } from '../../../src/domain/import/measurement-mapping.ts';
import { importMeasurements, quadkeyCentre } from '../../../src/domain/import/measurement-import.ts';
import { stageImport } from '../../../src/domain/import/staging.ts';
import { parseFile } from '../../../src/domain/parse/index.ts';

const DIR = 'test/fixtures/import/measurements/';
const load = (name: string) => importMeasurements(name, readFileSync(DIR + name, 'utf8'));
const HEADER = 'date,lon,lat,operator,download_mbps,technology,upload_mbps,latency_ms,source';

describe('guessMeasurementMapping', () => {
  it('knows Vietnamese and English names, with and without accents, and the unit a speed column says', () => {
    const guess = guessMeasurementMapping(['STT', 'Ngày đo', 'Kinh độ', 'Vi do', 'Nhà mạng', 'Tốc độ tải xuống (Mbps)', 'Upload (kbps)', 'Độ trễ (ms)']);
    expect(guess.columns).toEqual({ date: 1, lon: 2, lat: 3, operator: 4, download_mbps: 5, technology: null, upload_mbps: 6, latency_ms: 7, source: null });
    expect([guess.downloadUnit, guess.uploadUnit]).toEqual(['mbps', 'kbps']);
    expect(guess.unmapped).toEqual([]);
    expect(guess.ignored).toEqual([0]);
    expect(guessMeasurementMapping(['Download kbps', 'x', 'y']).downloadUnit).toBe('kbps');
    expect(guessMeasurementMapping(['when', 'x', 'y']).unmapped).toEqual(['date', 'operator', 'download_mbps']);
  });
});

describe('importMeasurements', () => {
  it('maps a Vietnamese spreadsheet (";", decimal commas, a timestamp, LTE) to the contract', () => {
    const result = load('vi_headers_measurements.csv');
    expect(result.format).toBe('mapped');
    expect(result.text).toBe(`${HEADER}\n2024-05-01,105.02,9.03,Viettel,12.5,4G,3.2,35,\n2024-05-02,105.0201,9.0301,VinaPhone,8,4G,,,\n`);
    expect(result.lines).toEqual([2, 3]);
    expect(result.issues.map((i) => i.message)).toEqual([
      'vi_headers_measurements.csv: line 1: columns "STT", "Ghi chú" are not in the measurements contract and are ignored',
      'vi_headers_measurements.csv: column "Công nghệ" (technology): 1 row names the radio (LTE, NR, UMTS, GSM…): read as its technology (LTE → 4G, NR → 5G, UMTS → 3G, GSM → 2G)',
    ]);
    // What it becomes passes the contract's own check.
    expect(parseFile('measurements', 'measurements.csv', result.text as string).issues).toEqual([]);
  });

  it('divides kbps columns by 1000, and says so', () => {
    const result = load('kbps_measurements.csv');
    expect(result.text).toBe(`${HEADER}\n2024-05-01,105.02,9.03,Viettel,12.5,,3.1,35,drive test\n2024-05-02,105.03,9.04,MobiFone,0.8,,,40,drive test\n`);
    expect(result.issues.map((i) => i.code)).toEqual(['kbps-converted']);
  });

  it('names the user\'s line and column of every bad row, and offers the valid rows alone', () => {
    const result = load('bad_vi_measurements.csv');
    expect(result.text).toBeUndefined();
    expect(result.issues.map((i) => i.message)).toEqual([
      'bad_vi_measurements.csv: line 2, column "Tốc độ tải xuống (Mbps)" (download_mbps): is "nhanh", must be a speed in Mbps',
      'bad_vi_measurements.csv: line 3, column "Ngày đo" (date): "01/05/2024" is not an ISO date YYYY-MM-DD (if it is day/month/year, write 2024-05-01)',
      'bad_vi_measurements.csv: line 4, column "Nhà mạng" (operator): is empty, must name the network (as towers.geojson names it)',
    ]);
    expect(result.issues.map((i) => [i.line, i.column, i.field])).toEqual([
      [2, 5, 'download_mbps'],
      [3, 1, 'date'],
      [4, 4, 'operator'],
    ]);
    expect([result.rows, result.validRows, result.validLines]).toEqual([3, 0, []]);
  });

  it('reads the contract\'s own file as it is', () => {
    const result = importMeasurements('measurements.csv', readFileSync('test/fixtures/measurements/good_measurements.csv', 'utf8'));
    expect(result.format).toBe('contract');
    expect(result.issues).toEqual([]);
    expect(result.validRows).toBe(3);
  });

  it('counts each Ookla tile as "tests" tests of its averages at the tile centre, dated from the file name, and warns it is an approximation', () => {
    const result = load('2024-04-01_performance_mobile_tiles.csv');
    expect(result.format).toBe('ookla');
    expect(result.tiles).toEqual({ tiles: 2, tests: 5 });
    expect(result.lines).toEqual([2, 2, 2, 3, 3]);
    const rows = (result.text as string).trim().split('\n').slice(1);
    expect(rows[0]).toBe('2024-04-01,105.02105712890625,9.028865339591986,Ookla,15.234,,4.1,28,Ookla open data (tile average)');
    expect(rows[3]).toBe('2024-04-01,105.03204345703125,9.039715377255432,Ookla,5.12,,1.2,41,Ookla open data (tile average)');
    expect(result.issues.map((i) => [i.severity, i.code])).toEqual([['warning', 'ookla-approximation']]);
    expect(importMeasurements('tiles.csv', readFileSync(`${DIR}2024-04-01_performance_mobile_tiles.csv`, 'utf8'), { operator: 'Viettel', date: '2024-06-30' }).text).toContain('2024-06-30,105.02105712890625,9.028865339591986,Viettel,');
  });

  it('refuses Ookla tiles without a date, a bad quadkey or a tile of no tests', () => {
    expect(importMeasurements('tiles.csv', 'quadkey,avg_d_kbps,tests\n1322301230103312,100,1\n').issues.map((i) => i.code)).toEqual(['ookla-date']);
    const bad = load('bad_tiles_2024-04-01.csv');
    expect(bad.issues.map((i) => i.message)).toEqual([
      'bad_tiles_2024-04-01.csv: line 2, column "quadkey": is "13223012301033x2", not a tile quadkey (digits 0 to 3)',
      'bad_tiles_2024-04-01.csv: line 3, column "tests": is "0", must be a whole number ≥ 1 (the tests the tile\'s averages stand for)',
    ]);
  });
});

describe('quadkeyCentre', () => {
  it('is the centre of the Web Mercator tile', () => {
    expect(quadkeyCentre('0')).toEqual([-90, expect.closeTo(66.5132604, 6)]);
    expect(quadkeyCentre('3')).toEqual([90, expect.closeTo(-66.5132604, 6)]);
    const [lon, lat] = quadkeyCentre('1322301230103312') as [number, number];
    // Zoom 16: the tile holding (105.02, 9.03) is 0.0055° wide.
    expect(Math.abs(lon - 105.02)).toBeLessThan(0.0055);
    expect(Math.abs(lat - 9.03)).toBeLessThan(0.0055);
    expect(quadkeyCentre('')).toBeUndefined();
    expect(quadkeyCentre('124')).toBeUndefined();
  });
});

describe('staging a measurements file over the bundled data', () => {
  const current = readDataFolder('data');

  it('puts the converted file at measurements.csv and offers the data set', () => {
    const staged = stageImport(current, [{ name: 'vi_headers_measurements.csv', text: readFileSync(`${DIR}vi_headers_measurements.csv`, 'utf8'), kind: 'measurements' }]);
    expect(staged.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(staged.files[0]).toMatchObject({ kind: 'measurements', path: 'measurements.csv', rows: 2, validRows: 2 });
    expect(staged.dataset?.measurements).toHaveLength(2);
    expect(staged.sources?.find((s) => s.path === 'measurements.csv')?.text).toContain('2024-05-01,105.02,9.03,Viettel,12.5,4G');
  });

  it('tells an Ookla tile file or a speed-test export by its header when its name says nothing', () => {
    const tiles = stageImport(current, [{ name: '2024-04-01_performance_mobile_tiles.csv', text: readFileSync(`${DIR}2024-04-01_performance_mobile_tiles.csv`, 'utf8') }]);
    expect(tiles.files[0]).toMatchObject({ kind: 'measurements', rows: 2, validRows: 2 });
    expect(tiles.dataset?.measurements).toHaveLength(5);
    const export_ = stageImport(current, [{ name: 'speedtest_export.csv', text: readFileSync(`${DIR}kbps_measurements.csv`, 'utf8') }]);
    expect(export_.files[0]?.kind).toBe('measurements');
    // A hamlets CSV is not mistaken for tests.
    const hamlets = stageImport(current, [{ name: 'ap.csv', text: 'id,name,population,lon,lat\nh1,Ấp 1,10,105,9\n' }]);
    expect(hamlets.files[0]?.kind).toBeUndefined();
  });

  it('counts and reports the tests outside the province at the user\'s lines, and keeps them (Vietnamese kbps header, Ookla tiles)', () => {
    const vi = stageImport(current, [{ name: 'vi_kbps_outside_measurements.csv', text: readFileSync(`${DIR}vi_kbps_outside_measurements.csv`, 'utf8') }]);
    expect(vi.dataset?.measurements?.map((m) => m.downloadMbps)).toEqual([12.5, 8, 0.8]);
    const outside = vi.issues.filter((i) => i.code === 'outside-province');
    // The second test is on line 4 of the user's file (a blank line before the first).
    expect(outside.map((i) => [i.file, i.params?.['lines'], i.params?.['count'], i.params?.['total']])).toEqual([['vi_kbps_outside_measurements.csv', [4], 1, 3]]);
    expect(outside[0]?.message).toContain('1 of 3 tests lie outside the province');
    const tiles = stageImport(current, [{ name: '2024-07-01_tiles_outside.csv', text: readFileSync(`${DIR}2024-07-01_tiles_outside.csv`, 'utf8') }]);
    expect(tiles.dataset?.measurements).toHaveLength(5);
    // The second tile (line 3) stands for 2 tests: both outside, said once at its line.
    const tileOutside = tiles.issues.filter((i) => i.code === 'outside-province');
    expect(tileOutside.map((i) => [i.params?.['lines'], i.params?.['count']])).toEqual([[[3], 2]]);
    expect(tiles.issues.map((i) => i.code)).toContain('ookla-approximation');
  });

  it('is corrected as a CSV of points is: the editor\'s mapping, the unit from the chosen column\'s header', () => {
    const text = readFileSync(`${DIR}unmapped_speed_measurements.csv`, 'utf8');
    const guessed = stageImport(current, [{ name: 'unmapped_speed_measurements.csv', text, kind: 'measurements' }]);
    expect(guessed.issues.filter((i) => i.severity === 'error').map((i) => i.code)).toEqual(['csv-unmapped']);
    const mapping = guessed.files[0]?.mapping;
    if (!mapping) throw new Error('no mapping offered');
    expect(mapping).toMatchObject({ lon: 1, lat: 2, properties: { date: 0, operator: 3, download_mbps: null, upload_mbps: 5 } });
    const edited = { ...mapping, properties: { ...mapping.properties, download_mbps: 4 } } as typeof mapping;
    const corrected = stageImport(current, [{ name: 'unmapped_speed_measurements.csv', text, kind: 'measurements', mapping: edited }]);
    expect(corrected.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(corrected.dataset?.measurements?.map((m) => [m.operator, m.downloadMbps, m.uploadMbps])).toEqual([['Viettel', 12.5, 3.5], ['VNPT', 0.8, 0.4]]);
    expect(corrected.issues.map((i) => i.code)).toContain('kbps-converted');
  });

  it('takes the kind from the name, and offers the valid rows alone when some are bad', () => {
    const text = readFileSync(`${DIR}kbps_measurements.csv`, 'utf8') + '2024-05-03,105.03,9.04,MobiFone,abc,,40,drive test\n';
    const staged = stageImport(current, [{ name: 'kbps_measurements.csv', text }]);
    expect(staged.dataset).toBeUndefined();
    expect(staged.issues.filter((i) => i.severity === 'error').map((i) => i.message)).toEqual([
      'kbps_measurements.csv: line 4, column "Download (kbps)" (download_mbps): is "abc", must be a speed in kbps',
    ]);
    expect(staged.validOnly?.dataset.measurements?.map((m) => m.downloadMbps)).toEqual([12.5, 0.8]);
    expect(staged.validOnly?.dropped).toBe(1);
  });
});
