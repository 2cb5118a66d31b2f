// "Data SIMs that work" (issue 15): of the data SIMs delivered, how many went to a school
// with good signal of the SIM's own network. A SIM needs the mobile signal of its operator;
// another operator's tower, or the school's fixed broadband, does not make it work.
import { LEVEL_GOOD, type Scenario } from '../coverage/columns.ts';
import { compareCodePoints, coveragePoints, networkLevels } from '../coverage/scenario-levels.ts';
import type { Dataset, Delivery } from '../types.ts';

export interface SimTally {
  /** Data SIMs delivered (quantities summed). */
  sims: number;
  /** Of them, those whose school has good signal of the SIM's own network. */
  good: number;
  /** SIMs on rows that name no operator: counted in `sims`, never in `good`. */
  unknown: number;
  /** 100 · good / sims; null when no SIM was delivered. */
  pct: number | null;
}

/**
 * What the card says: `all_good` when every SIM delivered has its network's good signal,
 * `some_without` when some have not (or their network is unknown), `none_delivered` before
 * the first SIM.
 */
export type SimStatus = 'all_good' | 'some_without' | 'none_delivered';

export interface SimSignal {
  /** The last delivery day counted (a date scenario); null: every delivery of the file. */
  until: string | null;
  status: SimStatus;
  total: SimTally;
  /** Per operator that a counted row names, in code-point order (a name no tower has: `good` 0). */
  operators: (SimTally & { operator: string })[];
  /** Per district of the data set (its index); schools inside none and unknown ids are in `outside`. */
  districts: SimTally[];
  outside: SimTally;
}

export interface SimSignalInput {
  deliveries: readonly Delivery[];
  /** School id → its index in the data set's schools. */
  schoolIndex: ReadonlyMap<string, number>;
  /** District index of each school (-1: none). */
  schoolDistrict: ArrayLike<number>;
  districtCount: number;
  /** Whether school `school` has good mobile signal of `operator`'s network. */
  goodOf: (operator: string, school: number) => boolean;
  /** Only deliveries on or before this ISO day; undefined: all. */
  until?: string | undefined;
}

const empty = (): SimTally => ({ sims: 0, good: 0, unknown: 0, pct: null });

function add(tally: SimTally, quantity: number, good: boolean, unknown: boolean): void {
  tally.sims += quantity;
  if (good) tally.good += quantity;
  if (unknown) tally.unknown += quantity;
}

const withPct = <T extends SimTally>(t: T): T => ({ ...t, pct: t.sims === 0 ? null : (100 * t.good) / t.sims });

/** The tallies of the data SIMs delivered, from each school's good signal per network. */
export function tallySimSignal(input: SimSignalInput): SimSignal {
  const total = empty();
  const outside = empty();
  const districts = Array.from({ length: input.districtCount }, empty);
  const operators = new Map<string, SimTally>();
  for (const d of input.deliveries) {
    if (d.kind !== 'data_sim' || (input.until !== undefined && d.date > input.until)) continue;
    const school = input.schoolIndex.get(d.schoolId);
    const operator = d.operator;
    const unknown = operator === undefined;
    const good = operator !== undefined && school !== undefined && input.goodOf(operator, school);
    add(total, d.quantity, good, unknown);
    const district = school === undefined ? -1 : (input.schoolDistrict[school] ?? -1);
    add(district >= 0 ? (districts[district] as SimTally) : outside, d.quantity, good, unknown);
    if (operator !== undefined) {
      const tally = operators.get(operator) ?? empty();
      operators.set(operator, tally);
      add(tally, d.quantity, good, false);
    }
  }
  const status: SimStatus = total.sims === 0 ? 'none_delivered' : total.good === total.sims ? 'all_good' : 'some_without';
  return {
    until: input.until ?? null,
    status,
    total: withPct(total),
    operators: [...operators].sort(([a], [b]) => compareCodePoints(a, b)).map(([operator, t]) => withPct({ ...t, operator })),
    districts: districts.map(withPct),
    outside: withPct(outside),
  };
}

/**
 * The SIM tallies of a data set in one scenario (its towers, model and landcover as given:
 * the engine passes the plan's). Only the schools that got SIMs are classified, once in
 * every network (networks.ts), with their fixed broadband left out. A date scenario counts
 * the deliveries up to that day; `current` and `planned` count them all.
 */
export function simSignal(dataset: Dataset, scenario: Scenario, schoolDistrict: ArrayLike<number>): SimSignal {
  const deliveries = dataset.deliveries ?? [];
  const schoolIndex = new Map(dataset.schools.map((s, i) => [s.id, i]));
  const withSims = [...new Set(deliveries.flatMap((d) => (d.kind === 'data_sim' && d.operator !== undefined ? [schoolIndex.get(d.schoolId)] : [])))].filter(
    (i): i is number => i !== undefined,
  );
  const schools = withSims.map((i) => dataset.schools[i] as (typeof dataset.schools)[number]);
  const points = coveragePoints({ hamlets: [], schools, landcover: dataset.landcover });
  points.fixedBroadband.fill(0);
  const { operators, count, level } = networkLevels(dataset, scenario, { points });
  const network = new Map(operators.map((name, j) => [name, j + 1]));
  const row = new Map(withSims.map((school, q) => [school, q]));
  const goodOf = (operator: string, school: number): boolean => {
    const w = network.get(operator);
    const q = row.get(school);
    return w !== undefined && q !== undefined && level[w * count + q] === LEVEL_GOOD;
  };
  const until = scenario === 'current' || scenario === 'planned' ? undefined : scenario;
  return tallySimSignal({ deliveries, schoolIndex, schoolDistrict, districtCount: dataset.districts.length, goodOf, until });
}
