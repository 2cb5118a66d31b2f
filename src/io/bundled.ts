// Vite copies the bundled data folder into the build as hashed assets: no network needed.
const urls = import.meta.glob('/data/**/*.{geojson,csv,json}', {
  query: '?url',
  import: 'default',
  eager: true,
}) as Record<string, string>;

/** The bundled Cà Mau data files, with paths relative to the data folder. */
export function bundledFiles(): { path: string; url: string }[] {
  return Object.entries(urls)
    .map(([key, url]) => ({ path: key.replace(/^\/data\//, ''), url }))
    .sort((a, b) => a.path.localeCompare(b.path));
}
