// The closed list of problem codes the domain reports. A code names one kind of problem;
// its parameters (`Issue.params`) carry what the sentence needs, and the sentence itself
// comes from the vi and en dictionaries (issues-vi.ts, issues-en.ts), so that a problem
// found in a worker or the CLI reads in the user's language.

export const ISSUE_CODES = [
  // Text and JSON (parse/text.ts, parse/json.ts)
  'bom',
  'not-utf8',
  'not-nfc',
  'mojibake',
  'legacy-encoding',
  'empty',
  'json-syntax',
  'json-truncated',
  // GeoJSON envelope and geometry (parse/geojson.ts, parse/coordinates.ts)
  'json-array',
  'not-feature-collection',
  'esri-json',
  'features-not-array',
  'single-feature',
  'topojson',
  'bare-geometry',
  'no-features',
  'feature-not-object',
  'feature-type',
  'properties-not-object',
  'forbidden-key',
  'geometry-null',
  'geometry-invalid',
  'geometry-type',
  'coordinates-invalid',
  'ring-too-short',
  'ring-not-closed',
  'ring-self-intersects',
  'line-too-short',
  'position-invalid',
  'coordinate-not-number',
  'coordinate-not-finite',
  'coordinate-missing',
  'coordinate-range',
  'coordinates-swapped',
  'coordinates-projected',
  'multipoint-first',
  'polygon-centre',
  'outside-vietnam',
  'points-stacked',
  // Properties (parse/properties.ts, parse/points.ts, import/csv-cells.ts)
  'missing-property',
  'id-not-string',
  'not-string',
  'empty-string',
  'not-finite',
  'number-as-string',
  'not-number',
  'ambiguous-number',
  'thousands-separator',
  'separators-read',
  'decimal-mark',
  'not-integer',
  'negative',
  'not-positive',
  'large-value',
  'out-of-range',
  'not-boolean',
  'enum',
  'date-format',
  'date',
  'duplicate-id',
  'exceeds',
  'upgrade-without-technology',
  'upgrade-on-planned',
  'upgrade-not-newer',
  // programme.json
  'not-object',
  'target-not-object',
  'targets-not-array',
  // A data folder (parse/dataset.ts, parse/file.ts)
  'unknown-district',
  'unknown-school',
  'outside-districts',
  'missing-file',
  'internal',
  // CSV (parse/deliveries.ts, import/csv-*.ts, import/cells.ts)
  'csv-syntax',
  'csv-delimiter',
  'csv-header',
  'csv-columns',
  'csv-no-header',
  'csv-mapping',
  'csv-unmapped',
  'csv-ignored-columns',
  'csv-optional-unmapped',
  'no-rows',
  'quantity',
  'not-cell-export',
  'cell-radio',
  'cell-mcc',
  'cell-net',
  'cell-position',
  // An import (import/staging.ts)
  'import-kind',
  'import-no-cells',
  'binary-file',
  'utf16-decoded',
  'import-format',
  'import-nothing',
  'import-twice',
  // Speed tests (parse/measurements.ts, import/measurement-import.ts, evidence/outside.ts)
  'empty-number',
  'outside-province',
  'ookla-date',
  'ookla-quadkey',
  'ookla-tests',
  'ookla-approximation',
  'technology-from-radio',
  'kbps-converted',
  // The network of a data SIM (parse/deliveries.ts, parse/dataset.ts)
  'operator-not-sim',
  'operator-empty',
  'unknown-operator',
  // model.json and the radio inputs (parse/model.ts, parse/dataset.ts)
  'model-unknown-key',
  'model-not-object',
  'model-nested-key',
  'radius-limits',
  'height-below-1m',
  // costs.json (parse/costs.ts)
  'costs-not-object',
  'costs-unknown-key',
  'costs-bad-currency',
  'costs-bad-amount',
  // candidates.geojson (siting/candidates.ts)
  'candidates-not-collection',
  'candidates-bad-point',
  'candidates-bad-id',
  'candidates-duplicate-id',
  'candidates-bad-cost',
  // GeoParquet and FlatGeobuf (formats/*)
  'parquet-invalid',
  'geoparquet-metadata',
  'geoparquet-encoding',
  'geoparquet-crs',
  'fgb-invalid',
  'fgb-crs',
  // Past the limit per kind, one line counts the rest (parse/issues.ts, import/csv-issues.ts)
  'more-not-listed',
] as const;

export type IssueCode = (typeof ISSUE_CODES)[number];

const CODE_SET: ReadonlySet<string> = new Set(ISSUE_CODES);

export function isIssueCode(code: string): code is IssueCode {
  return CODE_SET.has(code);
}

/** A parameter: JSON-safe, so that issues cross to a worker, storage and the CLI unchanged. */
export type ParamValue = string | number | boolean | null | readonly string[] | readonly number[];
export type IssueParams = Readonly<Record<string, ParamValue | undefined>>;

/** What a JSON value is, for "is a string (…), must be a number". */
export type ValueType = 'null' | 'array' | 'string' | 'number' | 'boolean' | 'missing' | 'object';

const MAX_SHOWN_CHARS = 40;

/** A string cut to about 40 characters (whole code points), as messages show it. */
export function cut(text: string): string {
  const codePoints = Array.from(text);
  return codePoints.length > MAX_SHOWN_CHARS ? `${codePoints.slice(0, MAX_SHOWN_CHARS - 1).join('')}…` : text;
}

export function valueType(value: unknown): ValueType {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  switch (typeof value) {
    case 'string':
      return 'string';
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'undefined':
      return 'missing';
    default:
      return 'object';
  }
}

/**
 * A value described for a message, under `got` (its type), `value` (a primitive, a string
 * cut short) and `length` (an array's), so that the dictionaries can say "is a string ("x")".
 */
export function described(value: unknown): { got: ValueType; value?: string | number | boolean; length?: number } {
  const got = valueType(value);
  if (typeof value === 'string') return { got, value: cut(value) };
  // Infinity (JSON's 1e400) as text: params stay JSON-safe.
  if (typeof value === 'number') return { got, value: Number.isFinite(value) ? value : String(value) };
  if (typeof value === 'boolean') return { got, value };
  if (Array.isArray(value)) return { got, length: value.length };
  return { got };
}
