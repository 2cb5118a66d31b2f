import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatIssue, kindFromName, parseFile, parseFileDetailed } from '../../../src/domain/parse/index.ts';
import { readDecimal } from '../../../src/domain/parse/measurements.ts';

const FIXTURES = 'test/fixtures/measurements';
const fixture = (name: string) => readFileSync(`${FIXTURES}/${name}`, 'utf8');
const parse = (text: string) => parseFile('measurements', 'm.csv', text);
const HEADER = 'date,lon,lat,operator,download_mbps';

describe('measurements.csv', () => {
  it('is a kind of its own, told by its name', () => {
    expect(kindFromName('measurements.csv')).toBe('measurements');
    expect(kindFromName('viettel_measurements_2024.csv')).toBe('measurements');
    expect(kindFromName('measurements.geojson')).toBeUndefined();
  });

  it('reads the contract columns, the optional ones, and a quoted decimal comma that cannot be a thousands group', () => {
    const result = parseFileDetailed('measurements', 'good_measurements.csv', fixture('good_measurements.csv'));
    expect(result.issues).toEqual([]);
    expect(result.lines).toEqual([2, 3, 4]);
    expect(result.value).toEqual([
      { date: '2024-05-01', lon: 105.02, lat: 9.03, operator: 'Viettel', downloadMbps: 12.5, technology: '4G', uploadMbps: 3.1, latencyMs: 35, source: 'i-Speed' },
      { date: '2024-05-02', lon: 105.0201, lat: 9.0301, operator: 'Viettel', downloadMbps: 8, technology: '4G' },
      { date: '2024-05-03', lon: 105.0202, lat: 9.03, operator: 'VNPT', downloadMbps: 10.5, source: 'drive test' },
    ]);
  });

  it('reads ";" columns with decimal commas, as a Vietnamese spreadsheet saves them', () => {
    const { value, issues } = parse(fixture('semicolon_measurements.csv'));
    expect(issues).toEqual([]);
    expect(value).toEqual([
      { date: '2024-05-01', lon: 105.02, lat: 9.03, operator: 'Viettel', downloadMbps: 12.5 },
      { date: '2024-05-02', lon: 105.0201, lat: 9.0301, operator: 'MobiFone', downloadMbps: 8 },
    ]);
  });

  it('names the file, the CSV line and the field of every bad row', () => {
    const { value, issues } = parseFile('measurements', 'bad_rows_measurements.csv', fixture('bad_rows_measurements.csv'));
    expect(value).toBeUndefined();
    const f = 'bad_rows_measurements.csv';
    expect(issues.map(formatIssue)).toEqual([
      `${f}: line 2, field "date": "01/05/2024" is not an ISO date YYYY-MM-DD (if it is day/month/year, write 2024-05-01)`,
      `${f}: line 4, field "operator": is empty, must name the network (as towers.geojson names it)`,
      `${f}: line 4, field "download_mbps": is -1, must be ≥ 0`,
      `${f}: line 4, field "technology": is "LTE", must be one of "2G", "3G", "4G", "5G"`,
      `${f}: line 5, field "download_mbps": is "1,250": the "," may be a thousands separator or a decimal mark, and neither is guessed; write 1250 or 1.250`,
      `${f}: line 6, field "download_mbps": is "fast", must be a speed in Mbps (a number ≥ 0)`,
      `${f}: line 7: has 4 fields, the header has 6 (a value with an unquoted comma, or a decimal comma such as 1,5?)`,
      `${f}: line 3, field "lon": coordinates look swapped: lon 9.03, lat 105.02, but in Vietnam the longitude is 102–110 and the latitude 8–24; exchange the two columns' names`,
    ]);
    expect(issues.every((i) => i.severity === 'error' && i.line !== undefined)).toBe(true);
  });

  it('refuses a header without the contract columns, naming what it has', () => {
    const { issues } = parse(fixture('bad_header_measurements.csv'));
    expect(issues.map(formatIssue)).toEqual([
      'm.csv: line 1: the header lacks "lon", "download_mbps" (it has "date", "longitude", "lat", "operator", "download"); expected the header date,lon,lat,operator,download_mbps (and technology, upload_mbps, latency_ms, source, optional)',
    ]);
  });

  it('warns once, with a count, about tests far outside Vietnam, and keeps them', () => {
    const { value, issues } = parse(`${HEADER}\n2024-01-01,2.35,48.85,A,5\n2024-01-01,2.36,48.85,A,5\n`);
    expect(value).toHaveLength(2);
    expect(issues.map((i) => [i.severity, i.code, i.line])).toEqual([['warning', 'outside-vietnam', 2]]);
    expect(issues[0]?.message).toContain('2 rows in this file look the same');
  });

  it('refuses an empty file and a header-only file reads as no tests', () => {
    expect(parse('').issues.map((i) => i.code)).toEqual(['empty']);
    expect(parse(`${HEADER}\n`)).toEqual({ value: [], issues: [] });
  });
});

describe('readDecimal', () => {
  it.each([
    ['12.5', false, 12.5],
    ['12,5', false, 12.5],
    ['12,5', true, 12.5],
    ['1.5e1', false, 15],
    ['105,123', true, 105.123],
    ['1.25', true, 1.25],
    ['0', false, 0],
  ])('reads %j (decimal comma file: %s) as %s', (text, comma, value) => {
    expect(readDecimal(text, comma, 'number')).toEqual({ ok: true, value });
  });

  it.each([
    ['1,250', false, 'ambiguous-number'],
    ['1.250', true, 'ambiguous-number'],
    ['1 250', false, 'thousands-separator'],
    ['1e400', false, 'not-finite'],
    ['', false, 'empty-number'],
    ['abc', false, 'not-number'],
  ])('refuses %j (decimal comma file: %s) as %s', (text, comma, code) => {
    expect(readDecimal(text, comma, 'number')).toMatchObject({ ok: false, code });
  });
});
