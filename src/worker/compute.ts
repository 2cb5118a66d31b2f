import { classify } from '../domain/coverage/classify.ts';
import { onAirTowers, pointColumns, type PointColumns, type Scenario } from '../domain/coverage/columns.ts';
import { buildDistrictIndex, locateDistricts } from '../domain/coverage/districts.ts';
import { aggregateByArea, levelTotals, pointWeights } from '../domain/coverage/report.ts';
import type { Dataset } from '../domain/types.ts';
import type { AreaFigures, CoverageResult } from './protocol.ts';

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
    const hamletSums = aggregateByArea(level, this.district, districtCount, this.weight, 0, hamletCount);
    const schoolSums = aggregateByArea(level, this.district, districtCount, this.weight, hamletCount, pointCount);
    const districts: AreaFigures[] = this.dataset.districts.map((_, k) => ({
      hamlets: hamletSums.count[k] as number,
      hamletsGood: hamletSums.good[k] as number,
      population: hamletSums.weight[k] as number,
      populationGood: hamletSums.weightGood[k] as number,
      schools: schoolSums.count[k] as number,
      schoolsGood: schoolSums.good[k] as number,
    }));
    const hamlets = levelTotals(level, this.weight, 0, hamletCount);
    const schools = levelTotals(level, this.weight, hamletCount, pointCount);
    return {
      requestId,
      scenario,
      level,
      nearestTower,
      nearestKm: nearest4gKm,
      district: this.district.slice(),
      districts,
      totals: {
        hamlets: hamlets.total,
        hamletsGood: hamlets.good,
        hamletsWeak: hamlets.weak,
        hamletsNone: hamlets.none,
        population: hamlets.weight,
        populationGood: hamlets.weightGood,
        schools: schools.total,
        schoolsGood: schools.good,
        schoolsWeak: schools.weak,
        schoolsNone: schools.none,
        students: schools.weight,
        studentsGood: schools.weightGood,
      },
      elapsedMs: performance.now() - started,
    };
  }
}
