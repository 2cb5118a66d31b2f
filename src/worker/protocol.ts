// The types of what crosses between the page and the data worker's Engine (engine.ts): the
// answers, and what they carry. Calls themselves are the Engine's typed methods (Comlink).
import type { ImportImpact } from '../domain/import/impact.ts';
import type { Scenario, TowerColumns } from '../domain/coverage/columns.ts';
import type { CoverageFigures } from '../domain/coverage/report.ts';
import type { IncomingFile, StagedFile } from '../domain/import/staging.ts';
import type { GapView } from '../domain/gaps/view.ts';
import type { Timeline } from '../domain/progress/timeline.ts';
import type { SimSignal } from '../domain/progress/sim-signal.ts';
import type { DatasetView } from '../domain/points/dataset-view.ts';
import type { Issue, RadiusModelName } from '../domain/types.ts';
import type { PlanDelta } from '../domain/plan/delta.ts';
import { evidenceTransferables, type PointEvidence } from './evidence.ts';
import type { TowerChanges } from './tower-slots.ts';

/** A data file the worker fetches: `path` is relative to the data folder, `url` is same-origin. */
export interface RemoteFile {
  path: string;
  url: string;
}

/**
 * The engine's answer for one scenario; per-point arrays are index-aligned with hamlets then
 * schools. Tower indexes are slots (tower-slots.ts): apply `towerChanges` to the slots first.
 */
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

/** The gap register of the data set's newest answer (domain/gaps/view.ts). */
export interface GapAnswer {
  datasetId: number;
  view: GapView;
}

/** Good signal in every network side by side: all operators (`operator` undefined), then each alone. */
export interface NetworkFigures {
  scenario: Scenario;
  rows: { operator: string | undefined; hamlets: CoverageFigures['hamlets']; schools: CoverageFigures['schools'] }[];
  /** The data SIMs delivered with good signal of their own network at their school (progress/sim-signal.ts). */
  sims: SimSignal;
}

export interface RadiusFigures {
  factor: number;
  figures: CoverageFigures;
}

/** The quick answer to a plan edit: a full result but for the baseline and the radius range. */
export type PlanCoverage = Omit<CoverageResult, 'baselineLevel' | 'baselineFigures'> & {
  /** Points whose level the edit changed. */
  changed: Int32Array;
};

/**
 * A plan edit as its delta from the plan the engine holds: revision `from` (0: the data set's
 * empty plan), which becomes revision `to`.
 */
export interface PlanEdit extends PlanDelta {
  datasetId: number;
  from: number;
  to: number;
}

/** A file to import: a File from a drop or picker (read in the worker), or its text. */
export interface ImportRequestFile extends Omit<IncomingFile, 'text'> {
  file?: Blob;
  text?: string;
}

/** The check of an import, before anything changes. */
export interface ImportChecked {
  importId: number;
  files: StagedFile[];
  issues: Issue[];
  /** Every file passed: the whole import can be taken. */
  canImport: boolean;
  /** Not all passed, but the rows without errors can be taken (how many are left out). */
  validOnly?: { dropped: number };
  /** What taking it would do to the data on screen; its risks need the user's explicit word. */
  impact?: ImportImpact;
  elapsedMs: number;
}

/** A data set the worker now holds; `asOf`: the day it opens on (today, within its dates). */
export interface Loaded {
  datasetId: number;
  dataset: DatasetView;
  issues: Issue[];
  asOf: string;
}

/** A load that failed: nothing changed. */
export interface Rejected {
  reason: string;
  issues: Issue[];
}

/** The buffers of a result, for the transfer list: moved to the main thread, not copied. */
export function transferables(result: CoverageResult | PlanCoverage): ArrayBuffer[] {
  const { onAir } = result;
  return [
    result.level,
    result.nearestTower,
    result.nearestKm,
    result.cellCounts,
    onAir.lon,
    onAir.lat,
    onAir.radiusKm,
    onAir.broadband,
    onAir.towerIndex,
    ...('baselineLevel' in result ? [result.baselineLevel] : []),
    ...('changed' in result ? [result.changed] : []),
  ].map((a) => a.buffer as ArrayBuffer).concat(evidenceTransferables(result.evidence));
}

/** The timeline's buffers, for the transfer list. */
export function timelineTransferables(timeline: Timeline): ArrayBuffer[] {
  const buffers = Object.values(timeline.totals).map((a) => a.buffer as ArrayBuffer);
  for (const perScope of Object.values(timeline.series)) {
    for (const steps of perScope) buffers.push(steps.days.buffer as ArrayBuffer, steps.values.buffer as ArrayBuffer);
  }
  return buffers;
}
