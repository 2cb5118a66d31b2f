/**
 * Staging an import: the user's files are read into a copy of the data set (the loaded
 * files with the imported ones in their place) and that whole copy is checked with the same
 * validation as `npm run validate`, cross-file rules included. Nothing here touches the
 * loaded data: the caller swaps it in only when the copy passes, or when the user chose to
 * take the valid rows only (`validOnly`).
 *
 * Formats: a contract GeoJSON file (as it is); a CSV of hamlets, schools or towers (columns
 * mapped by `guessMapping` or the user's mapping, rows turned into the contract's GeoJSON);
 * an OpenCelliD / MLS cell export (cells merged into towers); `deliveries.csv` (as it is).
 */
import { hamletsToGeoJSON, schoolsToGeoJSON } from '../export/features.ts';
import { parseDataset, parseFile, type SourceFile } from '../parse/index.ts';
import { DATASET_PATHS } from '../parse/kind.ts';
import { towersToGeoJSON } from '../plan/plan.ts';
import { FILE_KINDS, type Dataset, type FileKind, type Hamlet, type Issue, type School, type Tower } from '../types.ts';
import { importCells, looksLikeCellExport } from './cells.ts';
import { csvToFeatures, guessMapping, sniffCsv, type ColumnMapping, type MappingGuess, type PointKind } from './csv-points.ts';

export type ImportFormat = 'geojson' | 'csv' | 'cells' | 'deliveries';

export interface IncomingFile {
  name: string;
  text: string;
  /** The user's choice of kind; else it comes from the name (or the cell-export header). */
  kind?: FileKind;
  /** The user's column mapping for a CSV of points; else guessed from the header. */
  mapping?: ColumnMapping;
  /** The user asked for lon and lat to be exchanged (GeoJSON coordinates or CSV columns). */
  swap?: boolean;
}

export interface StagedFile {
  name: string;
  kind?: FileKind;
  format?: ImportFormat;
  /** Where it goes in the data folder. */
  path?: string;
  /** Rows or features read, and those without an error. */
  rows: number;
  validRows: number;
  /** CSV of points: the header and the mapping used (the UI lets the user correct it). */
  header?: string[];
  mapping?: MappingGuess | ColumnMapping;
  /** Cell export: "496 rows, 178 cells → 175 towers". */
  cells?: { rows: number; cells: number; towers: number; skipped: Record<string, number> };
  /** A fix the user may ask for ('swap-coordinates'), when the problems suggest one. */
  fixes: NonNullable<Issue['fix']>[];
}

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

const isError = (issue: Issue): boolean => issue.severity === 'error';

function kindOfName(name: string): FileKind | undefined {
  const stem = (name.split(/[/\\]/).pop() ?? '').toLowerCase().replace(/\.[^.]*$/, '');
  const found = FILE_KINDS.filter((kind) => stem.includes(kind));
  return found.length === 1 ? found[0] : undefined;
}

function problem(file: string, code: string, message: string, field?: string): Issue {
  return { severity: 'error', code, file, ...(field ? { field } : {}), message };
}

function swapGeoJSON(text: string): string {
  const json = JSON.parse(text) as { features?: { geometry?: { type?: string; coordinates?: unknown } }[] };
  for (const feature of json.features ?? []) {
    const g = feature.geometry;
    if (g?.type === 'Point' && Array.isArray(g.coordinates) && g.coordinates.length >= 2) {
      g.coordinates = [g.coordinates[1], g.coordinates[0], ...g.coordinates.slice(2)];
    }
  }
  return JSON.stringify(json);
}

/** The GeoJSON text without the features that have an error; undefined when it cannot be cut. */
function withoutBadFeatures(text: string, issues: readonly Issue[]): { text: string; dropped: number } | undefined {
  const bad = new Set(issues.filter((i) => isError(i) && i.featureIndex !== undefined).map((i) => i.featureIndex as number));
  // An error of the whole file (not JSON, not a FeatureCollection) leaves nothing to keep.
  if (issues.some((i) => isError(i) && i.featureIndex === undefined)) return undefined;
  try {
    const json = JSON.parse(text) as { features: unknown[] };
    const features = json.features.filter((_, i) => !bad.has(i));
    return { text: JSON.stringify({ ...json, features }), dropped: json.features.length - features.length };
  } catch {
    return undefined;
  }
}

/** The CSV without the lines that have an error (deliveries: checked as they are). */
function withoutBadLines(text: string, issues: readonly Issue[]): { text: string; dropped: number } | undefined {
  if (issues.some((i) => isError(i) && i.line === undefined)) return undefined;
  const bad = new Set(issues.filter((i) => isError(i)).map((i) => i.line as number));
  const lines = text.split(/\r\n|\n|\r/);
  const kept = lines.filter((_, i) => !bad.has(i + 1));
  return { text: kept.join('\n'), dropped: lines.length - kept.length };
}

interface Read {
  staged: StagedFile;
  issues: Issue[];
  /** Text for the data set's path, when the whole file passed its own checks. */
  text?: string;
  /** Text with only the valid rows, for the "valid rows" choice. */
  validText?: string;
  dropped: number;
}

function pointsText(kind: PointKind, records: readonly (Hamlet | School | Tower)[]): string {
  if (kind === 'hamlets') return JSON.stringify(hamletsToGeoJSON(records as Hamlet[]));
  if (kind === 'schools') return JSON.stringify(schoolsToGeoJSON(records as School[]));
  return JSON.stringify(towersToGeoJSON(records as Tower[]));
}

function readOne(file: IncomingFile): Read {
  const csv = /\.(csv|txt|tsv)$/i.test(file.name);
  const cells = csv && looksLikeCellExport(file.text);
  const kind = file.kind ?? (cells ? 'towers' : kindOfName(file.name));
  const staged: StagedFile = { name: file.name, rows: 0, validRows: 0, fixes: [] };
  if (!kind) {
    const message = `${file.name}: cannot tell what this file holds; name it after its kind (hamlets, schools, towers, deliveries, …) or choose the kind`;
    return { staged, issues: [problem(file.name, 'import-kind', message)], dropped: 0 };
  }
  staged.kind = kind;
  staged.path = DATASET_PATHS[kind];

  if (cells && kind === 'towers') {
    const result = importCells(file.name, file.text);
    staged.format = 'cells';
    staged.cells = { rows: result.report.rows, cells: result.report.cells, towers: result.report.towers, skipped: { ...result.report.skipped } };
    staged.rows = result.report.rows;
    staged.validRows = result.report.cells;
    const failed = result.issues.some(isError) || result.towers.length === 0;
    const issues = result.towers.length === 0 && !result.issues.some(isError)
      ? [...result.issues, problem(file.name, 'import-no-cells', `${file.name}: no usable cell of the chosen network code (MCC) in this file`)]
      : result.issues;
    const text = failed ? undefined : JSON.stringify(towersToGeoJSON(result.towers));
    return { staged, issues, text, validText: text, dropped: 0 };
  }

  if (csv && (kind === 'hamlets' || kind === 'schools' || kind === 'towers')) {
    const sniff = sniffCsv(file.text);
    const guessed = guessMapping(kind, sniff.header);
    const mapping = file.mapping ?? guessed;
    const used = file.swap ? { ...mapping, lon: mapping.lat, lat: mapping.lon } : mapping;
    const result = csvToFeatures(kind, file.name, file.text, used as ColumnMapping<typeof kind>);
    staged.format = 'csv';
    staged.header = sniff.header;
    staged.mapping = used;
    staged.rows = result.rows;
    staged.validRows = result.valid.length;
    staged.fixes = [...new Set(result.issues.flatMap((i) => (i.fix ? [i.fix] : [])))];
    const records = result.value as readonly (Hamlet | School | Tower)[] | undefined;
    return {
      staged,
      issues: result.issues,
      text: records ? pointsText(kind, records) : undefined,
      validText: result.valid.length > 0 ? pointsText(kind, result.valid as readonly (Hamlet | School | Tower)[]) : undefined,
      dropped: result.invalidRows,
    };
  }

  if (csv && kind !== 'deliveries') {
    return { staged, issues: [problem(file.name, 'import-format', `${file.name}: a ${kind} file must be GeoJSON, not CSV`)], dropped: 0 };
  }

  let text = file.text;
  if (file.swap && kind !== 'deliveries') {
    try {
      text = swapGeoJSON(text);
    } catch {
      // Not JSON: the check below says so with its line and column.
    }
  }
  const { value, issues } = parseFile(kind, file.name, text);
  staged.format = kind === 'deliveries' ? 'deliveries' : 'geojson';
  const count = Array.isArray(value) ? value.length : value ? 1 : 0;
  const badRows = new Set(issues.filter(isError).map((i) => i.featureIndex ?? i.line)).size;
  staged.validRows = count;
  staged.rows = value ? count : countRows(kind, text);
  if (!value) staged.validRows = Math.max(0, staged.rows - badRows);
  staged.fixes = [...new Set(issues.flatMap((i) => (i.fix ? [i.fix] : [])))];
  const cut = value ? { text, dropped: 0 } : kind === 'deliveries' ? withoutBadLines(text, issues) : withoutBadFeatures(text, issues);
  return { staged, issues, text: value ? text : undefined, validText: cut && cut.dropped >= 0 ? cut.text : undefined, dropped: cut?.dropped ?? 0 };
}

function countRows(kind: FileKind, text: string): number {
  if (kind === 'deliveries') return Math.max(0, text.split(/\r\n|\n|\r/).filter((l) => l.trim() !== '').length - 1);
  try {
    const json = JSON.parse(text) as { features?: unknown };
    return Array.isArray(json.features) ? json.features.length : 0;
  } catch {
    return 0;
  }
}

function replaced(current: readonly SourceFile[], texts: ReadonlyMap<string, string>): SourceFile[] {
  const out = current.filter((file) => !texts.has(file.path)).map((file) => ({ ...file }));
  for (const [path, text] of texts) out.push({ path, text });
  return out.sort((a, b) => a.path.localeCompare(b.path));
}

/** Reads the files into a copy of the data set and checks the whole copy; see the top of the file. */
export function stageImport(current: readonly SourceFile[], incoming: readonly IncomingFile[]): StagedImport {
  const reads = incoming.map(readOne);
  const issues: Issue[] = reads.flatMap((r) => r.issues);
  const files = reads.map((r) => r.staged);
  const paths = reads.map((r) => r.staged.path).filter((p): p is string => p !== undefined);
  if (new Set(paths).size !== paths.length) {
    issues.push(problem(incoming.map((f) => f.name).join(', '), 'import-twice', 'Two of the files are of the same kind: import one file per kind at a time'));
    return { files, issues };
  }
  if (reads.some((r) => !r.staged.path)) return { files, issues };

  const converted = new Map(reads.filter((r) => r.staged.format === 'csv' || r.staged.format === 'cells').map((r) => [r.staged.path as string, r.staged.name]));
  // Checks of the copy, said of the user's file where a CSV or cell export was turned into GeoJSON.
  const check = (texts: Map<string, string>) => {
    const sources = replaced(current, texts);
    const result = parseDataset(sources);
    const own = result.issues.map((issue) => {
      const from = converted.get(issue.file);
      return from ? { ...issue, file: from, message: `${from} (read as ${issue.file}): ${issue.message}` } : issue;
    });
    return { sources, dataset: result.dataset, issues: own };
  };

  const out: StagedImport = { files, issues };
  if (reads.every((r) => r.text !== undefined)) {
    const whole = check(new Map(reads.map((r) => [r.staged.path as string, r.text as string])));
    out.issues = [...issues, ...whole.issues];
    if (whole.dataset && !out.issues.some(isError)) {
      out.dataset = whole.dataset;
      out.sources = whole.sources;
      return out;
    }
  }
  if (reads.every((r) => r.validText !== undefined)) {
    const valid = check(new Map(reads.map((r) => [r.staged.path as string, r.validText as string])));
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
