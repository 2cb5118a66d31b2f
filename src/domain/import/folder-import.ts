// A data folder read as the app imports files (staging.ts), for the command-line tools: the
// files the contract's parser reads as they are stay as they are; a CSV of hamlets, schools
// or towers (columns guessed), an OpenCelliD / MLS cell export, and GeoJSON points with other
// property names (OpenStreetMap, Giga) are staged over them, into the contract's files, by
// the one importer the app uses. Pure, no I/O.
import { DATASET_PATHS, kindFromName, parseDataset, type SourceFile } from '../parse/index.ts';
import type { Dataset, FileKind, Issue } from '../types.ts';
import { looksLikeCellExport } from './cells.ts';
import type { PointKind } from './csv-mapping.ts';
import { mayNeedMapping, needsMapping, propertyTable } from './geojson-points.ts';
import { stageImport, type StagedFile } from './staging.ts';

const POINTS: readonly PointKind[] = ['hamlets', 'schools', 'towers'];
const TABLE = /\.(csv|tsv|txt)$/i;

/** The point kind a file's name names ("hamlets.csv", "my_towers.txt"), when one only. */
function pointKindOfName(path: string): PointKind | undefined {
  const stem = (path.split('/').pop() ?? '').toLowerCase().replace(/\.[^.]*$/, '');
  const found = POINTS.filter((kind) => stem.includes(kind));
  return found.length === 1 ? found[0] : undefined;
}

/** Whether the importer, not the contract's parser, reads this file (see the top of the file). */
export function needsImporter(path: string, text: string): boolean {
  if (TABLE.test(path)) {
    const kind = kindFromName(path);
    if (kind === 'deliveries' || kind === 'measurements') return false;
    return pointKindOfName(path) !== undefined || looksLikeCellExport(text);
  }
  const kind = kindFromName(path);
  if (kind !== 'hamlets' && kind !== 'schools' && kind !== 'towers') return false;
  if (!mayNeedMapping(kind, text)) return false;
  const table = propertyTable(text);
  return table !== undefined && needsMapping(kind, table);
}

/** Whether a file belongs in a data folder's reading: a contract file, or one the importer reads. */
export function isDataFile(path: string, text: () => string): boolean {
  if (kindFromName(path) !== undefined) return true;
  return TABLE.test(path) && (pointKindOfName(path) !== undefined || looksLikeCellExport(text()));
}

export interface FolderRead {
  dataset?: Dataset;
  issues: Issue[];
  /** The files as the contract names them, the imported ones converted. */
  sources: SourceFile[];
  /** Each file the importer read: its name in the folder, where it went, what it held. */
  imported: StagedFile[];
}

/** Reads a folder's files as the app would import the ones that are not the contract's. */
export function readFolder(files: readonly SourceFile[]): FolderRead {
  const foreign = files.filter((f) => needsImporter(f.path, f.text));
  if (foreign.length === 0) {
    const { dataset, issues } = parseDataset([...files]);
    return { ...(dataset ? { dataset } : {}), issues, sources: [...files], imported: [] };
  }
  const contract = files.filter((f) => !foreign.includes(f));
  const staged = stageImport(contract, foreign.map((f) => ({ name: f.path, text: f.text })));
  if (staged.dataset && staged.sources) return { dataset: staged.dataset, issues: staged.issues, sources: staged.sources, imported: staged.files };
  // An imported file with an error stops the staging before the whole folder's check: the
  // contract files are checked on their own, bar the files the imported ones stand for.
  const standIn = new Set(staged.files.flatMap((f) => (f.kind ? [f.kind] : [])));
  const standsIn = (file: string): boolean => (Object.keys(DATASET_PATHS) as FileKind[]).some((kind) => DATASET_PATHS[kind] === file && standIn.has(kind));
  const own = parseDataset(contract).issues.filter((i) => !(i.code === 'missing-file' && standsIn(i.file)));
  const said = new Set(staged.issues.map((i) => i.message));
  return { issues: [...staged.issues, ...own.filter((i) => !said.has(i.message))], sources: contract, imported: staged.files };
}
