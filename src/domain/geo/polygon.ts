import type { AreaGeometry, PolygonCoordinates, Position, Ring } from '../types.ts';

/** [minLon, minLat, maxLon, maxLat] in degrees. */
export type BBox = [number, number, number, number];

export function bboxOfGeometry(geometry: AreaGeometry): BBox {
  const box: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  for (const polygon of polygons) {
    for (const [lon, lat] of polygon[0] ?? []) {
      if (lon < box[0]) box[0] = lon;
      if (lat < box[1]) box[1] = lat;
      if (lon > box[2]) box[2] = lon;
      if (lat > box[3]) box[3] = lat;
    }
  }
  return box;
}

// Exact test for a point lying on segment a-b (collinear and within its extent).
function onSegment(x: number, y: number, a: Position, b: Position): boolean {
  const cross = (b[0] - a[0]) * (y - a[1]) - (b[1] - a[1]) * (x - a[0]);
  if (cross !== 0) return false;
  return (
    x >= Math.min(a[0], b[0]) &&
    x <= Math.max(a[0], b[0]) &&
    y >= Math.min(a[1], b[1]) &&
    y <= Math.max(a[1], b[1])
  );
}

/** -1 outside, 0 on the boundary, 1 strictly inside (even-odd ray casting). */
function ringSide(x: number, y: number, ring: Ring): -1 | 0 | 1 {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[i] as Position;
    const b = ring[j] as Position;
    if (onSegment(x, y, a, b)) return 0;
    if (a[1] > y !== b[1] > y && x < ((b[0] - a[0]) * (y - a[1])) / (b[1] - a[1]) + a[0]) {
      inside = !inside;
    }
  }
  return inside ? 1 : -1;
}

function inPolygon(x: number, y: number, polygon: PolygonCoordinates): boolean {
  const outer = polygon[0];
  if (!outer) return false;
  const side = ringSide(x, y, outer);
  if (side === -1) return false;
  if (side === 0) return true;
  for (let h = 1; h < polygon.length; h++) {
    // A point on a hole's edge touches the polygon's boundary: inside by contract rule 7.
    if (ringSide(x, y, polygon[h] as Ring) === 1) return false;
  }
  return true;
}

/** True when [lon, lat] is inside the polygon or on its boundary (boundary counts as inside). */
export function pointInGeometry(lon: number, lat: number, geometry: AreaGeometry): boolean {
  if (geometry.type === 'Polygon') return inPolygon(lon, lat, geometry.coordinates);
  return geometry.coordinates.some((polygon) => inPolygon(lon, lat, polygon));
}

/** Planar area of a ring in square degrees (shoelace), positive whatever its winding. */
export function ringAreaDeg2(ring: Ring): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[i] as Position;
    const b = ring[j] as Position;
    sum += (b[0] - a[0]) * (b[1] + a[1]);
  }
  return Math.abs(sum / 2);
}
