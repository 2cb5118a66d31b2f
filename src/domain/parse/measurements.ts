// measurements.csv (contract rule 10): one speed test a row. Read with the CSV reader of
// deliveries.csv, with two allowances that spreadsheets from a Vietnamese office need:
// ";" or tab between columns, and decimal commas wherever they cannot be mistaken for a
// thousands separator ("12,5" is 12.5; "1,234" is refused in a file that writes "." decimals).
import type { IssueCode, IssueParams } from '../messages/codes.ts';
import { TECHNOLOGIES, type Measurement, type Technology } from '../types.ts';
import type { FileContext } from './context.ts';
import { VIETNAM } from './coordinates.ts';
import { csvRows, isBlank, type CsvRow } from './csv-records.ts';
import { dateFault } from './dates.ts';
import type { Place } from './issues.ts';
import { checkText } from './text.ts';

export const MEASUREMENT_REQUIRED = ['date', 'lon', 'lat', 'operator', 'download_mbps'] as const;
export const MEASUREMENT_OPTIONAL = ['technology', 'upload_mbps', 'latency_ms', 'source'] as const;

export interface ParsedMeasurements {
  records: Measurement[];
  /** 1-based CSV line of each record, the header being line 1. */
  lines: number[];
}

type Delimiter = ',' | ';' | '\t';

/** The delimiter whose split of the header names the most required columns (',' on a tie). */
function headerDelimiter(headerLine: string): Delimiter {
  let best: Delimiter = ',';
  let found = -1;
  for (const delimiter of [',', ';', '\t'] as const) {
    const cells = headerLine.split(delimiter).map((c) => c.trim().replace(/^"|"$/g, ''));
    const n = MEASUREMENT_REQUIRED.filter((column) => cells.includes(column)).length;
    if (n > found) {
      best = delimiter;
      found = n;
    }
  }
  return best;
}

const DOT_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const COMMA_NUMBER = /^[+-]?(\d+,\d+|,\d+)$/;
/** "1,234" or "1.234": a thousands group or a decimal, depending on the writer. */
const GROUP_LIKE = /^[+-]?\d{1,3}[.,]\d{3}$/;

/** What a number cell must be, as the dictionaries say it ('mbps': "a speed in Mbps"). */
export type MustBe = 'number' | 'lon' | 'lat' | 'mbps' | 'kbps' | 'ms' | 'mbps-min' | 'ms-min';

export type NumberRead = { ok: true; value: number } | { ok: false; code: IssueCode; params: IssueParams };

/**
 * A number cell: "." decimals, or "," decimals where they are not ambiguous. In a file that
 * writes decimal commas (`decimalComma`), "1.234" is ambiguous; in one that writes ".", "1,234".
 */
export function readDecimal(text: string, decimalComma: boolean, mustBe: MustBe): NumberRead {
  if (text === '') return { ok: false, code: 'empty-number', params: { mustBe } };
  const dot = DOT_NUMBER.test(text);
  const comma = !dot && COMMA_NUMBER.test(text);
  if ((dot && decimalComma && GROUP_LIKE.test(text)) || (comma && !decimalComma && GROUP_LIKE.test(text))) {
    const mark = text.includes(',') ? ',' : '.';
    return { ok: false, code: 'ambiguous-number', params: { text, other: mark, plain: text.replace(mark, ''), asDecimal: text.replace(',', '.') } };
  }
  if (dot || comma) {
    const value = Number(text.replace(',', '.'));
    if (Number.isFinite(value)) return { ok: true, value };
    return { ok: false, code: 'not-finite', params: { text, mustBe } };
  }
  if (/^[+-]?\d{1,3}([., \u00A0]\d{3})+([.,]\d+)?$/.test(text)) return { ok: false, code: 'thousands-separator', params: { text } };
  return { ok: false, code: 'not-number', params: { text, mustBe } };
}

/** Decimal commas when the number cells hold more "a,b" than "a.b" (only with ";" or tab). */
function fileUsesDecimalComma(rows: readonly CsvRow[], header: CsvRow, numberColumns: readonly number[], delimiter: Delimiter): boolean {
  if (delimiter === ',') return false;
  let commas = 0;
  let points = 0;
  for (const row of rows) {
    if (row === header) continue;
    for (const c of numberColumns) {
      const t = (row.cells[c] ?? '').trim();
      if (/^[+-]?\d+,\d+$/.test(t)) commas++;
      else if (/^[+-]?\d+\.\d+$/.test(t)) points++;
    }
  }
  return commas > points;
}

interface Sighting {
  rows: number;
  place: Place;
  lon: number;
  lat: number;
}
const sight = (seen: Sighting | undefined, place: Place, lon: number, lat: number): Sighting =>
  seen ? { ...seen, rows: seen.rows + 1 } : { rows: 1, place, lon, lat };
/** Said of the first row, counting the others ("3 rows in this file look the same"). */
const sighted = (s: Sighting): IssueParams => ({ lon: s.lon, lat: s.lat, count: s.rows, format: 'measurements' });

/** Checks measurements.csv; never throws on user data. */
export function parseMeasurements(ctx: FileContext, text: string): ParsedMeasurements {
  const out: ParsedMeasurements = { records: [], lines: [] };
  const body = checkText(text, ctx.issues);
  if (body.trim() === '') {
    ctx.issues.error('empty', {}, { format: 'measurements' });
    return out;
  }
  const firstLine = body.split(/\r?\n|\r/).find((l) => l.trim() !== '') ?? '';
  const delimiter = headerDelimiter(firstLine);
  const { rows } = csvRows(body, delimiter);
  for (const row of rows) for (const detail of row.syntax) ctx.issues.error('csv-syntax', { line: row.line }, { detail });
  const header = rows.find((row) => !isBlank(row));
  if (!header) return out;
  const columns = header.cells.map((c) => c.trim());
  const missing = MEASUREMENT_REQUIRED.filter((column) => !columns.includes(column));
  const duplicated = columns.filter((c, i) => c !== '' && columns.indexOf(c) !== i);
  if (missing.length > 0 || duplicated.length > 0) {
    ctx.issues.error('csv-header', { line: header.line }, { missing, has: columns, duplicated, format: 'measurements' });
    return out;
  }
  const col = (name: string): number => columns.indexOf(name);
  const numberColumns = ['lon', 'lat', 'download_mbps', 'upload_mbps', 'latency_ms'].map(col).filter((c) => c >= 0);
  const decimalComma = fileUsesDecimalComma(rows, header, numberColumns, delimiter);
  let swapped: Sighting | undefined;
  let projected: Sighting | undefined;
  let outside: Sighting | undefined;

  for (const row of rows) {
    if (row === header || isBlank(row) || row.syntax.length > 0) continue;
    if (row.cells.length !== columns.length) {
      // With ";" or tabs, the hint names that delimiter (the "points" wording).
      const how = delimiter === ',' ? {} : { format: 'points', delimiter };
      ctx.issues.error('csv-columns', { line: row.line }, { fields: row.cells.length, expected: columns.length, ...how });
      continue;
    }
    const cell = (name: string): string => (col(name) < 0 ? '' : (row.cells[col(name)] ?? '').trim());
    columns.forEach((name, i) => ctx.strings.check(row.cells[i] ?? '', { line: row.line }, name));
    const at = (field: string): Place => ({ line: row.line, field });
    let ok = true;
    const number = (field: string, mustBe: MustBe, optional: boolean): number | undefined => {
      const t = cell(field);
      if (optional && t === '') return undefined;
      const read = readDecimal(t, decimalComma, mustBe);
      if (!read.ok) {
        ctx.issues.error(read.code, at(field), read.params);
        ok = false;
        return undefined;
      }
      return read.value;
    };
    const atLeastZero = (field: string, value: number | undefined): void => {
      if (value !== undefined && value < 0) {
        ctx.issues.error('out-of-range', at(field), { value, min: 0 });
        ok = false;
      }
    };

    const date = cell('date');
    const badDate = dateFault(date);
    if (badDate !== undefined) {
      ctx.issues.error('date', at('date'), date === '' ? { reason: 'empty' } : badDate);
      ok = false;
    }
    const lon = number('lon', 'lon', false);
    const lat = number('lat', 'lat', false);
    if (lon !== undefined && lat !== undefined) {
      if (lon >= VIETNAM.minLat && lon <= VIETNAM.maxLat && lat >= VIETNAM.minLon && lat <= VIETNAM.maxLon) {
        swapped = sight(swapped, at('lon'), lon, lat);
        ok = false;
      } else if (Math.abs(lon) > 180 && Math.abs(lat) > 180) {
        projected = sight(projected, at('lon'), lon, lat);
        ok = false;
      } else if (lon < -180 || lon > 180) {
        ctx.issues.error('coordinate-range', at('lon'), { axis: 'lon', value: lon });
        ok = false;
      } else if (lat < -90 || lat > 90) {
        ctx.issues.error('coordinate-range', at('lat'), { axis: 'lat', value: lat });
        ok = false;
      } else if (lon < VIETNAM.minLon || lon > VIETNAM.maxLon || lat < VIETNAM.minLat || lat > VIETNAM.maxLat) {
        outside = sight(outside, at('lon'), lon, lat);
      }
    }
    const operator = cell('operator');
    if (operator === '') {
      ctx.issues.error('empty-string', at('operator'), { operator: true });
      ok = false;
    }
    const download = number('download_mbps', 'mbps-min', false);
    atLeastZero('download_mbps', download);
    const technology = cell('technology');
    if (technology !== '' && !(TECHNOLOGIES as readonly string[]).includes(technology)) {
      ctx.issues.error('enum', at('technology'), { got: 'string', value: technology, allowed: TECHNOLOGIES });
      ok = false;
    }
    const upload = number('upload_mbps', 'mbps-min', true);
    atLeastZero('upload_mbps', upload);
    const latency = number('latency_ms', 'ms-min', true);
    atLeastZero('latency_ms', latency);
    if (!ok || lon === undefined || lat === undefined || download === undefined) continue;

    const record: Measurement = { date, lon, lat, operator, downloadMbps: download };
    if (technology !== '') record.technology = technology as Technology;
    if (upload !== undefined) record.uploadMbps = upload;
    if (latency !== undefined) record.latencyMs = latency;
    const source = cell('source');
    if (source !== '') record.source = source;
    out.records.push(record);
    out.lines.push(row.line);
  }

  if (swapped) ctx.issues.error('coordinates-swapped', swapped.place, sighted(swapped));
  if (projected) ctx.issues.error('coordinates-projected', projected.place, sighted(projected));
  if (outside) ctx.issues.warning('outside-vietnam', outside.place, sighted(outside));
  return out;
}
