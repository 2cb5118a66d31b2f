// Choosing a hamlet, school or tower by keyboard (the search list, the map's arrow keys): one
// kind chosen at a time, so that the map, the selection panel and the tower editor agree on
// what the keyboard is on.
import type { MapFeature } from '../domain/points/features.ts';
import { useAppStore } from './store.ts';

/** Half the side of the box the map frames around a feature found in the list (degrees). */
const FRAME_DEG = 0.03;

export function chooseFeature(feature: MapFeature, frame: boolean): void {
  const state = useAppStore.getState();
  let at: [number, number] | undefined;
  if (feature.kind === 'point') {
    state.towerSelected(undefined);
    state.pointSelected(feature.index);
    const points = state.dataset?.points;
    if (points) at = [points.lon[feature.index] ?? NaN, points.lat[feature.index] ?? NaN];
  } else {
    const tower = state.towers[feature.slot];
    if (!tower) return;
    state.pointSelected(undefined);
    state.towerSelected(tower.id);
    at = [tower.lon, tower.lat];
  }
  if (frame && at && Number.isFinite(at[0]) && Number.isFinite(at[1])) {
    state.areaFocused([at[0] - FRAME_DEG, at[1] - FRAME_DEG, at[0] + FRAME_DEG, at[1] + FRAME_DEG]);
  }
}
