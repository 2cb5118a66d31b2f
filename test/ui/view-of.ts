import { datasetView, type DatasetView } from '../../src/domain/points/dataset-view.ts';
import type { Dataset } from '../../src/domain/types.ts';

const views = new WeakMap<Dataset, DatasetView>();

/** The page's view of a parsed data set, the same object for the same data set (as the store keeps it). */
export function viewOf(dataset: Dataset): DatasetView {
  let view = views.get(dataset);
  if (!view) views.set(dataset, (view = datasetView(dataset)));
  return view;
}
