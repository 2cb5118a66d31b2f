// The engine's side of the speed tests (issue 16): each point's verdict from the tests of
// the scenario's window (contract rule 10, domain/evidence), and its agreement with the
// level the answer carries. With one network selected only that operator's tests count, as
// with `coverage --operator`. Verdicts depend on the scenario's date and the network only, so
// one measuring serves every plan edit; the agreement is one pass over the levels.
import type { PointEvidence } from '../domain/coverage/answer.ts';
import type { Scenario } from '../domain/coverage/columns.ts';
import type { PointCoordinates } from '../domain/coverage/point-grid.ts';
import { effectiveModel } from '../domain/coverage/report.ts';
import { scenarioDay, selectTests, testColumns, type TestColumns } from '../domain/evidence/tests.ts';
import { agreements, measureIndexed, recordsCounted, verdictIndex, type MeasuredColumns, type VerdictIndex } from '../domain/evidence/verdict.ts';
import type { Dataset } from '../domain/types.ts';

export class EvidenceSession {
  private readonly tests: TestColumns;
  private last: { scenario: Scenario; operator: string | undefined; measured: MeasuredColumns; counted: Uint8Array } | undefined;
  /** Every test on the grid, made with the first answer: a scenario or a network only selects among them. */
  private index: VerdictIndex | undefined;

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

  private measuredFor(scenario: Scenario, operator: string | undefined) {
    if (this.last?.scenario !== scenario || this.last.operator !== operator) {
      const params = effectiveModel(this.dataset).evidence;
      const selected = selectTests(this.tests, {
        endDay: scenarioDay(this.tests, scenario),
        windowDays: params.windowDays,
        ...(operator === undefined ? {} : { operator }),
      });
      const counted = new Uint8Array(this.tests.count);
      for (let k = 0; k < selected.length; k++) counted[selected[k]!] = 1;
      if (this.index?.radiusM !== params.radiusM) this.index = verdictIndex(this.points, this.tests, undefined, params.radiusM);
      this.last = { scenario, operator, measured: measureIndexed(this.index, recordsCounted(this.index, counted), params), counted };
    }
    return this.last;
  }

  /** Measures `scenario`'s tests now (an import's check), so that its first answer only reads them. */
  measure(scenario: Scenario, operator?: string): void {
    this.measuredFor(scenario, operator);
  }

  /**
   * The evidence of an answer for `scenario` whose levels are `level`, from `operator`'s tests
   * (undefined: every operator's): fresh arrays, for transfer.
   */
  answer(scenario: Scenario, level: Uint8Array, operator?: string): PointEvidence {
    const { measured, counted } = this.measuredFor(scenario, operator);
    return {
      tests: measured.tests.slice(),
      medianMbps: measured.medianMbps.slice(),
      verdict: measured.verdict.slice(),
      agreement: agreements(level, measured.verdict),
      counted: counted.slice(),
    };
  }
}
