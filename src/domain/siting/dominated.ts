// Candidates the budget model can do without: site a is dominated by site b when b covers
// every demand entry a covers and costs no more. Any answer using a stays feasible (budget,
// count) and gains no less with b in a's place (or with a left out when b is already in), so
// the optimum is unchanged without a. Equal sets at equal cost keep the lower slot. The
// relation (cost, then set size, then slot) is a strict order, so dropping every dominated
// site keeps, for each, a dominator that is kept: `keptFor` names it.
import type { BudgetProblem } from './budget.ts';

export interface Undominated {
  /** The kept slots, ascending. */
  slots: Int32Array;
  /** For each slot (instance order): itself if kept, else a kept slot that dominates it; -1 if not in `slots` given. */
  keptFor: Int32Array;
}

export function dropDominated(problem: BudgetProblem, slots: readonly number[]): Undominated {
  const { instance, cost } = problem;
  const { covStart, covItems } = instance;
  const demandCount = instance.demandWeight.length;
  // For each demand entry, the given slots covering it.
  const count = new Int32Array(demandCount + 1);
  for (const s of slots) for (let q = covStart[s]!; q < covStart[s + 1]!; q++) count[covItems[q]! + 1]!++;
  for (let d = 0; d < demandCount; d++) count[d + 1]! += count[d]!;
  const fill = count.slice(0, demandCount);
  const coverers = new Int32Array(count[demandCount]!);
  for (const s of slots) for (let q = covStart[s]!; q < covStart[s + 1]!; q++) coverers[fill[covItems[q]!]!++] = s;

  const size = (s: number): number => covStart[s + 1]! - covStart[s]!;
  // b strictly before a in the order that decides who is kept.
  const before = (b: number, a: number): boolean => cost[b]! < cost[a]! || (cost[b] === cost[a] && (size(b) > size(a) || (size(b) === size(a) && b < a)));
  const mark = new Int32Array(demandCount).fill(-1);
  const dominator = new Int32Array(instance.sites.length).fill(-1);
  for (const a of slots) {
    const from = covStart[a]!;
    const to = covStart[a + 1]!;
    if (from === to) continue;
    // Any dominator covers a's entry with the fewest coverers.
    let rare = covItems[from]!;
    for (let q = from + 1; q < to; q++) if (count[covItems[q]! + 1]! - count[covItems[q]!]! < count[rare + 1]! - count[rare]!) rare = covItems[q]!;
    for (let r = count[rare]!; r < count[rare + 1]!; r++) {
      const b = coverers[r]!;
      if (b === a || size(b) < size(a) || !before(b, a)) continue;
      for (let q = covStart[b]!; q < covStart[b + 1]!; q++) mark[covItems[q]!] = b;
      let subset = true;
      for (let q = from; q < to && subset; q++) subset = mark[covItems[q]!] === b;
      if (subset) {
        dominator[a] = b;
        break;
      }
    }
  }
  const keptFor = new Int32Array(instance.sites.length).fill(-1);
  const kept: number[] = [];
  for (const s of slots) {
    let t = s;
    while (dominator[t]! >= 0) t = dominator[t]!;
    keptFor[s] = t;
    if (t === s) kept.push(s);
  }
  return { slots: Int32Array.from(kept).sort(), keptFor };
}
