// Imports speed tests from the files partners have, as the contract's measurements.csv:
// - the contract's own CSV (columns named as the contract names them), read as it is;
// - other CSVs, Vietnamese or English headers ("Ngày đo", "Nhà mạng", "Tốc độ tải xuống
//   (Mbps)", "Download (kbps)"), mapped by measurement-mapping.ts or the user's mapping:
//   kbps columns are divided by 1000, a timestamp "2024-05-01 10:22" keeps its date as
//   written (no time zone is applied), radio names become technologies (LTE → 4G, NR → 5G;
//   counted in a warning), "," or ";" or tab between columns, decimal commas where the file
//   writes them;
// - Ookla open-data tiles (`quadkey`, `avg_d_kbps`, `avg_u_kbps`, `avg_lat_ms`, `tests`):
//   AN APPROXIMATION, said in a warning: each tile counts as `tests` tests, each of the
//   tile's average speeds, at the tile's centre (zoom-16 tiles are about 600 m wide, so a
//   test may really lie up to ~400 m from where it is counted). The tiles carry no date and
//   no network: the date is the user's (`date`, else a YYYY-MM-DD in the file name, as
//   Ookla names its quarterly files) and the operator the user's (`operator`, default
//   "Ookla", which then counts only without --operator).
// Every row is then checked by the contract's own validation (parse/measurements.ts); its
// messages come back naming the user's CSV line and column. Pure; never throws on user data.
import Papa from 'papaparse';
import { parseFileDetailed } from '../parse/file.ts';
import { readDecimal, type MustBe } from '../parse/measurements.ts';
import type { Issue } from '../types.ts';
import { CsvIssues, listed } from './csv-issues.ts';
import { normalizeHeader } from './csv-mapping.ts';
import { readText, sniffOf, isBlank, type CsvSniff } from './csv-text.ts';
import {
  guessMeasurementMapping,
  isOoklaHeader,
  MEASUREMENT_FIELDS,
  RADIO_TECHNOLOGY,
  REQUIRED_MEASUREMENT_FIELDS,
  type MeasurementField,
  type MeasurementMapping,
} from './measurement-mapping.ts';

export interface MeasurementImportOptions {
  /** The user's mapping; else guessed from the header. */
  mapping?: MeasurementMapping;
  /** Ookla tiles: the date their tests count on (YYYY-MM-DD); else one in the file name. */
  date?: string;
  /** Ookla tiles: the operator their tests count for; default "Ookla". */
  operator?: string;
}

export interface MeasurementImport {
  format: 'contract' | 'mapped' | 'ookla';
  sniff: CsvSniff;
  /** The mapping used (mapped files). */
  mapping?: MeasurementMapping;
  /** measurements.csv in the contract's columns, when no issue is an error. */
  text?: string;
  /** The same with only the rows without an error. */
  validText: string;
  /** The user's CSV line of each data row of `text` (row i is line i + 2 of `text`). */
  lines: number[];
  /** Likewise for `validText`. */
  validLines: number[];
  /** Data rows (Ookla: tiles) read, and those without an error. */
  rows: number;
  validRows: number;
  /** Ookla: the tiles read and the tests they stand for. */
  tiles?: { tiles: number; tests: number };
  issues: Issue[];
}

const OOKLA_OPERATOR = 'Ookla';
const OOKLA_SOURCE = 'Ookla open data (tile average)';

/** Centre of a Web Mercator tile given as a quadkey ("1322…", digits 0-3), in degrees. */
export function quadkeyCentre(quadkey: string): [number, number] | undefined {
  if (!/^[0-3]{1,30}$/.test(quadkey)) return undefined;
  let x = 0;
  let y = 0;
  for (const digit of quadkey) {
    const d = Number(digit);
    x = x * 2 + (d & 1);
    y = y * 2 + (d >> 1);
  }
  const size = 2 ** quadkey.length;
  const lon = ((x + 0.5) / size) * 360 - 180;
  const lat = (Math.atan(Math.sinh(Math.PI * (1 - (2 * (y + 0.5)) / size))) * 180) / Math.PI;
  return [lon, lat];
}

type Row = Record<MeasurementField, string>;

/** One contract row per entry, each with the user's line; the texts, and the issues in the user's terms. */
function finish(
  fileName: string,
  issues: CsvIssues,
  rows: { row: Row; line: number }[],
  badLines: ReadonlySet<number>,
  result: MeasurementImport,
): MeasurementImport {
  const toText = (list: { row: Row }[]): string =>
    Papa.unparse({ fields: [...MEASUREMENT_FIELDS], data: list.map(({ row }) => MEASUREMENT_FIELDS.map((f) => row[f])) }, { newline: '\n' }) + '\n';
  // The contract's checks on the converted rows, said of the user's line and column.
  const checked = parseFileDetailed('measurements', fileName, toText(rows));
  const bad = new Set(badLines);
  for (const inner of checked.issues) {
    if (inner.line !== undefined && inner.line >= 2) {
      const line = rows[inner.line - 2]?.line;
      if (line === undefined) continue;
      if (inner.severity === 'error') {
        if (bad.has(line)) continue; // said already, in the conversion's terms
        bad.add(line);
      }
      // The same problem and params, placed anew: the dictionaries name the user's column.
      issues.add(issues.issue(inner.severity, inner.code, { line, ...(inner.field === undefined ? {} : { field: inner.field }) }, inner.params, inner.fix));
    } else issues.add(inner);
  }
  const valid = rows.filter((r) => !bad.has(r.line));
  result.issues = issues.finish();
  result.lines = rows.map((r) => r.line);
  result.validLines = valid.map((r) => r.line);
  result.validText = toText(valid);
  result.validRows = new Set(result.validLines).size;
  if (!result.issues.some((i) => i.severity === 'error')) result.text = toText(rows);
  return result;
}

/** Reads a speed-test file of any of the formats above as the contract's measurements.csv. */
export function importMeasurements(fileName: string, text: string, options: MeasurementImportOptions = {}): MeasurementImport {
  const csv = readText(text);
  const sniff = sniffOf(csv);
  const ookla = isOoklaHeader(sniff.header);
  const guess = guessMeasurementMapping(sniff.header);
  const contract = !ookla && REQUIRED_MEASUREMENT_FIELDS.every((f) => sniff.header.includes(f));
  const mapping: MeasurementMapping = options.mapping ?? guess;
  const columns = new Map<string, number>();
  if (!ookla) for (const f of MEASUREMENT_FIELDS) if (mapping.columns[f] !== null) columns.set(f, mapping.columns[f] as number);
  const issues = new CsvIssues(fileName, sniff.header, columns);
  const result: MeasurementImport = { format: ookla ? 'ookla' : contract ? 'contract' : 'mapped', sniff, validText: '', lines: [], validLines: [], rows: 0, validRows: 0, issues: [] };
  if (!ookla) result.mapping = mapping;
  const rows: { row: Row; line: number }[] = [];
  const badLines = new Set<number>();
  if (csv.bom) issues.warning('bom', {}, { ignored: true });
  if (csv.body.trim() === '') {
    issues.error('empty', {}, { format: 'points', kind: 'measurements' });
    return finish(fileName, issues, rows, badLines, result);
  }
  const headerAt = { line: sniff.headerLine };
  if (!ookla) {
    for (const field of REQUIRED_MEASUREMENT_FIELDS) {
      if (columns.has(field)) continue;
      issues.error('csv-unmapped', { ...headerAt, field }, { ...listed(sniff.header), name: field, kind: 'measurements' });
    }
    if (REQUIRED_MEASUREMENT_FIELDS.some((f) => !columns.has(f))) return finish(fileName, issues, rows, badLines, result);
  }
  const number = (t: string, line: number, field: string, mustBe: MustBe): number | undefined => {
    const read = readDecimal(t, sniff.decimalComma, mustBe);
    if (read.ok) return read.value;
    issues.error(read.code, { line, field }, read.params);
    badLines.add(line);
    return undefined;
  };
  const show = (n: number | undefined): string => (n === undefined ? '' : String(n));

  if (ookla) {
    const col = (name: string): number => sniff.header.findIndex((h) => normalizeHeader(h) === name);
    const date = options.date ?? /\d{4}-\d{2}-\d{2}/.exec(fileName)?.[0];
    if (date === undefined) {
      issues.error('ookla-date', headerAt);
      return finish(fileName, issues, rows, badLines, result);
    }
    const operator = options.operator ?? OOKLA_OPERATOR;
    let tests = 0;
    for (const row of csv.rows) {
      if (row.line <= sniff.headerLine || isBlank(row)) continue;
      result.rows++;
      const cell = (name: string): string => (col(name) < 0 ? '' : (row.cells[col(name)] ?? '').trim());
      const line = row.line;
      const centre = quadkeyCentre(cell('quadkey'));
      if (!centre) {
        issues.error('ookla-quadkey', { line, cell: col('quadkey') }, { value: cell('quadkey') });
        badLines.add(line);
      }
      const count = cell('tests');
      if (!/^\d+$/.test(count) || Number(count) < 1) {
        issues.error('ookla-tests', { line, cell: col('tests') }, { value: count });
        badLines.add(line);
      }
      const kbps = (name: string, must: boolean): number | undefined => {
        const t = cell(name);
        if (t === '' && !must) return undefined;
        const read = readDecimal(t, sniff.decimalComma, 'kbps');
        if (read.ok) return read.value / 1000;
        issues.error(read.code, { line, cell: col(name) }, read.params);
        badLines.add(line);
        return undefined;
      };
      const download = kbps('avg_d_kbps', true);
      const upload = kbps('avg_u_kbps', false);
      const latencyText = cell('avg_lat_ms');
      const latency = latencyText === '' ? undefined : number(latencyText, line, 'latency_ms', 'ms');
      if (badLines.has(line) || !centre) continue;
      const n = Number(count);
      tests += n;
      const converted: Row = { date, lon: String(centre[0]), lat: String(centre[1]), operator, download_mbps: show(download), technology: '', upload_mbps: show(upload), latency_ms: show(latency), source: OOKLA_SOURCE };
      for (let k = 0; k < n; k++) rows.push({ row: converted, line });
    }
    result.tiles = { tiles: result.rows, tests };
    if (tests > 0) issues.warning('ookla-approximation', {}, { tiles: result.rows, tests, date, operator });
    return finish(fileName, issues, rows, badLines, result);
  }

  const ignored = sniff.header.map((name, i) => ({ name, i })).filter(({ i }) => !MEASUREMENT_FIELDS.some((f) => mapping.columns[f] === i));
  if (ignored.length > 0) {
    issues.warning('csv-ignored-columns', headerAt, { columns: ignored.map(({ name }) => name), indexes: ignored.map(({ i }) => i), kind: 'measurements' });
  }
  let radios = 0;
  const at = (field: MeasurementField): number | undefined => mapping.columns[field] ?? undefined;
  for (const row of csv.rows) {
    if (row.line <= sniff.headerLine || isBlank(row)) continue;
    result.rows++;
    const line = row.line;
    if (row.syntax.length > 0 || row.cells.length !== sniff.header.length) {
      if (row.syntax.length > 0) issues.error('csv-syntax', { line }, { detail: row.syntax.join('; ') });
      else issues.error('csv-columns', { line }, { fields: row.cells.length, expected: sniff.header.length, format: 'points', delimiter: sniff.delimiter });
      badLines.add(line);
      continue;
    }
    const cell = (field: MeasurementField): string => {
      const c = at(field);
      return c === undefined ? '' : (row.cells[c] ?? '').trim();
    };
    const date = cell('date');
    const speed = (field: 'download_mbps' | 'upload_mbps', unit: 'mbps' | 'kbps'): string => {
      const t = cell(field);
      if (t === '') return '';
      const n = number(t, line, field, unit === 'kbps' ? 'kbps' : 'mbps');
      return n === undefined ? t : show(unit === 'kbps' ? n / 1000 : n);
    };
    const plain = (field: MeasurementField, mustBe: MustBe): string => {
      const t = cell(field);
      if (t === '') return '';
      const n = number(t, line, field, mustBe);
      return n === undefined ? t : show(n);
    };
    let technology = cell('technology');
    const radio = RADIO_TECHNOLOGY[technology.toUpperCase().replace(/[\s-]/g, '')];
    if (radio !== undefined && radio !== technology.toUpperCase()) {
      technology = radio;
      radios++;
    } else if (/^[2-5]g$/.test(technology)) technology = technology.toUpperCase();
    rows.push({
      line,
      row: {
        // A timestamp keeps its date as written; anything else is checked as it is.
        date: /^\d{4}-\d{2}-\d{2}[T ]/.test(date) ? date.slice(0, 10) : date,
        lon: plain('lon', 'lon'),
        lat: plain('lat', 'lat'),
        operator: cell('operator'),
        download_mbps: speed('download_mbps', mapping.downloadUnit),
        technology,
        upload_mbps: speed('upload_mbps', mapping.uploadUnit),
        latency_ms: plain('latency_ms', 'ms'),
        source: cell('source'),
      },
    });
  }
  if (radios > 0) {
    issues.warning('technology-from-radio', { field: 'technology' }, { count: radios });
  }
  if (mapping.downloadUnit === 'kbps' || mapping.uploadUnit === 'kbps') {
    issues.warning('kbps-converted', {}, { download: mapping.downloadUnit === 'kbps', upload: mapping.uploadUnit === 'kbps' });
  }
  return finish(fileName, issues, rows, badLines, result);
}
