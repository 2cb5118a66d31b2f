// Deterministic text for the bundled files: the same objects always give the same bytes,
// so `git diff` on data/ shows real changes only and a test can compare whole files.

/** Rounds to 5 decimals (about 1 m), the precision of every coordinate in data/. */
export function round5(value: number): number {
  const rounded = Math.round(value * 1e5) / 1e5;
  // -0 would print as 0 but compare oddly; keep it a plain zero.
  return rounded === 0 ? 0 : rounded;
}

/** Rounds to a fixed number of decimals for derived figures (areas, radii). */
export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const rounded = Math.round(value * factor) / factor;
  return rounded === 0 ? 0 : rounded;
}

type Json = string | number | boolean | null | undefined | Json[] | { [key: string]: Json };

// Strings are NFC so that diacritics render in place and compare equal across tools.
function normaliseText(value: Json): Json {
  if (typeof value === 'string') return value.normalize('NFC');
  if (Array.isArray(value)) return value.map(normaliseText);
  if (value !== null && typeof value === 'object') {
    const out: { [key: string]: Json } = {};
    for (const key of Object.keys(value)) out[key.normalize('NFC')] = normaliseText(value[key]);
    return out;
  }
  return value;
}

export interface FeatureSpec {
  /** Keys in the order they are written; undefined values are left out. */
  properties: { [key: string]: Json };
  geometry: unknown;
}

/** One feature's line: properties first, so that it reads as a record. */
export function featureText(feature: FeatureSpec): string {
  return JSON.stringify({
    type: 'Feature',
    properties: normaliseText(feature.properties),
    geometry: feature.geometry,
  });
}

const COLLECTION_HEAD = '{"type":"FeatureCollection","features":[\n';

/** One feature per line, properties first, so a line reads as a record. */
export function featureCollectionText(features: readonly FeatureSpec[]): string {
  const lines = features.map(featureText);
  const body = lines.length > 0 ? `${lines.join(',\n')}\n` : '';
  return `${COLLECTION_HEAD}${body}]}\n`;
}

/**
 * The same text as featureCollectionText, handed out in chunks of a few thousand lines as
 * features are added, so that a million features never sit in memory at once.
 */
export class FeatureCollectionWriter {
  private lines: string[] = [];
  private started = false;
  count = 0;

  constructor(
    private readonly emit: (chunk: string) => void,
    private readonly chunkLines = 4096,
  ) {
    emit(COLLECTION_HEAD);
  }

  add(feature: FeatureSpec): void {
    this.lines.push(featureText(feature));
    this.count++;
    if (this.lines.length >= this.chunkLines) this.flush();
  }

  private flush(): void {
    if (this.lines.length === 0) return;
    this.emit(`${this.started ? ',\n' : ''}${this.lines.join(',\n')}`);
    this.started = true;
    this.lines = [];
  }

  end(): void {
    this.flush();
    this.emit(`${this.started ? '\n' : ''}]}\n`);
  }
}

export function pointGeometry(lon: number, lat: number): { type: 'Point'; coordinates: [number, number] } {
  return { type: 'Point', coordinates: [round5(lon), round5(lat)] };
}

/** Pretty JSON (2 spaces, LF, final newline) with NFC text. */
export function jsonText(value: Json): string {
  return `${JSON.stringify(normaliseText(value), null, 2)}\n`;
}

function csvField(value: string | number): string {
  const text = typeof value === 'number' ? String(value) : value.normalize('NFC');
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 CSV with LF line endings and a final newline. */
export function csvText(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const lines = [header.map(csvField).join(','), ...rows.map((row) => row.map(csvField).join(','))];
  return `${lines.join('\n')}\n`;
}
