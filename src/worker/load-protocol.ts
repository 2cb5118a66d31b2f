import type { Dataset, Issue } from '../domain/types.ts';

/** A data file the worker fetches: `path` is relative to the data folder, `url` is same-origin. */
export interface RemoteFile {
  path: string;
  url: string;
}

export type LoadRequest = { type: 'load'; files: RemoteFile[] };

export type LoadResponse =
  | { type: 'progress'; done: number; total: number }
  | { type: 'loaded'; dataset: Dataset; issues: Issue[] }
  | { type: 'rejected'; reason: string; issues: Issue[] };
