// Hamlets, schools and towers files read from chunks of text, a batch of features at a time,
// with the ordinary parser's own per-feature checks (parse/features.ts `readFeatureRecord`,
// parse/points.ts), so every issue is the same: same code, place, message and order. Nothing
// keeps the source text or the parsed tree: each batch's records go to a sink (columns.ts
// packs them into typed arrays) and the batch is dropped.
//
// A file whose outer shape is unusual (see scanner.ts) ends in `fallback`: the caller reads it
// the ordinary way (`parseFileDetailed`). Only files the ordinary parser refuses do.
import type { Hamlet, Issue, School, Tower } from '../../types.ts';
import { plainId, plainPosition, plainRecord, propertyCells } from '../../formats/plain-rows.ts';
import { FileContext, FORBIDDEN_KEYS, isPlainObject } from '../context.ts';
import { readFeatureRecord, type FeatureReader } from '../features.ts';
import { readFeatureCollection } from '../geojson.ts';
import { readHamlet, readSchool, readTower } from '../points.ts';
import type { Place } from '../issues.ts';
import { IdRegistry } from '../properties.ts';
import { FallbackSignal, FeatureCollectionScanner } from './scanner.ts';

export interface StreamRecords {
  hamlets: Hamlet;
  schools: School;
  towers: Tower;
}
export type StreamKind = keyof StreamRecords;
export const STREAM_KINDS: readonly StreamKind[] = ['hamlets', 'schools', 'towers'];

const READERS: { [K in StreamKind]: (ctx: FileContext) => FeatureReader<StreamRecords[K]> } = {
  hamlets: readHamlet,
  schools: readSchool,
  towers: readTower,
};

/** Records of one batch of features, in file order (features with faults are left out). */
export type RecordSink<K extends StreamKind> = (records: StreamRecords[K][]) => void;

export type StreamOutcome =
  /**
   * `failed` when any issue is an error (the records the sink got are then not to be taken as
   * they are). `recordFeatures`: the feature (from 0) of each record the sink got, in order.
   */
  | { status: 'read'; issues: Issue[]; failed: boolean; count: number; features: number; recordFeatures: readonly number[] }
  /** Read the file with `parseFileDetailed` instead; `reason` is for logs, not users. */
  | { status: 'fallback'; reason: string }
  | { status: 'cancelled' };

export interface StreamProgress {
  /** UTF-16 code units read so far. */
  chars: number;
  features: number;
}

export interface StreamOptions {
  /** Called after each chunk. */
  onProgress?: (progress: StreamProgress) => void;
  /** Asked before each chunk; true stops the reading with `cancelled`. */
  isCancelled?: () => boolean;
}

/**
 * The checks of one file's features, given as parsed values a batch at a time (from the text
 * scanner here, or from a table format's rows, formats/). `finish` adds the once-per-file
 * findings, as `parseFileDetailed` does.
 */
export class FeatureChecker<K extends StreamKind> {
  readonly ctx: FileContext;
  private readonly ids: IdRegistry;
  private readonly read: FeatureReader<StreamRecords[K]>;
  /** Records kept (features without faults) and features seen. */
  count = 0;
  features = 0;
  /** The feature (counted from 0) of each record `check` kept, in order. */
  readonly recordFeatures: number[] = [];
  /** Errors said so far, listed or only counted (for "which rows passed"). */
  errors = 0;
  /** The plain fields of the feature `plainFeature` is reading (plain-rows.ts `Cells`), filled anew for each. */
  private readonly cells: unknown[] = [];

  constructor(
    private readonly kind: K,
    fileName: string,
    /** Take plainly valid features without the per-feature checks (`plainFeature`); false only to compare both ways. */
    private readonly plain = true,
  ) {
    this.ctx = new FileContext(fileName, kind);
    const issues = this.ctx.issues;
    const error = issues.error.bind(issues);
    issues.error = (...args: Parameters<typeof error>) => {
      this.errors++;
      error(...args);
    };
    this.ids = new IdRegistry(this.ctx.issues, 'feature');
    this.read = READERS[kind](this.ctx);
    // The properties the reader asks for, noted once as its first feature would note them:
    // a kind's reader asks for every one of its properties on every feature, whatever they hold.
    const probe = new FileContext('', kind);
    const readProbe = READERS[kind] as (ctx: FileContext) => FeatureReader<unknown>;
    readFeatureRecord(probe, new IdRegistry(probe.issues, 'feature'), { type: 'Feature', properties: {}, geometry: null }, 0, readProbe(probe));
    this.ctx.readKeys = probe.readKeys;
  }

  /** The records of a batch of feature values, in order. */
  check(values: readonly unknown[]): StreamRecords[K][] {
    const first = this.features;
    const records: StreamRecords[K][] = [];
    for (let k = 0; k < values.length; k++) {
      const value = values[k];
      const record = (this.plain ? this.plainFeature(value, first + k) : undefined) ?? readFeatureRecord(this.ctx, this.ids, value, first + k, this.read, true, false);
      if (record !== undefined) {
        records.push(record);
        this.recordFeatures.push(first + k);
      }
    }
    this.features = first + values.length;
    this.count += records.length;
    return records;
  }

  /**
   * A feature the checks would take without a word (a Point inside Vietnam, every property
   * plainly right: formats/plain-rows.ts), taken as `passed` takes a row; undefined, having
   * done nothing, for any other, which the ordinary checks then read.
   */
  private plainFeature(value: unknown, index: number): StreamRecords[K] | undefined {
    if (!isPlainObject(value) || value['type'] !== 'Feature') return undefined;
    const properties = value['properties'];
    const geometry = value['geometry'];
    if (!isPlainObject(properties) || !isPlainObject(geometry) || geometry['type'] !== 'Point') return undefined;
    const position = geometry['coordinates'];
    if (!Array.isArray(position) || position.length !== 2) return undefined;
    const lon: unknown = position[0];
    const lat: unknown = position[1];
    if (typeof lon !== 'number' || typeof lat !== 'number' || !plainPosition(lon, lat)) return undefined;
    const id = plainId(properties['id']);
    if (id === undefined) return undefined;
    propertyCells(this.kind, properties, this.cells);
    const record = plainRecord(this.kind, id, this.cells, lon, lat);
    if (record === undefined) return undefined;
    // Every property's text is scanned, known or not (parse/geojson.ts `readFeature`).
    const keys = Object.keys(properties);
    for (const key of keys) if ((FORBIDDEN_KEYS as readonly string[]).includes(key)) return undefined;
    this.take(index, id, lon, lat, (place) => {
      for (const key of keys) {
        const v = properties[key];
        if (typeof v === 'string') this.ctx.strings.check(v, place, key);
      }
    });
    return record as StreamRecords[K];
  }

  /**
   * A feature the caller found plainly valid (formats/plain-rows.ts), counted as `check`
   * counts one: its strings given to the text scan (`strings`, with the feature's place), its
   * id seen (a second use is still an error, and then false) and its position kept for the
   * stacks. The caller makes the record.
   */
  passed(id: string, lon: number, lat: number, strings?: (place: Place) => void): boolean {
    const errors = this.errors;
    this.take(this.features++, id, lon, lat, strings);
    this.count++;
    return this.errors === errors;
  }

  /** A plainly valid feature's bookkeeping, in the order the ordinary checks do it. */
  private take(index: number, id: string, lon: number, lat: number, strings: ((place: Place) => void) | undefined): void {
    const place = { featureIndex: index, id };
    strings?.(place);
    this.ids.see(id, index, place);
    this.ctx.stacks.add(lon, lat, index);
  }

  finish(): { issues: Issue[]; failed: boolean } {
    // The ordinary parser's warning for an empty collection, said its own way.
    if (this.features === 0) readFeatureCollection(this.ctx, { type: 'FeatureCollection', features: [] });
    const issues = this.ctx.finish();
    return { issues, failed: issues.some((issue) => issue.severity === 'error') };
  }
}

/** One file, chunk by chunk: `push` each piece of text in order, then `finish`. */
export class FeatureFileReader<K extends StreamKind> {
  private readonly checker: FeatureChecker<K>;
  private readonly scanner: FeatureCollectionScanner;
  private fallback: string | undefined;
  private chars = 0;

  constructor(
    kind: K,
    fileName: string,
    private readonly sink: RecordSink<K>,
  ) {
    this.checker = new FeatureChecker(kind, fileName);
    this.scanner = new FeatureCollectionScanner({ batch: (values) => this.batch(values) });
  }

  get progress(): StreamProgress {
    return { chars: this.chars, features: this.scanner.features };
  }

  private batch(values: unknown[]): void {
    // The ordinary parser calls any collection with an "attributes" feature Esri JSON.
    for (const value of values) {
      if (isPlainObject(value) && Object.hasOwn(value, 'attributes')) throw new FallbackSignal('Esri JSON');
    }
    const records = this.checker.check(values);
    if (records.length > 0) this.sink(records);
  }

  /** Reads one more piece of the text. Does nothing once the reading has fallen back. */
  push(chunk: string): void {
    if (this.fallback !== undefined) return;
    this.chars += chunk.length;
    try {
      this.scanner.push(chunk);
    } catch (error) {
      this.fallback = reasonOf(error);
    }
  }

  finish(): StreamOutcome {
    if (this.fallback !== undefined) return { status: 'fallback', reason: this.fallback };
    try {
      const members = this.scanner.end();
      if (members.get('type') !== 'FeatureCollection') return { status: 'fallback', reason: 'type is not FeatureCollection' };
      const { issues, failed } = this.checker.finish();
      return { status: 'read', issues, failed, count: this.checker.count, features: this.scanner.features, recordFeatures: this.checker.recordFeatures };
    } catch (error) {
      return { status: 'fallback', reason: reasonOf(error) };
    }
  }
}

function reasonOf(error: unknown): string {
  if (error instanceof FallbackSignal) return error.reason;
  // A fault in the checks themselves: the ordinary reader reports it as an 'internal' issue.
  return `internal: ${error instanceof Error ? error.message : String(error)}`;
}

/**
 * Reads a file from its chunks (strings, in order) into `sink`, with progress and a cancel
 * check between chunks. Chunks may cut the text anywhere, even inside a string.
 */
export async function readFeatureChunks<K extends StreamKind>(
  kind: K,
  fileName: string,
  chunks: Iterable<string> | AsyncIterable<string>,
  sink: RecordSink<K>,
  options: StreamOptions = {},
): Promise<StreamOutcome> {
  const reader = new FeatureFileReader(kind, fileName, sink);
  for await (const chunk of chunks) {
    if (options.isCancelled?.()) return { status: 'cancelled' };
    reader.push(chunk);
    options.onProgress?.(reader.progress);
  }
  return reader.finish();
}

/** The same, for a caller that has every chunk at hand (tests, the command line). */
export function readFeatureChunksSync<K extends StreamKind>(
  kind: K,
  fileName: string,
  chunks: Iterable<string>,
  sink: RecordSink<K>,
): StreamOutcome {
  const reader = new FeatureFileReader(kind, fileName, sink);
  for (const chunk of chunks) reader.push(chunk);
  return reader.finish();
}
