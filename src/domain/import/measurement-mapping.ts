// Which columns of a speed-test export hold the contract's measurement fields (contract rule
// 10), by header name as csv-mapping.ts does for points (normalised: case, accents, "đ" and
// punctuation ignored), with the names Vietnamese offices and apps use ("Tốc độ tải xuống
// (Mbps)", "Nhà mạng", "Kinh độ", …) and the unit a speed column is in: a header that says
// "kbps" is converted (÷ 1000), one that says "Mbps" or nothing is read as Mbps.
import { normalizeHeader, type ColumnMapping } from './csv-mapping.ts';

export const MEASUREMENT_FIELDS = ['date', 'lon', 'lat', 'operator', 'download_mbps', 'technology', 'upload_mbps', 'latency_ms', 'source'] as const;
export type MeasurementField = (typeof MEASUREMENT_FIELDS)[number];
export const REQUIRED_MEASUREMENT_FIELDS: readonly MeasurementField[] = ['date', 'lon', 'lat', 'operator', 'download_mbps'];

export type SpeedUnit = 'mbps' | 'kbps';

/** Which column (0-based) holds each field, null when none; the unit of each speed column. */
export interface MeasurementMapping {
  columns: Record<MeasurementField, number | null>;
  downloadUnit: SpeedUnit;
  uploadUnit: SpeedUnit;
}

export interface MeasurementGuess extends MeasurementMapping {
  /** Required fields no column was found for. */
  unmapped: MeasurementField[];
  /** Columns the mapping does not use. */
  ignored: number[];
}

/** Normalised names (see normalizeHeader) meaning each field, best first; units stripped before comparing. */
const ALIASES: Readonly<Record<MeasurementField, readonly string[]>> = {
  date: ['date', 'ngay', 'ngay_do', 'ngay_kiem_tra', 'ngay_thu', 'thoi_gian', 'thoi_diem', 'test_date', 'date_time', 'datetime', 'timestamp', 'time'],
  lon: ['lon', 'lng', 'long', 'longitude', 'kinh_do', 'kinhdo', 'client_longitude', 'x'],
  lat: ['lat', 'latitude', 'vi_do', 'vido', 'client_latitude', 'y'],
  operator: ['operator', 'nha_mang', 'ten_nha_mang', 'nha_cung_cap', 'nha_mang_di_dong', 'mang', 'carrier', 'isp', 'network_operator', 'provider'],
  download_mbps: ['download', 'toc_do_tai_xuong', 'tai_xuong', 'download_speed', 'toc_do_download', 'dl', 'down', 'avg_d'],
  technology: ['technology', 'cong_nghe', 'loai_mang', 'tech', 'radio', 'network_type'],
  upload_mbps: ['upload', 'toc_do_tai_len', 'tai_len', 'upload_speed', 'toc_do_upload', 'ul', 'up', 'avg_u'],
  latency_ms: ['latency', 'do_tre', 'ping', 'avg_lat', 'tre'],
  source: ['source', 'nguon', 'nguon_du_lieu', 'ung_dung', 'app'],
};

const UNIT_WORDS = new Set(['mbps', 'kbps', 'ms', 'mb_s', 'kb_s']);

/** A header normalised, with a unit word at its end dropped: "Tốc độ tải xuống (Mbps)" → "toc_do_tai_xuong". */
function stem(header: string): { name: string; unit: SpeedUnit | undefined } {
  const normal = normalizeHeader(header);
  const tokens = normal.split('_').filter((t) => t !== '');
  const unit: SpeedUnit | undefined = tokens.includes('kbps') || normal.endsWith('kb_s') ? 'kbps' : tokens.includes('mbps') || normal.endsWith('mb_s') ? 'mbps' : undefined;
  let name = normal;
  for (const word of UNIT_WORDS) {
    if (name === word) break;
    if (name.endsWith(`_${word}`)) name = name.slice(0, -word.length - 1);
  }
  return { name, unit };
}

/**
 * The mapping guessed from a header: exact contract names first ("download_mbps"), then a
 * column whose name, unit dropped, is an alias. Each column is used once; ties go left.
 */
export function guessMeasurementMapping(header: readonly string[]): MeasurementGuess {
  const stems = header.map(stem);
  const normal = header.map((h) => normalizeHeader(h));
  const columns = Object.fromEntries(MEASUREMENT_FIELDS.map((f) => [f, null])) as Record<MeasurementField, number | null>;
  const used = new Set<number>();
  for (const field of MEASUREMENT_FIELDS) {
    const exact = normal.findIndex((n, i) => n === field && !used.has(i));
    if (exact >= 0) {
      columns[field] = exact;
      used.add(exact);
    }
  }
  for (const field of MEASUREMENT_FIELDS) {
    if (columns[field] !== null) continue;
    for (const alias of ALIASES[field]) {
      const found = stems.findIndex((s, i) => s.name === alias && !used.has(i));
      if (found >= 0) {
        columns[field] = found;
        used.add(found);
        break;
      }
    }
  }
  const unitOf = (field: 'download_mbps' | 'upload_mbps'): SpeedUnit => {
    const column = columns[field];
    return column === null ? 'mbps' : (stems[column]?.unit ?? 'mbps');
  };
  return {
    columns,
    downloadUnit: unitOf('download_mbps'),
    uploadUnit: unitOf('upload_mbps'),
    unmapped: REQUIRED_MEASUREMENT_FIELDS.filter((f) => columns[f] === null),
    ignored: header.map((_, i) => i).filter((i) => !used.has(i)),
  };
}

/** An Ookla open-data tile file: `quadkey` and `avg_d_kbps` columns. */
export function isOoklaHeader(header: readonly string[]): boolean {
  const normal = header.map((h) => normalizeHeader(h));
  return normal.includes('quadkey') && normal.includes('avg_d_kbps');
}

/** Radio names that say a technology: LTE is 4G, NR 5G, … (upper case, spaces and dashes dropped). */
export const RADIO_TECHNOLOGY: Readonly<Record<string, '2G' | '3G' | '4G' | '5G'>> = {
  GSM: '2G',
  GPRS: '2G',
  EDGE: '2G',
  UMTS: '3G',
  WCDMA: '3G',
  HSPA: '3G',
  'HSPA+': '3G',
  HSDPA: '3G',
  LTE: '4G',
  LTEA: '4G',
  '4GLTE': '4G',
  NR: '5G',
  '5GNR': '5G',
};

/** A header that can only be speed tests: Ookla tiles, or a download speed with every required field found. */
export function looksLikeMeasurements(header: readonly string[]): boolean {
  if (isOoklaHeader(header)) return true;
  const guess = guessMeasurementMapping(header);
  return guess.unmapped.length === 0;
}

/**
 * The mapping in the shape the import panel's mapping editor edits (lon, lat, then the other
 * fields), so that a speed-test CSV is corrected as a CSV of points is.
 */
export function asColumnMapping(mapping: MeasurementMapping): ColumnMapping {
  const { lon, lat, ...rest } = mapping.columns;
  return { lon, lat, properties: rest as unknown as ColumnMapping['properties'] };
}

/**
 * The user's choice from the editor back as a measurement mapping: a field left out has no
 * column, and each speed's unit is the one its chosen column's header says (kbps → ÷ 1000).
 */
export function fromColumnMapping(header: readonly string[], edited: ColumnMapping): MeasurementMapping {
  const properties = edited.properties as unknown as Partial<Record<MeasurementField, number | null>>;
  const columns = Object.fromEntries(MEASUREMENT_FIELDS.map((f) => [f, null])) as Record<MeasurementField, number | null>;
  for (const field of MEASUREMENT_FIELDS) {
    const value = field === 'lon' ? edited.lon : field === 'lat' ? edited.lat : properties[field];
    columns[field] = typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < header.length ? value : null;
  }
  const unitOf = (field: 'download_mbps' | 'upload_mbps'): SpeedUnit => {
    const column = columns[field];
    return column === null ? 'mbps' : (stem(header[column] ?? '').unit ?? 'mbps');
  };
  return { columns, downloadUnit: unitOf('download_mbps'), uploadUnit: unitOf('upload_mbps') };
}
