import 'maplibre-gl/dist/maplibre-gl.css';
import type { DatasetView } from '../domain/points/dataset-view.ts';
import { MapLibreOverlay } from '@deck.gl/maplibre';
import * as maplibregl from 'maplibre-gl';
import type { GeoJSONSource } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Tower } from '../domain/types.ts';
import type { TowerColumns } from '../domain/coverage/columns.ts';
import { choroplethValues } from '../state/dashboard.ts';
import { updateTower } from '../domain/plan/plan.ts';
import { placePlannedTowers } from '../state/plan-actions.ts';
import { planChanges } from '../state/plan-view.ts';
import { useAppStore } from '../state/store.ts';
import { MAP_ATTRIBUTION } from '../ui/common/Attribution.tsx';
import { translate } from '../ui/common/i18n.ts';
import { Tooltip } from '../ui/map/Tooltip.tsx';
import { registerMapCapture, registerMapCenter } from './capture.ts';
import { enableFeatureKeys } from './feature-keys.ts';
import { evidenceLayers } from './evidence-layers.ts';
import { gapLayers } from './gap-layers.ts';
import { planLayers } from './plan-layers.ts';
import { datasetLayers, pickedTarget, pointMode, SELECTABLE_LAYERS, type MapHandlers, type Picked } from './layers.ts';
import { towerIndexOf } from './tower-layers.ts';
import { CELL_CLASSES } from './cells.ts';
import { contains, padBox } from './point-view.ts';
import type { Box } from '../domain/points/view.ts';
import { CHOROPLETH_BREAKS, choroplethClass } from './palette.ts';
import { basemapData, basemapStyle, CHOROPLETH_LAYER, provinceBounds } from './style.ts';
import { shownSites } from '../domain/siting/run.ts';

maplibregl.setWorkerUrl(workerUrl);
// The map's workers start while the data is still loading, not when the map is made.
maplibregl.prewarm();

/** Before the first answer: no tower on air is known. */
const NONE_ON_AIR: TowerColumns = {
  count: 0,
  lon: new Float64Array(0),
  lat: new Float64Array(0),
  radiusKm: new Float64Array(0),
  broadband: new Uint8Array(0),
  towerIndex: new Int32Array(0),
};

interface Hover {
  picked: Picked;
  x: number;
  y: number;
}

/** The map: a maplibre basemap from the dataset's boundaries with deck.gl layers interleaved. */
export default function MapView({ dataset }: { dataset: DatasetView }) {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<maplibregl.Map | null>(null);
  const overlay = useRef<MapLibreOverlay | null>(null);
  const [hover, setHover] = useState<Hover | undefined>();
  // deck.gl can slot its layers under the labels only once the style has loaded.
  const [styleLoaded, setStyleLoaded] = useState(false);
  /** The data set the map's sources hold: the first one makes the map, a later one only its sources' data. */
  const held = useRef(dataset);
  // The view with a margin: points are picked for it (a large data set draws only those).
  // `of`: the data set it was taken for; a view of the data before draws nothing of the new.
  const [view, setView] = useState<{ box: Box; zoom: number; of: DatasetView } | undefined>();
  const viewChanged = useCallback(() => {
    const map = mapRef.current;
    if (!map) return;
    const b = map.getBounds();
    const visible: Box = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];
    const zoom = map.getZoom();
    const of = held.current;
    setView((old) => (old && old.of === of && Math.abs(old.zoom - zoom) < 0.01 && contains(old.box, visible) ? old : { box: padBox(visible), zoom, of }));
  }, []);
  const layers = useAppStore((s) => s.layers);
  const lang = useAppStore((s) => s.lang);
  const timeline = useAppStore((s) => s.timeline);
  const asOf = useAppStore((s) => s.asOf);
  const choroplethMetric = useAppStore((s) => s.choroplethMetric);
  const focus = useAppStore((s) => s.focus);
  const towers = useAppStore((s) => s.towers);
  const selectedTower = useAppStore((s) => s.selectedTower);
  const editMode = useAppStore((s) => s.editMode);
  const siting = useAppStore((s) => s.siting);
  const gapStatuses = useAppStore((s) => s.gapStatuses);
  const coverage = useAppStore((s) => s.coverage);
  const selectedPoint = useAppStore((s) => s.selectedPoint);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    // A shared link's camera, or where the user was; but data of another place opens on its own.
    const camera = useAppStore.getState().camera;
    const bounds = provinceBounds(held.current);
    const map = new maplibregl.Map({
      container: element,
      style: basemapStyle(held.current),
      ...(camera && inside(camera, bounds) ? { center: [camera.lon, camera.lat] as [number, number], zoom: camera.zoom } : { bounds, fitBoundsOptions: { padding: 24 } }),
      attributionControl: false,
      // preserveDrawingBuffer: to read pixels back (PNG export, the browser test). No MSAA:
      // lines and points are smoothed in their shaders, and without a GPU (software WebGL)
      // multisampling cost about a third of each frame.
      canvasContextAttributes: { preserveDrawingBuffer: true, antialias: false },
      fadeDuration: 0,
      maxZoom: 14,
      minZoom: 6,
    });
    map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-right');
    // The page's footer has the full attribution; the map keeps a short one in view.
    map.addControl(new maplibregl.AttributionControl({ compact: false, customAttribution: MAP_ATTRIBUTION[useAppStore.getState().lang] }), 'bottom-left');
    const deckOverlay = new MapLibreOverlay({ interleaved: true, layers: [] });
    map.addControl(deckOverlay);
    mapRef.current = map;
    overlay.current = deckOverlay;
    // The print report takes a still of the map; the drawing buffer is preserved for it.
    const unregister = registerMapCapture(() => map.getCanvas().toDataURL('image/png'));
    const unregisterCenter = registerMapCenter(() => map.getCenter().toArray() as [number, number]);
    const stopKeys = enableFeatureKeys(map);
    map.on('load', () => {
      // Exposed for the benchmark: maplibre's first complete frame, in ms since navigation.
      element.dataset.firstFrameMs = performance.now().toFixed(0);
      viewChanged();
      setStyleLoaded(true);
    });
    map.on('moveend', viewChanged);
    // Exposed for the browser test: a district's name in the table zooms the map.
    map.on('moveend', () => {
      element.dataset.zoom = map.getZoom().toFixed(2);
      const center = map.getCenter();
      element.dataset.center = `${center.lng.toFixed(6)},${center.lat.toFixed(6)}`;
      useAppStore.getState().cameraMoved({ lon: center.lng, lat: center.lat, zoom: map.getZoom() });
    });
    // Exposed for the browser tests: a pan's inertia or a framing is over once the map is idle.
    map.on('movestart', () => {
      element.dataset.moving = 'true';
    });
    map.on('idle', () => {
      element.dataset.moving = 'false';
      element.dataset.mapReady = 'true';
      element.dataset.zoom = map.getZoom().toFixed(2);
      element.dataset.center = `${map.getCenter().lng.toFixed(6)},${map.getCenter().lat.toFixed(6)}`;
      // Exposed for the browser test: deck.gl's layers must sit under the labels.
      element.dataset.layerOrder = map.getLayersOrder().join(' ');
    });
    return () => {
      unregister();
      unregisterCenter();
      stopKeys();
      overlay.current = null;
      mapRef.current = null;
      setStyleLoaded(false);
      map.remove();
    };
  }, [viewChanged]);

  // A new data set keeps the map and its GL context (no shader is compiled again, no style
  // loaded again): its sources take the new boundaries. deck.gl's layers are made anew, so no
  // layer keeps attributes of the data set before; a point hovered there is forgotten.
  useEffect(() => {
    const map = mapRef.current;
    const element = container.current;
    if (!map || !element || held.current === dataset) return;
    setHover(undefined);
    element.dataset.mapReady = 'false';
    let live = true;
    const apply = () => {
      if (!live) return;
      held.current = dataset;
      overlay.current?.setProps({ layers: [] });
      for (const [id, data] of Object.entries(basemapData(dataset))) map.getSource<GeoJSONSource>(id)?.setData(data);
      // As when the map is made: where the user was stays when it is inside the new data's
      // place; else the map frames the new data.
      const bounds = provinceBounds(dataset);
      const camera = useAppStore.getState().camera;
      if (!(camera && inside(camera, bounds))) map.fitBounds(bounds, { padding: 24, animate: false });
      viewChanged();
    };
    // The first figures first: the map's own workers, tiling the new boundaries, would slow
    // the engine's first answer, and the map's next frame would hold back their paint
    // (national GeoParquet: 0.3 to 0.7 s later). So the map takes the new data set once the
    // figures are painted (a task after the next frame), or after 3 s without them.
    let unsubscribe = () => {};
    // Called only from the subscription, the timer and below, all after `timer` is set.
    const start = () => {
      unsubscribe();
      clearTimeout(timer);
      requestAnimationFrame(() =>
        setTimeout(() => {
          // Not on a map already removed, nor for a data set already replaced.
          if (!live) return;
          if (map.getSource('districts')) apply();
          else map.once('load', apply);
        }),
      );
    };
    unsubscribe = useAppStore.subscribe((s) => s.coverage && start());
    const timer = setTimeout(start, 3000);
    if (useAppStore.getState().coverage) start();
    return () => {
      live = false;
      unsubscribe();
      clearTimeout(timer);
    };
  }, [dataset, viewChanged]);

  useEffect(() => {
    const map = mapRef.current;
    const deckOverlay = overlay.current;
    if (!map || !deckOverlay) return;
    // Until the map holds this data set, what it picks is a point or tower of the one before.
    return enablePlanEditing(map, deckOverlay, dataset, () => held.current === dataset);
  }, [dataset]);

  // deck.gl's layers and the districts' fill wait until the map holds the new data set.
  const holdsData = view?.of === dataset;
  useEffect(() => {
    if (!styleLoaded || !holdsData) return;
    const handlers: MapHandlers = {
      onHover: (picked, x, y) => setHover(picked ? { picked, x, y } : undefined),
    };
    // The towers and those on air as the worker's answer leaves them: the page applies no plan.
    const inputs = { dataset, towers, coverage, onAir: coverage?.onAir ?? NONE_ON_AIR, visible: layers, selectedPoint, box: view?.box, zoom: view?.zoom ?? 0 };
    const { gained, lost } = planChanges(coverage);
    const sites = siting.phase === 'done' ? shownSites(siting) : [];
    overlay.current?.setProps({
      layers: [
        ...datasetLayers(inputs, handlers, 'commune-labels'),
        ...evidenceLayers({ dataset, evidence: coverage?.evidence, visible: layers.evidence }, 'commune-labels'),
        ...planLayers({ dataset, towers, selectedTower, gained, lost, sites }, 'commune-labels'),
        ...gapLayers(dataset, gapStatuses, 'commune-labels', lang),
      ],
    });
  }, [dataset, coverage, layers, selectedPoint, styleLoaded, towers, selectedTower, siting, gapStatuses, view, lang, holdsData]);

  useEffect(() => {
    const canvas = mapRef.current?.getCanvas();
    if (canvas) canvas.style.cursor = editMode === 'add' ? 'crosshair' : '';
  }, [editMode, styleLoaded]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !styleLoaded || !holdsData) return;
    map.setLayoutProperty(CHOROPLETH_LAYER, 'visibility', layers.choropleth ? 'visible' : 'none');
    const values = choroplethValues(choroplethMetric, timeline, coverage, dataset.districts.length, asOf);
    const breaks = CHOROPLETH_BREAKS[choroplethMetric] ?? [];
    dataset.districts.forEach((district, i) => {
      map.setFeatureState({ source: 'districts', id: district.id }, { cls: choroplethClass(values.districts[i] ?? null, breaks) });
    });
  }, [dataset, coverage, timeline, asOf, choroplethMetric, layers.choropleth, styleLoaded, holdsData]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !focus) return;
    const [w, s, e, n] = focus.bbox;
    map.fitBounds([w, s, e, n], { padding: 32, maxZoom: 12, duration: 600 });
    // Framed from below (a register row, the district table): the map comes into view too. At
    // once, not smoothly: a smooth scroll stalled while the map animated (Chromium) and left it out of sight.
    const box = container.current?.getBoundingClientRect();
    if (box && (box.top < 0 || box.bottom > window.innerHeight)) container.current?.scrollIntoView({ block: 'nearest', behavior: 'instant' });
  }, [focus]);

  // maplibre's controls are made once with the map: their words follow the language here.
  useEffect(() => {
    const root = container.current;
    const canvas = root?.querySelector('canvas');
    canvas?.setAttribute('aria-label', `${translate(lang, 'mapLabel')}. ${translate(lang, 'mapFocusHint')}`);
    for (const [selector, key] of [
      ['.maplibregl-ctrl-zoom-in', 'mapZoomIn'],
      ['.maplibregl-ctrl-zoom-out', 'mapZoomOut'],
      ['.maplibregl-ctrl-attrib-button', 'mapAttributionToggle'],
    ] as const) {
      const button = root?.querySelector(selector);
      button?.setAttribute('title', translate(lang, key));
      button?.setAttribute('aria-label', translate(lang, key));
    }
    const attribution = root?.querySelector('.maplibregl-ctrl-attrib-inner');
    if (attribution) attribution.textContent = MAP_ATTRIBUTION[lang];
  }, [lang, dataset]);

  const shown = pointMode({ dataset, box: view?.of === dataset ? view.box : undefined });
  const cells = shown.mode === 'cells';
  return (
    <div className="map-frame">
      <div ref={container} className="map" data-testid="map" data-point-mode={shown.mode} data-drawn={shown.mode === 'points' ? shown.indexes.length : 0} />
      {cells && (
        <div className="map-note" role="status" data-testid="map-cells-note">
          <p>{translate(lang, coverage ? 'cellsNote' : 'cellsWaiting')}</p>
          <p className="map-note-legend">{translate(lang, 'cellsLegend')}</p>
          <ul className="map-note-classes">
            {CELL_CLASSES.map((c) => (
              <li key={c.label}>
                <span className="swatch" style={{ background: c.color }} aria-hidden="true" />
                {translate(lang, c.label)}
              </li>
            ))}
          </ul>
        </div>
      )}
      {hover && holdsData && <Tooltip picked={hover.picked} dataset={dataset} x={hover.x} y={hover.y} />}
    </div>
  );
}

function inside(camera: { lon: number; lat: number }, [[w, s], [e, n]]: [[number, number], [number, number]]): boolean {
  return camera.lon >= w && camera.lon <= e && camera.lat >= s && camera.lat <= n;
}

/**
 * Map gestures of the workbench: a click in "add" mode places a planned 4G tower; dragging a
 * planned tower moves it (a preview while the button is down, one undo step when released).
 */
function enablePlanEditing(map: maplibregl.Map, overlay: MapLibreOverlay, dataset: DatasetView, holds: () => boolean): () => void {
  let dragging: { id: string } | undefined;
  const base = dataset.towers;

  // Selection is picked here, on maplibre's click, rather than by the layers' onClick: deck.gl
  // resolves a click from its pointer-down pick, which a busy frame (a large data set in
  // software rendering) could leave empty; the map's click always comes.
  const onClick = (event: maplibregl.MapMouseEvent) => {
    const state = useAppStore.getState();
    if (state.editMode === 'add') {
      placePlannedTowers([{ lon: event.lngLat.lng, lat: event.lngLat.lat }]);
      return;
    }
    if (!holds()) return;
    const target = pickedTarget(overlay.pickObject({ x: event.point.x, y: event.point.y, layerIds: SELECTABLE_LAYERS, radius: 2 }));
    if (!target) return;
    if ('point' in target) state.pointSelected(target.point);
    else state.towerSelected(state.towers[target.tower]?.id);
  };
  const onDown = (event: maplibregl.MapMouseEvent) => {
    if (!holds()) return;
    const picked = overlay.pickObject({ x: event.point.x, y: event.point.y, layerIds: ['towers'], radius: 4 });
    // The towers layer's data are slots of the towers with the plan applied.
    const state = useAppStore.getState();
    const shown = picked?.layer?.props.data;
    const index = picked && shown instanceof Uint32Array ? towerIndexOf(shown, picked.index) : undefined;
    const tower: Tower | undefined = index === undefined ? undefined : state.towers[index];
    if (!tower || tower.status !== 'planned') return;
    event.preventDefault();
    map.dragPan.disable();
    dragging = { id: tower.id };
    useAppStore.getState().towerSelected(tower.id);
  };
  const onMove = (event: maplibregl.MapMouseEvent) => {
    if (!dragging) return;
    const state = useAppStore.getState();
    const { lng, lat } = event.lngLat;
    state.planPreviewed(updateTower(state.plan, base, dragging.id, { lon: lng, lat }));
  };
  const onUp = () => {
    if (!dragging) return;
    dragging = undefined;
    map.dragPan.enable();
    const state = useAppStore.getState();
    if (state.planPreview) state.planEdited(state.planPreview);
  };
  map.on('click', onClick);
  map.on('mousedown', onDown);
  map.on('mousemove', onMove);
  map.on('mouseup', onUp);
  return () => {
    map.off('click', onClick);
    map.off('mousedown', onDown);
    map.off('mousemove', onMove);
    map.off('mouseup', onUp);
  };
}
