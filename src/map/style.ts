import type { StyleSpecification } from 'maplibre-gl';
import type { DatasetView } from '../domain/points/dataset-view.ts';
import { labelPoint } from '../domain/geo/label.ts';
import { bboxOfGeometry } from '../domain/geo/polygon.ts';
import type { Boundary } from '../domain/types.ts';
import { labelFontFaces, LABEL_FONT } from './fonts.ts';
import { CHOROPLETH_COLORS, COLORS } from './palette.ts';

type FeatureCollection = GeoJSON.FeatureCollection;

function areas(boundaries: Boundary[]): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: boundaries.map((b) => ({
      type: 'Feature',
      properties: { id: b.id, name: b.name },
      geometry: b.geometry,
    })),
  };
}

function labels(boundaries: Boundary[]): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: boundaries.map((b) => ({
      type: 'Feature',
      properties: { name: b.name, population: b.population ?? 0 },
      geometry: {
        type: 'Point',
        coordinates:
          b.labelLon !== undefined && b.labelLat !== undefined ? [b.labelLon, b.labelLat] : labelPoint(b.geometry),
      },
    })),
  };
}

/** The district fill of the chosen indicator, driven by feature state `cls` (palette.ts). */
export const CHOROPLETH_LAYER = 'district-coverage';

function choroplethStops(): [string, ...(number | string)[]] {
  const [first, ...rest] = CHOROPLETH_COLORS;
  return [first, ...rest.flatMap((color, i) => [i + 1, color])];
}

const halo = { 'text-color': COLORS.labelText, 'text-halo-color': COLORS.labelHalo, 'text-halo-width': 1.6 };

/** The data of the basemap's sources, by source id: all of them come from the data set. */
export function basemapData(dataset: DatasetView): Record<'province' | 'districts' | 'communes' | 'coastline' | 'district-labels' | 'commune-labels', FeatureCollection> {
  const communes = dataset.communes ?? [];
  return {
    province: areas(dataset.province),
    districts: areas(dataset.districts),
    communes: areas(communes),
    coastline: {
      type: 'FeatureCollection',
      features: (dataset.coastline ?? []).map((geometry) => ({ type: 'Feature', properties: {}, geometry })),
    },
    'district-labels': labels(dataset.districts),
    'commune-labels': labels(communes),
  };
}

/**
 * The offline basemap: water background, the province, districts and communes from the
 * dataset's own boundaries, the coastline, and Vietnamese labels drawn with a bundled font.
 * No `glyphs` or `sprite` URL, so nothing is fetched from outside.
 */
export function basemapStyle(dataset: DatasetView): StyleSpecification {
  const data = basemapData(dataset);
  return {
    version: 8,
    'font-faces': labelFontFaces(),
    sources: {
      province: { type: 'geojson', data: data.province },
      // Feature ids = district ids, so the choropleth can be set through feature state.
      districts: { type: 'geojson', data: data.districts, promoteId: 'id' },
      communes: { type: 'geojson', data: data.communes },
      coastline: { type: 'geojson', data: data.coastline },
      'district-labels': { type: 'geojson', data: data['district-labels'] },
      'commune-labels': { type: 'geojson', data: data['commune-labels'] },
    },
    layers: [
      { id: 'water', type: 'background', paint: { 'background-color': COLORS.water } },
      { id: 'province-fill', type: 'fill', source: 'province', paint: { 'fill-color': COLORS.land } },
      {
        id: CHOROPLETH_LAYER,
        type: 'fill',
        source: 'districts',
        paint: {
          'fill-color': [
            'case',
            ['==', ['feature-state', 'cls'], null],
            'rgba(0, 0, 0, 0)',
            ['step', ['feature-state', 'cls'], ...choroplethStops()],
          ],
          'fill-opacity': 0.6,
        },
      },
      {
        id: 'commune-lines',
        type: 'line',
        source: 'communes',
        paint: { 'line-color': COLORS.communeLine, 'line-width': ['interpolate', ['linear'], ['zoom'], 8, 0.4, 12, 1.2] },
      },
      {
        id: 'district-lines',
        type: 'line',
        source: 'districts',
        paint: { 'line-color': COLORS.districtLine, 'line-width': ['interpolate', ['linear'], ['zoom'], 8, 1.2, 12, 2.5] },
      },
      { id: 'coastline', type: 'line', source: 'coastline', paint: { 'line-color': COLORS.coastline, 'line-width': 1 } },
      {
        id: 'province-line',
        type: 'line',
        source: 'province',
        paint: { 'line-color': COLORS.provinceLine, 'line-width': 2 },
      },
      {
        id: 'commune-labels',
        type: 'symbol',
        source: 'commune-labels',
        minzoom: 9.6,
        layout: {
          'text-field': ['get', 'name'],
          'text-font': [LABEL_FONT],
          'text-size': ['interpolate', ['linear'], ['zoom'], 9.6, 10, 12, 13],
          'text-max-width': 7,
          'symbol-sort-key': ['-', 0, ['get', 'population']],
        },
        paint: { ...halo, 'text-color': '#5a4d3e' },
      },
      {
        id: 'district-labels',
        type: 'symbol',
        source: 'district-labels',
        layout: {
          'text-field': ['get', 'name'],
          'text-font': [LABEL_FONT],
          'text-size': ['interpolate', ['linear'], ['zoom'], 7, 11, 10, 16],
          'text-max-width': 8,
          'text-allow-overlap': false,
        },
        paint: halo,
      },
    ],
  };
}

/** Lon/lat bounds of the province, for the first view. */
export function provinceBounds(dataset: DatasetView): [[number, number], [number, number]] {
  const box = [Infinity, Infinity, -Infinity, -Infinity];
  for (const boundary of dataset.province) {
    const [w, s, e, n] = bboxOfGeometry(boundary.geometry);
    box[0] = Math.min(box[0] as number, w);
    box[1] = Math.min(box[1] as number, s);
    box[2] = Math.max(box[2] as number, e);
    box[3] = Math.max(box[3] as number, n);
  }
  const [w, s, e, n] = box as [number, number, number, number];
  return [
    [w, s],
    [e, n],
  ];
}
