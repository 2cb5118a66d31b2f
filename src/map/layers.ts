import type { Layer, PickingInfo } from '@deck.gl/core';
import type { DatasetView } from '../domain/points/dataset-view.ts';
import { IconLayer, LineLayer, ScatterplotLayer } from '@deck.gl/layers';
import { LEVEL_NAMES, type TowerColumns } from '../domain/coverage/columns.ts';
import { pointAt, type PointTable } from '../domain/points/table.ts';
import type { Box } from '../domain/points/view.ts';
import type { Hamlet, School, Tower } from '../domain/types.ts';
import { DEFAULT_RADIUS_KM } from '../domain/types.ts';
import type { LayerId } from '../state/store.ts';
import type { CoverageResult } from '../worker/protocol.ts';
import { pointIconUrl, techClass, towerIconUrl, towerShape, type LevelName, type PointShape } from './icons.ts';
import { cellLayer, type CellFigures } from './cells.ts';
import { COLORS, hexToRgb, type Rgb } from './palette.ts';
import { drawOrder, positionsOf, shownPoints, type ShownPoints } from './point-view.ts';

// Interleaved layers take `beforeId` to slot under the basemap's labels.
type MapLibreLayerProps = { beforeId?: string };

export type Picked =
  | { kind: 'hamlet'; item: Hamlet; index: number }
  | { kind: 'school'; item: School; index: number }
  | { kind: 'tower'; item: Tower; index: number }
  /** A grid cell of the zoomed-out map (a large data set). */
  | { kind: 'cell'; item: CellFigures; index: -1 };

export interface MapHandlers {
  onHover: (picked: Picked | undefined, x: number, y: number) => void;
}

/** The layers a click selects from (MapView picks them on the map's own click). */
export const SELECTABLE_LAYERS = ['hamlets', 'schools', 'towers'];

/**
 * What a pick on one of SELECTABLE_LAYERS names: a point (hamlets first, then schools) or a
 * tower (an index into the towers with the plan applied).
 */
export function pickedTarget(info: { layer?: { id: string; props: object } | null; index: number } | null | undefined): { point: number } | { tower: number } | undefined {
  const layer = info?.layer;
  if (!layer || info.index < 0) return undefined;
  const props = layer.props as { data?: unknown; pointIndexes?: Uint32Array };
  if (layer.id === 'towers') {
    const tower = props.data instanceof Uint32Array ? towerIndexOf(props.data, info.index) : undefined;
    return tower === undefined ? undefined : { tower };
  }
  const point = props.pointIndexes?.[info.index];
  return point === undefined ? undefined : { point };
}

export interface LayerInputs {
  dataset: DatasetView;
  coverage: CoverageResult | undefined;
  /** The loaded towers with the plan applied. */
  towers: readonly Tower[];
  /** Towers on air in the chosen scenario, with their radius there (indexes into `towers`). */
  onAir: TowerColumns;
  visible: Record<LayerId, boolean>;
  selectedPoint: number | undefined;
  /** The view with a margin (point-view.ts padBox); undefined before the map has one. */
  box: Box | undefined;
  zoom: number;
}

/** Radius now on air, before any upgrade (contract coverage rule 2). */
export function currentRadiusKm(tower: Tower): number {
  return tower.radiusKm ?? DEFAULT_RADIUS_KM[tower.technology];
}

const discColor: Record<'narrow' | 'broad', Rgb> = {
  narrow: hexToRgb(COLORS.tech2g3g),
  broad: hexToRgb(COLORS.tech4g),
};

// Discs overlap a lot; the wide 2G/3G ones are kept faint so that stacked discs do not
// hide the learning-grade (4G/5G) picture.
const discAlpha = { narrow: 5, broad: 14 };

function icon(url: string) {
  return { id: url, url, width: 32, height: 32, mask: false };
}

function levelOf(coverage: CoverageResult | undefined, index: number): LevelName {
  const code = coverage?.level[index];
  return code === undefined ? 'unknown' : LEVEL_NAMES[code] ?? 'unknown';
}

const SIZE_BY_LEVEL: Record<LevelName, number> = { good: 9, weak: 11, none: 13, unknown: 9 };

// Points drawn good first, then weak, then none, so the gaps are never hidden under covered
// points (point-view.ts); positions go to deck.gl as one binary attribute per layer.
interface PointBatch {
  indexes: Uint32Array;
  positions: Float64Array;
}

const batches = new WeakMap<Uint32Array, WeakMap<object, Map<number, PointBatch>>>();
const NO_COVERAGE = {};

function batchOf(inputs: LayerInputs, shown: Uint32Array, from: number, to: number): PointBatch {
  const key = inputs.coverage?.level ?? NO_COVERAGE;
  let byLevel = batches.get(shown);
  if (!byLevel) batches.set(shown, (byLevel = new WeakMap()));
  let byStart = byLevel.get(key);
  if (!byStart) byLevel.set(key, (byStart = new Map()));
  let batch = byStart.get(from);
  if (!batch) {
    const indexes = drawOrder(shown, inputs.coverage?.level, from, to);
    batch = { indexes, positions: positionsOf(inputs.dataset.points, indexes) };
    byStart.set(from, batch);
  }
  return batch;
}

function pickedPoint(points: PointTable, index: number): Picked | undefined {
  const found = pointAt(points, index);
  return found && ({ ...found, index } as Picked);
}

function pointLayer(shape: PointShape, shown: Uint32Array, inputs: LayerInputs, handlers: MapHandlers, beforeId: string) {
  const { coverage, visible, dataset } = inputs;
  const { points } = dataset;
  const [from, to] = shape === 'hamlet' ? [0, points.hamletCount] : [points.hamletCount, points.count];
  const batch = batchOf(inputs, shown, from, to);
  const pointOf = (k: number) => batch.indexes[k] as number;
  const extra = shape === 'school' ? 1 : 0;
  return new IconLayer<unknown, MapLibreLayerProps & { pointIndexes: Uint32Array }>({
    id: `${shape}s`,
    beforeId,
    // Read back by pickedTarget: the point index of each drawn icon.
    pointIndexes: batch.indexes,
    data: { length: batch.indexes.length, attributes: { getPosition: { value: batch.positions, size: 2 } } },
    visible: shape === 'hamlet' ? visible.hamlets : visible.schools,
    pickable: true,
    getIcon: (_, { index }) => icon(pointIconUrl(shape, levelOf(coverage, pointOf(index)))),
    getSize: (_, { index }) => SIZE_BY_LEVEL[levelOf(coverage, pointOf(index))] + extra,
    updateTriggers: { getIcon: coverage?.level, getSize: coverage?.level },
    onHover: (info: PickingInfo) =>
      handlers.onHover(info.index < 0 ? undefined : pickedPoint(points, pointOf(info.index)), info.x, info.y),
  });
}

interface Discs {
  length: number;
  attributes: { getPosition: { value: Float64Array; size: 2 } };
  /** Per disc: radius (m), and 1 for 4G/5G. */
  radiusM: Float64Array;
  broad: Uint8Array;
  /** How many discs deep the view is covered, on average (their area over the view's). */
  depth: number;
}

/** The on-air towers' discs, those in `box` only when there are many. */
function discsOf(onAir: TowerColumns, box: Box | undefined): Discs | undefined {
  const keep: number[] = [];
  let area = 0;
  // A disc centred out of the view by less than the largest radius can still reach into it.
  let widest = 0;
  for (let k = 0; k < onAir.count; k++) widest = Math.max(widest, onAir.radiusKm[k] as number);
  const margin = widest / 111 / Math.cos((Math.min(85, Math.abs(box ? (box[1] + box[3]) / 2 : 0)) * Math.PI) / 180);
  for (let k = 0; k < onAir.count; k++) {
    const lon = onAir.lon[k] as number;
    const lat = onAir.lat[k] as number;
    const reaches = !box || (lon >= box[0] - margin && lon <= box[2] + margin && lat >= box[1] - margin && lat <= box[3] + margin);
    if (box && lon >= box[0] && lon <= box[2] && lat >= box[1] && lat <= box[3]) area += Math.PI * (onAir.radiusKm[k] as number) ** 2;
    if (onAir.count <= TOWER_LIMIT || reaches) keep.push(k);
  }
  if (keep.length > TOWER_LIMIT) return undefined;
  const value = new Float64Array(keep.length * 2);
  const radiusM = new Float64Array(keep.length);
  const broad = new Uint8Array(keep.length);
  keep.forEach((k, j) => {
    value[2 * j] = onAir.lon[k] as number;
    value[2 * j + 1] = onAir.lat[k] as number;
    radiusM[j] = (onAir.radiusKm[k] as number) * 1000;
    broad[j] = onAir.broadband[k] as number;
  });
  return { length: keep.length, attributes: { getPosition: { value, size: 2 } }, radiusM, broad, depth: box ? area / boxKm2(box) : 0 };
}

/** Beyond this many discs deep on average, only their outlines are drawn. */
export const MAX_FILLED_DEPTH = 4;

function boxKm2([w, s, e, n]: Box): number {
  const km = 111.19;
  return Math.max(1e-6, (e - w) * km * Math.cos((((s + n) / 2) * Math.PI) / 180) * (n - s) * km);
}

/** Towers drawn at once at most (icons and discs); more are drawn only for the view. */
export const TOWER_LIMIT = 20_000;

/** Indexes of the towers to draw: all when few, else those in `box`; undefined: too many. */
function towersOf(towers: readonly Tower[], box: Box | undefined): Uint32Array | undefined {
  if (towers.length <= TOWER_LIMIT) return Uint32Array.from({ length: towers.length }, (_, i) => i);
  if (!box) return undefined;
  const keep: number[] = [];
  towers.forEach((t, i) => {
    if (t.lon >= box[0] && t.lon <= box[2] && t.lat >= box[1] && t.lat <= box[3]) keep.push(i);
  });
  return keep.length > TOWER_LIMIT ? undefined : Uint32Array.from(keep);
}

const discCache = new WeakMap<TowerColumns, Map<string, Discs | undefined>>();
const towerCache = new WeakMap<readonly Tower[], Map<string, Uint32Array | undefined>>();

function cached<K extends object, V>(cache: WeakMap<K, Map<string, V>>, key: K, box: Box | undefined, make: () => V): V {
  let byBox = cache.get(key);
  if (!byBox) cache.set(key, (byBox = new Map()));
  const boxKey = box ? box.join(',') : '';
  if (!byBox.has(boxKey)) {
    // Only the latest view is worth keeping.
    byBox.clear();
    byBox.set(boxKey, make());
  }
  return byBox.get(boxKey) as V;
}

const onAirFlags = new WeakMap<TowerColumns, Uint8Array>();

/** 1 for each dataset tower on air in the scenario: the others are drawn faded. */
function onAirFlagsOf(onAir: TowerColumns, towerCount: number): Uint8Array {
  let flags = onAirFlags.get(onAir);
  if (!flags) {
    flags = new Uint8Array(towerCount);
    for (const index of onAir.towerIndex) flags[index] = 1;
    onAirFlags.set(onAir, flags);
  }
  return flags;
}

function selectionLayers(inputs: LayerInputs, beforeId: string): Layer[] {
  const { dataset, coverage, selectedPoint } = inputs;
  if (selectedPoint === undefined) return [];
  const { points } = dataset;
  if (!(selectedPoint >= 0 && selectedPoint < points.count)) return [];
  const from: [number, number] = [points.lon[selectedPoint] as number, points.lat[selectedPoint] as number];
  const towerIndex = coverage?.nearestTower[selectedPoint] ?? -1;
  const tower = towerIndex >= 0 ? inputs.towers[towerIndex] : undefined;
  const layers: Layer[] = [
    new ScatterplotLayer<[number, number], MapLibreLayerProps>({
      id: 'selected-point',
      beforeId,
      data: [from],
      getPosition: (p) => p,
      getRadius: 13,
      radiusUnits: 'pixels',
      filled: false,
      stroked: true,
      getLineColor: hexToRgb(COLORS.selection),
      getLineWidth: 3,
      lineWidthUnits: 'pixels',
    }),
  ];
  if (tower) {
    layers.unshift(
      new LineLayer<{ from: [number, number]; to: [number, number] }, MapLibreLayerProps>({
        id: 'selected-nearest-line',
        beforeId,
        data: [{ from, to: [tower.lon, tower.lat] }],
        getSourcePosition: (d) => d.from,
        getTargetPosition: (d) => d.to,
        getColor: hexToRgb(COLORS.selection),
        getWidth: 3,
        widthUnits: 'pixels',
      }),
    );
  }
  return layers;
}

/** The tower a pick on the towers layer names (`pick`: the index into its data). */
export function towerIndexOf(shown: Uint32Array, pick: number): number | undefined {
  return pick >= 0 && pick < shown.length ? shown[pick] : undefined;
}

function towerLayers(inputs: LayerInputs, handlers: MapHandlers, beforeId: string): Layer[] {
  const { towers, onAir, visible, box } = inputs;
  const discs = cached(discCache, onAir, box, () => discsOf(onAir, box));
  const shown = cached(towerCache, towers, box, () => towersOf(towers, box));
  const layers: Layer[] = [];
  if (discs) {
    layers.push(
      new ScatterplotLayer<unknown, MapLibreLayerProps>({
        id: 'tower-radius',
        beforeId,
        data: discs,
        visible: visible.towers && visible.towerRadius,
        getRadius: (_, { index }) => discs.radiusM[index] as number,
        radiusUnits: 'meters',
        getFillColor: (_, { index }) => {
          const kind = discs.broad[index] === 1 ? 'broad' : 'narrow';
          return [...discColor[kind], discAlpha[kind]];
        },
        getLineColor: (_, { index }) => [...discColor[discs.broad[index] === 1 ? 'broad' : 'narrow'], 70],
        // Many discs in view overlap a dozen deep: filled, they tint everything alike and cost
        // a dozen layers of blending per pixel; their outlines stay readable and cheap.
        filled: discs.depth <= MAX_FILLED_DEPTH,
        stroked: true,
        lineWidthUnits: 'pixels',
        getLineWidth: 0.6,
      }),
    );
  }
  if (shown) {
    const flags = onAirFlagsOf(onAir, towers.length);
    const towerOf = (i: number) => towers[i] as Tower;
    layers.push(
      new IconLayer<number, MapLibreLayerProps>({
        id: 'towers',
        beforeId,
        data: shown,
        visible: visible.towers,
        pickable: true,
        getPosition: (i) => [towerOf(i).lon, towerOf(i).lat],
        getIcon: (i) => icon(towerIconUrl(towerShape(towerOf(i)), techClass(towerOf(i).technology))),
        getSize: 15,
        // With mask off, only the alpha of the colour applies: towers not on air fade out.
        getColor: (i) => [0, 0, 0, flags[i] ? 255 : 70],
        updateTriggers: { getColor: onAir, getPosition: towers, getIcon: towers },
        // deck.gl sets `object` only for plain arrays: the index into `shown` is what comes back.
        onHover: (info: PickingInfo) => {
          const i = towerIndexOf(shown, info.index);
          handlers.onHover(i === undefined ? undefined : { kind: 'tower', item: towerOf(i), index: i }, info.x, info.y);
        },
      }),
    );
  }
  return layers;
}

/** What the map shows of the points: icons, or (a large data set seen from afar) cells. */
export function pointMode(inputs: Pick<LayerInputs, 'dataset' | 'box'>): ShownPoints {
  return shownPoints(inputs.dataset, inputs.box);
}

/**
 * deck.gl layers for the dataset: cheap descriptions rebuilt from state, data arrays kept by
 * reference so deck.gl re-uploads only what a new coverage result or view changes.
 */
export function datasetLayers(inputs: LayerInputs, handlers: MapHandlers, beforeId: string): Layer[] {
  const { dataset, coverage, visible } = inputs;
  const shown = pointMode(inputs);
  const points: Layer[] =
    shown.mode === 'points'
      ? [pointLayer('hamlet', shown.indexes, inputs, handlers, beforeId), pointLayer('school', shown.indexes, inputs, handlers, beforeId)]
      : coverage
        ? cellLayer(dataset.grid, coverage.cellCounts, inputs.zoom, { hamlets: visible.hamlets, schools: visible.schools }, (cell, x, y) =>
            handlers.onHover(cell && { kind: 'cell', item: cell, index: -1 }, x, y), beforeId)
        : [];
  // Seen from afar, a large data set shows cells only: the note says to zoom in for towers.
  const [discs, ...towerIcons] = shown.mode === 'cells' ? [] : towerLayers(inputs, handlers, beforeId);
  // Discs under the points, tower icons over them.
  const under = discs?.id === 'tower-radius' ? [discs] : [];
  const over = discs?.id === 'tower-radius' ? towerIcons : [...(discs ? [discs] : []), ...towerIcons];
  return [...under, ...points, ...over, ...selectionLayers(inputs, beforeId)];
}
