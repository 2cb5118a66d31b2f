/**
 * Staging an import: the user's files are read into a copy of the data set (the loaded
 * files with the imported ones in their place) and that whole copy is checked with the same
 * validation as `npm run validate`, cross-file rules included. Nothing here touches the
 * loaded data: the caller swaps it in only when the copy passes, or when the user chose to
 * take the valid rows only (`validOnly`). Each file is read on its own first
 * (staging-read.ts, which lists the formats).
 *
 * A file's own problems are said once, of the user's file; the whole copy's check adds only
 * what the file's own checks could not see (the rules across files).
 */
import { englishText } from '../messages/render.ts';
import { parseDataset, type FolderOptions, type SourceFile } from '../parse/index.ts';
import { atPath, lazySource, type TextMaker } from '../parse/dataset.ts';
import { DATASET_PATHS } from '../parse/kind.ts';
import type { Dataset, FileKind, Issue } from '../types.ts';
import { loadedTowers } from './add-towers.ts';
import { deferredSource } from './geojson-stream.ts';
import { isError, problem, readOne, type IncomingFile, type Origin, type Place, type Read, type StagedFile } from './staging-read.ts';

export { readTableFile, type TableFile } from './table-files.ts';
export { kindOfName, type ImportFix, type ImportFormat, type IncomingFile, type StagedFile } from './staging-read.ts';

export interface StagedImport {
  files: StagedFile[];
  /** Every problem and note, the files' own and the whole data set's. */
  issues: Issue[];
  /** The data set with every imported file, when nothing is an error. */
  dataset?: Dataset;
  /** The files to keep (e.g. to save) when `dataset` is taken. */
  sources?: SourceFile[];
  /** With the rows or features that have an error left out: the "import the N valid" choice. */
  validOnly?: { dataset: Dataset; sources: SourceFile[]; dropped: number; issues: Issue[] };
}

const normalisePath = (path: string): string => path.replace(/\\/g, '/').replace(/^(\.\/)+/, '');

/**
 * Where a file of each kind goes in `current`: the path of the loaded file of that kind, or
 * its contract path under the folder's name when every path starts with it ("data/…", as a
 * browser's folder pick gives them, which parseDataset strips as long as all paths share it).
 */
function pathsIn(current: readonly SourceFile[]): (kind: FileKind) => string {
  const normal = current.map((f) => normalisePath(f.path));
  const canonical = new Set<string>(Object.values(DATASET_PATHS));
  const tops = new Set(normal.map((p) => p.split('/')[0]));
  const prefixed = normal.length > 0 && !normal.some((p) => canonical.has(p)) && tops.size === 1 && normal.every((p) => p.includes('/'));
  const prefix = prefixed ? `${[...tops][0] ?? ''}/` : '';
  return (kind) => {
    const wanted = prefix + DATASET_PATHS[kind];
    const at = normal.indexOf(wanted);
    return at >= 0 ? (current[at] as SourceFile).path : wanted;
  };
}

// Files drawn on the old boundaries: new boundaries without them leave them out, rather
// than checking, say, Cà Mau's communes against another country's districts.
const ON_BOUNDARIES = ['communes', 'coastline'] as const;

function replaced(current: readonly SourceFile[], texts: ReadonlyMap<string, string | TextMaker>): SourceFile[] {
  const endsWith = (path: string, kind: FileKind) => path === DATASET_PATHS[kind] || path.endsWith(`/${DATASET_PATHS[kind]}`);
  const newBoundaries = [...texts.keys()].some((path) => endsWith(path, 'province') || endsWith(path, 'districts'));
  const stale = (path: string) => newBoundaries && ON_BOUNDARIES.some((kind) => endsWith(path, kind)) && !texts.has(path);
  const out = current.filter((file) => !texts.has(file.path) && !stale(file.path)).map((file) => atPath(file, file.path));
  for (const [path, text] of texts) out.push(typeof text === 'function' ? lazySource(path, text) : { path, text });
  return out.sort((a, b) => a.path.localeCompare(b.path));
}

/** What makes two reports of one problem the same: its code, its place and its field. */
const sameProblem = (code: string, place: Place, field: string | undefined): string =>
  JSON.stringify([code, place.featureIndex ?? null, place.line ?? null, field ?? null]);

/** Reads the files into a copy of the data set and checks the whole copy; see the top of the file. */
export function stageImport(
  current: readonly SourceFile[],
  incoming: readonly IncomingFile[],
  /** Check the valid rows from their text even where their records were checked already: only to compare both ways. */
  options: { readValidAgain?: boolean } = {},
): StagedImport {
  if (incoming.length === 0) {
    return { files: [], issues: [problem('', 'import-nothing')] };
  }
  const pathOf = pathsIn(current);
  const loaded = loadedTowers(current, pathOf('towers'));
  const reads = incoming.map((file) => readOne(file, pathOf, loaded));
  const issues: Issue[] = reads.flatMap((r) => r.issues);
  const files = reads.map((r) => r.staged);
  const paths = reads.map((r) => r.staged.path).filter((p): p is string => p !== undefined);
  if (new Set(paths).size !== paths.length) {
    issues.push(problem(incoming.map((f) => f.name).join(', '), 'import-twice'));
    return { files, issues };
  }
  if (reads.some((r) => !r.staged.path)) return { files, issues };

  // The whole set's issues name a file by its contract path, whatever the folder's prefix.
  const byContractPath = new Map(
    reads.map((r) => {
      const own = new Set(r.issues.map((i) => sameProblem(i.code, i, i.field)));
      return [DATASET_PATHS[r.staged.kind as FileKind], { read: r, own }] as const;
    }),
  );
  // Checks of the copy. An issue of an imported file that repeats one of its own checks is
  // left out (said once, of the user's file); one the file's own checks could not see (a
  // cross-file rule) stays, said of the user's file where a CSV or cell export became GeoJSON.
  const check = (texts: Map<string, string | TextMaker>, originOf: (read: Read) => Origin | undefined) => {
    const sources = replaced(current, texts);
    const checked: NonNullable<FolderOptions['checked']> = {};
    for (const r of reads) {
      const text = texts.get(r.staged.path as string);
      if (text === undefined) continue;
      const result = text === r.text ? r.checked : text === r.validText && !options.readValidAgain ? r.validChecked : undefined;
      if (result) checked[r.staged.kind as FileKind] = { text, result };
    }
    const result = parseDataset(sources, { checked });
    for (const r of reads) {
      const at = r.streamed ? sources.findIndex((f) => f.path === r.staged.path) : -1;
      if (r.streamed && at >= 0) sources[at] = deferredSource(r.staged.path as string, r.streamed);
    }
    const said = result.issues.flatMap((issue): Issue[] => {
      const imported = byContractPath.get(issue.file);
      if (!imported) return [issue];
      const place = originOf(imported.read)?.(issue);
      if (place && imported.own.has(sameProblem(issue.code, place, issue.field))) return [];
      const { name, format, header } = imported.read.staged;
      // A CSV, a cell export, a table format or mapped GeoJSON became the contract's GeoJSON: said of the user's file.
      const table = format === 'geoparquet' || format === 'flatgeobuf';
      if (format !== 'csv' && format !== 'cells' && !table && header === undefined) return [issue];
      const { featureIndex: _feature, ...rest } = issue; // said at the user's CSV line or table row, when the feature came from one
      // Lines named in the message (tests outside the province) are the user's too; an Ookla tile's tests share its line.
      const origin = originOf(imported.read);
      const named = issue.params?.['lines'];
      const lines = origin && Array.isArray(named) ? { lines: [...new Set(named.map((l) => (typeof l === 'number' ? (origin({ line: l })?.line ?? l) : l)))] } : {};
      const at = place?.line !== undefined ? { ...rest, line: place.line } : table && place?.featureIndex !== undefined ? { ...rest, featureIndex: place.featureIndex } : issue;
      const read: Issue = { ...at, file: name, params: { ...issue.params, ...lines, readAs: issue.file } };
      return [{ ...read, message: englishText(read) }];
    });
    return { sources, dataset: result.dataset, issues: said };
  };

  const out: StagedImport = { files, issues };
  if (reads.every((r) => r.text !== undefined)) {
    const whole = check(new Map(reads.map((r) => [r.staged.path as string, r.text as string | TextMaker])), (r) => r.origin);
    out.issues = [...issues, ...whole.issues];
    if (whole.dataset && !out.issues.some(isError)) {
      out.dataset = whole.dataset;
      out.sources = whole.sources;
      return out;
    }
  }
  if (reads.every((r) => r.validText !== undefined)) {
    const valid = check(new Map(reads.map((r) => [r.staged.path as string, r.validText as string | TextMaker])), (r) => r.validOrigin);
    if (valid.dataset && !valid.issues.some(isError)) {
      out.validOnly = {
        dataset: valid.dataset,
        sources: valid.sources,
        dropped: reads.reduce((sum, r) => sum + r.dropped, 0),
        issues: valid.issues,
      };
    }
  }
  return out;
}

/** One file read as the importer reads it, on its own: its format, rows and own problems. */
export function readImportFile(file: IncomingFile): { staged: StagedFile; issues: Issue[] } {
  const read = readOne(file, (kind) => DATASET_PATHS[kind], () => []);
  return { staged: read.staged, issues: read.issues };
}
