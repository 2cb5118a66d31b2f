// The messages of the measurement checks (parse/measurements.ts, import/measurement-*.ts,
// params.ts, outside.ts) in Vietnamese, rendered from each issue's code and params. The
// English text is the issue's own `message` (the command line's); an issue of another code
// keeps it in both languages. Line numbers count from 1, as the file's own lines.
import type { Issue } from '../types.ts';

export type Lang = 'vi' | 'en';
type Params = Readonly<Record<string, string | number>>;

/** Vietnamese names of the contract's measurement fields and evidence keys. */
const FIELD_VI: Readonly<Record<string, string>> = {
  date: 'ngày đo',
  lon: 'kinh độ',
  lat: 'vĩ độ',
  operator: 'nhà mạng',
  download_mbps: 'tốc độ tải xuống (Mbps)',
  upload_mbps: 'tốc độ tải lên (Mbps)',
  latency_ms: 'độ trễ (ms)',
  technology: 'công nghệ',
  source: 'nguồn',
};

const KEY_RULE_VI: Readonly<Record<string, string>> = {
  radius_m: 'phải là số mét ≥ 0',
  min_tests: 'phải là số nguyên ≥ 1',
  good_mbps: 'phải là tốc độ (Mbps) ≥ 0',
  window_days: 'phải là số ngày > 0',
};

const q = (value: string | number | undefined): string => `“${String(value ?? '')}”`;
const HEADER = 'date,lon,lat,operator,download_mbps';

function dateVi(value: string): string {
  if (value === '') return 'trống, phải là ngày dạng YYYY-MM-DD';
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return `${q(value)} không phải là ngày có thật`;
  if (/^\d{4}-\d{2}-\d{2}[T ]/.test(value)) return `${q(value)} có cả giờ; chỉ ghi ngày dạng YYYY-MM-DD (${value.slice(0, 10)})`;
  const dayFirst = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
  if (dayFirst) {
    const iso = `${dayFirst[3]}-${(dayFirst[2] ?? '').padStart(2, '0')}-${(dayFirst[1] ?? '').padStart(2, '0')}`;
    return `${q(value)} không phải ngày dạng YYYY-MM-DD (nếu là ngày/tháng/năm, hãy ghi ${iso})`;
  }
  return `${q(value)} không phải ngày dạng YYYY-MM-DD`;
}

const rows = (p: Params): string => (Number(p.rows) > 1 ? `; ${p.rows} dòng trong tệp giống vậy` : '');

const VI: Readonly<Record<string, (p: Params, issue: Issue) => string>> = {
  empty: () => `tệp trống; cần dòng tiêu đề ${HEADER}, rồi mỗi dòng một lần đo`,
  'csv-syntax': () => 'một giá trị mở dấu ngoặc kép mà không đóng',
  'csv-header': (p) =>
    p.missing
      ? `tiêu đề thiếu cột ${p.missing} (đang có ${p.columns}); cần tiêu đề ${HEADER} (tuỳ chọn: technology, upload_mbps, latency_ms, source)`
      : `tiêu đề có cột ${p.duplicated} hai lần`,
  'csv-columns': (p) =>
    `có ${p.fields} giá trị, tiêu đề có ${p.expected} cột (một giá trị chứa dấu phân cách mà không nằm trong ngoặc kép, hay số thập phân viết bằng dấu phẩy như 1,5?)`,
  date: (p) => dateVi(String(p.value ?? '')),
  'empty-number': () => 'trống, phải là một số',
  'ambiguous-number': (p) =>
    `là ${q(p.value)}: dấu ${q(p.mark)} có thể là dấu phân cách hàng nghìn hoặc dấu thập phân, và không được đoán; hãy ghi ${p.whole} hoặc ${p.decimal}`,
  'not-finite': (p) => `là ${q(p.value)}, vượt quá giới hạn (thành Infinity); phải là một số hữu hạn`,
  'thousands-separator': (p) => `là ${q(p.value)}: hãy ghi số không có dấu phân cách hàng nghìn`,
  'not-number': (p) => `là ${q(p.value)}, không phải là một số`,
  range: (p) => `là ${p.value}, ${p.key === undefined ? `phải ≥ ${p.min ?? 0}` : (KEY_RULE_VI[p.key] ?? '')}`,
  type: (p) =>
    p.key === undefined
      ? `là ${p.value}, phải là một đối tượng như {"radius_m": 500, "min_tests": 3}`
      : `là ${p.value}, ${KEY_RULE_VI[p.key] ?? ''}`,
  'unknown-key': (p) => `có ${p.keys}, không có trong hợp đồng dữ liệu; bị bỏ qua`,
  'coordinate-range': (p) => `${p.limit === 90 ? 'vĩ độ' : 'kinh độ'} ${p.value} nằm ngoài [-${p.limit}, ${p.limit}]`,
  'empty-string': () => 'trống, phải ghi tên nhà mạng (như trong towers.geojson)',
  enum: (p) => `là ${q(p.value)}, phải là một trong ${p.allowed}`,
  'coordinates-swapped': (p) =>
    `toạ độ có vẻ bị đảo: lon ${p.lon}, lat ${p.lat}, nhưng ở Việt Nam kinh độ là 102–110 và vĩ độ là 8–24${rows(p)}; hãy đổi tên hai cột cho nhau`,
  'coordinates-projected': (p) =>
    `toạ độ lon ${p.lon}, lat ${p.lat} có vẻ là mét của một hệ chiếu (VN-2000 hay UTM múi 48N?), không phải độ; hợp đồng cần kinh độ, vĩ độ WGS84 tính bằng độ${rows(p)}`,
  'outside-vietnam': (p) => `lon ${p.lon}, lat ${p.lat} nằm xa ngoài Việt Nam (kinh độ 102–110, vĩ độ 8–24)${rows(p)}`,
  'outside-province': (p) =>
    `${p.outside} trên ${p.total} lần đo nằm ngoài ranh giới tỉnh (dòng ${p.lines}${Number(p.outside) > 5 ? ', …' : ''}); chúng vẫn được giữ và được tính cho các điểm trong bán kính radius_m`,
  'csv-unmapped': (p, issue) =>
    `chưa có cột nào ứng với ${q(issue.field)} (bắt buộc trong tệp đo tốc độ); tiêu đề có ${p.columns}; hãy đặt tên một cột là ${q(issue.field)} hoặc chọn trong bảng ghép cột`,
  'csv-ignored-columns': (p) => `${Number(p.count) === 1 ? 'cột' : 'các cột'} ${p.columns} không có trong hợp đồng đo tốc độ và bị bỏ qua`,
  quadkey: (p) => `là ${q(p.value)}, không phải mã ô quadkey (chữ số 0 đến 3)`,
  tests: (p) => `là ${q(p.value)}, phải là số nguyên ≥ 1 (số lần đo mà các giá trị trung bình của ô đại diện)`,
  'ookla-date': () =>
    'các ô Ookla không có ngày: hãy cho biết ngày tính các lần đo (ngày đầu quý, như trong tên tệp 2024-04-01_performance_mobile_tiles)',
  'ookla-approximation': (p) =>
    `${p.tiles} ô Ookla được đọc thành ${p.tests} lần đo: đây là ước lượng, mỗi ô được tính bằng “tests” lần đo với tốc độ trung bình của ô, tại tâm ô, ngày ${p.date}, cho nhà mạng ${q(p.operator)}`,
  'technology-from-radio': (p) =>
    `${p.count} dòng ghi tên sóng vô tuyến (LTE, NR, UMTS, GSM…): được đọc thành công nghệ tương ứng (LTE → 4G, NR → 5G, UMTS → 3G, GSM → 2G)`,
  'kbps-converted': (p) =>
    `tốc độ ${[p.download ? 'tải xuống' : '', p.upload ? 'tải lên' : ''].filter((w) => w !== '').join(' và ')} tính bằng kbps (như tiêu đề ghi) và đã được chia cho 1000 để ra Mbps`,
};

/** "measurements.csv: dòng 5, cột “tốc độ tải xuống (Mbps)” (download_mbps): " */
function prefixVi(issue: Issue): string {
  const parts: string[] = [];
  if (issue.line !== undefined) parts.push(`dòng ${issue.line}`);
  if (issue.field !== undefined) {
    const name = FIELD_VI[issue.field];
    parts.push(name === undefined ? `trường ${q(issue.field)}` : `cột ${q(name)} (${issue.field})`);
  }
  return parts.length > 0 ? `${issue.file}: ${parts.join(', ')}: ` : `${issue.file}: `;
}

/** Whether the Vietnamese dictionary has this issue's code (else its English message is shown). */
export function hasVietnamese(issue: Issue): boolean {
  return Object.hasOwn(VI, issue.code) && (issue.params !== undefined || ['empty', 'csv-syntax', 'empty-string', 'ookla-date'].includes(issue.code));
}

/** The issue's message in `lang`; English is its own `message`. */
export function measurementMessage(issue: Issue, lang: Lang): string {
  if (lang === 'en' || !hasVietnamese(issue)) return issue.message;
  const render = VI[issue.code] as (p: Params, issue: Issue) => string;
  return prefixVi(issue) + render(issue.params ?? {}, issue);
}
