/**
 * Hamlets, schools and towers as the contract's files: each record's properties in the
 * contract's snake_case and order (shared with the seeded generator's writers, which round
 * coordinates for the bundled files), and exact GeoJSON for exports and imports, so that
 * `parseFile` reads the text back to the very same records.
 */
import type { Hamlet, School, Tower } from '../types.ts';

type Value = string | number | boolean | undefined;

/** Properties in the contract's order; undefined ones are left out when written. */
export function hamletProperties(h: Hamlet): Record<string, Value> {
  return {
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
  };
}

export function schoolProperties(s: School): Record<string, Value> {
  return {
    id: s.id,
    name: s.name,
    level: s.level,
    students: s.students,
    students_in_need: s.studentsInNeed,
    fixed_broadband: s.fixedBroadband,
    commune: s.commune,
    district: s.district,
    synthetic: s.synthetic,
  };
}

export function towerProperties(t: Tower): Record<string, Value> {
  return {
    id: t.id,
    operator: t.operator,
    status: t.status,
    technology: t.technology,
    radius_km: t.radiusKm,
    service_date: t.serviceDate,
    upgrade_technology: t.upgradeTechnology,
    upgrade_radius_km: t.upgradeRadiusKm,
    upgrade_date: t.upgradeDate,
    height_m: t.heightM,
    band_mhz: t.bandMhz,
    upgrade_band_mhz: t.upgradeBandMhz,
    synthetic: t.synthetic,
  };
}

export interface PointFeatureCollection {
  type: 'FeatureCollection';
  features: { type: 'Feature'; properties: Record<string, string | number | boolean>; geometry: { type: 'Point'; coordinates: [number, number] } }[];
}

function collection<T extends { lon: number; lat: number }>(records: readonly T[], properties: (r: T) => Record<string, Value>): PointFeatureCollection {
  return {
    type: 'FeatureCollection',
    features: records.map((r) => {
      const kept: Record<string, string | number | boolean> = {};
      for (const [key, value] of Object.entries(properties(r))) if (value !== undefined) kept[key] = value;
      return { type: 'Feature', properties: kept, geometry: { type: 'Point', coordinates: [r.lon, r.lat] } };
    }),
  };
}

export const hamletsToGeoJSON = (hamlets: readonly Hamlet[]) => collection(hamlets, hamletProperties);
export const schoolsToGeoJSON = (schools: readonly School[]) => collection(schools, schoolProperties);
/** The contract's towers.geojson, e.g. the plan's export (loaded towers with the edits laid over). */
export const towersToGeoJSON = (towers: readonly Tower[]) => collection(towers, towerProperties);
