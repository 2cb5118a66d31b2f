import type { IssueList } from './issues.ts';
import { findJsonSyntaxError } from './json-syntax.ts';
import { checkText, lineColumn, utf8ByteLength } from './text.ts';

export type JsonResult = { ok: true; value: unknown } | { ok: false };

/**
 * JSON text to a value. A byte-order mark is reported and stripped before parsing, so that
 * a file with a BOM and other faults shows them all at once. A syntax error is reported with
 * its line and column, and the file size when the text ends too soon.
 */
export function parseJsonText(text: string, issues: IssueList): JsonResult {
  const body = checkText(text, issues);
  if (body.trim() === '') {
    issues.error('empty', {}, { format: 'json', bytes: utf8ByteLength(text) });
    return { ok: false };
  }
  try {
    return { ok: true, value: JSON.parse(body) as unknown };
  } catch (error) {
    const found = findJsonSyntaxError(body);
    if (!found) {
      // Our scanner and the engine disagree; the engine's word is all there is.
      const detail = error instanceof Error ? error.message : String(error);
      issues.error('json-syntax', {}, { reason: 'engine', detail });
      return { ok: false };
    }
    const at = lineColumn(body, found.offset);
    const params = found.atEnd ? { ...found.why, bytes: utf8ByteLength(text) } : found.why;
    issues.error(found.atEnd ? 'json-truncated' : 'json-syntax', { line: at.line, column: at.column }, params);
    return { ok: false };
  }
}
