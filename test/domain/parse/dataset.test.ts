import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatIssue, kindFromName, parseDataset, validateFolder, type SourceFile } from '../../../src/domain/parse/index.ts';

const GOOD = 'test/fixtures/good';

function goodFiles(): SourceFile[] {
  return readdirSync(GOOD, { recursive: true, encoding: 'utf8' })
    .map((path) => path.split('\\').join('/'))
    .filter((path) => path.includes('.'))
    .map((path) => ({ path, text: readFileSync(join(GOOD, path), 'utf8') }));
}

function replaced(files: SourceFile[], path: string, text: string | undefined): SourceFile[] {
  const others = files.filter((f) => f.path !== path);
  return text === undefined ? others : [...others, { path, text }];
}

describe('parseDataset: the good folder', () => {
  const { dataset, issues } = parseDataset(goodFiles());

  it('has no issues and every file', () => {
    expect(issues).toEqual([]);
    expect(dataset).toBeDefined();
    expect({
      province: dataset?.province.length,
      districts: dataset?.districts.length,
      communes: dataset?.communes?.length,
      coastline: dataset?.coastline?.length,
      hamlets: dataset?.hamlets.length,
      schools: dataset?.schools.length,
      towers: dataset?.towers.length,
      deliveries: dataset?.deliveries?.length,
      targets: dataset?.programme.targets.length,
    }).toEqual({ province: 1, districts: 2, communes: 3, coastline: 1, hamlets: 6, schools: 4, towers: 5, deliveries: 3, targets: 3 });
  });

  it('keeps leading zeros and applies the defaults', () => {
    expect(dataset?.hamlets.map((h) => h.id)).toEqual(['007', '008', '009', '010', '011', '012']);
    expect(dataset?.hamlets.map((h) => h.gridPower)).toEqual([true, true, false, true, true, true]);
    expect(dataset?.hamlets[0]).toEqual({
      id: '007',
      name: 'Ấp 1',
      lon: 105.02,
      lat: 9.03,
      population: 1200,
      households: 300,
      poorHouseholds: 40,
      students: 210,
      gridPower: true,
      commune: 'Xã Tân Lợi',
      district: 'Huyện Tây',
      synthetic: true,
    });
    expect(dataset?.schools.map((s) => [s.id, s.level, s.fixedBroadband, s.studentsInNeed])).toEqual([
      ['S001', 'primary', false, 45],
      ['S002', 'lower_secondary', true, undefined],
      ['S003', 'preschool', false, undefined],
      ['S004', 'upper_secondary', false, 0],
    ]);
  });

  it('reads the towers as the coverage rules need them', () => {
    expect(dataset?.towers.map((t) => [t.id, t.status, t.technology, t.upgradeTechnology, t.upgradeDate, t.serviceDate, t.radiusKm])).toEqual([
      ['T001', 'existing', '3G', '4G', '2021-09-15', '2015-06-01', undefined],
      ['T002', 'planned', '4G', undefined, undefined, '2021-10-01', undefined],
      ['T003', 'planned', '4G', undefined, undefined, undefined, undefined],
      ['T004', 'existing', '2G', undefined, undefined, undefined, undefined],
      ['T005', 'existing', '5G', undefined, undefined, undefined, 1.2],
    ]);
  });

  it('reads boundaries, deliveries and the programme', () => {
    expect(dataset?.communes?.map((c) => [c.id, c.districtId, c.labelLon])).toEqual([
      ['C001', 'D01', undefined],
      ['C002', 'D01', 105.05],
      ['C003', 'D02', undefined],
    ]);
    expect(dataset?.districts.map((d) => [d.id, d.name, d.population])).toEqual([
      ['D01', 'Huyện Tây', 5200],
      ['D02', 'Huyện Đông', undefined],
    ]);
    expect(dataset?.deliveries?.[2]).toEqual({ date: '2021-10-02', schoolId: 'S004', kind: 'computer', quantity: 15, donor: 'Quỹ Khuyến học, Cà Mau' });
    expect(dataset?.programme.name).toBe('Sóng và máy tính cho em');
    expect(dataset?.programme.targets[1]).toMatchObject({ metric: 'computers_delivered', target: 4500, deadline: '2021-12-31' });
  });

  it('accepts paths under the folder name, as a browser folder pick gives them, and Windows separators', () => {
    const prefixed = goodFiles().map((f) => ({ path: `data\\${f.path.replace('/', '\\')}`, text: f.text }));
    const result = parseDataset(prefixed);
    expect(result.issues).toEqual([]);
    expect(result.dataset?.hamlets).toHaveLength(6);
  });
});

describe('parseDataset: folder rules', () => {
  it('names each missing required file, with a hint when it is elsewhere', () => {
    let files = replaced(goodFiles(), 'boundaries/province.geojson', undefined);
    files = replaced(files, 'towers.geojson', undefined);
    files = replaced(files, 'deliveries.csv', undefined);
    files = replaced(files, 'province.geojson', readFileSync(join(GOOD, 'boundaries/province.geojson'), 'utf8'));
    const { dataset, issues } = parseDataset(files);
    expect(dataset).toBeUndefined();
    expect(issues.map(formatIssue)).toEqual([
      'boundaries/province.geojson: the file is missing (a data folder needs it); found "province.geojson": move or rename it to boundaries/province.geojson',
      'towers.geojson: the file is missing (a data folder needs it)',
    ]);
    expect(issues[0]).toMatchObject({ severity: 'error', code: 'missing-file', file: 'boundaries/province.geojson' });
  });

  it('refuses a commune whose district does not exist, and warns once of deliveries to unknown schools', () => {
    const files = goodFiles();
    const communes = files.find((f) => f.path === 'boundaries/communes.geojson')?.text.replace('"district_id":"D02"', '"district_id":"D09"') ?? '';
    const { dataset, issues } = parseDataset(
      replaced(replaced(files, 'boundaries/communes.geojson', communes), 'deliveries.csv', 'date,school_id,kind,quantity\n2021-09-10,S001,computer,1\n2021-09-10,S404,computer,1\n'),
    );
    expect(dataset).toBeUndefined();
    expect(issues.map((i) => [i.severity, formatIssue(i)])).toEqual([
      ['error', 'boundaries/communes.geojson: feature 3 (id "C003"), field "district_id": district "D09" is not in boundaries/districts.geojson'],
      ['warning', 'deliveries.csv: line 3, field "school_id": 1 of 2 rows name a school that is not in schools.geojson (1 school: "S404"); they are kept and count for the province only, not for a school or its district'],
    ]);
  });

  it('warns once of data SIMs whose operator is spelt otherwise than the towers spell it, and keeps them as written', () => {
    const deliveries = 'date,school_id,kind,quantity,operator\n2021-09-10,S001,data_sim,1,Viettel\n2021-09-10,S001,data_sim,2,viettel\n2021-09-11,S004,data_sim,3,Gtel\n2021-09-11,S004,data_sim,3,Mobi Fone\n2021-09-11,S004,computer,3,\n';
    const { dataset, issues } = parseDataset(replaced(goodFiles(), 'deliveries.csv', deliveries));
    expect(dataset?.deliveries?.map((d) => d.operator)).toEqual(['Viettel', 'viettel', 'Gtel', 'Mobi Fone', undefined]);
    // "Gtel" has no tower at all: not a slip, the card shows its network at 0 %.
    expect(issues.map((i) => [i.severity, formatIssue(i)])).toEqual([
      ['warning', 'deliveries.csv: line 3, field "operator": 2 of 4 data_sim rows write a network otherwise than towers.geojson does ("viettel" for "Viettel", "Mobi Fone" for "MobiFone"); their SIMs are counted under the name as written, never with good signal: write it as towers.geojson does'],
    ]);
  });

  it('warns once per file, keeping the data set, for points inside no district', () => {
    const files = goodFiles();
    const far = (id: string, lon: number) => `,\n{"type":"Feature","geometry":{"type":"Point","coordinates":[${lon},9.5]},"properties":{"id":"${id}","name":"Ấp","population":1}}\n]}`;
    const hamlets = (files.find((f) => f.path === 'hamlets.geojson')?.text ?? '').replace(/\n\]\}\n$/, [1, 2, 3, 4, 5, 6].map((i) => far(`x${i}`, 105 + i / 100).replace('\n]}', '')).join('') + '\n]}\n');
    const { dataset, issues } = parseDataset(replaced(files, 'hamlets.geojson', hamlets));
    expect(dataset?.hamlets).toHaveLength(12);
    expect(issues.map((i) => [i.severity, i.file, i.code])).toEqual([['warning', 'hamlets.geojson', 'outside-districts']]);
    expect(formatIssue(issues[0] as never)).toBe(
      'hamlets.geojson: 6 of 12 hamlets lie inside no district of boundaries/districts.geojson ("x1", "x2", "x3", "x4", "x5", …); they are kept, with no district (contract rule 7)',
    );
  });

  it('ignores non-data files and, unless asked, stray files of a known kind', () => {
    const files = [...goodFiles(), { path: 'PROVENANCE.md', text: '# x' }, { path: 'old_towers.geojson', text: 'not json' }];
    expect(parseDataset(files).issues).toEqual([]);
    const checked = validateFolder(files, { checkEveryKnownFile: true });
    expect(checked.dataset).toBeUndefined();
    expect(checked.issues.map(formatIssue)).toEqual(['old_towers.geojson: line 1, column 1: expected a JSON value, found "n"']);
    expect(checked.files.find((f) => f.path === 'old_towers.geojson')).toEqual({ path: 'old_towers.geojson', kind: 'towers', count: 0, inDataset: false });
  });

  it('withholds the data set when one file has an error, and keeps the others\' issues', () => {
    const { dataset, issues } = parseDataset(replaced(goodFiles(), 'programme.json', '{"name": "P", "targets": [ }'));
    expect(dataset).toBeUndefined();
    expect(issues.map((i) => i.file)).toEqual(['programme.json']);
  });
});

describe('kindFromName', () => {
  it.each([
    ['my_towers.geojson', 'towers'],
    ['hamlets.geojson', 'hamlets'],
    ['Hamlets_2021.JSON', 'hamlets'],
    ['boundaries/province.geojson', 'province'],
    ['C:\\data\\boundaries\\districts.geojson', 'districts'],
    ['communes.geojson', 'communes'],
    ['coastline.geojson', 'coastline'],
    ['deliveries.csv', 'deliveries'],
    ['deliveries_sep.csv', 'deliveries'],
    ['programme.json', 'programme'],
    ['schools.json', 'schools'],
    ['deliveries.json', undefined],
    ['programme.geojson', undefined],
    ['towers.csv', undefined],
    ['districts_hamlets.geojson', undefined],
    ['README.md', undefined],
    ['villages.geojson', undefined],
    ['towers', undefined],
  ])('%s → %s', (name, kind) => {
    expect(kindFromName(name)).toBe(kind);
  });
});
