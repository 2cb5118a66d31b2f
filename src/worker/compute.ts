import { classify } from '../domain/coverage/classify.ts';
import { onAirTowers, pointColumns, type PointColumns, type Scenario } from '../domain/coverage/columns.ts';
import { buildDistrictIndex, locateDistricts } from '../domain/coverage/districts.ts';
import { coverageFigures, pointWeights } from '../domain/coverage/report.ts';
import { buildTimeline, type Timeline } from '../domain/progress/timeline.ts';
import type { Dataset } from '../domain/types.ts';
import type { CoverageResult } from './protocol.ts';

/**
 * One dataset held in the worker: its point columns, weights and the district of every point
 * are built once; each scenario then costs one classification and one pass of sums.
 */
export class CoverageSession {
  private readonly points: PointColumns;
  private readonly weight: Float64Array;
  private readonly district: Int32Array;

  constructor(private readonly dataset: Dataset) {
    this.points = pointColumns(dataset.hamlets, dataset.schools);
    this.weight = pointWeights(dataset);
    this.district = locateDistricts(buildDistrictIndex(dataset.districts), this.points.lon, this.points.lat);
  }

  /** The programme's figures through time (the district of every point is reused). */
  timeline(): Timeline {
    return buildTimeline(this.dataset, { district: this.district });
  }

  coverage(requestId: number, scenario: Scenario): CoverageResult {
    const started = performance.now();
    const hamletCount = this.dataset.hamlets.length;
    const pointCount = this.points.count;
    const districtCount = this.dataset.districts.length;
    const towers = onAirTowers(this.dataset.towers, scenario);
    const { level, nearest4g, nearest4gKm } = classify(this.points, towers);
    const nearestTower = new Int32Array(pointCount);
    for (let i = 0; i < pointCount; i++) {
      const k = nearest4g[i] as number;
      nearestTower[i] = k < 0 ? -1 : (towers.towerIndex[k] as number);
    }
    return {
      requestId,
      scenario,
      level,
      nearestTower,
      nearestKm: nearest4gKm,
      district: this.district.slice(),
      figures: coverageFigures(level, this.weight, hamletCount, this.district, districtCount),
      elapsedMs: performance.now() - started,
    };
  }
}
