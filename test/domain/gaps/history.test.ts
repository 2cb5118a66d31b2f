// The gap register as a history that merges (src/domain/gaps/history.ts): recording,
// concurrent changes kept as conflicts, invalid events flagged, migration of a saved
// schema 1 record. Merge laws on random histories are in history-merge.test.ts.
import { describe, expect, it } from 'vitest';
import { hash128, randomEventId } from '../../../src/domain/gaps/event-id.ts';
import {
  EMPTY_HISTORY,
  gapTimeline,
  historyOf,
  isOverdue,
  mergeHistories,
  recordChange,
  type GapEvent,
  type GapHistory,
  type NewChange,
} from '../../../src/domain/gaps/history.ts';
import { migrateStatuses, toStatuses } from '../../../src/domain/gaps/history-v1.ts';
import { readGapStatuses, type GapStatuses } from '../../../src/domain/gaps/status.ts';

const H1 = 'hamlet:H-1';
const PROVINCE = { org: 'Sở TT&TT Cà Mau', role: 'province' as const, by: 'Chị Lan' };
const VIETTEL = { org: 'Viettel Cà Mau', role: 'partner' as const, by: 'Anh Minh' };

function record(history: GapHistory, change: NewChange, id: string): GapHistory {
  const result = recordChange(history, change, id);
  if (!result.ok) throw new Error(result.issue.message);
  return result.history;
}

/** A saved record exactly as today's app (schema 1) stores and exports it. */
const SAVED_V1 = JSON.parse(`{
 "schema": 1,
 "gaps": {
  "hamlet:H-1": [
   {"gapId": "hamlet:H-1", "status": "assigned", "operator": "Viettel", "date": "2025-01-10", "by": "Sở TT&TT"},
   {"gapId": "hamlet:H-1", "status": "in_progress", "note": "Khảo sát vị trí", "date": "2025-02-01"},
   {"gapId": "hamlet:H-1", "status": "resolved", "operator": "Viettel", "note": "Đo kiểm 4G đạt", "date": "2025-06-30"}
  ],
  "school:__proto__": [
   {"gapId": "school:__proto__", "status": "disputed", "date": "2025-03-03", "note": "Trường đã sáp nhập"}
  ],
  "school:S-7": [
   {"gapId": "school:S-7", "status": "assigned", "operator": "VNPT", "date": "2025-04-01"},
   {"gapId": "school:S-7", "status": "assigned", "operator": "MobiFone", "date": "2025-04-01"}
  ]
 }
}`) as unknown;

describe('event ids', () => {
  it('hash with MurmurHash3 x86 128 and come fresh at random', () => {
    expect(hash128("I will not buy this tobacconist's, it is scratched.")).toBe('9b5b7ba2ef3f7866889adeaf00f3f98e');
    expect(hash128('')).toBe('00000000000000000000000000000000');
    const ids = new Set(Array.from({ length: 1000 }, randomEventId));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{32}$/);
  });
});

describe('recording changes', () => {
  it('says who, when, the due date, and derives the status', () => {
    let h = record(EMPTY_HISTORY, { gapId: H1, status: 'assigned', operator: 'Viettel', date: '2025-01-10', due: '2025-03-31', ...PROVINCE }, 'e0000001');
    h = record(h, { gapId: H1, status: 'in_progress', date: '2025-02-01', note: 'Khảo sát', ...VIETTEL }, 'e0000002');
    const t = gapTimeline(h, H1);
    expect(t).toMatchObject({ status: 'in_progress', operator: 'Viettel', due: '2025-03-31', conflicts: [], invalid: [] });
    expect(t.line.map((e) => [e.id, e.parent, e.by, e.org])).toEqual([
      ['e0000001', undefined, 'Chị Lan', 'Sở TT&TT Cà Mau'],
      ['e0000002', 'e0000001', 'Anh Minh', 'Viettel Cà Mau'],
    ]);
    expect(isOverdue(t, '2025-03-31')).toBe(false);
    expect(isOverdue(t, '2025-04-01')).toBe(true);
    const done = record(h, { gapId: H1, status: 'resolved', date: '2025-04-02', ...VIETTEL }, 'e0000003');
    expect(gapTimeline(done, H1).due).toBeUndefined();
    expect(isOverdue(gapTimeline(done, H1), '2026-01-01')).toBe(false);
    expect(gapTimeline(h, 'school:none')).toEqual({ gapId: 'school:none', status: 'open', line: [], conflicts: [], invalid: [] });
  });

  it('refuses what the workflow refuses, with a code and the reason', () => {
    const refused = recordChange(EMPTY_HISTORY, { gapId: H1, status: 'resolved', date: '2025-01-01', ...PROVINCE }, 'e0000001');
    expect(refused).toEqual({
      ok: false,
      issue: { code: 'register.workflow', params: { gapId: H1, eventId: 'e0000001', of: 'gap-transition', from: 'open', to: 'resolved', hint: 'assign', reason: 'cannot go from open to resolved: assign it first' }, message: expect.any(String) },
    });
    const due = recordChange(EMPTY_HISTORY, { gapId: H1, status: 'disputed', due: '2025-02-01', date: '2025-01-01', ...PROVINCE }, 'e0000001');
    expect(due.ok ? '' : due.issue.code).toBe('register.dueNotAssignment');
    const early = recordChange(EMPTY_HISTORY, { gapId: H1, status: 'assigned', operator: 'VNPT', due: '2024-12-01', date: '2025-01-01', ...PROVINCE }, 'e0000001');
    expect(early.ok ? '' : early.issue.code).toBe('register.dueBeforeDate');
    const h = record(EMPTY_HISTORY, { gapId: H1, status: 'disputed', date: '2025-01-01', ...PROVINCE }, 'e0000001');
    const taken = recordChange(h, { gapId: 'school:S-1', status: 'disputed', date: '2025-01-01', ...PROVINCE }, 'e0000001');
    expect(taken.ok ? '' : taken.issue.code).toBe('register.idTaken');
  });
});

describe('concurrent changes', () => {
  const base = record(EMPTY_HISTORY, { gapId: H1, status: 'assigned', operator: 'Viettel', date: '2025-01-10', ...PROVINCE }, 'base0001');

  it('resolve to the later date; the loser is kept and shown as a conflict', () => {
    const viettel = record(base, { gapId: H1, status: 'in_progress', date: '2025-01-12', ...VIETTEL }, 'viettel1');
    const province = record(base, { gapId: H1, status: 'open', note: 'Thu hồi', date: '2025-01-11', ...PROVINCE }, 'province');
    for (const merged of [mergeHistories(viettel, province), mergeHistories(province, viettel)]) {
      const t = gapTimeline(merged, H1);
      expect(t.status).toBe('in_progress');
      expect(t.line.map((e) => e.id)).toEqual(['base0001', 'viettel1']);
      expect(t.conflicts.map((c) => [c.event.id, c.lostTo.id])).toEqual([['province', 'viettel1']]);
      expect(merged.events.size).toBe(3);
    }
  });

  it('on the same day, the province wins; then the larger id', () => {
    const viettel = record(base, { gapId: H1, status: 'in_progress', date: '2025-01-12', ...VIETTEL }, 'zzzz0001');
    const province = record(base, { gapId: H1, status: 'open', date: '2025-01-12', ...PROVINCE }, 'aaaa0001');
    expect(gapTimeline(mergeHistories(viettel, province), H1).status).toBe('open');
    const other = record(base, { gapId: H1, status: 'disputed', date: '2025-01-12', ...VIETTEL }, 'yyyy0001');
    expect(gapTimeline(mergeHistories(viettel, other), H1).head?.id).toBe('zzzz0001');
  });

  it('a later change follows the winner, and the branch that lost stays a conflict', () => {
    const viettel = record(base, { gapId: H1, status: 'in_progress', date: '2025-01-12', ...VIETTEL }, 'viettel1');
    const province = record(base, { gapId: H1, status: 'disputed', date: '2025-01-11', ...PROVINCE }, 'province');
    const merged = mergeHistories(viettel, province);
    const next = record(merged, { gapId: H1, status: 'resolved', date: '2025-01-20', ...VIETTEL }, 'viettel2');
    expect(gapTimeline(next, H1).line.map((e) => e.id)).toEqual(['base0001', 'viettel1', 'viettel2']);
    expect(gapTimeline(next, H1).conflicts.map((c) => c.event.id)).toEqual(['province']);
  });
});

describe('events that break the workflow', () => {
  it('are kept and flagged with the reason, and take no part in the status', () => {
    const events: GapEvent[] = [
      { id: 'ok000001', gapId: H1, status: 'assigned', operator: 'VNPT', date: '2025-01-01' },
      { id: 'bad00001', gapId: H1, status: 'open', date: '2024-12-01', parent: 'ok000001' },
      { id: 'child001', gapId: H1, status: 'disputed', date: '2025-02-01', parent: 'bad00001' },
      { id: 'orphan01', gapId: H1, status: 'disputed', date: '2025-03-01', parent: 'nowhere1' },
      { id: 'skip0001', gapId: 'school:S-1', status: 'resolved', date: '2025-01-01' },
      { id: 'other001', gapId: 'school:S-1', status: 'disputed', date: '2025-01-01', parent: 'ok000001' },
    ];
    const h = historyOf(events);
    const t = gapTimeline(h, H1);
    expect(t.status).toBe('assigned');
    expect(t.invalid.map((x) => [x.event.id, x.issue.code])).toEqual([
      ['bad00001', 'register.workflow'],
      ['child001', 'register.parentInvalid'],
      ['orphan01', 'register.parentMissing'],
    ]);
    expect(gapTimeline(h, 'school:S-1').invalid.map((x) => x.issue.code).sort()).toEqual(['register.parentOtherGap', 'register.workflow']);
    expect(gapTimeline(h, 'school:S-1').status).toBe('open');
    // Once the missing parent arrives, the orphan is valid and, later, wins.
    const healed = mergeHistories(h, historyOf([{ id: 'nowhere1', gapId: H1, status: 'open', date: '2025-02-15', parent: 'ok000001' }]));
    expect(gapTimeline(healed, H1)).toMatchObject({ status: 'disputed', head: { id: 'orphan01' } });
  });

  it('loops of parents are flagged, not followed forever', () => {
    const h = historyOf([
      { id: 'loop0001', gapId: H1, status: 'disputed', date: '2025-01-01', parent: 'loop0002' },
      { id: 'loop0002', gapId: H1, status: 'open', date: '2025-01-02', parent: 'loop0001' },
    ]);
    expect(gapTimeline(h, H1).invalid.map((x) => x.issue.code)).toEqual(['register.parentCycle', 'register.parentCycle']);
  });
});

describe('migration of a saved schema 1 record', () => {
  const read = readGapStatuses(SAVED_V1);
  if (!read.ok) throw new Error(read.problem);
  const saved: GapStatuses = read.statuses;

  it('loses nothing: the schema 1 view of the history is the record', () => {
    const history = migrateStatuses(saved);
    expect(history.events.size).toBe(6);
    expect(toStatuses(history)).toEqual(saved);
    expect(gapTimeline(history, H1)).toMatchObject({ status: 'resolved', operator: 'Viettel' });
    expect(gapTimeline(history, 'school:S-7')).toMatchObject({ status: 'assigned', operator: 'MobiFone' });
    expect(gapTimeline(history, 'school:__proto__').status).toBe('disputed');
    expect(Object.getPrototypeOf(toStatuses(history).gaps)).toBe(Object.prototype);
  });

  it('gives the same ids on every device, so a shared beginning merges as one', () => {
    const a = migrateStatuses(saved);
    const b = migrateStatuses(structuredClone(saved));
    expect([...a.events.keys()].sort()).toEqual([...b.events.keys()].sort());
    // Pinned: a change to the hashing would split every migrated history in two.
    expect(gapTimeline(a, H1).line[0]?.id).toBe(hash128(JSON.stringify(['song-map/gap-status/v1', '', H1, 'assigned', 'Viettel', null, '2025-01-10', 'Sở TT&TT'])));
    // Device B had one more change before upgrading: the merge has the union, and no duplicate.
    const longer: GapStatuses = { schema: 1, gaps: { ...saved.gaps, [H1]: [...(saved.gaps[H1] ?? []), { gapId: H1, status: 'open', date: '2025-07-01' }] } };
    const merged = mergeHistories(a, migrateStatuses(longer));
    expect(merged.events.size).toBe(7);
    expect(gapTimeline(merged, H1)).toMatchObject({ status: 'open', conflicts: [], invalid: [] });
  });
});
