export type ColorCounts<K extends string> = Record<K | 'total', number>;

/**
 * Runs in the page: copies the map canvas (drawn with preserveDrawingBuffer) to a 2D canvas
 * and counts pixels within a small distance of each named colour.
 */
export function countColors<K extends string>(palette: Record<K, string>): ColorCounts<K> {
  const source = document.querySelector<HTMLCanvasElement>('.maplibregl-canvas');
  const counts = { total: 0 } as Record<string, number>;
  const targets = Object.entries(palette).map(([name, hex]) => {
    counts[name] = 0;
    const n = Number.parseInt((hex as string).slice(1), 16);
    return { name, r: (n >> 16) & 255, g: (n >> 8) & 255, b: n & 255 };
  });
  if (!source) return counts as ColorCounts<K>;
  const copy = document.createElement('canvas');
  copy.width = source.width;
  copy.height = source.height;
  const context = copy.getContext('2d');
  if (!context) return counts as ColorCounts<K>;
  context.drawImage(source, 0, 0);
  const data = context.getImageData(0, 0, copy.width, copy.height).data;
  counts.total = copy.width * copy.height;
  for (let i = 0; i < data.length; i += 4) {
    const r = data[i] as number;
    const g = data[i + 1] as number;
    const b = data[i + 2] as number;
    for (const t of targets) {
      if (Math.abs(r - t.r) + Math.abs(g - t.g) + Math.abs(b - t.b) <= 18) {
        counts[t.name] = (counts[t.name] as number) + 1;
        break;
      }
    }
  }
  return counts as ColorCounts<K>;
}
