// A simulated land cover for Cà Mau (contract rule 8's `boundaries/landcover.geojson`): no
// open land-cover layer at this scale ships with the project, so it is drawn from the real
// boundaries and what is known of the province: Cà Mau city's wards are urban, the district
// towns (thị trấn) suburban, and forest is the mangrove belt along the coasts, the melaleuca
// of U Minh Hạ and the mangroves of Năm Căn and Ngọc Hiển outside their towns. Everything
// else is left out, so it is rural (the contract's default).
//
// Towns are their commune polygons (about 30 vertices each); forest is a raster of 0.01°
// cells (about 1.1 km) merged into one rectangle per run of cells along a row, so the file
// stays small and every polygon simple. Towns come first in the file: the first polygon that
// holds a point gives its class. Deterministic: the same boundaries give the same bytes.
import { pointInGeometry } from '../domain/geo/polygon.ts';
import type { AreaGeometry, ClutterClass, PolygonCoordinates } from '../domain/types.ts';
import type { CommuneUnit, SynthesisBoundaries } from './boundaries.ts';
import { distanceToLinesKm } from './geometry.ts';
import { isUrbanType } from './regions.ts';
import { featureCollectionText, round5 } from './serialize.ts';

/** U Minh Hạ's melaleuca communes (as regions.ts). */
const U_MINH_HA_IDS = new Set(['32048', '32053', '32056', '32059', '32101', '32107']);
/** Năm Căn and Ngọc Hiển: mangrove districts. */
const MANGROVE_DISTRICT_IDS = new Set(['971', '973']);
const CITY_DISTRICT_ID = '964';
/** The coastal mangrove belt, km from the coastline. */
const COASTAL_BELT_KM = 2.5;
const CELL_DEG = 0.01;

export interface SimulatedLandcover {
  clutter: ClutterClass;
  /** Shown in the app and the file; every name says "mô phỏng" (simulated). */
  name: string;
  geometry: AreaGeometry;
}

type ForestKind = 'coast' | 'melaleuca' | 'mangrove';

const FOREST_NAMES: Record<ForestKind, string> = {
  coast: 'Rừng ngập mặn ven biển (mô phỏng)',
  melaleuca: 'Rừng tràm U Minh Hạ (mô phỏng)',
  mangrove: 'Rừng ngập mặn Năm Căn – Ngọc Hiển (mô phỏng)',
};

function communeAt(communes: readonly CommuneUnit[], lon: number, lat: number): CommuneUnit | undefined {
  return communes.find((c) => pointInGeometry(lon, lat, c.geometry));
}

/** The forest kind of a cell centre, undefined when it is not forest. */
function forestAt(boundaries: SynthesisBoundaries, lon: number, lat: number): ForestKind | undefined {
  if (!pointInGeometry(lon, lat, boundaries.province.geometry)) return undefined;
  const commune = communeAt(boundaries.communes, lon, lat);
  if (commune !== undefined && isUrbanType(commune.type)) return undefined;
  if (distanceToLinesKm(lon, lat, boundaries.coastline) <= COASTAL_BELT_KM) return 'coast';
  if (commune === undefined) return undefined;
  if (U_MINH_HA_IDS.has(commune.id)) return 'melaleuca';
  if (MANGROVE_DISTRICT_IDS.has(commune.districtId)) return 'mangrove';
  return undefined;
}

const rectangle = (x0: number, y0: number, x1: number, y1: number): PolygonCoordinates => [
  [
    [x0, y0],
    [x1, y0],
    [x1, y1],
    [x0, y1],
    [x0, y0],
  ],
];

/** Towns first (city wards urban, district towns suburban), then the three kinds of forest. */
export function simulateLandcover(boundaries: SynthesisBoundaries): SimulatedLandcover[] {
  const towns = boundaries.communes
    .filter((c) => isUrbanType(c.type))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((c): SimulatedLandcover => {
      const urban = c.districtId === CITY_DISTRICT_ID;
      return { clutter: urban ? 'urban' : 'suburban', name: `${c.name} (${urban ? 'đô thị' : 'thị trấn'}, mô phỏng)`, geometry: c.geometry };
    });

  const [west, south, east, north] = bbox(boundaries.province.geometry);
  const x0 = Math.floor(west / CELL_DEG) * CELL_DEG;
  const y0 = Math.floor(south / CELL_DEG) * CELL_DEG;
  const cols = Math.ceil((east - x0) / CELL_DEG);
  const rows = Math.ceil((north - y0) / CELL_DEG);
  const runs: Record<ForestKind, PolygonCoordinates[]> = { coast: [], melaleuca: [], mangrove: [] };
  for (let r = 0; r < rows; r++) {
    const lat = y0 + (r + 0.5) * CELL_DEG;
    let start = 0;
    let kind: ForestKind | undefined;
    for (let c = 0; c <= cols; c++) {
      const here = c < cols ? forestAt(boundaries, x0 + (c + 0.5) * CELL_DEG, lat) : undefined;
      if (here === kind) continue;
      if (kind !== undefined) {
        runs[kind].push(rectangle(round5(x0 + start * CELL_DEG), round5(y0 + r * CELL_DEG), round5(x0 + c * CELL_DEG), round5(y0 + (r + 1) * CELL_DEG)));
      }
      kind = here;
      start = c;
    }
  }
  const forests = (['coast', 'melaleuca', 'mangrove'] as const)
    .filter((kind) => runs[kind].length > 0)
    .map((kind): SimulatedLandcover => ({ clutter: 'forest', name: FOREST_NAMES[kind], geometry: { type: 'MultiPolygon', coordinates: runs[kind] } }));
  return [...towns, ...forests];
}

function bbox(geometry: AreaGeometry): [number, number, number, number] {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  for (const polygon of polygons) {
    for (const [lon, lat] of polygon[0] ?? []) {
      w = Math.min(w, lon);
      e = Math.max(e, lon);
      s = Math.min(s, lat);
      n = Math.max(n, lat);
    }
  }
  return [w, s, e, n];
}

/** boundaries/landcover.geojson: `class`, `name` and `synthetic: true` per feature. */
export function landcoverText(areas: readonly SimulatedLandcover[]): string {
  return featureCollectionText(areas.map((a) => ({ properties: { class: a.clutter, name: a.name, synthetic: true }, geometry: a.geometry })));
}
