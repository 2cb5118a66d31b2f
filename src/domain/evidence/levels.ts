// The levels `calibrate` compares with the tests: each point's level with only one operator's
// towers on air in the scenario, every radius (rule 2, or rule 8's class radius after the clamp
// under path_loss) × a factor. Only the points asked for are classified: calibrate needs the
// few with tests, 21 times an operator.
import { classify } from '../coverage/classify.ts';
import { onAirTowers, type PointColumns, type Scenario } from '../coverage/columns.ts';
import { effectiveModel } from '../coverage/report.ts';
import { coveragePoints } from '../coverage/scenario-levels.ts';
import type { Dataset } from '../types.ts';
import type { LevelsFor } from './calibrate.ts';

export function scenarioLevelsFor(dataset: Pick<Dataset, 'hamlets' | 'schools' | 'towers' | 'landcover' | 'model'>, scenario: Scenario): LevelsFor {
  const model = effectiveModel(dataset);
  const points = coveragePoints(dataset);
  // The last subset asked for (calibrate asks the same points 21 times an operator).
  let subset: { only: Int32Array; points: PointColumns } | undefined;
  const pointsOf = (only: Int32Array): PointColumns => {
    if (subset?.only !== only) {
      const clutter = points.clutter;
      subset = {
        only,
        points: {
          count: only.length,
          lon: Float64Array.from(only, (i) => points.lon[i]!),
          lat: Float64Array.from(only, (i) => points.lat[i]!),
          fixedBroadband: Uint8Array.from(only, (i) => points.fixedBroadband[i]!),
          ...(clutter ? { clutter: Uint8Array.from(only, (i) => clutter[i]!) } : {}),
        },
      };
    }
    return subset.points;
  };
  return (operator, factor, only) => {
    const towers = onAirTowers(dataset.towers, scenario, { model, operator, radiusFactor: factor });
    if (only === undefined) return classify(points, towers).level;
    const level = classify(pointsOf(only), towers).level;
    const out = new Uint8Array(points.count);
    only.forEach((i, k) => (out[i] = level[k]!));
    return out;
  };
}
