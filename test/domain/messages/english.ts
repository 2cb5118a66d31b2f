// Words that give away an English sentence in what should be Vietnamese. Names the data
// contract uses (in quotes, or written like `school_id`, `a,b,c`, `file.geojson`, `yes/no`)
// stay as they are and are not counted.
const TELL_TALE = new Set([
  'feature', 'features', 'field', 'fields', 'line', 'lines', 'row', 'rows', 'column', 'columns', 'file', 'files',
  'must', 'expected', 'missing', 'required', 'invalid', 'cannot', 'should', 'header', 'empty', 'value', 'values',
  'number', 'numbers', 'string', 'object', 'array', 'more', 'listed', 'found', 'got', 'error', 'errors',
  'warning', 'warnings', 'kind', 'the', 'is', 'are', 'not', 'with', 'of', 'and', 'or', 'in', 'a', 'an', 'to',
]);

const QUOTED = /"(?:[^"\\]|\\.)*"/g;
const NAME_LIKE = /[./_,:@+=<>\\[\]{}]/;

/** The English words of `text` outside quotes and contract-like names. */
export function englishWords(text: string): string[] {
  const found: string[] = [];
  for (const raw of text.replace(QUOTED, ' ').split(/\s+/)) {
    const token = raw.replace(/^[^\p{L}\d]+|[^\p{L}\d]+$/gu, '');
    if (token === '' || NAME_LIKE.test(token)) continue;
    for (const word of token.match(/\p{L}+/gu) ?? []) if (TELL_TALE.has(word.toLowerCase())) found.push(word);
  }
  return found;
}
