// Calibration as a what-if (issue 16, item 6): `calibrate`'s factor per operator laid over
// the model. The app computes fixed discs (rules 2-3), so a factor multiplies each radius a
// tower has in any scenario, before and after an upgrade: the towers are rewritten with those
// radii, and every pass of the engine (levels, nearest, timeline, why) sees the same towers.
// Operator names are user data ("__proto__" is a fine operator): factors are read only
// through Object.hasOwn.
import { DEFAULT_RADIUS_KM, type Tower } from '../types.ts';
import { cut } from '../messages/codes.ts';
import type { CalibrationReport } from './calibrate.ts';

/** Operator → radius factor; an operator left out keeps its radii. */
export type CalibrationFactors = Readonly<Record<string, number>>;

function factorFor(factors: CalibrationFactors, operator: string): number {
  return Object.hasOwn(factors, operator) ? (factors[operator] as number) : 1;
}

/** The tower with its radii × its operator's factor; the tower itself when the factor is 1. */
export function calibratedTower(tower: Tower, factors: CalibrationFactors): Tower {
  const k = factorFor(factors, tower.operator);
  if (k === 1) return tower;
  const out: Tower = { ...tower, radiusKm: (tower.radiusKm ?? DEFAULT_RADIUS_KM[tower.technology]) * k };
  if (tower.upgradeTechnology !== undefined) out.upgradeRadiusKm = (tower.upgradeRadiusKm ?? DEFAULT_RADIUS_KM[tower.upgradeTechnology]) * k;
  return out;
}

/** The towers calibrated (the same array when no factor applies: nothing to copy). */
export function calibratedTowers(towers: readonly Tower[], factors: CalibrationFactors | undefined): readonly Tower[] {
  if (factors === undefined || Object.keys(factors).length === 0) return towers;
  return towers.map((t) => calibratedTower(t, factors));
}

/** The factors of a report that change something (k ≠ 1), as a fresh record. */
export function factorsOf(report: Pick<CalibrationReport, 'operators'>): CalibrationFactors {
  const out: Record<string, number> = {};
  for (const o of report.operators) {
    if (o.factor !== 1) Object.defineProperty(out, o.operator, { value: o.factor, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/** Whether two factor sets scale every operator alike (absent and empty are alike). */
export function sameFactors(a: CalibrationFactors | undefined, b: CalibrationFactors | undefined): boolean {
  if (a === b) return true;
  const x = a ?? {};
  const y = b ?? {};
  const keys = new Set([...Object.keys(x), ...Object.keys(y)]);
  for (const key of keys) if (factorFor(x, key) !== factorFor(y, key)) return false;
  return true;
}

/** Factors from unknown data (a saved plan): a record of numbers > 0, copied; undefined when it is not one. */
export function readFactors(value: unknown): { ok: true; factors: CalibrationFactors } | { ok: false; at: string; what: 'object' | 'positive' } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, at: 'calibration', what: 'object' };
  const out: Record<string, number> = {};
  for (const key of Object.keys(value)) {
    const v: unknown = (value as Record<string, unknown>)[key];
    if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) return { ok: false, at: `calibration["${cut(key)}"]`, what: 'positive' };
    Object.defineProperty(out, key, { value: v, enumerable: true, writable: true, configurable: true });
  }
  return { ok: true, factors: out };
}
