// Okabe-Ito colours, safe for the common colour-vision deficiencies; every category
// also differs in shape (circle, square, triangle) or fill (solid, hollow, arrow).
export type Rgb = [number, number, number];

export const COLORS = {
  water: '#a9cde0',
  land: '#f6f3ec',
  communeLine: '#c4b8a4',
  districtLine: '#6f604c',
  provinceLine: '#3b3128',
  coastline: '#3f7ea6',
  labelText: '#2b241d',
  labelHalo: '#ffffff',
  hamlet: '#E69F00',
  school: '#CC79A7',
  outline: '#2b241d',
  tech2g3g: '#555555',
  tech4g: '#0072B2',
  tech5g: '#009E73',
} as const;

export function hexToRgb(hex: string): Rgb {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}
