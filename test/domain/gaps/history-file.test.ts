// Exchanging the gap register by file (src/domain/gaps/history-file.ts): the schema 2 file
// round-trips, schema 1 files still read, an import previews then merges, a file that
// breaks the workflow is refused whole; and the old import (replace) loses changes where
// the merge does not.
import { describe, expect, it } from 'vitest';
import { EMPTY_HISTORY, gapTimeline, recordChange, type GapHistory, type NewChange } from '../../../src/domain/gaps/history.ts';
import { toStatuses } from '../../../src/domain/gaps/history-v1.ts';
import { historyFile, previewImport, previewMessage, readHistoryFile } from '../../../src/domain/gaps/history-file.ts';
import { applyStatusChange, currentGap, EMPTY_STATUSES, gapHistory, readGapStatuses, type GapStatusChange, type GapStatuses } from '../../../src/domain/gaps/status.ts';

const H1 = 'hamlet:H-1';
const H2 = 'hamlet:H-2';
const PROVINCE = { org: 'Sở TT&TT Cà Mau', role: 'province' as const };
const VNPT = { org: 'VNPT Cà Mau', role: 'partner' as const };

function record(history: GapHistory, change: NewChange, id: string): GapHistory {
  const result = recordChange(history, change, id);
  if (!result.ok) throw new Error(result.issue.message);
  return result.history;
}

/** The file as it travels: JSON text, parsed again. */
function roundTrip(history: GapHistory): GapHistory {
  const read = readHistoryFile(JSON.parse(JSON.stringify(historyFile(history))));
  if (!read.ok) throw new Error(read.issue.message);
  return read.history;
}

const shared = record(EMPTY_HISTORY, { gapId: H1, status: 'assigned', operator: 'VNPT', date: '2025-05-01', due: '2025-06-30', ...PROVINCE }, 'shared01');

describe('the status file', () => {
  it('round-trips every field, in id order', () => {
    const h = record(shared, { gapId: H1, status: 'in_progress', note: 'Đang lắp trạm', by: 'Anh Tú', date: '2025-05-03', ...VNPT }, 'vnpt0001');
    const file = historyFile(h);
    expect(file.schema).toBe(2);
    expect(file.events.map((e) => e.id)).toEqual(['shared01', 'vnpt0001']);
    expect(Object.keys(file.events[1]!)).toEqual(['id', 'gapId', 'status', 'note', 'date', 'by', 'org', 'role', 'parent']);
    expect(historyFile(roundTrip(h))).toEqual(file);
  });

  it('reads schema 1 files, migrated', () => {
    const v1 = { schema: 1, gaps: { [H1]: [{ gapId: H1, status: 'disputed', date: '2025-01-01' }] } };
    const read = readHistoryFile(v1);
    expect(read.ok && read.migratedFrom).toBe(1);
    expect(read.ok && toStatuses(read.history)).toEqual(v1);
  });

  it('refuses bad files whole, with a code and parameters', () => {
    const code = (value: unknown) => {
      const read = readHistoryFile(value);
      return read.ok ? 'ok' : [read.issue.code, read.issue.params];
    };
    expect(code([])).toEqual(['register.fileNotObject', {}]);
    expect(code({ schema: 3, events: [] })).toEqual(['register.fileSchema', { schema: '3' }]);
    expect(code({ schema: 2 })).toEqual(['register.fileNoEvents', {}]);
    expect(code({ schema: 2, events: [], extra: 1 })).toEqual(['register.fileField', { field: 'extra' }]);
    expect(code({ schema: 2, events: [{ id: 'x', gapId: H1, status: 'open', date: '2025-01-01' }] })).toEqual([
      'register.eventField',
      { at: 'events[0]', field: 'id', what: 'id' },
    ]);
    expect(code({ schema: 2, events: [{ id: 'abcdefgh', gapId: H1, status: 'done', date: '2025-01-01' }] })[0]).toBe('register.eventField');
    const one = { id: 'abcdefgh', gapId: H1, status: 'disputed', date: '2025-01-01' };
    expect(code({ schema: 2, events: [one, { ...one, note: 'khác' }] })).toEqual(['register.idClash', { eventId: 'abcdefgh' }]);
    expect(code({ schema: 1, gaps: { [H1]: [{ gapId: H1, status: 'resolved', date: '2025-01-01' }] } })[0]).toBe('register.fileSchema1');
  });
});

describe('importing a status file', () => {
  const mine = record(record(shared, { gapId: H1, status: 'in_progress', date: '2025-05-03', ...VNPT }, 'mine0001'), { gapId: H2, status: 'disputed', date: '2025-05-04', ...PROVINCE }, 'mine0002');
  const theirs = record(record(shared, { gapId: H1, status: 'open', note: 'Thu hồi', date: '2025-05-05', ...PROVINCE }, 'their001'), { gapId: 'school:S-1', status: 'disputed', date: '2025-05-05', ...PROVINCE }, 'their002');

  it('previews new changes and conflicts, keeps all of mine, then merges', () => {
    const result = previewImport(mine, roundTrip(theirs));
    if (!result.ok) throw new Error(result.issue.message);
    expect(result.preview).toEqual({ newChanges: 2, conflicts: 1, kept: 3 });
    expect(previewMessage(result.preview)).toBe('2 new changes, 1 conflict, nothing of yours will be lost');
    for (const id of mine.events.keys()) expect(result.merged.events.has(id)).toBe(true);
    expect(gapTimeline(result.merged, H1)).toMatchObject({ status: 'open', conflicts: [{ event: { id: 'mine0001' } }] });
    expect(gapTimeline(result.merged, H2).status).toBe('disputed');
    // Importing it again changes nothing.
    const again = previewImport(result.merged, theirs);
    expect(again.ok && again.preview).toEqual({ newChanges: 0, conflicts: 0, kept: 5 });
    expect(again.ok && again.merged).toBe(result.merged);
  });

  it('refuses a file whose changes break the workflow, or reuse a known id, and says why', () => {
    const broken = readHistoryFile({ schema: 2, events: [{ id: 'broken01', gapId: H1, status: 'resolved', date: '2025-05-02', parent: 'shared01' }] });
    if (!broken.ok) throw new Error(broken.issue.message);
    const result = previewImport(mine, broken.history);
    expect(result.ok ? 'ok' : [result.issue.code, result.issue.params]).toEqual([
      'register.workflow',
      { gapId: H1, eventId: 'broken01', of: 'gap-transition', from: 'assigned', to: 'resolved', hint: 'progress', reason: 'cannot go from assigned to resolved: mark it in progress first' },
    ]);
    const orphan = readHistoryFile({ schema: 2, events: [{ id: 'orphan01', gapId: H1, status: 'open', date: '2025-05-02', parent: 'unknown1' }] });
    const refused = orphan.ok ? previewImport(mine, orphan.history) : orphan;
    expect(refused.ok ? 'ok' : refused.issue.code).toBe('register.parentMissing');
    const clash = readHistoryFile({ schema: 2, events: [{ id: 'mine0002', gapId: H2, status: 'disputed', date: '2025-05-04', note: 'forged' }] });
    const clashed = clash.ok ? previewImport(mine, clash.history) : clash;
    expect(clashed.ok ? 'ok' : clashed.issue.code).toBe('register.idClash');
  });
});

describe('the old import (replace) against the merge', () => {
  it('the old one loses the changes recorded on this device; the merge keeps them', () => {
    // Today's app: statuses on this device, then a partner's file with one gap is imported.
    let local: GapStatuses = EMPTY_STATUSES;
    const apply = (s: GapStatuses, change: GapStatusChange) => {
      const r = applyStatusChange(s, change);
      if (!r.ok) throw new Error(r.reason);
      return r.statuses;
    };
    local = apply(local, { gapId: H1, status: 'assigned', operator: 'Viettel', date: '2025-01-10' });
    local = apply(local, { gapId: H2, status: 'disputed', date: '2025-01-11' });
    const partnerFile = apply(EMPTY_STATUSES, { gapId: 'school:S-1', status: 'assigned', operator: 'MobiFone', date: '2025-01-12' });
    const read = readGapStatuses(JSON.parse(JSON.stringify(partnerFile)));
    if (!read.ok) throw new Error(read.problem);
    const replaced = read.statuses; // what `gapStatusesRestored` did with an imported file
    expect(currentGap(replaced, H1).status).toBe('open');
    expect(gapHistory(replaced, H2)).toEqual([]);

    // The merge, from the same two schema 1 records.
    const mineRead = readHistoryFile(local);
    const theirsRead = readHistoryFile(JSON.parse(JSON.stringify(partnerFile)));
    if (!mineRead.ok || !theirsRead.ok) throw new Error('unreadable');
    const merged = previewImport(mineRead.history, theirsRead.history);
    if (!merged.ok) throw new Error(merged.issue.message);
    expect(merged.preview).toEqual({ newChanges: 1, conflicts: 0, kept: 2 });
    const view = toStatuses(merged.merged);
    for (const gapId of [H1, H2]) expect(gapHistory(view, gapId)).toEqual(gapHistory(local, gapId));
    expect(currentGap(view, 'school:S-1')).toMatchObject({ status: 'assigned', operator: 'MobiFone' });
  });
});
