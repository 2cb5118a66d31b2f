/**
 * Contract validation (shared/data-contract.md): user files in, typed records and issues
 * out. Used by the app's importer and by `npm run validate`; pure, no I/O, never throws on
 * user data.
 */
import type { FileKind, Issue } from '../types.ts';
import { parseFileDetailed } from './file.ts';
import type { KindValue } from './kind.ts';

export { kindFromName, countNoun, DATASET_PATHS, type KindValue } from './kind.ts';
export { parseDataset, pathLossHeightIssues, validateFolder, type SourceFile, type FolderReport, type FileReport, type FolderOptions } from './dataset.ts';
export { parseFileDetailed, type FileResult } from './file.ts';
export { dateProblem, isIsoDate } from './dates.ts';

/**
 * Checks one file of the given kind. `value` is undefined when any issue is an error;
 * warnings keep it. `fileName` is only used to name the file in messages.
 */
export function parseFile<K extends FileKind>(
  kind: K,
  fileName: string,
  text: string,
): { value: KindValue[K] | undefined; issues: Issue[] } {
  const { value, issues } = parseFileDetailed(kind, fileName, text);
  return { value, issues };
}

/** The one-line message of an issue (it already names the file, place and field), in English. */
export function formatIssue(issue: Issue): string {
  return issue.message;
}
