// A flat projection that fits an area into a box, for the printed report's map: the report
// frames the province (or a district) whatever the screen's camera shows. Over a province
// (a few degrees) an equirectangular projection scaled by cos(latitude) is within a fraction
// of a percent of Web Mercator's shapes, and needs no library.
import type { AreaGeometry, Position } from '../types.ts';

export interface Bounds {
  minLon: number;
  minLat: number;
  maxLon: number;
  maxLat: number;
}

export interface Fit {
  /** Box width and height, in the box's units. */
  width: number;
  height: number;
  x: (lon: number) => number;
  y: (lat: number) => number;
}

export function boundsOf(geometries: readonly AreaGeometry[]): Bounds | undefined {
  let minLon = Infinity;
  let minLat = Infinity;
  let maxLon = -Infinity;
  let maxLat = -Infinity;
  const visit = (p: Position) => {
    if (p[0] < minLon) minLon = p[0];
    if (p[0] > maxLon) maxLon = p[0];
    if (p[1] < minLat) minLat = p[1];
    if (p[1] > maxLat) maxLat = p[1];
  };
  for (const g of geometries) {
    const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    for (const polygon of polygons) for (const ring of polygon) ring.forEach(visit);
  }
  return minLon <= maxLon && minLat <= maxLat ? { minLon, minLat, maxLon, maxLat } : undefined;
}

/**
 * Fits `bounds` into a `width` × `height` box with a margin (a share of the box), keeping
 * shapes (one scale for both axes) and centring the area; north is up.
 */
export function fitBounds(bounds: Bounds, width: number, height: number, margin = 0.03): Fit {
  const midLat = ((bounds.minLat + bounds.maxLat) / 2) * (Math.PI / 180);
  const kx = Math.cos(midLat);
  const spanX = Math.max((bounds.maxLon - bounds.minLon) * kx, 1e-9);
  const spanY = Math.max(bounds.maxLat - bounds.minLat, 1e-9);
  const innerW = width * (1 - 2 * margin);
  const innerH = height * (1 - 2 * margin);
  const scale = Math.min(innerW / spanX, innerH / spanY);
  const offX = (width - spanX * scale) / 2;
  const offY = (height - spanY * scale) / 2;
  return {
    width,
    height,
    x: (lon) => offX + (lon - bounds.minLon) * kx * scale,
    y: (lat) => offY + (bounds.maxLat - lat) * scale,
  };
}

/** SVG path data of an area, rounded to a tenth of a unit, dropping points that round together. */
export function areaPath(geometry: AreaGeometry, fit: Fit): string {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const parts: string[] = [];
  for (const polygon of polygons) {
    for (const ring of polygon) {
      let last = '';
      const points: string[] = [];
      for (const p of ring) {
        const at = `${fit.x(p[0]).toFixed(1)} ${fit.y(p[1]).toFixed(1)}`;
        if (at !== last) points.push(at);
        last = at;
      }
      // The closing point repeats the first: Z closes the ring.
      if (points.length > 1 && points[points.length - 1] === points[0]) points.pop();
      if (points.length >= 3) parts.push(`M${points.join('L')}Z`);
    }
  }
  return parts.join('');
}
