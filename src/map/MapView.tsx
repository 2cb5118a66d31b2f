import 'maplibre-gl/dist/maplibre-gl.css';
import { MapLibreOverlay } from '@deck.gl/maplibre';
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import { useEffect, useRef, useState } from 'react';
import type { Dataset } from '../domain/types.ts';
import { useAppStore } from '../state/store.ts';
import { translate } from '../ui/i18n.ts';
import { Tooltip } from '../ui/Tooltip.tsx';
import { datasetLayers, type Picked } from './layers.ts';
import { basemapStyle, provinceBounds } from './style.ts';

maplibregl.setWorkerUrl(workerUrl);

interface Hover {
  picked: Picked;
  x: number;
  y: number;
}

/** The map: a maplibre basemap from the dataset's boundaries with deck.gl layers interleaved. */
export default function MapView({ dataset }: { dataset: Dataset }) {
  const container = useRef<HTMLDivElement>(null);
  const overlay = useRef<MapLibreOverlay | null>(null);
  const [hover, setHover] = useState<Hover | undefined>();
  // deck.gl can slot its layers under the labels only once the style has loaded.
  const [styleLoaded, setStyleLoaded] = useState(false);
  const layers = useAppStore((s) => s.layers);
  const lang = useAppStore((s) => s.lang);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const map = new maplibregl.Map({
      container: element,
      style: basemapStyle(dataset),
      bounds: provinceBounds(dataset),
      fitBoundsOptions: { padding: 24 },
      attributionControl: false,
      // Needed to read pixels back (PNG export, the browser test).
      canvasContextAttributes: { preserveDrawingBuffer: true, antialias: true },
      maxZoom: 14,
      minZoom: 6,
    });
    map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-right');
    const deckOverlay = new MapLibreOverlay({ interleaved: true, layers: [] });
    map.addControl(deckOverlay);
    overlay.current = deckOverlay;
    map.on('load', () => setStyleLoaded(true));
    map.on('idle', () => {
      element.dataset.mapReady = 'true';
      // Exposed for the browser test: deck.gl's layers must sit under the labels.
      element.dataset.layerOrder = map.getLayersOrder().join(' ');
    });
    return () => {
      overlay.current = null;
      setStyleLoaded(false);
      map.remove();
    };
  }, [dataset]);

  useEffect(() => {
    if (!styleLoaded) return;
    const onHover = (picked: Picked | undefined, x: number, y: number) =>
      setHover(picked ? { picked, x, y } : undefined);
    overlay.current?.setProps({ layers: datasetLayers(dataset, layers, onHover, 'commune-labels') });
  }, [dataset, layers, styleLoaded]);

  useEffect(() => {
    const canvas = container.current?.querySelector('canvas');
    canvas?.setAttribute('aria-label', translate(lang, 'mapLabel'));
  }, [lang, dataset]);

  return (
    <div className="map-frame">
      <div ref={container} className="map" data-testid="map" />
      {hover && <Tooltip picked={hover.picked} dataset={dataset} x={hover.x} y={hover.y} />}
    </div>
  );
}
