// The text of an import with what it must lose or change before the data set's check
// (staging.ts): lon and lat exchanged in GeoJSON (the 'swap-coordinates' fix), and the
// features or lines that have an error left out, for the "import the valid rows" choice.
import type { Issue } from '../types.ts';

const isError = (issue: Issue): boolean => issue.severity === 'error';

export function swapGeoJSON(text: string): string {
  const json = JSON.parse(text) as { features?: { geometry?: { type?: string; coordinates?: unknown } }[] };
  for (const feature of json.features ?? []) {
    const g = feature.geometry;
    if (g?.type === 'Point' && Array.isArray(g.coordinates) && g.coordinates.length >= 2) {
      g.coordinates = [g.coordinates[1], g.coordinates[0], ...g.coordinates.slice(2)];
    }
  }
  return JSON.stringify(json);
}

export interface Cut {
  text: string;
  dropped: number;
  /** For each feature (GeoJSON) or line (CSV, 1-based) of the cut text, its index or line in the file. */
  kept: number[];
}

/** The GeoJSON text without the features that have an error; undefined when it cannot be cut. */
export function withoutBadFeatures(text: string, issues: readonly Issue[]): Cut | undefined {
  const bad = new Set(issues.filter((i) => isError(i) && i.featureIndex !== undefined).map((i) => i.featureIndex as number));
  // An error of the whole file (not JSON, not a FeatureCollection) leaves nothing to keep.
  if (issues.some((i) => isError(i) && i.featureIndex === undefined)) return undefined;
  try {
    const json = JSON.parse(text) as { features: unknown[] };
    const kept = json.features.flatMap((_, i) => (bad.has(i) ? [] : [i]));
    const features = kept.map((i) => json.features[i]);
    return { text: JSON.stringify({ ...json, features }), dropped: json.features.length - features.length, kept };
  } catch {
    return undefined;
  }
}

/** The CSV without the lines that have an error (deliveries: checked as they are). */
export function withoutBadLines(text: string, issues: readonly Issue[]): Cut | undefined {
  if (issues.some((i) => isError(i) && i.line === undefined)) return undefined;
  const bad = new Set(issues.filter((i) => isError(i)).map((i) => i.line as number));
  const lines = text.split(/\r\n|\n|\r/);
  const kept = lines.flatMap((_, i) => (bad.has(i + 1) ? [] : [i + 1]));
  return { text: kept.map((line) => lines[line - 1]).join('\n'), dropped: lines.length - kept.length, kept };
}
