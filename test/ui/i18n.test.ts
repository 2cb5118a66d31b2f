// The dictionaries are spread into one per language: a key in two of them would silently
// take one text for two places (it happened: the plan's and the data importer's messages).
import { describe, expect, it } from 'vitest';
import { dashboardEn, dashboardVi } from '../../src/ui/i18n-dashboard.ts';
import { planEn, planVi } from '../../src/ui/i18n-plan.ts';
import { shareEn, shareVi } from '../../src/ui/i18n-share.ts';

describe('i18n dictionaries', () => {
  it('define every key once', () => {
    for (const dicts of [[dashboardVi, planVi, shareVi], [dashboardEn, planEn, shareEn]]) {
      const keys = dicts.flatMap((d) => Object.keys(d));
      expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
    }
  });
});
