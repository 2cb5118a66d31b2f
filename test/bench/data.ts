// Seeded random data for the coverage benchmark (and for tests that want big inputs).
// Deterministic: the same seed and sizes give the same towers and points, bit for bit.
import type { Technology, Tower } from '../../src/domain/types.ts';
import type { PointColumns } from '../../src/domain/coverage/columns.ts';

/** mulberry32: a small, fast, seeded PRNG with values in [0, 1). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Extent {
  name: string;
  west: number;
  east: number;
  south: number;
  north: number;
}

/** Cà Mau province's bounding box, about 88 km × 133 km. */
export const CA_MAU: Extent = { name: 'Cà Mau', west: 104.7, east: 105.5, south: 8.4, north: 9.6 };
/** The Mekong delta, about 264 km × 289 km (~6.5 × Cà Mau's box). */
export const MEKONG: Extent = { name: 'Mekong delta', west: 104.4, east: 106.8, south: 8.4, north: 11.0 };
/** Vietnam's bounding box, about 810 km × 1660 km. */
export const VIETNAM: Extent = { name: 'Vietnam', west: 102.1, east: 109.5, south: 8.4, north: 23.4 };

/** Standard normal deviate (Box–Muller). */
function gauss(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

const KM_PER_DEG_LAT = 111.195;

/**
 * n positions in the extent: `clustered` of them around random centres (towns; Gaussian,
 * σ = `sigmaKm`), the rest uniform over the box. Clustered positions are clipped to the box.
 */
function positions(random: () => number, n: number, extent: Extent, clustered: number, sigmaKm: number) {
  const lon = new Float64Array(n);
  const lat = new Float64Array(n);
  const centres = Math.max(1, Math.round(n / 200));
  const cLon = Float64Array.from({ length: centres }, () => extent.west + random() * (extent.east - extent.west));
  const cLat = Float64Array.from({ length: centres }, () => extent.south + random() * (extent.north - extent.south));
  for (let i = 0; i < n; i++) {
    if (random() < clustered) {
      const c = Math.floor(random() * centres);
      const y = cLat[c]! + (gauss(random) * sigmaKm) / KM_PER_DEG_LAT;
      const x = cLon[c]! + (gauss(random) * sigmaKm) / (KM_PER_DEG_LAT * Math.cos((y * Math.PI) / 180));
      lon[i] = Math.min(extent.east, Math.max(extent.west, x));
      lat[i] = Math.min(extent.north, Math.max(extent.south, y));
    } else {
      lon[i] = extent.west + random() * (extent.east - extent.west);
      lat[i] = extent.south + random() * (extent.north - extent.south);
    }
  }
  return { lon, lat };
}

/**
 * n existing towers: 70% 4G (default radius 4 km), 10% 5G (1.5 km), 12% 3G (5 km), 8% 2G
 * (8 km); 30% of them clustered around towns (σ 3 km), the rest uniform over the box.
 */
export function randomTowers(seed: number, n: number, extent: Extent): Tower[] {
  const random = rng(seed);
  const { lon, lat } = positions(random, n, extent, 0.3, 3);
  const towers: Tower[] = [];
  for (let i = 0; i < n; i++) {
    const r = random();
    const technology: Technology = r < 0.7 ? '4G' : r < 0.8 ? '5G' : r < 0.92 ? '3G' : '2G';
    towers.push({
      id: `T${String(i).padStart(6, '0')}`,
      lon: lon[i]!,
      lat: lat[i]!,
      operator: 'Bench',
      status: 'existing',
      technology,
      synthetic: true,
    });
  }
  return towers;
}

/**
 * n points (hamlets then schools: the last 5% are schools, 10% of them with fixed
 * broadband); 70% clustered around villages (σ 2 km), the rest uniform over the box.
 */
export function randomPoints(seed: number, n: number, extent: Extent): PointColumns {
  const random = rng(seed);
  const { lon, lat } = positions(random, n, extent, 0.7, 2);
  const fixedBroadband = new Uint8Array(n);
  const schools = Math.floor(n * 0.05);
  for (let i = n - schools; i < n; i++) fixedBroadband[i] = random() < 0.1 ? 1 : 0;
  return { count: n, lon, lat, fixedBroadband };
}
