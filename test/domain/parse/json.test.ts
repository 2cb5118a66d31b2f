import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IssueList } from '../../../src/domain/parse/issues.ts';
import { parseJsonText } from '../../../src/domain/parse/json.ts';
import { findJsonSyntaxError } from '../../../src/domain/parse/json-syntax.ts';

function parse(text: string) {
  const issues = new IssueList('f.json');
  const result = parseJsonText(text, issues);
  return { result, issues: issues.finish() };
}

describe('parseJsonText: line and column of syntax errors', () => {
  it.each([
    ['{"a": 1,\n  "b": NaN}', 'f.json: line 2, column 8: NaN is not valid JSON; use null or a number'],
    ['[1, Infinity]', 'f.json: line 1, column 5: Infinity is not valid JSON; use a finite number'],
    ['[1,\n-Infinity]', 'f.json: line 2, column 1: Infinity is not valid JSON'],
    ['[1, 2,]', 'f.json: line 1, column 7: a trailing comma before "]" is not allowed in JSON'],
    ['{\n "a": 1,\n}', 'f.json: line 3, column 1: a trailing comma before "}" is not allowed in JSON'],
    ["{'a': 1}", 'f.json: line 1, column 2: strings must be in double quotes'],
    ['{"a": \'x\'}', 'f.json: line 1, column 7: strings must be in double quotes'],
    ['{a: 1}', 'f.json: line 1, column 2: property names must be in double quotes'],
    ['{"id": 007}', 'f.json: line 1, column 8: numbers must not have leading zeros (an id such as "007" must be a string'],
    ['{"x": .5}', 'f.json: line 1, column 7: a number must start with a digit (write 0.5, not .5)'],
    ['{"x": undefined}', 'f.json: line 1, column 7: undefined is not valid JSON'],
    ['// note\n{}', 'f.json: line 1, column 1: comments are not allowed in JSON'],
    ['{"a": "two\nlines"}', 'f.json: line 1, column 11: a raw control character (such as a line break) is not allowed inside a string'],
    ['{"a": "\\x41"}', 'f.json: line 1, column 8: \\x is not a valid escape'],
    ['{"a" 1}', 'f.json: line 1, column 6: expected ":" after a property name, found "1"'],
    ['[1 2]', 'f.json: line 1, column 4: expected "," or "]", found "2"'],
    ['{} {}', 'f.json: line 1, column 4: unexpected "{" after the end of the JSON value'],
  ])('%j', (text, message) => {
    const { result, issues } = parse(text);
    expect(result.ok).toBe(false);
    expect(issues).toHaveLength(1);
    expect(issues[0]?.code).toBe('json-syntax');
    expect(issues[0]?.message).toContain(message);
  });

  it('reports a truncated text at its end, with the size in bytes (not characters)', () => {
    const { issues } = parse('{"name": "Cà Mau",\n "x": [1, 2');
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'json-truncated', line: 2, column: 12 });
    // "à" is 2 bytes in UTF-8: 30 characters, 31 bytes.
    expect(issues[0]?.message).toBe(
      'f.json: line 2, column 12: the text ends before the JSON value is complete (2 unclosed brackets); the file is 31 bytes long: is it truncated (an interrupted download or copy)?',
    );
  });

  it.each([
    ['{"a": "unfinished', 'the text ends inside a string'],
    ['[tru', 'the text ends inside the word true'],
    ['[1.', 'a digit must follow the decimal point'],
  ])('%j is truncated', (text, what) => {
    const { issues } = parse(text);
    expect(issues[0]?.code).toBe('json-truncated');
    expect(issues[0]?.message).toContain(what);
  });

  it('refuses an empty file', () => {
    expect(parse('  \n').issues.map((i) => i.message)).toEqual(['f.json: the file is empty (3 bytes); expected JSON']);
  });

  it('parses valid JSON; a BOM is an error with a fix, and parsing goes on past it', () => {
    expect(parse('{"a": [1, 1e400]}')).toEqual({ result: { ok: true, value: { a: [1, Infinity] } }, issues: [] });
    const { result, issues } = parse('\uFEFF{"a": 1}');
    expect(result).toEqual({ ok: true, value: { a: 1 } });
    expect(issues).toEqual([
      {
        severity: 'error',
        code: 'bom',
        file: 'f.json',
        fix: 'strip-bom',
        params: {},
        message:
          'f.json: the file starts with a byte-order mark (U+FEFF); save it as UTF-8 without BOM (the importer can strip it)',
      },
    ]);
    // Positions after a BOM count from the first real character.
    expect(parse('\uFEFF[NaN]').issues.map((i) => i.message)).toContain('f.json: line 1, column 2: NaN is not valid JSON; use null or a number');
  });

  it('reports U+FFFD, the trace of a file that was not UTF-8, with its first place', () => {
    const { issues } = parse('{"a": "ok",\n "b": "C\uFFFD Mau \uFFFD"}');
    expect(issues.map((i) => i.message)).toEqual([
      expect.stringContaining('f.json: line 2, column 9: the text holds 2 U+FFFD replacement characters'),
    ]);
  });
});

describe('findJsonSyntaxError agrees with JSON.parse', () => {
  const accepts = (text: string): boolean => {
    try {
      JSON.parse(text);
      return true;
    } catch {
      return false;
    }
  };

  it('on valid JSON and on JSON with one character inserted, removed or cut off', () => {
    const noise = fc.constantFrom(',', ']', '}', '[', '{', '"', ':', '0', '-', '.', 'e', 'N', "'", ' ', '\n', '\\', 'x');
    fc.assert(
      fc.property(fc.json(), fc.nat(), noise, fc.constantFrom('insert', 'remove', 'cut', 'keep'), (json, at, ch, how) => {
        const i = json.length === 0 ? 0 : at % json.length;
        const text =
          how === 'insert'
            ? json.slice(0, i) + ch + json.slice(i)
            : how === 'remove'
              ? json.slice(0, i) + json.slice(i + 1)
              : how === 'cut'
                ? json.slice(0, i)
                : json;
        const found = findJsonSyntaxError(text);
        expect(found === undefined).toBe(accepts(text));
        if (found) expect(found.offset).toBeLessThanOrEqual(text.length);
      }),
      { numRuns: 3000, seed: 20211015 },
    );
  });

  it('on deep nesting without overflowing the stack', () => {
    const deep = '['.repeat(100_000);
    expect(findJsonSyntaxError(deep)).toMatchObject({ atEnd: true, offset: 100_000 });
    expect(findJsonSyntaxError(`${deep}${']'.repeat(100_000)}`)).toBeUndefined();
  });
});
