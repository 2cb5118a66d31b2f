// Speed tests as columns (one typed array per field) and the tests a scenario counts
// (contract rule 10): the window ending on the scenario's date, and one operator's tests.
import type { Scenario } from '../coverage/columns.ts';
import type { Measurement } from '../types.ts';

export interface TestColumns {
  count: number;
  /** WGS84 degrees. */
  lon: Float64Array;
  lat: Float64Array;
  /** Days since 1970-01-01 (UTC) of the test's date. */
  day: Int32Array;
  downloadMbps: Float64Array;
  /** Index into `operators`. */
  operator: Int32Array;
  /** The operator names, in order of first appearance. */
  operators: string[];
}

const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 of an ISO `YYYY-MM-DD` date (already checked). */
export function dayOf(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / MS_PER_DAY;
}

export function testColumns(measurements: readonly Measurement[]): TestColumns {
  const count = measurements.length;
  const columns: TestColumns = {
    count,
    lon: new Float64Array(count),
    lat: new Float64Array(count),
    day: new Int32Array(count),
    downloadMbps: new Float64Array(count),
    operator: new Int32Array(count),
    operators: [],
  };
  const operatorIndex = new Map<string, number>();
  measurements.forEach((m, i) => {
    let k = operatorIndex.get(m.operator);
    if (k === undefined) {
      k = columns.operators.length;
      operatorIndex.set(m.operator, k);
      columns.operators.push(m.operator);
    }
    columns.lon[i] = m.lon;
    columns.lat[i] = m.lat;
    columns.day[i] = dayOf(m.date);
    columns.downloadMbps[i] = m.downloadMbps;
    columns.operator[i] = k;
  });
  return columns;
}

/**
 * The scenario's date D as a day number: the date itself, or for `current` and `planned`
 * the latest test date in the file (all operators); undefined when there is no test then.
 */
export function scenarioDay(tests: TestColumns, scenario: Scenario): number | undefined {
  if (scenario !== 'current' && scenario !== 'planned') return dayOf(scenario);
  let latest: number | undefined;
  for (let i = 0; i < tests.count; i++) {
    const d = tests.day[i] as number;
    if (latest === undefined || d > latest) latest = d;
  }
  return latest;
}

export interface TestFilter {
  /** The scenario's date D (day number); undefined: no test counts. */
  endDay: number | undefined;
  windowDays: number;
  /** Only this operator's tests (exact name), when given. */
  operator?: string;
}

/** Indexes of the tests that count: D − windowDays < day ≤ D, of the operator when given. */
export function selectTests(tests: TestColumns, filter: TestFilter): Int32Array {
  const { endDay, windowDays } = filter;
  if (endDay === undefined) return new Int32Array(0);
  const operator = filter.operator === undefined ? -1 : tests.operators.indexOf(filter.operator);
  if (filter.operator !== undefined && operator < 0) return new Int32Array(0);
  const start = endDay - windowDays;
  const { day, operator: operatorOf, count } = tests;
  const out = new Int32Array(count);
  let n = 0;
  for (let i = 0; i < count; i++) {
    const d = day[i]!;
    if (d > start && d <= endDay && (operator < 0 || operatorOf[i] === operator)) out[n++] = i;
  }
  return n === count ? out : out.slice(0, n);
}
