// The plan and gap-workflow problems: every code said in both languages, Vietnamese that is
// not English, and the English kept as the functions always said it.
import { describe, expect, it } from 'vitest';
import { applyStatusChange, readGapStatusFile, readGapStatuses } from '../../../src/domain/gaps/status.ts';
import type { IssueParams } from '../../../src/domain/messages/codes.ts';
import { PROBLEM_CODES, problemText, type ProblemCode } from '../../../src/domain/messages/problems.ts';
import { applyPlan, readPlanDoc, upgradeFault, upgradeProblem } from '../../../src/domain/plan/plan.ts';
import type { Tower } from '../../../src/domain/types.ts';
import { englishWords } from './english.ts';

const SAMPLES: Readonly<Record<ProblemCode, readonly IssueParams[]>> = {
  'plan-clears-required': [{ field: 'lon', tower: 'T1' }],
  'plan-removes-unknown': [{ tower: 'T9' }],
  'plan-changes-unknown': [{ tower: 'T9' }],
  'plan-adds-clash': [{ tower: 'T1' }],
  'plan-adds-twice': [{ tower: 'P1' }],
  'upgrade-no-tower': [{}],
  'upgrade-planned': [{ tower: 'P1' }],
  'upgrade-not-old': [{ tower: 'T1', technology: '4G' }],
  'upgrade-not-newer': [{ technology: '3G', current: '3G' }],
  'upgrade-date': [{ date: '2025-02-30' }],
  'upgrade-radius': [{ radius: '-1.5' }],
  'plan-not': ['object', 'list', 'tower', 'towerId', 'status', 'boolean', 'changes', 'lon', 'lat', 'nonEmpty', 'technology', 'positive', 'nonNegative', 'date'].flatMap(
    (what) => [{ at: '', what }, { at: 'added[0].lat', what }],
  ),
  'plan-unknown-field': [{ at: 'added[1]', key: 'colour' }],
  'plan-field-missing': [{ at: 'added[1]', field: 'lon' }],
  'plan-cannot-change': [{ at: 'changed["T1"]', key: 'status' }],
  'plan-clears': [{ at: 'changed["T1"]', key: 'lon' }],
  'gap-id': [{ id: 'H-1' }],
  'gap-status': [{ status: 'done' }],
  'gap-date': [{ date: '2025-13-01' }],
  'gap-date-order': [{ date: '2024-12-31', last: '2025-01-10' }],
  'gap-already-assigned': [{ operator: 'Viettel' }],
  'gap-transition': ['already', 'assign', 'progress', 'reopen'].map((hint) => ({ from: 'in_progress', to: 'resolved', hint })),
  'gap-no-operator': [{}],
  'gap-operator-unassigned': [{ operator: 'VNPT' }],
  'gap-operator-other': [{ operator: 'VNPT', assigned: 'Viettel' }],
  'statuses-not': ['object', 'change', 'text', 'changes_list', 'gapStatus', 'date'].flatMap((what) => [{ at: '', what }, { at: 'gaps["hamlet:H-1"][0]', what }]),
  'statuses-unknown-field': [{ at: '', key: 'extra' }, { at: 'gaps["hamlet:H-1"][0]', key: 'colour' }],
  'statuses-schema': [{ schema: '2' }],
  'statuses-gap-id': [{ at: 'gaps["hamlet:H-1"][0]', expected: 'hamlet:H-1' }],
  'statuses-change': [
    { at: 'gaps["H-1"]', of: 'gap-id', id: 'H-1' },
    { at: 'gaps["hamlet:H-1"][1]', of: 'gap-transition', from: 'open', to: 'resolved', hint: 'assign' },
  ],
  'statuses-json': [{ line: 3, column: 1234 }],
  'statuses-binary': [{}],
  'engine-no-data': [{}],
  'engine-no-candidates': [{}],
  'engine-import-gone': [{}],
  'engine-fetch': [{ path: 'hamlets.geojson', status: 404 }],
  'engine-restore': [{}],
  'engine-internal': [{ detail: 'RangeError: 0x0c' }],
  'store-quota': [{ what: 'plan' }, { what: 'statuses' }, { what: 'imports' }],
  'store-unavailable': [{ what: 'plan' }],
  'store-blocked': [{ what: 'plan' }],
  'store-newer': [{ what: 'statuses' }],
  'store-unreadable': [{ what: 'plan' }, { what: 'statuses' }],
  'store-conflict': [{ what: 'plan' }],
  'store-invalid': [{ what: 'imports' }],
  'store-failed': [{ what: 'plan', detail: 'AbortError' }],
};

describe('plan and gap problems', () => {
  for (const code of PROBLEM_CODES) {
    it(`${code}: both languages, for every sample`, () => {
      expect(SAMPLES[code].length).toBeGreaterThan(0);
      for (const params of SAMPLES[code]) {
        const en = problemText({ code, params }, 'en');
        const vi = problemText({ code, params }, 'vi');
        for (const text of [en, vi]) {
          expect(text.length, code).toBeGreaterThan(10);
          expect(text, code).not.toMatch(/undefined|NaN|\[object Object\]/);
        }
        expect(vi).not.toBe(en);
        expect(englishWords(vi), vi).toEqual([]);
      }
    });
  }

  it('keep the English sentences and add the problem to say in the user language', () => {
    const base: Tower[] = [{ id: 'T1', lon: 105, lat: 9, operator: 'Viettel', status: 'existing', technology: '3G', synthetic: false }];
    const applied = applyPlan(base, { added: [], changed: {}, removed: ['T9'] });
    expect(applied.problems).toEqual(['The plan removes tower "T9", which is not in the loaded towers; the removal is skipped.']);
    expect(problemText(applied.why[0] as never, 'vi')).toBe('Kế hoạch xoá trạm "T9", nhưng trạm này không có trong dữ liệu trạm đang dùng; việc xoá bị bỏ qua.');
    expect(upgradeProblem(base[0], '3G', '2025-01-01')).toBe("An upgrade to 3G is not newer than the tower's 3G.");
    expect(upgradeFault(base[0], '4G', '2025-01-01')).toBeUndefined();
    const plan = readPlanDoc({ added: [5], changed: {}, removed: [] });
    expect(plan).toMatchObject({ ok: false, problem: 'added[0] is not a tower' });
    const refused = applyStatusChange({ schema: 1, gaps: {} }, { gapId: 'hamlet:H-1', status: 'resolved', date: '2025-01-01' });
    expect(refused).toMatchObject({ ok: false, reason: 'cannot go from open to resolved: assign it first' });
    if (!refused.ok) expect(problemText(refused.why, 'vi')).toBe('không thể chuyển từ mở sang đã xử lý: hãy giao cho nhà mạng trước');
    expect(readGapStatuses({ schema: 1, gaps: { 'H-1': [] } })).toMatchObject({
      ok: false,
      problem: 'gaps["H-1"]: "H-1" is not a gap id (hamlet:<id> or school:<id>)',
    });
  });

  it('read a status file as statuses, or say what it is without the engine words', () => {
    expect(readGapStatusFile('{"schema": 1, "gaps": {}}')).toEqual({ ok: true, statuses: { schema: 1, gaps: {} } });
    const png = readGapStatusFile('\uFFFDPNG\r\n\u001a\n\u0000\u0000');
    expect(png.ok).toBe(false);
    if (!png.ok) expect(problemText(png.why, 'vi')).toBe('tệp không phải văn bản: tệp trạng thái là tệp JSON do nút "Xuất trạng thái" tạo ra');
    const broken = readGapStatusFile('{"schema": 1,\n  "gaps": {,}}');
    expect(broken.ok).toBe(false);
    if (!broken.ok) {
      expect(problemText(broken.why, 'en')).toBe('the file is not valid JSON (line 2, column 12)');
      expect(problemText(broken.why, 'vi')).toBe('tệp không phải JSON hợp lệ (dòng 2, cột 12)');
    }
    const wrong = readGapStatusFile('{"schema": 2, "gaps": {}}');
    if (!wrong.ok) expect(problemText(wrong.why, 'vi')).toBe('phiên bản "schema" là 2, không phải 1');
  });
});
