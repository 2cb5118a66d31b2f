import type { Layer, PickingInfo } from '@deck.gl/core';
import { IconLayer, LineLayer, ScatterplotLayer } from '@deck.gl/layers';
import { LEVEL_GOOD, LEVEL_NAMES, LEVEL_NONE, LEVEL_WEAK, type TowerColumns } from '../domain/coverage/columns.ts';
import type { Dataset, Hamlet, School, Tower } from '../domain/types.ts';
import { DEFAULT_RADIUS_KM } from '../domain/types.ts';
import type { LayerId } from '../state/store.ts';
import type { CoverageResult } from '../worker/protocol.ts';
import { pointIconUrl, techClass, towerIconUrl, towerShape, type LevelName, type PointShape } from './icons.ts';
import { COLORS, hexToRgb, type Rgb } from './palette.ts';

// Interleaved layers take `beforeId` to slot under the basemap's labels.
type MapLibreLayerProps = { beforeId?: string };

export type Picked =
  | { kind: 'hamlet'; item: Hamlet; index: number }
  | { kind: 'school'; item: School; index: number }
  | { kind: 'tower'; item: Tower; index: number };

export interface MapHandlers {
  onHover: (picked: Picked | undefined, x: number, y: number) => void;
  /** `index` counts hamlets first, then schools. */
  onSelectPoint: (index: number | undefined) => void;
  onSelectTower: (id: string | undefined) => void;
}

export interface LayerInputs {
  dataset: Dataset;
  coverage: CoverageResult | undefined;
  /** The loaded towers with the plan applied. */
  towers: readonly Tower[];
  /** Towers on air in the chosen scenario, with their radius there (indexes into `towers`). */
  onAir: TowerColumns;
  visible: Record<LayerId, boolean>;
  selectedPoint: number | undefined;
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

// Points drawn good first, then weak, then none, so the gaps are never hidden under
// covered points; the order is a typed array of point indexes, built once per result.
const orders = new WeakMap<CoverageResult, Map<number, number[]>>();
const unordered = new WeakMap<readonly unknown[], number[]>();

function drawOrder(coverage: CoverageResult | undefined, items: readonly unknown[], offset: number): number[] {
  const count = items.length;
  if (!coverage) {
    let plain = unordered.get(items);
    if (!plain) {
      plain = Array.from({ length: count }, (_, i) => i);
      unordered.set(items, plain);
    }
    return plain;
  }
  let byOffset = orders.get(coverage);
  if (!byOffset) {
    byOffset = new Map();
    orders.set(coverage, byOffset);
  }
  let order = byOffset.get(offset);
  if (!order) {
    order = [];
    for (const level of [LEVEL_GOOD, LEVEL_WEAK, LEVEL_NONE]) {
      for (let i = 0; i < count; i++) if (coverage.level[offset + i] === level) order.push(i);
    }
    byOffset.set(offset, order);
  }
  return order;
}

function pointLayer<T extends Hamlet | School>(
  shape: PointShape,
  items: readonly T[],
  offset: number,
  inputs: LayerInputs,
  handlers: MapHandlers,
  beforeId: string,
) {
  const { coverage, visible } = inputs;
  const item = (i: number) => items[i] as T;
  const picked = (i: number) => ({ kind: shape, item: item(i), index: offset + i }) as Picked;
  const extra = shape === 'school' ? 1 : 0;
  return new IconLayer<number, MapLibreLayerProps>({
    id: `${shape}s`,
    beforeId,
    data: drawOrder(coverage, items, offset),
    visible: shape === 'hamlet' ? visible.hamlets : visible.schools,
    pickable: true,
    getPosition: (i) => [item(i).lon, item(i).lat],
    getIcon: (i) => icon(pointIconUrl(shape, levelOf(coverage, offset + i))),
    getSize: (i) => SIZE_BY_LEVEL[levelOf(coverage, offset + i)] + extra,
    updateTriggers: { getIcon: coverage, getSize: coverage },
    onHover: (info: PickingInfo<number>) =>
      handlers.onHover(info.object === undefined ? undefined : picked(info.object), info.x, info.y),
    onClick: (info: PickingInfo<number>) =>
      handlers.onSelectPoint(info.object === undefined ? undefined : offset + info.object),
  });
}

interface Disc {
  lon: number;
  lat: number;
  radiusKm: number;
  broad: boolean;
}

function discs(onAir: TowerColumns): Disc[] {
  return Array.from(onAir.towerIndex, (_, k) => ({
    lon: onAir.lon[k] as number,
    lat: onAir.lat[k] as number,
    radiusKm: onAir.radiusKm[k] as number,
    broad: onAir.broadband[k] === 1,
  }));
}

const discCache = new WeakMap<TowerColumns, Disc[]>();
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
  const point = selectedPoint < dataset.hamlets.length
    ? dataset.hamlets[selectedPoint]
    : dataset.schools[selectedPoint - dataset.hamlets.length];
  if (!point) return [];
  const towerIndex = coverage?.nearestTower[selectedPoint] ?? -1;
  const tower = towerIndex >= 0 ? inputs.towers[towerIndex] : undefined;
  const layers: Layer[] = [
    new ScatterplotLayer<{ lon: number; lat: number }, MapLibreLayerProps>({
      id: 'selected-point',
      beforeId,
      data: [point],
      getPosition: (p) => [p.lon, p.lat],
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
        data: [{ from: [point.lon, point.lat], to: [tower.lon, tower.lat] }],
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

/**
 * deck.gl layers for the dataset: cheap descriptions rebuilt from state, data arrays kept by
 * reference so deck.gl re-uploads only what a new coverage result changes.
 */
export function datasetLayers(inputs: LayerInputs, handlers: MapHandlers, beforeId: string): Layer[] {
  const { dataset, towers, onAir, visible } = inputs;
  let discData = discCache.get(onAir);
  if (!discData) {
    discData = discs(onAir);
    discCache.set(onAir, discData);
  }
  return [
    new ScatterplotLayer<Disc, MapLibreLayerProps>({
      id: 'tower-radius',
      beforeId,
      data: discData,
      visible: visible.towers && visible.towerRadius,
      getPosition: (d) => [d.lon, d.lat],
      getRadius: (d) => d.radiusKm * 1000,
      radiusUnits: 'meters',
      getFillColor: (d) => [...discColor[d.broad ? 'broad' : 'narrow'], discAlpha[d.broad ? 'broad' : 'narrow']],
      getLineColor: (d) => [...discColor[d.broad ? 'broad' : 'narrow'], 70],
      stroked: true,
      lineWidthUnits: 'pixels',
      getLineWidth: 0.6,
    }),
    pointLayer('hamlet', dataset.hamlets, 0, inputs, handlers, beforeId),
    pointLayer('school', dataset.schools, dataset.hamlets.length, inputs, handlers, beforeId),
    new IconLayer<Tower, MapLibreLayerProps>({
      id: 'towers',
      beforeId,
      data: towers as Tower[],
      visible: visible.towers,
      pickable: true,
      getPosition: (t) => [t.lon, t.lat],
      getIcon: (t) => icon(towerIconUrl(towerShape(t), techClass(t.technology))),
      getSize: 15,
      // With mask off, only the alpha of the colour applies: towers not on air fade out.
      getColor: (_t, { index }) => [0, 0, 0, onAirFlagsOf(onAir, towers.length)[index] ? 255 : 70],
      updateTriggers: { getColor: onAir },
      onHover: (info: PickingInfo<Tower>) =>
        handlers.onHover(info.object ? { kind: 'tower', item: info.object, index: info.index } : undefined, info.x, info.y),
      onClick: (info: PickingInfo<Tower>) => handlers.onSelectTower(info.object?.id),
    }),
    ...selectionLayers(inputs, beforeId),
  ];
}
