// The text of a GeoJSON FeatureCollection, fed in chunks, cut into batches of whole features.
//
// Only the structure around the `features` array is scanned here (strings skipped with
// indexOf, brackets counted); each batch of complete features is handed to `JSON.parse`, so
// the values are exactly what a whole-file `JSON.parse` gives. Anything this scanner does not
// expect (no top-level object, a second "features", Esri keys, a value that does not parse,
// text after the end) stops it with `fallback`: the caller then reads the file the ordinary
// way, which finds and words the problem. Every such file is one the ordinary parser refuses.

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;

const isSpace = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/** Top-level keys that make the ordinary parser call the file Esri JSON. */
const ESRI_KEYS = new Set(['spatialReference', 'geometryType']);

type State =
  | 'start'
  | 'key-or-close'
  | 'key'
  | 'colon'
  | 'value'
  | 'features-open'
  | 'features'
  | 'after-value'
  | 'done';

export interface ScanHandlers {
  /** Whole features, in file order (any JSON values: the caller checks them). */
  batch(values: unknown[]): void;
}

export class FallbackSignal extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

/**
 * Push-driven scanner of one FeatureCollection. Throws `FallbackSignal` when the text is not
 * the plain shape it reads; `end` returns the top-level members other than `features`.
 */
export class FeatureCollectionScanner {
  private buf = '';
  private state: State = 'start';
  private pos = 0;
  /** Start of the key, value or first unread feature that the buffer must keep. */
  private mark = 0;
  private depth = 0;
  private inString = false;
  private key = '';
  private sawFeatures = false;
  /** Depth-0 commas of the features array since the last batch, and the last one's index. */
  private featureCommas = 0;
  private lastComma = -1;
  /** Whether `cutAtLine` still tries this file. */
  private byLines = true;
  private featuresRead = 0;
  private first = true;
  readonly members = new Map<string, unknown>();

  constructor(private readonly handlers: ScanHandlers) {}

  get features(): number {
    return this.featuresRead;
  }

  push(chunk: string): void {
    if (this.first && chunk.length > 0) {
      this.first = false;
      if (chunk.charCodeAt(0) === 0xfeff) throw new FallbackSignal('byte-order mark');
    }
    // U+FFFD: text that was not UTF-8; the ordinary reader counts and places it.
    if (chunk.indexOf('\uFFFD') >= 0) throw new FallbackSignal('replacement character');
    this.buf = this.mark < this.buf.length ? this.buf.slice(this.mark) + chunk : chunk;
    this.pos -= this.mark;
    this.lastComma -= this.mark;
    this.mark = 0;
    if (this.state === 'features') this.cutAtLine();
    this.scan();
    if (this.state === 'features') this.flush(false);
    // A key cut by the chunk's end is kept from its quote (`mark`), like a value or features.
    if (this.state !== 'features' && this.state !== 'value' && !this.inString) this.mark = this.pos;
  }

  end(): Map<string, unknown> {
    if (this.state !== 'done') throw new FallbackSignal('the text ends early');
    if (!this.sawFeatures) throw new FallbackSignal('no features');
    return this.members;
  }

  /** Skips a string from its opening quote's next char; false when the chunk ends inside. */
  private skipString(): boolean {
    const text = this.buf;
    let q = text.indexOf('"', this.pos);
    for (;;) {
      if (q < 0) {
        this.pos = text.length;
        this.inString = true;
        return false;
      }
      let k = q - 1;
      while (text.charCodeAt(k) === BACKSLASH) k--;
      if ((q - 1 - k) % 2 === 0) break;
      q = text.indexOf('"', q + 1);
    }
    this.pos = q + 1;
    this.inString = false;
    return true;
  }

  /**
   * Nested content at depth 0 up to its delimiter: returns the delimiter's index (a comma or
   * the closer) or -1 when the chunk ends first.
   */
  private skipNested(closer: number): number {
    const text = this.buf;
    const n = text.length;
    if (this.inString && !this.skipString()) return -1;
    while (this.pos < n) {
      const c = text.charCodeAt(this.pos);
      if (c === QUOTE) {
        this.pos++;
        if (!this.skipString()) return -1;
        continue;
      }
      if (c === OPEN_BRACE || c === OPEN_BRACKET) this.depth++;
      else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
        if (this.depth === 0) {
          if (c !== closer) throw new FallbackSignal('unbalanced brackets');
          return this.pos;
        }
        this.depth--;
      } else if (c === COMMA && this.depth === 0) {
        if (this.state === 'features') {
          this.featureCommas++;
          this.lastComma = this.pos;
          this.pos++;
          continue;
        }
        return this.pos;
      }
      this.pos++;
    }
    return -1;
  }

  private skipSpace(): boolean {
    const text = this.buf;
    while (this.pos < text.length && isSpace(text.charCodeAt(this.pos))) this.pos++;
    return this.pos < text.length;
  }

  private scan(): void {
    const text = this.buf;
    for (;;) {
      if (this.state === 'value' || this.state === 'features') {
        const at = this.skipNested(this.state === 'value' ? CLOSE_BRACE : CLOSE_BRACKET);
        if (at < 0) return;
        if (this.state === 'value') {
          this.members.set(this.key, parseOrFallback(text.slice(this.mark, at)));
          this.state = text.charCodeAt(at) === COMMA ? 'key' : 'done';
        } else {
          this.flush(true);
          this.state = 'after-value';
        }
        this.pos = at + 1;
        this.mark = this.pos;
        continue;
      }
      if (this.state === 'key' || this.state === 'key-or-close') {
        if (!this.inString) {
          if (!this.skipSpace()) return;
          const c = text.charCodeAt(this.pos);
          if (c === CLOSE_BRACE && this.state === 'key-or-close') {
            this.state = 'done';
            this.pos++;
            continue;
          }
          if (c !== QUOTE) throw new FallbackSignal('expected a key');
          this.mark = this.pos;
          this.pos++;
        }
        if (!this.skipString()) return;
        const key = parseOrFallback(text.slice(this.mark, this.pos)) as string;
        if (ESRI_KEYS.has(key)) throw new FallbackSignal('Esri JSON');
        this.key = key;
        this.state = 'colon';
        continue;
      }
      if (!this.skipSpace()) return;
      const c = text.charCodeAt(this.pos);
      switch (this.state) {
        case 'start':
          if (c !== OPEN_BRACE) throw new FallbackSignal('not an object');
          this.state = 'key-or-close';
          break;
        case 'colon':
          if (c !== COLON) throw new FallbackSignal('expected a colon');
          if (this.key === 'features') {
            if (this.sawFeatures) throw new FallbackSignal('two "features" members');
            this.sawFeatures = true;
            this.state = 'features-open';
          } else {
            this.state = 'value';
            this.pos++;
            if (!this.skipSpace()) {
              this.mark = this.pos;
              return;
            }
            this.mark = this.pos;
            this.depth = 0;
            continue;
          }
          break;
        case 'features-open':
          if (c !== OPEN_BRACKET) throw new FallbackSignal('"features" is not an array');
          this.state = 'features';
          this.depth = 0;
          this.pos++;
          this.mark = this.pos;
          this.cutAtLine();
          continue;
        case 'after-value':
          if (c === COMMA) this.state = 'key';
          else if (c === CLOSE_BRACE) this.state = 'done';
          else throw new FallbackSignal('expected "," or "}"');
          break;
        case 'done':
          throw new FallbackSignal('text after the end');
        default:
          throw new FallbackSignal(`unexpected state ${this.state}`);
      }
      this.pos++;
    }
  }

  /**
   * The quick way through a chunk of a file written a feature a line (as GIS tools and our
   * generator write them): parse everything up to the last comma that ends a line, without
   * scanning it. A piece that parses as a list of values is one whatever the cut: the pieces
   * joined with commas parse to the same values as the whole list would, so the cut needs no
   * check. When it does not parse (an indented file: the comma was inside a feature), the
   * scan takes over, for this file.
   */
  private cutAtLine(): void {
    if (!this.byLines) return;
    const text = this.buf;
    // A search for a string that is not there reads the whole chunk: ",\r\n" only when needed.
    let end = text.lastIndexOf(',\n');
    if (end <= this.mark) end = text.lastIndexOf(',\r\n');
    if (end <= this.mark) return;
    let values: unknown[];
    try {
      values = JSON.parse(`[${text.slice(this.mark, end)}]`) as unknown[];
    } catch {
      this.byLines = false;
      return;
    }
    this.featuresRead += values.length;
    this.featureCommas = 0;
    this.depth = 0;
    this.inString = false;
    this.pos = end + 1;
    this.mark = this.pos;
    this.handlers.batch(values);
  }

  /**
   * Parses the features complete so far: up to the last comma while reading, or up to the
   * closing bracket at the end.
   */
  private flush(atEnd: boolean): void {
    const text = this.buf;
    let end: number;
    if (atEnd) end = this.pos;
    else {
      if (this.featureCommas === 0) return;
      end = this.lastComma;
    }
    const slice = text.slice(this.mark, end);
    if (atEnd && slice.trim() === '') {
      // "[]" is an empty collection; "[…, ]" a trailing comma the ordinary parser words.
      if (this.featuresRead > 0 || this.featureCommas > 0) throw new FallbackSignal('trailing comma');
      return;
    }
    const values = parseOrFallback(`[${slice}]`) as unknown[];
    this.featuresRead += values.length;
    this.featureCommas = 0;
    this.mark = atEnd ? end : end + 1;
    this.handlers.batch(values);
  }
}

function parseOrFallback(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new FallbackSignal('not valid JSON');
  }
}
