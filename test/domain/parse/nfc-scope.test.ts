// The NFC fix is for Vietnamese text in the properties the contract reads: decomposed accents
// there stop a file (names would not match), while another script's own canonical forms (a
// Bengali name) and a property the contract never reads pass untouched.
import { describe, expect, it } from 'vitest';
import { readDataFolder } from '../../../src/cli/folder.ts';
import { stageImport } from '../../../src/domain/import/staging.ts';
import { parseFileDetailed } from '../../../src/domain/parse/index.ts';
import { normalizeVietnamese } from '../../../src/domain/parse/text.ts';

/** "য়" (U+09DF) is a composition exclusion: its NFC form is U+09AF U+09BC, so the name is not NFC. */
const BENGALI = 'গ্রাম \u09DFাম';
const DECOMPOSED = 'Cà Mau'.normalize('NFD');

const hamlets = (...properties: Record<string, unknown>[]) =>
  JSON.stringify({
    type: 'FeatureCollection',
    features: properties.map((p, k) => ({
      type: 'Feature',
      properties: { id: `H${k}`, name: `Ấp ${k}`, population: 10, ...p },
      geometry: { type: 'Point', coordinates: [105.1 + k / 100, 9.1] },
    })),
  });

describe('NFC: Vietnamese text in the properties the contract reads', () => {
  it('a Bengali name that is not NFC passes without a fix offered', () => {
    expect(BENGALI.normalize('NFC')).not.toBe(BENGALI);
    const { value, issues } = parseFileDetailed('hamlets', 'hamlets.geojson', hamlets({ name: BENGALI }));
    expect(issues).toEqual([]);
    expect(value?.[0]?.name).toBe(BENGALI);
  });

  it('decomposed Vietnamese in a property the contract reads is an error with the fix', () => {
    const { issues } = parseFileDetailed('hamlets', 'hamlets.geojson', hamlets({}, { commune: DECOMPOSED }));
    expect(issues.map((i) => [i.code, i.featureIndex, i.field, i.fix])).toEqual([['not-nfc', 1, 'commune', 'normalize-nfc']]);
  });

  it('decomposed Vietnamese in a property the contract does not read never blocks the file', () => {
    const { value, issues } = parseFileDetailed('hamlets', 'hamlets.geojson', hamlets({ ghi_chu: DECOMPOSED }, { name_osm: DECOMPOSED }));
    expect(issues).toEqual([]);
    expect(value).toHaveLength(2);
  });

  it('the first read property is named, after an unread one earlier in the file', () => {
    const { issues } = parseFileDetailed('hamlets', 'hamlets.geojson', hamlets({ ghi_chu: DECOMPOSED }, {}, { name: DECOMPOSED }));
    expect(issues.map((i) => [i.code, i.featureIndex, i.field, i.params?.count])).toEqual([['not-nfc', 2, 'name', 1]]);
  });

  it('the fix composes Vietnamese accents and leaves other scripts as they are', () => {
    expect(normalizeVietnamese(`${DECOMPOSED} / ${BENGALI}`)).toBe(`Cà Mau / ${BENGALI}`);
    const text = hamlets({ name: DECOMPOSED }, { name: BENGALI });
    const fixed = stageImport(readDataFolder('data'), [{ name: 'hamlets.geojson', text, fixes: ['normalize-nfc'] }]);
    expect(fixed.issues).toEqual([]);
    expect(fixed.dataset?.hamlets.map((h) => h.name)).toEqual(['Cà Mau', BENGALI]);
  });
});
