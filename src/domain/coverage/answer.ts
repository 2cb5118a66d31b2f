// What the engine answers for a scenario (worker/engine.ts, computed by worker/compute.ts):
// per-point arrays index-aligned with hamlets then schools, figures, and the towers on air.
// Tower indexes are slots (worker/tower-slots.ts): apply `towerChanges` to the slots first.
import type { Scenario, TowerColumns } from './columns.ts';
import type { CoverageFigures } from './report.ts';
import type { SimSignal } from '../progress/sim-signal.ts';
import type { RadiusModelName, Tower } from '../types.ts';

/** Slots whose tower changed since the previous answer: the tower now, or null when none. */
export type TowerChanges = [slot: number, tower: Tower | null][];

/** What the speed tests say of each point in an answer, index-aligned with the points. */
export interface PointEvidence {
  /** Tests that count for the point. */
  tests: Int32Array;
  /** Their median download (Mbps), NaN when none. */
  medianMbps: Float64Array;
  /** UNVERIFIED, MEASURED_GOOD or MEASURED_POOR (domain/evidence/verdict.ts). */
  verdict: Uint8Array;
  /** AGREEMENT_UNVERIFIED, CONFIRMED, CONTRADICTED or UNDERSTATED, against the answer's level. */
  agreement: Uint8Array;
  /** Per test of `dataset.measurements` (file order): 1 when it counts (the scenario's window, the network's operator). */
  counted: Uint8Array;
}

export interface CoverageResult {
  /** The data set it is for (a newer one makes it stale). */
  datasetId: number;
  requestId: number;
  scenario: Scenario;
  /** The one operator whose towers it counts (contract rule 9); absent: every operator's. */
  network?: string;
  /**
   * The radius model the answer follows (model.json with the plan's edit). Under path loss
   * `onAir.radiusKm` is each tower's largest radius (over the clutter classes).
   */
  radiusModel: RadiusModelName;
  /** LEVEL_NONE / LEVEL_WEAK / LEVEL_GOOD per point. */
  level: Uint8Array;
  /** Slot of the nearest 4G/5G tower on air, -1 when none. */
  nearestTower: Int32Array;
  /** Haversine km to it, NaN when none. */
  nearestKm: Float64Array;
  /** The towers on air in this scenario, with their radius there; `towerIndex` holds slots. */
  onAir: TowerColumns;
  /** The slots that changed since the previous answer. */
  towerChanges: TowerChanges;
  /** Totals by level, and per district (`areas`, index-aligned with `dataset.districts`). */
  figures: CoverageFigures;
  /** The same scenario with the loaded towers only (no plan): the "before" of the plan. */
  baselineLevel: Uint8Array;
  baselineFigures: CoverageFigures;
  /** Points per map grid cell (DatasetView.grid) by kind and level (points/view.ts). */
  cellCounts: Uint32Array;
  /** The speed tests' verdicts and their agreement with `level`; absent without measurements.csv. */
  evidence?: PointEvidence;
  /** Time the worker spent on this request. */
  elapsedMs: number;
}

/** The quick answer to a plan edit: a full result but for the baseline and the radius range. */
export type PlanCoverage = Omit<CoverageResult, 'baselineLevel' | 'baselineFigures'> & {
  /** Points whose level the edit changed. */
  changed: Int32Array;
};

/** Good signal in every network side by side: all operators (`operator` undefined), then each alone. */
export interface NetworkFigures {
  scenario: Scenario;
  rows: { operator: string | undefined; hamlets: CoverageFigures['hamlets']; schools: CoverageFigures['schools'] }[];
  /** The data SIMs delivered with good signal of their own network at their school (progress/sim-signal.ts). */
  sims: SimSignal;
}

/** The figures with every radius scaled by `factor` (worker/compute.ts RADIUS_FACTORS). */
export interface RadiusFigures {
  factor: number;
  figures: CoverageFigures;
}
