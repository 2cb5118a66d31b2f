// The command-line tools read the formats the app imports, through the app's importer
// (domain/import/staging.ts): a data folder whose hamlets are a CSV with Vietnamese headers
// and whose towers are an OpenCelliD cell export gives the same figures as the same data
// written as the contract's GeoJSON.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCoverage } from '../../src/cli/coverage.ts';
import { runValidate } from '../../src/cli/validate.ts';

const GOOD = 'test/fixtures/good';

type Run = (argv: string[], io: { out(l: string): void; err(l: string): void }) => Promise<number>;
async function run(command: Run, argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await command(argv, { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { code, out, err };
}

const temps: string[] = [];
function copyOfGood(): string {
  const dir = mkdtempSync(join(tmpdir(), 'song-formats-'));
  temps.push(dir);
  cpSync(GOOD, dir, { recursive: true });
  return dir;
}
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

interface HamletFeature {
  geometry: { coordinates: [number, number] };
  properties: Record<string, string | number | boolean | undefined>;
}

/** The good hamlets as a sheet from a Vietnamese office: ";" between columns, decimal commas. */
function hamletsSheet(): string {
  const json = JSON.parse(readFileSync(join(GOOD, 'hamlets.geojson'), 'utf8')) as { features: HamletFeature[] };
  const columns: [string, string][] = [
    ['Mã ấp', 'id'],
    ['Tên ấp', 'name'],
    ['Dân số', 'population'],
    ['Số hộ', 'households'],
    ['Hộ nghèo', 'poor_households'],
    ['Học sinh', 'students'],
    ['Điện lưới', 'grid_power'],
    ['Xã', 'commune'],
    ['Huyện', 'district'],
    ['Giả lập', 'synthetic'],
  ];
  const comma = (n: number): string => String(n).replace('.', ',');
  const rows = json.features.map((f) => [
    ...columns.map(([, key]) => String(f.properties[key] ?? '')),
    comma(f.geometry.coordinates[0]),
    comma(f.geometry.coordinates[1]),
  ]);
  return [[...columns.map(([name]) => name), 'Kinh độ', 'Vĩ độ'], ...rows].map((cells) => cells.join(';')).join('\r\n');
}

/** Four cells of an OpenCelliD export and the same towers as the contract writes them. */
const CELLS = [
  'radio,mcc,net,area,cell,unit,lon,lat,range,samples,changeable,created,updated,averageSignal',
  'UMTS,452,4,12001,1001,-1,105.04,9.06,3000,40,1,1600000000,1662700000,0',
  'LTE,452,4,12001,1002,-1,105.07,9.18,4000,25,1,1600000000,1662700000,0',
  'NR,452,4,12001,1003,-1,105.15,9.16,1200,9,1,1650000000,1662700000,0',
  'GSM,452,2,22001,2001,-1,105.09,9.14,5000,12,1,1600000000,1662700000,0',
].join('\n');
const tower = (id: string, lon: number, lat: number, operator: string, technology: string, radius: number, since: string): string =>
  JSON.stringify({ type: 'Feature', geometry: { type: 'Point', coordinates: [lon, lat] }, properties: { id, operator, status: 'existing', technology, radius_km: radius, service_date: since } });
const SAME_TOWERS = `{"type":"FeatureCollection","features":[\n${[
  tower('C-VT-1', 105.04, 9.06, 'Viettel', '3G', 3, '2020-09-13'),
  tower('C-VT-2', 105.07, 9.18, 'Viettel', '4G', 4, '2020-09-13'),
  tower('C-VT-3', 105.15, 9.16, 'Viettel', '5G', 1.2, '2022-04-15'),
  tower('C-VN-1', 105.09, 9.14, 'VNPT', '2G', 5, '2020-09-13'),
].join(',\n')}\n]}\n`;

function partnerFolder(): string {
  const dir = copyOfGood();
  rmSync(join(dir, 'hamlets.geojson'));
  rmSync(join(dir, 'towers.geojson'));
  writeFileSync(join(dir, 'hamlets.csv'), hamletsSheet());
  writeFileSync(join(dir, 'opencellid_452.csv'), CELLS);
  return dir;
}

describe('the CLI reads the app\'s import formats', () => {
  it('validate: a folder with hamlets as a Vietnamese CSV and towers as a cell export passes', async () => {
    const { code, out, err } = await run(runValidate, [partnerFolder()]);
    expect(err.filter((l) => l.startsWith('error'))).toEqual([]);
    expect(code).toBe(0);
    expect(out).toContain('ok  hamlets.csv  6 hamlets, 0 warnings');
    expect(out).toContain('ok  opencellid_452.csv  4 towers, 0 warnings');
    expect(out).toContain('ok  schools.geojson  4 schools, 0 warnings');
  });

  it('coverage: the same figures as the same data written as contract GeoJSON', async () => {
    const contract = copyOfGood();
    writeFileSync(join(contract, 'towers.geojson'), SAME_TOWERS);
    const expected = await run(runCoverage, ['--data', contract, '--scenario', 'current']);
    expect(expected.err).toEqual([]);
    expect(expected.code).toBe(0);
    const got = await run(runCoverage, ['--data', partnerFolder(), '--scenario', 'current']);
    expect(got.err).toEqual([]);
    expect(got.code).toBe(0);
    expect(JSON.parse(got.out.join('\n'))).toEqual(JSON.parse(expected.out.join('\n')));
    expect(JSON.parse(got.out.join('\n')).hamlets.total).toBe(6);
  });

  it('validate: one CSV of points is read as the app reads it, not as JSON', async () => {
    const dir = partnerFolder();
    const { code, out, err } = await run(runValidate, [join(dir, 'hamlets.csv')]);
    expect(err).toEqual([]);
    expect(code).toBe(0);
    expect(out).toEqual([`ok  ${join(dir, 'hamlets.csv')}  6 hamlets, 0 warnings`]);
  });

  it('validate: a CSV of points with a bad row names its line, in Vietnamese too', async () => {
    const dir = partnerFolder();
    writeFileSync(join(dir, 'hamlets.csv'), hamletsSheet().replace(/;1200;/, ';-5;'));
    const { code, err } = await run(runValidate, [dir, '--lang', 'vi']);
    expect(code).toBe(1);
    expect(err.join('\n')).toContain('hamlets.csv: dòng 2 (mã "007"), cột "Dân số" (population)');
  });
});
