// Figures that show whether the simulated data tells the programme's story; printed by
// `npm run data` and asserted by the tests, always through the brute-force oracle.
import type { Delivery, DeliveryKind, Hamlet, School, Tower } from '../domain/types.ts';
import type { Scenario } from '../domain/coverage/brute-force.ts';
import { pointLevel, towersOnAir } from '../domain/coverage/brute-force.ts';
import type { SimulatedData } from './index.ts';

export const STORY_SCENARIOS: readonly Scenario[] = ['2021-01-01', '2021-10-15', '2021-12-31', 'planned'];

/** Hamlets without 4G/5G in a scenario. */
export function hamletsNotGood(hamlets: readonly Hamlet[], towers: readonly Tower[], scenario: Scenario): Hamlet[] {
  const onAir = towersOnAir(towers, scenario);
  return hamlets.filter((h) => pointLevel(h.lon, h.lat, onAir).level !== 'good');
}

/** Percentage of hamlets with 4G/5G in a scenario. */
export function hamletsGoodPct(hamlets: readonly Hamlet[], towers: readonly Tower[], scenario: Scenario): number {
  return (100 * (hamlets.length - hamletsNotGood(hamlets, towers, scenario).length)) / hamlets.length;
}

/** Units of a kind delivered on or before `date`. */
export function deliveredBy(deliveries: readonly Delivery[], kind: DeliveryKind, date: string): number {
  return deliveries.filter((d) => d.kind === kind && d.date <= date).reduce((s, d) => s + d.quantity, 0);
}

/** Percentage of students in need with a computer by `date`, capped per school. */
export function equippedPct(schools: readonly School[], deliveries: readonly Delivery[], date: string): number {
  const computers = new Map<string, number>();
  for (const d of deliveries) {
    if (d.kind === 'computer' && d.date <= date) computers.set(d.schoolId, (computers.get(d.schoolId) ?? 0) + d.quantity);
  }
  let need = 0;
  let equipped = 0;
  for (const s of schools) {
    const n = s.studentsInNeed ?? 0;
    need += n;
    equipped += Math.min(n, computers.get(s.id) ?? 0);
  }
  return need === 0 ? 0 : (100 * equipped) / need;
}

function countBy<T>(items: readonly T[], key: (item: T) => string): string {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return [...counts].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, n]) => `${k} ${n}`).join(', ');
}

function technologyKey(tower: Tower): string {
  const upgrade = tower.upgradeTechnology ? `→${tower.upgradeTechnology}` : '';
  return `${tower.status} ${tower.technology}${upgrade}`;
}

/** A short human summary, one fact a line. */
export function summaryLines(data: SimulatedData): string[] {
  const { hamlets, schools, towers, deliveries } = data;
  const offGrid = hamlets.filter((h) => !h.gridPower).length;
  const lines = [
    `hamlets: ${hamlets.length} (population ${hamlets.reduce((s, h) => s + h.population, 0)}, off-grid ${offGrid})`,
    `schools: ${schools.length} (${countBy(schools, (s) => s.level)})`,
    `towers: ${towers.length}; by operator: ${countBy(towers, (t) => t.operator)}`,
    `towers by status and technology: ${countBy(towers, technologyKey)}`,
  ];
  for (const scenario of STORY_SCENARIOS) {
    const notGood = hamletsNotGood(hamlets, towers, scenario);
    const pct = (100 * (hamlets.length - notGood.length)) / hamlets.length;
    const off = notGood.filter((h) => !h.gridPower).length;
    lines.push(`hamlets good ${scenario}: ${pct.toFixed(2)}% (${notGood.length} not good, ${off} off-grid)`);
  }
  for (const date of ['2021-12-31', '2022-09-05']) {
    const computers = deliveredBy(deliveries, 'computer', date);
    const sims = deliveredBy(deliveries, 'data_sim', date);
    const equipped = equippedPct(schools, deliveries, date).toFixed(1);
    lines.push(`by ${date}: computers ${computers}, data SIMs ${sims}, students in need equipped ${equipped}%`);
  }
  lines.push(`deliveries: ${deliveries.length} rows`);
  return lines;
}
