// Layers of the planner's workbench: the chosen tower, the points the plan changed, and the
// siting suggestions. Functions of state, like layers.ts.
import type { Layer } from '@deck.gl/core';
import type { DatasetView } from '../domain/points/dataset-view.ts';
import { IconLayer, ScatterplotLayer, TextLayer } from '@deck.gl/layers';
import type { Site } from '../domain/siting/siting.ts';
import type { Tower } from '../domain/types.ts';
import { changeIconUrl, icon, siteIconUrl } from './icons.ts';
import { COLORS, hexToRgb } from './palette.ts';

type MapLibreLayerProps = { beforeId?: string };

export interface PlanLayerInputs {
  dataset: DatasetView;
  /** The towers by slot (worker/tower-slots.ts). */
  towers: readonly (Tower | undefined)[];
  selectedTower: string | undefined;
  /** Point indexes (hamlets, then schools) newly good / no longer good with the plan. */
  gained: Int32Array;
  lost: Int32Array;
  sites: readonly Site[];
}

function position(dataset: DatasetView, index: number): [number, number] {
  const { points } = dataset;
  return index >= 0 && index < points.count ? [points.lon[index] as number, points.lat[index] as number] : [0, 0];
}

export function planLayers(inputs: PlanLayerInputs, beforeId: string): Layer[] {
  const { dataset, towers, selectedTower, gained, lost, sites } = inputs;
  const layers: Layer[] = [];
  const changes = [
    ...Array.from(gained, (i) => ({ i, change: 'gained' as const })),
    ...Array.from(lost, (i) => ({ i, change: 'lost' as const })),
  ];
  if (changes.length > 0) {
    layers.push(
      new IconLayer<(typeof changes)[number], MapLibreLayerProps>({
        id: 'plan-changes',
        beforeId,
        data: changes,
        getPosition: (d) => position(dataset, d.i),
        getIcon: (d) => icon(changeIconUrl(d.change)),
        getSize: 14,
        // Up and right of the point, so that the point's own level stays readable.
        getPixelOffset: [9, -9],
      }),
    );
  }
  if (sites.length > 0) {
    layers.push(
      new IconLayer<Site, MapLibreLayerProps>({
        id: 'siting-sites',
        beforeId,
        data: [...sites],
        getPosition: (s) => [s.lon, s.lat],
        getIcon: (s) => icon(siteIconUrl(!s.gridPower)),
        getSize: 24,
      }),
      new TextLayer<Site, MapLibreLayerProps>({
        id: 'siting-order',
        beforeId,
        data: [...sites],
        getPosition: (s) => [s.lon, s.lat],
        getText: (s) => String(sites.indexOf(s) + 1),
        characterSet: '0123456789',
        fontFamily: '"Be Vietnam Pro", sans-serif',
        fontWeight: 700,
        getSize: 12,
        getColor: [31, 26, 20, 255],
      }),
    );
  }
  const chosen = selectedTower === undefined ? undefined : towers.find((t) => t?.id === selectedTower);
  if (chosen) {
    layers.push(
      new ScatterplotLayer<Tower, MapLibreLayerProps>({
        id: 'selected-tower',
        beforeId,
        data: [chosen],
        getPosition: (t) => [t.lon, t.lat],
        getRadius: 14,
        radiusUnits: 'pixels',
        filled: false,
        stroked: true,
        getLineColor: hexToRgb(COLORS.selection),
        getLineWidth: 3,
        lineWidthUnits: 'pixels',
      }),
    );
  }
  return layers;
}
