// The zoomed-out map of a large data set: the share of points with good coverage per grid
// cell, drawn as one small image (a pixel per cell) instead of a million icons. Cells merge
// 2×2, 4×4… as the map zooms out so that each stays a few pixels wide.
import { COORDINATE_SYSTEM, type Layer, type PickingInfo } from '@deck.gl/core';
import { BitmapLayer } from '@deck.gl/layers';
import type { PointGrid } from '../domain/coverage/point-grid.ts';
import { CELL_COUNTS } from '../domain/points/view.ts';
import { COLORS, hexToRgb } from './palette.ts';

type MapLibreLayerProps = { beforeId?: string };

/** Classes by the share of points with good coverage, best first (legend order). */
export const CELL_CLASSES = [
  { min: 100, color: COLORS.levelGood, label: 'cellClassAll' },
  { min: 90, color: '#56B4E9', label: 'cellClass90' },
  { min: 50, color: COLORS.levelWeak, label: 'cellClass50' },
  { min: 0, color: COLORS.levelNone, label: 'cellClassLow' },
] as const;

const CELL_RGB = CELL_CLASSES.map((c) => hexToRgb(c.color));

export function cellClass(goodPct: number): number {
  return CELL_CLASSES.findIndex((c) => goodPct >= c.min);
}

/** The figures of one (merged) cell, for the tooltip. */
export interface CellFigures {
  good: number;
  weak: number;
  none: number;
  /** Side of the cell, km (north–south). */
  sizeKm: number;
}

export interface CellKinds {
  hamlets: boolean;
  schools: boolean;
}

/** Cells merged so that each is at least ~6 px wide at this zoom (a power of two). */
export function mergeFactor(grid: PointGrid, zoom: number): number {
  const cellPx = (grid.cellDeg * 256 * 2 ** zoom) / 360;
  let factor = 1;
  while (factor * cellPx < 6 && factor < 256) factor *= 2;
  return factor;
}

interface CellImage {
  width: number;
  height: number;
  factor: number;
  /** Counts per merged cell: good, weak, none (the visible kinds summed). */
  counts: Uint32Array;
  image: ImageData | { width: number; height: number; data: Uint8ClampedArray };
  bounds: [number, number, number, number];
}

/** Merges `counts` (points/view.ts, six per cell) by `factor` and colours each cell by class. */
export function cellImage(grid: PointGrid, counts: Uint32Array, factor: number, kinds: CellKinds): CellImage {
  const width = Math.ceil(grid.nx / factor);
  const height = Math.ceil(grid.ny / factor);
  const merged = new Uint32Array(width * height * 3);
  const offsets = [...(kinds.hamlets ? [0] : []), ...(kinds.schools ? [3] : [])];
  for (let cy = 0; cy < grid.ny; cy++) {
    const my = Math.floor(cy / factor);
    for (let cx = 0; cx < grid.nx; cx++) {
      const base = (cy * grid.nx + cx) * CELL_COUNTS;
      const to = (my * width + Math.floor(cx / factor)) * 3;
      for (const o of offsets) {
        (merged[to] as number) += counts[base + o] as number;
        (merged[to + 1] as number) += counts[base + o + 1] as number;
        (merged[to + 2] as number) += counts[base + o + 2] as number;
      }
    }
  }
  const data = new Uint8ClampedArray(width * height * 4);
  for (let my = 0; my < height; my++) {
    for (let mx = 0; mx < width; mx++) {
      const from = (my * width + mx) * 3;
      const good = merged[from] as number;
      const total = good + (merged[from + 1] as number) + (merged[from + 2] as number);
      if (total === 0) continue;
      const rgb = CELL_RGB[cellClass((100 * good) / total)] as [number, number, number];
      // Image rows run north to south.
      const to = ((height - 1 - my) * width + mx) * 4;
      data[to] = rgb[0];
      data[to + 1] = rgb[1];
      data[to + 2] = rgb[2];
      data[to + 3] = 215;
    }
  }
  const span = factor * grid.cellDeg;
  const image = typeof ImageData === 'undefined' ? { width, height, data } : new ImageData(data, width, height);
  return {
    width,
    height,
    factor,
    counts: merged,
    image,
    bounds: [grid.minLon, grid.minLat, grid.minLon + width * span, grid.minLat + height * span],
  };
}

/** The figures of the merged cell under image pixel (x, y from the top). */
export function cellAt(cells: CellImage, grid: PointGrid, x: number, y: number): CellFigures | undefined {
  const mx = Math.floor(x);
  const my = cells.height - 1 - Math.floor(y);
  if (mx < 0 || my < 0 || mx >= cells.width || my >= cells.height) return undefined;
  const at = (my * cells.width + mx) * 3;
  const good = cells.counts[at] as number;
  const weak = cells.counts[at + 1] as number;
  const none = cells.counts[at + 2] as number;
  if (good + weak + none === 0) return undefined;
  return { good, weak, none, sizeKm: cells.factor * grid.cellDeg * 111.19 };
}

const images = new WeakMap<Uint32Array, Map<string, CellImage>>();

function imageFor(grid: PointGrid, counts: Uint32Array, factor: number, kinds: CellKinds): CellImage {
  let byKey = images.get(counts);
  if (!byKey) images.set(counts, (byKey = new Map()));
  const key = `${factor}:${kinds.hamlets}:${kinds.schools}`;
  let found = byKey.get(key);
  if (!found) byKey.set(key, (found = cellImage(grid, counts, factor, kinds)));
  return found;
}

export function cellLayer(
  grid: PointGrid,
  counts: Uint32Array,
  zoom: number,
  kinds: CellKinds,
  onHover: (cell: CellFigures | undefined, x: number, y: number) => void,
  beforeId: string,
): Layer[] {
  if (!kinds.hamlets && !kinds.schools) return [];
  const cells = imageFor(grid, counts, mergeFactor(grid, zoom), kinds);
  return [
    new BitmapLayer<MapLibreLayerProps>({
      id: 'coverage-cells',
      beforeId,
      image: cells.image as ImageData,
      bounds: cells.bounds,
      // The image is a lon/lat grid: deck.gl reprojects it, so cells sit where their points are.
      _imageCoordinateSystem: COORDINATE_SYSTEM.LNGLAT,
      textureParameters: { minFilter: 'nearest', magFilter: 'nearest' },
      pickable: true,
      onHover: (info: PickingInfo & { bitmap?: { pixel: [number, number] } | null }) => {
        const pixel = info.bitmap?.pixel;
        onHover(pixel ? cellAt(cells, grid, pixel[0], pixel[1]) : undefined, info.x, info.y);
      },
    }),
  ];
}
