// Each point's `measured` object in the `coverage` command's JSON (contract rule 10).
import type { Scenario } from '../coverage/columns.ts';
import type { PointCoordinates } from '../coverage/point-grid.ts';
import type { Measurement } from '../types.ts';
import type { EvidenceParams } from './params.ts';
import { scenarioDay, selectTests, testColumns } from './tests.ts';
import { measurePoints, VERDICT_NAMES, type MeasuredColumns, type Verdict } from './verdict.ts';

export interface MeasuredRecord {
  tests: number;
  /** null when no test counts. */
  median_mbps: number | null;
  verdict: Verdict;
}

/**
 * What the tests of a scenario say of each point: tests dated within the window that ends on
 * the scenario's date (for `current` and `planned`, the latest test date in the file), only
 * `operator`'s when given.
 */
export function measureScenario(
  points: PointCoordinates,
  measurements: readonly Measurement[],
  scenario: Scenario,
  params: EvidenceParams,
  operator?: string,
): MeasuredColumns {
  const tests = testColumns(measurements);
  const selected = selectTests(tests, {
    endDay: scenarioDay(tests, scenario),
    windowDays: params.windowDays,
    ...(operator === undefined ? {} : { operator }),
  });
  return measurePoints(points, tests, selected, params);
}

/** The JSON objects, index-aligned with the points. */
export function measuredRecords(measured: MeasuredColumns): MeasuredRecord[] {
  const out = new Array<MeasuredRecord>(measured.tests.length);
  for (let i = 0; i < out.length; i++) {
    const median = measured.medianMbps[i] as number;
    out[i] = {
      tests: measured.tests[i] as number,
      median_mbps: Number.isNaN(median) ? null : median,
      verdict: VERDICT_NAMES[measured.verdict[i] as number] ?? 'unverified',
    };
  }
  return out;
}
