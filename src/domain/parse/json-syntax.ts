/**
 * Finds where and why a JSON text is invalid. Runs only after `JSON.parse` has failed: the
 * engines' own messages differ between browsers and Node and rarely give a line, and the
 * common mistakes (NaN, trailing commas, single quotes, a cut-off download) deserve a hint.
 */
export interface JsonSyntaxError {
  /** Offset in the text, in UTF-16 code units. */
  offset: number;
  /** True when the text ended before the value did (truncated file). */
  atEnd: boolean;
  what: string;
}

type Expect = 'value' | 'value-or-close' | 'key' | 'key-or-close' | 'colon' | 'comma-or-close' | 'done';

const WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);
const LITERALS = ['true', 'false', 'null'] as const;

function describe(ch: string): string {
  return ch === '' ? 'the end of the text' : JSON.stringify(ch);
}

/** Hint for a value that JSON does not allow, or undefined to fall back to "unexpected". */
function badValueHint(text: string, i: number, afterComma: boolean, closer: string): string | undefined {
  const rest = text.slice(i, i + 12);
  if (rest.startsWith('NaN')) return 'NaN is not valid JSON; use null or a number';
  if (rest.startsWith('Infinity') || rest.startsWith('-Infinity')) {
    return 'Infinity is not valid JSON; use a finite number';
  }
  if (rest.startsWith('undefined')) return 'undefined is not valid JSON; use null or leave the property out';
  if (rest.startsWith("'")) return 'strings must be in double quotes ("), not single quotes';
  if (rest.startsWith('//') || rest.startsWith('/*')) return 'comments are not allowed in JSON';
  if (afterComma && (rest.startsWith(']') || rest.startsWith('}'))) {
    return `a trailing comma before ${JSON.stringify(rest[0])} is not allowed in JSON; remove the last comma`;
  }
  if (rest.startsWith('.')) return 'a number must start with a digit (write 0.5, not .5)';
  if (rest.startsWith('+')) return 'a number must not start with "+"';
  if (closer !== '' && (rest.startsWith(']') || rest.startsWith('}'))) {
    return `${JSON.stringify(rest[0])} does not close the open ${closer === ']' ? 'array' : 'object'} (expected a value)`;
  }
  return undefined;
}

function scanString(text: string, start: number): number | JsonSyntaxError {
  for (let j = start + 1; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === 0x22) return j + 1;
    if (c === 0x5c) {
      const next = text[j + 1] ?? '';
      if (next === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(j + 2, j + 6))) {
          return { offset: j, atEnd: j + 6 > text.length, what: 'a \\u escape needs four hex digits' };
        }
        j += 5;
      } else if ('"\\/bfnrt'.includes(next) && next !== '') {
        j++;
      } else if (next === '') {
        break;
      } else {
        return { offset: j, atEnd: false, what: `\\${next} is not a valid escape in a JSON string (write \\\\ for a backslash)` };
      }
    } else if (c < 0x20) {
      return { offset: j, atEnd: false, what: 'a raw control character (such as a line break) is not allowed inside a string; write \\n or remove it' };
    }
  }
  return { offset: text.length, atEnd: true, what: 'the text ends inside a string' };
}

function scanNumber(text: string, start: number): number | JsonSyntaxError {
  const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(start, start + 400));
  if (!match) {
    if (text.startsWith('-Infinity', start)) return { offset: start, atEnd: false, what: 'Infinity is not valid JSON; use a finite number' };
    return { offset: start, atEnd: start + 1 >= text.length, what: 'a minus sign must be followed by digits' };
  }
  const end = start + match[0].length;
  const next = text[end] ?? '';
  if (match[1] === '0' && /\d/.test(next)) {
    return { offset: start, atEnd: false, what: 'numbers must not have leading zeros (an id such as "007" must be a string in double quotes)' };
  }
  if (next === '.' || next === 'e' || next === 'E') {
    return { offset: end, atEnd: end + 1 >= text.length, what: 'a digit must follow the decimal point or exponent' };
  }
  return end;
}

export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  const stack: string[] = [];
  let expect = 'value' as Expect;
  let afterComma = false;
  let i = 0;
  const afterValue = (): void => {
    expect = stack.length > 0 ? 'comma-or-close' : 'done';
    afterComma = false;
  };
  for (;;) {
    while (i < text.length && WHITESPACE.has(text.charCodeAt(i))) i++;
    if (i >= text.length) {
      if (expect === 'done') return undefined;
      const inside = stack.length === 0 ? '' : ` (${stack.length} unclosed bracket${stack.length === 1 ? '' : 's'})`;
      return { offset: text.length, atEnd: true, what: `the text ends before the JSON value is complete${inside}` };
    }
    const ch = text[i] ?? '';
    const closer = stack[stack.length - 1] ?? '';
    switch (expect) {
      case 'done':
        return { offset: i, atEnd: false, what: `unexpected ${describe(ch)} after the end of the JSON value` };
      case 'colon':
        if (ch !== ':') return { offset: i, atEnd: false, what: `expected ":" after a property name, found ${describe(ch)}` };
        i++;
        expect = 'value';
        break;
      case 'comma-or-close':
        if (ch === ',') {
          i++;
          expect = closer === '}' ? 'key' : 'value';
          afterComma = true;
        } else if (ch === closer) {
          i++;
          stack.pop();
          afterValue();
        } else {
          return { offset: i, atEnd: false, what: `expected "," or ${JSON.stringify(closer)}, found ${describe(ch)}` };
        }
        break;
      case 'key':
      case 'key-or-close':
        if (ch === '}' && expect === 'key-or-close') {
          i++;
          stack.pop();
          afterValue();
        } else if (ch === '"') {
          const end = scanString(text, i);
          if (typeof end !== 'number') return end;
          i = end;
          expect = 'colon';
        } else {
          const hint = badValueHint(text, i, afterComma, '');
          if (hint && (ch === '}' || ch === "'" || ch === '/')) return { offset: i, atEnd: false, what: hint };
          const what = /[A-Za-z_$]/.test(ch)
            ? 'property names must be in double quotes'
            : `expected a property name in double quotes, found ${describe(ch)}`;
          return { offset: i, atEnd: false, what };
        }
        break;
      case 'value':
      case 'value-or-close': {
        if (ch === ']' && expect === 'value-or-close') {
          i++;
          stack.pop();
          afterValue();
        } else if (ch === '{' || ch === '[') {
          stack.push(ch === '{' ? '}' : ']');
          expect = ch === '{' ? 'key-or-close' : 'value-or-close';
          afterComma = false;
          i++;
        } else if (ch === '"') {
          const end = scanString(text, i);
          if (typeof end !== 'number') return end;
          i = end;
          afterValue();
        } else if (ch === '-' || (ch >= '0' && ch <= '9')) {
          const end = scanNumber(text, i);
          if (typeof end !== 'number') return end;
          i = end;
          afterValue();
        } else {
          const literal = LITERALS.find((word) => text.startsWith(word, i));
          if (literal) {
            i += literal.length;
            afterValue();
          } else {
            const partial = LITERALS.find((word) => word.startsWith(text.slice(i)) && text.length - i < word.length);
            if (partial) return { offset: text.length, atEnd: true, what: `the text ends inside the word ${partial}` };
            const hint = badValueHint(text, i, afterComma, closer);
            return { offset: i, atEnd: false, what: hint ?? `expected a JSON value, found ${describe(ch)}` };
          }
        }
        break;
      }
    }
  }
}
