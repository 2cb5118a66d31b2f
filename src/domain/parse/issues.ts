import { cut, type IssueCode, type IssueParams } from '../messages/codes.ts';
import { englishText } from '../messages/render.ts';
import type { Issue } from '../types.ts';

export type Fix = NonNullable<Issue['fix']>;

/** Where in a file a problem is. Every part is optional; the message shows those given. */
export interface Place {
  featureIndex?: number;
  id?: string;
  /** programme.json: 0-based index in `targets`. Shown in the message only (counted from 1). */
  targetIndex?: number;
  line?: number;
  column?: number;
  field?: string;
}

/** A string cut to about 40 characters (whole code points), JSON-quoted so markup stays text. */
export function quote(text: string): string {
  return JSON.stringify(cut(text));
}

/** The same place, naming a field. Built field by field: places may come from user data. */
export function atField(place: Place, field: string): Place {
  const out: Place = { field };
  if (place.featureIndex !== undefined) out.featureIndex = place.featureIndex;
  if (place.id !== undefined) out.id = place.id;
  if (place.targetIndex !== undefined) out.targetIndex = place.targetIndex;
  if (place.line !== undefined) out.line = place.line;
  if (place.column !== undefined) out.column = place.column;
  return out;
}

/** An issue at a place, its English message rendered from the dictionary. */
export function makeIssue(severity: Issue['severity'], code: IssueCode, file: string, place: Place, params: IssueParams = {}, fix?: Fix): Issue {
  const issue: Issue = { severity, code, file, message: '' };
  if (place.featureIndex !== undefined) issue.featureIndex = place.featureIndex;
  if (place.line !== undefined) issue.line = place.line;
  if (place.column !== undefined) issue.column = place.column;
  if (place.field !== undefined) issue.field = place.field;
  if (place.id !== undefined) issue.id = place.id;
  issue.params = place.targetIndex === undefined ? params : { ...params, target: place.targetIndex };
  if (fix !== undefined) issue.fix = fix;
  issue.message = englishText(issue);
  return issue;
}

/**
 * Collects the issues of one file. Past `limitPerKind` issues of one code and field, the
 * rest are counted, not listed: a 10,000-row file with one systematic mistake should give
 * a readable report, not 10,000 lines.
 */
export class IssueList {
  readonly items: Issue[] = [];
  private readonly counts = new Map<string, { count: number; severity: Issue['severity']; code: IssueCode; field?: string }>();

  constructor(
    readonly file: string,
    private readonly limitPerKind = 50,
  ) {}

  error(code: IssueCode, place: Place, params?: IssueParams, fix?: Fix): void {
    this.add('error', code, place, params, fix);
  }

  warning(code: IssueCode, place: Place, params?: IssueParams, fix?: Fix): void {
    this.add('warning', code, place, params, fix);
  }

  private add(severity: Issue['severity'], code: IssueCode, place: Place, params: IssueParams | undefined, fix?: Fix): void {
    const key = `${severity}\u0000${code}\u0000${place.field ?? ''}`;
    const seen = this.counts.get(key);
    const count = (seen?.count ?? 0) + 1;
    if (seen) seen.count = count;
    else this.counts.set(key, place.field === undefined ? { count, severity, code } : { count, severity, code, field: place.field });
    if (count > this.limitPerKind) return;
    this.items.push(makeIssue(severity, code, this.file, place, params, fix));
  }

  /** The issues, plus one line for each kind that went past the limit. */
  finish(): Issue[] {
    const out = this.items.slice();
    for (const c of this.counts.values()) {
      if (c.count <= this.limitPerKind) continue;
      const params = { count: c.count - this.limitPerKind, total: c.count, severity: c.severity, of: c.code };
      out.push(makeIssue(c.severity, 'more-not-listed', this.file, c.field === undefined ? {} : { field: c.field }, params));
    }
    return out;
  }
}
