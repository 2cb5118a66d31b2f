import { CLUTTER_CLASSES, type LandcoverArea } from '../types.ts';
import type { FileContext } from './context.ts';
import { mapFeatures } from './features.ts';
import { readArea } from './geojson.ts';

/**
 * boundaries/landcover.geojson (contract rule 8): Polygon / MultiPolygon features with a
 * `class` (urban, suburban, rural, forest), kept in file order: the first one that contains a
 * point gives its class. No id is required.
 */
export function parseLandcover(ctx: FileContext, value: unknown): LandcoverArea[] {
  return mapFeatures(
    ctx,
    value,
    (feature, p) => {
      const geometry = readArea(ctx, feature);
      const clutter = p.requiredEnum('class', CLUTTER_CLASSES);
      if (!geometry || clutter === undefined) return undefined;
      return { clutter, geometry };
    },
    false,
  );
}
