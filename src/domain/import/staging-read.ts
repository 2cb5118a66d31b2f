// One file of an import read on its own (staging.ts then checks them all together in a copy of
// the data set): its kind, format and rows, its own problems, the texts to stage (the whole
// file, and its valid rows only) and where their places are in the user's file.
//
// Formats: a contract GeoJSON file (as it is); a CSV of hamlets, schools or towers (columns
// mapped by `guessMapping` or the user's mapping, rows turned into the contract's GeoJSON);
// GeoJSON points with other property names (OpenStreetMap, Giga), mapped the same way; an
// OpenCelliD / MLS cell export (cells merged into towers); `deliveries.csv` (as it is);
// GeoParquet or FlatGeobuf points, read beforehand (they are read asynchronously, by
// `readTableFile`) and staged as a CSV of points is. The repairs the checks offer
// (`Issue.fix`) are applied only when the user asks for them (`IncomingFile.fixes`).
import type { BinaryFormat } from '../parse/sniff.ts';
import type { IssueCode, IssueParams } from '../messages/codes.ts';
import { makeIssue } from '../parse/issues.ts';
import { normalizeVietnamese } from '../parse/text.ts';
import { towersToGeoJSON } from '../export/features.ts';
import { parseFileDetailed, type FileResult } from '../parse/index.ts';
import { once, type TextMaker } from '../parse/dataset.ts';
import { FILE_KINDS, type FileKind, type Hamlet, type Issue, type School, type Tower } from '../types.ts';
import { placeCellTowers, type CellsMode } from './add-towers.ts';
import { importCells, looksLikeCellExport } from './cells.ts';
import { csvToFeatures, guessMapping, sniffCsv, swapCoordinates, type ColumnMapping, type MappingGuess, type PointKind } from './csv-points.ts';
import { guessPropertyMapping, mayNeedMapping, needsMapping, pointKindOfContent, propertiesToFeatures, propertyTable, type PropertyTable } from './geojson-points.ts';
import { importMeasurements } from './measurement-import.ts';
import { swapGeoJSON, withoutBadFeatures, withoutBadLines } from './staging-cuts.ts';
import { asColumnMapping, fromColumnMapping, looksLikeMeasurements } from './measurement-mapping.ts';
import { formatOfName, type PointFormat } from '../formats/index.ts';
import { pointsText, type TableFile } from './table-files.ts';
import type { CheckedPoints } from './geojson-stream.ts';

export type ImportFormat = 'geojson' | 'csv' | 'cells' | 'deliveries' | PointFormat;

/** A whole-file repair the checks offer (`Issue.fix`), applied only when the user asks. */
export type ImportFix = NonNullable<Issue['fix']>;

export interface IncomingFile {
  name: string;
  text: string;
  /** The user's choice of kind; else it comes from the name (or the cell-export header). */
  kind?: FileKind;
  /** The user's column mapping for a CSV of points; else guessed from the header. */
  mapping?: ColumnMapping;
  /**
   * The repairs the user asked for, applied before the checks: 'strip-bom' drops a leading
   * U+FEFF, 'normalize-nfc' puts the whole text in Unicode NFC, 'swap-coordinates' exchanges
   * lon and lat (GeoJSON coordinates or CSV columns).
   */
  fixes?: ImportFix[];
  /** The same as 'swap-coordinates' in `fixes` (kept for callers that still say it so). */
  swap?: boolean;
  /** A cell export: added to the loaded towers (the default; add-towers.ts) or replacing them. */
  cells?: CellsMode;
  /** What the reader found the bytes to be (parse/sniff.ts): a binary format, or UTF-16 text. */
  sniffed?: { binary: BinaryFormat } | { encoding: 'utf-16le' | 'utf-16be' };
  /** A GeoParquet or FlatGeobuf file's points (its `text` is empty). */
  table?: TableFile;
  /**
   * A contract GeoJSON point file read and checked beforehand (geojson-stream.ts; its `text`
   * is empty): taken when the kind matches and no fix or mapping is asked for.
   */
  checked?: CheckedPoints;
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
  cells?: { rows: number; cells: number; towers: number; skipped: Record<string, number>; mode: CellsMode; merged: number; appended: number };
  /** The fixes the user may ask for (`IncomingFile.fixes`), when the problems suggest them. */
  fixes: ImportFix[];
}

export const isError = (issue: Issue): boolean => issue.severity === 'error';

/**
 * Errors the checks report once per file, at the first place only (with a count): a file
 * saved by one tool has them in every row, so no row of it counts as valid and there are
 * no valid rows to offer until the user applies the fix (or corrects the file).
 */
const FILE_LEVEL_FAULTS: ReadonlySet<string> = new Set([
  'coordinates-projected',
  'coordinates-swapped',
  'not-nfc',
  'mojibake',
  'legacy-encoding',
  'not-utf8',
]);

const hasFileLevelFault = (issues: readonly Issue[]): boolean => issues.some((i) => isError(i) && FILE_LEVEL_FAULTS.has(i.code));

const stripBom = (text: string): string => (text.startsWith('\uFEFF') ? text.slice(1) : text);

function fixesOf(file: IncomingFile): Set<ImportFix> {
  const fixes = new Set<ImportFix>(file.fixes ?? []);
  if (file.swap) fixes.add('swap-coordinates');
  return fixes;
}

/** The text with the text-level fixes applied (the swap is applied where the format is known). */
function fixedText(text: string, fixes: ReadonlySet<ImportFix>): string {
  const out = fixes.has('strip-bom') ? stripBom(text) : text;
  return fixes.has('normalize-nfc') ? normalizeVietnamese(out) : out;
}

const offered = (issues: readonly Issue[]): ImportFix[] => [...new Set(issues.flatMap((i) => (i.fix ? [i.fix] : [])))];

/** The kind a file's name says ("hamlets-2025.csv" holds hamlets), when it names one only. */
export function kindOfName(name: string): FileKind | undefined {
  const stem = (name.split(/[/\\]/).pop() ?? '').toLowerCase().replace(/\.[^.]*$/, '');
  const found = FILE_KINDS.filter((kind) => stem.includes(kind));
  return found.length === 1 ? found[0] : undefined;
}

export function problem(file: string, code: IssueCode, params: IssueParams = {}): Issue {
  return makeIssue('error', code, file, {}, params);
}

/** A place in a text given to the data set's check: a feature index, a line, or neither. */
export interface Place {
  featureIndex?: number;
  line?: number;
}

/** Where a place of the staged text is in the user's file; undefined when it has no counterpart. */
export type Origin = (place: Place) => Place | undefined;

const same: Origin = (place) => ({
  ...(place.featureIndex !== undefined ? { featureIndex: place.featureIndex } : {}),
  ...(place.line !== undefined ? { line: place.line } : {}),
});

/** Feature `i` of the staged text is `at[i]` of the user's file: a feature index, or a CSV line. */
function featuresFrom(at: readonly number[], as: 'featureIndex' | 'line'): Origin {
  return (place) => {
    if (place.line !== undefined) return undefined;
    if (place.featureIndex === undefined) return {};
    const found = at[place.featureIndex];
    return found === undefined ? undefined : { [as]: found };
  };
}

/** Line `n` of the staged deliveries is line `at[n - 1]` of the user's file. */
function linesFrom(at: readonly number[]): Origin {
  return (place) => {
    if (place.featureIndex !== undefined) return undefined;
    if (place.line === undefined) return {};
    const found = at[place.line - 1];
    return found === undefined ? undefined : { line: found };
  };
}

export interface Read {
  staged: StagedFile;
  issues: Issue[];
  /** Text for the data set's path, when the whole file passed its own checks (made when first read, for a table file). */
  text?: string | TextMaker;
  /** Where the places of `text` are in the user's file; none for a cell export (cells merge into towers). */
  origin?: Origin;
  /** Text with only the valid rows, for the "valid rows" choice. */
  validText?: string | TextMaker;
  validOrigin?: Origin;
  dropped: number;
  /** The file's own check, when it was of `text` itself: the whole set's check reuses it. */
  checked?: FileResult<FileKind>;
  /** The same for `validText`. */
  validChecked?: FileResult<FileKind>;
  /** Read beforehand as it streamed in: `text` only stands for it (see `readChecked`). */
  streamed?: CheckedPoints;
}

/** One file read; `pathOf`: where a file of each kind goes, `loaded`: the towers a cell export adds to. */
export function readOne(file: IncomingFile, pathOf: (kind: FileKind) => string, loaded: () => readonly Tower[]): Read {
  if (file.sniffed && 'binary' in file.sniffed) {
    return { staged: { name: file.name, rows: 0, validRows: 0, fixes: [] }, issues: [problem(file.name, 'binary-file', { format: file.sniffed.binary })], dropped: 0 };
  }
  const read = readText(file, pathOf, loaded);
  if (file.sniffed && 'encoding' in file.sniffed) read.issues.unshift(makeIssue('warning', 'utf16-decoded', file.name, {}, {}));
  return read;
}

function readText(file: IncomingFile, pathOf: (kind: FileKind) => string, loaded: () => readonly Tower[]): Read {
  const fixes = fixesOf(file);
  const source = fixedText(file.text, fixes);
  const csv = /\.(csv|txt|tsv)$/i.test(file.name);
  const cells = csv && looksLikeCellExport(source);
  const kind =
    file.kind ??
    (cells ? 'towers' : (kindOfName(file.name) ?? (csv ? (looksLikeMeasurements(sniffCsv(source).header) ? 'measurements' : undefined) : pointKindOfContent(source))));
  const staged: StagedFile = { name: file.name, rows: 0, validRows: 0, fixes: [] };
  if (!kind) {
    return { staged, issues: [problem(file.name, 'import-kind')], dropped: 0 };
  }
  staged.kind = kind;
  staged.path = pathOf(kind);

  const tableFormat = formatOfName(file.name);
  if (tableFormat) return readTable(file, tableFormat, kind, staged);

  if (cells && kind === 'towers') {
    const result = importCells(file.name, source);
    const added = placeCellTowers(file.cells ?? 'add', loaded, result.towers);
    const { rows, cells: read, towers, skipped } = result.report;
    staged.cells = { rows, cells: read, towers, skipped: { ...skipped }, mode: added.mode, merged: added.merged, appended: added.appended };
    Object.assign(staged, { format: 'cells', rows, validRows: read, fixes: offered(result.issues) });
    const failed = result.issues.some(isError) || result.towers.length === 0;
    const issues = result.towers.length === 0 && !result.issues.some(isError)
      ? [...result.issues, problem(file.name, 'import-no-cells')]
      : result.issues;
    const text = failed ? undefined : JSON.stringify(towersToGeoJSON(added.towers));
    return { staged, issues, text, validText: text, dropped: 0 };
  }

  if (csv && (kind === 'hamlets' || kind === 'schools' || kind === 'towers')) {
    const sniff = sniffCsv(source);
    const guessed = guessMapping(kind, sniff.header);
    const mapping = file.mapping ?? guessed;
    const used = fixes.has('swap-coordinates') ? { ...mapping, lon: mapping.lat, lat: mapping.lon } : mapping;
    const result = csvToFeatures(kind, file.name, source, used as ColumnMapping<typeof kind>);
    Object.assign(staged, { format: 'csv', header: sniff.header, mapping: used, rows: result.rows, fixes: offered(result.issues) });
    // `value` is `valid` when there is no error: feature i of either text is CSV line validLines[i].
    return pointsRead(kind, staged, result, featuresFrom(result.validLines, 'line'));
  }

  if (kind === 'measurements') {
    // Any speed-test CSV (contract, other headers, Ookla tiles) becomes the contract's measurements.csv.
    // The user's corrected columns (the mapping editor's shape), else guessed from the header.
    const header = file.mapping ? sniffCsv(source).header : [];
    const result = importMeasurements(file.name, source, file.mapping ? { mapping: fromColumnMapping(header, file.mapping) } : {});
    Object.assign(staged, { format: 'csv', header: result.sniff.header, rows: result.rows, validRows: result.validRows, fixes: offered(result.issues) });
    if (result.mapping) staged.mapping = asColumnMapping(result.mapping);
    const validText = result.validLines.length > 0 ? result.validText : undefined;
    const dropped = result.rows - result.validRows;
    return { staged, issues: result.issues, text: result.text, origin: linesFrom([1, ...result.lines]), validText, validOrigin: linesFrom([1, ...result.validLines]), dropped };
  }

  if (csv && kind !== 'deliveries') {
    return { staged, issues: [problem(file.name, 'import-format', { kind })], dropped: 0 };
  }

  if (file.checked?.kind === kind && fixes.size === 0 && !file.mapping) return readChecked(file.checked, staged, file.text);

  if (!csv && (kind === 'hamlets' || kind === 'schools' || kind === 'towers')) {
    const table = file.mapping || mayNeedMapping(kind, source) ? propertyTable(source) : undefined;
    if (table && (file.mapping || needsMapping(kind, table))) return readMapped(file, kind, table, staged, fixes);
  }

  let text = source;
  if (fixes.has('swap-coordinates') && kind !== 'deliveries') {
    try {
      text = swapGeoJSON(text);
    } catch {
      // Not JSON: the check below says so with its line and column.
    }
  }
  const checked = parseFileDetailed(kind, file.name, text);
  const { value, issues } = checked;
  staged.format = kind === 'deliveries' ? 'deliveries' : 'geojson';
  staged.fixes = offered(issues);
  if (value) {
    staged.rows = staged.validRows = Array.isArray(value) ? value.length : 1;
    return { staged, issues, text, origin: same, validText: text, validOrigin: same, dropped: 0, checked };
  }
  staged.rows = countRows(kind, text);
  // A fault said once for the file, or an error of the whole file, leaves no row to keep.
  const cut = hasFileLevelFault(issues) ? undefined : kind === 'deliveries' ? withoutBadLines(text, issues) : withoutBadFeatures(text, issues);
  staged.validRows = cut ? Math.max(0, staged.rows - cut.dropped) : 0;
  if (!cut) return { staged, issues, dropped: 0 };
  const validOrigin = kind === 'deliveries' ? linesFrom(cut.kept) : featuresFrom(cut.kept, 'featureIndex');
  return { staged, issues, validText: cut.text, validOrigin, dropped: cut.dropped };
}

/**
 * A file read beforehand as it would be read here (geojson-stream.ts): every feature kept,
 * so feature i of the staged text is feature i of the user's file.
 */
function readChecked(checked: CheckedPoints, staged: StagedFile, given: string): Read {
  const { records, issues } = checked;
  if (checked.failed) return readFailed(checked, checked.failed, staged);
  // `given`: the user's text, when the caller has it (the loaded file, read again). Else only
  // the whole set's check sees this stand-in, and it reuses `result` for it (never parsing
  // it); the staged sources then get the records' own text, written when first asked for.
  const text = given !== '' ? given : `streamed: ${staged.name}`;
  Object.assign(staged, { format: 'geojson', rows: records.length, validRows: records.length, fixes: offered(issues) });
  const result: FileResult<FileKind> = { value: records as Hamlet[], issues: [], count: records.length };
  return { staged, issues, text, origin: same, validText: text, validOrigin: same, dropped: 0, checked: result, ...(given === '' ? { streamed: checked } : {}) };
}

/**
 * A file read beforehand that has errors, staged as the ordinary way stages one (`readText`):
 * no text to take; for the "valid rows" choice, the features without an error (the contract's
 * GeoJSON of their records, written when first read), feature i of it being `kept[i]` of the file.
 */
function readFailed(checked: CheckedPoints, failed: NonNullable<CheckedPoints['failed']>, staged: StagedFile): Read {
  const { kind, records, issues } = checked;
  // As `withoutBadFeatures`: an error of the whole file leaves no row to keep.
  const fileLevel = hasFileLevelFault(issues) || issues.some((i) => isError(i) && i.featureIndex === undefined);
  Object.assign(staged, { format: 'geojson', rows: failed.features, validRows: fileLevel ? 0 : failed.kept.length, fixes: offered(issues) });
  if (fileLevel) return { staged, issues, dropped: 0 };
  return {
    staged,
    issues,
    validText: once(() => pointsText(kind, records)),
    validOrigin: featuresFrom(failed.kept, 'featureIndex'),
    dropped: failed.features - failed.kept.length,
    // The records passed the very checks that reading that text would make again (writing
    // and reading back a national file took 6 s of a 14 s check). None left: that text is
    // short, and read it says what an empty file means.
    ...(records.length > 0 ? { validChecked: { value: records as Hamlet[], issues: [], count: records.length } } : {}),
  };
}

/** GeoJSON points through the mapping (geojson-points.ts), as a CSV of points is read. */
function readMapped(file: IncomingFile, kind: PointKind, table: PropertyTable, staged: StagedFile, fixes: ReadonlySet<ImportFix>): Read {
  const mapping = file.mapping ?? guessPropertyMapping(kind, table);
  const used = fixes.has('swap-coordinates') ? swapCoordinates(mapping) : mapping;
  const result = propertiesToFeatures(kind, file.name, table, used as ColumnMapping<typeof kind>);
  Object.assign(staged, { format: 'geojson', header: table.header, mapping: used, rows: result.rows, fixes: offered(result.issues) });
  return pointsRead(kind, staged, result, featuresFrom(result.validFeatures, 'featureIndex'));
}

/**
 * Points read into records (a CSV, or GeoJSON through the mapping): the contract's GeoJSON of
 * the whole file when it passed, and of its valid rows; `origin` places their features.
 */
function pointsRead(kind: PointKind, staged: StagedFile, result: { issues: Issue[]; value?: unknown; valid: readonly unknown[]; invalidRows: number }, origin: Origin): Read {
  const fileLevel = hasFileLevelFault(result.issues);
  staged.validRows = fileLevel ? 0 : result.valid.length;
  const records = result.value as readonly (Hamlet | School | Tower)[] | undefined;
  return {
    staged,
    issues: result.issues,
    text: records ? pointsText(kind, records) : undefined,
    origin,
    validText: !fileLevel && result.valid.length > 0 ? pointsText(kind, result.valid as readonly (Hamlet | School | Tower)[]) : undefined,
    validOrigin: origin,
    dropped: result.invalidRows,
  };
}

const FORMAT_NAME: Record<PointFormat, string> = { geoparquet: 'GeoParquet', flatgeobuf: 'FlatGeobuf' };

/** A GeoParquet or FlatGeobuf file read beforehand (table-files.ts), staged as a CSV of points is. */
function readTable(file: IncomingFile, format: PointFormat, kind: FileKind, staged: StagedFile): Read {
  const table = file.table?.kind === kind ? file.table : undefined;
  if (!table) return { staged, issues: [problem(file.name, 'import-format', { kind, format: FORMAT_NAME[format] })], dropped: 0 };
  const { result } = table;
  const fileLevel = hasFileLevelFault(result.issues);
  Object.assign(staged, { format, rows: result.rows, validRows: fileLevel ? 0 : result.valid.length });
  const records = result.value as readonly (Hamlet | School | Tower)[] | undefined;
  // The contract's GeoJSON of a national file is long to write and needed only to save it: made then.
  const text = records ? once(() => pointsText(table.kind, records)) : undefined;
  // Row r (counted from 1) is feature r - 1 of the file.
  const origin = featuresFrom(result.validLines.map((line) => line - 1), 'featureIndex');
  const checked: FileResult<FileKind> | undefined = records ? { value: records as Hamlet[], issues: [], count: records.length } : undefined;
  const valid = result.valid as readonly (Hamlet | School | Tower)[];
  // The valid rows of a file with errors: checked by their records, as a streamed GeoJSON
  // file's (`readFailed`), not written out and read back.
  const validChecked: FileResult<FileKind> | undefined = !records && valid.length > 0 ? { value: valid as Hamlet[], issues: [], count: valid.length } : undefined;
  return {
    staged,
    issues: result.issues,
    text,
    origin,
    validText: !fileLevel && valid.length > 0 ? (text ?? once(() => pointsText(table.kind, valid))) : undefined,
    validOrigin: origin,
    dropped: result.invalidRows,
    ...(checked ? { checked } : {}),
    ...(validChecked ? { validChecked } : {}),
  };
}

function countRows(kind: FileKind, text: string): number {
  const body = stripBom(text);
  if (kind === 'deliveries') return Math.max(0, body.split(/\r\n|\n|\r/).filter((l) => l.trim() !== '').length - 1);
  try {
    const json = JSON.parse(body) as { features?: unknown };
    return Array.isArray(json.features) ? json.features.length : 0;
  } catch {
    return 0;
  }
}
