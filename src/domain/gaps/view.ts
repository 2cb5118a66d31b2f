// The gap register as the page draws it: the engine filters and sorts the rows of its newest
// answer (where the O(n) work is off the main thread), and sends only columns, one entry per
// row shown, in order. The page makes a row object for the few rows on screen (`viewRow`).
import type { Tower } from '../types.ts';
import { filterGaps, gapRow, sortGaps, type GapData, type GapDues, type GapFilter, type GapRow, type GapSortKey, type SortDirection } from './register.ts';
import type { GapNetworks } from './network.ts';
import type { GapStatuses } from './status.ts';
import { dueDates, type GapHistory } from './history.ts';
import { todayIn } from '../input/day.ts';

/** What the register shows: its filter and order; `statuses` and `dues` only when the filter reads them. */
export interface GapQuery {
  filter: GapFilter;
  sort: { key: GapSortKey; direction: SortDirection };
  lang: 'vi' | 'en';
  statuses?: GapStatuses;
  dues?: GapDues;
}

/** The rows shown, in order, as columns: entry j is the j-th row shown. */
export interface GapView {
  /** Index of the point (hamlets then schools). */
  points: Int32Array;
  /** LEVEL_NONE or LEVEL_WEAK. */
  level: Uint8Array;
  /** Slot of the nearest 4G/5G tower on air (tower-slots.ts), -1 when none. */
  nearestTower: Int32Array;
  /** km to it, NaN when none. */
  nearestKm: Float64Array;
  /** All the gaps, before the filter. */
  total: number;
  /** The districts and the nearest towers' operators of all the gaps, for the filter's choices. */
  districts: [id: string, name: string][];
  operators: string[];
}

/** Whether `query` needs the statuses (the page sends them only then). */
export const readsStatuses = (filter: GapFilter): boolean => filter.status !== undefined || filter.assignedTo !== undefined || filter.inNetworkOf !== undefined;

/** Whether `query` needs the due dates (the overdue filter). */
export const readsDues = (filter: GapFilter): boolean => filter.overdue === true;

/** What of the page's state (the store's fields) the register reads. */
export interface GapInputs {
  gapFilter: GapFilter;
  gapSort: GapQuery['sort'];
  lang: 'vi' | 'en';
  gapStatuses: GapStatuses;
  gapHistory: GapHistory;
}

/** The query for the register on screen: the statuses and the due dates (against `today`, ISO in Vietnam) only when the filter reads them. */
export function gapQuery(s: GapInputs, today: () => string = todayIn): GapQuery {
  return {
    filter: s.gapFilter,
    sort: s.gapSort,
    lang: s.lang,
    ...(readsStatuses(s.gapFilter) ? { statuses: s.gapStatuses } : {}),
    ...(readsDues(s.gapFilter) ? { dues: { due: dueDates(s.gapHistory), today: today() } } : {}),
  };
}

/** Whether `next` asks for another register than `previous`: the history counts only when the filter reads it. */
export function gapQueryChanged(next: GapInputs, previous: GapInputs): boolean {
  if (next.gapFilter !== previous.gapFilter || next.gapSort !== previous.gapSort || next.lang !== previous.lang) return true;
  return (readsStatuses(next.gapFilter) || readsDues(next.gapFilter)) && next.gapHistory !== previous.gapHistory;
}

/** The view of `rows` (gapRows of `answer`) under `query`; `networks` as `filterGaps` reads them. */
export function gapView(
  rows: readonly GapRow[],
  answer: { level: Uint8Array; nearestTower: Int32Array; nearestKm: Float64Array; agreement?: Uint8Array },
  query: GapQuery,
  networks?: GapNetworks,
): GapView {
  const shown = sortGaps(filterGaps(rows, query.filter, query.statuses, answer.agreement, query.dues, networks), query.sort.key, query.sort.direction, query.lang);
  const n = shown.length;
  const view: GapView = {
    points: new Int32Array(n),
    level: new Uint8Array(n),
    nearestTower: new Int32Array(n),
    nearestKm: new Float64Array(n),
    total: rows.length,
    districts: [],
    operators: [],
  };
  for (let j = 0; j < n; j++) {
    const p = (shown[j] as GapRow).point;
    view.points[j] = p;
    view.level[j] = answer.level[p] as number;
    view.nearestTower[j] = answer.nearestTower[p] as number;
    view.nearestKm[j] = answer.nearestKm[p] as number;
  }
  const districts = new Map<string, string>();
  const operators = new Set<string>();
  for (const r of rows) {
    if (r.districtId && r.districtName) districts.set(r.districtId, r.districtName);
    if (r.nearestOperator) operators.add(r.nearestOperator);
  }
  view.districts = [...districts].sort((a, b) => a[1].localeCompare(b[1], 'vi'));
  view.operators = [...operators].sort();
  return view;
}

/** The j-th row shown, built from the page's data set and tower slots: O(1), not O(rows). */
export function viewRow(dataset: GapData, towers: readonly (Tower | undefined)[], district: Int32Array, view: GapView, j: number): GapRow {
  return gapRow(dataset, towers, district, view.points[j] as number, view.level[j] as number, view.nearestTower[j] as number, view.nearestKm[j] as number);
}
