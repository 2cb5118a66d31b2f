// Boundary rings that are not closed or that cross themselves are errors naming the file, the
// feature and the field: a commune drawn as a bow-tie once passed `validate` and moved hamlets
// out of their district's counts.
import { describe, expect, it } from 'vitest';
import { readDataFolder } from '../../../src/cli/folder.ts';
import { parseDataset, parseFileDetailed } from '../../../src/domain/parse/index.ts';
import type { FileKind } from '../../../src/domain/types.ts';

const BOW_TIE = [[105.0, 9.0], [105.2, 9.2], [105.2, 9.0], [105.0, 9.2], [105.0, 9.0]];
const SQUARE = [[105.0, 9.0], [105.2, 9.0], [105.2, 9.2], [105.0, 9.2], [105.0, 9.0]];
const OPEN = [[105.0, 9.0], [105.2, 9.0], [105.2, 9.2], [105.0, 9.2]];

function file(kind: FileKind, rings: number[][][]): string {
  const properties = (k: number) => ({ id: `B${k}`, name: `Vùng ${k}`, ...(kind === 'communes' ? { district_id: 'D1' } : {}) });
  const features = rings.map((ring, k) => ({ type: 'Feature', properties: properties(k), geometry: { type: 'Polygon', coordinates: [ring] } }));
  return JSON.stringify({ type: 'FeatureCollection', features });
}

describe('boundary rings', () => {
  it.each(['province', 'districts', 'communes'] as const)('%s: a self-intersecting ring and an unclosed one are errors at their feature and field', (kind) => {
    const { issues, value } = parseFileDetailed(kind, `${kind}.geojson`, file(kind, [SQUARE, BOW_TIE, OPEN]));
    expect(value).toBeUndefined();
    expect(issues.map((i) => [i.severity, i.code, i.file, i.featureIndex, i.id, i.field])).toEqual([
      ['error', 'ring-self-intersects', `${kind}.geojson`, 1, 'B1', 'geometry.coordinates'],
      ['error', 'ring-not-closed', `${kind}.geojson`, 2, 'B2', 'geometry.coordinates'],
    ]);
    expect(issues[0]?.params).toMatchObject({ part: 'ring', ring: 0, at: [105.1, 9.1], segments: [0, 2] });
    expect(issues[0]?.message).toContain('crosses itself at [105.1, 9.1]');
  });

  it('a MultiPolygon names the polygon and ring that cross', () => {
    const text = JSON.stringify({
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { id: 'D9', name: 'Huyện' }, geometry: { type: 'MultiPolygon', coordinates: [[SQUARE], [SQUARE, BOW_TIE]] } }],
    });
    const [issue] = parseFileDetailed('districts', 'districts.geojson', text).issues;
    expect(issue).toMatchObject({ code: 'ring-self-intersects', featureIndex: 0, params: { part: 'ring', ring: 1, polygon: 1 } });
  });

  it('land cover is a backdrop: its rings are not checked for crossings', () => {
    const text = JSON.stringify({
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { clutter: 'rural' }, geometry: { type: 'Polygon', coordinates: [BOW_TIE] } }],
    });
    expect(parseFileDetailed('landcover', 'landcover.geojson', text).issues.filter((i) => i.code === 'ring-self-intersects')).toEqual([]);
  });

  it('the bundled data has no crossing ring, and a bow-tie commune in it stops the data set', () => {
    const sources = readDataFolder('data');
    expect(parseDataset(sources).issues).toEqual([]);
    const communes = sources.find((f) => f.path === 'boundaries/communes.geojson');
    if (!communes) throw new Error('no communes');
    const json = JSON.parse(communes.text) as { features: { geometry: { type: string; coordinates: unknown } }[] };
    const first = json.features[0];
    if (!first) throw new Error('no commune');
    first.geometry = { type: 'Polygon', coordinates: [BOW_TIE] };
    const broken = sources.map((f) => (f === communes ? { ...f, text: JSON.stringify(json) } : f));
    const result = parseDataset(broken);
    expect(result.dataset).toBeUndefined();
    expect(result.issues.map((i) => [i.code, i.file, i.featureIndex])).toEqual([['ring-self-intersects', 'boundaries/communes.geojson', 0]]);
  });
});
