// @vitest-environment jsdom
// Before → after of a what-if (plan impact, model edit): one table, the figures and the change
// written in the page's language.
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { CoverageFigures } from '../../src/domain/coverage/report.ts';
import { useAppStore } from '../../src/state/store.ts';
import { FiguresChange } from '../../src/ui/plan/FiguresChange.tsx';

afterEach(() => {
  cleanup();
  useAppStore.setState({ lang: 'vi' });
});

const figures = (hamletsGood: number, populationGood: number, schoolsGood: number, studentsGood: number) =>
  ({
    hamlets: { good: hamletsGood, population_good: populationGood },
    schools: { good: schoolsGood, students_good: studentsGood },
  }) as unknown as CoverageFigures;

const cells = (figure: string) =>
  within(document.querySelector(`tr[data-figure="${figure}"]`) as HTMLElement)
    .getAllByRole('cell')
    .map((c) => c.textContent);

describe('FiguresChange', () => {
  it('writes before, after and the signed change in Vietnamese', () => {
    render(<FiguresChange before={figures(858, 1_190_400, 430, 98_000)} after={figures(826, 1_141_000, 430, 98_250)} testId="t" caption="c" />);
    expect(screen.getByRole('columnheader', { name: 'Trước' })).toBeTruthy();
    expect(cells('hamlets')).toEqual(['858', '826', '−32']);
    expect(cells('population')).toEqual(['1.190.400', '1.141.000', '−49.400']);
    expect(cells('schools')).toEqual(['430', '430', '0']);
    expect(cells('students')).toEqual(['98.000', '98.250', '+250']);
  });

  it('in English, with English separators and headings', () => {
    useAppStore.setState({ lang: 'en' });
    render(<FiguresChange before={figures(858, 1_190_400, 430, 98_000)} after={figures(903, 1_200_000, 443, 99_000)} />);
    expect(screen.getByRole('columnheader', { name: 'Before' })).toBeTruthy();
    expect(cells('population')).toEqual(['1,190,400', '1,200,000', '+9,600']);
  });
});
