// Merge laws of the gap history on random histories: several devices record changes
// offline, sometimes sync with each other, sometimes receive a broken event; the merge is
// commutative, associative and idempotent, loses nothing, and the derived status does not
// depend on the order the events arrive.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  deriveTimelines,
  EMPTY_HISTORY,
  gapTimeline,
  historyOf,
  mergeHistories,
  recordChange,
  withEvents,
  type GapEvent,
  type GapHistory,
  type Role,
} from '../../../src/domain/gaps/history.ts';
import { historyFile } from '../../../src/domain/gaps/history-file.ts';
import { GAP_STATUSES, canTransition, type GapStatus } from '../../../src/domain/gaps/status.ts';
import { SEED } from '../coverage/classify-helpers.ts';

console.log(`gap history merge property tests: fast-check seed ${SEED}`);

const GAPS = ['hamlet:H-1', 'hamlet:H-2', 'school:S-1'];
const OPERATORS = ['Viettel', 'VNPT', 'MobiFone'];
const DEVICES: { org: string; role: Role }[] = [
  { org: 'Sở TT&TT Cà Mau', role: 'province' },
  { org: 'Viettel Cà Mau', role: 'partner' },
  { org: 'VNPT Cà Mau', role: 'partner' },
];

type Action =
  | { kind: 'change'; device: number; gap: number; pick: number; operator: number; days: number }
  | { kind: 'sync'; from: number; to: number }
  | { kind: 'broken'; device: number; gap: number; status: number; parent: number };

const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('change' as const), device: fc.nat(2), gap: fc.nat(2), pick: fc.nat(9), operator: fc.nat(2), days: fc.nat(3) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('sync' as const), from: fc.nat(2), to: fc.nat(2) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('broken' as const), device: fc.nat(2), gap: fc.nat(2), status: fc.nat(4), parent: fc.nat(50) }) },
);

/** Plays the actions on three devices; returns each device's history. */
function play(actions: readonly Action[]): GapHistory[] {
  const devices = DEVICES.map(() => ({ history: EMPTY_HISTORY, day: 0, count: 0 }));
  const allIds: string[] = [];
  const dateOf = (day: number) => new Date(Date.UTC(2025, 0, 1 + day)).toISOString().slice(0, 10);
  for (const a of actions) {
    if (a.kind === 'sync') {
      const to = devices[a.to]!;
      to.history = mergeHistories(to.history, devices[a.from]!.history);
      continue;
    }
    const d = devices[a.device]!;
    const gapId = GAPS[a.gap]!;
    const id = `d${a.device}-${String(++d.count).padStart(6, '0')}`;
    if (a.kind === 'broken') {
      // A change no workflow allows, or that follows an event it may not know.
      const event: GapEvent = { id, gapId, status: GAP_STATUSES[a.status]!, date: dateOf(d.day), ...DEVICES[a.device]! };
      const parent = allIds[a.parent % Math.max(allIds.length, 1)];
      if (parent !== undefined && a.parent % 2 === 0) event.parent = parent;
      if (event.status === 'assigned') event.operator = 'Nobody';
      d.history = withEvents(d.history, [event]);
      allIds.push(id);
      continue;
    }
    d.day += a.days;
    const t = gapTimeline(d.history, gapId);
    const options = GAP_STATUSES.filter((to) => canTransition(t.status, to));
    const status = options[a.pick % options.length] as GapStatus;
    let operator: string | undefined;
    if (status === 'assigned') {
      operator = OPERATORS[a.operator]!;
      if (t.status === 'assigned' && t.operator === operator) operator = OPERATORS[(a.operator + 1) % 3]!;
    }
    const date = dateOf(d.day) < (t.head?.date ?? '') ? (t.head?.date as string) : dateOf(d.day);
    const change = { gapId, status, date, ...DEVICES[a.device]!, ...(operator === undefined ? {} : { operator }) };
    const result = recordChange(d.history, change, id);
    if (!result.ok) throw new Error(`the generator made a refused change: ${result.issue.message}`);
    d.history = result.history;
    allIds.push(id);
  }
  return devices.map((d) => d.history);
}

/** What a history says, in a form two equal histories share. */
function summary(history: GapHistory) {
  const gaps = [...deriveTimelines(history).values()]
    .map((t) => ({
      gapId: t.gapId,
      status: t.status,
      operator: t.operator,
      head: t.head?.id,
      line: t.line.map((e) => e.id),
      conflicts: t.conflicts.map((c) => c.event.id),
      invalid: t.invalid.map((x) => `${x.event.id}:${x.issue.code}`),
    }))
    .sort((a, b) => (a.gapId < b.gapId ? -1 : 1));
  return { file: historyFile(history), gaps };
}

const histories = fc.array(action, { maxLength: 60 }).map(play);
const RUNS = { seed: SEED, numRuns: 300 };

describe('merging two histories', () => {
  it('is commutative', () => {
    fc.assert(fc.property(histories, ([a, b]) => {
        expect(summary(mergeHistories(a!, b!))).toEqual(summary(mergeHistories(b!, a!)));
      }), RUNS);
  });

  it('is associative', () => {
    fc.assert(
      fc.property(histories, ([a, b, c]) => {
        expect(summary(mergeHistories(mergeHistories(a!, b!), c!))).toEqual(summary(mergeHistories(a!, mergeHistories(b!, c!))));
      }),
      RUNS,
    );
  });

  it('is idempotent, and gives back the same object when nothing is new', () => {
    fc.assert(
      fc.property(histories, ([a, b]) => {
        const ab = mergeHistories(a!, b!);
        expect(mergeHistories(a!, a!)).toBe(a);
        expect(mergeHistories(ab, b!)).toBe(ab);
        expect(summary(mergeHistories(ab, ab))).toEqual(summary(ab));
      }),
      RUNS,
    );
  });

  it('loses no event, and every valid event is on the line or a conflict', () => {
    fc.assert(
      fc.property(histories, ([a, b, c]) => {
        const all = mergeHistories(mergeHistories(a!, b!), c!);
        for (const h of [a!, b!, c!]) for (const [id, e] of h.events) expect(all.events.get(id)).toEqual(e);
        let counted = 0;
        for (const t of deriveTimelines(all).values()) {
          counted += t.line.length + t.conflicts.length + t.invalid.length;
          const ids = [...t.line, ...t.conflicts.map((x) => x.event), ...t.invalid.map((x) => x.event)].map((e) => e.id);
          expect(new Set(ids).size).toBe(ids.length);
        }
        expect(counted).toBe(all.events.size);
      }),
      RUNS,
    );
  });
});

describe('the derived status', () => {
  it('does not depend on the order the events arrive', () => {
    fc.assert(
      fc.property(histories, fc.nat(), ([a, b, c], seed) => {
        const all = [...mergeHistories(mergeHistories(a!, b!), c!).events.values()];
        // A shuffled arrival, one event at a time, against all at once.
        const order = all.map((e, i) => ({ e, k: (i * 2654435761 + seed) % 4294967296 })).sort((x, y) => x.k - y.k);
        let oneByOne = EMPTY_HISTORY;
        for (const { e } of order) oneByOne = withEvents(oneByOne, [e]);
        expect(summary(oneByOne)).toEqual(summary(historyOf(all)));
        expect(summary(historyOf([...all].reverse()))).toEqual(summary(historyOf(all)));
      }),
      RUNS,
    );
  });

  it('is one every device reaches once all have synced', () => {
    fc.assert(
      fc.property(histories, ([a, b, c]) => {
        const views = [mergeHistories(mergeHistories(a!, b!), c!), mergeHistories(mergeHistories(c!, a!), b!), mergeHistories(b!, mergeHistories(c!, a!))];
        for (const v of views) expect(summary(v)).toEqual(summary(views[0]!));
      }),
      RUNS,
    );
  });
});

describe('the generator', () => {
  it('makes histories with forks, conflicts and invalid events (so the laws above are tested on them)', () => {
    const sample = fc.sample(histories, { seed: SEED, numRuns: 300 });
    let conflicts = 0;
    let invalid = 0;
    for (const [a, b, c] of sample) {
      for (const t of deriveTimelines(mergeHistories(mergeHistories(a!, b!), c!)).values()) {
        conflicts += t.conflicts.length;
        invalid += t.invalid.length;
      }
    }
    expect(conflicts).toBeGreaterThan(100);
    expect(invalid).toBeGreaterThan(100);
  });
});

describe('the old import (replace) put through the same laws', () => {
  // Today's import keeps only the file: as a "merge" it is b, whatever a held.
  const replace = (_a: GapHistory, b: GapHistory): GapHistory => b;

  it('fails the no-loss law and commutativity, where mergeHistories passes', () => {
    const losesNothing = (merge: typeof mergeHistories) =>
      fc.check(
        fc.property(histories, ([a, b]) => {
          const m = merge(a!, b!);
          for (const id of a!.events.keys()) if (!m.events.has(id)) return false;
          return true;
        }),
        RUNS,
      );
    const commutes = (merge: typeof mergeHistories) =>
      fc.check(
        fc.property(histories, ([a, b]) => JSON.stringify(summary(merge(a!, b!))) === JSON.stringify(summary(merge(b!, a!)))),
        RUNS,
      );
    const oldLoss = losesNothing(replace);
    expect(oldLoss.failed).toBe(true);
    console.log(`old import: loses changes, counterexample found after ${oldLoss.numRuns} runs`);
    expect(commutes(replace).failed).toBe(true);
    expect(losesNothing(mergeHistories).failed).toBe(false);
    expect(commutes(mergeHistories).failed).toBe(false);
  });
});
