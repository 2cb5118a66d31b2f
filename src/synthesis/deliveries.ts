// Deliveries of computers and data SIMs, in rounds that start in September 2021 and ramp
// up; each round goes to schools in proportion to the need still unmet there.
import type { Delivery, DeliveryKind, School } from '../domain/types.ts';
import { apportion } from './apportion.ts';
import { hashString, type Random } from './random.ts';
import { OPERATORS } from './tower-kit.ts';

type Rounds = readonly (readonly [date: string, weight: number])[];

const COMPUTER_ROUNDS_2021: Rounds = [
  ['2021-09-08', 3], ['2021-09-22', 5], ['2021-10-06', 7], ['2021-10-20', 9], ['2021-11-03', 10],
  ['2021-11-17', 11], ['2021-12-01', 12], ['2021-12-15', 13], ['2021-12-29', 11],
];
/** Rounds up to the 2022–2023 school year (it starts on 2022-09-05). */
const COMPUTER_ROUNDS_2022: Rounds = [
  ['2022-01-12', 8], ['2022-02-23', 7], ['2022-03-16', 10], ['2022-04-13', 11], ['2022-05-11', 12],
  ['2022-06-15', 12], ['2022-07-13', 11], ['2022-08-10', 12], ['2022-08-31', 9],
];
const COMPUTER_ROUNDS_LATE_2022: Rounds = [
  ['2022-09-21', 4], ['2022-10-19', 3], ['2022-11-16', 3], ['2022-12-14', 2],
];
const SIM_ROUNDS_2021: Rounds = [
  ['2021-09-06', 14], ['2021-09-20', 12], ['2021-10-04', 10], ['2021-10-18', 8],
  ['2021-11-01', 6], ['2021-11-22', 4], ['2021-12-13', 3],
];
const SIM_ROUNDS_2022: Rounds = [['2022-01-17', 4], ['2022-02-21', 3], ['2022-03-14', 2]];

const COMPUTER_DONORS = ['Viettel', 'VNPT', 'MobiFone', 'Sở GD&ĐT', 'Quỹ khuyến học'];
const COMPUTER_DONOR_WEIGHTS = [0.32, 0.14, 0.1, 0.26, 0.18];
const SIM_DONORS = ['Viettel', 'VNPT', 'MobiFone'];
const SIM_DONOR_WEIGHTS = [0.5, 0.3, 0.2];

/**
 * The network of a data SIM: its donor when the donor is an operator (a telecom gives its
 * own SIMs), else one chosen from the school's id. No random number is drawn, so adding the
 * column left every other generated value as it was.
 */
export function simOperator(donor: string | undefined, schoolId: string): string {
  const operators: readonly string[] = OPERATORS;
  if (donor !== undefined && operators.includes(donor)) return donor;
  return operators[hashString(schoolId) % operators.length] as string;
}

interface Ledger {
  kind: DeliveryKind;
  schools: readonly School[];
  /** Still unmet need per school, same order as `schools`. */
  open: number[];
  donors: readonly string[];
  donorWeights: readonly number[];
  rows: Map<string, Delivery>;
}

function deliverRound(ledger: Ledger, date: string, total: number, random: Random): number {
  let left = total;
  while (left > 0) {
    if (!ledger.open.some((n) => n > 0)) break;
    const index = random.weightedIndex(ledger.open);
    const school = ledger.schools[index] as School;
    const need = school.studentsInNeed ?? 0;
    const open = ledger.open[index] as number;
    const quantity = Math.min(left, open, Math.max(1, Math.round(need * random.range(0.15, 0.5))));
    ledger.open[index] = open - quantity;
    left -= quantity;
    const donor = ledger.donors[random.weightedIndex(ledger.donorWeights)] as string;
    const key = `${date}|${school.id}|${ledger.kind}|${donor}`;
    const row = ledger.rows.get(key);
    if (row) row.quantity += quantity;
    else if (ledger.kind === 'data_sim') ledger.rows.set(key, { date, schoolId: school.id, kind: ledger.kind, quantity, donor, operator: simOperator(donor, school.id) });
    else ledger.rows.set(key, { date, schoolId: school.id, kind: ledger.kind, quantity, donor });
  }
  return total - left;
}

function deliverRounds(ledger: Ledger, rounds: Rounds, total: number, random: Random): number {
  const shares = apportion(total, rounds.map(([, weight]) => weight));
  return rounds.reduce((sum, [date], i) => sum + deliverRound(ledger, date, shares[i] as number, random), 0);
}

function ledger(kind: DeliveryKind, schools: readonly School[]): Ledger {
  const computers = kind === 'computer';
  return {
    kind,
    schools,
    open: schools.map((s) => s.studentsInNeed ?? 0),
    donors: computers ? COMPUTER_DONORS : SIM_DONORS,
    donorWeights: computers ? COMPUTER_DONOR_WEIGHTS : SIM_DONOR_WEIGHTS,
    rows: new Map(),
  };
}

/**
 * Rows sorted by date, school id, kind, donor. Computers never exceed a school's
 * students in need, so "equipped" is simply computers delivered over need; by the start
 * of the 2022–2023 school year it stays short of the 100% target.
 */
export function generateDeliveries(schools: readonly School[], random: Random): Delivery[] {
  const totalNeed = schools.reduce((s, school) => s + (school.studentsInNeed ?? 0), 0);
  const computers = ledger('computer', schools);
  const by2021 = deliverRounds(computers, COMPUTER_ROUNDS_2021, random.int(4120, 4320), random);
  const bySchoolYear = Math.round(totalNeed * random.range(0.86, 0.92));
  deliverRounds(computers, COMPUTER_ROUNDS_2022, Math.max(0, bySchoolYear - by2021), random);
  deliverRounds(computers, COMPUTER_ROUNDS_LATE_2022, Math.round(totalNeed * 0.04), random);

  const sims = ledger('data_sim', schools);
  deliverRounds(sims, SIM_ROUNDS_2021, random.int(7280, 7460), random);
  deliverRounds(sims, SIM_ROUNDS_2022, random.int(600, 900), random);

  const rows = [...computers.rows.values(), ...sims.rows.values()];
  const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  return rows.sort(
    (a, b) => cmp(a.date, b.date) || cmp(a.schoolId, b.schoolId) || cmp(a.kind, b.kind) || cmp(a.donor ?? '', b.donor ?? ''),
  );
}
