// Small planar helpers for placing points. At Cà Mau's size (about 130 km across, 9° N) a
// local equirectangular projection is within a fraction of a percent of haversine, which
// is plenty for spacing and margins; coverage itself always uses haversineKm.
import type { AreaGeometry, LineGeometry, Position } from '../domain/types.ts';
import { pointInGeometry } from '../domain/geo/polygon.ts';
import type { Random } from './random.ts';
import { round5 } from './serialize.ts';

const KM_PER_DEGREE_LAT = 110.574;
const KM_PER_DEGREE_LON_EQUATOR = 111.32;

function kmPerDegreeLon(lat: number): number {
  return KM_PER_DEGREE_LON_EQUATOR * Math.cos((lat * Math.PI) / 180);
}

/** The point `eastKm` east and `northKm` north of [lon, lat], rounded to 5 decimals. */
export function offsetKm(lon: number, lat: number, eastKm: number, northKm: number): Position {
  return [round5(lon + eastKm / kmPerDegreeLon(lat)), round5(lat + northKm / KM_PER_DEGREE_LAT)];
}

/** Planar distance in km, for spacing only. */
export function planarKm(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const dx = (lon2 - lon1) * kmPerDegreeLon((lat1 + lat2) / 2);
  const dy = (lat2 - lat1) * KM_PER_DEGREE_LAT;
  return Math.hypot(dx, dy);
}

function segmentKm(lon: number, lat: number, a: Position, b: Position): number {
  const kx = kmPerDegreeLon(lat);
  const ax = (a[0] - lon) * kx;
  const ay = (a[1] - lat) * KM_PER_DEGREE_LAT;
  const bx = (b[0] - lon) * kx;
  const by = (b[1] - lat) * KM_PER_DEGREE_LAT;
  const dx = bx - ax;
  const dy = by - ay;
  const lengthSquared = dx * dx + dy * dy;
  const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / lengthSquared));
  return Math.hypot(ax + t * dx, ay + t * dy);
}

function polylineKm(lon: number, lat: number, line: readonly Position[]): number {
  let best = Infinity;
  for (let i = 1; i < line.length; i++) {
    best = Math.min(best, segmentKm(lon, lat, line[i - 1] as Position, line[i] as Position));
  }
  return best;
}

/** Distance in km from a point to the nearest edge of any ring (outer or hole). */
export function distanceToBoundaryKm(lon: number, lat: number, geometry: AreaGeometry): number {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let best = Infinity;
  for (const polygon of polygons) for (const ring of polygon) best = Math.min(best, polylineKm(lon, lat, ring));
  return best;
}

/** Distance in km from a point to the nearest of some lines. */
export function distanceToLinesKm(lon: number, lat: number, lines: readonly LineGeometry[]): number {
  let best = Infinity;
  for (const line of lines) {
    const parts = line.type === 'LineString' ? [line.coordinates] : line.coordinates;
    for (const part of parts) best = Math.min(best, polylineKm(lon, lat, part));
  }
  return best;
}

/** Every vertex of the outer rings, for "does this area come near that line" questions. */
export function outerVertices(geometry: AreaGeometry): Position[] {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return polygons.flatMap((polygon) => polygon[0] ?? []);
}

/**
 * True when the (already rounded) point lies inside the area and at least `marginKm` from
 * its edges, so it stays strictly inside whatever tool later tests it.
 */
export function insideWithMargin(lon: number, lat: number, geometry: AreaGeometry, marginKm: number): boolean {
  return pointInGeometry(lon, lat, geometry) && distanceToBoundaryKm(lon, lat, geometry) >= marginKm;
}

/** A uniform random point in the disc of `radiusKm` around [lon, lat], rounded. */
export function randomPointNear(lon: number, lat: number, radiusKm: number, random: Random): Position {
  const angle = random.range(0, 2 * Math.PI);
  const distance = radiusKm * Math.sqrt(random.next());
  return offsetKm(lon, lat, distance * Math.cos(angle), distance * Math.sin(angle));
}
