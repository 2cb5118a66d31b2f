// The issues of a CSV import (csv-points.ts), placed by CSV line (the header is line 1), the
// row's id and the column: a contract field is named by its mapped column, as the user's
// header names it.
import { cut, type IssueCode, type IssueParams } from '../messages/codes.ts';
import { englishText } from '../messages/render.ts';
import type { Fix } from '../parse/issues.ts';
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

/**
 * Collects a CSV import's issues; past 50 of one code and field, counts them (as IssueList).
 * Each issue's params say `csv: true` and name its column as the user's header does
 * (`csvColumn`, `csvIndex`, `csvField`, or `csvPair` for both coordinates), for the
 * dictionaries to place it.
 */
export class CsvIssues {
  readonly items: Issue[] = [];
  private readonly counts = new Map<string, { count: number; severity: Issue['severity']; code: IssueCode; field?: string }>();

  constructor(
    readonly file: string,
    private readonly header: readonly string[],
    private readonly columns: ReadonlyMap<string, number>,
  ) {}

  /** Where a contract field's column is, as params. */
  private fieldColumn(field: string): IssueParams {
    const column = this.columns.get(field);
    if (column === undefined) return {};
    const name = this.header[column] ?? '';
    const shown = normalizeHeader(name) === field || name === '' ? {} : { csvField: field };
    return { csvColumn: name, csvIndex: column, ...shown };
  }

  private placeParams(at: At): IssueParams {
    if (at.pair) {
      const lon = this.columns.get('lon');
      const lat = this.columns.get('lat');
      return lon !== undefined && lat !== undefined ? { csvPair: [this.header[lon] ?? '', this.header[lat] ?? ''] } : {};
    }
    if (at.field !== undefined && this.columns.has(at.field)) return this.fieldColumn(at.field);
    if (at.cell !== undefined) return { csvColumn: this.header[at.cell] ?? '', csvIndex: at.cell };
    return {};
  }

  issue(severity: Issue['severity'], code: IssueCode, at: At, params: IssueParams = {}, fix?: Fix): Issue {
    const issue: Issue = { severity, code, file: this.file, message: '' };
    if (at.line !== undefined) issue.line = at.line;
    const column = at.pair ? undefined : at.field === undefined ? at.cell : this.columns.get(at.field);
    if (column !== undefined) issue.column = column + 1;
    if (at.pair) issue.field = 'geometry.coordinates';
    else if (at.field !== undefined) issue.field = at.field;
    if (at.id !== undefined) issue.id = at.id;
    issue.params = { ...params, ...this.placeParams(at), csv: true };
    if (fix !== undefined) issue.fix = fix;
    issue.message = englishText(issue);
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

  error(code: IssueCode, at: At, params?: IssueParams, fix?: Fix): void {
    this.add(this.issue('error', code, at, params, fix));
  }

  warning(code: IssueCode, at: At, params?: IssueParams, fix?: Fix): void {
    this.add(this.issue('warning', code, at, params, fix));
  }

  finish(): Issue[] {
    const out = this.items.slice();
    for (const c of this.counts.values()) {
      if (c.count <= MAX_PER_KIND) continue;
      const column = c.field === undefined || c.field === 'geometry.coordinates' ? {} : this.fieldColumn(c.field);
      const issue: Issue = { severity: c.severity, code: 'more-not-listed', file: this.file, message: '' };
      issue.params = { count: c.count - MAX_PER_KIND, total: c.count, severity: c.severity, of: c.code, csv: true, ...column };
      if (c.field !== undefined) issue.field = c.field;
      issue.message = englishText(issue);
      out.push(issue);
    }
    return out;
  }
}

/** A header's names for a message: the first twelve, and how many there are. */
export function listed(names: readonly string[]): { header: string[]; headerCount: number } {
  return { header: names.slice(0, MAX_HEADER_SHOWN).map(cut), headerCount: names.length };
}
