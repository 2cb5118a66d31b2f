import type { Boundary, LineGeometry } from '../types.ts';
import type { FileContext } from './context.ts';
import { mapFeatures } from './features.ts';
import { readArea, readLine } from './geojson.ts';
import type { PropertyReader } from './properties.ts';

/**
 * `label_lon` / `label_lat`: a point inside the polygon to label it, as the province's
 * source data gives. Not in the contract; read when both are valid, ignored otherwise.
 */
function labelPoint(p: PropertyReader): { lon: number; lat: number } | undefined {
  if (!p.has('label_lon') || !p.has('label_lat')) return undefined;
  const lon = p.requiredNumberIn('label_lon', -180, 180);
  const lat = p.requiredNumberIn('label_lat', -90, 90);
  return lon === undefined || lat === undefined ? undefined : { lon, lat };
}

/** province, districts and communes files: polygons with an id and a name. */
export function parseBoundaries(ctx: FileContext, value: unknown): Boundary[] {
  return mapFeatures(ctx, value, (feature, p, id) => {
    const geometry = readArea(ctx, feature);
    const name = p.requiredString('name');
    const districtId = ctx.kind === 'communes' ? p.requiredString('district_id') : undefined;
    const population = ctx.kind === 'province' ? undefined : p.optionalCount('population');
    const label = labelPoint(p);
    if (!geometry || id === undefined || name === undefined) return undefined;
    if (ctx.kind === 'communes' && districtId === undefined) return undefined;
    const boundary: Boundary = { id, name, geometry };
    if (districtId !== undefined) boundary.districtId = districtId;
    if (population !== undefined) boundary.population = population;
    if (label) {
      boundary.labelLon = label.lon;
      boundary.labelLat = label.lat;
    }
    return boundary;
  });
}

/** boundaries/coastline.geojson (our extension): lines for context, properties free. */
export function parseCoastline(ctx: FileContext, value: unknown): LineGeometry[] {
  return mapFeatures(ctx, value, (feature) => readLine(ctx, feature), false);
}
