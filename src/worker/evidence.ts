// The engine's side of the speed tests (issue 16): each point's verdict from the tests of
// the scenario's window (contract rule 10, domain/evidence), and its agreement with the
// level the answer carries. Verdicts depend on the scenario's date only, so one measuring a
// scenario serves every plan edit; the agreement is one pass over the levels.
import type { PointEvidence } from '../domain/coverage/answer.ts';
import type { Scenario } from '../domain/coverage/columns.ts';
import type { PointCoordinates } from '../domain/coverage/point-grid.ts';
import { effectiveModel } from '../domain/coverage/report.ts';
import { scenarioDay, selectTests, testColumns, type TestColumns } from '../domain/evidence/tests.ts';
import { agreements, measurePoints, type MeasuredColumns } from '../domain/evidence/verdict.ts';
import type { Dataset } from '../domain/types.ts';

export class EvidenceSession {
  private readonly tests: TestColumns;
  private last: { scenario: Scenario; measured: MeasuredColumns; counted: Uint8Array } | undefined;

  private constructor(
    private readonly dataset: Pick<Dataset, 'measurements' | 'model'>,
    private readonly points: PointCoordinates,
  ) {
    this.tests = testColumns(dataset.measurements ?? []);
  }

  /** Undefined when the data set has no measurements.csv: its answers carry no evidence. */
  static of(dataset: Pick<Dataset, 'measurements' | 'model'>, points: PointCoordinates): EvidenceSession | undefined {
    return dataset.measurements === undefined ? undefined : new EvidenceSession(dataset, points);
  }

  private measuredFor(scenario: Scenario) {
    if (this.last?.scenario !== scenario) {
      const params = effectiveModel(this.dataset).evidence;
      const selected = selectTests(this.tests, { endDay: scenarioDay(this.tests, scenario), windowDays: params.windowDays });
      const counted = new Uint8Array(this.tests.count);
      for (const t of selected) counted[t] = 1;
      this.last = { scenario, measured: measurePoints(this.points, this.tests, selected, params), counted };
    }
    return this.last;
  }

  /** The evidence of an answer for `scenario` whose levels are `level`: fresh arrays, for transfer. */
  answer(scenario: Scenario, level: Uint8Array): PointEvidence {
    const { measured, counted } = this.measuredFor(scenario);
    return {
      tests: measured.tests.slice(),
      medianMbps: measured.medianMbps.slice(),
      verdict: measured.verdict.slice(),
      agreement: agreements(level, measured.verdict),
      counted: counted.slice(),
    };
  }
}
