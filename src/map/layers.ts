import type { Layer, PickingInfo } from '@deck.gl/core';
import { IconLayer, ScatterplotLayer } from '@deck.gl/layers';

// Interleaved layers take `beforeId` to slot under the basemap's labels.
type MapLibreLayerProps = { beforeId?: string };
import type { Dataset, Hamlet, School, Tower } from '../domain/types.ts';
import { DEFAULT_RADIUS_KM } from '../domain/types.ts';
import type { LayerId } from '../state/store.ts';
import { HAMLET_ICON_URL, SCHOOL_ICON_URL, techClass, towerIconUrl, towerShape } from './icons.ts';
import { COLORS, hexToRgb, type Rgb } from './palette.ts';

export type Picked =
  | { kind: 'hamlet'; item: Hamlet }
  | { kind: 'school'; item: School }
  | { kind: 'tower'; item: Tower };

export type HoverHandler = (picked: Picked | undefined, x: number, y: number) => void;

/** Radius now on air, before any upgrade (contract coverage rule 2). */
export function currentRadiusKm(tower: Tower): number {
  return tower.radiusKm ?? DEFAULT_RADIUS_KM[tower.technology];
}

const discColor: Record<ReturnType<typeof techClass>, Rgb> = {
  '2g3g': hexToRgb(COLORS.tech2g3g),
  '4g': hexToRgb(COLORS.tech4g),
  '5g': hexToRgb(COLORS.tech5g),
};

// Discs overlap a lot; the wide 2G/3G ones are kept faint so that stacked discs do not
// hide the learning-grade (4G/5G) picture.
const discAlpha: Record<ReturnType<typeof techClass>, number> = { '2g3g': 5, '4g': 14, '5g': 24 };

function icon(url: string) {
  return { id: url, url, width: 32, height: 32, mask: false };
}

function hoverHandler<T>(toPicked: (item: T) => Picked, onHover: HoverHandler) {
  return (info: PickingInfo<T>) => {
    onHover(info.object ? toPicked(info.object) : undefined, info.x, info.y);
  };
}

/**
 * deck.gl layers for the dataset: cheap descriptions rebuilt from state, data arrays kept by
 * reference so deck.gl re-uploads nothing when only visibility changes.
 */
export function datasetLayers(
  dataset: Dataset,
  visible: Record<LayerId, boolean>,
  onHover: HoverHandler,
  beforeId: string,
): Layer[] {
  return [
    new ScatterplotLayer<Tower, MapLibreLayerProps>({
      id: 'tower-radius',
      beforeId,
      data: dataset.towers,
      visible: visible.towers && visible.towerRadius,
      getPosition: (t) => [t.lon, t.lat],
      getRadius: (t) => currentRadiusKm(t) * 1000,
      radiusUnits: 'meters',
      getFillColor: (t) => [...discColor[techClass(t.technology)], discAlpha[techClass(t.technology)]],
      getLineColor: (t) => [...discColor[techClass(t.technology)], 70],
      stroked: true,
      lineWidthUnits: 'pixels',
      getLineWidth: 0.6,
    }),
    new IconLayer<Hamlet, MapLibreLayerProps>({
      id: 'hamlets',
      beforeId,
      data: dataset.hamlets,
      visible: visible.hamlets,
      pickable: true,
      getPosition: (h) => [h.lon, h.lat],
      getIcon: () => icon(HAMLET_ICON_URL),
      getSize: 9,
      onHover: hoverHandler((item: Hamlet) => ({ kind: 'hamlet', item }), onHover),
    }),
    new IconLayer<School, MapLibreLayerProps>({
      id: 'schools',
      beforeId,
      data: dataset.schools,
      visible: visible.schools,
      pickable: true,
      getPosition: (s) => [s.lon, s.lat],
      getIcon: () => icon(SCHOOL_ICON_URL),
      getSize: 10,
      onHover: hoverHandler((item: School) => ({ kind: 'school', item }), onHover),
    }),
    new IconLayer<Tower, MapLibreLayerProps>({
      id: 'towers',
      beforeId,
      data: dataset.towers,
      visible: visible.towers,
      pickable: true,
      getPosition: (t) => [t.lon, t.lat],
      getIcon: (t) => icon(towerIconUrl(towerShape(t), techClass(t.technology))),
      getSize: 15,
      onHover: hoverHandler((item: Tower) => ({ kind: 'tower', item }), onHover),
    }),
  ];
}
