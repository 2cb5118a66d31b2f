// The `points` of the coverage report as a table, chunk by chunk (for `coverage --out x.csv`
// or `x.parquet`): the same values as `reportFromColumns` gives each point, read straight from
// the engine's columns, so a million points never become a million objects or one string.
import { LEVEL_NAMES } from '../coverage/columns.ts';
import { CLASS_RURAL } from '../coverage/radio-model.ts';
import { roundKm, type CoverageColumns } from '../coverage/report.ts';
import { CLUTTER_CLASSES, type Boundary, type Dataset } from '../types.ts';

export const COVERAGE_COLUMNS = ['kind', 'id', 'level', 'district_id', 'nearest_4g_id', 'nearest_4g_km', 'commune_id', 'clutter'] as const;

/** Rows `from .. from + length - 1` of the points table, one array per column; null where the JSON has null. */
export interface CoverageRows {
  kind: string[];
  id: string[];
  level: string[];
  district_id: (string | null)[];
  nearest_4g_id: (string | null)[];
  /** Haversine km rounded to 4 decimals, as in the JSON. */
  nearest_4g_km: (number | null)[];
  commune_id: (string | null)[];
  /** Contract rule 8: the point's clutter class. */
  clutter: string[];
}

/** The points table in chunks of `rowsPerChunk` rows, in the report's order (hamlets, then schools). */
export function* coverageRowChunks(dataset: Dataset, columns: CoverageColumns, rowsPerChunk = 65_536): Generator<CoverageRows> {
  const { level, nearest4g, nearest4gKm } = columns.classification;
  const n = columns.points.count;
  const h = columns.hamletCount;
  const idOf = (boundaries: readonly Boundary[] | undefined, k: number | undefined): string | null =>
    k === undefined || k < 0 ? null : (boundaries?.[k]?.id ?? null);
  for (let from = 0; from < n; from += rowsPerChunk) {
    const to = Math.min(n, from + rowsPerChunk);
    const rows: CoverageRows = { kind: [], id: [], level: [], district_id: [], nearest_4g_id: [], nearest_4g_km: [], commune_id: [], clutter: [] };
    for (let i = from; i < to; i++) {
      const isHamlet = i < h;
      const source = isHamlet ? dataset.hamlets[i] : dataset.schools[i - h];
      const t = nearest4g[i] as number;
      const tower = t < 0 ? undefined : dataset.towers[columns.towers.towerIndex[t] as number];
      rows.kind.push(isHamlet ? 'hamlet' : 'school');
      rows.id.push(source?.id ?? '');
      rows.level.push(LEVEL_NAMES[level[i] as number] ?? 'none');
      rows.district_id.push(idOf(dataset.districts, columns.district[i]));
      rows.nearest_4g_id.push(tower?.id ?? null);
      rows.nearest_4g_km.push(tower === undefined ? null : roundKm(nearest4gKm[i] as number));
      rows.commune_id.push(idOf(dataset.communes, columns.commune?.[i]));
      rows.clutter.push(CLUTTER_CLASSES[columns.clutter?.[i] ?? CLASS_RURAL] ?? 'rural');
    }
    yield rows;
  }
}

function csvCell(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV lines (RFC 4180, "\n" ends) of a chunk; an empty cell for null. */
export function coverageCsv(rows: CoverageRows): string {
  const lines: string[] = [];
  for (let r = 0; r < rows.kind.length; r++) {
    lines.push(COVERAGE_COLUMNS.map((column) => csvCell(rows[column][r] as string | number | null)).join(','));
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

export const COVERAGE_CSV_HEADER = `${COVERAGE_COLUMNS.join(',')}\n`;
