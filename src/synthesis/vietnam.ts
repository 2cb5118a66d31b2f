// A simplified outline of Vietnam and ~60 simulated "districts" for the national-scale test
// dataset (national.ts). SIMULATED, NOT REAL BOUNDARIES: the outline is hand-drawn from a
// few dozen well-known border and coast points (about ±10 km, islands left out) and the
// regions "Vùng 01 (mô phỏng)"… ("N01"…) are bands across the country's S shape, split
// along their width; they follow no administrative line. For benchmarks and tests only.
import type { AreaGeometry, Position, Ring } from '../domain/types.ts';
import { ringAreaDeg2 } from '../domain/geo/polygon.ts';
import { round5 } from './serialize.ts';

// Both chains run from Móng Cái, at the China border on the Gulf of Tonkin, to Cape Cà Mau.
/** West side: the borders with China, Laos and Cambodia, then the Gulf of Thailand coast. */
const WEST: readonly Position[] = [
  [107.98, 21.54], [107.4, 21.62], [106.75, 21.97], [106.5, 22.4], [106.65, 22.85], // 0–4 Móng Cái to Cao Bằng
  [105.85, 22.95], [105.33, 23.39], [104.95, 23.1], [104.4, 22.8], [103.97, 22.5], // 5–9 Hà Giang, Lào Cai
  [103.4, 22.75], [103.05, 22.55], [102.45, 22.75], [102.14, 22.4], [102.3, 21.95], // 10–14 Lai Châu, Điện Biên
  [102.95, 21.3], [103.55, 20.8], [104.35, 20.45], [104.65, 20.05], [103.9, 19.3], // 15–19 Sơn La, Thanh Hóa
  [104.75, 18.8], [105.25, 18.45], [105.7, 18.05], [106.05, 17.7], [106.35, 17.2], // 20–24 Nghệ An to Quảng Bình
  [106.55, 16.65], [107.05, 16.25], [107.3, 15.85], [107.45, 15.3], [107.55, 14.7], // 25–29 Quảng Trị to Kon Tum
  [107.4, 14.2], [107.5, 13.6], [107.5, 13.0], [107.6, 12.45], [107.35, 12.15], // 30–34 Gia Lai to Đắk Nông
  [106.95, 12.05], [106.45, 11.85], [106.0, 11.7], [105.85, 11.25], [105.85, 10.95], // 35–39 Bình Phước, Tây Ninh
  [105.4, 10.95], [105.05, 10.75], [104.48, 10.4], [104.65, 10.15], [105.05, 10.0], // 40–44 Đồng Tháp to Rạch Giá
  [104.92, 9.6], [104.8, 9.25], [104.8, 8.85], [104.72, 8.6], // 45–48 Kiên Giang, Cà Mau, the cape
];

/** East side: the Gulf of Tonkin and East Sea coast. */
const EAST: readonly Position[] = [
  [107.98, 21.54], [107.35, 21.1], [106.8, 20.7], [106.55, 20.25], [106.15, 19.95], // 0–4 Quảng Ninh to Nam Định
  [105.85, 19.55], [105.75, 18.9], [106.05, 18.4], [106.4, 18.0], [106.65, 17.45], // 5–9 Thanh Hóa to Đồng Hới
  [107.1, 16.9], [107.65, 16.55], [108.25, 16.05], [108.7, 15.45], [108.9, 15.1], // 10–14 Quảng Trị to Quảng Ngãi
  [109.05, 14.55], [109.25, 13.75], [109.32, 13.05], [109.45, 12.65], [109.2, 12.25], // 15–19 Bình Định to Nha Trang
  [109.2, 11.85], [109.0, 11.4], [108.35, 10.95], [107.75, 10.65], [107.1, 10.35], // 20–24 Cam Ranh to Vũng Tàu
  [106.75, 10.3], [106.65, 9.95], [106.5, 9.55], [106.15, 9.35], [105.75, 9.1], // 25–29 Gò Công to Bạc Liêu
  [105.35, 8.75], [104.72, 8.6], // 30–31 Đầm Dơi, the cape
];

/**
 * Chords across the country, north to south: [west index, east index, parts], where
 * `parts` is how many regions the band ending at that chord is split into along its width.
 */
const CUTS: readonly Chord[] = [
  [2, 1, 1], [5, 2, 2], [8, 3, 4], [12, 3, 3], [15, 4, 4], [17, 5, 3], [18, 6, 2], [21, 7, 3], [23, 9, 2],
  [25, 10, 2], [26, 11, 1], [27, 12, 2], [28, 13, 2], [29, 15, 3], [31, 16, 3], [32, 17, 2],
  [33, 19, 3], [35, 20, 2], [36, 22, 3], [38, 24, 3], [40, 26, 3], [42, 27, 3], [45, 29, 2],
  [48, 31, 1],
];

export interface SimulatedRegion {
  id: string;
  name: string;
  geometry: AreaGeometry & { type: 'Polygon' };
}

/** The outline as one counter-clockwise ring: along the west side, back up the east side. */
export function vietnamOutline(): AreaGeometry & { type: 'Polygon' } {
  const ring: Ring = [...WEST, ...EAST.slice(0, -1).reverse()].map(([lon, lat]): Position => [lon, lat]);
  return { type: 'Polygon', coordinates: [ring] };
}

const lerp = (a: Position, b: Position, t: number): Position => [
  round5(a[0] + (b[0] - a[0]) * t),
  round5(a[1] + (b[1] - a[1]) * t),
];

/** Closes the ring, dropping repeated consecutive positions. */
function closed(points: Position[]): Ring {
  const ring: Ring = [];
  for (const p of points) {
    const last = ring[ring.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) ring.push(p);
  }
  const first = ring[0] as Position;
  const last = ring[ring.length - 1] as Position;
  if (first[0] !== last[0] || first[1] !== last[1]) ring.push([first[0], first[1]]);
  return ring;
}

type Chord = readonly [west: number, east: number, parts: number];

const chordPoint = ([w, e]: Chord, t: number): Position => lerp(WEST[w] as Position, EAST[e] as Position, t);

/**
 * Where the band between two chords is split, as fractions along both chords: each part
 * of (about) equal area, so that a band that narrows toward one end has no slivers.
 */
function bandSplits(top: Chord, bottom: Chord): number[] {
  const westSide = WEST.slice(top[0], bottom[0] + 1);
  const areaUpTo = (t: number): number => ringAreaDeg2(closed([...westSide, chordPoint(bottom, t), chordPoint(top, t)]));
  const total = ringAreaDeg2(closed([...westSide, ...EAST.slice(top[1], bottom[1] + 1).reverse()]));
  // A side that bulges out (a salient) stays whole in the first part, whatever its size.
  const least = areaUpTo(0);
  const splits: number[] = [];
  for (let k = 1; k < bottom[2]; k++) {
    let lo = 0;
    let hi = 1;
    for (let i = 0; i < 30; i++) {
      const mid = (lo + hi) / 2;
      if (areaUpTo(mid) < least + ((total - least) * k) / bottom[2]) lo = mid;
      else hi = mid;
    }
    splits.push(Math.round(lo * 1e6) / 1e6);
  }
  return splits;
}

/** The regions, which tile the outline exactly (neighbours share their vertices). */
export function simulatedRegions(): SimulatedRegion[] {
  const chords: Chord[] = [[0, 0, 0], ...CUTS];
  const splits = chords.map((chord, c) => (c === 0 ? [] : bandSplits(chords[c - 1] as Chord, chord)));
  // Split fractions on each chord: those of the band above and of the band below, so that
  // both bands put vertices at the same places along it.
  const fractions = chords.map((_, c) => [...new Set([0, 1, ...(splits[c] ?? []), ...(splits[c + 1] ?? [])])].sort((a, b) => a - b));
  const along = (c: number, from: number, to: number): Position[] => {
    const list = (fractions[c] as number[]).filter((t) => t >= Math.min(from, to) && t <= Math.max(from, to));
    if (from > to) list.reverse();
    return list.map((t) => chordPoint(chords[c] as Chord, t));
  };
  const regions: SimulatedRegion[] = [];
  for (let c = 1; c < chords.length; c++) {
    const [w0, e0] = chords[c - 1] as Chord;
    const [w1, e1, parts] = chords[c] as Chord;
    const bounds = [0, ...(splits[c] as number[]), 1];
    for (let j = 0; j < parts; j++) {
      const t0 = bounds[j] as number;
      const t1 = bounds[j + 1] as number;
      const westSide = j === 0 ? WEST.slice(w0, w1 + 1) : [];
      const eastSide = j === parts - 1 ? EAST.slice(e0, e1 + 1).reverse() : [];
      const ring = closed([...westSide, ...along(c, t0, t1), ...eastSide, ...along(c - 1, t1, t0)]);
      const n = String(regions.length + 1).padStart(2, '0');
      regions.push({ id: `N${n}`, name: `Vùng ${n} (mô phỏng)`, geometry: { type: 'Polygon', coordinates: [ring] } });
    }
  }
  return regions;
}

/** Approximate area in km² (equirectangular at the ring's mean latitude). */
export function areaKm2(ring: Ring): number {
  const meanLat = ring.reduce((s, p) => s + p[1], 0) / ring.length;
  return ringAreaDeg2(ring) * 110.574 * 111.32 * Math.cos((meanLat * Math.PI) / 180);
}
