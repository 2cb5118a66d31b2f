import type { AreaGeometry, PolygonCoordinates, Position } from '../types.ts';
import { pointInGeometry, ringAreaDeg2 } from './polygon.ts';

function largestPolygon(geometry: AreaGeometry): PolygonCoordinates {
  if (geometry.type === 'Polygon') return geometry.coordinates;
  let best = geometry.coordinates[0] ?? [];
  for (const polygon of geometry.coordinates) {
    if (ringAreaDeg2(polygon[0] ?? []) > ringAreaDeg2(best[0] ?? [])) best = polygon;
  }
  return best;
}

/** Crossings of the horizontal line at `lat` with every ring of the polygon, sorted by lon. */
function crossings(polygon: PolygonCoordinates, lat: number): number[] {
  const xs: number[] = [];
  for (const ring of polygon) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const a = ring[i] as Position;
      const b = ring[j] as Position;
      if (a[1] > lat !== b[1] > lat) xs.push(a[0] + ((lat - a[1]) * (b[0] - a[0])) / (b[1] - a[1]));
    }
  }
  return xs.sort((p, q) => p - q);
}

/**
 * A point inside the geometry to hang its label on: the middle of the widest inside span
 * of its largest polygon, scanning a few latitudes around the middle. Unlike the centroid,
 * it is never outside a crescent-shaped or coastal district.
 */
export function labelPoint(geometry: AreaGeometry): Position {
  const polygon = largestPolygon(geometry);
  const outer = polygon[0] ?? [];
  let minLat = Infinity;
  let maxLat = -Infinity;
  for (const [, lat] of outer) {
    minLat = Math.min(minLat, lat);
    maxLat = Math.max(maxLat, lat);
  }
  let best: Position = outer[0] ?? [0, 0];
  let bestScore = -Infinity;
  const steps = 15;
  for (let s = 1; s < steps; s++) {
    const lat = minLat + ((maxLat - minLat) * s) / steps;
    const xs = crossings(polygon, lat);
    // Prefer wide spans near the vertical middle, so labels sit centrally.
    const centrality = 1 - Math.abs(s / steps - 0.5);
    for (let k = 0; k + 1 < xs.length; k += 2) {
      const width = (xs[k + 1] as number) - (xs[k] as number);
      const score = width * centrality;
      if (score > bestScore) {
        bestScore = score;
        best = [((xs[k] as number) + (xs[k + 1] as number)) / 2, lat];
      }
    }
  }
  return pointInGeometry(best[0], best[1], geometry) ? best : (outer[0] ?? best);
}
