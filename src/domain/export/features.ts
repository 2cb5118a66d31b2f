/**
 * Hamlets and schools as the contract's GeoJSON (towers: `towersToGeoJSON` in plan/plan.ts):
 * snake_case properties in the contract's order, optional ones only when set, so that
 * `parseFile` reads the text back to the same records. The importer writes a CSV's rows this
 * way before the whole data set is checked again.
 */
import type { Hamlet, School } from '../types.ts';

interface PointFeature {
  type: 'Feature';
  properties: Record<string, string | number | boolean>;
  geometry: { type: 'Point'; coordinates: [number, number] };
}

function feature(lon: number, lat: number, properties: Record<string, string | number | boolean | undefined>): PointFeature {
  const kept: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(properties)) if (value !== undefined) kept[key] = value;
  return { type: 'Feature', properties: kept, geometry: { type: 'Point', coordinates: [lon, lat] } };
}

export function hamletsToGeoJSON(hamlets: readonly Hamlet[]): { type: 'FeatureCollection'; features: PointFeature[] } {
  return {
    type: 'FeatureCollection',
    features: hamlets.map((h) =>
      feature(h.lon, h.lat, {
        id: h.id,
        name: h.name,
        population: h.population,
        households: h.households,
        poor_households: h.poorHouseholds,
        students: h.students,
        grid_power: h.gridPower,
        commune: h.commune,
        district: h.district,
        synthetic: h.synthetic,
      }),
    ),
  };
}

export function schoolsToGeoJSON(schools: readonly School[]): { type: 'FeatureCollection'; features: PointFeature[] } {
  return {
    type: 'FeatureCollection',
    features: schools.map((s) =>
      feature(s.lon, s.lat, {
        id: s.id,
        name: s.name,
        level: s.level,
        students: s.students,
        students_in_need: s.studentsInNeed,
        fixed_broadband: s.fixedBroadband,
        commune: s.commune,
        district: s.district,
        synthetic: s.synthetic,
      }),
    ),
  };
}
