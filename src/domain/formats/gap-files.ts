// The gap register's rows as GeoParquet or FlatGeobuf, for a GIS: the same fields as its CSV
// and GeoJSON exports (export/table.ts `gapProperties`: kind, level, status, nearest tower…),
// each a column, the point as the geometry. The writers are the point files' own.
import type { GapRow } from '../gaps/register.ts';
import type { GapStatuses } from '../gaps/status.ts';
import { GAP_HEADERS, gapProperties } from '../export/table.ts';
import { writeFlatGeobufTable } from './flatgeobuf.ts';
import { writeGeoParquetTable, type PointColumn } from './geoparquet.ts';
import type { PointFormat } from './index.ts';

/** The rows as a points file of `format`; FlatGeobuf writes them in its index's order. */
export function gapsFile(rows: readonly GapRow[], format: PointFormat, statuses?: GapStatuses): Uint8Array {
  const properties = rows.map((row) => {
    const { lon: _lon, lat: _lat, ...rest } = gapProperties(row, statuses);
    return rest as Record<string, string | number | boolean | null>;
  });
  const names = Object.keys(GAP_HEADERS.en).filter((name) => name !== 'lon' && name !== 'lat');
  const columns: PointColumn[] = names.map((name) => ({ name, values: properties.map((p) => p[name] ?? null) }));
  return format === 'geoparquet' ? writeGeoParquetTable(columns, rows) : writeFlatGeobufTable('gaps', columns, rows);
}
