import { classify } from '../domain/coverage/classify.ts';
import {
  LEVEL_GOOD,
  LEVEL_NONE,
  LEVEL_WEAK,
  onAirTowers,
  pointColumns,
  type PointColumns,
  type Scenario,
} from '../domain/coverage/columns.ts';
import { buildDistrictIndex, locateDistricts } from '../domain/coverage/districts.ts';
import type { Dataset } from '../domain/types.ts';
import type { AreaFigures, CoverageResult, Totals } from './protocol.ts';

function emptyFigures(): AreaFigures {
  return { hamlets: 0, hamletsGood: 0, population: 0, populationGood: 0, schools: 0, schoolsGood: 0 };
}

/**
 * One dataset held in the worker: its point columns and district of every point are built
 * once; each scenario then costs one classification and one pass of sums.
 */
export class CoverageSession {
  private readonly points: PointColumns;
  private readonly district: Int32Array;

  constructor(private readonly dataset: Dataset) {
    this.points = pointColumns(dataset.hamlets, dataset.schools);
    this.district = locateDistricts(buildDistrictIndex(dataset.districts), this.points.lon, this.points.lat);
  }

  coverage(requestId: number, scenario: Scenario): CoverageResult {
    const started = performance.now();
    const { hamlets, schools } = this.dataset;
    const towers = onAirTowers(this.dataset.towers, scenario);
    const { level, nearest4g, nearest4gKm } = classify(this.points, towers);
    const nearestTower = new Int32Array(nearest4g.length);
    for (let i = 0; i < nearest4g.length; i++) {
      const k = nearest4g[i] as number;
      nearestTower[i] = k < 0 ? -1 : (towers.towerIndex[k] as number);
    }
    const districts = this.dataset.districts.map(emptyFigures);
    const totals: Totals = {
      ...emptyFigures(),
      hamletsWeak: 0,
      hamletsNone: 0,
      schoolsWeak: 0,
      schoolsNone: 0,
      students: 0,
      studentsGood: 0,
    };
    for (let i = 0; i < hamlets.length; i++) {
      const population = (hamlets[i] as (typeof hamlets)[number]).population;
      const good = level[i] === LEVEL_GOOD;
      const area = districts[this.district[i] as number];
      for (const figures of area ? [totals, area] : [totals]) {
        figures.hamlets++;
        figures.population += population;
        if (good) {
          figures.hamletsGood++;
          figures.populationGood += population;
        }
      }
      if (level[i] === LEVEL_WEAK) totals.hamletsWeak++;
      if (level[i] === LEVEL_NONE) totals.hamletsNone++;
    }
    for (let j = 0; j < schools.length; j++) {
      const i = hamlets.length + j;
      const students = (schools[j] as (typeof schools)[number]).students;
      const good = level[i] === LEVEL_GOOD;
      const area = districts[this.district[i] as number];
      for (const figures of area ? [totals, area] : [totals]) {
        figures.schools++;
        if (good) figures.schoolsGood++;
      }
      totals.students += students;
      if (good) totals.studentsGood += students;
      if (level[i] === LEVEL_WEAK) totals.schoolsWeak++;
      if (level[i] === LEVEL_NONE) totals.schoolsNone++;
    }
    return {
      requestId,
      scenario,
      level,
      nearestTower,
      nearestKm: nearest4gKm,
      district: this.district.slice(),
      districts,
      totals,
      elapsedMs: performance.now() - started,
    };
  }
}
