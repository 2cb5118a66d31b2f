// A contract GeoJSON file of hamlets, schools or towers read for import straight from its
// text in pieces (parse/columnar/reader.ts): one feature parsed at a time, checked with the
// ordinary per-feature checks, no whole-file string and no whole-file tree. A file of points
// gets this way, with warnings or with errors in some of its features (then its features
// without an error are kept for the "valid rows" choice, as the ordinary way cuts the others
// out). Anything else (shapes to map, fixes to apply, a feature left out without an error)
// answers undefined, and the caller reads the file the ordinary way (staging.ts), so that
// what the user sees never depends on which way the file was read.
import type { Hamlet, Issue, School, Tower } from '../types.ts';
import type { SourceFile } from '../parse/index.ts';
import { isLazy, lazySource, once } from '../parse/dataset.ts';
import { readFeatureChunks, type StreamKind, type StreamOptions } from '../parse/columnar/reader.ts';
import { requiredFields } from './csv-mapping.ts';
import { pointsText } from './table-files.ts';

/** A point file read and checked beforehand: staged as the contract's GeoJSON of its records. */
export interface CheckedPoints {
  kind: StreamKind;
  /** Every feature's record; with `failed`, those of the features without an error. */
  records: (Hamlet | School | Tower)[];
  /** The file's own issues. */
  issues: Issue[];
  /** The file has errors: its features, and the feature (from 0) of each record kept. */
  failed?: { features: number; kept: number[] };
  /** The file was the loaded file's own, byte for byte (the worker tells it: `SameBytes`). */
  same?: true;
}

// What `mayNeedMapping` (geojson-points.ts) looks for: a file with any of these goes through
// the property mapping, which the ordinary way decides on the whole text; so may a file with
// errors that never names a required property (`Watch.unnamed`).
const NOT_POINTS = /"(MultiPoint|Polygon|MultiPolygon)"/;
// Enough of a piece's end to find the words above when a cut splits one.
const OVERLAP = 32;

interface Watch {
  shapes: boolean;
  /** Required properties, quoted, not yet seen anywhere in the text. */
  unnamed: Set<string>;
}

/** Pieces as they come, watched for shapes other than points and for the required names across the cuts. */
async function* watched(chunks: AsyncIterable<string> | Iterable<string>, seen: Watch): AsyncGenerator<string> {
  let tail = '';
  for await (const chunk of chunks) {
    // The piece itself, then the words a cut may split: the last piece's end and this one's
    // start. Not the pattern on `tail + chunk`: that joins (copies) every piece first.
    const across = tail + chunk.slice(0, OVERLAP);
    if (NOT_POINTS.test(chunk) || NOT_POINTS.test(across)) {
      seen.shapes = true;
      return;
    }
    for (const name of seen.unnamed) if (chunk.includes(name) || across.includes(name)) seen.unnamed.delete(name);
    tail = chunk.length >= OVERLAP ? chunk.slice(-OVERLAP) : (tail + chunk).slice(-OVERLAP);
    yield chunk;
  }
}

/**
 * The file's records and issues, or undefined when it is to be read the ordinary way,
 * or 'cancelled' when `options.isCancelled` said so between pieces.
 */
export async function readPointStream(
  kind: StreamKind,
  fileName: string,
  chunks: AsyncIterable<string> | Iterable<string>,
  options: StreamOptions = {},
): Promise<CheckedPoints | 'cancelled' | undefined> {
  const records: (Hamlet | School | Tower)[] = [];
  const seen: Watch = { shapes: false, unnamed: new Set(requiredFields(kind).map((field) => `"${field}"`)) };
  const outcome = await readFeatureChunks(kind, fileName, watched(chunks, seen), (batch) => {
    for (const record of batch) records.push(record);
  }, options);
  if (outcome.status === 'cancelled') return 'cancelled';
  if (seen.shapes || outcome.status !== 'read' || outcome.features === 0) return undefined;
  if (outcome.failed) return seen.unnamed.size > 0 ? undefined : withoutErrors(kind, records, outcome.issues, outcome.features, outcome.recordFeatures);
  // A feature left out without an error: the ordinary way says what it means.
  if (outcome.count !== outcome.features) return undefined;
  return { kind, records, issues: outcome.issues };
}

/**
 * A file with errors: the records of its features without one, as the ordinary way keeps
 * them (staging-cuts.ts `withoutBadFeatures`: every feature with no error, in order), or
 * undefined when some such feature has no record (the ordinary way then says why). An error
 * of the whole file (no feature named) leaves nothing to keep: staging-read.ts `readFailed`.
 */
function withoutErrors(kind: StreamKind, records: (Hamlet | School | Tower)[], issues: Issue[], features: number, recordFeatures: readonly number[]): CheckedPoints | undefined {
  const bad = new Set<number>();
  for (const issue of issues) {
    if (issue.severity === 'error' && issue.featureIndex !== undefined) bad.add(issue.featureIndex);
  }
  const kept: number[] = [];
  const valid: (Hamlet | School | Tower)[] = [];
  recordFeatures.forEach((feature, r) => {
    if (bad.has(feature)) return;
    kept.push(feature);
    valid.push(records[r] as Hamlet | School | Tower);
  });
  let withError = 0;
  for (const feature of bad) if (feature >= 0 && feature < features) withError++;
  return kept.length === features - withError ? { kind, records: valid, issues, failed: { features, kept } } : undefined;
}

/**
 * Whether the pieces of bytes pushed, in order, are `known`'s UTF-8 encoding: the loaded file
 * read again (`CheckedPoints.same`). Bytes, not text: the text the reader gets is escaped.
 */
export class SameBytes {
  private bytes: Uint8Array | undefined;
  private at = 0;
  private still: boolean;

  constructor(private readonly known: string | undefined) {
    this.still = known !== undefined;
  }

  push(piece: Uint8Array): void {
    if (!this.still) return;
    const bytes = (this.bytes ??= new TextEncoder().encode(this.known));
    if (this.at + piece.length > bytes.length) {
      this.still = false;
      return;
    }
    for (let i = 0; i < piece.length; i++) {
      if (piece[i] !== bytes[this.at + i]) {
        this.still = false;
        return;
      }
    }
    this.at += piece.length;
  }

  /** After the last piece. */
  result(): boolean {
    if (!this.still) return false;
    this.bytes ??= new TextEncoder().encode(this.known);
    return this.at === this.bytes.length;
  }
}

/**
 * The staged file of a streamed read: its text (the contract's GeoJSON of the records, as a
 * table format's is) is written only when first asked for, which is when the import is saved
 * on the device, after the first figures, or staged under a later import.
 */
export function deferredSource(path: string, checked: CheckedPoints): SourceFile {
  return lazySource(path, once(() => pointsText(checked.kind, checked.records)));
}

/** Whether `file`'s text is made when first read (a streamed or a table import's): never a file first loaded. */
export const isDeferred = isLazy;
