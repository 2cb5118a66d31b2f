// What the engine makes of a data set before it computes on it: the points as columns once
// (the page's table, and the engine's copy of their coordinates), the coverage session, the
// helper threads' pool of a large data set, and the page's view of it. An import's check
// makes it ahead for the data set it would take (import-session.ts), so that taking it is quick.
import type { Dataset } from '../domain/types.ts';
import { datasetView, type DatasetView } from '../domain/points/dataset-view.ts';
import { buildPointTable, tableColumns } from '../domain/points/table.ts';
import { CoverageSession } from './compute.ts';
import { ClassifyPool, startHelpers } from './helpers.ts';
import type { Ahead } from './import-session.ts';

export interface OpenedDataset extends Ahead {
  readonly session: CoverageSession;
  /** A large data set's coverage pass is split over helper threads (helpers.ts). */
  readonly pool: ClassifyPool | undefined;
  /** Its buffers go to the page with the answer that carries it: sent once. */
  readonly view: DatasetView;
}

/** `id`: the session's (tells its answers from those of the data set before). */
export function openDataset(dataset: Dataset, id: number): OpenedDataset {
  const table = buildPointTable(dataset.hamlets, dataset.schools);
  const session = new CoverageSession(dataset, id, tableColumns(table));
  const helpers = startHelpers(session.pointColumns.count);
  const pool = helpers.length > 0 ? new ClassifyPool(session.pointColumns, helpers) : undefined;
  const view = datasetView(dataset, session.grid, session.districtOf, table);
  return { dataset, session, pool, view, drop: () => pool?.close() };
}
