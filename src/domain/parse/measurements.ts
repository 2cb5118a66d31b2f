// measurements.csv (contract rule 10): one speed test a row. Read with the CSV reader of
// deliveries.csv, with two allowances that spreadsheets from a Vietnamese office need:
// ";" or tab between columns, and decimal commas wherever they cannot be mistaken for a
// thousands separator ("12,5" is 12.5; "1,234" is refused in a file that writes "." decimals).
import { TECHNOLOGIES, type Measurement, type Technology } from '../types.ts';
import type { FileContext } from './context.ts';
import { VIETNAM } from './coordinates.ts';
import { csvRows, isBlank, QUOTE_HINT, type CsvRow } from './csv-rows.ts';
import { dateProblem } from './dates.ts';
import { quote, type Place } from './issues.ts';
import { checkText } from './text.ts';

export const MEASUREMENT_REQUIRED = ['date', 'lon', 'lat', 'operator', 'download_mbps'] as const;
export const MEASUREMENT_OPTIONAL = ['technology', 'upload_mbps', 'latency_ms', 'source'] as const;
const HEADER_HELP = `expected the header ${MEASUREMENT_REQUIRED.join(',')} (and ${MEASUREMENT_OPTIONAL.join(', ')}, optional)`;

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

export type NumberRead = { ok: true; value: number } | { ok: false; code: string; what: string; params: Record<string, string | number> };

/**
 * A number cell: "." decimals, or "," decimals where they are not ambiguous. In a file that
 * writes decimal commas (`decimalComma`), "1.234" is ambiguous; in one that writes ".", "1,234".
 */
export function readDecimal(text: string, decimalComma: boolean, mustBe: string): NumberRead {
  if (text === '') return { ok: false, code: 'empty-number', what: `is empty, must be ${mustBe}`, params: { value: text } };
  const dot = DOT_NUMBER.test(text);
  const comma = !dot && COMMA_NUMBER.test(text);
  if ((dot && decimalComma && GROUP_LIKE.test(text)) || (comma && !decimalComma && GROUP_LIKE.test(text))) {
    const mark = text.includes(',') ? ',' : '.';
    return {
      ok: false,
      code: 'ambiguous-number',
      what: `is ${quote(text)}: the "${mark}" may be a thousands separator or a decimal mark, and neither is guessed; write ${text.replace(mark, '')} or ${text.replace(',', '.')}`,
      params: { value: text, mark, whole: text.replace(mark, ''), decimal: text.replace(',', '.') },
    };
  }
  if (dot || comma) {
    const value = Number(text.replace(',', '.'));
    if (Number.isFinite(value)) return { ok: true, value };
    return { ok: false, code: 'not-finite', what: `is ${quote(text)}, which overflows to Infinity; must be ${mustBe}`, params: { value: text } };
  }
  if (/^[+-]?\d{1,3}([., \u00A0]\d{3})+([.,]\d+)?$/.test(text)) {
    return { ok: false, code: 'thousands-separator', what: `is ${quote(text)}: write numbers without thousands separators`, params: { value: text } };
  }
  return { ok: false, code: 'not-number', what: `is ${quote(text)}, must be ${mustBe}`, params: { value: text } };
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
  sample: string;
  lon: number;
  lat: number;
}
const sight = (seen: Sighting | undefined, place: Place, lon: number, lat: number): Sighting =>
  seen ? { ...seen, rows: seen.rows + 1 } : { rows: 1, place, sample: `lon ${lon}, lat ${lat}`, lon, lat };
const sighted = (s: Sighting): Record<string, number> => ({ lon: s.lon, lat: s.lat, rows: s.rows });

/** Checks measurements.csv; never throws on user data. */
export function parseMeasurements(ctx: FileContext, text: string): ParsedMeasurements {
  const out: ParsedMeasurements = { records: [], lines: [] };
  const body = checkText(text, ctx.issues);
  if (body.trim() === '') {
    ctx.issues.error('empty', {}, `the file is empty; ${HEADER_HELP}`);
    return out;
  }
  const firstLine = body.split(/\r?\n|\r/).find((l) => l.trim() !== '') ?? '';
  const delimiter = headerDelimiter(firstLine);
  const { rows } = csvRows(body, delimiter);
  for (const row of rows) for (const message of row.syntax) ctx.issues.error('csv-syntax', { line: row.line }, `${message} ${QUOTE_HINT}`);
  const header = rows.find((row) => !isBlank(row));
  if (!header) return out;
  const columns = header.cells.map((c) => c.trim());
  const missing = MEASUREMENT_REQUIRED.filter((column) => !columns.includes(column));
  const duplicated = columns.filter((c, i) => c !== '' && columns.indexOf(c) !== i);
  if (missing.length > 0 || duplicated.length > 0) {
    const what =
      missing.length > 0
        ? `the header lacks ${missing.map((m) => `"${m}"`).join(', ')} (it has ${columns.map((c) => quote(c)).join(', ')}); ${HEADER_HELP}`
        : `the header names ${duplicated.map((d) => quote(d)).join(', ')} twice`;
    ctx.issues.error('csv-header', { line: header.line }, what, undefined, {
      missing: missing.join(', '),
      duplicated: duplicated.join(', '),
      columns: columns.join(', '),
    });
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
      const hint = delimiter === ',' ? ' (a value with an unquoted comma, or a decimal comma such as 1,5?)' : '';
      ctx.issues.error('csv-columns', { line: row.line }, `has ${row.cells.length} fields, the header has ${columns.length}${hint}`, undefined, {
        fields: row.cells.length,
        expected: columns.length,
      });
      continue;
    }
    const cell = (name: string): string => (col(name) < 0 ? '' : (row.cells[col(name)] ?? '').trim());
    columns.forEach((name, i) => ctx.strings.check(row.cells[i] ?? '', { line: row.line }, name));
    const at = (field: string): Place => ({ line: row.line, field });
    let ok = true;
    const number = (field: string, mustBe: string, optional: boolean): number | undefined => {
      const t = cell(field);
      if (optional && t === '') return undefined;
      const read = readDecimal(t, decimalComma, mustBe);
      if (!read.ok) {
        ctx.issues.error(read.code, at(field), read.what, undefined, read.params);
        ok = false;
        return undefined;
      }
      return read.value;
    };
    const atLeastZero = (field: string, value: number | undefined): void => {
      if (value !== undefined && value < 0) {
        ctx.issues.error('range', at(field), `is ${value}, must be ≥ 0`, undefined, { value, min: 0 });
        ok = false;
      }
    };

    const date = cell('date');
    const badDate = dateProblem(date);
    if (badDate !== undefined) {
      ctx.issues.error('date', at('date'), date === '' ? 'is empty, must be a date YYYY-MM-DD' : badDate, undefined, { value: date });
      ok = false;
    }
    const lon = number('lon', 'a longitude in degrees', false);
    const lat = number('lat', 'a latitude in degrees', false);
    if (lon !== undefined && lat !== undefined) {
      if (lon >= VIETNAM.minLat && lon <= VIETNAM.maxLat && lat >= VIETNAM.minLon && lat <= VIETNAM.maxLon) {
        swapped = sight(swapped, at('lon'), lon, lat);
        ok = false;
      } else if (Math.abs(lon) > 180 && Math.abs(lat) > 180) {
        projected = sight(projected, at('lon'), lon, lat);
        ok = false;
      } else if (lon < -180 || lon > 180) {
        ctx.issues.error('coordinate-range', at('lon'), `longitude ${lon} is outside [-180, 180]`, undefined, { value: lon, limit: 180 });
        ok = false;
      } else if (lat < -90 || lat > 90) {
        ctx.issues.error('coordinate-range', at('lat'), `latitude ${lat} is outside [-90, 90]`, undefined, { value: lat, limit: 90 });
        ok = false;
      } else if (lon < VIETNAM.minLon || lon > VIETNAM.maxLon || lat < VIETNAM.minLat || lat > VIETNAM.maxLat) {
        outside = sight(outside, at('lon'), lon, lat);
      }
    }
    const operator = cell('operator');
    if (operator === '') {
      ctx.issues.error('empty-string', at('operator'), 'is empty, must name the network (as towers.geojson names it)');
      ok = false;
    }
    const download = number('download_mbps', 'a speed in Mbps (a number ≥ 0)', false);
    atLeastZero('download_mbps', download);
    const technology = cell('technology');
    if (technology !== '' && !(TECHNOLOGIES as readonly string[]).includes(technology)) {
      ctx.issues.error('enum', at('technology'), `is ${quote(technology)}, must be one of ${TECHNOLOGIES.map((t) => `"${t}"`).join(', ')}`, undefined, {
        value: technology,
        allowed: TECHNOLOGIES.join(', '),
      });
      ok = false;
    }
    const upload = number('upload_mbps', 'a speed in Mbps (a number ≥ 0)', true);
    atLeastZero('upload_mbps', upload);
    const latency = number('latency_ms', 'a latency in ms (a number ≥ 0)', true);
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

  const more = (s: Sighting): string => (s.rows === 1 ? '' : `; ${s.rows} rows in this file look the same`);
  if (swapped) {
    ctx.issues.error(
      'coordinates-swapped',
      swapped.place,
      `coordinates look swapped: ${swapped.sample}, but in Vietnam the longitude is ${VIETNAM.minLon}–${VIETNAM.maxLon} and the latitude ${VIETNAM.minLat}–${VIETNAM.maxLat}${more(swapped)}; exchange the two columns' names`,
      undefined,
      sighted(swapped),
    );
  }
  if (projected) {
    ctx.issues.error(
      'coordinates-projected',
      projected.place,
      `coordinates ${projected.sample} look like projected metres (VN-2000 or UTM zone 48N?), not degrees; the contract needs WGS84 longitude, latitude in degrees${more(projected)}`,
      undefined,
      sighted(projected),
    );
  }
  if (outside) {
    ctx.issues.warning(
      'outside-vietnam',
      outside.place,
      `${outside.sample} lies far outside Vietnam (lon ${VIETNAM.minLon}–${VIETNAM.maxLon}, lat ${VIETNAM.minLat}–${VIETNAM.maxLat})${more(outside)}`,
      undefined,
      sighted(outside),
    );
  }
  return out;
}
