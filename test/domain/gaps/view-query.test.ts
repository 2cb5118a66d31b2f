// The register's query from the page's state (view.ts gapQuery): the statuses and the due
// dates cross only when the filter reads them, and a change of history asks again only then.
import { describe, expect, it } from 'vitest';
import { EMPTY_HISTORY, recordChange, type GapHistory } from '../../../src/domain/gaps/history.ts';
import { toStatuses } from '../../../src/domain/gaps/history-v1.ts';
import { gapQuery, gapQueryChanged, type GapInputs } from '../../../src/domain/gaps/view.ts';

const H1 = 'hamlet:H-1';
const recorded = (() => {
  const result = recordChange(EMPTY_HISTORY, { gapId: H1, status: 'assigned', operator: 'Viettel', date: '2025-01-10', due: '2025-03-31', org: 'Sở', role: 'province', by: 'Chị Lan' }, 'e0000001');
  if (!result.ok) throw new Error(result.issue.message);
  return result.history;
})();
const inputs = (gapFilter: GapInputs['gapFilter'], gapHistory: GapHistory = recorded): GapInputs => ({
  gapFilter,
  gapSort: { key: 'weight', direction: 'desc' },
  lang: 'vi',
  gapStatuses: toStatuses(gapHistory),
  gapHistory,
});
const today = () => '2025-04-01';

describe('the register query the page sends', () => {
  it('sends the filter, order and language alone when the filter reads no status', () => {
    const s = inputs({ districtId: 'D1' });
    expect(gapQuery(s, today)).toEqual({ filter: { districtId: 'D1' }, sort: { key: 'weight', direction: 'desc' }, lang: 'vi' });
  });

  it('sends the statuses for a status filter and the due dates with today for the overdue one', () => {
    const byStatus = inputs({ status: 'assigned' });
    expect(gapQuery(byStatus, today).statuses).toBe(byStatus.gapStatuses);
    expect(gapQuery(byStatus, today).dues).toBeUndefined();
    const overdue = gapQuery(inputs({ overdue: true }), today);
    expect(overdue.statuses).toBeUndefined();
    expect(overdue.dues).toEqual({ due: new Map([[H1, '2025-03-31']]), today: '2025-04-01' });
  });

  it('asks again when the filter, order or language changes, and for a new history only when the filter reads it', () => {
    const plain = inputs({});
    expect(gapQueryChanged(plain, plain)).toBe(false);
    expect(gapQueryChanged({ ...plain, lang: 'en' }, plain)).toBe(true);
    expect(gapQueryChanged({ ...plain, gapSort: { key: 'weight', direction: 'asc' } }, plain)).toBe(true);
    expect(gapQueryChanged({ ...plain, gapFilter: {} }, plain)).toBe(true);
    expect(gapQueryChanged({ ...plain, gapHistory: EMPTY_HISTORY }, plain)).toBe(false);
    const overdue = inputs({ overdue: true });
    expect(gapQueryChanged({ ...overdue, gapHistory: EMPTY_HISTORY }, overdue)).toBe(true);
    const assigned = inputs({ assignedTo: 'Viettel' });
    expect(gapQueryChanged({ ...assigned, gapHistory: EMPTY_HISTORY }, assigned)).toBe(true);
  });
});
