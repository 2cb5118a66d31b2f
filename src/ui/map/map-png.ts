// The map as a PNG to pass around: the map as drawn, with a title, the day, a key and the
// attribution drawn into the picture itself (a screenshot would lose them).
export interface MapPngParts {
  mapImage: string;
  title: string;
  subtitle: string;
  /** A second line under the subtitle: the network and the coverage model counted. */
  detail?: string;
  key: { icons: string[]; label: string }[];
  attribution: readonly string[];
}

const FONT = "'Be Vietnam Pro', system-ui, sans-serif";
const PAD = 16;

function loadImage(src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error(`could not load an image for the PNG (${src.slice(0, 30)}…)`));
    image.src = src;
  });
}

/** Draws the parts into one picture and returns it as a PNG blob. */
export async function mapPng(parts: MapPngParts): Promise<Blob> {
  const map = await loadImage(parts.mapImage);
  const icons = await Promise.all(parts.key.map((entry) => Promise.all(entry.icons.map(loadImage))));
  await document.fonts.ready;
  const width = map.naturalWidth;
  const headerH = parts.detail ? 84 : 64;
  const keyRowH = 24;
  const footerH = 12 + 18 * parts.attribution.length + keyRowH * Math.ceil(parts.key.length / 3);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = headerH + map.naturalHeight + footerH;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('this browser cannot draw the PNG (no 2D canvas)');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.fillStyle = '#1f1a14';
  ctx.textBaseline = 'top';
  ctx.font = `600 22px ${FONT}`;
  ctx.fillText(parts.title, PAD, 10, width - 2 * PAD);
  ctx.font = `15px ${FONT}`;
  ctx.fillText(parts.subtitle, PAD, 38, width - 2 * PAD);
  if (parts.detail) ctx.fillText(parts.detail, PAD, 58, width - 2 * PAD);
  ctx.drawImage(map, 0, headerH);
  let y = headerH + map.naturalHeight + 8;
  ctx.font = `14px ${FONT}`;
  const columnW = Math.floor((width - 2 * PAD) / 3);
  parts.key.forEach((entry, i) => {
    const x = PAD + (i % 3) * columnW;
    const rowY = y + Math.floor(i / 3) * keyRowH;
    let ix = x;
    for (const icon of icons[i] ?? []) {
      ctx.drawImage(icon, ix, rowY, 16, 16);
      ix += 20;
    }
    ctx.fillText(entry.label, ix + 4, rowY + 1, columnW - (ix - x) - 8);
  });
  y += keyRowH * Math.ceil(parts.key.length / 3) + 4;
  ctx.fillStyle = '#4a3f33';
  ctx.font = `13px ${FONT}`;
  for (const line of parts.attribution) {
    ctx.fillText(line, PAD, y, width - 2 * PAD);
    y += 18;
  }
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the browser could not encode the PNG'))), 'image/png'),
  );
}
