// Towers and their discs as deck.gl layers: all of them when there are few, else those
// about the view; discs as one binary position attribute, towers as slots of the towers with
// the plan applied (worker/tower-slots.ts) (so that a pick names the tower, pickedTarget in layers.ts).
import type { Layer, PickingInfo } from '@deck.gl/core';
import { IconLayer, ScatterplotLayer } from '@deck.gl/layers';
import type { TowerColumns } from '../domain/coverage/columns.ts';
import type { Box } from '../domain/points/view.ts';
import type { Tower } from '../domain/types.ts';
import { icon, techClass, towerIconUrl, towerShape } from './icons.ts';
import type { LayerInputs, MapHandlers } from './layers.ts';
import { COLORS, hexToRgb, type Rgb } from './palette.ts';

type MapLibreLayerProps = { beforeId?: string };

const discColor: Record<'narrow' | 'broad', Rgb> = {
  narrow: hexToRgb(COLORS.tech2g3g),
  broad: hexToRgb(COLORS.tech4g),
};

// Discs overlap a lot; the wide 2G/3G ones are kept faint so that stacked discs do not
// hide the learning-grade (4G/5G) picture.
const discAlpha = { narrow: 5, broad: 14 };

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

/** Slots of the towers to draw: all when few, else those in `box`; undefined: too many. */
function towersOf(towers: readonly (Tower | undefined)[], box: Box | undefined): Uint32Array | undefined {
  const all: number[] = [];
  const inBox: number[] = [];
  towers.forEach((t, i) => {
    if (!t) return;
    all.push(i);
    if (box && t.lon >= box[0] && t.lon <= box[2] && t.lat >= box[1] && t.lat <= box[3]) inBox.push(i);
  });
  if (all.length <= TOWER_LIMIT) return Uint32Array.from(all);
  return !box || inBox.length > TOWER_LIMIT ? undefined : Uint32Array.from(inBox);
}

const discCache = new WeakMap<TowerColumns, Map<string, Discs | undefined>>();
const towerCache = new WeakMap<readonly (Tower | undefined)[], Map<string, Uint32Array | undefined>>();

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

/** The tower a pick on the towers layer names (`pick`: the index into its data). */
export function towerIndexOf(shown: Uint32Array, pick: number): number | undefined {
  return pick >= 0 && pick < shown.length ? shown[pick] : undefined;
}

export function towerLayers(inputs: LayerInputs, handlers: MapHandlers, beforeId: string): Layer[] {
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
