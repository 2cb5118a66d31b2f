// The floor of a GeoParquet import in the browser bench (browser-national.mjs): a worker that
// only reads the point files and decodes the columns an import reads (the app's own reader,
// formats/geoparquet.ts over hyparquet), with no checks, no records and no coverage. Bundled by
// the bench with esbuild and started from a Blob, as the bare JSON.parse is.
import { readGeoParquet } from '../../src/domain/formats/geoparquet.ts';

onmessage = async (e: MessageEvent<File[]>) => {
  const started = performance.now();
  let rows = 0;
  for (const file of e.data) {
    if (!/\.parquet$/.test(file.name)) continue;
    const { table } = await readGeoParquet(file.name, new Uint8Array(await file.arrayBuffer()));
    if (!table) throw new Error(`${file.name}: not readable`);
    for await (const chunk of table.chunks(table.header.map((_, i) => i))) rows += chunk.length;
  }
  postMessage({ total: performance.now() - started, rows });
};
