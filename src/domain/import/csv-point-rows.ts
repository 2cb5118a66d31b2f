// Reads the data rows of a CSV import (csv-points.ts), once its header and mapping are
// checked: each row becomes a GeoJSON Point feature of the kind and goes through the
// contract's validation (`parseFileDetailed`, one row at a time so that every row is known
// to pass or fail).
// - Cells are trimmed; an empty cell is an absent property.
// - Strings (ids included: "007" stays "007") are kept as text, never as numbers or markup;
//   counts, numbers and booleans are read as csv-cells.ts says.
// - Coordinates are checked as parse/coordinates.ts checks GeoJSON positions, with the same
//   wording adapted to columns: swapped lon/lat (an error offering 'swap-coordinates', the
//   mapping's swap), projected metres (an error), out of range (an error), outside Vietnam
//   (a warning). Nothing is silently fixed.
import { VIETNAM } from '../parse/coordinates.ts';
import { parseFileDetailed } from '../parse/file.ts';
import { cut, type IssueCode, type IssueParams } from '../messages/codes.ts';
import type { KindValue } from '../parse/kind.ts';
import type { Issue } from '../types.ts';
import { readBoolean, readCoordinate, readCount, readLevel, readNumber } from './csv-cells.ts';
import type { At, CsvIssues } from './csv-issues.ts';
import type { FieldSpec, PointKind } from './csv-mapping.ts';
import { isBlank, type CsvSniff, type CsvText } from './csv-text.ts';

export interface CsvImportResult<K extends PointKind> {
  /** Every row, when no issue is an error; undefined otherwise (warnings keep it). */
  value?: KindValue[K];
  /** The rows that passed every check, for an explicit "import the N valid rows" choice. */
  valid: KindValue[K];
  /** 1-based CSV line of each record of `valid`. */
  validLines: number[];
  /** Non-blank data rows read. */
  rows: number;
  /** rows − valid.length. */
  invalidRows: number;
  issues: Issue[];
  sniff: CsvSniff;
}

/** Faults reported once per file, with a count: a file that has one has it everywhere. */
interface Sighting {
  rows: number;
  at: At;
  lon: number;
  lat: number;
}

const sight = (seen: Sighting | undefined, at: At, lon: number, lat: number): Sighting =>
  seen ? { ...seen, rows: seen.rows + 1 } : { rows: 1, at, lon, lat };

/** Codes the contract's checks report once per file (parse/text.ts StringScan). */
const ONCE_PER_FILE: ReadonlySet<IssueCode> = new Set(['not-nfc', 'mojibake', 'legacy-encoding']);

export interface Conversion {
  specs: readonly FieldSpec[];
  columns: Map<string, number>;
}

export function readRows<K extends PointKind>(
  kind: K,
  fileName: string,
  csv: CsvText,
  sniff: CsvSniff,
  { specs, columns }: Conversion,
  issues: CsvIssues,
  result: CsvImportResult<K>,
): void {
  const width = sniff.header.length;
  const lonColumn = columns.get('lon');
  const latColumn = columns.get('lat');
  const idColumn = columns.get('id');
  const firstLine = new Map<string, number>();
  const once = new Map<IssueCode, { inner: Issue; at: At; rows: number }>();
  let swapped: Sighting | undefined;
  let projected: Sighting | undefined;
  let outside: Sighting | undefined;
  const valid = result.valid as unknown[];

  for (const row of csv.rows) {
    if (row.line <= sniff.headerLine || isBlank(row)) continue;
    result.rows++;
    const line = row.line;
    if (row.syntax.length > 0) {
      for (const message of row.syntax) issues.error('csv-syntax', { line }, { detail: message });
      continue;
    }
    if (row.cells.length !== width) {
      issues.error('csv-columns', { line }, { fields: row.cells.length, expected: width, format: 'points', delimiter: sniff.delimiter });
      continue;
    }
    const cell = (column: number | undefined): string => (column === undefined ? '' : (row.cells[column] ?? '').trim());
    const id = cell(idColumn);
    const at = (field?: string): At => ({ line, ...(id === '' ? {} : { id }), ...(field === undefined ? {} : { field }) });
    let rowOk = true;
    const reported = new Set<string>();
    const refuse = (field: string, r: { code: IssueCode; params: IssueParams }): void => {
      issues.error(r.code, at(field), r.params);
      reported.add(field);
      rowOk = false;
    };

    // Properties: only the contract's names become keys, never a header's text.
    const properties: Record<string, unknown> = {};
    for (const spec of specs) {
      const column = columns.get(spec.name);
      if (column === undefined) continue;
      const t = cell(column);
      if (t === '') continue;
      if (spec.type === 'string') {
        properties[spec.name] = kind === 'schools' && spec.name === 'level' ? readLevel(t) : t;
        continue;
      }
      const read =
        spec.type === 'count'
          ? readCount(t, sniff.decimalComma)
          : spec.type === 'number'
            ? readNumber(t, sniff.decimalComma, 'number')
            : readBoolean(t);
      if (read.ok) {
        properties[spec.name] = read.value;
        if (read.note) issues.warning(read.note.code, at(spec.name), read.note.params);
      } else {
        refuse(spec.name, read);
        // The raw text keeps the row failing in the contract's check too.
        properties[spec.name] = t;
      }
    }

    // Coordinates, checked as parse/coordinates.ts checks GeoJSON positions.
    let position: [number, number] | undefined;
    if (lonColumn === undefined || latColumn === undefined) rowOk = false;
    else {
      const lon = readCoordinate(cell(lonColumn), 'lon', sniff.decimalComma);
      const lat = readCoordinate(cell(latColumn), 'lat', sniff.decimalComma);
      if (!lon.ok) refuse('lon', lon);
      if (!lat.ok) refuse('lat', lat);
      if (lon.ok && lat.ok) {
        const x = lon.value;
        const y = lat.value;
        if (x >= VIETNAM.minLat && x <= VIETNAM.maxLat && y >= VIETNAM.minLon && y <= VIETNAM.maxLon) {
          swapped = sight(swapped, { ...at(), pair: true }, x, y);
          rowOk = false;
        } else if (Math.abs(x) > 180 && Math.abs(y) > 180) {
          projected = sight(projected, { ...at(), pair: true }, x, y);
          rowOk = false;
        } else if (x < -180 || x > 180) {
          refuse('lon', { code: 'coordinate-range', params: { axis: 'lon', value: x } });
        } else if (y < -90 || y > 90) {
          refuse('lat', { code: 'coordinate-range', params: { axis: 'lat', value: y } });
        } else {
          if (x < VIETNAM.minLon || x > VIETNAM.maxLon || y < VIETNAM.minLat || y > VIETNAM.maxLat) {
            outside = sight(outside, { ...at(), pair: true }, x, y);
          }
          position = [x, y];
        }
      }
    }

    if (id !== '') {
      const first = firstLine.get(id);
      if (first === undefined) firstLine.set(id, line);
      else {
        issues.error('duplicate-id', at('id'), { id: cut(id), unit: 'line', first });
        rowOk = false;
      }
    }

    // The contract's own checks, on the row as a one-feature FeatureCollection.
    const feature = {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: position ?? [105, 10] },
      properties,
    };
    const checked = parseFileDetailed(kind, fileName, JSON.stringify({ type: 'FeatureCollection', features: [feature] }));
    for (const inner of checked.issues) {
      if (inner.severity === 'error') rowOk = false;
      const field = inner.field;
      if (inner.code === 'not-utf8') continue; // reported once, on the CSV text
      if (field !== undefined && (field === 'geometry' || field.startsWith('geometry.'))) continue; // checked above
      if (field !== undefined && reported.has(field)) continue; // said above, in CSV terms
      if (field !== undefined && !columns.has(field)) continue; // an unmapped required field: said once
      if (ONCE_PER_FILE.has(inner.code)) {
        const seen = once.get(inner.code);
        if (seen) seen.rows++;
        else once.set(inner.code, { inner, at: at(field), rows: 1 });
        continue;
      }
      // A CSV cell left empty is what GeoJSON calls a missing property.
      const params = inner.code === 'missing-property' ? { ...inner.params, empty: true } : inner.params;
      issues.add(issues.issue(inner.severity, inner.code, at(field), params, inner.fix));
    }
    const record = checked.value?.[0];
    if (rowOk && position && record !== undefined) {
      valid.push(record);
      result.validLines.push(line);
    }
  }

  if (result.rows === 0) issues.warning('no-rows', { line: sniff.headerLine });
  const params = (s: Sighting) => ({ lon: s.lon, lat: s.lat, count: s.rows });
  if (swapped) issues.error('coordinates-swapped', swapped.at, params(swapped), 'swap-coordinates');
  if (projected) issues.error('coordinates-projected', projected.at, params(projected));
  if (outside) issues.warning('outside-vietnam', outside.at, params(outside));
  for (const { inner, at, rows } of once.values()) {
    issues.add(issues.issue(inner.severity, inner.code, at, rows > 1 ? { ...inner.params, rows } : inner.params, inner.fix));
  }
}
