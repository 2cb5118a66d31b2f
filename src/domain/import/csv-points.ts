// Imports hamlets, schools or towers from a CSV file (what planners get out of a
// spreadsheet), with the checks and messages of `npm run validate` (shared/data-contract.md).
//
// Three steps, so that the UI can show and correct what was guessed:
// 1. `sniffCsv(text)` (csv-text.ts): the delimiter, a byte-order mark, the header row, and
//    whether numbers use decimal commas.
// 2. `guessMapping(kind, header)` (csv-mapping.ts): which column holds the longitude, the
//    latitude and each property of the contract, and which required ones are unmapped. The
//    user may correct it; `swapCoordinates` is the fix for swapped axes.
// 3. `csvToFeatures(kind, fileName, text, mapping)` (here): the header and the mapping are
//    checked, then each row becomes a GeoJSON Point feature of the kind and goes through the
//    contract's validation (csv-point-rows.ts, reading cells as csv-cells.ts says); its issues
//    come back naming the CSV line (the header is line 1), the id and the column
//    (csv-issues.ts).
//
// Columns outside the contract are ignored, with one warning naming them. Header names are
// never used as object keys (a "__proto__" column is just an ignored column).
//
// The result refuses the file (`value` undefined) when any issue is an error; `valid` holds
// the rows that passed all the same, for an explicit "import the N valid rows" choice.
// Pure, no I/O; never throws on user data.
//
// This module is the import's public face: it re-exports what the UI and the staging need.
import { IssueList } from '../parse/issues.ts';
import type { KindValue } from '../parse/kind.ts';
import { checkText } from '../parse/text.ts';
import { CsvIssues, listed } from './csv-issues.ts';
import { SPECS, type ColumnMapping, type FieldSpec, type PointKind } from './csv-mapping.ts';
import { readRows, type Conversion, type CsvImportResult } from './csv-point-rows.ts';
import { readText, REPLACEMENT, sniffOf, type CsvOptions, type CsvText } from './csv-text.ts';

export { contractFields, guessMapping, normalizeHeader, POINT_KINDS, requiredFields, swapCoordinates } from './csv-mapping.ts';
export type { ColumnMapping, ContractField, MappingGuess, PointKind } from './csv-mapping.ts';
export type { CsvImportResult } from './csv-point-rows.ts';
export { sniffCsv } from './csv-text.ts';
export type { CsvOptions, CsvSniff, Delimiter } from './csv-text.ts';

/**
 * Reads the rows of a CSV file as records of `kind`, with the contract's validation. Each
 * issue names the file, the CSV line (header = line 1), the row's id and the column.
 */
export function csvToFeatures<K extends PointKind>(
  kind: K,
  fileName: string,
  text: string,
  mapping: ColumnMapping<K>,
  options: CsvOptions = {},
): CsvImportResult<K> {
  return tableToFeatures(kind, fileName, readText(text, options.delimiter), mapping, options);
}

/**
 * `csvToFeatures` of rows already split into cells: a CSV's, or a GeoJSON file's properties
 * laid out as columns (geojson-points.ts), so that both are mapped and checked by one code.
 */
export function tableToFeatures<K extends PointKind>(
  kind: K,
  fileName: string,
  csv: CsvText,
  mapping: ColumnMapping<K>,
  options: CsvOptions = {},
): CsvImportResult<K> {
  const sniff = sniffOf(csv, options);
  const result: CsvImportResult<K> = {
    valid: [] as unknown as KindValue[K],
    validLines: [],
    rows: 0,
    invalidRows: 0,
    issues: [],
    sniff,
  };
  const specs: readonly FieldSpec[] = SPECS[kind];
  const columns = new Map<string, number>();
  const issues = new CsvIssues(fileName, sniff.header, columns);
  const done = (): CsvImportResult<K> => {
    result.issues = issues.finish();
    result.invalidRows = result.rows - result.validLines.length;
    if (!result.issues.some((issue) => issue.severity === 'error')) result.value = result.valid;
    return result;
  };

  if (csv.bom) {
    issues.warning('bom', {}, { ignored: true });
  }
  // Text that was not UTF-8 (parse/text.ts), placed at the first cell that shows it.
  const textIssues = new IssueList(fileName);
  checkText(csv.body, textIssues);
  for (const issue of textIssues.finish()) {
    const row = csv.rows.find((r) => r.cells.some((c) => c.includes(REPLACEMENT)));
    if (issue.code !== 'not-utf8' || !row) {
      issues.add(issue);
      continue;
    }
    issues.add(issues.issue(issue.severity, issue.code, { line: row.line, cell: row.cells.findIndex((c) => c.includes(REPLACEMENT)) }, issue.params));
  }
  if (csv.body.trim() === '') {
    issues.error('empty', {}, { format: 'points', kind });
    return done();
  }
  const headerAt = { line: sniff.headerLine };
  if (!sniff.hasHeader) {
    result.rows = sniff.rows + 1;
    issues.error('csv-no-header', headerAt, { ...listed(sniff.header), kind });
    return done();
  }

  // The mapping: each index a column of the header, each column used once.
  const width = sniff.header.length;
  const entries: [string, unknown][] = [
    ['lon', mapping.lon],
    ['lat', mapping.lat],
    ...specs.map((spec): [string, unknown] => [
      spec.name,
      Object.hasOwn(mapping.properties, spec.name) ? (mapping.properties as Record<string, unknown>)[spec.name] : null,
    ]),
  ];
  let mappingOk = true;
  const byColumn = new Map<number, string>();
  for (const [key, index] of entries) {
    if (index === null || index === undefined) continue;
    if (typeof index !== 'number' || !Number.isInteger(index) || index < 0 || index >= width) {
      issues.error('csv-mapping', headerAt, { reason: 'range', key, index: String(index), max: width - 1 });
      mappingOk = false;
      continue;
    }
    const other = byColumn.get(index);
    if (other !== undefined) {
      issues.error('csv-mapping', headerAt, { reason: 'twice', column: sniff.header[index] ?? '', index, other, key });
      mappingOk = false;
      continue;
    }
    byColumn.set(index, key);
    columns.set(key, index);
  }
  if (!mappingOk) {
    result.rows = sniff.rows;
    return done();
  }

  const headerList = listed(sniff.header);
  for (const key of ['lon', 'lat'] as const) {
    if (columns.has(key)) continue;
    issues.error('csv-unmapped', { ...headerAt, field: key }, { ...headerList, name: key, kind });
  }
  for (const spec of specs) {
    if (!spec.required || columns.has(spec.name)) continue;
    const alias = spec.aliases[1];
    issues.error('csv-unmapped', { ...headerAt, field: spec.name }, { ...headerList, name: spec.name, kind, ...(alias === undefined ? {} : { alias }) });
  }
  const ignored = sniff.header.map((name, i) => ({ name, i })).filter(({ i }) => !byColumn.has(i));
  const named = ignored.filter(({ name, i }) => name !== '' || csv.rows.some((row) => row.line > sniff.headerLine && (row.cells[i] ?? '').trim() !== ''));
  if (named.length > 0) {
    issues.warning('csv-ignored-columns', headerAt, { columns: named.map(({ name }) => name), indexes: named.map(({ i }) => i), kind });
  }

  // A column the contract reads that no column feeds, while some columns are left out: the
  // hamlets would lose their commune without a word ("Mã xã" once did). Said before importing.
  const notFed = specs.filter((spec) => !spec.required && spec.name !== 'synthetic' && !columns.has(spec.name)).map((spec) => spec.name);
  if (notFed.length > 0 && named.length > 0) {
    issues.warning('csv-optional-unmapped', headerAt, { fields: notFed });
  }

  const conversion: Conversion = { specs, columns };
  readRows(kind, fileName, csv, sniff, conversion, issues, result);
  return done();
}
