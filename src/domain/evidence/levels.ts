// The levels `calibrate` compares with the tests, under the fixed-radius model (contract
// rule 2): each point's level with only one operator's towers on air in the scenario, every
// radius × a factor. The one place to swap for another radius model. Only the points asked
// for are classified: calibrate needs the few with tests, 21 times an operator.
import { classify } from '../coverage/classify.ts';
import { onAirTowers, pointColumns, type PointColumns, type Scenario, type TowerColumns } from '../coverage/columns.ts';
import type { Dataset } from '../types.ts';
import type { LevelsFor } from './calibrate.ts';

export function fixedRadiusLevels(dataset: Pick<Dataset, 'hamlets' | 'schools' | 'towers'>, scenario: Scenario): LevelsFor {
  const points = pointColumns(dataset.hamlets, dataset.schools);
  // The last subset asked for (calibrate asks the same points 21 times an operator).
  let subset: { only: Int32Array; points: PointColumns } | undefined;
  const pointsOf = (only: Int32Array): PointColumns => {
    if (subset?.only !== only) {
      subset = {
        only,
        points: {
          count: only.length,
          lon: Float64Array.from(only, (i) => points.lon[i]!),
          lat: Float64Array.from(only, (i) => points.lat[i]!),
          fixedBroadband: Uint8Array.from(only, (i) => points.fixedBroadband[i]!),
        },
      };
    }
    return subset.points;
  };
  const onAir = onAirTowers(dataset.towers, scenario);
  const byOperator = new Map<string, number[]>();
  for (let k = 0; k < onAir.count; k++) {
    const operator = dataset.towers[onAir.towerIndex[k] as number]?.operator ?? '';
    const list = byOperator.get(operator) ?? [];
    list.push(k);
    byOperator.set(operator, list);
  }
  return (operator, factor, only) => {
    const keep = byOperator.get(operator) ?? [];
    const towers: TowerColumns = {
      count: keep.length,
      lon: Float64Array.from(keep, (k) => onAir.lon[k] as number),
      lat: Float64Array.from(keep, (k) => onAir.lat[k] as number),
      radiusKm: Float64Array.from(keep, (k) => (onAir.radiusKm[k] as number) * factor),
      broadband: Uint8Array.from(keep, (k) => onAir.broadband[k] as number),
      towerIndex: Int32Array.from(keep, (k) => onAir.towerIndex[k] as number),
    };
    if (only === undefined) return classify(points, towers).level;
    const level = classify(pointsOf(only), towers).level;
    const out = new Uint8Array(points.count);
    only.forEach((i, k) => (out[i] = level[k]!));
    return out;
  };
}
