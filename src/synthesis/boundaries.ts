// Real boundaries in, contract boundary files out; and those files read back as the
// generator's input, so plain `npm run data` needs nothing outside the repository.
import type { AreaGeometry, LineGeometry } from '../domain/types.ts';
import { featureCollectionText } from './serialize.ts';

export interface AreaUnit {
  id: string;
  name: string;
  nameAscii: string;
  population: number;
  areaKm2: number;
  geometry: AreaGeometry;
}

export interface CommuneUnit extends AreaUnit {
  /** Phường, Thị trấn or Xã. */
  type: string;
  districtId: string;
  densityPerKm2: number;
  labelLon: number;
  labelLat: number;
}

export interface SynthesisBoundaries {
  province: AreaUnit;
  districts: AreaUnit[];
  communes: CommuneUnit[];
  coastline: LineGeometry[];
}

/** Names of the real source files (see PROVENANCE.md) by the boundary file each feeds. */
export const REAL_SOURCE_FILES = {
  province: 'camau_province_from_communes.geojson',
  districts: 'camau_districts_from_communes.geojson',
  communes: 'camau_communes_2019.geojson',
  coastline: 'camau_coastline_ne10m.geojson',
} as const;
export type BoundaryKind = keyof typeof REAL_SOURCE_FILES;
export const BOUNDARY_KINDS = Object.keys(REAL_SOURCE_FILES) as BoundaryKind[];

export function boundaryPath(kind: BoundaryKind): string {
  return `boundaries/${kind}.geojson`;
}

interface RawFeature {
  properties: Record<string, unknown>;
  geometry: { type: string; coordinates: unknown };
}

function features(text: string, label: string): RawFeature[] {
  const parsed = JSON.parse(text) as { features?: unknown };
  if (!Array.isArray(parsed.features)) throw new Error(`${label}: not a FeatureCollection`);
  return parsed.features as RawFeature[];
}

function field(feature: RawFeature, key: string, label: string): unknown {
  const value = feature.properties[key];
  if (value === undefined || value === null) throw new Error(`${label}: a feature has no ${key}`);
  return value;
}
// Two quirks of the census names are tidied: a stray double space ("Tạ An Khương  Đông")
// and one capitalised "Thị Trấn" among the "Thị trấn".
const text = (f: RawFeature, key: string, label: string): string =>
  String(field(f, key, label))
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .replace(/^Thị Trấn /u, 'Thị trấn ')
    .trim();
const num = (f: RawFeature, key: string, label: string): number => Number(field(f, key, label));

const byId = (a: { properties: { id: string } }, b: { properties: { id: string } }): number =>
  a.properties.id < b.properties.id ? -1 : a.properties.id > b.properties.id ? 1 : 0;

/** Converts the real files (texts keyed by kind) into the contract's boundary files. */
export function convertBoundaries(sources: Record<BoundaryKind, string>): Record<string, string> {
  const province = features(sources.province, REAL_SOURCE_FILES.province).map((f) => ({
    properties: {
      id: text(f, 'gso_code', 'province'),
      name: text(f, 'name', 'province'),
      name_ascii: text(f, 'name_ascii', 'province'),
      population: num(f, 'pop_2019', 'province'),
      area_km2: num(f, 'area_km2', 'province'),
    },
    geometry: f.geometry,
  }));
  const districts = features(sources.districts, REAL_SOURCE_FILES.districts).map((f) => {
    const name = text(f, 'name', 'districts');
    const population = num(f, 'pop_2019', 'districts');
    const areaKm2 = num(f, 'area_km2', 'districts');
    return {
      properties: {
        id: text(f, 'gso_code', 'districts'),
        name,
        name_ascii: text(f, 'name_ascii', 'districts'),
        type: name.startsWith('Thành phố') ? 'Thành phố' : 'Huyện',
        population,
        area_km2: areaKm2,
        // Same rounding as the commune file's density_2019, for one scale on the map.
        density_2019: Math.round(population / areaKm2),
        commune_count: num(f, 'n_communes_2019', 'districts'),
      },
      geometry: f.geometry,
    };
  });
  const communes = features(sources.communes, REAL_SOURCE_FILES.communes).map((f) => ({
    properties: {
      id: text(f, 'gso_code', 'communes'),
      name: text(f, 'name', 'communes'),
      name_ascii: text(f, 'name_ascii', 'communes'),
      type: text(f, 'type', 'communes'),
      district_id: text(f, 'district_code', 'communes'),
      population: num(f, 'pop_2019', 'communes'),
      area_km2: num(f, 'area_km2', 'communes'),
      density_2019: num(f, 'density_2019', 'communes'),
      label_lon: num(f, 'label_lon', 'communes'),
      label_lat: num(f, 'label_lat', 'communes'),
    },
    geometry: f.geometry,
  }));
  const coastline = features(sources.coastline, REAL_SOURCE_FILES.coastline).map((f, index) => ({
    properties: {
      id: `coastline-${index + 1}`,
      name: 'Đường bờ biển (Natural Earth 1:10m)',
      source: 'Natural Earth 1:10m',
    },
    geometry: f.geometry,
  }));
  return {
    [boundaryPath('province')]: featureCollectionText(province.sort(byId)),
    [boundaryPath('districts')]: featureCollectionText(districts.sort(byId)),
    [boundaryPath('communes')]: featureCollectionText(communes.sort(byId)),
    [boundaryPath('coastline')]: featureCollectionText(coastline),
  };
}

function areaGeometry(f: RawFeature, label: string): AreaGeometry {
  if (f.geometry.type !== 'Polygon' && f.geometry.type !== 'MultiPolygon') {
    throw new Error(`${label}: geometry ${f.geometry.type} is not a polygon`);
  }
  return f.geometry as AreaGeometry;
}

function areaUnit(f: RawFeature, label: string): AreaUnit {
  return {
    id: text(f, 'id', label),
    name: text(f, 'name', label),
    nameAscii: text(f, 'name_ascii', label),
    population: num(f, 'population', label),
    areaKm2: num(f, 'area_km2', label),
    geometry: areaGeometry(f, label),
  };
}

/** Reads the contract boundary files (texts keyed by kind) written by convertBoundaries. */
export function readBoundaries(texts: Record<BoundaryKind, string>): SynthesisBoundaries {
  const [province] = features(texts.province, boundaryPath('province')).map((f) =>
    areaUnit(f, boundaryPath('province')),
  );
  if (!province) throw new Error(`${boundaryPath('province')}: no feature`);
  const communeLabel = boundaryPath('communes');
  return {
    province,
    districts: features(texts.districts, boundaryPath('districts')).map((f) =>
      areaUnit(f, boundaryPath('districts')),
    ),
    communes: features(texts.communes, communeLabel).map((f) => ({
      ...areaUnit(f, communeLabel),
      type: text(f, 'type', communeLabel),
      districtId: text(f, 'district_id', communeLabel),
      densityPerKm2: num(f, 'density_2019', communeLabel),
      labelLon: num(f, 'label_lon', communeLabel),
      labelLat: num(f, 'label_lat', communeLabel),
    })),
    coastline: features(texts.coastline, boundaryPath('coastline')).map((f) => f.geometry as LineGeometry),
  };
}
