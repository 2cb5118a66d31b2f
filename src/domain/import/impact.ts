// What an import would do to the data on screen, before it is taken: the count of each layer
// before and after, how many of the new features lie in the province, and the share of
// hamlets with good signal. A header-only CSV once emptied the hamlets, and an OpenCelliD file
// with no cell in Vietnam replaced every tower (good coverage 99,1 % → 0,0 %) behind a note:
// such an import now asks first, showing these figures.
import { classify } from '../coverage/classify.ts';
import { LEVEL_GOOD, onAirTowers, pointColumns } from '../coverage/columns.ts';
import { districtIndexOf, locateDistricts, lonLatOf } from '../coverage/districts.ts';
import type { Boundary, Dataset } from '../types.ts';

export const IMPACT_LAYERS = ['hamlets', 'schools', 'towers', 'districts', 'communes'] as const;
export type ImpactLayer = (typeof IMPACT_LAYERS)[number];

export interface LayerImpact {
  layer: ImpactLayer;
  before: number;
  after: number;
  /** Points only: how many of the new layer's features lie inside the province. */
  insideAfter?: number;
}

export type ImportRisk =
  | { code: 'import-empties-layer'; layer: ImpactLayer; before: number }
  | { code: 'import-removes-most'; layer: ImpactLayer; before: number; after: number }
  | { code: 'import-none-inside'; layer: ImpactLayer; after: number };

/** What an import does to each layer, and what needs the user's explicit word: counts only, at once. */
export interface LayersImpact {
  layers: LayerImpact[];
  /** Empty when nothing needs the user's explicit word. */
  risks: ImportRisk[];
}

/** Share of hamlets (0-100) with good signal in the `current` scenario, before and after; null without hamlets, or when unknown. */
export interface GoodShares {
  before: number | null;
  after: number | null;
}

/** The whole impact: the layers at once, the shares after a coverage pass of each data set. */
export interface ImportImpact extends LayersImpact {
  hamletsGoodPct: GoodShares;
}

/** A layer that keeps less than this share of its features "removes most" of it. */
export const REMOVES_MOST_SHARE = 0.5;

function counts(dataset: Dataset): Record<ImpactLayer, number> {
  return {
    hamlets: dataset.hamlets.length,
    schools: dataset.schools.length,
    towers: dataset.towers.length,
    districts: dataset.districts.length,
    communes: dataset.communes?.length ?? 0,
  };
}

/** Points inside any of the areas (boundary inclusive), through the district join's raster. */
function countInside(points: readonly { lon: number; lat: number }[], areas: readonly Boundary[]): number {
  const { lon, lat } = lonLatOf(points);
  const where = locateDistricts(districtIndexOf(areas), lon, lat);
  let inside = 0;
  for (let i = 0; i < where.length; i++) if ((where[i] as number) >= 0) inside++;
  return inside;
}

/**
 * The levels `hamletsGoodPct` reads: in `current`, every operator's towers, rule 2's radii,
 * hamlets first (schools may follow). An engine that holds them already passes them in.
 */
export interface CurrentLevels {
  before?: Uint8Array;
  after?: Uint8Array;
}

function hamletsGoodPct(dataset: Dataset, known?: Uint8Array): number | null {
  const hamlets = dataset.hamlets.length;
  if (hamlets === 0) return null;
  const level = known ?? classify(pointColumns(dataset.hamlets, []), onAirTowers(dataset.towers, 'current')).level;
  let good = 0;
  for (let i = 0; i < hamlets; i++) if (level[i] === LEVEL_GOOD) good++;
  return (100 * good) / dataset.hamlets.length;
}

const POINT_LAYERS: Partial<Record<ImpactLayer, (d: Dataset) => readonly { lon: number; lat: number }[]>> = {
  hamlets: (d) => d.hamlets,
  schools: (d) => d.schools,
  towers: (d) => d.towers,
};

/** The layers' side of replacing `before` with `after`; `changed`: the layers the import touches. */
export function layersImpact(before: Dataset, after: Dataset, changed: readonly ImpactLayer[] = IMPACT_LAYERS): LayersImpact {
  const was = counts(before);
  const now = counts(after);
  const province = after.province;
  const layers: LayerImpact[] = [];
  const risks: ImportRisk[] = [];
  for (const layer of IMPACT_LAYERS) {
    const row: LayerImpact = { layer, before: was[layer], after: now[layer] };
    const points = POINT_LAYERS[layer];
    if (points && changed.includes(layer)) row.insideAfter = countInside(points(after), province);
    layers.push(row);
    if (!changed.includes(layer) || row.before === 0) continue;
    if (row.after === 0) risks.push({ code: 'import-empties-layer', layer, before: row.before });
    else if (row.after < row.before * REMOVES_MOST_SHARE) risks.push({ code: 'import-removes-most', layer, before: row.before, after: row.after });
    if (row.after > 0 && row.insideAfter === 0 && province.length > 0) risks.push({ code: 'import-none-inside', layer, after: row.after });
  }
  return { layers, risks };
}

/** The shares of hamlets with good signal before and after; `levels`: the data sets' levels (CurrentLevels) where already made. */
export function goodShares(before: Dataset, after: Dataset, changed: readonly ImpactLayer[] = IMPACT_LAYERS, levels: CurrentLevels = {}): GoodShares {
  const touchesCoverage = changed.includes('hamlets') || changed.includes('towers');
  const beforePct = hamletsGoodPct(before, levels.before);
  return { before: beforePct, after: touchesCoverage ? hamletsGoodPct(after, levels.after) : beforePct };
}

/** The impact of replacing `before` with `after` (layersImpact and goodShares together). */
export function importImpact(before: Dataset, after: Dataset, changed: readonly ImpactLayer[] = IMPACT_LAYERS, levels: CurrentLevels = {}): ImportImpact {
  return { ...layersImpact(before, after, changed), hamletsGoodPct: goodShares(before, after, changed, levels) };
}
