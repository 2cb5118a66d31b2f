/**
 * Export what the register shows: CSV that opens right in Excel (UTF-8 with a byte-order
 * mark, CRLF, RFC 4180 quoting) and is safe there (no cell runs as a formula), and GeoJSON
 * points for a GIS. Pure: text in, text out.
 */
import type { GapRow } from '../gaps/register.ts';
import { currentGap, type GapStatuses } from '../gaps/status.ts';
import { roundKm } from '../coverage/report.ts';

export type CsvValue = string | number | boolean | null | undefined;

export interface CsvColumn<R> {
  header: string;
  value: (row: R) => CsvValue;
}

/** First characters that make a spreadsheet read a text cell as a formula (OWASP CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One cell's text. Numbers are written as numbers ("-5", "0.25"; NaN and ±Infinity as an
 * empty cell), booleans as true/false, null and undefined as an empty cell. Text that
 * starts with = + - @ TAB or CR gets a leading apostrophe, which spreadsheets show as text
 * and hide; then a cell holding a comma, quote, CR or LF is quoted, quotes doubled.
 */
export function csvCell(value: CsvValue): string {
  let text: string;
  if (value === null || value === undefined) text = '';
  else if (typeof value === 'number') text = Number.isFinite(value) ? String(value) : '';
  else if (typeof value === 'boolean') text = value ? 'true' : 'false';
  else text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * RFC 4180 CSV: "\uFEFF" (so Excel reads UTF-8), a header line, one line per row, CRLF after
 * every line. Headers are cells like any other text.
 */
export function toCsv<R>(columns: readonly CsvColumn<R>[], rows: readonly R[]): string {
  const lines = [columns.map((c) => csvCell(c.header)).join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvCell(c.value(row))).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

// ---------------------------------------------------------------------------------------
// The gap register.

/** A gap's export fields, snake_case, in export order (GeoJSON properties and CSV columns). */
export interface GapProperties {
  gap_id: string;
  kind: GapRow['kind'];
  id: string;
  name: string;
  level: GapRow['level'];
  status: string;
  assigned_operator: string | null;
  status_date: string | null;
  status_note: string | null;
  nearest_4g_id: string | null;
  nearest_4g_operator: string | null;
  /** Rounded to 0.1 m, as the coverage command writes it. */
  nearest_4g_km: number | null;
  /** Hamlet population or school students. */
  weight: number;
  students_in_need: number | null;
  grid_power: boolean | null;
  district_id: string | null;
  district_name: string | null;
  commune_id: string | null;
  commune_name: string | null;
  lon: number;
  lat: number;
}

export function gapProperties(row: GapRow, statuses?: GapStatuses): GapProperties {
  const state = currentGap(statuses, row.gapId);
  return {
    gap_id: row.gapId,
    kind: row.kind,
    id: row.id,
    name: row.name,
    level: row.level,
    status: state.status,
    assigned_operator: state.operator ?? null,
    status_date: state.last?.date ?? null,
    status_note: state.last?.note ?? null,
    nearest_4g_id: row.nearestId,
    nearest_4g_operator: row.nearestOperator,
    nearest_4g_km: row.nearestKm === null ? null : roundKm(row.nearestKm),
    weight: row.weight,
    students_in_need: row.studentsInNeed,
    grid_power: row.gridPower,
    district_id: row.districtId,
    district_name: row.districtName,
    commune_id: row.communeId,
    commune_name: row.communeName,
    lon: row.lon,
    lat: row.lat,
  };
}

export interface GapsGeoJSON {
  type: 'FeatureCollection';
  features: { type: 'Feature'; properties: Omit<GapProperties, 'lon' | 'lat'>; geometry: { type: 'Point'; coordinates: [number, number] } }[];
}

/** The rows as GeoJSON Point features ([lon, lat]), with each gap's current status. `JSON.stringify` it. */
export function gapsToGeoJSON(rows: readonly GapRow[], statuses?: GapStatuses): GapsGeoJSON {
  return {
    type: 'FeatureCollection',
    features: rows.map((row) => {
      const { lon, lat, ...properties } = gapProperties(row, statuses);
      return { type: 'Feature' as const, properties, geometry: { type: 'Point' as const, coordinates: [lon, lat] } };
    }),
  };
}

type GapColumnKey = keyof GapProperties;

/** CSV headers by language; the values stay the codes of the data contract (none, weak, open…). */
export const GAP_HEADERS: Readonly<Record<'vi' | 'en', Readonly<Record<GapColumnKey, string>>>> = {
  en: {
    gap_id: 'Gap',
    kind: 'Kind',
    id: 'Id',
    name: 'Name',
    level: 'Coverage',
    status: 'Status',
    assigned_operator: 'Assigned to',
    status_date: 'Status date',
    status_note: 'Status note',
    nearest_4g_id: 'Nearest 4G/5G tower',
    nearest_4g_operator: 'Nearest 4G/5G operator',
    nearest_4g_km: 'Nearest 4G/5G (km)',
    weight: 'Population / students',
    students_in_need: 'Students in need',
    grid_power: 'Grid power',
    district_id: 'District code',
    district_name: 'District',
    commune_id: 'Commune code',
    commune_name: 'Commune',
    lon: 'Longitude',
    lat: 'Latitude',
  },
  vi: {
    gap_id: 'Mã điểm trống',
    kind: 'Loại',
    id: 'Mã',
    name: 'Tên',
    level: 'Mức phủ sóng',
    status: 'Trạng thái',
    assigned_operator: 'Giao cho',
    status_date: 'Ngày cập nhật',
    status_note: 'Ghi chú',
    nearest_4g_id: 'Trạm 4G/5G gần nhất',
    nearest_4g_operator: 'Nhà mạng trạm gần nhất',
    nearest_4g_km: 'Khoảng cách 4G/5G (km)',
    weight: 'Dân số / học sinh',
    students_in_need: 'Học sinh khó khăn',
    grid_power: 'Điện lưới',
    district_id: 'Mã huyện',
    district_name: 'Huyện',
    commune_id: 'Mã xã',
    commune_name: 'Xã',
    lon: 'Kinh độ',
    lat: 'Vĩ độ',
  },
};

const GAP_COLUMN_KEYS = Object.keys(GAP_HEADERS.en) as GapColumnKey[];

/** The rows as CSV (`toCsv`), one column per `GapProperties` field, headers in `lang`. */
export function gapsToCsv(rows: readonly GapRow[], statuses: GapStatuses | undefined, lang: 'vi' | 'en'): string {
  const headers = GAP_HEADERS[lang];
  const columns: CsvColumn<GapProperties>[] = GAP_COLUMN_KEYS.map((key) => ({ header: headers[key], value: (p) => p[key] }));
  return toCsv(
    columns,
    rows.map((row) => gapProperties(row, statuses)),
  );
}
