import type { SkipReason } from '../../domain/import/cells.ts';
import type { FileKind } from '../../domain/types.ts';
import type { Lang } from '../common/i18n.ts';

/** Each kind of data file in the user's words; the contract's name goes beside it in small type. */
export const KIND_LABEL: Readonly<Record<Lang, Readonly<Record<FileKind, string>>>> = {
  vi: {
    hamlets: 'Ấp, khóm',
    schools: 'Trường học',
    towers: 'Trạm phát sóng',
    province: 'Ranh giới tỉnh',
    districts: 'Ranh giới huyện',
    communes: 'Ranh giới xã',
    deliveries: 'Máy tính, SIM đã trao',
    programme: 'Chương trình và mục tiêu',
    coastline: 'Đường bờ biển',
    measurements: 'Đo tốc độ mạng',
    costs: 'Chi phí trạm',
    landcover: 'Lớp phủ mặt đất',
    model: 'Mô hình vùng phủ',
    candidates: 'Vị trí ứng viên xây trạm',
  },
  en: {
    hamlets: 'Hamlets',
    schools: 'Schools',
    towers: 'Towers',
    province: 'Province boundary',
    districts: 'District boundaries',
    communes: 'Commune boundaries',
    deliveries: 'Computers and SIMs delivered',
    programme: 'Programme and targets',
    coastline: 'Coastline',
    measurements: 'Speed tests',
    costs: 'Site costs',
    landcover: 'Land cover',
    model: 'Coverage model',
    candidates: 'Candidate sites',
  },
};

/** "Ấp, khóm (hamlets)": the user's word, then the contract's. */
export const kindLabel = (kind: FileKind, lang: Lang): string => `${KIND_LABEL[lang][kind]} (${kind})`;

/** Why rows of a cell export were left out, in the user's words. */
export const SKIP_LABEL: Readonly<Record<Lang, Readonly<Record<SkipReason, string>>>> = {
  vi: {
    'bad-row': 'dòng hỏng',
    cdma: 'CDMA',
    'other-radio': 'công nghệ khác',
    'other-mcc': 'nước khác',
    'bad-network': 'mã mạng sai',
    'bad-position': 'vị trí sai',
    duplicate: 'trùng lặp',
  },
  en: {
    'bad-row': 'broken rows',
    cdma: 'CDMA',
    'other-radio': 'other radio',
    'other-mcc': 'other country',
    'bad-network': 'bad network code',
    'bad-position': 'bad position',
    duplicate: 'duplicates',
  },
};

/** The format a file was read as, in the user's words. */
export const FORMAT_LABEL: Readonly<Record<Lang, Readonly<Record<string, string>>>> = {
  vi: { geojson: 'GeoJSON', csv: 'CSV', cells: 'xuất ô phủ sóng (OpenCelliD)', deliveries: 'CSV giao nhận', measurements: 'CSV đo tốc độ', ookla: 'ô Ookla', geoparquet: 'GeoParquet', flatgeobuf: 'FlatGeobuf' },
  en: { geojson: 'GeoJSON', csv: 'CSV', cells: 'cell export (OpenCelliD)', deliveries: 'deliveries CSV', measurements: 'speed-test CSV', ookla: 'Ookla tiles', geoparquet: 'GeoParquet', flatgeobuf: 'FlatGeobuf' },
};

/** The contract's columns in the user's words (the mapping editor shows the contract name beside). */
export const FIELD_LABEL: Readonly<Record<Lang, Readonly<Record<string, string>>>> = {
  vi: {
    lon: 'Kinh độ', lat: 'Vĩ độ', id: 'Mã', name: 'Tên', population: 'Dân số', households: 'Số hộ',
    poor_households: 'Số hộ nghèo', students: 'Số học sinh', grid_power: 'Có điện lưới', commune: 'Mã xã',
    district: 'Mã huyện', synthetic: 'Dữ liệu mô phỏng', level: 'Cấp học', students_in_need: 'Học sinh cần máy tính',
    fixed_broadband: 'Có cáp quang', operator: 'Nhà mạng', status: 'Trạng thái', technology: 'Công nghệ',
    radius_km: 'Bán kính (km)', service_date: 'Ngày phát sóng', upgrade_technology: 'Công nghệ nâng cấp',
    upgrade_radius_km: 'Bán kính sau nâng cấp (km)', upgrade_date: 'Ngày nâng cấp', height_m: 'Chiều cao (m)',
    band_mhz: 'Băng tần (MHz)', upgrade_band_mhz: 'Băng tần sau nâng cấp (MHz)', clutter: 'Lớp phủ quanh điểm',
    date: 'Ngày đo', download_mbps: 'Tốc độ tải xuống', upload_mbps: 'Tốc độ tải lên', latency_ms: 'Độ trễ (ms)', source: 'Nguồn',
  },
  en: {
    lon: 'Longitude', lat: 'Latitude', id: 'Id', name: 'Name', population: 'Population', households: 'Households',
    poor_households: 'Poor households', students: 'Students', grid_power: 'Grid power', commune: 'Commune code',
    district: 'District code', synthetic: 'Simulated', level: 'School level', students_in_need: 'Students in need',
    fixed_broadband: 'Fixed broadband', operator: 'Operator', status: 'Status', technology: 'Technology',
    radius_km: 'Radius (km)', service_date: 'On air from', upgrade_technology: 'Upgrade technology',
    upgrade_radius_km: 'Radius after upgrade (km)', upgrade_date: 'Upgrade date', height_m: 'Height (m)',
    band_mhz: 'Band (MHz)', upgrade_band_mhz: 'Band after upgrade (MHz)', clutter: 'Clutter class',
    date: 'Test date', download_mbps: 'Download speed', upload_mbps: 'Upload speed', latency_ms: 'Latency (ms)', source: 'Source',
  },
};

export const fieldLabel = (field: string, lang: Lang): string => {
  const label = FIELD_LABEL[lang][field];
  return label === undefined ? field : `${label} (${field})`;
};
