// The worker's side of an import: read the user's files (with progress), stage them over
// the loaded files, keep the staged copy until the user takes it or cancels. The loaded
// data is replaced only by `commit`, in one step. The check answers as soon as the files are
// staged (their counts and risks need no coverage pass); then `prepare` makes the engine's
// work ahead for the data set it would take (engine.ts prepare) and the share of hamlets with
// good signal, which needs a pass of each. The work ahead is kept with the staged copy: one at
// a time, dropped with it, never kept for a check cancelled or replaced.
import { kindOfName, readTableFile, stageImport, type IncomingFile, type StagedFile, type StagedImport } from '../domain/import/staging.ts';
import { formatOfName } from '../domain/formats/index.ts';
import { TableReadCancelled } from '../domain/formats/rows.ts';
import { nextTask } from './next-task.ts';
import type { SourceFile } from '../domain/parse/index.ts';
import { hasText } from '../domain/parse/dataset.ts';
import { sniff } from '../domain/parse/sniff.ts';
import { goodShares, IMPACT_LAYERS, layersImpact, type GoodShares, type ImpactLayer, type LayersImpact } from '../domain/import/impact.ts';
import type { Dataset, Issue } from '../domain/types.ts';
import { isDeferred, readPointStream, SameBytes, type CheckedPoints } from '../domain/import/geojson-stream.ts';
import { AsciiJsonDecoder } from '../domain/parse/columnar/ascii-json.ts';
import { STREAM_KINDS, type StreamKind } from '../domain/parse/columnar/reader.ts';
import { DATASET_PATHS } from '../domain/parse/kind.ts';

/** A file to import: a File from a drop or picker (read in the worker), or its text. */
export interface ImportRequestFile extends Omit<IncomingFile, 'text'> {
  file?: Blob;
  text?: string;
}

/** The check of an import, before anything changes. */
export interface ImportChecked {
  importId: number;
  files: StagedFile[];
  issues: Issue[];
  /** Every file passed: the whole import can be taken. */
  canImport: boolean;
  /** Not all passed, but the rows without errors can be taken (how many are left out). */
  validOnly?: { dropped: number };
  /** What taking it would do to the data on screen; its risks need the user's explicit word. Its shares of hamlets with good signal follow (`prepare`). */
  impact?: LayersImpact;
  elapsedMs: number;
}

type Progress = (phase: 'reading' | 'checking', done: number, total: number) => void;

/** Work done during a check for the staged data set (the engine's session for it), dropped with the staging. */
export interface Ahead {
  readonly dataset: Dataset;
  drop(): void;
}

/**
 * What the engine adds after a check: `before`, the loaded data's levels for the impact when
 * it holds them (impact.ts, CurrentLevels); `prepare`, the work ahead for the data set the
 * check would take, with that data set's levels for the impact when the work made them;
 * `later`, a wait that lets the messages already queued (a take, a cancel) go first.
 */
export interface CheckAhead<A extends Ahead> {
  before?: Uint8Array;
  prepare: (next: Dataset) => Promise<{ ahead: A; after?: Uint8Array }>;
  later: () => Promise<void>;
}

/** A checked import waiting to be taken: what the impact compares, and the work ahead once asked for. */
interface Pending<A extends Ahead> {
  importId: number;
  staged: StagedImport;
  current?: Dataset;
  layers: ImpactLayer[];
  preparing?: Promise<{ ahead: A; after?: Uint8Array } | undefined>;
}

/**
 * A Blob's text, reporting bytes read. Its first bytes say what it is (parse/sniff.ts): a
 * binary file (an image, a workbook, an archive) is not read further and is named for what it
 * is; UTF-16 is decoded as such; else UTF-8, a BOM kept for the checks to see.
 */
async function readText(blob: Blob, onBytes: (bytes: number) => void): Promise<{ text: string; sniffed?: IncomingFile['sniffed'] }> {
  const reader = blob.stream().getReader();
  let decoder: TextDecoder | undefined;
  let sniffed: IncomingFile['sniffed'];
  const parts: string[] = [];
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (!decoder) {
      const found = sniff(value);
      if (found.kind === 'binary') {
        await reader.cancel();
        return { text: '', sniffed: { binary: found.format } };
      }
      if (found.encoding !== 'utf-8') sniffed = { encoding: found.encoding };
      // A UTF-16 byte-order mark is the encoding's, not text: dropped (ignoreBOM false).
      decoder = new TextDecoder(found.encoding, { ignoreBOM: found.encoding === 'utf-8' });
    }
    bytes += value.byteLength;
    parts.push(decoder.decode(value, { stream: true }));
    onBytes(bytes);
  }
  if (decoder) parts.push(decoder.decode());
  return sniffed ? { text: parts.join(''), sniffed } : { text: parts.join('') };
}

/**
 * A UTF-8 GeoJSON Blob's text piece by piece as read, reporting bytes read: escaped to ASCII
 * (parse/columnar/ascii-json.ts: the same values, and several times faster to decode in a
 * browser than accented text), a BOM and bytes that are not UTF-8 kept as TextDecoder gives
 * them. `same` watches the bytes.
 */
async function* asciiPieces(blob: Blob, onBytes: (bytes: number) => void, same: SameBytes): AsyncGenerator<string> {
  const reader = blob.stream().getReader();
  const decoder = new AsciiJsonDecoder();
  let bytes = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      same.push(value);
      yield decoder.decode(value, true);
      onBytes(bytes);
    }
    const last = decoder.end();
    if (last) yield last;
  } finally {
    reader.releaseLock();
  }
}

/**
 * A hamlets, schools or towers GeoJSON file read and checked as it streams in
 * (import/geojson-stream.ts), when it may be: plain UTF-8, its kind known from its name or
 * the user, no fix or mapping asked for. Undefined: read it the ordinary way.
 */
async function streamedPoints(
  file: Blob,
  rest: Omit<ImportRequestFile, 'file' | 'text'>,
  onBytes: (bytes: number) => void,
  isCancelled: () => boolean,
  known?: (kind: StreamKind) => string | undefined,
): Promise<CheckedPoints | 'cancelled' | undefined> {
  const kind = rest.kind ?? kindOfName(rest.name);
  if (!kind || !(STREAM_KINDS as readonly string[]).includes(kind) || !/\.(geo)?json$/i.test(rest.name)) return undefined;
  if (rest.mapping || rest.swap || (rest.fixes?.length ?? 0) > 0) return undefined;
  const found = sniff(new Uint8Array(await file.slice(0, 4096).arrayBuffer()));
  if (found.kind !== 'text' || found.encoding !== 'utf-8') return undefined;
  const same = new SameBytes(known?.(kind as StreamKind));
  const checked = await readPointStream(kind as StreamKind, rest.name, asciiPieces(file, onBytes, same), { isCancelled });
  return checked && checked !== 'cancelled' && same.result() ? { ...checked, same: true } : checked;
}

/** The work ahead of an import that waited, dropped now or once made. */
const dropAhead = (pending: Pending<Ahead> | undefined): void => void pending?.preparing?.then((made) => made?.ahead.drop());

/** How often a table file's check says how many rows it has read (and lets a cancel in). */
const ROWS_SAID_MS = 50;

/** A Blob's bytes in one array, reporting bytes read: a GeoParquet or FlatGeobuf file is read whole. */
async function readBytes(blob: Blob, onBytes: (bytes: number) => void): Promise<Uint8Array> {
  const reader = blob.stream().getReader();
  let out = new Uint8Array(blob.size);
  let at = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (at + value.byteLength > out.length) {
      const grown = new Uint8Array(Math.max(out.length * 2, at + value.byteLength));
      grown.set(out.subarray(0, at));
      out = grown;
    }
    out.set(value, at);
    at += value.byteLength;
    onBytes(at);
  }
  return at === out.length ? out : out.subarray(0, at);
}

export class ImportSession<A extends Ahead = Ahead> {
  private pending: Pending<A> | undefined;
  /** The newest check asked for; an older one that finishes later, or a cancelled one, is not kept. */
  private latest = 0;

  /** `original`: the files as first loaded, to tell which files imports have changed. */
  constructor(
    private sources: SourceFile[],
    private readonly original: readonly SourceFile[] = sources,
  ) {}

  /** The files that differ from the first load: what to save so that a reload gets them back. */
  changedFromOriginal(): SourceFile[] {
    const original = new Map(this.original.map((f) => [f.path, f.text]));
    // A made-when-read text (a streamed or a table import's) is never an original one: it is not made here.
    return this.sources.filter((f) => {
      const text = original.get(f.path);
      return text === undefined || !hasText(f, text);
    });
  }

  /** The loaded file of a kind, by its contract path (with or without a folder before it). */
  private loadedText(kind: StreamKind): string | undefined {
    const path = DATASET_PATHS[kind];
    const file = this.sources.find((f) => f.path === path || f.path.endsWith(`/${path}`));
    // An earlier streamed import's file has no text yet, and the user's is hardly the one written for it.
    return file && !isDeferred(file) ? file.text : undefined;
  }

  /** A session over `sources`, keeping this one's original files (the staged import is dropped). */
  over(sources: SourceFile[]): ImportSession<A> {
    this.drop();
    return new ImportSession<A>(sources, this.original);
  }

  /** Forgets the staged import and the work done ahead for it. */
  drop(): void {
    this.latest = -1;
    this.keep(undefined);
  }

  /** The staged import now waiting; the one it replaces drops its work ahead, now or when made (one at a time). */
  private keep(pending: Pending<A> | undefined): void {
    dropAhead(this.pending);
    this.pending = pending;
  }

  get files(): readonly SourceFile[] {
    return this.sources;
  }

  /** `current`: the data set on screen, to say what taking the import would change (import/impact.ts). */
  async check(importId: number, files: readonly ImportRequestFile[], progress: Progress, current?: Dataset): Promise<ImportChecked> {
    const started = performance.now();
    this.latest = importId;
    // The import waiting is replaced by this one: its work ahead goes now, not with this one's staging.
    if (this.pending) {
      dropAhead(this.pending);
      this.pending = { ...this.pending, preparing: undefined };
    }
    const total = files.reduce((sum, f) => sum + (f.file?.size ?? f.text?.length ?? 0), 0);
    let before = 0;
    const incoming: IncomingFile[] = [];
    const cancelled = () => this.latest !== importId;
    const dropped = () => ({ importId, files: [], issues: [], canImport: false, elapsedMs: performance.now() - started });
    for (const { file, text, ...rest } of files) {
      if (file && formatOfName(rest.name)) {
        // Read, mapped and checked here (asynchronously); only the records go on to staging.
        const bytes = await readBytes(file, (done) => progress('reading', before + done, total));
        before += file.size;
        // Rows checked a row group at a time: said, and a cancel heard, between two (at most
        // every 50 ms: a file of many small groups would wait a task for each).
        let said = performance.now();
        const onRows = (done: number, all: number) => {
          if (performance.now() - said < ROWS_SAID_MS) return;
          progress('checking', done, all);
          return nextTask().then(() => void (said = performance.now()));
        };
        const rows = { onRows, isCancelled: cancelled };
        const table = await readTableFile(rest.name, bytes, rest.kind ?? kindOfName(rest.name), rows).catch((error: unknown) => {
          if (error instanceof TableReadCancelled) return 'cancelled' as const;
          throw error;
        });
        if (table === 'cancelled') return dropped();
        incoming.push({ ...rest, text: '', ...(table ? { table } : {}) });
        continue;
      }
      if (file) {
        const streamed = await streamedPoints(file, rest, (done) => progress('reading', before + done, total), cancelled, (kind) => this.loadedText(kind));
        if (streamed === 'cancelled') return dropped();
        if (streamed) {
          before += file.size;
          // The loaded file read again: staged with its own text, so that nothing counts as changed.
          incoming.push({ ...rest, text: streamed.same ? (this.loadedText(streamed.kind) ?? '') : '', checked: streamed });
          continue;
        }
      }
      const read = text !== undefined ? { text } : file ? await readText(file, (bytes) => progress('reading', before + bytes, total)) : { text: '' };
      before += file?.size ?? read.text.length;
      incoming.push({ ...rest, ...read });
    }
    progress('checking', 0, 1);
    const staged = stageImport(this.sources, incoming);
    const next = staged.dataset ?? staged.validOnly?.dataset;
    const layers = staged.files.flatMap((f) => (IMPACT_LAYERS as readonly string[]).includes(f.kind ?? '') ? [f.kind as ImpactLayer] : []);
    if (this.latest === importId) this.keep({ importId, staged, layers, ...(current ? { current } : {}) });
    const impact = current && next && layers.length > 0 ? layersImpact(current, next, layers) : undefined;
    return {
      importId,
      files: staged.files,
      issues: staged.issues,
      canImport: staged.dataset !== undefined,
      ...(staged.validOnly ? { validOnly: { dropped: staged.validOnly.dropped } } : {}),
      ...(impact ? { impact } : {}),
      elapsedMs: performance.now() - started,
    };
  }

  /**
   * After check `importId`: the work ahead for the data set it would take (made once, kept
   * with the staging), then the impact's shares of hamlets with good signal. Undefined when the
   * import was taken, cancelled or replaced first, or has no data set to take.
   */
  async prepare(importId: number, engine: CheckAhead<A>): Promise<GoodShares | undefined> {
    const pending = this.pending;
    const next = pending?.importId === importId ? (pending.staged.dataset ?? pending.staged.validOnly?.dataset) : undefined;
    if (!pending || !next) return undefined;
    // A failure here is the commit's to report (it builds the session again), not the check's.
    pending.preparing ??= engine.prepare(next).catch(() => undefined);
    const prepared = await pending.preparing;
    // The shares take a pass of their own, which a take or a cancel already asked for makes moot.
    await engine.later();
    if (this.pending !== pending || !pending.current || pending.layers.length === 0) return undefined;
    return goodShares(pending.current, next, pending.layers, { ...(engine.before ? { before: engine.before } : {}), ...(prepared?.after ? { after: prepared.after } : {}) });
  }

  /**
   * The staged data set, now the loaded one, with the work done ahead for it once made (the
   * caller's then; undefined when none was asked for); undefined when there is none to take.
   */
  commit(importId: number, validOnly: boolean): { dataset: Dataset; changed: SourceFile[]; ahead: Promise<A | undefined> } | undefined {
    // `changed`: every file that now differs from the first load (earlier imports included).
    const pending = this.pending?.importId === importId ? this.pending : undefined;
    const staged = pending?.staged;
    const take = validOnly ? staged?.validOnly : staged?.dataset && staged.sources ? { dataset: staged.dataset, sources: staged.sources } : undefined;
    if (!take) return undefined;
    this.sources = take.sources;
    this.pending = undefined;
    const ahead = (pending?.preparing ?? Promise.resolve(undefined)).then((made) => {
      if (made?.ahead.dataset === take.dataset) return made.ahead;
      // Made for the other choice (all rows, or only the valid ones): not this data set's.
      made?.ahead.drop();
      return undefined;
    });
    return { dataset: take.dataset, changed: this.changedFromOriginal(), ahead };
  }

  cancel(importId: number): void {
    if (this.latest === importId) this.latest = -1;
    if (this.pending?.importId === importId) this.keep(undefined);
  }
}
