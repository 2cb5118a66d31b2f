// Issue 17: the register's "my network" filter (the worker's CoverageSession.gaps) and the
// sync server (partnerProblem over plannedNetworks of the data folder, as src/server/main.ts
// builds them) must agree on the network of every gap, whatever the scenario on screen, the
// user's draft plan or the one-operator view. A gap whose nearest 4G/5G tower is VNPT's
// today but Viettel's once the planned towers are built is Viettel's for both.
import { describe, expect, it } from 'vitest';
import { EMPTY_HISTORY, historyOf, type GapEvent, type GapHistory } from '../../src/domain/gaps/history.ts';
import { partnerProblem, plannedNetworks } from '../../src/domain/gaps/network.ts';
import { applyStatusChange, EMPTY_STATUSES, type GapStatuses } from '../../src/domain/gaps/status.ts';
import type { GapQuery } from '../../src/domain/gaps/view.ts';
import { addTower, EMPTY_PLAN } from '../../src/domain/plan/plan.ts';
import type { Dataset, Tower } from '../../src/domain/types.ts';
import { CoverageSession } from '../../src/worker/compute.ts';

const OPERATORS = ['Viettel', 'VNPT', 'MobiFone'];
const tower = (id: string, operator: string, lon: number, status: Tower['status']): Tower => ({
  id, operator, lon, lat: 9, technology: '4G', status, radiusKm: 1, synthetic: false,
});
const hamlet = (id: string, lon: number) => ({ id, name: `Ấp ${id}`, lon, lat: 9, population: 100, gridPower: true, synthetic: false });

// SHIFT: ~22 km from VNPT's tower today (no signal), ~1.1 km from Viettel's planned one.
// FAR: nearest to VNPT in both scenarios. ASSIGNED: like SHIFT, assigned to MobiFone.
const dataset: Dataset = {
  province: [],
  districts: [],
  hamlets: [hamlet('SHIFT', 105.0), hamlet('FAR', 105.18), hamlet('ASSIGNED', 105.002)],
  schools: [],
  towers: [tower('T-VNPT', 'VNPT', 105.2, 'existing'), tower('T-VT', 'Viettel', 105.01, 'planned')],
  programme: { name: 'test', targets: [] },
};

const province = { org: 'Sở TT&TT Cà Mau', role: 'province' as const };
const assignment: GapEvent = { id: 'p0000001', gapId: 'hamlet:ASSIGNED', status: 'assigned', operator: 'MobiFone', date: '2025-01-01', ...province };
const history: GapHistory = historyOf([assignment]);
const assigned = applyStatusChange(EMPTY_STATUSES, { gapId: assignment.gapId, status: 'assigned', operator: 'MobiFone', date: assignment.date });
if (!assigned.ok) throw new Error(assigned.reason);
const statuses: GapStatuses = assigned.statuses;

/** Whether the server lets `operator`'s partner record a change on the gap (assigning it to itself). */
function serverAllows(gapId: string, operator: string): boolean {
  const parent = gapId === assignment.gapId ? assignment.id : undefined;
  const event: GapEvent = { id: 'e0000001', gapId, status: 'assigned', operator, date: '2025-01-02', org: `${operator} Cà Mau`, role: 'partner', ...(parent ? { parent } : {}) };
  return partnerProblem(parent ? history : EMPTY_HISTORY, event, operator, plannedNetworks(dataset)) === undefined;
}

function shown(session: CoverageSession, inNetworkOf?: string): string[] {
  const query: GapQuery = { filter: inNetworkOf === undefined ? {} : { inNetworkOf }, sort: { key: 'point', direction: 'asc' }, lang: 'vi', statuses };
  const view = session.gaps(query);
  if (!view) throw new Error('no answer yet');
  return Array.from(view.points, (p) => `hamlet:${dataset.hamlets[p]!.id}`);
}

function expectOneRule(session: CoverageSession): void {
  const gaps = shown(session);
  expect(gaps).toContain('hamlet:SHIFT');
  for (const operator of OPERATORS) {
    const filtered = new Set(shown(session, operator));
    expect(gaps.map((g) => [g, operator, filtered.has(g)])).toEqual(gaps.map((g) => [g, operator, serverAllows(g, operator)]));
  }
}

describe('"my network" in the register and the sync server', () => {
  it('give a gap the same network whatever the scenario on screen', () => {
    const session = new CoverageSession(dataset);
    const current = session.coverage(0, 'current');
    // The precondition: on screen (current) SHIFT's nearest 4G tower is VNPT's; planned, Viettel's.
    const shift = dataset.hamlets.findIndex((h) => h.id === 'SHIFT');
    expect(session.slots.towers[current.nearestTower[shift] as number]?.operator).toBe('VNPT');
    expect(plannedNetworks(dataset).get('hamlet:SHIFT')).toBe('Viettel');
    expectOneRule(session);
    expect(shown(session, 'Viettel')).toEqual(['hamlet:SHIFT']);
    expect(shown(session, 'VNPT')).toEqual(['hamlet:FAR']);
    expect(shown(session, 'MobiFone')).toEqual(['hamlet:ASSIGNED']);
  });

  it('and whatever the draft plan or the one-operator view, which the server never sees', () => {
    const session = new CoverageSession(dataset);
    session.coverage(0, 'current');
    // A draft MobiFone tower next to SHIFT makes it the nearest on screen, but not on the server.
    const plan = addTower(EMPTY_PLAN, { ...tower('P-1', 'MobiFone', 105.0005, 'existing'), radiusKm: 0.01 });
    session.setPlan(1, plan, 'current');
    expect(shown(session)).toContain('hamlet:SHIFT');
    expectOneRule(session);
    session.setNetwork('VNPT');
    session.coverage(2, 'current');
    expectOneRule(session);
    expect(shown(session, 'Viettel')).toEqual(['hamlet:SHIFT']);
  });
});
