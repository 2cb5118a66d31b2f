// A still of the map for the print report. The map registers how to take one while it is
// on screen; the report asks without importing maplibre (kept in the map's lazy chunk).
// Synchronous, so that it also works inside a `beforeprint` handler (Ctrl+P).
type Capture = () => string;

let current: Capture | undefined;

export function registerMapCapture(capture: Capture): () => void {
  current = capture;
  return () => {
    if (current === capture) current = undefined;
  };
}

/** A PNG data URL of the map as last drawn, or undefined when no map is on screen. */
export function captureMap(): string | undefined {
  try {
    return current?.();
  } catch {
    // A tainted or lost canvas: the report prints without the map rather than not at all.
    return undefined;
  }
}

type Center = () => [number, number];
let center: Center | undefined;

export function registerMapCenter(getter: Center): () => void {
  center = getter;
  return () => {
    if (center === getter) center = undefined;
  };
}

/** The map's centre [lon, lat], for keyboard users adding a tower without pointing. */
export function mapCenter(): [number, number] | undefined {
  return center?.();
}
