// The `coverage` command's JSON (shared/data-contract.md, "Command line"), and the columnar
// sums behind it that the app's worker reuses without building the per-point objects.
//
// Pipeline: pointColumns → onAirTowers → classify → locateDistricts → typed-array sums.
import { CLUTTER_CLASSES, type Boundary, type ClutterClass, type Dataset, type RadioModel, type RadiusModelName } from '../types.ts';
import { classify } from './classify.ts';
import { buildLandcoverIndex, pointClutter } from './clutter.ts';
import { CLASS_RURAL, DEFAULT_RADIO_MODEL } from './radio-model.ts';
import {
  LEVEL_GOOD,
  LEVEL_NAMES,
  LEVEL_NONE,
  LEVEL_WEAK,
  onAirTowers,
  pointColumns,
  type Classification,
  type PointColumns,
  type Scenario,
  type TowerColumns,
} from './columns.ts';
import { districtIndexOf, locateDistricts, type DistrictIndex } from './districts.ts';

export interface HamletTotals {
  total: number;
  good: number;
  weak: number;
  none: number;
  population: number;
  population_good: number;
}

export interface SchoolTotals {
  total: number;
  good: number;
  weak: number;
  none: number;
  students: number;
  students_good: number;
}

export interface DistrictFigures {
  id: string;
  name: string;
  hamlets: number;
  hamlets_good: number;
  population: number;
  population_good: number;
  schools: number;
  schools_good: number;
}

/** Extension: a commune's figures, with the district that holds it (its `district_id`). */
export interface CommuneFigures {
  id: string;
  name: string;
  district_id: string | null;
  hamlets: number;
  hamlets_good: number;
  population: number;
  population_good: number;
  schools: number;
  schools_good: number;
}

export interface PointRecord {
  kind: 'hamlet' | 'school';
  id: string;
  level: 'good' | 'weak' | 'none';
  district_id: string | null;
  nearest_4g_id: string | null;
  /** Haversine km rounded to 4 decimals (0.1 m); null when no 4G/5G tower is on air. */
  nearest_4g_km: number | null;
  /** Extension: the commune that holds the point; null when none does or there is no communes file. */
  commune_id: string | null;
  /** Contract rule 8: the point's clutter class (its own, else the landcover's, else rural). */
  clutter: ClutterClass;
}

/** The object `npm run coverage` writes. `communes` only when the data has a communes file. */
export interface CoverageReport {
  scenario: Scenario;
  /** Contract "Version 2": the radius model used and the one operator counted (null: all). */
  radius_model: RadiusModelName;
  operator: string | null;
  hamlets: HamletTotals;
  schools: SchoolTotals;
  districts: DistrictFigures[];
  communes?: CommuneFigures[];
  points: PointRecord[];
}

// ---------------------------------------------------------------------------------------
// Columnar pieces

/** Sums over the points of each area (district or commune), index-aligned with its file. */
export interface AreaSums {
  /** Points in the area. */
  count: Float64Array;
  /** Of which `good`. */
  good: Float64Array;
  /** Sum of the points' weights (hamlet population, school students). */
  weight: Float64Array;
  /** Sum of the weights of the `good` points. */
  weightGood: Float64Array;
}

/**
 * Per-area sums over the points `start .. end - 1`. `area[i]` is the area of point i (-1:
 * none, counted nowhere); `level` and `weight` are index-aligned with it.
 */
export function aggregateByArea(
  level: Uint8Array,
  area: Int32Array,
  areaCount: number,
  weight: ArrayLike<number>,
  start = 0,
  end = level.length,
): AreaSums {
  const sums: AreaSums = {
    count: new Float64Array(areaCount),
    good: new Float64Array(areaCount),
    weight: new Float64Array(areaCount),
    weightGood: new Float64Array(areaCount),
  };
  const { count, good, weight: weightSum, weightGood } = sums;
  for (let i = start; i < end; i++) {
    const k = area[i] as number;
    if (k < 0 || k >= areaCount) continue;
    const w = weight[i] as number;
    count[k] = (count[k] as number) + 1;
    weightSum[k] = (weightSum[k] as number) + w;
    if (level[i] === LEVEL_GOOD) {
      good[k] = (good[k] as number) + 1;
      weightGood[k] = (weightGood[k] as number) + w;
    }
  }
  return sums;
}

/** Totals by level over the points `start .. end - 1`, whatever their area. */
export interface LevelTotals {
  total: number;
  good: number;
  weak: number;
  none: number;
  weight: number;
  weightGood: number;
}

export function levelTotals(level: Uint8Array, weight: ArrayLike<number>, start = 0, end = level.length): LevelTotals {
  const totals: LevelTotals = { total: 0, good: 0, weak: 0, none: 0, weight: 0, weightGood: 0 };
  for (let i = start; i < end; i++) {
    const w = weight[i] as number;
    totals.total++;
    totals.weight += w;
    const l = level[i];
    if (l === LEVEL_GOOD) {
      totals.good++;
      totals.weightGood += w;
    } else if (l === LEVEL_WEAK) totals.weak++;
    else if (l === LEVEL_NONE) totals.none++;
  }
  return totals;
}

/** Each point's weight, index-aligned with `pointColumns`: hamlet population, then school students. */
export function pointWeights(dataset: Pick<Dataset, 'hamlets' | 'schools'>): Float64Array {
  const { hamlets, schools } = dataset;
  const weight = new Float64Array(hamlets.length + schools.length);
  hamlets.forEach((h, i) => (weight[i] = h.population));
  schools.forEach((s, j) => (weight[hamlets.length + j] = s.students));
  return weight;
}

/** Indexes to reuse across scenarios (the boundaries do not change with the towers). */
export interface CoverageIndexes {
  districts?: DistrictIndex;
  communes?: DistrictIndex;
  landcover?: DistrictIndex;
}

/** Contract rules 8-9: the command line's `--radius-model` and `--operator`. */
export interface CoverageOptions {
  /** Overrides model.json's `radius_model`. */
  radiusModel?: RadiusModelName;
  /** Only this operator's towers count (rule 9). */
  operator?: string;
}

/** The data set's model (defaults where model.json is absent), with `radiusModel` overriding its choice. */
export function effectiveModel(dataset: Pick<Dataset, 'model'>, radiusModel?: RadiusModelName): RadioModel {
  const model = dataset.model ?? DEFAULT_RADIO_MODEL;
  return radiusModel === undefined || radiusModel === model.radiusModel ? model : { ...model, radiusModel };
}

/** Everything one scenario gives, as columns index-aligned with `points` (hamlets, then schools). */
export interface CoverageColumns {
  scenario: Scenario;
  points: PointColumns;
  /** Hamlets are points `0 .. hamletCount - 1`; schools follow. */
  hamletCount: number;
  towers: TowerColumns;
  classification: Classification;
  /** Hamlet population / school students. */
  weight: Float64Array;
  /** Index into `dataset.districts`, -1 outside all. */
  district: Int32Array;
  /** Index into `dataset.communes`, -1 outside all; undefined without a communes file. */
  commune: Int32Array | undefined;
  /** Rule 8: each point's class code (radio-model.ts); also in `points.clutter`. */
  clutter?: Uint8Array;
  radiusModel?: RadiusModelName;
  operator?: string | null;
}

/**
 * Runs the engine for one scenario (rules 1-9): `options` choose the radius model and one
 * operator. Throws on a scenario that is not current, planned or YYYY-MM-DD.
 */
export function computeCoverage(dataset: Dataset, scenario: Scenario, indexes: CoverageIndexes = {}, options: CoverageOptions = {}): CoverageColumns {
  const points = pointColumns(dataset.hamlets, dataset.schools);
  const model = effectiveModel(dataset, options.radiusModel);
  const landcoverIndex = dataset.landcover && dataset.landcover.length > 0 ? (indexes.landcover ?? buildLandcoverIndex(dataset.landcover)) : undefined;
  const clutter = pointClutter(dataset, points.lon, points.lat, landcoverIndex);
  points.clutter = clutter;
  const towerOptions = options.operator === undefined ? { model } : { model, operator: options.operator };
  const towers = onAirTowers(dataset.towers, scenario, towerOptions);
  const classification = classify(points, towers);
  const districtIndex = indexes.districts ?? districtIndexOf(dataset.districts);
  const district = locateDistricts(districtIndex, points.lon, points.lat);
  let commune: Int32Array | undefined;
  if (dataset.communes !== undefined) {
    const communeIndex = indexes.communes ?? districtIndexOf(dataset.communes);
    commune = locateDistricts(communeIndex, points.lon, points.lat);
  }
  return {
    scenario,
    points,
    hamletCount: dataset.hamlets.length,
    towers,
    classification,
    weight: pointWeights(dataset),
    district,
    commune,
    clutter,
    radiusModel: model.radiusModel,
    operator: options.operator ?? null,
  };
}

// ---------------------------------------------------------------------------------------
// The contract's JSON

/** km rounded to 4 decimals (0.1 m), from the exact decimal value of the double. */
export function roundKm(km: number): number {
  return Number(km.toFixed(4));
}

/** An area's figures, named as in the contract's `districts[]`. */
export interface AreaCounts {
  hamlets: number;
  hamlets_good: number;
  population: number;
  population_good: number;
  schools: number;
  schools_good: number;
}

function areaCounts(hamletSums: AreaSums, schoolSums: AreaSums, k: number): AreaCounts {
  return {
    hamlets: hamletSums.count[k] as number,
    hamlets_good: hamletSums.good[k] as number,
    population: hamletSums.weight[k] as number,
    population_good: hamletSums.weightGood[k] as number,
    schools: schoolSums.count[k] as number,
    schools_good: schoolSums.good[k] as number,
  };
}

function areaSumsOf(columns: CoverageColumns, area: Int32Array, areaCount: number): [AreaSums, AreaSums] {
  const { level } = columns.classification;
  const n = columns.points.count;
  return [
    aggregateByArea(level, area, areaCount, columns.weight, 0, columns.hamletCount),
    aggregateByArea(level, area, areaCount, columns.weight, columns.hamletCount, n),
  ];
}

/** The figures of one scenario: totals by level and each area's counts, in the contract's names. */
export interface CoverageFigures {
  hamlets: HamletTotals;
  schools: SchoolTotals;
  /** Index-aligned with the areas (districts) of `area`. */
  areas: AreaCounts[];
}

/**
 * Sums for one classification: points `0 .. hamletCount - 1` are hamlets (weight: population),
 * the rest schools (weight: students); `area[i]` is the point's area, -1 for none.
 */
export function coverageFigures(
  level: Uint8Array,
  weight: Float64Array,
  hamletCount: number,
  area: Int32Array,
  areaCount: number,
): CoverageFigures {
  const n = level.length;
  const h = levelTotals(level, weight, 0, hamletCount);
  const s = levelTotals(level, weight, hamletCount, n);
  const hamletSums = aggregateByArea(level, area, areaCount, weight, 0, hamletCount);
  const schoolSums = aggregateByArea(level, area, areaCount, weight, hamletCount, n);
  return {
    hamlets: { total: h.total, good: h.good, weak: h.weak, none: h.none, population: h.weight, population_good: h.weightGood },
    schools: { total: s.total, good: s.good, weak: s.weak, none: s.none, students: s.weight, students_good: s.weightGood },
    areas: Array.from({ length: areaCount }, (_, k) => areaCounts(hamletSums, schoolSums, k)),
  };
}

/** The contract's JSON object without `points`: what `points` come after, in key order. */
export function reportSummary(dataset: Dataset, columns: CoverageColumns): Omit<CoverageReport, 'points'> {
  const { level } = columns.classification;
  const figures = coverageFigures(level, columns.weight, columns.hamletCount, columns.district, dataset.districts.length);
  const districts = dataset.districts.map(
    (d, k): DistrictFigures => ({ id: d.id, name: d.name, ...(figures.areas[k] as AreaCounts) }),
  );

  const communes = dataset.communes;
  let communeFigures: CommuneFigures[] | undefined;
  if (communes !== undefined && columns.commune !== undefined) {
    const [communeHamlets, communeSchools] = areaSumsOf(columns, columns.commune, communes.length);
    communeFigures = communes.map(
      (c, k): CommuneFigures => ({
        id: c.id,
        name: c.name,
        district_id: c.districtId ?? null,
        ...areaCounts(communeHamlets, communeSchools, k),
      }),
    );
  }
  // Key order as in the contract; `communes` (an extension) after `districts`.
  return {
    scenario: columns.scenario,
    radius_model: columns.radiusModel ?? 'fixed',
    operator: columns.operator ?? null,
    hamlets: figures.hamlets,
    schools: figures.schools,
    districts,
    ...(communeFigures === undefined ? {} : { communes: communeFigures }),
  };
}

/**
 * The contract's JSON object from the engine's columns. The command line writes the same
 * JSON without these objects (cli/coverage-json.ts): a change to a point's fields goes there too.
 */
export function reportFromColumns(dataset: Dataset, columns: CoverageColumns): CoverageReport {
  const { level, nearest4g, nearest4gKm } = columns.classification;
  const n = columns.points.count;
  const h = columns.hamletCount;
  const communes = dataset.communes;
  const idOf = (boundaries: readonly Boundary[] | undefined, k: number | undefined): string | null =>
    k === undefined || k < 0 ? null : (boundaries?.[k]?.id ?? null);
  const points: PointRecord[] = new Array<PointRecord>(n);
  for (let i = 0; i < n; i++) {
    const isHamlet = i < h;
    const source = isHamlet ? dataset.hamlets[i] : dataset.schools[i - h];
    const t = nearest4g[i] as number;
    const tower = t < 0 ? undefined : dataset.towers[columns.towers.towerIndex[t] as number];
    points[i] = {
      kind: isHamlet ? 'hamlet' : 'school',
      id: source?.id ?? '',
      level: LEVEL_NAMES[level[i] as number] ?? 'none',
      district_id: idOf(dataset.districts, columns.district[i]),
      nearest_4g_id: tower?.id ?? null,
      nearest_4g_km: tower === undefined ? null : roundKm(nearest4gKm[i] as number),
      commune_id: idOf(communes, columns.commune?.[i]),
      clutter: CLUTTER_CLASSES[columns.clutter?.[i] ?? CLASS_RURAL] ?? 'rural',
    };
  }
  return { ...reportSummary(dataset, columns), points };
}

/**
 * The `coverage` command's JSON object for a parsed data set and a scenario (contract rules
 * 1-9). Pass `indexes` to reuse district and commune indexes across scenarios.
 */
export function coverageReport(dataset: Dataset, scenario: Scenario, indexes: CoverageIndexes = {}, options: CoverageOptions = {}): CoverageReport {
  return reportFromColumns(dataset, computeCoverage(dataset, scenario, indexes, options));
}
