// @vitest-environment jsdom
// The leadership view's panels on the hand-made fixture (test/domain/progress/fixture.ts),
// whose figures on each day are known: the time control, the target cards, the district
// table, the choropleth panel and the status badge, in Vietnamese and in English.
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fromDay, toDay } from '../../src/domain/progress/days.ts';
import type { AreaRow } from '../../src/domain/progress/snapshot.ts';
import { STATUSES, type Status } from '../../src/domain/progress/status.ts';
import { buildTimeline } from '../../src/domain/progress/timeline.ts';
import { onAirTowers } from '../../src/domain/coverage/columns.ts';
import type { Dataset } from '../../src/domain/types.ts';
import { CHOROPLETH_METRICS } from '../../src/state/dashboard.ts';
import { useSince } from '../../src/state/since.ts';
import { useAppStore } from '../../src/state/store.ts';
import { ChoroplethPanel } from '../../src/ui/dashboard/ChoroplethPanel.tsx';
import { DistrictTable, sortRows } from '../../src/ui/dashboard/DistrictTable.tsx';
import { StatusBadge } from '../../src/ui/dashboard/StatusBadge.tsx';
import { TargetCards } from '../../src/ui/dashboard/TargetCards.tsx';
import { TimeControl } from '../../src/ui/dashboard/TimeControl.tsx';
import type { CoverageResult } from '../../src/domain/coverage/answer.ts';
import { FIRST_DATE, fixture, LAST_DATE } from '../domain/progress/fixture.ts';
import { viewOf } from './view-of.ts';

// jsdom has no canvas and no matchMedia, which uPlot reads as it loads. The module is
// automocked: a factory mock (vi.mock('uplot', () => …)) is lost to all but the first of the
// cards' concurrent `import('uplot')` (vitest #7040), which then load the real uPlot.
vi.hoisted(() => {
  globalThis.matchMedia ??= () =>
    ({ matches: false, addEventListener() {}, removeEventListener() {}, addListener() {}, removeListener() {} }) as unknown as MediaQueryList;
});
vi.mock('uplot');
const { default: UPlot } = await import('uplot');
const chart = { setData: vi.fn(), redraw: vi.fn(), setSize: vi.fn(), destroy: vi.fn() };
vi.mocked(UPlot).mockImplementation(function () {
  return chart as unknown as InstanceType<typeof UPlot>;
});
// Nor a ResizeObserver, which each chart uses to follow its box.
vi.stubGlobal(
  'ResizeObserver',
  class {
    observe() {}
    unobserve() {}
    disconnect() {}
  },
);

const initial = useAppStore.getState();
beforeEach(() => {
  useAppStore.setState(initial, true);
  vi.mocked(UPlot).mockClear();
  Object.values(chart).forEach((fn) => fn.mockClear());
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const dataset = fixture();
const timeline = buildTimeline(dataset);
const FIRST = toDay(FIRST_DATE);
const LAST = toDay(LAST_DATE);

/** The fixture in the store, read on `asOf`. */
function showFixture(asOf: string, data: Dataset = dataset): void {
  useAppStore.setState({ dataset: viewOf(data), timeline: data === dataset ? timeline : buildTimeline(data), asOf });
}

const asOf = () => useAppStore.getState().asOf;

describe('TimeControl', () => {
  it("spans the timeline's days with the slider and reads the day out in Vietnamese", () => {
    showFixture('2021-10-15');
    render(<TimeControl />);
    const slider = screen.getByRole<HTMLInputElement>('slider', { name: 'Chọn ngày trên dòng thời gian' });
    expect(timeline.firstDay).toBe(FIRST);
    expect(timeline.lastDay).toBe(LAST);
    // The fixture's data begin inside the programme's first year: one position a day.
    expect(slider.min).toBe('0');
    expect(slider.max).toBe(String(LAST - FIRST));
    expect(slider.value).toBe(String(toDay('2021-10-15') - FIRST));
    expect(slider.getAttribute('aria-valuetext')).toBe('15/10/2021');
    expect(screen.getByTestId('as-of').textContent).toBe('15/10/2021');

    fireEvent.change(slider, { target: { value: String(toDay('2021-06-01') - FIRST) } });
    expect(asOf()).toBe('2021-06-01');
    expect(slider.getAttribute('aria-valuetext')).toBe('01/06/2021');
    fireEvent.change(slider, { target: { value: slider.max } });
    expect(asOf()).toBe(LAST_DATE);
  });

  it('gives older history a position a month, so the programme has most of the slider', () => {
    showFixture('2021-10-15');
    const view = useAppStore.getState().dataset;
    const old = { ...timeline, firstDay: toDay('2004-03-23') };
    useAppStore.setState({ timeline: old, dataset: view });
    render(<TimeControl />);
    const slider = screen.getByRole<HTMLInputElement>('slider');
    const programmeDays = LAST - toDay('2021-01-01') + 1;
    expect(programmeDays / (Number(slider.max) + 1)).toBeGreaterThan(0.7);
    fireEvent.change(slider, { target: { value: '0' } });
    expect(asOf()).toBe('2004-03-23');
  });

  it('reads the day out in English', () => {
    showFixture('2021-10-15');
    useAppStore.setState({ lang: 'en' });
    render(<TimeControl />);
    expect(screen.getByRole('slider').getAttribute('aria-valuetext')).toBe('Oct 15, 2021');
    expect(screen.getByRole('button', { name: 'Move the as-of day through time' }).textContent).toBe('Play');
    expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'Figures as of' }).value).toBe('15 Oct 2021');
  });

  it('shows and takes dd/mm/yyyy whatever the browser, and says what it cannot use', () => {
    showFixture('2021-10-15');
    render(<TimeControl />);
    const field = screen.getByLabelText<HTMLInputElement>('Số liệu tính đến ngày');
    expect(field.type).toBe('text');
    expect(field.value).toBe('15/10/2021');
    expect(field.getAttribute('aria-invalid')).toBe('false');

    fireEvent.change(field, { target: { value: '15/01/2022' } });
    expect(asOf()).toBe('2022-01-15');
    expect(field.getAttribute('aria-invalid')).toBe('false');
    expect(screen.getByRole('slider').getAttribute('aria-valuetext')).toBe('15/01/2022');
    // Day first: 12/10 is the 12th of October, never December.
    fireEvent.change(field, { target: { value: '12/10/2021' } });
    expect(asOf()).toBe('2021-10-12');

    // Half a date: not used, marked; said when the user leaves the field.
    fireEvent.change(field, { target: { value: '15/02' } });
    expect(asOf()).toBe('2021-10-12');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    fireEvent.blur(field);
    expect(screen.getByRole('alert').textContent).toContain('ngày/tháng/năm');

    // A whole date outside the data's days is said, not silently ignored.
    fireEvent.change(field, { target: { value: '01/01/2023' } });
    expect(asOf()).toBe('2021-10-12');
    fireEvent.keyDown(field, { key: 'Enter' });
    expect(screen.getByRole('alert').textContent).toContain('ngoài khoảng số liệu');
    expect(field.value).toBe('01/01/2023');

    // Escape puts the day in use back.
    fireEvent.keyDown(field, { key: 'Escape' });
    expect(field.value).toBe('12/10/2021');
    expect(screen.queryByRole('alert')).toBeNull();

    // The first and last days themselves are in; ISO is read too.
    fireEvent.change(field, { target: { value: FIRST_DATE } });
    expect(asOf()).toBe(FIRST_DATE);
    fireEvent.change(field, { target: { value: LAST_DATE } });
    expect(asOf()).toBe(LAST_DATE);
  });

  it('jumps to each distinct deadline, sorted, and marks the one on show', () => {
    showFixture('2021-10-15');
    render(<TimeControl />);
    const group = screen.getByRole('group', { name: 'Đến hạn' });
    const buttons = within(group).getAllByRole('button');
    // Six targets, four distinct deadlines.
    expect(buttons.map((b) => b.textContent)).toEqual([
      'Đến hạn 30/06/2021',
      'Đến hạn 31/10/2021',
      'Đến hạn 31/12/2021',
      'Đến hạn 30/06/2022',
    ]);
    expect(buttons.every((b) => b.getAttribute('aria-pressed') === 'false')).toBe(true);
    const deadlines = ['2021-06-30', '2021-10-31', '2021-12-31', '2022-06-30'];
    deadlines.forEach((deadline, i) => {
      fireEvent.click(buttons[i]!);
      expect(asOf()).toBe(deadline);
      expect(buttons.map((b) => b.getAttribute('aria-pressed'))).toEqual(deadlines.map((_, j) => String(j === i)));
    });
  });

  it('plays a week per 200 ms tick, pauses, and stops by itself on the last day', () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    showFixture('2021-10-15');
    render(<TimeControl />);
    const play = screen.getByRole('button', { name: 'Cho ngày xem chạy theo thời gian' });
    expect(play.getAttribute('aria-pressed')).toBe('false');
    expect(play.textContent).toBe('Phát');

    fireEvent.click(play);
    expect(play.getAttribute('aria-pressed')).toBe('true');
    expect(play.textContent).toBe('Tạm dừng');
    expect(asOf()).toBe('2021-10-15');
    act(() => vi.advanceTimersByTime(199));
    expect(asOf()).toBe('2021-10-15');
    act(() => vi.advanceTimersByTime(1));
    expect(asOf()).toBe('2021-10-22');
    act(() => vi.advanceTimersByTime(400));
    expect(asOf()).toBe('2021-11-05');
    expect(screen.getByRole('slider').getAttribute('aria-valuetext')).toBe('05/11/2021');

    fireEvent.click(play);
    expect(play.getAttribute('aria-pressed')).toBe('false');
    act(() => vi.advanceTimersByTime(2000));
    expect(asOf()).toBe('2021-11-05');

    // Ten days before the end: a week, then the last day, then no more.
    act(() => useAppStore.getState().asOfChosen(fromDay(LAST - 10)));
    fireEvent.click(play);
    act(() => vi.advanceTimersByTime(200));
    expect(asOf()).toBe(fromDay(LAST - 3));
    expect(play.getAttribute('aria-pressed')).toBe('true');
    act(() => vi.advanceTimersByTime(200));
    expect(asOf()).toBe(LAST_DATE);
    expect(play.getAttribute('aria-pressed')).toBe('false');
    expect(play.textContent).toBe('Phát');
    act(() => vi.advanceTimersByTime(2000));
    expect(asOf()).toBe(LAST_DATE);
  });

  it('replays from a year before the first deadline, not before the data, when played from the end', () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    showFixture(LAST_DATE);
    render(<TimeControl />);
    fireEvent.click(screen.getByRole('button', { name: 'Cho ngày xem chạy theo thời gian' }));
    // 2021-06-30 less a year is before the data's first day (2021-03-01).
    expect(asOf()).toBe(FIRST_DATE);
    act(() => vi.advanceTimersByTime(200));
    expect(asOf()).toBe(fromDay(FIRST + 7));
  });

  it('shows nothing without a timeline', () => {
    const { container } = render(<TimeControl />);
    expect(container.innerHTML).toBe('');
  });
});

/** The card of a target. */
function card(id: string): HTMLElement {
  const found = document.querySelector<HTMLElement>(`article[data-target="${id}"]`);
  if (!found) throw new Error(`no card for ${id}`);
  return found;
}
const valueOf = (id: string) => within(card(id)).getByTestId('card-value').textContent;
const statusOf = (id: string) => card(id).getAttribute('data-status');

describe('TargetCards', () => {
  it('has a card per target with its value, status and days left on the as-of day', async () => {
    showFixture('2021-04-15');
    render(<TargetCards />);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Tiến độ so với mục tiêu — 15/04/2021');
    const articles = screen.getAllByRole('article');
    // The programme's targets, then the data SIMs card (not a programme target: SimSignalCard).
    expect(articles.map((a) => a.getAttribute('data-target'))).toEqual(['TG-HAM', 'TG-POP', 'TG-SCH', 'TG-CMP', 'TG-SIM', 'TG-EQP', null]);
    expect(articles.at(-1)?.getAttribute('data-testid')).toBe('sim-card');

    // Hamlets: 40 % since the data begins (H5 and H1 of five), flat, so behind.
    expect(valueOf('TG-HAM')).toBe('40,0 %');
    expect(statusOf('TG-HAM')).toBe('behind');
    const hamlets = card('TG-HAM').textContent;
    expect(hamlets).toContain('/ Mục tiêu 60,0 %');
    expect(hamlets).toContain('Chậm tiến độ');
    expect(hamlets).toContain('từ đầu chương trình (01/03/2021)');
    expect(hamlets).toContain('Hạn 31/12/2021 · còn 260 ngày');
    expect(hamlets).toContain('Theo xu hướng 90 ngày, đến hạn đạt 40,0 %');
    expect(within(card('TG-HAM')).getByRole('img').getAttribute('aria-label')).toBe(
      'Ấp, khóm có sóng tốt: 40,0 % ngày 15/04/2021; mục tiêu 60,0 % trước 31/12/2021',
    );

    // Computers: 4 since 2021-04-01, on track since the trend turned up.
    expect(valueOf('TG-CMP')).toBe('4');
    expect(statusOf('TG-CMP')).toBe('on_track');
    expect(card('TG-CMP').textContent).toContain('Đúng tiến độ');
    expect(card('TG-CMP').textContent).toContain('từ 04/04/2021');
    expect(card('TG-CMP').textContent).not.toContain('từ đầu chương trình');
    expect(card('TG-CMP').textContent).toContain('/ Mục tiêu 20');

    // The equipped share: 4 of S1's 10 in need.
    expect(valueOf('TG-EQP')).toBe('40,0 %');
    expect(card('TG-EQP').textContent).toContain('còn 76 ngày');
    expect(valueOf('TG-SCH')).toBe('50,0 %');
    expect(valueOf('TG-POP')).toBe('55,0 %');
    expect(valueOf('TG-SIM')).toBe('5');

    // The status words carry the status, with its icon.
    const badge = within(card('TG-HAM')).getByText('Chậm tiến độ');
    expect(badge.getAttribute('data-status')).toBe('behind');
    expect(badge.querySelector('svg')).not.toBeNull();

    // One chart per card (the stand-in for uPlot, which loads lazily), dropped with the cards.
    await waitFor(() => expect(UPlot).toHaveBeenCalledTimes(6));
    cleanup();
    expect(chart.destroy).toHaveBeenCalledTimes(6);
  });

  it('says overdue and met after a deadline, with no forecast', () => {
    showFixture('2021-08-15');
    render(<TargetCards />);
    // Data SIMs: 5 of 10, due 2021-06-30, overdue since the day after.
    expect(valueOf('TG-SIM')).toBe('5');
    expect(statusOf('TG-SIM')).toBe('overdue');
    const sims = card('TG-SIM').textContent;
    expect(sims).toContain('Quá hạn, chưa đạt');
    expect(sims).toContain('từ 01/07/2021');
    expect(sims).toContain('Hạn 30/06/2021 · quá hạn 46 ngày');
    expect(sims).not.toContain('Theo xu hướng');
    // The equipped share reached 100 % on 2021-05-01.
    expect(valueOf('TG-EQP')).toBe('100,0 %');
    expect(statusOf('TG-EQP')).toBe('met');
    expect(card('TG-EQP').textContent).toContain('Đã đạt');
    expect(card('TG-EQP').textContent).toContain('từ 01/05/2021');
    // Met: its deadline passing is no longer news.
    expect(card('TG-EQP').textContent).not.toContain('quá hạn');
    // Met before its deadline: no forecast line either.
    expect(statusOf('TG-HAM')).toBe('met');
    expect(valueOf('TG-HAM')).toBe('60,0 %');
    expect(card('TG-HAM').textContent).toContain('còn 138 ngày');
    expect(card('TG-HAM').textContent).not.toContain('Theo xu hướng');
  });

  it('says when a deadline is today', () => {
    showFixture('2021-12-31');
    render(<TargetCards />);
    expect(card('TG-HAM').textContent).toContain('Hạn 31/12/2021 · đến hạn hôm nay');
    expect(valueOf('TG-CMP')).toBe('17');
    expect(statusOf('TG-CMP')).toBe('behind');
    expect(card('TG-CMP').textContent).toContain('đến hạn hôm nay');
  });

  it('switches to English texts and number formats', () => {
    showFixture('2021-04-15');
    render(<TargetCards />);
    act(() => useAppStore.getState().languageToggled());
    expect(useAppStore.getState().lang).toBe('en');
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Progress against the targets — Apr 15, 2021');
    expect(valueOf('TG-HAM')).toBe('40.0 %');
    const hamlets = card('TG-HAM').textContent;
    expect(hamlets).toContain('/ Target 60.0 %');
    expect(hamlets).toContain('Behind');
    expect(hamlets).toContain('since the programme began (Mar 1, 2021)');
    expect(hamlets).toContain('Deadline Dec 31, 2021 · 260 days left');
    expect(hamlets).toContain('At the 90-day trend: 40.0 % by the deadline');
    expect(card('TG-CMP').textContent).toContain('On track');
    expect(card('TG-CMP').textContent).toContain('since Apr 4, 2021');
    expect(within(card('TG-HAM')).getByRole('img').getAttribute('aria-label')).toBe(
      'Hamlets with good signal: 40.0 % on Apr 15, 2021; target 60.0 % by Dec 31, 2021',
    );
    expect(screen.getByText('Measured')).toBeTruthy();
  });

  it("groups thousands with '.' in Vietnamese and ',' in English", () => {
    const big: Dataset = {
      ...dataset,
      programme: {
        name: 'Big',
        targets: [{ id: 'TG-BIG', metric: 'computers_delivered', target: 12000, deadline: '2021-12-31', labelVi: 'Máy', labelEn: 'PCs' }],
      },
    };
    showFixture('2021-04-15', big);
    render(<TargetCards />);
    expect(screen.getAllByRole('article').filter((a) => a.hasAttribute('data-target'))).toHaveLength(1);
    expect(card('TG-BIG').textContent).toContain('/ Mục tiêu 12.000');
    expect(card('TG-BIG').querySelector('h3')?.textContent).toBe('Máy');
    act(() => useAppStore.getState().languageToggled());
    expect(card('TG-BIG').textContent).toContain('/ Target 12,000');
    expect(card('TG-BIG').querySelector('h3')?.textContent).toBe('PCs');
  });

  it('shows nothing without a dataset', () => {
    const { container } = render(<TargetCards />);
    expect(container.innerHTML).toBe('');
  });
});

const box = (w: number, s: number, e: number, n: number) => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [w, s],
      [e, s],
      [e, n],
      [w, n],
      [w, s],
    ],
  ] as [number, number][][],
});

/**
 * The fixture with four districts: its own D1 renamed, one round H5 (always good), one round a
 * new hamlet out of reach of every tower, and an empty one (percentages of nothing).
 */
function fourDistricts(): Dataset {
  const base = fixture();
  return {
    ...base,
    districts: [
      { ...base.districts[0]!, name: 'Đầm Dơi' },
      { id: 'D-Z', name: 'Zeta', geometry: box(104.5, 9, 105, 9.5) },
      { id: 'D-C', name: 'Cái Nước', geometry: box(105.5, 9, 106, 9.5) },
      { id: 'D-A', name: 'Ân Thi', geometry: box(104.5, 8.5, 105, 9) },
    ],
    hamlets: [...base.hamlets, { id: 'H6', name: 'H6', lon: 104.7, lat: 9.2, population: 50, gridPower: true, synthetic: false }],
  };
}

function row(index: number, fields: Partial<AreaRow> = {}): AreaRow {
  return {
    index,
    scope: index + 1,
    hamlets: 0,
    population: 0,
    schools: 0,
    studentsInNeed: 0,
    hamletsGoodPct: null,
    populationGoodPct: null,
    schoolsGoodPct: null,
    equippedPct: null,
    computers: 0,
    status: 'no_data',
    ...fields,
  };
}

/** District names in the table's order. */
const tableNames = () =>
  [...screen.getByTestId('district-table').querySelectorAll('tbody tr[data-district] th .link')].map((b) => b.textContent);
const headerOf = (name: RegExp) => screen.getByRole('button', { name }).closest('th') as HTMLElement;

describe('sortRows', () => {
  const names = ['Zeta', 'Đầm Dơi', 'Duyên Hải', 'Cái Nước', 'Ân Thi', 'Bạc Liêu'];
  const rows = names.map((_, i) => row(i));
  const order = (sorted: AreaRow[]) => sorted.map((r) => names[r.index]);

  it("orders names by Vietnamese collation: 'Â' after 'A', 'Đ' after every 'D'", () => {
    expect(order(sortRows(rows, names, { column: 'name', descending: false }))).toEqual([
      'Ân Thi',
      'Bạc Liêu',
      'Cái Nước',
      'Duyên Hải',
      'Đầm Dơi',
      'Zeta',
    ]);
    expect(order(sortRows(rows, names, { column: 'name', descending: true }))).toEqual([
      'Zeta',
      'Đầm Dơi',
      'Duyên Hải',
      'Cái Nước',
      'Bạc Liêu',
      'Ân Thi',
    ]);
    // The rows given are left as they were.
    expect(rows.map((r) => r.index)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('orders numbers either way with missing values last, ties by name', () => {
    const pct = [50, null, 10, 50, null, 90];
    const withPct = rows.map((r, i) => ({ ...r, equippedPct: pct[i] ?? null }));
    const descending = order(sortRows(withPct, names, { column: 'equippedPct', descending: true }));
    // 90, then the two at 50 by name, then 10, then the two without a value.
    expect(descending.slice(0, 4)).toEqual(['Bạc Liêu', 'Cái Nước', 'Zeta', 'Duyên Hải']);
    expect(new Set(descending.slice(4))).toEqual(new Set(['Đầm Dơi', 'Ân Thi']));
    const ascending = order(sortRows(withPct, names, { column: 'equippedPct', descending: false }));
    expect(ascending.slice(0, 4)).toEqual(['Duyên Hải', 'Cái Nước', 'Zeta', 'Bạc Liêu']);
    expect(new Set(ascending.slice(4))).toEqual(new Set(['Đầm Dơi', 'Ân Thi']));
  });

  it('orders statuses from the worst', () => {
    const statuses: Status[] = ['met', 'overdue', 'no_data', 'behind', 'on_track', 'at_risk'];
    const withStatus = rows.map((r, i) => ({ ...r, status: statuses[i]! }));
    expect(sortRows(withStatus, names, { column: 'status', descending: false }).map((r) => r.status)).toEqual([
      'overdue',
      'behind',
      'at_risk',
      'on_track',
      'met',
      'no_data',
    ]);
  });
});

describe('DistrictTable', () => {
  it('lists the districts by name with their figures on the as-of day, and the province', () => {
    const data = fourDistricts();
    showFixture('2021-07-15', data);
    render(<DistrictTable dataset={viewOf(data)} />);
    expect(tableNames()).toEqual(['Ân Thi', 'Cái Nước', 'Đầm Dơi', 'Zeta']);
    expect(headerOf(/^Huyện \/ xã/).getAttribute('aria-sort')).toBe('ascending');
    const cells = (id: string) =>
      [...document.querySelectorAll(`tr[data-district="${id}"] td`)].map((td) => td.textContent);
    // Hamlets, population, schools, % good, in need, computers, % equipped, status; then the
    // hamlets gained since 30 days before (none: H2 came on 06-01) and the points still
    // without good signal (H3, H4 and S1, which gains it on 09-01).
    expect(cells('D1')).toEqual(['4', '1.000', '2', '50,0 %', '10', '14', '100,0 %', 'Chậm tiến độ', '0', '3']);
    expect(screen.getByRole('columnheader', { name: /^Ấp có sóng tốt thêm từ/ }).textContent).toBe('Ấp có sóng tốt thêm từ 15/06/2021');
    // Since a chosen day before H1 (03-01) and H2 (06-01): two gained.
    act(() => useSince.getState().sinceChosen('2021-01-01'));
    expect(cells('D1').slice(8)).toEqual(['+2', '3']);
    act(() => useSince.getState().sinceChosen(undefined));
    expect(cells('D-C').slice(0, 8)).toEqual(['1', '1.000', '0', '100,0 %', '0', '0', '–', 'Đã đạt']);
    expect(cells('D-Z').slice(0, 8)).toEqual(['1', '50', '0', '0,0 %', '0', '0', '–', 'Chậm tiến độ']);
    expect(cells('D-A').slice(0, 8)).toEqual(['0', '0', '0', '–', '0', '0', '–', 'Chưa có số liệu']);
    const total = [...document.querySelectorAll('tfoot td')].map((td) => td.textContent);
    expect(document.querySelector('tfoot th')?.textContent).toBe('Toàn tỉnh');
    // Six hamlets, three good (H1, H2, H5); 2 050 people; 17 computers, 3 of them to a school
    // in no district (since 2021-07-01).
    expect(total.slice(0, 7)).toEqual(['6', '2.050', '2', '50,0 %', '10', '17', '100,0 %']);
  });

  it('sorts a numeric column descending, then ascending, missing values last', () => {
    const data = fourDistricts();
    showFixture('2021-06-15', data);
    render(<DistrictTable dataset={viewOf(data)} />);
    const sortButton = screen.getByRole('button', { name: /^% ấp sóng tốt/ });
    fireEvent.click(sortButton);
    expect(headerOf(/^% ấp sóng tốt/).getAttribute('aria-sort')).toBe('descending');
    expect(headerOf(/^Huyện \/ xã/).getAttribute('aria-sort')).toBe('none');
    expect(tableNames()).toEqual(['Cái Nước', 'Đầm Dơi', 'Zeta', 'Ân Thi']);
    fireEvent.click(sortButton);
    expect(headerOf(/^% ấp sóng tốt/).getAttribute('aria-sort')).toBe('ascending');
    expect(tableNames()).toEqual(['Zeta', 'Đầm Dơi', 'Cái Nước', 'Ân Thi']);

    // Population: Cái Nước and Đầm Dơi tie at 1 000, by name.
    fireEvent.click(screen.getByRole('button', { name: /^Dân số/ }));
    expect(headerOf(/^Dân số/).getAttribute('aria-sort')).toBe('descending');
    expect(headerOf(/^% ấp sóng tốt/).getAttribute('aria-sort')).toBe('none');
    expect(tableNames()).toEqual(['Cái Nước', 'Đầm Dơi', 'Zeta', 'Ân Thi']);

    // Names: a click on the sorted name column turns it around.
    fireEvent.click(screen.getByRole('button', { name: /^Huyện \/ xã/ }));
    expect(headerOf(/^Huyện \/ xã/).getAttribute('aria-sort')).toBe('ascending');
    fireEvent.click(screen.getByRole('button', { name: /^Huyện \/ xã/ }));
    expect(headerOf(/^Huyện \/ xã/).getAttribute('aria-sort')).toBe('descending');
    expect(tableNames()).toEqual(['Zeta', 'Đầm Dơi', 'Cái Nước', 'Ân Thi']);
  });

  it("opens a district's communes under it with the '+' button", () => {
    const data = fourDistricts();
    showFixture('2021-06-15', data);
    render(<DistrictTable dataset={viewOf(data)} />);
    expect(document.querySelectorAll('tr.commune-row')).toHaveLength(0);
    // Only a district with communes has the button.
    expect(screen.queryByRole('button', { name: 'Xem các xã của Zeta' })).toBeNull();
    const expand = screen.getByRole('button', { name: 'Xem các xã của Đầm Dơi' });
    expect(expand.getAttribute('aria-expanded')).toBe('false');
    expect(expand.textContent).toBe('+');
    fireEvent.click(expand);
    expect(expand.getAttribute('aria-expanded')).toBe('true');
    const communes = [...document.querySelectorAll('tr.commune-row')];
    expect(communes.map((tr) => tr.getAttribute('data-commune'))).toEqual(['C-E', 'C-W']);
    // Right under their district.
    expect(document.querySelector('tr[data-district="D1"]')?.nextElementSibling).toBe(communes[0]);
    const west = [...(communes[1] as HTMLElement).querySelectorAll('td')].map((td) => td.textContent);
    expect(west.slice(0, 4)).toEqual(['3', '600', '0', '66,6 %']);
    expect(west[6]).toBe('–');
    fireEvent.click(expand);
    expect(expand.getAttribute('aria-expanded')).toBe('false');
    expect(document.querySelectorAll('tr.commune-row')).toHaveLength(0);
  });

  it("frames a district's or commune's bounding box on the map when its name is clicked", () => {
    const data = fourDistricts();
    showFixture('2021-06-15', data);
    render(<DistrictTable dataset={viewOf(data)} />);
    const name = screen.getByRole('button', { name: 'Đầm Dơi' });
    expect(name.getAttribute('title')).toBe('Phóng bản đồ đến Đầm Dơi');
    expect(useAppStore.getState().focus).toBeUndefined();
    fireEvent.click(name);
    expect(useAppStore.getState().focus).toEqual({ bbox: [105, 9, 105.5, 9.5], nonce: 1 });
    // The same district again still counts.
    fireEvent.click(name);
    expect(useAppStore.getState().focus).toEqual({ bbox: [105, 9, 105.5, 9.5], nonce: 2 });
    fireEvent.click(screen.getByRole('button', { name: 'Cái Nước' }));
    expect(useAppStore.getState().focus).toEqual({ bbox: [105.5, 9, 106, 9.5], nonce: 3 });
    fireEvent.click(screen.getByRole('button', { name: 'Xem các xã của Đầm Dơi' }));
    fireEvent.click(screen.getByRole('button', { name: 'West' }));
    expect(useAppStore.getState().focus).toEqual({ bbox: [105, 9, 105.25, 9.5], nonce: 4 });
  });

  it('follows the as-of day and the language', () => {
    const data = fourDistricts();
    showFixture('2021-03-15', data);
    render(<DistrictTable dataset={viewOf(data)} />);
    const d1 = () => [...document.querySelectorAll('tr[data-district="D1"] td')].map((td) => td.textContent);
    expect(d1().slice(3, 7)).toEqual(['25,0 %', '10', '0', '0,0 %']);
    act(() => useAppStore.getState().asOfChosen('2021-06-15'));
    expect(d1().slice(3, 7)).toEqual(['50,0 %', '10', '14', '100,0 %']);
    act(() => useAppStore.getState().languageToggled());
    expect(screen.getByRole('button', { name: /^% hamlets good/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Show the communes of Đầm Dơi' })).toBeTruthy();
    expect(d1().slice(0, 8)).toEqual(['4', '1,000', '2', '50.0 %', '10', '14', '100.0 %', 'Behind']);
  });
});

const coverage = (figures: CoverageResult['figures']): CoverageResult => ({
  requestId: 1,
  scenario: '2021-04-15',
  radiusModel: 'fixed',
  level: new Uint8Array(0),
  nearestTower: new Int32Array(0),
  nearestKm: new Float64Array(0),
  datasetId: 0,
  onAir: onAirTowers([], '2021-04-15'),
  towerChanges: [],
  figures,
  baselineLevel: new Uint8Array(0),
  baselineFigures: figures,
  cellCounts: new Uint32Array(0),
  elapsedMs: 1,
});

describe('ChoroplethPanel', () => {
  it('offers the four percentage indicators and sets the one chosen', () => {
    showFixture('2021-04-15');
    render(<ChoroplethPanel />);
    const select = screen.getByRole<HTMLSelectElement>('combobox', { name: 'Chỉ số' });
    const options = within(select).getAllByRole<HTMLOptionElement>('option');
    expect(options.map((o) => o.value)).toEqual([...CHOROPLETH_METRICS]);
    expect(options.map((o) => o.textContent)).toEqual([
      'Ấp, khóm có sóng tốt',
      'Dân số có sóng tốt',
      'Trường có sóng tốt',
      'Học sinh khó khăn có máy tính',
    ]);
    expect(select.value).toBe('hamlets_good_pct');
    fireEvent.change(select, { target: { value: 'schools_good_pct' } });
    expect(useAppStore.getState().choroplethMetric).toBe('schools_good_pct');
    expect(select.value).toBe('schools_good_pct');
  });

  it("shows the province's equipped share from the timeline, on the as-of day", () => {
    showFixture('2021-04-15');
    useAppStore.setState({ choroplethMetric: 'students_in_need_equipped_pct' });
    render(<ChoroplethPanel />);
    const line = screen.getByTestId('province-value');
    expect(line.textContent).toBe('Toàn tỉnh: 40,0 %');
    // Its classes run 0-100 in quarters.
    expect([...document.querySelectorAll('.legend li')].map((li) => li.textContent)).toEqual([
      '0 – < 25 %',
      '25 – < 50 %',
      '50 – < 75 %',
      '75 – < 100 %',
      '100 %',
    ]);
    act(() => useAppStore.getState().asOfChosen('2021-03-31'));
    expect(line.textContent).toBe('Toàn tỉnh: 0,0 %');
    act(() => useAppStore.getState().asOfChosen('2021-05-01'));
    expect(line.textContent).toBe('Toàn tỉnh: 100,0 %');
    act(() => useAppStore.getState().languageToggled());
    expect(line.textContent).toBe('Province: 100.0 %');
  });

  it("shows the province's coverage shares from the coverage figures, floored", () => {
    showFixture('2021-04-15');
    useAppStore.setState({
      coverage: coverage({
        hamlets: { total: 3, good: 1, weak: 1, none: 1, population: 3000, population_good: 2000 },
        schools: { total: 0, good: 0, weak: 0, none: 0, students: 0, students_good: 0 },
        areas: [{ hamlets: 3, hamlets_good: 1, population: 3000, population_good: 2000, schools: 0, schools_good: 0 }],
      }),
    });
    render(<ChoroplethPanel />);
    const line = screen.getByTestId('province-value');
    expect(line.textContent).toBe('Toàn tỉnh: 33,3 %');
    const select = screen.getByRole('combobox', { name: 'Chỉ số' });
    fireEvent.change(select, { target: { value: 'population_good_pct' } });
    // Two thirds: 66.66… shows as 66,6, never rounded up.
    expect(line.textContent).toBe('Toàn tỉnh: 66,6 %');
    // No school at all: no share.
    fireEvent.change(select, { target: { value: 'schools_good_pct' } });
    expect(line.textContent).toBe('Toàn tỉnh: không có số liệu');
    expect([...document.querySelectorAll('.legend li')].map((li) => li.textContent)).toEqual([
      '0 – < 90 %',
      '90 – < 95 %',
      '95 – < 98 %',
      '98 – < 100 %',
      '100 %',
    ]);
  });

  it("says 'không có số liệu' while there is nothing to show", () => {
    render(<ChoroplethPanel />);
    const line = screen.getByTestId('province-value');
    // No coverage computed yet.
    expect(line.textContent).toBe('Toàn tỉnh: không có số liệu');
    // No timeline for the equipped share.
    fireEvent.change(screen.getByRole('combobox', { name: 'Chỉ số' }), { target: { value: 'students_in_need_equipped_pct' } });
    expect(line.textContent).toBe('Toàn tỉnh: không có số liệu');
    act(() => useAppStore.getState().languageToggled());
    expect(line.textContent).toBe('Province: no data');
  });
});

describe('StatusBadge', () => {
  const words: Record<Status, [vi: string, en: string]> = {
    met: ['Đã đạt', 'Met'],
    met_late: ['Đạt trễ hạn', 'Met late'],
    on_track: ['Đúng tiến độ', 'On track'],
    at_risk: ['Có nguy cơ chậm', 'At risk'],
    behind: ['Chậm tiến độ', 'Behind'],
    overdue: ['Quá hạn, chưa đạt', 'Overdue, not met'],
    no_data: ['Chưa có số liệu', 'No data'],
  };

  it('names every status in words, with an icon, in both languages', () => {
    for (const status of STATUSES) {
      for (const [k, lang] of (['vi', 'en'] as const).entries()) {
        const { container, unmount } = render(<StatusBadge status={status} lang={lang} />);
        const badge = container.firstElementChild as HTMLElement;
        expect(badge.getAttribute('data-status')).toBe(status);
        expect(badge.textContent).toBe(words[status][k]);
        const icon = badge.querySelector('svg');
        expect(icon, status).not.toBeNull();
        expect(icon?.getAttribute('aria-hidden')).toBe('true');
        expect(icon?.querySelector('path')?.getAttribute('d')).toBeTruthy();
        unmount();
      }
    }
  });

  it('tells statuses of the same colour apart by words, and the two greens by shape too', () => {
    const shapeOf = (status: Status) => {
      const { container, unmount } = render(<StatusBadge status={status} lang="vi" />);
      const badge = container.firstElementChild as HTMLElement;
      const found = { className: badge.className, d: badge.querySelector('path')?.getAttribute('d') };
      unmount();
      return found;
    };
    const met = shapeOf('met');
    const onTrack = shapeOf('on_track');
    expect(met.className).toBe(onTrack.className);
    expect(met.d).not.toBe(onTrack.d);
    expect(shapeOf('behind').className).toBe(shapeOf('overdue').className);
    expect(new Set(STATUSES.map((s) => words[s][0])).size).toBe(STATUSES.length);
  });
});
