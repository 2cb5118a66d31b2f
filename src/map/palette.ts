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
  chartMeasured: '#0072B2',
  chartTarget: '#555555',
  chartTrend: '#CC79A7',
  chartDeadline: '#D55E00',
  chartAsOf: '#000000',
  chartSchedule: '#009E73',
} as const;

/** District choropleth classes, light to dark blue (ColorBrewer Blues). */
export const CHOROPLETH_COLORS = ['#eff3ff', '#bdd7e7', '#6baed6', '#3182bd', '#08519c'] as const;

/**
 * Lower bounds of classes 1-4 per indicator: coverage sits in the 90s, so its classes are
 * narrow there; the equipped share spans 0-100.
 */
export const CHOROPLETH_BREAKS: Readonly<Record<string, readonly number[]>> = {
  hamlets_good_pct: [90, 95, 98, 100],
  population_good_pct: [90, 95, 98, 100],
  schools_good_pct: [90, 95, 98, 100],
  students_in_need_equipped_pct: [25, 50, 75, 100],
};

/** The class (0-4) of a value, or null for no value. */
export function choroplethClass(value: number | null, breaks: readonly number[]): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  let cls = 0;
  for (const b of breaks) if (value >= b) cls++;
  return cls;
}

export function hexToRgb(hex: string): Rgb {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}
