import { describe, expect, it } from 'vitest';
import { readHistoryFile } from '../../../src/domain/gaps/history-file.ts';
import { EMPTY_HISTORY, recordChange } from '../../../src/domain/gaps/history.ts';
import { REGISTER_CODES, registerText } from '../../../src/domain/messages/register.ts';
import { englishWords } from './english.ts';

const PARAMS = { at: 'events[2]', field: 'status', what: 'status', gapId: 'hamlet:H-1', eventId: 'e-12345678', parent: 'p-12345678', due: '2022-01-02', date: '2022-01-05', latest: '2022-01-03', schema: 3, operator: 'VNPT', own: 'Viettel', org: 'VNPT Cà Mau', sender: 'Viettel Cà Mau', of: 'gap-transition', from: 'open', to: 'resolved' };

describe('the gap register says every problem in both languages', () => {
  it('has a text for every code in Vietnamese and English', () => {
    for (const code of REGISTER_CODES) {
      const vi = registerText({ code, params: PARAMS }, 'vi');
      const en = registerText({ code, params: PARAMS }, 'en');
      expect(vi, code).not.toBe(code);
      expect(en, code).not.toBe(code);
      expect(vi, code).not.toBe(en);
      expect(englishWords(vi), `${code}: ${vi}`).toEqual([]);
    }
  });

  it('says a refused change of the workflow as the status panel does, dates as the language writes them', () => {
    const first = recordChange(EMPTY_HISTORY, { gapId: 'hamlet:H-1', status: 'assigned', operator: 'VNPT', date: '2022-01-05', org: 'Sở', role: 'province' }, 'a1234567');
    if (!first.ok) throw new Error('first change refused');
    const early = recordChange(first.history, { gapId: 'hamlet:H-1', status: 'in_progress', date: '2022-01-01', org: 'Sở', role: 'province' }, 'b1234567');
    expect(early.ok).toBe(false);
    if (early.ok) return;
    expect(registerText(early.issue, 'vi')).toContain('01/01/2022');
    expect(englishWords(registerText(early.issue, 'vi'))).toEqual([]);
    const due = recordChange(EMPTY_HISTORY, { gapId: 'hamlet:H-1', status: 'assigned', operator: 'VNPT', date: '2022-01-05', due: '2022-01-02', org: 'Sở', role: 'province' }, 'c1234567');
    expect(due.ok).toBe(false);
    if (!due.ok) expect(registerText(due.issue, 'vi')).toBe('hamlet:H-1: hạn xử lý 02/01/2022 sớm hơn ngày giao việc 05/01/2022');
  });

  it('says a bad file field by field in Vietnamese', () => {
    const read = readHistoryFile({ schema: 2, events: [{ id: 'x1234567', gapId: 'hamlet:H-1', status: 'closed', date: '2022-01-01' }] });
    expect(read.ok).toBe(false);
    if (!read.ok) expect(registerText(read.issue, 'vi')).toBe('events[0].status: không phải một trong open, assigned, in_progress, resolved, disputed');
    const old = readHistoryFile({ schema: 1, gaps: { 'hamlet:H-1': [{ gapId: 'hamlet:H-1', status: 'resolved', date: '2022-01-01' }] } });
    expect(old.ok).toBe(false);
    if (!old.ok) expect(englishWords(registerText(old.issue, 'vi'))).toEqual([]);
  });
});
