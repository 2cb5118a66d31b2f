// The contract's fields of each point kind, as a CSV import (csv-points.ts) maps columns to
// them, and `guessMapping(kind, header)`, the import's second step: which column holds the
// longitude, the latitude and each property of the contract, by name (case- and
// accent-insensitive, with Vietnamese and common aliases: "Kinh độ", "dan_so", "hoc_sinh",
// …), and which required ones are unmapped. The user may correct it; `swapCoordinates` is
// the fix for swapped axes.

export type PointKind = 'hamlets' | 'schools' | 'towers';
export const POINT_KINDS: readonly PointKind[] = ['hamlets', 'schools', 'towers'];

type FieldType = 'string' | 'count' | 'number' | 'boolean';

export interface FieldSpec {
  readonly name: string;
  readonly type: FieldType;
  readonly required: boolean;
  /** Normalised header names (see `normalizeHeader`) that mean this field, best first. */
  readonly aliases: readonly string[];
}

const f = (name: string, type: FieldType, required: boolean, ...aliases: string[]): FieldSpec => ({
  name,
  type,
  required,
  aliases: [name, ...aliases],
});

const COMMON_NAME = ['ten', 'ten_goi', 'name_vi'];
// The contract's commune and district are codes (GSO's "mã xã", "mã huyện"): codes first,
// then names, as a Vietnamese office's sheet names them.
const COMMUNE = f(
  'commune', 'string', false,
  'ma_xa', 'ma_xa_phuong', 'ma_phuong_xa', 'ma_don_vi_xa', 'commune_code', 'commune_id',
  'xa', 'ten_xa', 'xa_phuong', 'phuong_xa', 'ten_xa_phuong', 'commune_name',
);
const DISTRICT = f(
  'district', 'string', false,
  'ma_huyen', 'ma_quan_huyen', 'ma_quan', 'district_code', 'district_id',
  'huyen', 'ten_huyen', 'quan_huyen', 'ten_quan_huyen', 'district_name',
);
const SYNTHETIC = f('synthetic', 'boolean', false, 'gia_lap', 'du_lieu_gia_lap');

/** The contract's properties of each point kind (shared/data-contract.md), in its order. */
export const SPECS = {
  hamlets: [
    f('id', 'string', true, 'ma', 'ma_ap', 'ma_so', 'hamlet_id', 'code', 'ma_khom', 'ma_ap_khom', 'ma_thon', 'ma_ap_thon'),
    f('name', 'string', true, ...COMMON_NAME, 'ten_ap', 'hamlet_name', 'ten_khom', 'ten_ap_khom', 'ten_thon', 'ap', 'ap_khom'),
    f('population', 'count', true, 'dan_so', 'so_dan', 'nhan_khau', 'so_nhan_khau', 'pop', 'tong_dan_so', 'so_khau', 'population_total'),
    f('households', 'count', false, 'so_ho', 'ho', 'ho_dan', 'so_ho_dan', 'tong_so_ho'),
    f('poor_households', 'count', false, 'ho_ngheo', 'so_ho_ngheo', 'ho_ngheo_can_ngheo'),
    f('students', 'count', false, 'hoc_sinh', 'so_hoc_sinh', 'hs', 'so_hs'),
    f('grid_power', 'boolean', false, 'dien_luoi', 'co_dien_luoi', 'co_dien'),
    COMMUNE,
    DISTRICT,
    SYNTHETIC,
  ],
  schools: [
    f('id', 'string', true, 'ma', 'ma_truong', 'ma_so', 'school_id', 'school_code', 'code', 'ref'),
    f('name', 'string', true, ...COMMON_NAME, 'ten_truong', 'school_name'),
    f('level', 'string', true, 'cap', 'cap_hoc', 'bac_hoc', 'school_level', 'education_level'),
    f('students', 'count', true, 'hoc_sinh', 'so_hoc_sinh', 'hs', 'so_hs', 'tong_so_hoc_sinh', 'si_so', 'num_students', 'student_count', 'students_count', 'enrollment', 'pupils', 'capacity'),
    f('students_in_need', 'count', false, 'hoc_sinh_kho_khan', 'hs_kho_khan', 'hs_can_may_tinh'),
    f('fixed_broadband', 'boolean', false, 'internet_co_dinh', 'bang_rong_co_dinh', 'co_internet'),
    COMMUNE,
    DISTRICT,
    SYNTHETIC,
  ],
  towers: [
    f('id', 'string', true, 'ma', 'ma_tram', 'ma_so', 'site_id', 'tower_id', 'site_code', 'code'),
    f('operator', 'string', true, 'nha_mang', 'nha_cung_cap', 'carrier', 'mang'),
    f('status', 'string', true, 'trang_thai', 'tinh_trang'),
    f('technology', 'string', true, 'cong_nghe', 'tech', 'radio'),
    f('radius_km', 'number', false, 'ban_kinh_km', 'ban_kinh', 'radius'),
    f('service_date', 'string', false, 'ngay_phat_song', 'ngay_hoat_dong'),
    f('upgrade_technology', 'string', false, 'cong_nghe_nang_cap'),
    f('upgrade_radius_km', 'number', false, 'ban_kinh_nang_cap_km', 'ban_kinh_nang_cap'),
    f('upgrade_date', 'string', false, 'ngay_nang_cap'),
    f('height_m', 'number', false, 'chieu_cao_m', 'chieu_cao', 'do_cao', 'height'),
    f('band_mhz', 'number', false, 'bang_tan_mhz', 'bang_tan', 'tan_so_mhz', 'tan_so', 'band', 'frequency_mhz'),
    f('upgrade_band_mhz', 'number', false, 'bang_tan_nang_cap_mhz', 'bang_tan_nang_cap'),
    SYNTHETIC,
  ],
} as const satisfies Record<PointKind, readonly FieldSpec[]>;

const LON_ALIASES = ['lon', 'lng', 'long', 'longitude', 'kinh_do', 'kinhdo', 'toa_do_x', 'kinh_do_x', 'x'];
const LAT_ALIASES = ['lat', 'latitude', 'vi_do', 'vido', 'toa_do_y', 'vi_do_y', 'y'];

/** The contract property names of a kind, in the contract's order. */
export type ContractField<K extends PointKind> = (typeof SPECS)[K][number]['name'];

export function contractFields<K extends PointKind>(kind: K): ContractField<K>[] {
  return SPECS[kind].map((spec) => spec.name) as ContractField<K>[];
}

export function requiredFields<K extends PointKind>(kind: K): ContractField<K>[] {
  return SPECS[kind].filter((spec) => spec.required).map((spec) => spec.name) as ContractField<K>[];
}

/** Which column (0-based index in the header) holds what; null when none. */
export interface ColumnMapping<K extends PointKind = PointKind> {
  lon: number | null;
  lat: number | null;
  properties: Record<ContractField<K>, number | null>;
}

export interface MappingGuess<K extends PointKind = PointKind> extends ColumnMapping<K> {
  /** Required fields (lon and lat included) no column was found for. */
  unmapped: ('lon' | 'lat' | ContractField<K>)[];
  /** Columns the mapping does not use, which the import ignores. */
  ignored: number[];
}

/**
 * A header name as the mapping compares it: camelCase split, accents removed, đ → d, lower
 * case, runs of anything else as one "_". "Kinh độ" → "kinh_do", "poorHouseholds" →
 * "poor_households", "Radius (km)" → "radius_km".
 */
export function normalizeHeader(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/** Words that make a header about another place ("district_id", "ten_xa"). */
const OTHER_PLACE = new Set(['district', 'commune', 'province', 'ward', 'huyen', 'xa', 'tinh', 'quan', 'phuong']);

interface Target {
  key: string;
  aliases: readonly string[];
}

function containsTokens(tokens: readonly string[], alias: readonly string[]): boolean {
  for (let i = 0; i + alias.length <= tokens.length; i++) {
    if (alias.every((a, k) => tokens[i + k] === a)) return true;
  }
  return false;
}

/**
 * Which column holds lon, lat and each contract property, by header name: first exact
 * (normalised) names, contract names before aliases; then, for what is still unmapped, a
 * header that contains an alias as whole words ("giga_id_school" → id, "lat_wgs84" → lat).
 * A column is used once; ties go to the leftmost column.
 */
export function guessMapping<K extends PointKind>(kind: K, header: readonly string[]): MappingGuess<K> {
  const normal = header.map((h) => normalizeHeader(h));
  const tokens = normal.map((n) => n.split('_').filter((t) => t !== ''));
  const specs: readonly FieldSpec[] = SPECS[kind];
  const targets: Target[] = [
    { key: 'lon', aliases: LON_ALIASES },
    { key: 'lat', aliases: LAT_ALIASES },
    ...specs.map((spec) => ({ key: spec.name, aliases: spec.aliases })),
  ];
  const found = new Map<string, number>();
  const used = new Set<number>();
  const take = (key: string, column: number): void => {
    found.set(key, column);
    used.add(column);
  };
  for (const target of targets) {
    for (const alias of target.aliases) {
      const column = normal.findIndex((n, i) => n === alias && !used.has(i));
      if (column >= 0) {
        take(target.key, column);
        break;
      }
    }
  }
  for (const target of targets) {
    if (found.has(target.key)) continue;
    const placeField = target.key === 'commune' || target.key === 'district';
    search: for (const alias of target.aliases) {
      if (alias.length < 3 && alias !== 'id') continue;
      const words = alias.split('_');
      for (let i = 0; i < tokens.length; i++) {
        const t = tokens[i] as string[];
        if (used.has(i) || (!placeField && t.some((w) => OTHER_PLACE.has(w)))) continue;
        if (containsTokens(t, words)) {
          take(target.key, i);
          break search;
        }
      }
    }
  }
  const properties = {} as Record<ContractField<K>, number | null>;
  for (const spec of specs) properties[spec.name as ContractField<K>] = found.get(spec.name) ?? null;
  const lon = found.get('lon') ?? null;
  const lat = found.get('lat') ?? null;
  const unmapped: MappingGuess<K>['unmapped'] = [];
  if (lon === null) unmapped.push('lon');
  if (lat === null) unmapped.push('lat');
  for (const spec of specs) if (spec.required && !found.has(spec.name)) unmapped.push(spec.name as ContractField<K>);
  const ignored = header.map((_, i) => i).filter((i) => !used.has(i));
  return { lon, lat, properties, unmapped, ignored };
}

/** The mapping with lon and lat exchanged: the 'swap-coordinates' fix. */
export function swapCoordinates<M extends ColumnMapping>(mapping: M): M {
  return { ...mapping, lon: mapping.lat, lat: mapping.lon };
}
