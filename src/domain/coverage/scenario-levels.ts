// Levels of a data set's points beyond the one-network report: every network at once (the
// network selector and its side-by-side table) and one operator with its radii scaled (the
// calibration of `npm run calibrate`, contract "Command line, continued").
import type { Dataset, RadioModel, RadiusModelName, Tower } from '../types.ts';
import { classify } from './classify.ts';
import { buildLandcoverIndex, pointClutter } from './clutter.ts';
import { onAirTowers, pointColumns, type PointColumns, type Scenario } from './columns.ts';
import type { DistrictIndex } from './districts.ts';
import { classifyNetworks } from './networks.ts';
import { effectiveModel } from './report.ts';

/** Compares strings by Unicode code point (not UTF-16 unit, as `<` does past U+FFFF). */
export function compareCodePoints(a: string, b: string): number {
  const x = Array.from(a, (c) => c.codePointAt(0) as number);
  const y = Array.from(b, (c) => c.codePointAt(0) as number);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return (x[i] as number) - (y[i] as number);
  return x.length - y.length;
}

/** Every operator that towers.geojson names, once each, sorted by code point. */
export function operatorNames(towers: readonly Tower[]): string[] {
  return [...new Set(towers.map((t) => t.operator))].sort(compareCodePoints);
}

/** The points (hamlets, then schools) with each one's clutter class (rule 8). */
export function coveragePoints(dataset: Pick<Dataset, 'hamlets' | 'schools' | 'landcover'>, landcoverIndex?: DistrictIndex): PointColumns {
  const points = pointColumns(dataset.hamlets, dataset.schools);
  const landcover = dataset.landcover;
  const index = landcover && landcover.length > 0 ? (landcoverIndex ?? buildLandcoverIndex(landcover)) : undefined;
  points.clutter = pointClutter(dataset, points.lon, points.lat, index);
  return points;
}

export interface NetworkLevels {
  /** Network 0 is every operator together; network j + 1 is `operators[j]` alone (rule 9). */
  operators: string[];
  /** Points per network (hamlets, then schools). */
  count: number;
  /** Level (LEVEL_NONE / WEAK / GOOD) of point i in network w at `w · count + i`. */
  level: Uint8Array;
}

/**
 * The levels of every network at once in one scenario: all operators together and each
 * operator alone, under the data set's model (or `radiusModel`). Network j + 1's levels are
 * exactly those of `coverage --operator operators[j]`.
 */
export function networkLevels(
  dataset: Dataset,
  scenario: Scenario,
  options: { radiusModel?: RadiusModelName; points?: PointColumns } = {},
): NetworkLevels {
  const operators = operatorNames(dataset.towers);
  const points = options.points ?? coveragePoints(dataset);
  const towers = onAirTowers(dataset.towers, scenario, { model: effectiveModel(dataset, options.radiusModel) });
  const code = new Map(operators.map((name, j) => [name, j]));
  const operatorOf = Int32Array.from(towers.towerIndex, (t) => code.get((dataset.towers[t] as Tower).operator) as number);
  return { operators, count: points.count, level: classifyNetworks(points, towers, operatorOf, operators.length) };
}

/**
 * For `npm run calibrate`: every point's level (LEVEL_NONE / WEAK / GOOD, hamlets then schools)
 * with only `operator`'s towers on air in `scenario` (rule 9), each of their radii (rule 2,
 * or rule 8's class radii after the clamp when `model.radiusModel` is path_loss) multiplied by
 * `radiusFactor`. Pass `points` (from `coveragePoints`) to reuse the clutter classes across
 * factors.
 */
export function calibrationLevels(
  dataset: Dataset,
  scenario: Scenario,
  operator: string,
  radiusFactor: number,
  model: RadioModel,
  points: PointColumns = coveragePoints(dataset),
): Uint8Array {
  const towers = onAirTowers(dataset.towers, scenario, { model, operator, radiusFactor });
  return classify(points, towers).level;
}

/**
 * Every point's level (hamlets, then schools) in one scenario under the data set's model or
 * `options.radiusModel`, with only `options.operator`'s towers when given (rules 1-9): the
 * levels of `coverageReport`, without the districts and the per-point records.
 */
export function scenarioLevels(dataset: Dataset, scenario: Scenario, options: { radiusModel?: RadiusModelName; operator?: string } = {}): Uint8Array {
  const model = effectiveModel(dataset, options.radiusModel);
  const towers = onAirTowers(dataset.towers, scenario, options.operator === undefined ? { model } : { model, operator: options.operator });
  return classify(coveragePoints(dataset), towers).level;
}
