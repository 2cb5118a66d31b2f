import { pointSums } from '../domain/points/table.ts';
import type { DatasetView } from '../domain/points/dataset-view.ts';

export interface DatasetSummary {
  hamlets: number;
  schools: number;
  towers: number;
  population: number;
  students: number;
}

// Memoised on the dataset reference: the dataset is replaced, never mutated.
const summaries = new WeakMap<DatasetView, DatasetSummary>();

export function summarise(dataset: DatasetView): DatasetSummary {
  let summary = summaries.get(dataset);
  if (!summary) {
    summary = {
      hamlets: dataset.points.hamletCount,
      schools: dataset.points.count - dataset.points.hamletCount,
      towers: dataset.towers.length,
      ...pointSums(dataset.points),
    };
    summaries.set(dataset, summary);
  }
  return summary;
}

const names = new WeakMap<DatasetView, Map<string, string>>();

/** Boundary names by id (districts and communes), for labelling points by their codes. */
export function boundaryNames(dataset: DatasetView): Map<string, string> {
  let byId = names.get(dataset);
  if (!byId) {
    byId = new Map([...dataset.districts, ...(dataset.communes ?? [])].map((b) => [b.id, b.name]));
    names.set(dataset, byId);
  }
  return byId;
}
