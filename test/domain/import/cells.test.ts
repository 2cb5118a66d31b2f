import { existsSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clusterPoints } from '../../../src/domain/geo/cluster.ts';
import { importCells, looksLikeCellExport, type CellImport } from '../../../src/domain/import/cells.ts';
import { EARTH_RADIUS_KM, haversineKm } from '../../../src/domain/geo/haversine.ts';
import { TECHNOLOGIES, type Technology, type Tower } from '../../../src/domain/types.ts';

const SAMPLE = '../shared/data/real-samples/opencellid_sample.csv';
const FIXTURES = 'test/fixtures/import/cells/';
const HEADER = 'radio,mcc,net,area,cell,unit,lon,lat,range,samples,changeable,created,updated,averageSignal';
const KM_PER_DEG = (EARTH_RADIUS_KM * Math.PI) / 180;
const fixture = (name: string): string => readFileSync(`${FIXTURES}${name}`, 'utf8');
const messages = (result: CellImport): string[] => result.issues.map((i) => i.message);

// ---------------------------------------------------------------------------------------
// The oracle: its own reading of the format, O(n²) clustering, its own tower building.

interface OracleCell {
  operator: string;
  technology: Technology;
  lon: number;
  lat: number;
  radiusKm?: number;
  date?: string;
}

/** Connected components of "same group and within km", labelled by their smallest index. */
function bruteLabels(lon: ArrayLike<number>, lat: ArrayLike<number>, group: ArrayLike<number>, km: number): number[] {
  const n = lon.length;
  const label = new Array<number>(n).fill(-1);
  for (let s = 0; s < n; s++) {
    if (label[s] !== -1) continue;
    label[s] = s;
    const stack = [s];
    while (stack.length > 0) {
      const i = stack.pop() as number;
      for (let j = 0; j < n; j++) {
        if (label[j] !== -1 || group[j] !== group[i]) continue;
        if (haversineKm(lon[i] as number, lat[i] as number, lon[j] as number, lat[j] as number) <= km) {
          label[j] = s;
          stack.push(j);
        }
      }
    }
  }
  return label;
}

const CODES: Record<string, string> = { MobiFone: 'MF', VNPT: 'VN', Viettel: 'VT' };

function oracleTowers(cells: OracleCell[], km = 0.05): Tower[] {
  const operators = [...new Set(cells.map((c) => c.operator))];
  const labels = bruteLabels(
    cells.map((c) => c.lon),
    cells.map((c) => c.lat),
    cells.map((c) => operators.indexOf(c.operator)),
    km,
  );
  const clusters = new Map<number, OracleCell[]>();
  labels.forEach((l, i) => clusters.set(l, [...(clusters.get(l) ?? []), cells[i] as OracleCell]));
  const counter: Record<string, number> = {};
  return [...clusters.values()].map((members) => {
    const operator = (members[0] as OracleCell).operator;
    counter[operator] = (counter[operator] ?? 0) + 1;
    const rank = (t: Technology): number => TECHNOLOGIES.indexOf(t);
    const technology = members.map((m) => m.technology).reduce((a, b) => (rank(b) > rank(a) ? b : a));
    const radii = members.filter((m) => m.technology === technology && m.radiusKm !== undefined).map((m) => m.radiusKm as number);
    const dates = members.filter((m) => m.date !== undefined).map((m) => m.date as string).sort();
    const tower: Tower = {
      id: `C-${CODES[operator] ?? operator}-${counter[operator]}`,
      lon: members.reduce((s, m) => s + m.lon, 0) / members.length,
      lat: members.reduce((s, m) => s + m.lat, 0) / members.length,
      operator,
      status: 'existing',
      technology,
      synthetic: false,
    };
    if (radii.length > 0) tower.radiusKm = Math.max(...radii);
    if (dates.length > 0) tower.serviceDate = dates[0] as string;
    return tower;
  });
}

const ORACLE_RADIO: Record<string, Technology> = { GSM: '2G', UMTS: '3G', LTE: '4G', NR: '5G' };

/** Straight from the text: split on commas (the sample has no quotes), filter, convert. */
function oracleCellsOfSample(text: string, mcc: number | 'all'): { cells: OracleCell[]; cdma: number; otherMcc: number } {
  const lines = text.split('\n').filter((l) => l.trim() !== '').slice(1);
  const cells: OracleCell[] = [];
  let cdma = 0;
  let otherMcc = 0;
  for (const line of lines) {
    const [radio, mccText, net, , , , lon, lat, range, , , created] = line.trim().split(',') as string[];
    if (radio === 'CDMA') {
      cdma++;
      continue;
    }
    if (mcc !== 'all' && Number(mccText) !== mcc) {
      otherMcc++;
      continue;
    }
    const operator =
      mccText === '452' && ['1', '2', '4'].includes(net as string)
        ? ({ '1': 'MobiFone', '2': 'VNPT', '4': 'Viettel' } as Record<string, string>)[net as string]
        : `${mccText}-${(net as string).padStart(2, '0')}`;
    const cell: OracleCell = { operator: operator as string, technology: ORACLE_RADIO[radio as string] as Technology, lon: Number(lon), lat: Number(lat) };
    const metres = Number(range);
    if (metres >= 100 && metres <= 35000) cell.radiusKm = metres / 1000;
    cell.date = new Date(Number(created) * 1000).toISOString().slice(0, 10);
    cells.push(cell);
  }
  return { cells, cdma, otherMcc };
}

// ---------------------------------------------------------------------------------------

describe.skipIf(!existsSync(SAMPLE))('importCells on the real OpenCelliD sample', () => {
  const text = existsSync(SAMPLE) ? readFileSync(SAMPLE, 'utf8') : '';

  it('496 rows, 178 cells of MCC 452 → 175 MobiFone towers; 302 other countries and 16 CDMA skipped', () => {
    const result = importCells('opencellid_sample.csv', text);
    const oracle = oracleCellsOfSample(text, 452);
    expect(oracle.cells.length).toBe(178);
    const expected = oracleTowers(oracle.cells);
    expect(expected.length).toBe(175);
    expect(result.issues).toEqual([]);
    expect(result.report).toEqual({
      rows: 496,
      cells: 178,
      towers: 175,
      header: true,
      mcc: 452,
      skipped: { 'other-mcc': 302, cdma: 16 },
      rangeUnused: {},
      perOperator: { MobiFone: { cells: 178, towers: 175 } },
    });
    expect(oracle.otherMcc).toBe(302);
    expect(oracle.cdma).toBe(16);
    expect(result.towers).toEqual(expected);
    expect(result.towers[0]).toEqual({
      id: 'C-MF-1',
      lon: 105.072986,
      lat: 21.422195,
      operator: 'MobiFone',
      status: 'existing',
      technology: '2G',
      radiusKm: 3.548,
      serviceDate: '2016-03-02',
      synthetic: false,
    });
    expect(result.towers.every((t) => t.lat >= 10.2 && t.lat <= 21.5 && t.lon >= 102 && t.lon <= 110)).toBe(true);
    expect(looksLikeCellExport(text)).toBe(true);
  });

  it("with mcc 'all': 480 cells of 32 networks, checked against the oracle", () => {
    const result = importCells('opencellid_sample.csv', text, { mcc: 'all' });
    const oracle = oracleCellsOfSample(text, 'all');
    expect(result.report.cells).toBe(480);
    expect(result.report.skipped).toEqual({ cdma: 16 });
    expect(Object.keys(result.report.perOperator)).toHaveLength(32);
    expect(result.towers).toEqual(oracleTowers(oracle.cells));
    expect(result.report.perOperator['262-02']).toEqual({ cells: 52, towers: 51 });
  });

  it('gives the same towers without the header row (a per-country download)', () => {
    const headerless = text.slice(text.indexOf('\n') + 1);
    expect(looksLikeCellExport(headerless)).toBe(true);
    const result = importCells('452.csv', headerless);
    const withHeader = importCells('opencellid_sample.csv', text);
    expect(result.issues).toEqual([]);
    expect(result.report).toEqual({ ...withHeader.report, header: false });
    expect(result.towers).toEqual(withHeader.towers);
  });

  it('gives the same towers with CRLF line ends and a byte-order mark', () => {
    const crlf = `\uFEFF${text.replace(/\n/g, '\r\n')}`;
    const result = importCells('opencellid_sample.csv', crlf);
    expect(result.issues).toEqual([]);
    expect(result.towers).toEqual(importCells('opencellid_sample.csv', text).towers);
    const headerlessCrlf = `\uFEFF${text.slice(text.indexOf('\n') + 1).replace(/\n/g, '\r\n')}`;
    expect(importCells('452.csv', headerlessCrlf).towers).toEqual(result.towers);
  });
});

describe('importCells: fields and rows', () => {
  const csv = (...rows: string[]): string => `${HEADER}\n${rows.join('\n')}\n`;
  let nextCell = 1000;
  const row = (fields: Partial<Record<string, string>>): string => {
    nextCell++;
    const base: Record<string, string> = {
      radio: 'GSM',
      mcc: '452',
      net: '4',
      area: '100',
      cell: String(nextCell),
      unit: '-1',
      lon: '105.15',
      lat: '9.18',
      range: '3000',
      samples: '10',
      changeable: '1',
      created: '1600000000',
      updated: '1662700000',
      averageSignal: '0',
    };
    return HEADER.split(',').map((c) => fields[c] ?? base[c]).join(',');
  };

  it('names the operators of MCC 452 and keeps the others as their codes', () => {
    const text = csv(
      row({ net: '1', lon: '105.1' }),
      row({ net: '02', lon: '105.2' }),
      row({ net: '4', lon: '105.3' }),
      row({ net: '5', lon: '105.4' }),
      row({ net: '7', lon: '105.5' }),
      row({ net: '4', lon: '105.6' }),
      row({ mcc: '262', net: '2', lon: '10.9', lat: '50.1' }),
    );
    const result = importCells('c.csv', text);
    expect(result.towers.map((t) => [t.id, t.operator])).toEqual([
      ['C-MF-1', 'MobiFone'],
      ['C-VN-1', 'VNPT'],
      ['C-VT-1', 'Viettel'],
      ['C-452-05-1', '452-05'],
      ['C-452-07-1', '452-07'],
      ['C-VT-2', 'Viettel'],
    ]);
    expect(result.report.skipped).toEqual({ 'other-mcc': 1 });
    expect(importCells('c.csv', text, { mcc: 262 }).towers.map((t) => t.id)).toEqual(['C-262-02-1']);
    expect(importCells('c.csv', text, { mcc: 'all' }).towers.map((t) => t.id)).toContain('C-262-02-1');
  });

  it('maps GSM, UMTS, LTE and NR to 2G to 5G, and counts CDMA and unknown radios, with one warning per unknown value', () => {
    const text = csv(
      row({ radio: 'GSM', lon: '105.1' }),
      row({ radio: 'UMTS', lon: '105.2' }),
      row({ radio: 'lte', lon: '105.3' }),
      row({ radio: 'NR', lon: '105.4' }),
      row({ radio: 'CDMA', lon: '105.5' }),
      row({ radio: 'CDMA', lon: '105.6' }),
      row({ radio: 'WIMAX', lon: '105.7' }),
      row({ radio: 'WIMAX', lon: '105.8' }),
      row({ radio: '', lon: '105.9' }),
    );
    const result = importCells('c.csv', text);
    expect(result.towers.map((t) => t.technology)).toEqual(['2G', '3G', '4G', '5G']);
    expect(result.report.skipped).toEqual({ cdma: 2, 'other-radio': 3 });
    expect(messages(result)).toEqual([
      'c.csv: line 8, field "radio": is "WIMAX", not one of "GSM", "UMTS", "LTE", "NR" (2G to 5G); the rows with this radio are left out',
      'c.csv: line 10, field "radio": is empty, not one of "GSM", "UMTS", "LTE", "NR" (2G to 5G); the rows with this radio are left out',
    ]);
  });

  it('takes the best technology of a tower, and the largest kept radius among its cells of that technology', () => {
    const here = { lon: '105.15', lat: '9.18' };
    const there = { lon: '105.25', lat: '9.28' };
    const text = csv(
      row({ ...here, radio: 'GSM', range: '8000' }),
      row({ ...here, radio: 'LTE', range: '3000' }),
      row({ ...here, radio: 'LTE', range: '5000' }),
      row({ ...here, radio: 'LTE', range: '50000' }),
      row({ ...here, radio: 'UMTS', range: '7000' }),
      // Only the GSM cell has a usable range: the 4G tower keeps the 4G default.
      row({ ...there, radio: 'GSM', range: '8000' }),
      row({ ...there, radio: 'LTE', range: '90' }),
      row({ ...there, radio: 'LTE', range: '' }),
    );
    const result = importCells('c.csv', text);
    expect(result.towers.map((t) => [t.technology, t.radiusKm])).toEqual([
      ['4G', 5],
      ['4G', undefined],
    ]);
    expect(result.report.rangeUnused).toEqual({ 'over-35-km': 1, 'under-100-m': 1, empty: 1 });
    expect(result.issues).toEqual([]);
  });

  it('keeps a range of 100 m to 35 km as radius_km, bounds included, and counts the others', () => {
    const ranges = ['99', '100', '35000', '35001', '3548.0', 'abc', '', '1e400', '-5'];
    const text = csv(...ranges.map((range, i) => row({ range, lon: String(105 + i / 10) })));
    const result = importCells('c.csv', text);
    expect(result.towers.map((t) => t.radiusKm)).toEqual([undefined, 0.1, 35, undefined, 3.548, undefined, undefined, undefined, undefined]);
    expect(result.report.rangeUnused).toEqual({ 'under-100-m': 2, 'over-35-km': 1, 'not-a-number': 2, empty: 1 });
  });

  it('dates a tower by the earliest created of its cells (Unix seconds, UTC day), ignoring what is not a time', () => {
    const text = csv(
      row({ created: '1456906223' }), // 2016-03-02T08:10:23Z
      row({ created: '1417831016' }), // 2014-12-06T02:36:56Z
      row({ created: '' }),
      row({ created: '1417831016', lon: '106' }),
      row({ created: '1419983999', lon: '107' }), // 2014-12-30T23:59:59Z: still the 30th in UTC
      row({ created: 'yesterday', lon: '108' }),
      row({ created: '-1', lon: '108.5' }),
    );
    const result = importCells('c.csv', text);
    expect(result.towers.map((t) => t.serviceDate)).toEqual(['2014-12-06', '2014-12-06', '2014-12-30', undefined, undefined]);
  });

  it('reads empty fields as unknown (Mozilla Location Service), wherever they are not needed', () => {
    const text = csv('LTE,452,4,,,,105.15,9.18,,,,,,', 'LTE,452,4,,,,105.15,9.18,,,,,,', 'GSM,452,4,,,,105.2,9.2,,,,,,');
    const result = importCells('mls.csv', text);
    expect(result.issues).toEqual([]);
    // No area and cell: they cannot be told apart, so neither is a duplicate.
    expect(result.report).toMatchObject({ rows: 3, cells: 3, towers: 2, skipped: {}, rangeUnused: { empty: 3 } });
    expect(result.towers[0]).toEqual({ id: 'C-VT-1', lon: 105.15, lat: 9.18, operator: 'Viettel', status: 'existing', technology: '4G', synthetic: false });
  });

  it('keeps 64-bit NR cell ids as strings: ids that are one Number apart are two cells, a repeated id a duplicate', () => {
    // 2^53 + 1 and 2^53 are the same Number; as strings they are two cells.
    const text = csv(
      row({ radio: 'NR', area: '77', cell: '9007199254740993', range: '800' }),
      row({ radio: 'NR', area: '77', cell: '9007199254740992', range: '900' }),
      row({ radio: 'NR', area: '77', cell: '9007199254740993', range: '1000' }),
      row({ radio: 'NR', area: '77', cell: '18446744073709551615', range: '1200' }),
      row({ radio: 'NR', area: '77', cell: '18446744073709551615.0', range: '1300' }),
    );
    expect(Number('9007199254740993')).toBe(Number('9007199254740992'));
    const result = importCells('nr.csv', text);
    expect(result.report).toMatchObject({ rows: 5, cells: 3, towers: 1, skipped: { duplicate: 2 } });
    expect(result.towers).toEqual([expect.objectContaining({ technology: '5G', radiusKm: 1.2 })]);
  });

  it('reads pandas-style numbers ("452.0"), quoted values, CR-only line ends and blank lines', () => {
    const text = `${HEADER}\r"GSM","452.0","4.0","100.0","1001.0","-1","105.15","9.18","3000.0","10","1","1600000000","1662700000","0"\r\r${row({})}\r`;
    const result = importCells('c.csv', text);
    expect(result.issues).toEqual([]);
    expect(result.report).toMatchObject({ rows: 2, cells: 2, towers: 1 });
  });

  it('accepts the header columns in any order and in any case, and a header repeated where files were joined', () => {
    const columns = HEADER.split(',');
    const shuffled = [...columns].reverse();
    const reversed = (line: string): string => line.split(',').reverse().join(',');
    const text = `${shuffled.join(',').toUpperCase()}\n${reversed(row({}))}\n${shuffled.join(',')}\n${reversed(row({ lon: '106' }))}\n`;
    const result = importCells('c.csv', text);
    expect(result.issues).toEqual([]);
    expect(result.report).toMatchObject({ rows: 2, cells: 2, towers: 2, header: true });
  });

  it('reports unusable positions, networks and rows with their line and field, and imports the rest', () => {
    const text = csv(
      row({}),
      row({ lon: '' }),
      row({ lat: 'NaN' }),
      row({ lat: '-91' }),
      row({ lon: '181', lat: '' }),
      row({ mcc: '' }),
      row({ net: 'x' }),
      'GSM,452,4',
    );
    const result = importCells('partner.csv', text);
    expect(messages(result)).toEqual([
      'partner.csv: line 3, field "lon": is empty, must be a longitude in degrees, -180 to 180; the row is left out',
      'partner.csv: line 4, field "lat": is "NaN", must be a latitude in degrees, -90 to 90; the row is left out',
      'partner.csv: line 5, field "lat": is -91, outside [-90, 90]; the row is left out',
      'partner.csv: line 6, field "lon": is 181, outside [-180, 180]; the row is left out',
      'partner.csv: line 6, field "lat": is empty, must be a latitude in degrees, -90 to 90; the row is left out',
      'partner.csv: line 7, field "mcc": is empty, must be a mobile country code such as 452; the row is left out',
      'partner.csv: line 8, field "net": is "x", must be a mobile network code such as 4; the row is left out',
      'partner.csv: line 9: has 3 fields, the header has 14 (a value with an unquoted comma, or a decimal comma such as 105,12?); the row is left out',
    ]);
    expect(result.issues.map((i) => [i.severity, i.file, i.line, i.field])).toEqual([
      ['warning', 'partner.csv', 3, 'lon'],
      ['warning', 'partner.csv', 4, 'lat'],
      ['warning', 'partner.csv', 5, 'lat'],
      ['warning', 'partner.csv', 6, 'lon'],
      ['warning', 'partner.csv', 6, 'lat'],
      ['warning', 'partner.csv', 7, 'mcc'],
      ['warning', 'partner.csv', 8, 'net'],
      ['warning', 'partner.csv', 9, undefined],
    ]);
    expect(result.report).toMatchObject({ rows: 8, cells: 1, towers: 1, skipped: { 'bad-position': 4, 'bad-network': 2, 'bad-row': 1 } });
  });

  it('does not report bad positions of rows it skips anyway (another country)', () => {
    const result = importCells('c.csv', csv(row({ mcc: '262', lon: '' })));
    expect(result.issues).toEqual([]);
    expect(result.report.skipped).toEqual({ 'other-mcc': 1 });
  });

  it('puts a tower on the antimeridian at the mean of its cells on one side of it', () => {
    const result = importCells('c.csv', csv(row({ mcc: '542', lon: '179.99999', lat: '-18' }), row({ mcc: '542', lon: '-179.99999', lat: '-18' })), { mcc: 542 });
    expect(result.towers).toHaveLength(1);
    expect(Math.abs((result.towers[0] as Tower).lon)).toBeCloseTo(180, 9);
  });
});

describe('importCells: fixtures of bad and odd files', () => {
  it('bad_positions.csv: each unusable position named by line and field', () => {
    const result = importCells('bad_positions.csv', fixture('bad_positions.csv'));
    expect(messages(result)).toEqual([
      'bad_positions.csv: line 3, field "lon": is empty, must be a longitude in degrees, -180 to 180; the row is left out',
      'bad_positions.csv: line 4, field "lat": is "abc", must be a latitude in degrees, -90 to 90; the row is left out',
      'bad_positions.csv: line 5, field "lat": is 105.15, outside [-90, 90] (lon and lat swapped?); the row is left out',
      'bad_positions.csv: line 6, field "lon": is 1e400, not a finite number; must be a longitude in degrees, -180 to 180; the row is left out',
      'bad_positions.csv: line 7, field "lon": lon and lat are both 0, a placeholder for an unknown place ("null island"); the row is left out',
      'bad_positions.csv: line 8: has 16 fields, the header has 14 (a value with an unquoted comma, or a decimal comma such as 105,12?); the row is left out',
      'bad_positions.csv: line 9, field "lon": is "105,15", which uses a decimal comma; must be a longitude in degrees, -180 to 180 with a "." for decimals; the row is left out',
    ]);
    expect(result.report).toMatchObject({ rows: 8, cells: 1, towers: 1, skipped: { 'bad-position': 6, 'bad-row': 1 } });
  });

  it('headerless_mls_crlf.csv: BOM, CRLF, no header, empty fields, pandas numbers, NR ids, CDMA, an unknown radio', () => {
    const text = fixture('headerless_mls_crlf.csv');
    expect(text.startsWith('\uFEFF') && text.includes('\r\n')).toBe(true);
    expect(looksLikeCellExport(text)).toBe(true);
    const result = importCells('headerless_mls_crlf.csv', text);
    expect(messages(result)).toEqual([
      'headerless_mls_crlf.csv: line 7, field "radio": is "WCDMA", not one of "GSM", "UMTS", "LTE", "NR" (2G to 5G); the rows with this radio are left out',
      'headerless_mls_crlf.csv: line 11, field "lon": is empty, must be a longitude in degrees, -180 to 180; the row is left out',
    ]);
    expect(result.report).toEqual({
      rows: 11,
      cells: 6,
      towers: 3,
      header: false,
      mcc: 452,
      skipped: { duplicate: 1, cdma: 1, 'other-radio': 1, 'other-mcc': 1, 'bad-position': 1 },
      rangeUnused: { empty: 1, 'over-35-km': 1, 'under-100-m': 1 },
      perOperator: { Viettel: { cells: 4, towers: 1 }, VNPT: { cells: 1, towers: 1 }, '452-05': { cells: 1, towers: 1 } },
    });
    const [viettel, vnpt, other] = result.towers as [Tower, Tower, Tower];
    // LTE, GSM and two NR cells within 50 m: a 5G tower, with the radius of its one NR cell
    // whose range is kept (800 m; the other says 200 km), dated by the LTE cell.
    expect(viettel).toMatchObject({ id: 'C-VT-1', technology: '5G', radiusKm: 0.8, serviceDate: '2020-09-13' });
    expect(viettel.lon).toBeCloseTo((105.15 + 105.15021 + 105.1502 + 105.1502) / 4, 12);
    expect(viettel.lat).toBeCloseTo((9.18 + 9.18011 + 9.1801 + 9.1801) / 4, 12);
    // VNPT at the same spot as Viettel's LTE cell stays a tower of its own.
    expect(vnpt).toEqual({ id: 'C-VN-1', lon: 105.15, lat: 9.18, operator: 'VNPT', status: 'existing', technology: '2G', radiusKm: 5, serviceDate: '2014-05-13', synthetic: false });
    expect(other).toEqual({ id: 'C-452-05-1', lon: 105.3, lat: 9.3, operator: '452-05', status: 'existing', technology: '3G', synthetic: false });
  });

  it('ragged_unterminated.csv: a short row and an unclosed quote, by line', () => {
    const result = importCells('ragged_unterminated.csv', fixture('ragged_unterminated.csv'));
    expect(messages(result)).toEqual([
      'ragged_unterminated.csv: line 5: Quoted field unterminated (a value that opens a double quote must close it)',
      'ragged_unterminated.csv: line 3: has 13 fields, the header has 14 (a value with an unquoted comma, or a decimal comma such as 105,12?); the row is left out',
      'ragged_unterminated.csv: line 5: has 4 fields, the header has 14 (a value with an unquoted comma, or a decimal comma such as 105,12?); the row is left out',
    ]);
    expect(result.report).toMatchObject({ rows: 4, cells: 2, towers: 2, skipped: { 'bad-row': 2 } });
  });

  it('semicolon.csv: a spreadsheet export with ";" is refused with advice', () => {
    const result = importCells('semicolon.csv', fixture('semicolon.csv'));
    expect(result.towers).toEqual([]);
    expect(result.issues.map((i) => [i.severity, i.code, i.line])).toEqual([['error', 'csv-delimiter', 1]]);
    expect(messages(result)).toEqual([
      'semicolon.csv: line 1: the columns are separated by ";", as spreadsheets in a Vietnamese locale save CSV; a cell export has "," between columns and "." for decimals: save as "CSV UTF-8 (Comma delimited)" or set the list separator to ","',
    ]);
    expect(looksLikeCellExport(fixture('semicolon.csv'))).toBe(false);
  });

  it('wrong_header.csv: a header with other column names says which are missing', () => {
    const result = importCells('wrong_header.csv', fixture('wrong_header.csv'));
    expect(result.towers).toEqual([]);
    expect(messages(result)).toEqual([
      expect.stringContaining(
        'wrong_header.csv: line 1: the header lacks "net", "lon", "lat" (it has "radio", "mcc", "mnc", "lac", "cid", "longitude", "latitude", "range"); expected an OpenCelliD / Mozilla Location Service cell export',
      ),
    ]);
    expect(looksLikeCellExport(fixture('wrong_header.csv'))).toBe(false);
  });

  it('not_cells.csv: another CSV is not taken for a cell export', () => {
    const result = importCells('not_cells.csv', fixture('not_cells.csv'));
    expect(result.issues.map((i) => [i.severity, i.code, i.line])).toEqual([['error', 'not-cell-export', 1]]);
    expect(messages(result)[0]).toContain('not_cells.csv: line 1: the first row (4 fields, starting "date,school_id,kind") is neither the header of a cell export nor a cell');
    expect(looksLikeCellExport(fixture('not_cells.csv'))).toBe(false);
  });

  it('an empty file is one error', () => {
    expect(messages(importCells('e.csv', ''))).toEqual([
      'e.csv: the file is empty; expected an OpenCelliD / Mozilla Location Service cell export: the columns radio,mcc,net,area,cell,unit,lon,lat,range,samples,changeable,created,updated,averageSignal, with or without that header row',
    ]);
    expect(importCells('e.csv', '\uFEFF\r\n \n').issues.map((i) => i.code)).toEqual(['empty']);
  });
});

describe('looksLikeCellExport', () => {
  it.each([
    [`${HEADER}\n`, true],
    [`\uFEFF${HEADER}\r\n`, true],
    [`"radio","mcc","net","area","cell","unit","lon","lat","range"\n`, true],
    ['GSM,452,1,11987,45002,0,105.072986,21.422195,3548,9,1,1456906223,1662704361,0\n', true],
    ['\n\nLTE,452,4,,,,105.1,9.1,,,,,,\n', true],
    ['GSM,452,1,11987,45002,0,105.072986,21.422195,3548\n', false],
    ['date,school_id,kind,quantity\n2021-09-10,S1,computer,20\n', false],
    ['{"type":"FeatureCollection","features":[]}', false],
    ['', false],
    ['radio;mcc;net;area;cell;unit;lon;lat\n', false],
  ])('%j → %s', (text, expected) => {
    expect(looksLikeCellExport(text)).toBe(expected);
  });
});

// ---------------------------------------------------------------------------------------
// Clustering against the brute-force oracle.

/** The point `metres` from (lon, lat) on a bearing, on a local flat approximation. */
function offset(lon: number, lat: number, metres: number, bearingDeg: number): [number, number] {
  const d = metres / 1000 / KM_PER_DEG;
  const b = (bearingDeg * Math.PI) / 180;
  return [lon + (d * Math.sin(b)) / Math.cos((lat * Math.PI) / 180), lat + d * Math.cos(b)];
}

interface P {
  lon: number;
  lat: number;
  g: number;
  chain?: number;
  twin?: number;
}

const unit = fc.double({ min: 0, max: 1, noNaN: true });
const bearing = fc.double({ min: 0, max: 360, noNaN: true });
const group = fc.integer({ min: 0, max: 1 });

/** Points in a box about 1.1 km wide: singles, pairs 30–70 m apart, chains of 35–49.9 m steps, twins of two operators. */
function sceneIn(place: (x: number, y: number) => [number, number]): fc.Arbitrary<P[]> {
  const single = fc.record({ x: unit, y: unit, g: group }).map(({ x, y, g }): P[] => {
    const [lon, lat] = place(x, y);
    return [{ lon, lat, g }];
  });
  const pair = fc.record({ x: unit, y: unit, g: group, d: fc.double({ min: 30, max: 70, noNaN: true }), b: bearing }).map(({ x, y, g, d, b }): P[] => {
    const [lon, lat] = place(x, y);
    const [lon2, lat2] = offset(lon, lat, d, b);
    return [
      { lon, lat, g },
      { lon: lon2, lat: lat2, g },
    ];
  });
  const chain = fc
    .record({ x: unit, y: unit, g: group, id: fc.integer({ min: 0, max: 1e6 }), steps: fc.array(fc.record({ d: fc.double({ min: 35, max: 49.9, noNaN: true }), b: bearing }), { minLength: 1, maxLength: 6 }) })
    .map(({ x, y, g, id, steps }): P[] => {
      let [lon, lat] = place(x, y);
      const out: P[] = [{ lon, lat, g, chain: id }];
      for (const { d, b } of steps) {
        [lon, lat] = offset(lon, lat, d, b);
        out.push({ lon, lat, g, chain: id });
      }
      return out;
    });
  const twins = fc.record({ x: unit, y: unit, id: fc.integer({ min: 0, max: 1e6 }) }).map(({ x, y, id }): P[] => {
    const [lon, lat] = place(x, y);
    return [
      { lon, lat, g: 0, twin: id },
      { lon, lat, g: 1, twin: id },
      { lon, lat, g: 0, twin: id },
    ];
  });
  return fc
    .array(fc.oneof(single, single, pair, chain, twins), { maxLength: 30 })
    // Chain and twin ids by part, so that two drawn parts never share one (they did, once
    // in about 60 runs: two chains of different operators read as one chain).
    .map((parts) =>
      parts.flatMap((part, k) =>
        part.map((q) => ({ ...q, ...(q.chain === undefined ? {} : { chain: k }), ...(q.twin === undefined ? {} : { twin: k }) })),
      ),
    )
    .chain((points) => fc.shuffledSubarray(points, { minLength: points.length, maxLength: points.length }));
}

function labelsOf(points: P[], km = 0.05): { got: number[]; want: number[] } {
  const lon = Float64Array.from(points.map((p) => p.lon));
  const lat = Float64Array.from(points.map((p) => p.lat));
  const g = Int32Array.from(points.map((p) => p.g));
  return { got: Array.from(clusterPoints(lon, lat, g, km)), want: bruteLabels(lon, lat, g, km) };
}

const normLon = (x: number): number => ((((x + 180) % 360) + 360) % 360) - 180;

describe('clusterPoints: single linkage at 50 m, against brute force', () => {
  it('matches the O(n²) oracle in a small box, merges chains transitively and keeps operators apart', () => {
    fc.assert(
      fc.property(
        sceneIn((x, y) => [105 + x * 0.01, 9 + y * 0.01]),
        (points) => {
          const { got, want } = labelsOf(points);
          expect(got).toEqual(want);
          const byChain = new Map<number, Set<number>>();
          points.forEach((p, i) => {
            if (p.chain !== undefined) byChain.set(p.chain, (byChain.get(p.chain) ?? new Set()).add(got[i] as number));
          });
          for (const labels of byChain.values()) expect(labels.size).toBe(1);
          points.forEach((p, i) => {
            points.forEach((q, j) => {
              if (p.twin !== undefined && p.twin === q.twin && p.g !== q.g) expect(got[i]).not.toBe(got[j]);
            });
          });
        },
      ),
      { numRuns: 300, seed: 20261205 },
    );
  });

  it('matches the oracle across the antimeridian and next to a pole', () => {
    fc.assert(
      fc.property(
        sceneIn((x, y) => [normLon(179.997 + x * 0.006), -0.003 + y * 0.006]),
        (points) => {
          const fixed = points.map((p) => ({ ...p, lon: normLon(p.lon) }));
          const { got, want } = labelsOf(fixed);
          expect(got).toEqual(want);
        },
      ),
      { numRuns: 100, seed: 20261205 },
    );
    fc.assert(
      fc.property(
        sceneIn((x, y) => [-180 + x * 360, 89.999 + y * 0.00099]),
        (points) => {
          const fixed = points.map((p) => ({ ...p, lon: normLon(p.lon), lat: Math.min(p.lat, 90) }));
          const { got, want } = labelsOf(fixed);
          expect(got).toEqual(want);
        },
      ),
      { numRuns: 100, seed: 20261205 },
    );
  });

  it('merges at exactly 50 m along a meridian and not a millimetre beyond', () => {
    const north = (m: number): number => 9 + m / 1000 / KM_PER_DEG;
    const run = (metres: number): number[] => Array.from(clusterPoints(Float64Array.of(105, 105), Float64Array.of(9, north(metres)), Int32Array.of(0, 0), 0.05));
    expect(run(49.999)).toEqual([0, 0]);
    expect(run(50.001)).toEqual([0, 1]);
  });

  it('stays fast on 60,000 cells, 20,000 of them at one site', () => {
    const n = 60_000;
    const lon = new Float64Array(n);
    const lat = new Float64Array(n);
    const g = new Int32Array(n);
    let seed = 7;
    const random = (): number => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
    for (let i = 0; i < n; i++) {
      const atSite = i % 3 === 0;
      lon[i] = atSite ? 105.2 : 104.5 + random() * 0.5;
      lat[i] = atSite ? 9.2 : 8.6 + random() * 0.5;
      g[i] = i % 2;
    }
    const started = performance.now();
    const labels = clusterPoints(lon, lat, g, 0.05);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect([labels[0], labels[3], labels[6], labels[9]]).toEqual([0, 3, 0, 3]);
  });
});

describe('importCells against the oracle on generated files', () => {
  const RADIOS = ['GSM', 'UMTS', 'LTE', 'NR'] as const;
  const NETS = ['1', '2', '4', '5'];
  const cellRow = fc.record({
    radio: fc.constantFrom(...RADIOS),
    net: fc.constantFrom(...NETS),
    range: fc.oneof(fc.integer({ min: 0, max: 60_000 }).map(String), fc.constant('')),
    created: fc.oneof(fc.integer({ min: 1_300_000_000, max: 1_700_000_000 }).map(String), fc.constant('')),
  });

  it('gives the oracle’s towers, with or without a header, LF or CRLF', () => {
    fc.assert(
      fc.property(
        sceneIn((x, y) => [105 + x * 0.01, 9 + y * 0.01])
          .filter((points) => points.length > 0)
          .chain((points) =>
          fc.tuple(fc.constant(points), fc.array(cellRow, { minLength: points.length, maxLength: points.length }), fc.boolean(), fc.constantFrom('\n', '\r\n')),
        ),
        ([points, fields, header, newline]) => {
          // Operators: the point's group picks between two of the networks.
          const rows = points.map((p, i) => {
            const f = fields[i] as (typeof fields)[number];
            const net = p.g === 0 ? f.net : NETS[(NETS.indexOf(f.net) + 1) % NETS.length];
            return { ...f, net: net as string, lon: p.lon, lat: p.lat, cell: String(1e15 + i) };
          });
          const lines = rows.map((r) => [r.radio, '452', r.net, '1', r.cell, '-1', String(r.lon), String(r.lat), r.range, '1', '1', r.created, '', '0'].join(','));
          const text = (header ? [HEADER, ...lines] : lines).join(newline) + newline;
          const result = importCells('g.csv', text);
          const operatorOf: Record<string, string> = { '1': 'MobiFone', '2': 'VNPT', '4': 'Viettel', '5': '452-05' };
          const cells: OracleCell[] = rows.map((r) => {
            const c: OracleCell = { operator: operatorOf[r.net] as string, technology: ORACLE_RADIO[r.radio] as Technology, lon: r.lon, lat: r.lat };
            if (r.range !== '' && Number(r.range) >= 100 && Number(r.range) <= 35000) c.radiusKm = Number(r.range) / 1000;
            if (r.created !== '') c.date = new Date(Number(r.created) * 1000).toISOString().slice(0, 10);
            return c;
          });
          expect(result.issues).toEqual([]);
          expect(result.report.rows).toBe(rows.length);
          expect(result.report.cells).toBe(rows.length);
          expect(result.towers).toEqual(oracleTowers(cells));
          const perOperator: Record<string, { cells: number; towers: number }> = {};
          for (const c of cells) (perOperator[c.operator] ??= { cells: 0, towers: 0 }).cells++;
          for (const t of result.towers) (perOperator[t.operator] as { towers: number }).towers++;
          expect(result.report.perOperator).toEqual(perOperator);
        },
      ),
      { numRuns: 150, seed: 20261205 },
    );
  });

  it('never throws on arbitrary text, and its counts always add up', () => {
    const token = fc.oneof(
      fc.constantFrom('GSM', 'LTE', 'NR', 'CDMA', 'radio', 'lon', 'lat', 'mcc', 'net', '452', '4', '105.1', '9.2', '', '-1', '1e400', '"', 'abc', '0', '\uFEFF'),
      fc.string({ maxLength: 6 }),
    );
    const line = fc.array(token, { maxLength: 16 }).map((t) => t.join(','));
    const text = fc.oneof(
      fc.string(),
      fc.tuple(fc.boolean(), fc.array(line, { maxLength: 12 }), fc.constantFrom('\n', '\r\n', '\r')).map(([header, ls, nl]) => (header ? [HEADER, ...ls] : ls).join(nl)),
    );
    fc.assert(
      fc.property(text, fc.constantFrom<number | 'all'>(452, 'all'), (t, mcc) => {
        const result = importCells('f.csv', t, { mcc });
        const skipped = Object.values(result.report.skipped).reduce((a, b) => a + b, 0);
        expect(result.report.rows).toBe(result.report.cells + skipped);
        expect(result.towers.length).toBe(result.report.towers);
        expect(result.towers.length).toBeLessThanOrEqual(result.report.cells);
        expect(new Set(result.towers.map((x) => x.id)).size).toBe(result.towers.length);
        for (const tower of result.towers) {
          expect(Number.isFinite(tower.lon) && Math.abs(tower.lon) <= 180 && Math.abs(tower.lat) <= 90).toBe(true);
          expect(TECHNOLOGIES).toContain(tower.technology);
        }
        for (const issue of result.issues) expect(issue.message.startsWith('f.csv: ')).toBe(true);
        expect(typeof looksLikeCellExport(t)).toBe('boolean');
      }),
      { numRuns: 400, seed: 20261205 },
    );
  });
});
