import type { FileContext } from './context.ts';
import { readFeature, readFeatureCollection, type RawFeature } from './geojson.ts';
import { IdRegistry, PropertyReader } from './properties.ts';

export type FeatureReader<T> = (feature: RawFeature, properties: PropertyReader, id: string | undefined) => T | undefined;

/**
 * Reads every feature of a FeatureCollection into a record. Every feature is read to the
 * end, even after a fault, so that one run reports all of a file's problems. When the file
 * has no errors, record i comes from feature i.
 */
export function mapFeatures<T>(ctx: FileContext, value: unknown, read: FeatureReader<T>, withId = true): T[] {
  const features = readFeatureCollection(ctx, value);
  if (!features) return [];
  const ids = new IdRegistry(ctx.issues, 'feature');
  const out: T[] = [];
  for (let index = 0; index < features.length; index++) {
    const record = readFeatureRecord(ctx, ids, features[index], index, read, withId);
    if (record !== undefined) out.push(record);
  }
  return out;
}

/**
 * One feature of a collection (its envelope, id and record), as `mapFeatures` reads each:
 * shared with the streaming reader (columnar/) so that both say the very same things.
 */
export function readFeatureRecord<T>(
  ctx: FileContext,
  ids: IdRegistry,
  value: unknown,
  index: number,
  read: FeatureReader<T>,
  withId = true,
  /** Whether to note the properties asked for; false when the caller has them already (`ctx.readKeys`). */
  noteKeys = true,
): T | undefined {
  const feature = readFeature(ctx, value, index);
  if (!feature) return undefined;
  const asked = noteKeys ? (ctx.readKeys ??= new Set()) : undefined;
  const properties = new PropertyReader(ctx.issues, feature.properties, feature.place, { where: 'file', kind: ctx.kind }, asked);
  let id: string | undefined;
  if (withId) {
    id = properties.id(feature.featureId !== undefined && feature.featureId !== null);
    if (id !== undefined) ids.see(id, index, feature.place);
  }
  return read(feature, properties, id);
}
