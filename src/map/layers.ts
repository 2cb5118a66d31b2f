import type { Layer, PickingInfo } from '@deck.gl/core';
import type { DatasetView } from '../domain/points/dataset-view.ts';
import { IconLayer, LineLayer, ScatterplotLayer } from '@deck.gl/layers';
import { LEVEL_NAMES, type TowerColumns } from '../domain/coverage/columns.ts';
import { pointAt, type PointTable } from '../domain/points/table.ts';
import type { Box } from '../domain/points/view.ts';
import type { Hamlet, School, Tower } from '../domain/types.ts';
import type { LayerId } from '../state/store.ts';
import type { CoverageResult } from '../domain/coverage/answer.ts';
import { icon, pointIconUrl, type LevelName, type PointShape } from './icons.ts';
import { cellLayer, type CellFigures } from './cells.ts';
import { COLORS, hexToRgb } from './palette.ts';
import { towerIndexOf, towerLayers } from './tower-layers.ts';
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
 * tower (a slot of the towers with the plan applied).
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
  /** The towers with the plan applied, by slot (worker/tower-slots.ts): the answers' tower indexes. */
  towers: readonly (Tower | undefined)[];
  /** Towers on air in the answer's scenario, with their radius there (slots of `towers`). */
  onAir: TowerColumns;
  visible: Record<LayerId, boolean>;
  selectedPoint: number | undefined;
  /** The view with a margin (point-view.ts padBox); undefined before the map has one. */
  box: Box | undefined;
  zoom: number;
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
