// The texts of the contract v2 files' own codes, in both languages: speed tests
// (measurements.csv and the files imported as it), model.json (its radio keys and its
// "evidence" object), tower heights under path loss, and costs.json. The codes they share with the other files (dates, numbers, coordinates, CSV
// headers) are in issues-en.ts and issues-vi.ts.
import type { IssueTexts } from './issues-en.ts';
import { num, plural, q, type Params } from './format.ts';
import { VALUE_EN, VALUE_VI } from './values.ts';

type V2Code =
  | 'empty-number'
  | 'outside-province'
  | 'ookla-date'
  | 'ookla-quadkey'
  | 'ookla-tests'
  | 'ookla-approximation'
  | 'technology-from-radio'
  | 'kbps-converted'
  | 'operator-not-sim'
  | 'operator-empty'
  | 'unknown-operator'
  | 'model-unknown-key'
  | 'model-not-object'
  | 'model-nested-key'
  | 'radius-limits'
  | 'height-below-1m'
  | 'costs-not-object'
  | 'costs-unknown-key'
  | 'costs-bad-currency'
  | 'costs-bad-amount'
  | 'candidates-not-collection'
  | 'candidates-bad-point'
  | 'candidates-bad-id'
  | 'candidates-duplicate-id'
  | 'candidates-bad-cost'
  | 'parquet-invalid'
  | 'geoparquet-metadata'
  | 'geoparquet-encoding'
  | 'geoparquet-crs'
  | 'fgb-invalid'
  | 'fgb-crs';

type V2Texts = Pick<IssueTexts, V2Code>;

/** What each amount of costs.json is (`key` is its name in the file). */
const AMOUNT_EN: Readonly<Record<string, string>> = {
  site_capex: 'the capital cost of one site',
  solar_capex: 'the solar power cost where a hamlet has no grid',
  backhaul_per_km: 'the backhaul cost per km',
};
const AMOUNT_VI: Readonly<Record<string, string>> = {
  site_capex: 'chi phí đầu tư một trạm',
  solar_capex: 'chi phí điện mặt trời cho ấp không có điện lưới',
  backhaul_per_km: 'chi phí truyền dẫn mỗi km',
};

/** "line 3, line 7, …": the first lines of the tests outside, and whether more are. */
const linesOf = (p: Params, word: string): string =>
  `${p.list('lines').map((line) => `${word} ${line}`).join(', ')}${p.n('count') > p.list('lines').length ? ', …' : ''}`;

/** '"viettel" for "Viettel"', each name as written with the one meant, "…" when more are. */
const spelled = (p: Params, word: string): string =>
  `${p.list('operators').map((written, i) => `${q(written)} ${word} ${q(p.list('known')[i] ?? '')}`).join(', ')}${p.n('names') > p.list('operators').length ? ', …' : ''}`;

export const V2_EN: V2Texts = {
  'operator-not-sim': (p) => `is ${q(p.s('operator'))} on a ${p.s('kind')} row; operator names the network of a data_sim row only, so it is ignored here`,
  'operator-empty': () => 'is empty on a data_sim row; its SIMs count under "unknown network"',
  'unknown-operator': (p) =>
    `${num(p.n('count'), 'en')} of ${num(p.n('total'), 'en')} data_sim ${plural(p.n('total'), 'row writes', 'rows write')} a network otherwise than ${p.s('in')} does (${spelled(p, 'for')}); their SIMs are counted under the name as written, never with good signal: write it as ${p.s('in')} does`,
  'empty-number': (p) => `is empty, must be ${VALUE_EN.mustBe(p)}`,
  'outside-province': (p) =>
    `${p.n('count')} of ${p.n('total')} tests lie outside the province of ${p.s('province')} (${linesOf(p, 'line')}); they are kept and count for points within radius_m of them`,
  'ookla-date': () =>
    'Ookla tiles carry no date: give the date their tests count on (the first day of the quarter, as in the file name 2024-04-01_performance_mobile_tiles)',
  'ookla-quadkey': (p) => `is ${q(p.s('value'))}, not a tile quadkey (digits 0 to 3)`,
  'ookla-tests': (p) => `is ${q(p.s('value'))}, must be a whole number ≥ 1 (the tests the tile's averages stand for)`,
  'ookla-approximation': (p) =>
    `${p.n('tiles')} Ookla tiles read as ${p.n('tests')} tests: an approximation, each tile counting as its "tests" tests of its average speeds at the tile's centre, dated ${p.s('date')}, for the operator ${q(p.s('operator'))}`,
  'technology-from-radio': (p) =>
    `${p.n('count')} ${plural(p.n('count'), 'row names', 'rows name')} the radio (LTE, NR, UMTS, GSM…): read as its technology (LTE → 4G, NR → 5G, UMTS → 3G, GSM → 2G)`,
  'kbps-converted': (p) => {
    const which = [p.b('download') ? 'download' : '', p.b('upload') ? 'upload' : ''].filter((w) => w !== '').join(' and ');
    return `the ${which} speeds are in kbps (as the header says) and were divided by 1000 into Mbps`;
  },
  'model-unknown-key': (p) => `is not a key of model.json (${p.list('keys').join(', ')}); it is ignored`,
  'model-not-object': (p) => `${VALUE_EN.isShown(p)}, must be an object with keys ${p.list('keys').join(', ')}`,
  'model-nested-key': (p) => `${q(p.s('key'))} is not one of ${p.list('allowed').map((a) => `"${a}"`).join(', ')}`,
  'radius-limits': (p) => `is ${p.has('items') ? `[${p.list('items').join(', ')}]` : `${VALUE_EN.typeName(p)} (${VALUE_EN.show(p)})`}, must be [min, max] in km with 0 < min ≤ max`,
  'height-below-1m': (p) => `is ${p.s('value')} m; under radius_model "path_loss" a tower height must be at least 1 m`,
  'costs-not-object': (p) =>
    `the file holds ${p.type() === 'array' ? 'a JSON array' : VALUE_EN.show(p)}, must be an object such as {"site_capex": 1500000000}`,
  'costs-unknown-key': (p) => `unknown key, ignored; the keys are ${p.list('keys').join(', ')}`,
  'costs-bad-currency': (p) => `is ${VALUE_EN.show(p)}, must be a 3-letter ISO 4217 code such as "VND"`,
  'costs-bad-amount': (p) =>
    `is ${VALUE_EN.show(p)}, must be a number ≥ 0 (${AMOUNT_EN[p.s('key')] ?? p.s('key')}), written without quotes or thousands separators`,
  'candidates-not-collection': (p) => `the file holds ${VALUE_EN.show(p)}, must be a GeoJSON FeatureCollection of points`,
  'candidates-bad-point': (p) => `is ${VALUE_EN.show(p)}, must be a Point with [longitude, latitude] in degrees`,
  'candidates-bad-id': (p) => `is ${VALUE_EN.show(p)}, every candidate needs an "id" (text)`,
  'candidates-duplicate-id': (p) => `the id ${q(p.s('id'))} is used by an earlier candidate; ids must be unique`,
  'candidates-bad-cost': (p) => `is ${VALUE_EN.show(p)}, must be a number ≥ 0 (the cost of a site here, in đồng), without quotes`,
  'parquet-invalid': (p) =>
    p.b('data')
      ? `the Parquet data cannot be read (${p.s('detail')}); is the file damaged?`
      : `the file is not a readable Parquet file (${p.s('detail')}); is it cut short, or another format?`,
  'geoparquet-metadata': (p) =>
    p.has('column') ? `the GeoParquet "geo" metadata names no column ${q(p.s('column'))}` : `the GeoParquet "geo" metadata is not valid JSON (${p.s('detail')})`,
  'geoparquet-encoding': (p) => `is encoded as ${q(p.s('encoding'))}; points are read from "WKB" or the native "point" encoding`,
  'geoparquet-crs': () => 'is not in WGS84 longitude/latitude (EPSG:4326 or OGC:CRS84); reproject it (e.g. ogr2ogr -t_srs EPSG:4326) and try again',
  'fgb-invalid': (p) =>
    p.b('signature')
      ? 'the file is not a FlatGeobuf file (it does not start with the "fgb" signature); is it another format?'
      : `the FlatGeobuf data cannot be read (${p.s('detail')}); is the file cut short or damaged?`,
  'fgb-crs': (p) => `is ${p.s('crs')}, not WGS84 longitude/latitude (EPSG:4326); reproject it (e.g. ogr2ogr -t_srs EPSG:4326) and try again`,
};

const n = (v: number | string): string => num(v, 'vi');

export const V2_VI: V2Texts = {
  'operator-not-sim': (p) => `là ${q(p.s('operator'))} trên dòng loại ${p.s('kind')}; cột operator chỉ ghi nhà mạng của dòng data_sim nên ở đây bị bỏ qua`,
  'operator-empty': () => 'trống trên dòng data_sim; số SIM của dòng này được tính vào "chưa rõ nhà mạng"',
  'unknown-operator': (p) =>
    `${num(p.n('count'), 'vi')} trên ${num(p.n('total'), 'vi')} dòng data_sim ghi tên nhà mạng khác với cách ${p.s('in')} ghi (${spelled(p, 'thay cho')}); SIM của các dòng này được tính theo tên như đã ghi và không bao giờ được coi là có sóng tốt: hãy ghi tên như trong ${p.s('in')}`,
  'empty-number': (p) => `trống, phải là ${VALUE_VI.mustBe(p)}`,
  'outside-province': (p) =>
    `${n(p.n('count'))} trên ${n(p.n('total'))} lần đo nằm ngoài ranh giới tỉnh trong ${p.s('province')} (${linesOf(p, 'dòng')}); chúng vẫn được giữ và được tính cho các điểm trong bán kính radius_m`,
  'ookla-date': () =>
    'các ô Ookla không có ngày: hãy cho biết ngày tính các lần đo (ngày đầu quý, như trong tên tệp 2024-04-01_performance_mobile_tiles)',
  'ookla-quadkey': (p) => `là ${q(p.s('value'))}, không phải mã ô quadkey (chữ số 0 đến 3)`,
  'ookla-tests': (p) => `là ${q(p.s('value'))}, phải là số nguyên ≥ 1 (số lần đo mà các giá trị trung bình của ô đại diện)`,
  'ookla-approximation': (p) =>
    `${n(p.n('tiles'))} ô Ookla được đọc thành ${n(p.n('tests'))} lần đo: đây là ước lượng, mỗi ô được tính bằng "tests" lần đo với tốc độ trung bình của ô, tại tâm ô, ngày ${p.s('date')}, cho nhà mạng ${q(p.s('operator'))}`,
  'technology-from-radio': (p) =>
    `${n(p.n('count'))} dòng ghi tên sóng vô tuyến (LTE, NR, UMTS, GSM…): được đọc thành công nghệ tương ứng (LTE → 4G, NR → 5G, UMTS → 3G, GSM → 2G)`,
  'kbps-converted': (p) => {
    const which = [p.b('download') ? 'tải xuống' : '', p.b('upload') ? 'tải lên' : ''].filter((w) => w !== '').join(' và ');
    return `tốc độ ${which} tính bằng kbps (như dòng tiêu đề ghi) và đã được chia cho 1000 để ra Mbps`;
  },
  'model-unknown-key': (p) => `không phải một khóa của model.json (${p.list('keys').join(', ')}); bị bỏ qua`,
  'model-not-object': (p) => `${VALUE_VI.isShown(p)}, phải là một đối tượng JSON với các khóa ${p.list('keys').join(', ')}`,
  'model-nested-key': (p) => `${q(p.s('key'))} không phải một trong ${p.list('allowed').map((a) => `"${a}"`).join(', ')}`,
  'radius-limits': (p) =>
    `là ${p.has('items') ? `[${p.list('items').join(', ')}]` : `${VALUE_VI.typeName(p)} (${VALUE_VI.show(p)})`}, phải có dạng [min, max] tính bằng km với 0 < min ≤ max`,
  'height-below-1m': (p) => `là ${n(p.s('value'))} m; với radius_model "path_loss", độ cao trạm phải từ 1 m trở lên`,
  'costs-not-object': (p) =>
    `tệp chứa ${p.type() === 'array' ? 'một mảng JSON' : VALUE_VI.show(p)}, phải là một đối tượng JSON như {"site_capex": 1500000000}`,
  'costs-unknown-key': (p) => `khóa không được dùng, bỏ qua; các khóa hợp lệ: ${p.list('keys').join(', ')}`,
  'costs-bad-currency': (p) => `là ${VALUE_VI.show(p)}, phải là mã tiền tệ ISO 4217 gồm 3 chữ cái viết hoa, ví dụ "VND"`,
  'costs-bad-amount': (p) =>
    `là ${VALUE_VI.show(p)}, phải là một số ≥ 0 (${AMOUNT_VI[p.s('key')] ?? p.s('key')}, viết không có dấu ngoặc kép hay dấu phân cách)`,
  'candidates-not-collection': (p) => `tệp chứa ${VALUE_VI.show(p)}, phải là một GeoJSON FeatureCollection gồm các điểm`,
  'candidates-bad-point': (p) => `là ${VALUE_VI.show(p)}, phải là một Point có [kinh độ, vĩ độ] tính bằng độ`,
  'candidates-bad-id': (p) => `là ${VALUE_VI.show(p)}, mỗi vị trí ứng viên cần có "id" (dạng chữ)`,
  'candidates-duplicate-id': (p) => `mã ${q(p.s('id'))} đã dùng cho một vị trí ứng viên trước đó; các mã phải khác nhau`,
  'candidates-bad-cost': (p) => `là ${VALUE_VI.show(p)}, phải là một số ≥ 0 (chi phí một trạm tại đây, tính bằng đồng), viết không có dấu ngoặc kép`,
  'parquet-invalid': (p) =>
    p.b('data')
      ? `không đọc được dữ liệu Parquet (${p.s('detail')}); tệp có bị hỏng không?`
      : `tệp này không phải tệp Parquet đọc được (${p.s('detail')}); tệp bị cắt ngắn, hay là một định dạng khác?`,
  'geoparquet-metadata': (p) =>
    p.has('column')
      ? `siêu dữ liệu "geo" của GeoParquet nêu cột ${q(p.s('column'))} nhưng tệp không có cột đó`
      : `siêu dữ liệu "geo" của GeoParquet không phải JSON hợp lệ (${p.s('detail')})`,
  'geoparquet-encoding': (p) => `được mã hóa kiểu ${q(p.s('encoding'))}; điểm chỉ đọc được từ kiểu "WKB" hoặc kiểu "point" gốc`,
  'geoparquet-crs': () => 'không ở hệ tọa độ kinh độ/vĩ độ WGS84 (EPSG:4326 hoặc OGC:CRS84); hãy chuyển hệ tọa độ (ví dụ ogr2ogr -t_srs EPSG:4326) rồi thử lại',
  'fgb-invalid': (p) =>
    p.b('signature')
      ? 'tệp này không phải tệp FlatGeobuf (không bắt đầu bằng chữ ký "fgb"); có phải là định dạng khác?'
      : `không đọc được dữ liệu FlatGeobuf (${p.s('detail')}); tệp bị cắt ngắn hay bị hỏng?`,
  'fgb-crs': (p) => `là ${p.s('crs')}, không phải kinh độ/vĩ độ WGS84 (EPSG:4326); hãy chuyển hệ tọa độ (ví dụ ogr2ogr -t_srs EPSG:4326) rồi thử lại`,
};
