// Whose network a gap is in (src/domain/gaps/network.ts) against a brute-force nearest
// tower on the bundled data; what a partner may change; the history as CSV rows; the next
// statuses offered.
import { describe, expect, it } from 'vitest';
import { readDataFolder } from '../../../src/cli/folder.ts';
import { towerInScenario } from '../../../src/domain/coverage/columns.ts';
import { haversineKm } from '../../../src/domain/geo/haversine.ts';
import { deriveTimelines, EMPTY_HISTORY, historyOf, recordChange, type GapEvent, type GapHistory, type NewChange } from '../../../src/domain/gaps/history.ts';
import { HISTORY_COLUMNS, historyRows, partnerProblem, plannedNetworks, suggestedNext } from '../../../src/domain/gaps/network.ts';
import { gapIdOf } from '../../../src/domain/gaps/status.ts';
import { parseDataset } from '../../../src/domain/parse/index.ts';

const { dataset } = parseDataset(readDataFolder('data'));
if (dataset === undefined) throw new Error('the bundled data does not load');

describe('plannedNetworks', () => {
  it("is the operator of each point's nearest 4G/5G tower on air in the planned scenario (brute force)", () => {
    const networks = plannedNetworks(dataset);
    const broadband = dataset.towers.filter((t) => towerInScenario(t, 'planned')?.broadband === true);
    const points = [...dataset.hamlets.map((p) => ({ p, gapId: gapIdOf('hamlet', p.id) })), ...dataset.schools.map((p) => ({ p, gapId: gapIdOf('school', p.id) }))];
    let checked = 0;
    for (const { p, gapId } of points) {
      const distances = broadband.map((t) => ({ km: haversineKm(p.lon, p.lat, t.lon, t.lat), operator: t.operator }));
      const best = Math.min(...distances.map((d) => d.km));
      const operators = new Set(distances.filter((d) => d.km - best < 1e-9).map((d) => d.operator));
      if (operators.size !== 1) continue; // equidistant towers of two operators: either is right
      expect([gapId, networks.get(gapId)]).toEqual([gapId, [...operators][0]]);
      checked++;
    }
    expect(checked).toBeGreaterThan(points.length * 0.99);
    expect(new Set(networks.values())).toEqual(new Set(['Viettel', 'VNPT', 'MobiFone']));
  });
});

describe('partnerProblem', () => {
  const networks = new Map([
    ['hamlet:V', 'Viettel'],
    ['hamlet:N', 'VNPT'],
  ]);
  const viettel = { org: 'Viettel Cà Mau', role: 'partner' as const };
  const province = { org: 'Sở TT&TT Cà Mau', role: 'province' as const };
  const event = (e: Partial<GapEvent>): GapEvent => ({ id: 'e0000001', gapId: 'hamlet:V', status: 'assigned', operator: 'Viettel', date: '2025-01-01', ...viettel, ...e });

  it('lets a partner work in its network, or on a gap assigned to it', () => {
    expect(partnerProblem(EMPTY_HISTORY, event({}), 'Viettel', networks)).toBeUndefined();
    expect(partnerProblem(EMPTY_HISTORY, event({ gapId: 'hamlet:N' }), 'Viettel', networks)?.code).toBe('sync.outsideNetwork');
    expect(partnerProblem(EMPTY_HISTORY, event({ gapId: 'hamlet:unknown' }), 'Viettel', networks)?.code).toBe('sync.outsideNetwork');
    expect(partnerProblem(EMPTY_HISTORY, event({ operator: 'VNPT' }), 'Viettel', networks)?.code).toBe('sync.assignOther');
    const assigned = historyOf([{ id: 'p0000001', gapId: 'hamlet:N', status: 'assigned', operator: 'Viettel', date: '2025-01-01', ...province }]);
    const work = event({ id: 'e0000002', gapId: 'hamlet:N', status: 'in_progress', operator: undefined, parent: 'p0000001' });
    expect(partnerProblem(assigned, work, 'Viettel', networks)).toBeUndefined();
    // Assigned to Viettel, the gap is no longer VNPT's, though VNPT's towers are nearest.
    expect(partnerProblem(assigned, work, 'VNPT', networks)?.code).toBe('sync.outsideNetwork');
    const toVnpt = historyOf([{ id: 'p0000003', gapId: 'hamlet:V', status: 'assigned', operator: 'VNPT', date: '2025-01-01', ...province }]);
    expect(partnerProblem(toVnpt, event({ id: 'e0000003', status: 'in_progress', operator: undefined, parent: 'p0000003' }), 'Viettel', networks)?.code).toBe('sync.outsideNetwork');
    const reopened = historyOf([...assigned.events.values(), { id: 'p0000002', gapId: 'hamlet:N', status: 'open', date: '2025-01-02', parent: 'p0000001', ...province }]);
    expect(partnerProblem(reopened, { ...work, parent: 'p0000002', status: 'disputed' }, 'Viettel', networks)?.code).toBe('sync.outsideNetwork');
  });
});

describe('history rows and suggestions', () => {
  const record = (h: GapHistory, change: NewChange, id: string): GapHistory => {
    const r = recordChange(h, change, id);
    if (!r.ok) throw new Error(r.issue.message);
    return r.history;
  };

  it('one row per change: the line, then conflicts, then invalid changes', () => {
    const p = { org: 'Sở', role: 'province' as const, by: 'Lan' };
    const base = record(EMPTY_HISTORY, { gapId: 'hamlet:A', status: 'assigned', operator: 'VNPT', due: '2025-02-01', date: '2025-01-01', ...p }, 'a0000001');
    const one = record(base, { gapId: 'hamlet:A', status: 'in_progress', date: '2025-01-02', ...p }, 'a0000002');
    const two = record(base, { gapId: 'hamlet:A', status: 'open', note: 'thu hồi, "gấp"', date: '2025-01-03', ...p }, 'a0000003');
    const all = historyOf([...one.events.values(), ...two.events.values(), { id: 'bad00001', gapId: 'hamlet:A', status: 'resolved', date: '2025-01-01' }]);
    expect(HISTORY_COLUMNS).toHaveLength(11);
    expect(historyRows(deriveTimelines(all).values())).toEqual([
      ['hamlet:A', '2025-01-01', 'assigned', 'VNPT', '2025-02-01', 'Lan', 'Sở', '', 'applied', 'a0000001', ''],
      ['hamlet:A', '2025-01-03', 'open', '', '', 'Lan', 'Sở', 'thu hồi, "gấp"', 'current', 'a0000003', 'a0000001'],
      ['hamlet:A', '2025-01-02', 'in_progress', '', '', 'Lan', 'Sở', '', 'conflict', 'a0000002', 'a0000001'],
      ['hamlet:A', '2025-01-01', 'resolved', '', '', '', '', '', 'invalid', 'bad00001', ''],
    ]);
  });

  it('suggests the natural next step, and nothing after resolved (not "reopen")', () => {
    expect(suggestedNext('open')[0]).toBe('assigned');
    expect(suggestedNext('assigned')[0]).toBe('in_progress');
    expect(suggestedNext('in_progress')[0]).toBe('resolved');
    expect(suggestedNext('resolved')).toEqual([]);
    expect(suggestedNext('disputed')).toEqual(['open']);
  });
});
