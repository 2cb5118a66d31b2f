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
  outline: '#2b241d',
  tech2g3g: '#555555',
  tech4g: '#0072B2',
  tech5g: '#CC79A7',
  levelGood: '#009E73',
  levelWeak: '#E69F00',
  levelNone: '#D55E00',
  levelUnknown: '#9a9a9a',
  selection: '#000000',
} as const;

/** Hamlet coverage % classes of the district choropleth (light to dark blue, ColorBrewer Blues). */
export const CHOROPLETH_STEPS: readonly { from: number; color: string }[] = [
  { from: 0, color: '#eff3ff' },
  { from: 90, color: '#bdd7e7' },
  { from: 95, color: '#6baed6' },
  { from: 98, color: '#3182bd' },
  { from: 100, color: '#08519c' },
];

export function hexToRgb(hex: string): Rgb {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}
