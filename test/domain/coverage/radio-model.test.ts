import { describe, expect, it } from 'vitest';
import { onAirTowers } from '../../../src/domain/coverage/columns.ts';
import { defaultRadioModel, hataTerms, pathLossDb, pathLossRadiusKm } from '../../../src/domain/coverage/radio-model.ts';
import type { Tower } from '../../../src/domain/types.ts';

// Figures computed by hand (Python, math.log10) from contract rule 8's formulas.
describe('rule 8: Hata / COST-231 radius per clutter class', () => {
  it('COST-231 above 1500 MHz: 4G at 1800 MHz, mast 30 m, receiver 1.5 m, MAPL 125 dB', () => {
    const t = hataTerms(1800, 30, 1.5);
    expect(t.a).toBeCloseTo(0.04297452545929836, 12);
    expect(t.A).toBeCloseTo(136.19694765731703, 11);
    expect(t.B).toBeCloseTo(35.224855781586214, 11);
    expect(t.K[1]).toBeCloseTo(-11.938555900448664, 11);
    expect(t.K[2]).toBeCloseTo(-31.92355459571823, 11);
    expect(t.K[3]).toBe(t.K[2]);
    const limits: [number, number] = [0.1, 35];
    expect(pathLossRadiusKm(t, 125, 0, 0, limits)).toBeCloseTo(0.48098258726787513, 11);
    expect(pathLossRadiusKm(t, 125, 1, 0, limits)).toBeCloseTo(1.0496718474894577, 11);
    expect(pathLossRadiusKm(t, 125, 2, 0, limits)).toBeCloseTo(3.876221335924887, 11);
    expect(pathLossRadiusKm(t, 125, 3, 10, limits)).toBeCloseTo(2.016128097851359, 11);
    // At r(c) the path loss is the MAPL.
    expect(pathLossDb(t, 3.876221335924887, 2, 0)).toBeCloseTo(125, 9);
  });

  it('Okumura-Hata at or below 1500 MHz, and the clamp to radius_limits_km', () => {
    const t = hataTerms(900, 45, 1.5);
    const limits: [number, number] = [0.1, 35];
    expect(pathLossRadiusKm(t, 130, 0, 0, limits)).toBeCloseTo(1.5031060715495175, 11);
    expect(pathLossRadiusKm(t, 130, 1, 0, limits)).toBeCloseTo(2.9431062545464273, 11);
    expect(pathLossRadiusKm(t, 130, 2, 0, limits)).toBeCloseTo(10.319419428486725, 11);
    expect(pathLossRadiusKm(t, 130, 3, 10, limits)).toBeCloseTo(5.249941572768142, 11);
    expect(pathLossRadiusKm(t, 130, 2, 0, [0.1, 8])).toBe(8);
    expect(pathLossRadiusKm(t, 60, 0, 0, [0.1, 8])).toBe(0.1);
    // 1500 MHz itself is Okumura-Hata's: 69.55 + 26.16 log f …
    expect(hataTerms(1500, 30, 1.5).A).toBeCloseTo(69.55 + 26.16 * Math.log10(1500) - 13.82 * Math.log10(30) - hataTerms(1500, 30, 1.5).a, 12);
  });

  const model = { ...defaultRadioModel(), radiusModel: 'path_loss' as const };
  const base: Tower = { id: 'T', lon: 105, lat: 9, operator: 'VNPT', status: 'existing', technology: '3G', synthetic: false };

  it('towers: radius_km for every class, no height keeps rule 2, height uses the band given or the model band', () => {
    const towers: Tower[] = [
      { ...base, id: 'r', radiusKm: 6, heightM: 30 },
      { ...base, id: 'none' },
      { ...base, id: 'h', technology: '4G', heightM: 30 },
      { ...base, id: 'hb', technology: '2G', heightM: 45, bandMhz: 900 },
    ];
    const c = onAirTowers(towers, 'current', { model });
    const radii = Array.from(c.classRadiusKm as Float64Array);
    expect(radii.slice(0, 4)).toEqual([6, 6, 6, 6]);
    expect(radii.slice(4, 8)).toEqual([5, 5, 5, 5]);
    expect(radii[8]).toBeCloseTo(0.48098258726787513, 11);
    expect(radii[10]).toBeCloseTo(3.876221335924887, 11);
    expect(radii[14]).toBeCloseTo(10.319419428486725, 11);
    // The largest class radius bounds the searches.
    expect(c.radiusKm[2]).toBe(Math.max(...radii.slice(8, 12)));
  });

  it('an upgrade uses upgrade_band_mhz, else the model band of the upgrade technology, and its MAPL', () => {
    const upgraded: Tower = { ...base, technology: '2G', bandMhz: 900, heightM: 30, upgradeTechnology: '4G', upgradeDate: '2021-01-01' };
    const modelBand = onAirTowers([upgraded], 'planned', { model }).classRadiusKm as Float64Array;
    expect(modelBand[2]).toBeCloseTo(3.876221335924887, 11); // 1800 MHz, MAPL 125: not 900 MHz
    const ownBand = onAirTowers([{ ...upgraded, upgradeBandMhz: 900 }], 'planned', { model }).classRadiusKm as Float64Array;
    const t = hataTerms(900, 30, 1.5);
    expect(ownBand[2]).toBe(pathLossRadiusKm(t, 125, 2, 0, [0.1, 35]));
    const withRadius = onAirTowers([{ ...upgraded, upgradeRadiusKm: 2.5 }], 'planned', { model }).classRadiusKm as Float64Array;
    expect(Array.from(withRadius)).toEqual([2.5, 2.5, 2.5, 2.5]);
    // Before the upgrade date: the 2G at 900 MHz, MAPL 130.
    const before = onAirTowers([upgraded], '2020-12-31', { model }).classRadiusKm as Float64Array;
    expect(before[2]).toBe(pathLossRadiusKm(t, 130, 2, 0, [0.1, 35]));
  });

  it('fixed (the default) gives no class radii: rules 2-4 alone', () => {
    const c = onAirTowers([{ ...base, heightM: 30 }], 'current', { model: defaultRadioModel() });
    expect(c.classRadiusKm).toBeUndefined();
    expect(c.radiusKm[0]).toBe(5);
  });

  it('--operator keeps only that operator’s towers; a radius factor scales one operator’s radii', () => {
    const towers: Tower[] = [base, { ...base, id: 'V', operator: 'Viettel' }];
    expect(Array.from(onAirTowers(towers, 'current', { operator: 'Viettel' }).towerIndex)).toEqual([1]);
    expect(onAirTowers(towers, 'current', { operator: 'viettel' }).count).toBe(0);
    const scaled = onAirTowers(towers, 'current', { radiusFactor: 0.5, factorOperator: 'Viettel' });
    expect(Array.from(scaled.radiusKm)).toEqual([5, 2.5]);
  });
});
