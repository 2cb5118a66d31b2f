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
  /** Why, as the dictionaries say it (messages/issues-*.ts, `json`): a reason and its details. */
  why: JsonWhy;
}

export interface JsonWhy {
  [key: string]: string | number;
  reason: string;
}

type Expect = 'value' | 'value-or-close' | 'key' | 'key-or-close' | 'colon' | 'comma-or-close' | 'done';

const WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);
const LITERALS = ['true', 'false', 'null'] as const;

/** Hint for a value that JSON does not allow, or undefined to fall back to "unexpected". */
function badValueHint(text: string, i: number, afterComma: boolean, closer: string): JsonWhy | undefined {
  const rest = text.slice(i, i + 12);
  if (rest.startsWith('NaN')) return { reason: 'nan' };
  if (rest.startsWith('Infinity') || rest.startsWith('-Infinity')) return { reason: 'infinity' };
  if (rest.startsWith('undefined')) return { reason: 'undefined' };
  if (rest.startsWith("'")) return { reason: 'single-quote' };
  if (rest.startsWith('//') || rest.startsWith('/*')) return { reason: 'comment' };
  if (afterComma && (rest.startsWith(']') || rest.startsWith('}'))) return { reason: 'trailing-comma', found: rest[0] ?? '' };
  if (rest.startsWith('.')) return { reason: 'leading-point' };
  if (rest.startsWith('+')) return { reason: 'plus' };
  if (closer !== '' && (rest.startsWith(']') || rest.startsWith('}'))) return { reason: 'bad-close', found: rest[0] ?? '', closer };
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
          return { offset: j, atEnd: j + 6 > text.length, why: { reason: 'u-escape' } };
        }
        j += 5;
      } else if ('"\\/bfnrt'.includes(next) && next !== '') {
        j++;
      } else if (next === '') {
        break;
      } else {
        return { offset: j, atEnd: false, why: { reason: 'bad-escape', char: next } };
      }
    } else if (c < 0x20) {
      return { offset: j, atEnd: false, why: { reason: 'control-char' } };
    }
  }
  return { offset: text.length, atEnd: true, why: { reason: 'ends-in-string' } };
}

function scanNumber(text: string, start: number): number | JsonSyntaxError {
  const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(start, start + 400));
  if (!match) {
    if (text.startsWith('-Infinity', start)) return { offset: start, atEnd: false, why: { reason: 'infinity' } };
    return { offset: start, atEnd: start + 1 >= text.length, why: { reason: 'minus' } };
  }
  const end = start + match[0].length;
  const next = text[end] ?? '';
  if (match[1] === '0' && /\d/.test(next)) {
    return { offset: start, atEnd: false, why: { reason: 'leading-zero' } };
  }
  if (next === '.' || next === 'e' || next === 'E') {
    return { offset: end, atEnd: end + 1 >= text.length, why: { reason: 'digit-after-point' } };
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
      return { offset: text.length, atEnd: true, why: { reason: 'ends-early', brackets: stack.length } };
    }
    const ch = text[i] ?? '';
    const closer = stack[stack.length - 1] ?? '';
    switch (expect) {
      case 'done':
        return { offset: i, atEnd: false, why: { reason: 'after-end', found: ch } };
      case 'colon':
        if (ch !== ':') return { offset: i, atEnd: false, why: { reason: 'colon', found: ch } };
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
          return { offset: i, atEnd: false, why: { reason: 'comma-or-close', closer, found: ch } };
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
          if (hint && (ch === '}' || ch === "'" || ch === '/')) return { offset: i, atEnd: false, why: hint };
          const why: JsonWhy = /[A-Za-z_$]/.test(ch) ? { reason: 'unquoted-key' } : { reason: 'key', found: ch };
          return { offset: i, atEnd: false, why };
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
            if (partial) return { offset: text.length, atEnd: true, why: { reason: 'ends-in-word', word: partial } };
            const hint = badValueHint(text, i, afterComma, closer);
            return { offset: i, atEnd: false, why: hint ?? { reason: 'value', found: ch } };
          }
        }
        break;
      }
    }
  }
}
