// What the verdicts add up to: points per agreement class, and how much of a "good" figure
// measurement confirms (issue 16, item 5: "99,1 %, trong đó 62,4 % đã đo xác nhận").
import { LEVEL_GOOD } from '../coverage/columns.ts';
import { AGREEMENT_NAMES, CONFIRMED, type Agreement } from './verdict.ts';

/** Points per agreement class among points `from .. to - 1`. */
export function agreementCounts(agreement: Uint8Array, from = 0, to = agreement.length): Record<Agreement, number> {
  const counts = new Array<number>(AGREEMENT_NAMES.length).fill(0);
  for (let i = from; i < to; i++) counts[agreement[i] as number]! += 1;
  return Object.fromEntries(AGREEMENT_NAMES.map((name, k) => [name, counts[k] as number])) as Record<Agreement, number>;
}

/** The weight of points modelled good whose tests confirm it, and of all points, in a range. */
export interface ConfirmedGood {
  /** Σ weight of points with level good and agreement confirmed. */
  confirmed: number;
  /** Σ weight of points with level good. */
  good: number;
  /** Σ weight of every point. */
  total: number;
}

/**
 * `weight`: each point's weight in the figure (1 a hamlet, its population...); `inScope`:
 * whether a point counts (its district, hamlets only...).
 */
export function confirmedGood(
  level: Uint8Array,
  agreement: Uint8Array,
  weight: (i: number) => number,
  inScope: (i: number) => boolean,
  from = 0,
  to = level.length,
): ConfirmedGood {
  const out: ConfirmedGood = { confirmed: 0, good: 0, total: 0 };
  for (let i = from; i < to; i++) {
    if (!inScope(i)) continue;
    const w = weight(i);
    out.total += w;
    if (level[i] !== LEVEL_GOOD) continue;
    out.good += w;
    if (agreement[i] === CONFIRMED) out.confirmed += w;
  }
  return out;
}

/** The points and weights of a card's share metric (hamlets, people, schools); undefined for other metrics. */
export function metricWeights(
  metric: string,
  table: { count: number; hamletCount: number; weight: Float64Array },
): { from: number; to: number; weight: (i: number) => number } | undefined {
  if (metric === 'hamlets_good_pct') return { from: 0, to: table.hamletCount, weight: () => 1 };
  if (metric === 'population_good_pct') return { from: 0, to: table.hamletCount, weight: (i) => table.weight[i] as number };
  if (metric === 'schools_good_pct') return { from: table.hamletCount, to: table.count, weight: () => 1 };
  return undefined;
}

/**
 * The percentage of a share metric that measurement confirms: the weight of points modelled
 * good and confirmed, over all the metric's points (in `district` when given). Undefined for
 * a metric that is not a coverage share, or with no point.
 */
export function confirmedPct(
  metric: string,
  table: { count: number; hamletCount: number; weight: Float64Array },
  level: Uint8Array,
  agreement: Uint8Array,
  scope?: { districtOf: Int32Array; district: number },
): number | undefined {
  const m = metricWeights(metric, table);
  if (!m) return undefined;
  const inScope = scope ? (i: number) => scope.districtOf[i] === scope.district : () => true;
  const sums = confirmedGood(level, agreement, m.weight, inScope, m.from, m.to);
  return sums.total > 0 ? (100 * sums.confirmed) / sums.total : undefined;
}
