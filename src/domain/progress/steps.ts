// A figure that changes on a few days: the value before the first change, then the value
// from each change day on. Looking a day up is a binary search.

export interface StepSeries {
  /** The value before `days[0]` (or always, when nothing changes). */
  initial: number;
  /** Days on which the value changes, strictly increasing. */
  days: Int32Array;
  /** `values[i]` holds from `days[i]` until the next change. */
  values: Float64Array;
}

/** The series' value on `day`. */
export function valueAt(series: StepSeries, day: number): number {
  const { days, values } = series;
  let lo = 0;
  let hi = days.length;
  // First index with days[i] > day.
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((days[mid] as number) <= day) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? series.initial : (values[lo - 1] as number);
}

/**
 * Builds a series from an initial value and changes (`day`, `delta`) in any order; changes
 * on the same day add up, and days whose changes cancel out are left out.
 */
export function stepsFromDeltas(initial: number, changeDays: ArrayLike<number>, deltas: ArrayLike<number>): StepSeries {
  const order = Array.from({ length: changeDays.length }, (_, i) => i).sort(
    (a, b) => (changeDays[a] as number) - (changeDays[b] as number),
  );
  const days: number[] = [];
  const values: number[] = [];
  let value = initial;
  let k = 0;
  while (k < order.length) {
    const day = changeDays[order[k] as number] as number;
    let delta = 0;
    while (k < order.length && changeDays[order[k] as number] === day) {
      delta += deltas[order[k] as number] as number;
      k++;
    }
    if (delta === 0) continue;
    value += delta;
    days.push(day);
    values.push(value);
  }
  return { initial, days: Int32Array.from(days), values: Float64Array.from(values) };
}

/** The series' value on each day `from .. to` inclusive. */
export function dailyValues(series: StepSeries, from: number, to: number): Float64Array {
  const out = new Float64Array(Math.max(0, to - from + 1));
  const { days, values } = series;
  let k = 0;
  while (k < days.length && (days[k] as number) <= from) k++;
  let value = k === 0 ? series.initial : (values[k - 1] as number);
  for (let day = from; day <= to; day++) {
    while (k < days.length && (days[k] as number) <= day) {
      value = values[k] as number;
      k++;
    }
    out[day - from] = value;
  }
  return out;
}
