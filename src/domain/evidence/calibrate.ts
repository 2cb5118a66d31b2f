// `calibrate` (contract, "Version 2"): one radius factor per operator, fitted to the speed
// tests. For each operator, among the points with at least `min_tests` of its tests (in the
// scenario's window), the factor k ∈ {0.50, 0.55, …, 1.50} applied to all its radii that
// makes the most points agree, where a point agrees when (its level with only that
// operator's towers is `good`) ⇔ (its verdict from that operator's tests is
// `measured_good`). Ties go to the k nearest 1, then the smaller.
import { LEVEL_GOOD, type Scenario } from '../coverage/columns.ts';
import type { PointCoordinates } from '../coverage/point-grid.ts';
import type { EvidenceParams } from './params.ts';
import { scenarioDay, selectTests, type TestColumns } from './tests.ts';
import { measurePoints, MEASURED_GOOD, UNVERIFIED } from './verdict.ts';

/** The factors tried, in hundredths: 50, 55, …, 150 (integers, so no float drift in the list). */
export const FACTOR_HUNDREDTHS: readonly number[] = Array.from({ length: 21 }, (_, i) => 50 + 5 * i);

/**
 * Each point's level (LEVEL_* codes) with only `operator`'s towers, every radius × `factor`,
 * index-aligned with all the points. `only`, when given, lists the points whose level is
 * read (ascending): a levels function may leave the others unset, and need not look at it.
 */
export type LevelsFor = (operator: string, factor: number, only?: Int32Array) => Uint8Array;

export interface OperatorCalibration {
  operator: string;
  /** Points with at least `min_tests` of the operator's tests. */
  points: number;
  /** Of those, points that agree at factor 1. */
  agree_at_1: number;
  factor: number;
  /** Points that agree at `factor`. */
  agree: number;
}

export interface CalibrationReport {
  scenario: Scenario;
  operators: OperatorCalibration[];
}

export interface CalibrationInput {
  scenario: Scenario;
  /** The operators to fit (towers.geojson's), any order: the report sorts them by code point. */
  operators: readonly string[];
  points: PointCoordinates;
  tests: TestColumns;
  params: EvidenceParams;
}

/** Orders strings by Unicode code point (not UTF-16 unit, not locale). */
export function compareCodePoints(a: string, b: string): number {
  const x = Array.from(a, (c) => c.codePointAt(0) as number);
  const y = Array.from(b, (c) => c.codePointAt(0) as number);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return (x[i] as number) - (y[i] as number);
  return x.length - y.length;
}

/** Count of points among `judged` whose level agrees with their verdict. */
function agreeing(levels: Uint8Array, judged: Int32Array, good: Uint8Array): number {
  let agree = 0;
  for (let k = 0; k < judged.length; k++) {
    if ((levels[judged[k] as number] === LEVEL_GOOD) === (good[k] === 1)) agree++;
  }
  return agree;
}

/** The report `npm run calibrate` writes. Pure: `levelsFor` does the coverage. */
export function calibrate(input: CalibrationInput, levelsFor: LevelsFor): CalibrationReport {
  const { tests, params, points } = input;
  const endDay = scenarioDay(tests, input.scenario);
  const operators = [...new Set(input.operators)].sort(compareCodePoints);
  return {
    scenario: input.scenario,
    operators: operators.map((operator): OperatorCalibration => {
      const selected = selectTests(tests, { endDay, windowDays: params.windowDays, operator });
      const measured = measurePoints(points, tests, selected, params);
      const judgedList: number[] = [];
      for (let i = 0; i < points.count; i++) if (measured.verdict[i] !== UNVERIFIED) judgedList.push(i);
      const judged = Int32Array.from(judgedList);
      const good = Uint8Array.from(judgedList, (i) => (measured.verdict[i] === MEASURED_GOOD ? 1 : 0));
      if (judged.length === 0) return { operator, points: 0, agree_at_1: 0, factor: 1, agree: 0 };
      let best = 100;
      let bestAgree = -1;
      let agreeAt1 = 0;
      for (const hundredths of FACTOR_HUNDREDTHS) {
        const agree = agreeing(levelsFor(operator, hundredths / 100, judged), judged, good);
        if (hundredths === 100) agreeAt1 = agree;
        // Ascending k: a strictly better count wins; an equal one only when strictly nearer 1.
        if (agree > bestAgree || (agree === bestAgree && Math.abs(hundredths - 100) < Math.abs(best - 100))) {
          best = hundredths;
          bestAgree = agree;
        }
      }
      return { operator, points: judged.length, agree_at_1: agreeAt1, factor: best / 100, agree: bestAgree };
    }),
  };
}
