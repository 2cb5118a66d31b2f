// @vitest-environment jsdom
// The whole problem list is reachable in the import panel: grouped by kind (code and field)
// with counts, errors first, each group opening on all of its problems (a long one drawn as a
// virtual list); counts said with the right word in both languages.
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { groupIssues } from '../../src/domain/messages/groups.ts';
import { issueText } from '../../src/domain/messages/render.ts';
import type { Issue } from '../../src/domain/types.ts';
import { makeIssue } from '../../src/domain/parse/issues.ts';
import { IssueList } from '../../src/domain/parse/issues.ts';
import { ImportProblems } from '../../src/ui/import/ImportProblems.tsx';

afterEach(cleanup);

function problems() {
  const list = new IssueList('hamlets.geojson', 200);
  for (let k = 0; k < 230; k++) list.error('negative', { featureIndex: k, field: 'population' }, { value: -k });
  list.error('negative', { featureIndex: 3, field: 'households' }, { value: -1 });
  list.warning('outside-vietnam', { featureIndex: 1, field: 'geometry.coordinates' }, { lon: 1, lat: 2, count: 1 });
  return list.finish();
}

describe('groupIssues', () => {
  it('groups by severity, code and field, errors first, counting the lines past the limit', () => {
    const groups = groupIssues(problems());
    expect(groups.map((g) => [g.severity, g.code, g.field, g.count, g.issues.length])).toEqual([
      ['error', 'negative', 'population', 230, 201],
      ['error', 'negative', 'households', 1, 1],
      ['warning', 'outside-vietnam', 'geometry.coordinates', 1, 1],
    ]);
    // A plain count of the issues given agrees, group by group.
    const one = [makeIssue('warning', 'no-features', 'x.geojson', {}), makeIssue('warning', 'no-features', 'y.geojson', {})];
    expect(groupIssues(one).map((g) => g.count)).toEqual([2]);
  });
});

describe('ImportProblems', () => {
  it('(vi) shows each group with its count, closed, and opens on all its problems', () => {
    render(<ImportProblems issues={problems()} lang="vi" />);
    expect(screen.getByTestId('import-problem-totals').textContent).toBe('231 lỗi, 1 lưu ý');
    const groups = screen.getAllByTestId('import-problem-group');
    expect(groups.map((g) => g.querySelector('summary')?.textContent)).toEqual([
      expect.stringMatching(/^230 lỗi · trường "population"/),
      expect.stringMatching(/^1 lỗi · trường "households"/),
      expect.stringMatching(/^1 lưu ý · trường "geometry.coordinates"/),
    ]);
    const small = groups[1] as HTMLElement;
    fireEvent.click(within(small).getByText(/^1 lỗi/));
    expect(small.hasAttribute('open')).toBe(true);
    expect(small.querySelectorAll('li')).toHaveLength(1);
    // The long group is a virtual list: its rows are drawn as it scrolls, not 200 at once.
    const big = groups[0] as HTMLElement;
    fireEvent.click(within(big).getByText(/^230 lỗi/));
    const rows = [...big.querySelectorAll('li')];
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(201); // not all at once (a DOM without layout measures rows as 0 px, so more than a screenful)
    const all = groupIssues(problems())[0]?.issues ?? [];
    for (const row of rows) expect(row.textContent).toBe(issueText(all[Number(row.getAttribute('data-index'))] as Issue, 'vi'));
    expect(big.querySelector('[data-total-rows]')?.getAttribute('data-total-rows')).toBe('201');
  });

  it('(en) says 1 error, 1 note and 2 errors, never "1 errors"', () => {
    const one = [makeIssue('error', 'negative', 'h.geojson', { featureIndex: 0, field: 'population' }, { value: -1 })];
    render(<ImportProblems issues={one} lang="en" />);
    expect(screen.getByTestId('import-problem-totals').textContent).toBe('1 error, 0 notes');
    expect(screen.getByTestId('import-problem-group').querySelector('summary')?.textContent).toMatch(/^1 error · field "population"/);
    cleanup();
    render(<ImportProblems issues={problems()} lang="en" />);
    expect(screen.getByTestId('import-problem-totals').textContent).toBe('231 errors, 1 note');
  });
});
