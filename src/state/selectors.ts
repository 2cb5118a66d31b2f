import type { Dataset } from '../domain/types.ts';

export interface DatasetSummary {
  hamlets: number;
  schools: number;
  towers: number;
  population: number;
  students: number;
}

// Memoised on the dataset reference: the dataset is replaced, never mutated.
const summaries = new WeakMap<Dataset, DatasetSummary>();

export function summarise(dataset: Dataset): DatasetSummary {
  let summary = summaries.get(dataset);
  if (!summary) {
    summary = {
      hamlets: dataset.hamlets.length,
      schools: dataset.schools.length,
      towers: dataset.towers.length,
      population: dataset.hamlets.reduce((sum, h) => sum + h.population, 0),
      students: dataset.schools.reduce((sum, s) => sum + s.students, 0),
    };
    summaries.set(dataset, summary);
  }
  return summary;
}
