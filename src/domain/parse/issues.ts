import type { Issue } from '../types.ts';

export type Fix = NonNullable<Issue['fix']>;

/** Where in a file a problem is. Every part is optional; the message shows those given. */
export interface Place {
  featureIndex?: number;
  id?: string;
  /** programme.json: 0-based index in `targets`. Shown in the message only. */
  targetIndex?: number;
  line?: number;
  column?: number;
  field?: string;
}

const MAX_SHOWN_CHARS = 40;

/** A string cut to about 40 characters (whole code points), JSON-quoted so markup stays text. */
export function quote(text: string): string {
  const codePoints = Array.from(text);
  const cut = codePoints.length > MAX_SHOWN_CHARS ? `${codePoints.slice(0, MAX_SHOWN_CHARS - 1).join('')}…` : text;
  return JSON.stringify(cut);
}

/** A short rendering of any JSON value for a message. */
export function show(value: unknown): string {
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  return 'an object';
}

export function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
    case 'string':
      return 'a string';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'a boolean';
    case 'undefined':
      return 'missing';
    default:
      return 'an object';
  }
}

/** `<file>: feature 3 (id "h4"), field "population": ` and the other shapes of the contract. */
export function placePrefix(file: string, place: Place): string {
  const parts: string[] = [];
  if (place.featureIndex !== undefined) {
    parts.push(`feature ${place.featureIndex}${place.id ? ` (id ${quote(place.id)})` : ''}`);
  }
  if (place.targetIndex !== undefined) parts.push(`target ${place.targetIndex}`);
  if (place.line !== undefined) parts.push(`line ${place.line}`);
  if (place.column !== undefined) parts.push(`column ${place.column}`);
  if (place.field !== undefined) parts.push(`field ${quote(place.field)}`);
  return parts.length > 0 ? `${file}: ${parts.join(', ')}: ` : `${file}: `;
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

/**
 * Collects the issues of one file. Past `limitPerKind` issues of one code and field, the
 * rest are counted, not listed: a 10,000-row file with one systematic mistake should give
 * a readable report, not 10,000 lines.
 */
export class IssueList {
  readonly items: Issue[] = [];
  private readonly counts = new Map<string, { count: number; severity: Issue['severity']; code: string; field?: string }>();

  constructor(
    readonly file: string,
    private readonly limitPerKind = 50,
  ) {}

  error(code: string, place: Place, what: string, fix?: Fix, params?: Issue['params']): void {
    this.add('error', code, place, what, fix, params);
  }

  warning(code: string, place: Place, what: string, fix?: Fix, params?: Issue['params']): void {
    this.add('warning', code, place, what, fix, params);
  }

  private add(severity: Issue['severity'], code: string, place: Place, what: string, fix?: Fix, params?: Issue['params']): void {
    const key = `${severity}\u0000${code}\u0000${place.field ?? ''}`;
    const seen = this.counts.get(key);
    const count = (seen?.count ?? 0) + 1;
    if (seen) seen.count = count;
    else this.counts.set(key, place.field === undefined ? { count, severity, code } : { count, severity, code, field: place.field });
    if (count > this.limitPerKind) return;
    const issue: Issue = { severity, code, file: this.file, message: placePrefix(this.file, place) + what };
    if (place.featureIndex !== undefined) issue.featureIndex = place.featureIndex;
    if (place.line !== undefined) issue.line = place.line;
    if (place.column !== undefined) issue.column = place.column;
    if (place.field !== undefined) issue.field = place.field;
    if (place.id !== undefined) issue.id = place.id;
    if (fix !== undefined) issue.fix = fix;
    if (params !== undefined) issue.params = params;
    this.items.push(issue);
  }

  /** The issues, plus one line for each kind that went past the limit. */
  finish(): Issue[] {
    const out = this.items.slice();
    for (const c of this.counts.values()) {
      if (c.count <= this.limitPerKind) continue;
      const about = c.field === undefined ? `"${c.code}"` : `"${c.code}" in field ${quote(c.field)}`;
      const issue: Issue = {
        severity: c.severity,
        code: 'more-not-listed',
        file: this.file,
        message: `${this.file}: ${c.count - this.limitPerKind} more ${c.severity}s of kind ${about} not listed (${c.count} in all)`,
      };
      if (c.field !== undefined) issue.field = c.field;
      out.push(issue);
    }
    return out;
  }
}
