// The worker's side of an import: read the user's files (with progress), stage them over
// the loaded files, keep the staged copy until the user takes it or cancels. The loaded
// data is replaced only by `commit`, in one step.
import { kindOfName, readTableFile, stageImport, type IncomingFile, type StagedImport } from '../domain/import/staging.ts';
import { formatOfName } from '../domain/formats/index.ts';
import type { SourceFile } from '../domain/parse/index.ts';
import { hasText } from '../domain/parse/dataset.ts';
import { sniff } from '../domain/parse/sniff.ts';
import { IMPACT_LAYERS, importImpact, type ImpactLayer } from '../domain/import/impact.ts';
import type { Dataset } from '../domain/types.ts';
import type { ImportChecked, ImportRequestFile } from './protocol.ts';

type Progress = (phase: 'reading' | 'checking', done: number, total: number) => void;

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

export class ImportSession {
  private pending: { importId: number; staged: StagedImport } | undefined;
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
    // A lazy text (a table import's) is never an original one: it is not made here.
    return this.sources.filter((f) => {
      const text = original.get(f.path);
      return text === undefined || !hasText(f, text);
    });
  }

  /** A session over `sources`, keeping this one's original files. */
  over(sources: SourceFile[]): ImportSession {
    return new ImportSession(sources, this.original);
  }

  get files(): readonly SourceFile[] {
    return this.sources;
  }

  /** `current`: the data set on screen, to say what taking the import would change (import/impact.ts). */
  async check(importId: number, files: readonly ImportRequestFile[], progress: Progress, current?: Dataset): Promise<ImportChecked> {
    const started = performance.now();
    this.latest = importId;
    const total = files.reduce((sum, f) => sum + (f.file?.size ?? f.text?.length ?? 0), 0);
    let before = 0;
    const incoming: IncomingFile[] = [];
    for (const { file, text, ...rest } of files) {
      if (file && formatOfName(rest.name)) {
        // Read, mapped and checked here (asynchronously); only the records go on to staging.
        const bytes = await readBytes(file, (done) => progress('reading', before + done, total));
        before += file.size;
        const table = await readTableFile(rest.name, bytes, rest.kind ?? kindOfName(rest.name));
        incoming.push({ ...rest, text: '', ...(table ? { table } : {}) });
        continue;
      }
      const read = text !== undefined ? { text } : file ? await readText(file, (bytes) => progress('reading', before + bytes, total)) : { text: '' };
      before += file?.size ?? read.text.length;
      incoming.push({ ...rest, ...read });
    }
    progress('checking', 0, 1);
    const staged = stageImport(this.sources, incoming);
    if (this.latest === importId) this.pending = { importId, staged };
    const next = staged.dataset ?? staged.validOnly?.dataset;
    const layers = staged.files.flatMap((f) => (IMPACT_LAYERS as readonly string[]).includes(f.kind ?? '') ? [f.kind as ImpactLayer] : []);
    const impact = current && next && layers.length > 0 ? importImpact(current, next, layers) : undefined;
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

  /** The staged data set, now the loaded one; undefined when there is none to take. */
  commit(importId: number, validOnly: boolean): { dataset: Dataset; changed: SourceFile[] } | undefined {
    // `changed`: every file that now differs from the first load (earlier imports included).
    const pending = this.pending?.importId === importId ? this.pending.staged : undefined;
    const take = validOnly ? pending?.validOnly : pending?.dataset && pending.sources ? { dataset: pending.dataset, sources: pending.sources } : undefined;
    if (!take) return undefined;
    this.sources = take.sources;
    this.pending = undefined;
    return { dataset: take.dataset, changed: this.changedFromOriginal() };
  }

  cancel(importId: number): void {
    if (this.latest === importId) this.latest = -1;
    if (this.pending?.importId === importId) this.pending = undefined;
  }
}
