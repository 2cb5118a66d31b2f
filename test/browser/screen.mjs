// Where a place is on the page, from the map's exposed centre and zoom (data-center,
// data-zoom) and Web Mercator with maplibre's 512 px tiles: for tests and benchmarks that
// hover or click a known point.

/** @param {import('playwright-core').Page} page @returns {Promise<{ x: number; y: number }>} */
export async function screenOf(page, lon, lat) {
  const map = page.getByTestId('map');
  const [clon, clat] = ((await map.getAttribute('data-center')) ?? '').split(',').map(Number);
  const zoom = Number(await map.getAttribute('data-zoom'));
  const box = await map.boundingBox();
  const world = 512 * 2 ** zoom;
  const mx = (l) => ((l + 180) / 360) * world;
  const my = (f) => ((1 - Math.log(Math.tan((f * Math.PI) / 180) + 1 / Math.cos((f * Math.PI) / 180)) / Math.PI) / 2) * world;
  return { x: box.x + box.width / 2 + mx(lon) - mx(clon), y: box.y + box.height / 2 + my(lat) - my(clat) };
}
