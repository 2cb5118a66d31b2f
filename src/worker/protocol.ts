import type { Scenario } from '../domain/coverage/columns.ts';
import type { CoverageFigures } from '../domain/coverage/report.ts';
import type { PlanDoc } from '../domain/plan/plan.ts';
import type { IncomingFile, StagedFile } from '../domain/import/staging.ts';
import type { SitingOptions, SitingResult } from '../domain/siting/siting.ts';
import type { Timeline } from '../domain/progress/timeline.ts';
import type { DatasetView } from '../domain/points/dataset-view.ts';
import type { Issue } from '../domain/types.ts';

/** A data file the worker fetches: `path` is relative to the data folder, `url` is same-origin. */
export interface RemoteFile {
  path: string;
  url: string;
}

/** The engine's answer for one scenario; arrays are index-aligned with hamlets then schools. */
export interface CoverageResult {
  requestId: number;
  scenario: Scenario;
  /** LEVEL_NONE / LEVEL_WEAK / LEVEL_GOOD per point. */
  level: Uint8Array;
  /** Index into `dataset.towers` of the nearest 4G/5G tower on air, -1 when none. */
  nearestTower: Int32Array;
  /** Haversine km to it, NaN when none. */
  nearestKm: Float64Array;
  /** Index into `dataset.districts` of the district holding the point, -1 when none. */
  district: Int32Array;
  /** Totals by level, and per district (`areas`, index-aligned with `dataset.districts`). */
  figures: CoverageFigures;
  /** The same scenario with the loaded towers only (no plan): the "before" of the plan. */
  baselineLevel: Uint8Array;
  baselineFigures: CoverageFigures;
  /** Points per map grid cell (DatasetView.grid) by kind and level (points/view.ts). */
  cellCounts: Uint32Array;
  /** Time the worker spent on this request. */
  elapsedMs: number;
}

export interface RadiusFigures {
  factor: number;
  figures: CoverageFigures;
}

/** The quick answer to a plan edit: levels and figures; nearest towers follow in a full result. */
export interface PlanCoverage {
  requestId: number;
  scenario: Scenario;
  level: Uint8Array;
  figures: CoverageFigures;
  cellCounts: Uint32Array;
  /** Points whose level the edit changed. */
  changed: Int32Array;
  elapsedMs: number;
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
  elapsedMs: number;
}

export type WorkerRequest =
  | { type: 'load'; files: RemoteFile[] }
  | { type: 'coverage'; requestId: number; scenario: Scenario }
  | { type: 'plan'; requestId: number; plan: PlanDoc; scenario: Scenario }
  | { type: 'siting'; requestId: number; options: SitingOptions }
  | { type: 'import-check'; importId: number; files: ImportRequestFile[] }
  | { type: 'import-commit'; importId: number; validOnly: boolean }
  | { type: 'import-cancel'; importId: number };

export type WorkerResponse =
  | { type: 'progress'; done: number; total: number }
  /** The timeline follows in 'timeline' once the first coverage is out. */
  | { type: 'loaded'; dataset: DatasetView; issues: Issue[] }
  | { type: 'rejected'; reason: string; issues: Issue[] }
  | ({ type: 'coverage' } & CoverageResult)
  | { type: 'radius-range'; requestId: number; radiusRange: RadiusFigures[] }
  | { type: 'coverage-failed'; requestId: number; message: string }
  | ({ type: 'plan-coverage' } & PlanCoverage)
  | { type: 'timeline'; timeline: Timeline; timelineMs: number }
  | { type: 'siting'; requestId: number; result: SitingResult; elapsedMs: number }
  | { type: 'siting-failed'; requestId: number; message: string }
  | { type: 'import-progress'; importId: number; phase: 'reading' | 'checking'; done: number; total: number }
  | ({ type: 'import-checked' } & ImportChecked)
  | { type: 'import-failed'; importId: number; message: string }
  /** The import was taken (`loaded` came just before); `paths`: every file now unlike the bundled one (the worker saves them). */
  | { type: 'import-done'; importId: number; paths: string[]; validOnly: boolean }
  /** Files imported on an earlier visit are being laid over the bundled ones. */
  | { type: 'import-restoring'; paths: string[] };

/** The buffers of a result, for the transfer list: moved to the main thread, not copied. */
export function transferables(result: CoverageResult): Transferable[] {
  return [
    result.level.buffer,
    result.nearestTower.buffer,
    result.nearestKm.buffer,
    result.district.buffer,
    result.baselineLevel.buffer,
    result.cellCounts.buffer,
  ];
}

/** The timeline's buffers, for the transfer list. */
export function timelineTransferables(timeline: Timeline): Transferable[] {
  const buffers: Transferable[] = Object.values(timeline.totals).map((a) => a.buffer);
  for (const perScope of Object.values(timeline.series)) {
    for (const steps of perScope) buffers.push(steps.days.buffer, steps.values.buffer);
  }
  return buffers;
}
