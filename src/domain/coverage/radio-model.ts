// The radius model of contract rule 8: Okumura-Hata below 1500 MHz, COST-231 Hata above
// (Cm = 0), per clutter class, clamped to model.json's radius limits.
//
// The formulas are the contract's interface (an independent implementation is compared with
// ours point by point), so they are written out term by term in the contract's order, with
// Math.log10, and nothing folded or cached that could change a rounding.
import { CLUTTER_CLASSES, type ClutterClass, type RadioModel, type Technology } from '../types.ts';

/** model.json's defaults (contract, "Version 2"): every key a file leaves out takes these. */
export const DEFAULT_RADIO_MODEL: Readonly<RadioModel> = Object.freeze({
  radiusModel: 'fixed',
  receiverHeightM: 1.5,
  bandMhz: { '2G': 900, '3G': 2100, '4G': 1800, '5G': 3500 },
  maxPathLossDb: { '2G': 130, '3G': 130, '4G': 125, '5G': 120 },
  clutterLossDb: { urban: 0, suburban: 0, rural: 0, forest: 10 },
  radiusLimitsKm: [0.1, 35],
  evidence: { radiusM: 500, minTests: 3, goodMbps: 10, windowDays: 365 },
} satisfies RadioModel);

/** A fresh copy of the defaults, safe to change. */
export function defaultRadioModel(): RadioModel {
  const d = DEFAULT_RADIO_MODEL;
  return {
    radiusModel: d.radiusModel,
    receiverHeightM: d.receiverHeightM,
    bandMhz: { ...d.bandMhz },
    maxPathLossDb: { ...d.maxPathLossDb },
    clutterLossDb: { ...d.clutterLossDb },
    radiusLimitsKm: [d.radiusLimitsKm[0], d.radiusLimitsKm[1]],
    evidence: { ...d.evidence },
  };
}

/** Number of clutter classes: the stride of per-class radius columns. */
export const CLASS_COUNT = CLUTTER_CLASSES.length;
/** Class codes, index into CLUTTER_CLASSES. */
export const CLASS_URBAN = 0;
export const CLASS_SUBURBAN = 1;
export const CLASS_RURAL = 2;
export const CLASS_FOREST = 3;

export function clutterCode(clutter: ClutterClass): number {
  return CLUTTER_CLASSES.indexOf(clutter);
}

/** The Hata terms of one tower: the path loss is A + B·log10(d km) + K(c) + clutter loss(c). */
export interface HataTerms {
  a: number;
  A: number;
  B: number;
  /** K(c) by class code. */
  K: [number, number, number, number];
}

/** Contract rule 8's a, A, B and K for a band f (MHz), a tower height hB (m) and a receiver height hM (m). */
export function hataTerms(bandMhz: number, towerHeightM: number, receiverHeightM: number): HataTerms {
  const logF = Math.log10(bandMhz);
  const logHB = Math.log10(towerHeightM);
  const hM = receiverHeightM;
  const a = (1.1 * logF - 0.7) * hM - (1.56 * logF - 0.8);
  const A = bandMhz <= 1500 ? 69.55 + 26.16 * logF - 13.82 * logHB - a : 46.3 + 33.9 * logF - 13.82 * logHB - a;
  const B = 44.9 - 6.55 * logHB;
  const kSuburban = -2 * Math.log10(bandMhz / 28) ** 2 - 5.4;
  const kRural = -4.78 * logF ** 2 + 18.33 * logF - 40.94;
  return { a, A, B, K: [0, kSuburban, kRural, kRural] };
}

/** Path loss in dB at d km for class code c (rule 8's L(d)). */
export function pathLossDb(terms: HataTerms, distanceKm: number, classCode: number, clutterLossDb: number): number {
  return terms.A + terms.B * Math.log10(distanceKm) + (terms.K[classCode] as number) + clutterLossDb;
}

/**
 * Rule 8's r(c) in km: 10^((MAPL − A − K(c) − clutter_loss_db(c)) / B), clamped to
 * [limits[0], limits[1]].
 */
export function pathLossRadiusKm(
  terms: HataTerms,
  maxPathLossDb: number,
  classCode: number,
  clutterLossDb: number,
  limitsKm: readonly [number, number],
): number {
  const r = 10 ** ((maxPathLossDb - terms.A - (terms.K[classCode] as number) - clutterLossDb) / terms.B);
  return Math.min(limitsKm[1], Math.max(limitsKm[0], r));
}

/**
 * Writes the four class radii (km, class-code order) of a tower on air with `technology`,
 * at `out[at .. at + 3]`: `radiusKm` for every class when given; else, under path loss with a
 * height, rule 8's r(c) with the band given or the model's band for the technology; else
 * `defaultKm` (rule 2).
 */
export function writeClassRadii(
  out: Float64Array,
  at: number,
  model: RadioModel,
  technology: Technology,
  radiusKm: number | undefined,
  heightM: number | undefined,
  bandMhz: number | undefined,
  defaultKm: number,
): void {
  if (radiusKm !== undefined || heightM === undefined || model.radiusModel !== 'path_loss') {
    out.fill(radiusKm ?? defaultKm, at, at + CLASS_COUNT);
    return;
  }
  const terms = hataTerms(bandMhz ?? model.bandMhz[technology], heightM, model.receiverHeightM);
  const mapl = model.maxPathLossDb[technology];
  for (let c = 0; c < CLASS_COUNT; c++) {
    const loss = model.clutterLossDb[CLUTTER_CLASSES[c] as ClutterClass];
    out[at + c] = pathLossRadiusKm(terms, mapl, c, loss, model.radiusLimitsKm);
  }
}
