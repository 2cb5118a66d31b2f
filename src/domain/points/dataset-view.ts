// The data set as the page holds it: boundaries, towers and the programme as parsed, but the
// hamlets and schools as one PointTable, so that a national file does not put a million
// objects on the main thread (nor a million objects through structured clone).
import { districtIndexOf, locateDistricts } from '../coverage/districts.ts';
import { datasetKey } from '../plan/dataset-key.ts';
import type { PointGrid } from '../coverage/point-grid.ts';
import { timelineDays } from '../progress/timeline.ts';
import type { Dataset } from '../types.ts';
import { buildPointTable, type PointTable } from './table.ts';
import { viewGrid } from './view.ts';

export type DatasetView = Omit<Dataset, 'hamlets' | 'schools'> & {
  points: PointTable;
  /** The points bucketed for the map (view.ts): the same grid the worker counts levels on. */
  grid: PointGrid;
  /** The first and last day the data names (progress/timeline.ts timelineDays). */
  days: { firstDay: number; lastDay: number };
  /** Per point, the index into `districts` of the district holding it, -1 when none (rule 7). */
  district: Int32Array;
  /** The key its plans are filed under (plan/dataset-key.ts), made with the view in the worker: at national scale it takes the page half a second. */
  key: string;
};

/**
 * `grid` and `district` (the worker's, else built here) are copied, not shared: the worker
 * keeps its own. `points`: the table when already built.
 */
export function datasetView(dataset: Dataset, grid?: PointGrid, district?: Int32Array, points?: PointTable): DatasetView {
  const { hamlets, schools, ...rest } = dataset;
  points ??= buildPointTable(hamlets, schools);
  grid ??= viewGrid(points);
  const copy = { ...grid, cellStart: grid.cellStart.slice(), items: grid.items.slice() };
  const [firstDay, lastDay] = timelineDays(dataset);
  const located = district ? district.slice() : locateDistricts(districtIndexOf(dataset.districts), points.lon, points.lat);
  return { ...rest, points, grid: copy, days: { firstDay, lastDay }, district: located, key: datasetKey(dataset) };
}
