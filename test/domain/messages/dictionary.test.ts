// Every issue code has its text in both languages, for every way its sentence can go
// (samples.ts): nothing empty, no "undefined", "NaN" or "[object Object]" leaking from a
// missing parameter, Vietnamese that is not English, numbers and plurals as each language
// writes them, features counted from 1.
import { describe, expect, it } from 'vitest';
import { ISSUE_CODES, type IssueCode, type IssueParams } from '../../../src/domain/messages/codes.ts';
import { issueText, type Lang } from '../../../src/domain/messages/render.ts';
import { makeIssue } from '../../../src/domain/parse/issues.ts';
import type { Issue } from '../../../src/domain/types.ts';
import { englishWords } from './english.ts';
import { SAMPLES } from './samples.ts';

function sampleIssue(code: IssueCode, params: IssueParams): Issue {
  const place = params['csv'] === true ? { line: 3, id: 'h2', column: 3, field: 'population' } : { featureIndex: 4, id: 'h5', field: 'population' };
  return makeIssue('error', code, 'hamlets.geojson', place, params);
}

/** The sentence after the file and place (which a sentence's own ": " must not cut short). */
function what(issue: Issue, lang: Lang): string {
  const text = issueText(issue, lang);
  // The same place before a sentence without ": " gives the prefix.
  const placed = issueText({ ...issue, code: 'no-rows' }, lang);
  const prefix = placed.slice(0, placed.lastIndexOf(': ') + 2);
  return prefix !== '' && text.startsWith(prefix) ? text.slice(prefix.length) : text;
}

describe('the issue dictionaries', () => {
  it('have samples for every code, and every code once', () => {
    expect(new Set(ISSUE_CODES).size).toBe(ISSUE_CODES.length);
    expect(Object.keys(SAMPLES).sort()).toEqual([...ISSUE_CODES].sort());
  });

  for (const code of ISSUE_CODES) {
    it(`${code}: says every sample in Vietnamese and English`, () => {
      const samples = SAMPLES[code];
      expect(samples.length).toBeGreaterThan(0);
      for (const params of samples) {
        const issue = sampleIssue(code, params);
        const allowed = [params['reason'] === 'undefined' ? 'undefined' : '', params['reason'] === 'nan' ? 'NaN' : ''];
        for (const lang of ['vi', 'en'] as const) {
          const text = issueText(issue, lang);
          const label = `${code} ${lang} ${JSON.stringify(params)}: ${text}`;
          expect(text.startsWith('hamlets.geojson') || code === 'import-nothing' || code === 'import-twice', label).toBe(true);
          expect(what(issue, lang).trim().length, label).toBeGreaterThan(3);
          for (const leak of ['undefined', 'NaN', '[object Object]', 'null null', '()']) {
            if (!allowed.includes(leak)) expect(text, label).not.toContain(leak);
          }
        }
        const vi = issueText(issue, 'vi');
        expect(vi, code).not.toBe(issueText(issue, 'en'));
        expect(englishWords(vi), vi).toEqual([]);
        expect(issue.message).toBe(issueText(issue, 'en'));
      }
    });
  }

  it('count features and targets from 1 in both languages, keeping featureIndex 0-based', () => {
    const first = makeIssue('error', 'negative', 'h.geojson', { featureIndex: 0, id: 'h1', field: 'population' }, { value: -5 });
    expect(first.featureIndex).toBe(0);
    expect(first.message).toBe('h.geojson: feature 1 (id "h1"), field "population": is -5, must be a whole number ≥ 0');
    expect(issueText(first, 'vi')).toBe('h.geojson: đối tượng 1 (mã "h1"), trường dữ liệu "population": là -5, phải là số nguyên ≥ 0');
    const target = makeIssue('error', 'target-not-object', 'p.json', { targetIndex: 0 }, { got: 'string', value: 't' });
    expect(target.message).toBe('p.json: target 1: is a string ("t"), must be an object');
    expect(issueText(target, 'vi')).toBe('p.json: mục tiêu 1: là một chuỗi ("t"), phải là một đối tượng JSON');
  });

  it('write numbers as each language does', () => {
    const issue = makeIssue('warning', 'large-value', 't.geojson', { featureIndex: 2, field: 'radius_km' }, { value: 1234.5, unit: 'km', limit: 50 });
    expect(issueText(issue, 'en')).toContain('is 1234.5 km, more than 50 km');
    expect(issueText(issue, 'vi')).toContain('là 1.234,5 km, lớn hơn 50 km');
  });

  it('say "1 more error", never "1 errors", and count the rest in Vietnamese', () => {
    const one = sampleIssue('more-not-listed', { count: 1, total: 51, severity: 'error', of: 'negative' });
    expect(issueText(one, 'en')).toBe('hamlets.geojson: 1 more error of kind "negative" in field "population" not listed (51 in all)');
    const many = sampleIssue('more-not-listed', { count: 2000, total: 2050, severity: 'warning', of: 'negative' });
    expect(issueText(many, 'en')).toContain('2000 more warnings of kind');
    expect(issueText(many, 'vi')).toBe('hamlets.geojson: còn 2.000 lưu ý khác cùng loại "negative" ở trường dữ liệu "population" không được liệt kê (tổng cộng 2.050)');
  });

  it('render an issue of an unknown code (an older version, another module) by its stored message', () => {
    const stored = { severity: 'error', code: 'gone-code', file: 'f', message: 'f: as it was' } as unknown as Issue;
    expect(issueText(stored, 'vi')).toBe('f: as it was');
  });
});
