// The issues of a CSV import (csv-points.ts), placed by CSV line (the header is line 1), the
// row's id and the column: a contract field is named by its mapped column, as the user's
// header names it.
import { quote, type Fix, type Place } from '../parse/issues.ts';
import type { Issue } from '../types.ts';
import { normalizeHeader } from './csv-mapping.ts';

export interface At {
  line?: number;
  id?: string;
  /** A contract field, 'lon' or 'lat': its mapped column is named. */
  field?: string;
  /** Both coordinate columns. */
  pair?: boolean;
  /** A column by its 0-based index, when no field names it. */
  cell?: number;
}

const MAX_PER_KIND = 50;
const MAX_HEADER_SHOWN = 12;

/** Collects a CSV import's issues; past 50 of one code and field, counts them (as IssueList). */
export class CsvIssues {
  readonly items: Issue[] = [];
  private readonly counts = new Map<string, { count: number; severity: Issue['severity']; code: string; field?: string }>();

  constructor(
    readonly file: string,
    private readonly header: readonly string[],
    private readonly columns: ReadonlyMap<string, number>,
  ) {}

  columnName(column: number): string {
    const name = this.header[column] ?? '';
    return name === '' ? `column ${column + 1}` : `column ${quote(name)}`;
  }

  private fieldColumn(field: string): string {
    const column = this.columns.get(field);
    if (column === undefined) return '';
    const name = this.header[column] ?? '';
    return normalizeHeader(name) === field || name === '' ? this.columnName(column) : `${this.columnName(column)} (${field})`;
  }

  prefix(at: At): string {
    const parts: string[] = [];
    if (at.line !== undefined) parts.push(`line ${at.line}${at.id ? ` (id ${quote(at.id)})` : ''}`);
    if (at.pair) {
      const lon = this.columns.get('lon');
      const lat = this.columns.get('lat');
      if (lon !== undefined && lat !== undefined) {
        parts.push(`columns ${quote(this.header[lon] ?? '')} and ${quote(this.header[lat] ?? '')}`);
      }
    } else if (at.field !== undefined && this.columns.has(at.field)) parts.push(this.fieldColumn(at.field));
    else if (at.cell !== undefined) parts.push(this.columnName(at.cell));
    return parts.length > 0 ? `${this.file}: ${parts.join(', ')}: ` : `${this.file}: `;
  }

  issue(severity: Issue['severity'], code: string, at: At, what: string, fix?: Fix, params?: Issue['params']): Issue {
    const issue: Issue = { severity, code, file: this.file, message: this.prefix(at) + what };
    if (at.line !== undefined) issue.line = at.line;
    const column = at.pair ? undefined : at.field === undefined ? at.cell : this.columns.get(at.field);
    if (column !== undefined) issue.column = column + 1;
    if (at.pair) issue.field = 'geometry.coordinates';
    else if (at.field !== undefined) issue.field = at.field;
    if (at.id !== undefined) issue.id = at.id;
    if (fix !== undefined) issue.fix = fix;
    if (params !== undefined) issue.params = params;
    return issue;
  }

  add(issue: Issue): void {
    const key = `${issue.severity}\u0000${issue.code}\u0000${issue.field ?? ''}`;
    const seen = this.counts.get(key);
    const count = (seen?.count ?? 0) + 1;
    if (seen) seen.count = count;
    else this.counts.set(key, { count, severity: issue.severity, code: issue.code, ...(issue.field === undefined ? {} : { field: issue.field }) });
    if (count <= MAX_PER_KIND) this.items.push(issue);
  }

  error(code: string, at: At, what: string, fix?: Fix, params?: Issue['params']): void {
    this.add(this.issue('error', code, at, what, fix, params));
  }

  warning(code: string, at: At, what: string, fix?: Fix, params?: Issue['params']): void {
    this.add(this.issue('warning', code, at, what, fix, params));
  }

  finish(): Issue[] {
    const out = this.items.slice();
    for (const c of this.counts.values()) {
      if (c.count <= MAX_PER_KIND) continue;
      const where =
        c.field === undefined
          ? ''
          : c.field === 'geometry.coordinates'
            ? ' in the coordinate columns'
            : this.columns.has(c.field)
              ? ` in ${this.fieldColumn(c.field)}`
              : ` in field ${quote(c.field)}`;
      const issue: Issue = {
        severity: c.severity,
        code: 'more-not-listed',
        file: this.file,
        message: `${this.file}: ${c.count - MAX_PER_KIND} more ${c.severity}s of kind "${c.code}"${where} not listed (${c.count} in all)`,
      };
      if (c.field !== undefined) issue.field = c.field;
      out.push(issue);
    }
    return out;
  }
}

export function listed(names: readonly string[]): string {
  const shown = names.slice(0, MAX_HEADER_SHOWN).map((n) => quote(n));
  if (names.length > MAX_HEADER_SHOWN) shown.push(`… (${names.length} columns)`);
  return shown.join(', ');
}

/** The issue's place in the GeoJSON the row became, to strip its message's prefix. */
export function placeOf(issue: Issue): Place {
  const place: Place = {};
  if (issue.featureIndex !== undefined) place.featureIndex = issue.featureIndex;
  if (issue.id !== undefined) place.id = issue.id;
  if (issue.line !== undefined) place.line = issue.line;
  if (issue.column !== undefined) place.column = issue.column;
  if (issue.field !== undefined) place.field = issue.field;
  return place;
}
