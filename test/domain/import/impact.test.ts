// What an import would do, said before it is taken: emptied layers, layers mostly removed,
// towers with none inside the province, and the share of hamlets with good signal.
import { describe, expect, it } from 'vitest';
import { readDataFolder } from '../../../src/cli/folder.ts';
import { importImpact } from '../../../src/domain/import/impact.ts';
import { parseDataset } from '../../../src/domain/parse/index.ts';
import type { Dataset, Tower } from '../../../src/domain/types.ts';

const bundled = parseDataset(readDataFolder('data')).dataset as Dataset;

describe('importImpact', () => {
  it('finds nothing to ask about when the same data is imported again', () => {
    const impact = importImpact(bundled, bundled);
    expect(impact.risks).toEqual([]);
    expect(impact.layers.find((l) => l.layer === 'hamlets')).toEqual({
      layer: 'hamlets',
      before: bundled.hamlets.length,
      after: bundled.hamlets.length,
      insideAfter: bundled.hamlets.length,
    });
    expect(impact.hamletsGoodPct.before).toBe(impact.hamletsGoodPct.after);
  });

  it('asks before a header-only hamlets file empties the layer', () => {
    const impact = importImpact(bundled, { ...bundled, hamlets: [] }, ['hamlets']);
    expect(impact.risks).toEqual([{ code: 'import-empties-layer', layer: 'hamlets', before: bundled.hamlets.length }]);
    expect(impact.hamletsGoodPct.after).toBeNull();
  });

  it('asks before towers with none in the province replace them all, and shows good coverage falling to 0', () => {
    const abroad: Tower[] = bundled.towers.map((t) => ({ ...t, lon: t.lon - 60, lat: t.lat + 40 }));
    const impact = importImpact(bundled, { ...bundled, towers: abroad }, ['towers']);
    expect(impact.risks).toEqual([{ code: 'import-none-inside', layer: 'towers', after: abroad.length }]);
    expect(impact.hamletsGoodPct.before).toBeGreaterThan(90);
    expect(impact.hamletsGoodPct.after).toBe(0);
    expect(impact.layers.find((l) => l.layer === 'towers')?.insideAfter).toBe(0);
  });

  it('asks when most of a layer would go, not when a few rows go', () => {
    const few = bundled.schools.slice(0, 10);
    expect(importImpact(bundled, { ...bundled, schools: few }, ['schools']).risks).toEqual([
      { code: 'import-removes-most', layer: 'schools', before: bundled.schools.length, after: 10 },
    ]);
    const most = bundled.schools.slice(0, Math.ceil(bundled.schools.length * 0.6));
    expect(importImpact(bundled, { ...bundled, schools: most }, ['schools']).risks).toEqual([]);
  });

  it('counts points inside the province against a plain check', () => {
    const half = bundled.hamlets.map((h, i) => (i % 2 === 0 ? h : { ...h, lon: h.lon + 5 }));
    const impact = importImpact(bundled, { ...bundled, hamlets: half }, ['hamlets']);
    expect(impact.layers.find((l) => l.layer === 'hamlets')?.insideAfter).toBe(Math.ceil(bundled.hamlets.length / 2));
  });
});
