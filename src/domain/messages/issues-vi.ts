// Văn bản tiếng Việt của mọi mã lỗi: phần sau "<tệp>: <vị trí>: ". Tên trong đặc tả dữ liệu
// (tên trường, tên cột, giá trị cho phép) giữ nguyên, trong dấu ngoặc kép.
import { BINARY_ADVICE, type BinaryFormat } from '../parse/sniff.ts';
import type { Issue } from '../types.ts';
import { EXAMPLE_HEADER, type IssueLanguage, type IssueTexts } from './issues-en.ts';
import { V2_VI } from './issues-v2.ts';
import { VALUE_VI } from './values.ts';
import { num, q, quotedList, type Params } from './format.ts';
import { jsonVi as json } from './json-texts.ts';

const n = (v: number | string): string => num(v, 'vi');

/** Tên loại dữ liệu, như trong "tệp ấp, khóm". */
const KIND: Readonly<Record<string, string>> = {
  hamlets: 'ấp, khóm',
  schools: 'trường học',
  towers: 'trạm phát sóng',
  deliveries: 'giao máy tính',
  province: 'ranh giới tỉnh',
  districts: 'ranh giới huyện',
  communes: 'ranh giới xã',
  coastline: 'đường bờ biển',
  programme: 'chương trình',
  measurements: 'đo tốc độ',
  landcover: 'lớp phủ mặt đất',
  model: 'mô hình sóng',
  costs: 'chi phí',
};
const kind = (p: Params): string => KIND[p.s('kind')] ?? q(p.s('kind'));
/** Một bản ghi của loại đó: "mỗi dòng một ấp". */
const ONE: Readonly<Record<string, string>> = { hamlets: 'ấp, khóm', schools: 'trường', towers: 'trạm', measurements: 'lần đo' };

const { typeName, show, isShown, mustBe } = VALUE_VI;

const ENCODING_ADVICE =
  'hãy chuyển tệp sang UTF-8 (trong Excel: lưu thành "CSV UTF-8"; với văn bản TCVN3/VNI, dùng công cụ chuyển mã như của UniKey) rồi thử lại';
const DELIVERIES_HELP = 'cần dòng tiêu đề date,school_id,kind,quantity (cột donor, operator không bắt buộc)';
const MEASUREMENTS_HELP = 'cần dòng tiêu đề date,lon,lat,operator,download_mbps (các cột technology, upload_mbps, latency_ms, source không bắt buộc)';
const CELLS_HELP =
  'cần một tệp ô phủ sóng xuất từ OpenCelliD / Mozilla Location Service: các cột radio,mcc,net,area,cell,unit,lon,lat,range,samples,changeable,created,updated,averageSignal, có hoặc không có dòng tiêu đề đó';
const HEADER_HELP: Readonly<Record<string, string>> = { cells: CELLS_HELP, measurements: MEASUREMENTS_HELP };
const BOUNDS = 'kinh độ 102–110, vĩ độ 8–24';

/** Dòng của một tệp CSV: tệp nhập vào, hoặc chính measurements.csv. */
const byRows = (p: Params): boolean => p.b('csv') || p.s('format') === 'measurements';

const same = (p: Params): string => {
  const count = p.n('count');
  return count > 1 ? `; ${n(count)} ${byRows(p) ? 'dòng' : 'đối tượng'} trong tệp cũng như vậy` : '';
};
const others = (p: Params): string => (p.n('count') > 1 ? `; ${n(p.n('count'))} chuỗi trong tệp có cùng lỗi` : '');
const rows = (p: Params): string => (p.n('rows') > 1 ? `; ${n(p.n('rows'))} dòng trong tệp có cùng lỗi` : '');

function part(p: Params): string {
  switch (p.s('part')) {
    case 'polygon':
      return 'đa giác';
    case 'multipolygon':
      return 'MultiPolygon';
    case 'multiline':
      return 'MultiLineString';
    case 'line':
      return p.has('line') ? `đường ${p.n('line')}` : 'đường';
    case 'ring':
      return `vòng ${p.n('ring')}${p.has('polygon') ? ` của đa giác ${p.n('polygon')}` : ''}`;
    default:
      return `đa giác ${p.n('polygon')}`;
  }
}

function listed(p: Params): string {
  const shown = quotedList(p.list('header'));
  const count = p.n('headerCount');
  return count > p.list('header').length ? `${shown}, … (${n(count)} cột)` : shown;
}

/** Cột của tệp CSV, hay thuộc tính khi các thuộc tính của tệp GeoJSON được đọc như cột. */
const unit = (p: Params): string => (p.b('properties') ? 'thuộc tính' : 'cột');

const columnName = (name: string, index: number, property = false): string =>
  property ? `thuộc tính ${q(name)}` : name === '' ? `cột ${index + 1}` : `cột ${q(name)}`;

function csvColumn(p: Params): string {
  const name = columnName(p.s('csvColumn'), p.n('csvIndex'), p.b('properties'));
  return p.has('csvField') ? `${name} (${p.s('csvField')})` : name;
}

const pair = (p: Params): string => (byRows(p) ? `kinh độ ${n(p.s('lon'))}, vĩ độ ${n(p.s('lat'))}` : `[${p.s('lon')}, ${p.s('lat')}]`);


/** Lời papaparse (tiếng Anh) về dấu ngoặc kép, nói lại bằng tiếng Việt. */
function csvSyntax(detail: string): string {
  if (/unterminated/i.test(detail)) return 'giá trị trong dấu ngoặc kép chưa được đóng';
  if (/trailing quote/i.test(detail)) return 'dấu ngoặc kép đóng nằm sai chỗ';
  return 'lỗi cú pháp CSV';
}

function cellPosition(p: Params): string {
  const limit = n(p.n('limit'));
  const range = `${p.s('axis') === 'lon' ? 'kinh độ' : 'vĩ độ'} tính bằng độ, từ -${limit} đến ${limit}`;
  const text = p.s('text');
  const what = ((): string => {
    switch (p.s('reason')) {
      case 'empty':
        return `trống, phải là ${range}`;
      case 'comma':
        return `là ${q(text)}, dùng dấu phẩy thập phân; phải là ${range}, phần thập phân viết bằng "."`;
      case 'not-finite':
        return `là ${text}, không phải số hữu hạn; phải là ${range}`;
      case 'outside':
        return `là ${text}, nằm ngoài [-${limit}, ${limit}]`;
      case 'null-island':
        return 'kinh độ và vĩ độ đều bằng 0, giá trị giữ chỗ cho một nơi chưa biết ("null island")';
      default:
        return `là ${q(text)}, phải là ${range}`;
    }
  })();
  return `${what}${p.b('swapped') ? ' (kinh độ và vĩ độ bị đảo?)' : ''}; dòng này bị bỏ qua`;
}

function moreWhere(p: Params, issue: Issue): string {
  if (issue.field === undefined) return '';
  if (p.b('csv')) {
    if (issue.field === 'geometry.coordinates') return ' ở các cột toạ độ';
    if (p.has('csvColumn')) return ` ở ${csvColumn(p)}`;
  }
  return ` ở trường dữ liệu ${q(issue.field)}`;
}

function dateText(p: Params): string {
  const text = q(p.s('text'));
  switch (p.s('reason')) {
    case 'empty':
      return 'trống, phải là ngày dạng YYYY-MM-DD';
    case 'month':
      return `${text} không phải ngày có thật: không có tháng ${p.n('month')}`;
    case 'day':
      return `${text} không phải ngày có thật: tháng ${p.n('month')}/${p.n('year')} chỉ có ${p.n('days')} ngày`;
    case 'time':
      return `${text} có cả phần giờ; hãy chỉ ghi ngày dạng YYYY-MM-DD (${p.s('iso')})`;
    default:
      return `${text} không phải ngày dạng ISO YYYY-MM-DD${p.has('iso') ? ` (nếu đây là ngày/tháng/năm, hãy viết ${p.s('iso')})` : ''}`;
  }
}

/** The parts of a GeoJSON position, [lon, lat, altitude]. */
const AXIS: readonly string[] = ['kinh độ', 'vĩ độ', 'độ cao'];
const UNIT: Record<string, string> = { feature: 'đối tượng', target: 'mục tiêu', line: 'dòng' };
const ROW_LEFT_OUT = 'dòng này bị bỏ qua';

const texts: IssueTexts = {
  bom: (p) =>
    p.b('ignored')
      ? 'tệp bắt đầu bằng dấu BOM (U+FEFF), như Excel ghi khi lưu "CSV UTF-8"; dấu này đã được bỏ qua'
      : 'tệp bắt đầu bằng dấu BOM (U+FEFF); hãy lưu tệp dạng UTF-8 không có BOM (trình nhập có thể tự bỏ dấu này)',
  'not-utf8': (p) =>
    `văn bản có ${n(p.n('count'))} ký tự thay thế U+FFFD (\uFFFD): tệp không được lưu dạng UTF-8 (có thể là Windows-1258, TCVN3 hoặc VNI); ${ENCODING_ADVICE}`,
  'not-nfc': (p) =>
    `chuỗi ${q(p.s('sample'))} không ở dạng Unicode NFC (dấu được ghi thành ký tự tổ hợp riêng, bản đồ sẽ hiện lệch dấu)${others(p)}; hãy lưu văn bản ở dạng NFC (trình nhập có thể chuẩn hoá)${rows(p)}`,
  mojibake: (p) =>
    `chuỗi ${q(p.s('sample'))} trông như văn bản UTF-8 bị đọc nhầm thành Windows-1252/1258 rồi lưu lại ("Cà Mau" hiện thành "CÃ  Mau")${others(p)}; hãy xuất lại dữ liệu dạng UTF-8${rows(p)}`,
  'legacy-encoding': (p) =>
    `chuỗi ${q(p.s('sample'))} trông như tiếng Việt gõ bằng phông cũ TCVN3 (ABC) hoặc VNI ("Cà Mau" hiện thành "Cµ Mau" hoặc "Caø Mau")${others(p)}; ${ENCODING_ADVICE}${rows(p)}`,
  empty: (p) => {
    switch (p.s('format')) {
      case 'deliveries':
        return `tệp rỗng; ${DELIVERIES_HELP}`;
      case 'measurements':
        return `tệp rỗng; ${MEASUREMENTS_HELP}`;
      case 'cells':
        return `tệp rỗng; ${CELLS_HELP}`;
      case 'points':
        return `tệp rỗng; cần một dòng tiêu đề, ví dụ ${EXAMPLE_HEADER[p.s('kind')] ?? ''}, rồi mỗi dòng một ${ONE[p.s('kind')] ?? kind(p)}`;
      default:
        return `tệp rỗng (${n(p.n('bytes'))} byte); cần nội dung JSON`;
    }
  },
  'json-syntax': (p) => json(p),
  'json-truncated': (p) => `${json(p)}; tệp dài ${n(p.n('bytes'))} byte: có phải tệp bị cắt cụt (tải xuống hoặc sao chép bị gián đoạn)?`,
  'json-array': (p) =>
    `tệp chứa một mảng JSON ${n(p.n('length'))} phần tử, không phải "FeatureCollection" GeoJSON; cần dạng {"type": "FeatureCollection", "features": [...]}`,
  'not-feature-collection': (p) =>
    p.s('reason') === 'type'
      ? `${p.type() === 'missing' ? 'không có' : `là ${show(p)}`}, phải là "FeatureCollection"`
      : `tệp chứa ${typeName(p)} (${show(p)}), không phải "FeatureCollection" GeoJSON`,
  'esri-json': () =>
    'đây là Esri JSON (đối tượng ArcGIS có "attributes" và "spatialReference"), không phải GeoJSON; hãy xuất ra GeoJSON (trong ArcGIS: "Features To JSON" với tuỳ chọn GeoJSON; trong QGIS: "Save As… GeoJSON")',
  'features-not-array': (p) => `là ${typeName(p)}, phải là một mảng các đối tượng "Feature"`,
  'single-feature': () =>
    'tệp chỉ chứa một "Feature", không phải "FeatureCollection"; hãy bọc nó thành {"type": "FeatureCollection", "features": [ <đối tượng> ]}',
  topojson: () => 'đây là TopoJSON, không phải GeoJSON; hãy chuyển sang "FeatureCollection" GeoJSON (ví dụ bằng topojson-client hoặc mapshaper)',
  'bare-geometry': (p) => `tệp chỉ chứa một hình học ${q(p.s('geometry'))} đơn lẻ, không phải "FeatureCollection" gồm các đối tượng có thuộc tính`,
  'no-features': () => '"FeatureCollection" không có đối tượng nào',
  'feature-not-object': (p) => `là ${typeName(p)}, không phải một đối tượng "Feature" GeoJSON`,
  'feature-type': (p) => `là ${show(p)}, phải là "Feature"`,
  'properties-not-object': (p) => `là ${typeName(p)}, phải là một đối tượng JSON`,
  'forbidden-key': () => 'tên thuộc tính này không được phép (nó có thể làm thay đổi đối tượng trong JavaScript); hãy đổi tên hoặc xoá nó',
  'geometry-null': (p) =>
    `${p.b('isNull') ? 'là null' : 'không có'}; mỗi đối tượng ${kind(p)} cần hình học ${p.list('expected').map((t) => q(t)).join(' hoặc ')}`,
  'geometry-invalid': (p) => `là ${typeName(p)}, phải là một đối tượng hình học GeoJSON`,
  'geometry-type': (p) =>
    `là ${show(p)}, phải là ${p.list('expected').map((t) => q(t)).join(' hoặc ')} trong tệp ${kind(p)}${p.s('value') === 'GeometryCollection' ? ' ("GeometryCollection" không được hỗ trợ)' : ''}`,
  'coordinates-invalid': (p) =>
    p.s('reason') === 'positions'
      ? `${part(p)} phải là một mảng các vị trí, nhưng là ${typeName(p)}`
      : `${part(p)} phải là một mảng không rỗng, nhưng là ${p.type() === 'array' ? 'một mảng rỗng' : typeName(p)}`,
  'ring-too-short': (p) => `${part(p)} có ${n(p.n('positions'))} vị trí; một vòng cần ít nhất 4 vị trí, vị trí cuối trùng vị trí đầu`,
  'ring-not-closed': (p) =>
    `${part(p)} chưa khép kín: bắt đầu tại [${p.list('first').join(', ')}] và kết thúc tại [${p.list('last').join(', ')}]; hãy lặp lại vị trí đầu ở cuối vòng`,
  'ring-self-intersects': (p) =>
    `${part(p)} tự cắt chính nó tại [${p.list('at').join(', ')}] (đoạn ${p.list('segments').map((k) => Number(k) + 1).join(' và ')}), nên các điểm quanh đó bị tính là nằm ngoài vùng; hãy sửa ranh giới (QGIS: Vector › Geometry Tools › Check Validity, rồi Fix Geometries)`,
  'line-too-short': (p) => `${part(p)} có ${n(p.n('positions'))} vị trí; một đường cần ít nhất 2 vị trí`,
  'position-invalid': (p) =>
    p.s('reason') === 'not-array'
      ? `một vị trí phải là mảng [kinh độ, vĩ độ], nhưng là ${typeName(p)}`
      : `một vị trí phải gồm 2 số [kinh độ, vĩ độ] (3 số nếu có độ cao), nhưng có ${n(p.n('count'))}${p.n('count') > 3 ? ' (số thập phân viết bằng dấu phẩy như 105,12 bị tách thành hai số)' : ''}`,
  'coordinate-not-number': (p) => `${AXIS[p.n('index')] ?? 'toạ độ'} ${isShown(p)}, phải là một số`,
  'coordinate-not-finite': (p) =>
    p.has('text')
      ? `là ${q(p.s('text'))}, không phải số hữu hạn (giá trị bị tràn thành vô cực)`
      : `${AXIS[p.n('index')] ?? 'toạ độ'} là ${p.s('value')}, không phải số hữu hạn (một số như 1e400 bị tràn thành vô cực)`,
  'coordinate-missing': () => 'trống; dòng nào cũng cần kinh độ và vĩ độ',
  'coordinate-range': (p) => {
    const lon = p.s('axis') === 'lon';
    const sample = p.has('sample') ? ` trong [${p.list('sample').join(', ')}]` : '';
    return `${lon ? 'kinh độ' : 'vĩ độ'} ${n(p.s('value'))}${sample} nằm ngoài khoảng [-${lon ? 180 : 90}, ${lon ? 180 : 90}]`;
  },
  'coordinates-swapped': (p) =>
    p.s('format') === 'measurements'
      ? `toạ độ có vẻ bị đảo (vĩ độ, kinh độ): ${pair(p)}, trong khi ở Việt Nam kinh độ là 102–110 và vĩ độ là 8–24${same(p)}; hãy đổi tên hai cột cho nhau`
      : p.b('csv')
      ? `toạ độ có vẻ bị đảo (vĩ độ, kinh độ): ${pair(p)}, trong khi ở Việt Nam kinh độ là 102–110 và vĩ độ là 8–24${same(p)}; hãy đổi chỗ hai cột trong phần ghép cột (trình nhập có thể làm việc này)`
      : `toạ độ có vẻ bị đảo (vĩ độ, kinh độ): ${pair(p)}; GeoJSON ghi [kinh độ, vĩ độ]${same(p)}; hãy đảo toạ độ của cả tệp (trình nhập có thể làm việc này)`,
  'coordinates-projected': (p) =>
    `toạ độ ${pair(p)} trông như số mét của hệ toạ độ phẳng (VN-2000 hoặc UTM múi 48N?), không phải độ; dữ liệu cần kinh độ, vĩ độ WGS84 tính bằng độ${p.s('format') === 'measurements' ? '' : ' (EPSG:4326)'}${same(p)}`,
  'outside-vietnam': (p) => `${pair(p)} nằm xa bên ngoài Việt Nam (${BOUNDS})${same(p)}`,
  'points-stacked': (p) =>
    `${n(p.n('count'))} điểm ${kind(p)} nằm đúng cùng một vị trí [${p.n('lon')}, ${p.n('lat')}] (đây là điểm đầu tiên): vị trí được gán theo tâm xã khi mã hoá địa chỉ? Tính vùng phủ và chọn điểm đặt trạm coi chúng là một nơi; hãy cho mỗi điểm vị trí riêng`,
  'missing-property': (p) => {
    const what = p.b('empty') ? 'trống' : p.b('isNull') ? 'là null' : 'bị thiếu';
    const where = p.s('where') === 'target' ? 'ở mọi mục tiêu' : p.s('where') === 'programme' ? 'trong programme.json' : `trong tệp ${kind(p)}`;
    const hint = p.b('featureId') ? '; đối tượng có "id" ở cấp ngoài, nhưng dữ liệu phải ghi "id" trong "properties"' : '';
    return `${what} (bắt buộc ${where})${hint}`;
  },
  'id-not-string': (p) =>
    `là một số (${p.s('value')}), phải là chuỗi: hãy viết trong dấu ngoặc kép ("${p.s('value')}"); khi là số, các chữ số 0 ở đầu bị mất ("007" thành 7)`,
  'not-string': (p) => `${isShown(p)}, phải là một chuỗi`,
  'empty-string': (p) =>
    p.b('school')
      ? 'trống, cần ghi mã trường'
      : p.b('operator')
        ? 'trống, phải ghi tên nhà mạng (như trong towers.geojson)'
        : `${p.b('blank') ? `chỉ có khoảng trắng (${q(p.s('value'))})` : 'trống'}, phải là một chuỗi không rỗng`,
  'not-finite': (p) =>
    p.has('text')
      ? `là ${q(p.s('text'))}, bị tràn thành vô cực; phải là ${p.has('mustBe') ? mustBe(p) : 'một số hữu hạn'}`
      : `là ${p.s('value')}, phải là một số hữu hạn`,
  'number-as-string': (p) =>
    `là một chuỗi (${q(p.s('value'))}), phải là một số${p.b('comma') ? ' (và số trong JSON dùng dấu "." cho phần thập phân)' : ''}`,
  'not-number': (p) => (p.has('text') ? `là ${q(p.s('text'))}, phải là ${mustBe(p)}` : `${isShown(p)}, phải là một số`),
  'ambiguous-number': (p) =>
    `là ${q(p.s('text'))}: dấu "${p.s('other')}" có thể là dấu phân cách hàng nghìn hoặc dấu thập phân, và không được đoán; hãy viết ${p.s('plain')} hoặc ${p.s('asDecimal')}${p.has('decimal') ? ` (tệp này viết phần thập phân bằng "${p.s('decimal')}")` : ''}`,
  'separators-read': (p) => `${q(p.s('text'))} được đọc là ${n(p.s('value'))} (có dấu phân cách hàng nghìn)`,
  'polygon-centre': (p) =>
    `là một ${p.s('type')}: lấy tâm các đỉnh của vòng ngoài làm điểm${p.n('features') > 1 ? `; tệp này có ${n(p.n('features'))} đối tượng là vùng` : ''}`,
  'multipoint-first': (p) =>
    `là một MultiPoint gồm ${n(p.n('count'))} điểm: lấy điểm đầu tiên${p.n('features') > 1 ? `; tệp này có ${n(p.n('features'))} đối tượng là MultiPoint nhiều điểm` : ''}`,
  'thousands-separator': (p) =>
    `là ${q(p.s('text'))}: hãy viết ${p.b('whole') ? 'số nguyên' : 'số'} không có dấu phân cách hàng nghìn${p.has('plain') ? ` (${p.s('plain')})` : ''}`,
  'decimal-mark': (p) =>
    `là ${q(p.s('text'))}, dùng ${p.s('other') === ',' ? 'dấu phẩy' : 'dấu chấm'} thập phân, nhưng tệp này viết phần thập phân bằng "${p.s('decimal')}": hãy viết ${p.s('fixed')}`,
  'not-integer': (p) => `là ${n(p.n('value'))}, phải là số nguyên ≥ 0`,
  negative: (p) => (p.has('unit') ? `là ${n(p.n('value'))}, phải là số ≥ 0 (${p.s('unit')})` : `là ${n(p.n('value'))}, phải là số nguyên ≥ 0`),
  'not-positive': (p) => `là ${n(p.n('value'))}, phải là số > 0 (${p.s('unit')})`,
  'large-value': (p) => `là ${n(p.n('value'))} ${p.s('unit')}, lớn hơn ${n(p.n('limit'))} ${p.s('unit')}: đơn vị có đúng không?`,
  'out-of-range': (p) =>
    `là ${n(p.n('value'))}, phải ${p.has('max') ? `nằm trong khoảng ${n(p.n('min'))} đến ${n(p.n('max'))}${p.has('unit') ? ` ${p.s('unit')}` : ''}` : `${p.b('whole') ? 'là số nguyên ' : ''}≥ ${n(p.n('min'))}`}`,
  'not-boolean': (p) =>
    p.has('text')
      ? `là ${q(p.s('text'))}, phải là true hoặc false (cũng đọc được 1/0, yes/no và có/không)`
      : `${isShown(p)}, phải là true hoặc false (giá trị logic của JSON, không có dấu ngoặc kép)`,
  enum: (p) => `là ${p.type() === 'string' ? q(p.s('value')) : `${typeName(p)} (${show(p)})`}, phải là một trong ${quotedList(p.list('allowed'))}`,
  'date-format': (p) => `${isShown(p)}, phải là chuỗi ngày "YYYY-MM-DD"`,
  date: (p) => dateText(p),
  'duplicate-id': (p) => {
    const unit = p.s('unit');
    const first = unit === 'line' ? p.n('first') : p.n('first') + 1;
    return `mã ${q(p.s('id'))} đã được dùng ở ${UNIT[unit] ?? unit} ${first}; mỗi mã chỉ được dùng một lần trong tệp`;
  },
  exceeds: (p) => `là ${n(p.n('value'))}, lớn hơn giá trị của "${p.s('other')}" (${n(p.n('otherValue'))})`,
  'upgrade-without-technology': () => 'có giá trị nhưng thiếu "upgrade_technology"; hãy thêm "upgrade_technology" hoặc xoá giá trị này',
  'upgrade-on-planned': () => 'bị bỏ qua: quy tắc phủ sóng chỉ nâng cấp trạm hiện có, còn trạm này là trạm quy hoạch',
  'upgrade-not-newer': (p) => `là "${p.s('upgrade')}", không mới hơn công nghệ hiện tại "${p.s('technology')}"`,
  'not-object': (p) =>
    `tệp chứa ${p.type() === 'array' ? `một mảng JSON ${n(p.n('length'))} phần tử` : typeName(p)}, phải là một đối tượng JSON ${p.s('kind') === 'model' ? '{"radius_model": …, …}' : '{"name": …, "targets": [ … ]}'}`,
  'target-not-object': (p) => `${isShown(p)}, phải là một đối tượng JSON`,
  'targets-not-array': (p) => `${p.type() === 'missing' ? 'bị thiếu' : `là ${typeName(p)}`}, phải là một mảng các mục tiêu`,
  'unknown-district': (p) => `huyện ${q(p.s('district'))} không có trong ${p.s('in')}`,
  'unknown-school': (p) =>
    `${n(p.n('count'))} trên ${n(p.n('total'))} dòng ghi một trường không có trong ${p.s('in')} (${n(p.n('schools'))} trường: ${quotedList(p.list('ids'))}${p.n('schools') > p.list('ids').length ? ', …' : ''}); các dòng này được giữ và chỉ tính cho cả tỉnh, không tính cho trường hay huyện nào`,
  'outside-districts': (p) =>
    `${n(p.n('count'))} trên ${n(p.n('total'))} ${kind(p)} không nằm trong huyện nào của ${p.s('in')} (${quotedList(p.list('ids'))}${p.n('count') > p.list('ids').length ? ', …' : ''}); chúng vẫn được giữ, không thuộc huyện nào (quy tắc 7 của đặc tả dữ liệu)`,
  'missing-file': (p, issue) =>
    `thiếu tệp này (thư mục dữ liệu cần có nó)${p.has('found') ? `; tìm thấy ${q(p.s('found'))}: hãy chuyển hoặc đổi tên thành ${issue.file}` : ''}`,
  internal: (p) => `không kiểm tra được tệp (${p.s('detail')}); vui lòng báo lỗi này cho nhóm phát triển`,
  'csv-syntax': (p) => `${csvSyntax(p.s('detail'))} (một giá trị đã mở dấu ngoặc kép thì phải đóng lại)`,
  'csv-delimiter': (p) =>
    `các cột được phân cách bằng ${p.s('delimiter') === ';' ? '";"' : 'dấu tab'}, như bảng tính cài đặt tiếng Việt thường lưu CSV; ${p.s('format') === 'cells' ? 'tệp ô phủ sóng dùng' : 'dữ liệu cần'} "," giữa các cột và "." cho phần thập phân: hãy lưu thành "CSV UTF-8 (Comma delimited)" hoặc đặt dấu phân cách danh sách là ","`,
  'csv-header': (p) =>
    p.list('missing').length > 0
      ? `dòng tiêu đề thiếu ${p.list('missing').map((m) => `"${m}"`).join(', ')} (hiện có ${quotedList(p.list('has'))}); ${HEADER_HELP[p.s('format')] ?? DELIVERIES_HELP}`
      : `dòng tiêu đề ghi ${quotedList(p.list('duplicated'))} hai lần`,
  'csv-columns': (p) => {
    const has = `có ${n(p.n('fields'))} giá trị`;
    switch (p.s('format')) {
      case 'cells':
        return `${has}, ${p.b('header') ? 'dòng tiêu đề có' : 'tệp ô phủ sóng có'} ${n(p.n('expected'))} cột (một giá trị chứa dấu phẩy mà không nằm trong ngoặc kép, hoặc số thập phân viết bằng dấu phẩy như 105,12?); ${ROW_LEFT_OUT}`;
      case 'points': {
        const d = p.s('delimiter');
        const name = d === ';' ? '";"' : d === '\t' ? 'dấu tab' : '","';
        return `${has}, dòng tiêu đề có ${n(p.n('expected'))} cột (một giá trị chứa ${name} mà không nằm trong ngoặc kép${d === ',' ? ', hoặc số thập phân viết bằng dấu phẩy như 1,5' : ''}?)`;
      }
      default:
        return `${has}, dòng tiêu đề có ${n(p.n('expected'))} cột (một giá trị chứa dấu phẩy mà không nằm trong ngoặc kép, hoặc số thập phân viết bằng dấu phẩy như 1,5?)`;
    }
  },
  'csv-no-header': (p) =>
    `dòng đầu tiên trông như dữ liệu (${listed(p)}), không phải dòng tiêu đề đặt tên các cột; hãy thêm dòng tiêu đề, ví dụ ${EXAMPLE_HEADER[p.s('kind')] ?? ''}`,
  'csv-mapping': (p) =>
    p.s('reason') === 'twice'
      ? `${columnName(p.s('column'), p.n('index'))} được ghép cho cả "${p.s('other')}" và "${p.s('key')}"; mỗi cột chỉ được ghép một lần`
      : `phần ghép cột đặt "${p.s('key')}" ở cột ${p.s('index')}, nhưng dòng tiêu đề chỉ có các cột 0 đến ${p.n('max')}`,
  'csv-unmapped': (p) => {
    const name = p.s('name');
    if (name === 'lon' || name === 'lat') {
      const names = name === 'lon' ? ['longitude', 'kinh_do', 'x'] : ['latitude', 'vi_do', 'y'];
      return `chưa có ${unit(p)} nào được ghép cho ${name === 'lon' ? 'kinh độ' : 'vĩ độ'}; ${p.b('properties') ? 'các đối tượng có' : 'dòng tiêu đề có'} ${listed(p)}; hãy đặt tên một ${unit(p)} là "${name}" (hoặc ${names.map((x) => `"${x}"`).join(', ')}), hoặc chọn ${unit(p)} trong phần ghép ${unit(p)}`;
    }
    const alias = p.has('alias') ? ` (hoặc "${p.s('alias')}")` : '';
    return `chưa có ${unit(p)} nào được ghép cho "${name}" (bắt buộc trong tệp ${kind(p)}); ${p.b('properties') ? 'các đối tượng có' : 'dòng tiêu đề có'} ${listed(p)}; hãy đặt tên một ${unit(p)} là "${name}"${alias}, hoặc chọn ${unit(p)} trong phần ghép ${unit(p)}`;
  },
  'csv-ignored-columns': (p) => {
    const indexes = p.list('indexes').map(Number);
    const names = p.list('columns').map((name, i) => (name === '' ? `thứ ${(indexes[i] ?? 0) + 1} (không tên)` : q(name)));
    return names.length === 1
      ? `${unit(p)} ${names[0] ?? ''} không có trong đặc tả dữ liệu ${kind(p)} nên bị bỏ qua`
      : `các ${unit(p)} ${names.join(', ')} không có trong đặc tả dữ liệu ${kind(p)} nên bị bỏ qua`;
  },
  'csv-optional-unmapped': (p) =>
    `chưa có ${unit(p)} nào được ghép cho ${p.list('fields').map((f) => `"${f}"`).join(', ')}, là những trường mà dữ liệu có dùng; nếu một trong các ${unit(p)} bị bỏ qua chứa trường đó, hãy chọn nó trong phần ghép ${unit(p)}`,
  'no-rows': () => 'tệp có dòng tiêu đề nhưng không có dòng dữ liệu nào',
  quantity: (p) => {
    const text = p.s('text');
    switch (p.s('reason')) {
      case 'zero':
        return `là ${text}, phải là số nguyên ≥ 1`;
      case 'empty':
        return 'trống, phải là số nguyên ≥ 1';
      case 'thousands':
        return `là ${q(text)}: hãy viết số nguyên không có dấu phân cách hàng nghìn (${p.s('plain')})`;
      case 'decimal-comma':
        return `là ${q(text)}, dùng dấu phẩy thập phân; số lượng phải là số nguyên ≥ 1`;
      default:
        return `là ${q(text)}, phải là số nguyên ≥ 1`;
    }
  },
  'not-cell-export': (p) =>
    `dòng đầu tiên (${n(p.n('fields'))} giá trị, bắt đầu bằng ${q(p.s('start'))}) không phải dòng tiêu đề của tệp ô phủ sóng, cũng không phải một ô; ${CELLS_HELP}`,
  'cell-radio': (p) =>
    `${p.s('value') === '' ? 'trống' : `là ${q(p.s('value'))}`}, không phải một trong "GSM", "UMTS", "LTE", "NR" (2G đến 5G); các dòng có giá trị radio này bị bỏ qua`,
  'cell-mcc': (p) => `${p.s('value') === '' ? 'trống' : `là ${q(p.s('value'))}`}, phải là mã quốc gia di động, ví dụ 452; ${ROW_LEFT_OUT}`,
  'cell-net': (p) => `${p.s('value') === '' ? 'trống' : `là ${q(p.s('value'))}`}, phải là mã mạng di động, ví dụ 4; ${ROW_LEFT_OUT}`,
  'cell-position': (p) => cellPosition(p),
  'import-kind': () =>
    'không biết tệp này chứa loại dữ liệu gì; hãy đặt tên tệp theo loại dữ liệu ("hamlets", "schools", "towers", "deliveries", …) hoặc chọn loại dữ liệu',
  'import-no-cells': () => 'tệp không có ô phủ sóng nào dùng được thuộc mã quốc gia (MCC) đã chọn',
  'binary-file': (p) => `${BINARY_ADVICE[p.s('format') as BinaryFormat]?.vi ?? BINARY_ADVICE.unknown.vi}; chương trình đọc văn bản GeoJSON và CSV (và GeoParquet, FlatGeobuf)`,
  'utf16-decoded': () => 'tệp là văn bản UTF-16 (như Excel lưu kiểu "Unicode Text"); đã được đọc đúng, nhưng lần sau hãy lưu thành UTF-8',
  'import-format': (p) => `tệp ${kind(p)} phải là GeoJSON, không phải ${p.has('format') ? p.s('format') : 'CSV'}`,
  'import-nothing': () => 'Không có gì để nhập: hãy kéo thả hoặc chọn ít nhất một tệp',
  'import-twice': () => 'Có hai tệp cùng một loại dữ liệu: mỗi lần chỉ nhập một tệp cho mỗi loại',
  'more-not-listed': (p, issue) =>
    `còn ${n(p.n('count'))} ${p.s('severity') === 'warning' ? 'lưu ý' : 'lỗi'} khác cùng loại "${p.s('of')}"${moreWhere(p, issue)} không được liệt kê (tổng cộng ${n(p.n('total'))})`,
  ...V2_VI,
};

function place(issue: Issue, p: Params): string[] {
  const parts: string[] = [];
  if (p.b('csv')) {
    if (issue.line !== undefined) parts.push(`dòng ${issue.line}${issue.id ? ` (mã ${q(issue.id)})` : ''}`);
    if (issue.featureIndex !== undefined) parts.push(`đối tượng ${issue.featureIndex + 1}${issue.id ? ` (mã ${q(issue.id)})` : ''}`);
    if (p.has('csvPair')) {
      const [lon = '', lat = ''] = p.list('csvPair');
      parts.push(p.b('properties') ? `các thuộc tính ${q(lon)} và ${q(lat)}` : `các cột ${q(lon)} và ${q(lat)}`);
    } else if (p.has('csvColumn')) parts.push(csvColumn(p));
    return parts;
  }
  if (issue.featureIndex !== undefined) parts.push(`đối tượng ${issue.featureIndex + 1}${issue.id ? ` (mã ${q(issue.id)})` : ''}`);
  if (p.has('target')) parts.push(`mục tiêu ${p.n('target') + 1}`);
  if (issue.line !== undefined) parts.push(`dòng ${issue.line}`);
  if (issue.column !== undefined) parts.push(`cột ${issue.column}`);
  if (issue.field !== undefined) parts.push(`trường dữ liệu ${q(issue.field)}`);
  return parts;
}

export const VI: IssueLanguage = {
  texts,
  place,
  readAs: (file, as) => `${file} (đọc thành ${as})`,
};
