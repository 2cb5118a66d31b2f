// The dictionaries are spread into one per language: a key in two of them would silently
// take one text for two places (it happened: the plan's and the data importer's messages).
import { describe, expect, it } from 'vitest';
import { dashboardEn, dashboardVi } from '../../src/ui/dashboard/texts.ts';
import { gapsEn, gapsVi } from '../../src/ui/gaps/texts.ts';
import { importEn, importVi } from '../../src/ui/import/texts.ts';
import { mapEn, mapVi } from '../../src/ui/map/texts.ts';
import { planEn, planVi } from '../../src/ui/plan/texts.ts';

describe('i18n dictionaries', () => {
  it('define every key once', () => {
    for (const dicts of [
      [dashboardVi, gapsVi, importVi, mapVi, planVi],
      [dashboardEn, gapsEn, importEn, mapEn, planEn],
    ]) {
      const keys = dicts.flatMap((d) => Object.keys(d));
      expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
    }
  });
});
