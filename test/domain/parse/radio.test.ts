// Contract "Version 2", rules 8-9 inputs: model.json, boundaries/landcover.geojson, tower
// band_mhz / upgrade_band_mhz, point clutter; each fault named by file, feature and field.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RADIO_MODEL } from '../../../src/domain/coverage/radio-model.ts';
import { kindFromName, parseDataset, parseFile, type SourceFile } from '../../../src/domain/parse/index.ts';
import { issueText } from '../../../src/domain/messages/render.ts';
import type { FileKind } from '../../../src/domain/types.ts';
import { englishWords } from '../messages/english.ts';

const messages = <K extends FileKind>(kind: K, name: string, value: unknown) => {
  const { value: parsed, issues } = parseFile(kind, name, JSON.stringify(value));
  return { parsed, lines: issues.map((i) => `${i.severity}: ${i.message}`) };
};

const point = (properties: Record<string, unknown>) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [105.1, 9.1] }, properties });
const fc = (...features: unknown[]) => ({ type: 'FeatureCollection', features });
const square = { type: 'Polygon', coordinates: [[[105, 9], [105.1, 9], [105.1, 9.1], [105, 9.1], [105, 9]]] };

describe('model.json', () => {
  it('is found by its name; every key optional, the defaults filled in', () => {
    expect(kindFromName('model.json')).toBe('model');
    expect(kindFromName('boundaries/landcover.geojson')).toBe('landcover');
    const { parsed, lines } = messages('model', 'model.json', {});
    expect(lines).toEqual([]);
    expect(parsed).toEqual(DEFAULT_RADIO_MODEL);
    const partial = messages('model', 'model.json', { radius_model: 'path_loss', band_mhz: { '4G': 700 }, clutter_loss_db: { forest: 14 }, radius_limits_km: [0.2, 20] });
    expect(partial.lines).toEqual([]);
    expect(partial.parsed).toMatchObject({
      radiusModel: 'path_loss',
      receiverHeightM: 1.5,
      bandMhz: { '2G': 900, '3G': 2100, '4G': 700, '5G': 3500 },
      clutterLossDb: { urban: 0, suburban: 0, rural: 0, forest: 14 },
      radiusLimitsKm: [0.2, 20],
    });
  });

  it('refuses an unknown radius model, a band outside 100-6000 MHz, a MAPL that is not a number, bad limits', () => {
    const { parsed, lines } = messages('model', 'model.json', {
      radius_model: 'okumura',
      band_mhz: { '4G': 60000, '4g': 1800 },
      max_path_loss_db: { '3G': '130' },
      clutter_loss_db: { forest: null, jungle: 3 },
      radius_limits_km: [5, 1],
      receiver_height_m: 0,
      evidence: { min_tests: 0 },
      colour: 'blue',
    });
    expect(parsed).toBeUndefined();
    expect(lines).toEqual([
      'error: model.json: field "band_mhz.4g": "4g" is not one of "2G", "3G", "4G", "5G"',
      'error: model.json: field "clutter_loss_db.jungle": "jungle" is not one of "urban", "suburban", "rural", "forest"',
      'warning: model.json: field "colour": is not a key of model.json (radius_model, receiver_height_m, band_mhz, max_path_loss_db, clutter_loss_db, radius_limits_km, evidence); it is ignored',
      'error: model.json: field "radius_model": is "okumura", must be one of "fixed", "path_loss"',
      'error: model.json: field "receiver_height_m": is 0, must be a number > 0 (m)',
      'error: model.json: field "max_path_loss_db.3G": is a string ("130"), must be a number',
      'error: model.json: field "band_mhz.4G": is 60000, must be between 100 and 6000 MHz',
      'error: model.json: field "radius_limits_km": is [5, 1], must be [min, max] in km with 0 < min ≤ max',
      'error: model.json: field "evidence.min_tests": is 0, must be a whole number ≥ 1',
    ]);
  });

  it('says each of those faults in Vietnamese too, with no English sentence left', () => {
    const bad = { radius_model: 'okumura', band_mhz: { '4G': 60000, '4g': 1800 }, clutter_loss_db: 3, radius_limits_km: [5, 1], evidence: { min_tests: 0 }, colour: 'blue' };
    const { issues } = parseFile('model', 'model.json', JSON.stringify(bad));
    expect(issues.map((i) => i.code).sort()).toEqual(['enum', 'model-nested-key', 'model-not-object', 'model-unknown-key', 'out-of-range', 'out-of-range', 'radius-limits']);
    for (const issue of issues) expect(englishWords(issueText(issue, 'vi')), issueText(issue, 'vi')).toEqual([]);
    const limits = issues.find((i) => i.code === 'radius-limits')!;
    expect(issueText(limits, 'vi')).toBe('model.json: trường dữ liệu "radius_limits_km": là [5, 1], phải có dạng [min, max] tính bằng km với 0 < min ≤ max');
  });

  it('refuses a file that is not an object', () => {
    expect(messages('model', 'model.json', ['path_loss']).lines).toEqual([
      'error: model.json: the file holds a JSON array of 1 items, must be an object {"radius_model": …, …}',
    ]);
  });
});

describe('boundaries/landcover.geojson', () => {
  it('reads polygons with a class, in file order, no id needed', () => {
    const { parsed, lines } = messages(
      'landcover',
      'boundaries/landcover.geojson',
      fc({ type: 'Feature', geometry: square, properties: { class: 'forest', name: 'U Minh' } }, { type: 'Feature', geometry: { type: 'MultiPolygon', coordinates: [square.coordinates] }, properties: { class: 'urban' } }),
    );
    expect(lines).toEqual([]);
    expect(parsed?.map((a) => [a.clutter, a.geometry.type])).toEqual([
      ['forest', 'Polygon'],
      ['urban', 'MultiPolygon'],
    ]);
  });

  it('names the feature and field of a bad class or geometry', () => {
    const { parsed, lines } = messages(
      'landcover',
      'boundaries/landcover.geojson',
      fc(
        { type: 'Feature', geometry: square, properties: { class: 'mangrove' } },
        { type: 'Feature', geometry: square, properties: {} },
        { type: 'Feature', geometry: { type: 'Point', coordinates: [105, 9] }, properties: { class: 'rural' } },
      ),
    );
    expect(parsed).toBeUndefined();
    expect(lines).toEqual([
      'error: boundaries/landcover.geojson: feature 1, field "class": is "mangrove", must be one of "urban", "suburban", "rural", "forest"',
      'error: boundaries/landcover.geojson: feature 2, field "class": is missing (required in a landcover file)',
      'error: boundaries/landcover.geojson: feature 3, field "geometry.type": is "Point", must be "Polygon" or "MultiPolygon" in a landcover file',
    ]);
  });
});

describe('towers band_mhz / upgrade_band_mhz, points clutter', () => {
  const tower = (extra: Record<string, unknown>) => point({ id: 't1', operator: 'VNPT', status: 'existing', technology: '3G', ...extra });

  it('reads them', () => {
    const towers = messages('towers', 'towers.geojson', fc(tower({ band_mhz: 2100, upgrade_technology: '4G', upgrade_band_mhz: 1800, height_m: 30 })));
    expect(towers.lines).toEqual([]);
    expect(towers.parsed?.[0]).toMatchObject({ bandMhz: 2100, upgradeBandMhz: 1800, heightM: 30 });
    const hamlets = messages('hamlets', 'hamlets.geojson', fc(point({ id: 'h', name: 'Ấp', population: 10, clutter: 'forest' })));
    expect(hamlets.parsed?.[0]?.clutter).toBe('forest');
  });

  it('refuses a band outside 100-6000 MHz, a band as text, an upgrade band without upgrade, a bad clutter', () => {
    const towers = fc(tower({ band_mhz: 50 }), tower({ id: 't2', upgrade_band_mhz: 1800 }), tower({ id: 't3', band_mhz: '1800' }));
    expect(messages('towers', 'towers.geojson', towers).lines).toEqual([
      'error: towers.geojson: feature 1 (id "t1"), field "band_mhz": is 50, must be between 100 and 6000 MHz',
      'error: towers.geojson: feature 2 (id "t2"), field "upgrade_band_mhz": is given without upgrade_technology; add upgrade_technology or remove it',
      'error: towers.geojson: feature 3 (id "t3"), field "band_mhz": is a string ("1800"), must be a number',
    ]);
    expect(messages('schools', 'schools.geojson', fc(point({ id: 's', name: 'T', level: 'primary', students: 1, clutter: 'jungle' }))).lines).toEqual([
      'error: schools.geojson: feature 1 (id "s"), field "clutter": is "jungle", must be one of "urban", "suburban", "rural", "forest"',
    ]);
  });
});

describe('a data folder with the v2 files', () => {
  const GOOD = 'test/fixtures/good';
  const files = (): SourceFile[] =>
    readdirSync(GOOD, { recursive: true, encoding: 'utf8' })
      .map((path) => path.split('\\').join('/'))
      .filter((path) => path.includes('.'))
      .map((path) => ({ path, text: readFileSync(join(GOOD, path), 'utf8') }));

  it('takes landcover and model into the data set', () => {
    const { dataset, issues } = parseDataset([
      ...files(),
      { path: 'model.json', text: '{"radius_model": "path_loss"}' },
      { path: 'boundaries/landcover.geojson', text: JSON.stringify(fc({ type: 'Feature', geometry: square, properties: { class: 'forest' } })) },
    ]);
    expect(issues).toEqual([]);
    expect(dataset?.model?.radiusModel).toBe('path_loss');
    expect(dataset?.landcover).toHaveLength(1);
  });

  it('under path_loss refuses a tower height below 1 m, naming the feature', () => {
    const towers = JSON.parse(readFileSync(join(GOOD, 'towers.geojson'), 'utf8'));
    towers.features[1].properties.height_m = 0.5;
    const others = files().filter((f) => f.path !== 'towers.geojson');
    const text = JSON.stringify(towers);
    const fixed = parseDataset([...others, { path: 'towers.geojson', text }]);
    expect(fixed.issues).toEqual([]);
    const { dataset, issues } = parseDataset([...others, { path: 'towers.geojson', text }, { path: 'model.json', text: '{"radius_model": "path_loss"}' }]);
    expect(dataset).toBeUndefined();
    expect(issues.map((i) => i.message)).toEqual([
      `towers.geojson: feature 2 (id "${towers.features[1].properties.id}"), field "height_m": is 0.5 m; under radius_model "path_loss" a tower height must be at least 1 m`,
    ]);
  });
});
