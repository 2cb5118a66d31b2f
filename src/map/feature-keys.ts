// The map by keyboard: with the map focused, the arrow keys move the selection to the nearest
// hamlet, school or tower in that direction (the first press starts from the map's centre),
// and the map follows it; Alt + arrows pan, as maplibre's plain arrows would have.
import type * as maplibregl from 'maplibre-gl';
import { nearestInDirection, featureLonLat, type Direction } from '../domain/points/features.ts';
import { chooseFeature } from '../state/feature-actions.ts';
import { useAppStore } from '../state/store.ts';
import { chosenFeature } from '../ui/map/feature-text.ts';

const DIRECTIONS: Record<string, Direction> = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' };
const PAN_PX = 100;
const PAN: Record<Direction, [number, number]> = { up: [0, -PAN_PX], down: [0, PAN_PX], left: [-PAN_PX, 0], right: [PAN_PX, 0] };

export function enableFeatureKeys(map: maplibregl.Map): () => void {
  const root = map.getContainer();
  const onKey = (event: KeyboardEvent) => {
    const direction = DIRECTIONS[event.key];
    if (!direction || event.ctrlKey || event.metaKey || event.shiftKey || event.target !== map.getCanvas()) return;
    // Before maplibre's own handler on the canvas's container: it would pan instead.
    event.stopPropagation();
    event.preventDefault();
    if (event.altKey) {
      map.panBy(PAN[direction], { duration: 150 });
      return;
    }
    const state = useAppStore.getState();
    const dataset = state.dataset;
    if (!dataset) return;
    const from = chosenFeature(state.selectedPoint, state.selectedTower, state.towers);
    const start = (from && featureLonLat(dataset.points, state.towers, from)) ?? (map.getCenter().toArray() as [number, number]);
    const kinds = { hamlets: state.layers.hamlets, schools: state.layers.schools, towers: state.layers.towers };
    const next = nearestInDirection(dataset.points, state.towers, start, direction, kinds, from);
    if (!next) return;
    chooseFeature(next, false);
    const at = featureLonLat(dataset.points, state.towers, next);
    if (at && !map.getBounds().contains(at)) map.easeTo({ center: at, duration: 300 });
  };
  root.addEventListener('keydown', onKey, { capture: true });
  return () => root.removeEventListener('keydown', onKey, { capture: true });
}
