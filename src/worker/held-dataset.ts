// The data set the engine holds, with the user's plan over its towers, the plan's model edit
// and the network counted (rule 9): the points as columns, their weights, districts and map
// grid, built once; the towers every pass computes on, made again only when the plan, the
// model or the network changes. The passes over it and their answers are CoverageSession's
// (compute.ts), which drops what it kept when the model or the network changes (`forget`).
import { onAirTowers, pointColumns, type PointColumns, type Scenario, type TowerColumns } from '../domain/coverage/columns.ts';
import { pointClutter } from '../domain/coverage/clutter.ts';
import { districtIndexOf, locateDistricts } from '../domain/coverage/districts.ts';
import type { PointGrid } from '../domain/coverage/point-grid.ts';
import { coverageFigures, pointWeights, type CoverageFigures } from '../domain/coverage/report.ts';
import { calibratedTowers } from '../domain/evidence/calibrated.ts';
import { editedModel, sameModelEdit } from '../domain/plan/model-edit.ts';
import { applyPlan, EMPTY_PLAN, isEmptyPlan, type PlanDoc } from '../domain/plan/plan.ts';
import { cellLevelCounts, viewGrid } from '../domain/points/view.ts';
import type { Dataset, RadioModel, Tower } from '../domain/types.ts';

export abstract class HeldDataset {
  protected readonly points: PointColumns;
  protected readonly weight: Float64Array;
  protected readonly district: Int32Array;
  protected plan: PlanDoc = EMPTY_PLAN;
  protected readonly baseById: ReadonlyMap<string, Tower>;
  /** The plan laid over the loaded towers, made when something needs the whole list. */
  private applied: readonly Tower[] | undefined;
  /** The same with the plan's calibration what-if (radii × factor): what every pass computes on. */
  private calibrated: readonly Tower[] | undefined;
  /** The one operator whose towers count (rule 9), undefined for all of them together. */
  protected network: string | undefined;
  /** The data set's model with the plan's model edit (model-edit.ts): what every radius follows. */
  protected model: RadioModel;

  /** The map's grid of the points: levels are counted per cell with every result. */
  readonly grid: PointGrid;

  /** `points`: the points as columns when already made (else made here). */
  constructor(
    readonly dataset: Dataset,
    readonly id = 0,
    points?: PointColumns,
  ) {
    this.points = points ?? pointColumns(dataset.hamlets, dataset.schools);
    this.grid = viewGrid(this.points);
    this.weight = pointWeights(dataset);
    this.district = locateDistricts(districtIndexOf(dataset.districts), this.points.lon, this.points.lat);
    this.baseById = new Map(dataset.towers.map((t) => [t.id, t]));
    this.model = editedModel(dataset.model, undefined);
    // A model.json that says path loss needs the classes before the first pass, not only after an edit.
    if (this.pathLoss) this.clutterOfPoints();
  }

  /** Drops what was computed under the model or the network before. */
  protected abstract forget(): void;

  /** The coverage model in use (model.json with the plan's edit). */
  get radioModel(): RadioModel {
    return this.model;
  }

  /** Under path loss every radius depends on the point's clutter class (rule 8). */
  get pathLoss(): boolean {
    return this.model.radiusModel === 'path_loss';
  }

  /** The points' clutter classes, made when first needed (rule 8). */
  protected clutterOfPoints(): Uint8Array {
    this.points.clutter ??= pointClutter(this.dataset, this.points.lon, this.points.lat);
    return this.points.clutter;
  }

  /** Takes the plan's model edit; a change drops what was computed under the model before. */
  protected setModel(plan: PlanDoc): void {
    if (sameModelEdit(plan.model, this.plan.model)) return;
    this.model = editedModel(this.dataset.model, plan.model);
    if (this.pathLoss) this.clutterOfPoints();
    this.forget();
  }

  /**
   * Counts only `network`'s towers from now on (undefined: every operator's). A change drops
   * what was kept for the network before: the plan edit's state, the baseline, the nearest.
   */
  setNetwork(network: string | undefined): void {
    if (network === this.network) return;
    this.network = network;
    this.forget();
  }

  get currentNetwork(): string | undefined {
    return this.network;
  }

  /** The towers of the network (rule 9) on air in a scenario. */
  protected onAir(towers: readonly Tower[], scenario: Scenario, radiusFactor = 1): TowerColumns {
    return onAirTowers(towers, scenario, { model: this.model, radiusFactor, ...(this.network === undefined ? {} : { operator: this.network }) });
  }

  protected inNetwork(tower: Tower): boolean {
    return this.network === undefined || tower.operator === this.network;
  }

  /** The district of each point (index into `dataset.districts`, -1 for none). */
  get districtOf(): Int32Array {
    return this.district;
  }

  /** The towers as the plan leaves them: the order the coverage results index into. */
  get effectiveTowers(): readonly Tower[] {
    return this.towers;
  }

  /** The plan's towers with the model's radii, as `calibrate` fits them. */
  protected get planTowers(): readonly Tower[] {
    this.applied ??= isEmptyPlan(this.plan) ? this.dataset.towers : applyPlan(this.dataset.towers, this.plan).towers;
    return this.applied;
  }

  /**
   * The plan's calibration factors when they apply: they scale fixed radii (calibrated.ts), so
   * under path loss, whose radii come from each point's clutter class, none is applied.
   */
  protected get factors(): PlanDoc['calibration'] {
    return this.pathLoss ? undefined : this.plan.calibration;
  }

  /** The plan's towers with its calibration: what every pass computes on. */
  protected get towers(): readonly Tower[] {
    this.calibrated ??= calibratedTowers(this.planTowers, this.factors);
    return this.calibrated;
  }

  protected figuresOf(level: Uint8Array): CoverageFigures {
    return coverageFigures(level, this.weight, this.dataset.hamlets.length, this.district, this.dataset.districts.length);
  }

  /** Points per map cell by kind and level. */
  cellCounts(level: Uint8Array): Uint32Array {
    return cellLevelCounts(this.grid, level, this.dataset.hamlets.length);
  }

  /** The point columns the engine classifies (for a ClassifyPool). */
  get pointColumns(): PointColumns {
    return this.points;
  }

  /** Takes `plan` over the loaded towers; the lists made from the plan before are dropped. */
  protected takePlan(plan: PlanDoc): void {
    this.plan = plan;
    this.applied = this.calibrated = undefined;
  }

  get currentPlan(): PlanDoc {
    return this.plan;
  }
}
