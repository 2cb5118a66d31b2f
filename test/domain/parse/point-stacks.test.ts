// Many points at exactly one position (geocoding puts a commune's hamlets on its centre) are
// said: a warning with the count and the position, at the first such point. Not an error:
// the data is readable, only its places are doubtful.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { stageImport } from '../../../src/domain/import/staging.ts';
import { readDataFolder } from '../../../src/cli/folder.ts';
import { IssueList } from '../../../src/domain/parse/issues.ts';
import { parseFileDetailed } from '../../../src/domain/parse/index.ts';
import { PointStacks, STACK_WARN_AT } from '../../../src/domain/parse/stacks.ts';

const hamlet = (k: number, lon: number, lat: number) => ({
  type: 'Feature',
  properties: { id: `H${k}`, name: `Ấp ${k}`, population: 100 },
  geometry: { type: 'Point', coordinates: [lon, lat] },
});
const collection = (features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });

describe('many points at one position', () => {
  it(`warns at ${STACK_WARN_AT} or more, with the count, the position and the first point; fewer pass`, () => {
    const features = [
      hamlet(0, 105.1, 9.1),
      ...Array.from({ length: 12 }, (_, k) => hamlet(k + 1, 105.2, 9.2)),
      ...Array.from({ length: STACK_WARN_AT - 1 }, (_, k) => hamlet(k + 20, 105.3, 9.3)),
      ...Array.from({ length: 15 }, (_, k) => hamlet(k + 40, 105 + k / 100, 9.25)),
      ...Array.from({ length: 20 }, (_, k) => hamlet(k + 60, 105.4, 9.4)),
    ];
    const { value, issues } = parseFileDetailed('hamlets', 'hamlets.geojson', collection(features));
    expect(value).toHaveLength(features.length);
    expect(issues.map((i) => [i.severity, i.code, i.featureIndex, i.field, i.params])).toEqual([
      ['warning', 'points-stacked', 37, 'geometry.coordinates', { count: 20, lon: 105.4, lat: 9.4, kind: 'hamlets' }],
      ['warning', 'points-stacked', 1, 'geometry.coordinates', { count: 12, lon: 105.2, lat: 9.2, kind: 'hamlets' }],
    ]);
    expect(issues[1]?.message).toContain('12 hamlets lie at exactly [105.2, 9.2]');
  });

  it('agrees with a plain count of every position', () => {
    let seed = 5;
    const random = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
    const stacks = new PointStacks();
    const plain = new Map<string, { count: number; first: number }>();
    for (let i = 0; i < 5000; i++) {
      const lon = 105 + Math.floor(random() * 30) / 1000;
      const lat = 9 + Math.floor(random() * 30) / 1000;
      stacks.add(lon, lat, i);
      const seen = plain.get(`${lon},${lat}`);
      if (seen) seen.count++;
      else plain.set(`${lon},${lat}`, { count: 1, first: i });
    }
    const list = new IssueList('x.geojson', 10_000);
    stacks.report(list, 'hamlets');
    const got = list.finish().map((i) => [i.featureIndex, i.params?.count]);
    const want = [...plain.values()].filter((g) => g.count >= STACK_WARN_AT).sort((a, b) => b.count - a.count || a.first - b.first);
    expect(want.length).toBeGreaterThan(5);
    expect(got).toEqual(want.map((g) => [g.first, g.count]));
  });

  it('counts a million points quickly: all at one place, or all apart', () => {
    for (const together of [true, false]) {
      const stacks = new PointStacks();
      const started = performance.now();
      for (let i = 0; i < 1_000_000; i++) stacks.add(together ? 105.5 : 105 + i * 1e-6, 9.5, i);
      const list = new IssueList('x.geojson');
      stacks.report(list, 'schools');
      expect(performance.now() - started).toBeLessThan(4000);
      expect(list.finish().map((i) => i.params?.count)).toEqual(together ? [1_000_000] : []);
    }
  });

  it('a CSV import names the first line of the stack', () => {
    const lines = ['id,name,population,lon,lat', ...Array.from({ length: 11 }, (_, k) => `H${k},Ấp ${k},100,105.15,9.15`)];
    const staged = stageImport(readDataFolder('data'), [{ name: 'geocoded_hamlets.csv', text: lines.join('\n') }]);
    const stacked = staged.issues.filter((i) => i.code === 'points-stacked');
    expect(stacked.map((i) => [i.severity, i.file, i.line, i.params?.count])).toEqual([['warning', 'geocoded_hamlets.csv', 2, 11]]);
    expect(staged.dataset?.hamlets).toHaveLength(11);
  });

  it('the bundled data has no such stack', () => {
    for (const kind of ['hamlets', 'schools', 'towers'] as const) {
      const { issues } = parseFileDetailed(kind, `${kind}.geojson`, readFileSync(`data/${kind}.geojson`, 'utf8'));
      expect(issues).toEqual([]);
    }
  });
});
