// Problems that are not about a file's place: a plan's edits, a gap's status workflow, and
// a stored plan or status file that cannot be read back. Like issues, each is a code from a
// closed list and its parameters, said from the vi and en dictionaries below.
import { writeDay } from '../input/day.ts';
import type { IssueParams } from './codes.ts';
import { num, q, type Lang, Params } from './format.ts';

export const PROBLEM_CODES = [
  // A plan laid over the loaded towers (plan/plan.ts applyPlan)
  'plan-clears-required',
  'plan-removes-unknown',
  'plan-changes-unknown',
  'plan-adds-clash',
  'plan-adds-twice',
  // A planned upgrade (plan/plan.ts upgradeProblem)
  'upgrade-no-tower',
  'upgrade-planned',
  'upgrade-not-old',
  'upgrade-not-newer',
  'upgrade-date',
  'upgrade-radius',
  // A stored or imported plan (plan/plan.ts readPlanDoc)
  'plan-not',
  'plan-unknown-field',
  'plan-field-missing',
  'plan-cannot-change',
  'plan-clears',
  // A gap's status change (gaps/status.ts)
  'gap-id',
  'gap-status',
  'gap-date',
  'gap-date-order',
  'gap-already-assigned',
  'gap-transition',
  'gap-no-operator',
  'gap-operator-unassigned',
  'gap-operator-other',
  // A stored or imported status file (gaps/status.ts readGapStatuses, readGapStatusFile)
  'statuses-not',
  'statuses-unknown-field',
  'statuses-schema',
  'statuses-gap-id',
  'statuses-change',
  'statuses-json',
  'statuses-binary',
  // The data worker's answers that are failures (worker/engine.ts)
  'engine-no-data',
  'engine-no-candidates',
  'engine-import-gone',
  'engine-fetch',
  'engine-restore',
  'engine-internal',
  // Saving on this device (io/*): why a plan, the gap statuses or the imported files were not stored
  'store-quota',
  'store-unavailable',
  'store-blocked',
  'store-newer',
  'store-unreadable',
  'store-conflict',
  'store-invalid',
  'store-failed',
] as const;

export type ProblemCode = (typeof PROBLEM_CODES)[number];

export interface Problem {
  code: ProblemCode;
  params: IssueParams;
}

export const problem = (code: ProblemCode, params: IssueParams = {}): Problem => ({ code, params });

export type ProblemTexts = { readonly [C in ProblemCode]: (p: Params) => string };

const NOT_EN: Record<string, string> = {
  object: 'an object',
  list: 'a list',
  tower: 'a tower',
  towerId: 'a tower id',
  status: '"existing" or "planned"',
  boolean: 'true or false',
  changes: 'a set of changes',
  lon: 'a longitude',
  lat: 'a latitude',
  nonEmpty: 'a non-empty string',
  technology: 'a technology (2G, 3G, 4G, 5G)',
  positive: 'a number > 0',
  nonNegative: 'a number ≥ 0',
  band: 'a band in MHz from 100 to 6000',
  date: 'a date YYYY-MM-DD',
  change: 'a status change',
  text: 'text',
  changes_list: 'a list of changes',
  gapStatus: 'one of open, assigned, in_progress, resolved, disputed',
};
const NOT_VI: Record<string, string> = {
  object: 'một đối tượng JSON',
  list: 'một danh sách',
  tower: 'một trạm',
  towerId: 'một mã trạm',
  status: '"existing" hoặc "planned"',
  boolean: 'true hoặc false',
  changes: 'một tập thay đổi',
  lon: 'một kinh độ',
  lat: 'một vĩ độ',
  nonEmpty: 'một chuỗi không rỗng',
  technology: 'một công nghệ (2G, 3G, 4G, 5G)',
  positive: 'một số > 0',
  nonNegative: 'một số ≥ 0',
  band: 'một băng tần từ 100 đến 6000 MHz',
  date: 'một ngày dạng YYYY-MM-DD',
  change: 'một thay đổi trạng thái',
  text: 'văn bản',
  changes_list: 'một danh sách thay đổi',
  gapStatus: 'một trong "open", "assigned", "in_progress", "resolved", "disputed"',
};

const STATUS_EN = (s: string): string => s.replace('_', ' ');
const STATUS_VI: Record<string, string> = {
  open: 'mở',
  assigned: 'đã giao',
  in_progress: 'đang xử lý',
  resolved: 'đã xử lý',
  disputed: 'có tranh chấp',
};
const statusVi = (s: string): string => STATUS_VI[s] ?? q(s);
/** What a store failure is about (io/*). */
const WHAT_EN: Record<string, string> = { plan: 'the plan', statuses: 'the gap statuses', imports: 'the imported files' };
const WHAT_VI: Record<string, string> = { plan: 'kế hoạch', statuses: 'trạng thái các điểm chưa có sóng tốt', imports: 'các tệp đã nhập' };
/** An ISO day as Vietnamese writes it (dd/mm/yyyy); anything else as it is. */
const dayVi = (iso: string): string => (/^\d{4}-\d{2}-\d{2}$/.test(iso) ? writeDay(iso, 'vi') : iso);

const HINT_EN: Record<string, (p: Params) => string> = {
  already: (p) => `it is already ${STATUS_EN(p.s('from'))}`,
  assign: () => 'assign it first',
  progress: () => 'mark it in progress first',
  reopen: () => 'reopen it first',
};
const HINT_VI: Record<string, (p: Params) => string> = {
  already: (p) => `điểm này đã ở trạng thái ${statusVi(p.s('from'))}`,
  assign: () => 'hãy giao cho nhà mạng trước',
  progress: () => 'hãy chuyển sang đang xử lý trước',
  reopen: () => 'hãy mở lại trước',
};

/** `the plan` or `added[2]`: where in a stored plan. */
const atEn = (p: Params): string => (p.s('at') === '' ? 'the plan' : p.s('at'));
const atVi = (p: Params): string => (p.s('at') === '' ? 'kế hoạch' : p.s('at'));
const statusesAtEn = (p: Params): string => (p.s('at') === '' ? 'the gap statuses' : p.s('at'));
const statusesAtVi = (p: Params): string => (p.s('at') === '' ? 'tệp trạng thái' : p.s('at'));

const EN: ProblemTexts = {
  'plan-clears-required': (p) => `The plan clears the ${p.s('field')} of tower ${q(p.s('tower'))}, which every tower needs; that part of the change is skipped.`,
  'plan-removes-unknown': (p) => `The plan removes tower ${q(p.s('tower'))}, which is not in the loaded towers; the removal is skipped.`,
  'plan-changes-unknown': (p) => `The plan changes tower ${q(p.s('tower'))}, which is not in the loaded towers; the change is skipped.`,
  'plan-adds-clash': (p) => `The plan adds a tower ${q(p.s('tower'))}, but a loaded tower already has that id; the added tower is skipped.`,
  'plan-adds-twice': (p) => `The plan adds two towers with the id ${q(p.s('tower'))}; the second is skipped.`,
  'upgrade-no-tower': () => 'There is no such tower in the plan.',
  'upgrade-planned': (p) =>
    `Tower ${q(p.s('tower'))} is planned, not existing: the coverage rules upgrade existing towers only; change its technology instead.`,
  'upgrade-not-old': (p) => `Tower ${q(p.s('tower'))} is already ${p.s('technology')}: only 2G and 3G towers are upgraded.`,
  'upgrade-not-newer': (p) => `An upgrade to ${p.s('technology')} is not newer than the tower's ${p.s('current')}.`,
  'upgrade-date': (p) => `The upgrade date ${q(p.s('date'))} is not a date YYYY-MM-DD.`,
  'upgrade-radius': (p) => `The upgrade radius ${p.s('radius')} km must be a number > 0.`,
  'plan-not': (p) => `${atEn(p)} is not ${NOT_EN[p.s('what')] ?? p.s('what')}`,
  'plan-unknown-field': (p) => `${atEn(p)} has an unknown field ${q(p.s('key'))}`,
  'plan-field-missing': (p) => `${atEn(p)}.${p.s('field')} is missing`,
  'plan-cannot-change': (p) => `${atEn(p)} changes ${q(p.s('key'))}, which a plan cannot change`,
  'plan-clears': (p) => `${atEn(p)} clears ${p.s('key')}, which every tower needs`,
  'gap-id': (p) => `${q(p.s('id'))} is not a gap id (hamlet:<id> or school:<id>)`,
  'gap-status': (p) => `${q(p.s('status'))} is not a gap status`,
  'gap-date': (p) => `the date ${q(p.s('date'))} is not a date YYYY-MM-DD`,
  'gap-date-order': (p) => `the date ${p.s('date')} is before the gap's last change, on ${p.s('last')}`,
  'gap-already-assigned': (p) => `cannot go from assigned to assigned: it is already assigned to ${p.s('operator')}`,
  'gap-transition': (p) => `cannot go from ${STATUS_EN(p.s('from'))} to ${STATUS_EN(p.s('to'))}: ${(HINT_EN[p.s('hint')] ?? HINT_EN['reopen'] ?? (() => ''))(p)}`,
  'gap-no-operator': () => 'an assignment must name the operator',
  'gap-operator-unassigned': (p) => `the change names the operator ${p.s('operator')}, but the gap is not assigned to anyone`,
  'gap-operator-other': (p) => `the change names the operator ${p.s('operator')}, but the gap is assigned to ${p.s('assigned')}: reassign it first`,
  'statuses-not': (p) => (p.s('at') === '' ? `the gap statuses are not ${NOT_EN[p.s('what')] ?? ''}` : `${p.s('at')} is not ${NOT_EN[p.s('what')] ?? ''}`),
  'statuses-unknown-field': (p) =>
    p.s('at') === '' ? `the gap statuses have an unknown field ${q(p.s('key'))}` : `${p.s('at')} has an unknown field ${q(p.s('key'))}`,
  'statuses-schema': (p) => `schema is ${p.s('schema')}, not 1`,
  'statuses-gap-id': (p) => `${statusesAtEn(p)}.gapId is not ${q(p.s('expected'))}`,
  'statuses-change': (p) => `${p.s('at')}: ${problemText({ code: p.s('of') as ProblemCode, params: p.values() }, 'en')}`,
  'statuses-json': (p) => `the file is not valid JSON (line ${num(p.n('line'), 'en')}, column ${num(p.n('column'), 'en')})`,
  'statuses-binary': () => 'the file is not text: a gap status file is the JSON that "Export statuses" writes',
  'engine-no-data': () => 'No data is loaded yet: wait for the data to load, or import a data folder.',
  'engine-no-candidates': () => 'The data set has no candidate sites: import a candidates.geojson file first.',
  'engine-import-gone': () => 'This import is no longer waiting; check the files again.',
  'engine-fetch': (p) => `The file ${q(p.s('path'))} could not be loaded (HTTP ${p.s('status')}).`,
  'engine-restore': () => 'The data imported earlier no longer passes the checks; the bundled data stays.',
  'engine-internal': (p) => `The computation failed (${p.s('detail')}); please report this.`,
  'store-quota': (p) => `The browser's storage is full, so ${WHAT_EN[p.s('what')] ?? 'the data'} could not be saved; the copy saved before is kept. Free some space or export to a file.`,
  'store-unavailable': (p) => `This browser keeps no data for the app (private browsing, or storage turned off), so ${WHAT_EN[p.s('what')] ?? 'the data'} cannot be kept here; export to a file instead.`,
  'store-blocked': () => 'Another tab of Sóng Map is using an older version of its data; close the other tabs and reload.',
  'store-newer': () => 'The data in this browser was saved by a newer version of Sóng Map; update the app (reload) to use it here.',
  'store-unreadable': (p) => `The copy of ${WHAT_EN[p.s('what')] ?? 'the data'} saved here cannot be read; it is kept as it is and not saved over.`,
  'store-conflict': (p) => `Another tab or window saved ${WHAT_EN[p.s('what')] ?? 'the data'} after this tab read it, so this tab's version was not saved; both are kept.`,
  'store-invalid': (p) => `${WHAT_EN[p.s('what')] ?? 'The data'} was not saved: it is not in the expected form.`,
  'store-failed': (p) => `The browser could not save ${WHAT_EN[p.s('what')] ?? 'the data'} (${p.s('detail')}).`,
};

const VI: ProblemTexts = {
  'plan-clears-required': (p) => `Kế hoạch xoá ${q(p.s('field'))} của trạm ${q(p.s('tower'))}, thông tin mà trạm nào cũng cần; phần thay đổi đó bị bỏ qua.`,
  'plan-removes-unknown': (p) => `Kế hoạch xoá trạm ${q(p.s('tower'))}, nhưng trạm này không có trong dữ liệu trạm đang dùng; việc xoá bị bỏ qua.`,
  'plan-changes-unknown': (p) => `Kế hoạch sửa trạm ${q(p.s('tower'))}, nhưng trạm này không có trong dữ liệu trạm đang dùng; thay đổi bị bỏ qua.`,
  'plan-adds-clash': (p) => `Kế hoạch thêm trạm ${q(p.s('tower'))}, nhưng đã có một trạm đang dùng mang mã này; trạm thêm vào bị bỏ qua.`,
  'plan-adds-twice': (p) => `Kế hoạch thêm hai trạm cùng mã ${q(p.s('tower'))}; trạm thứ hai bị bỏ qua.`,
  'upgrade-no-tower': () => 'Không có trạm này trong kế hoạch.',
  'upgrade-planned': (p) =>
    `Trạm ${q(p.s('tower'))} là trạm quy hoạch, chưa hiện có: quy tắc phủ sóng chỉ nâng cấp trạm hiện có; hãy đổi công nghệ của trạm thay vì nâng cấp.`,
  'upgrade-not-old': (p) => `Trạm ${q(p.s('tower'))} đã là ${p.s('technology')}: chỉ nâng cấp trạm 2G và 3G.`,
  'upgrade-not-newer': (p) => `Nâng cấp lên ${p.s('technology')} không mới hơn công nghệ ${p.s('current')} hiện tại của trạm.`,
  'upgrade-date': (p) => `Ngày nâng cấp ${q(p.s('date'))} không phải ngày dạng YYYY-MM-DD.`,
  'upgrade-radius': (p) => `Bán kính nâng cấp ${num(p.s('radius'), 'vi')} km phải là một số > 0.`,
  'plan-not': (p) => `${atVi(p)} không phải ${NOT_VI[p.s('what')] ?? q(p.s('what'))}`,
  'plan-unknown-field': (p) => `${atVi(p)} có trường dữ liệu lạ ${q(p.s('key'))}`,
  'plan-field-missing': (p) => `${atVi(p)}.${p.s('field')} bị thiếu`,
  'plan-cannot-change': (p) => `${atVi(p)} sửa ${q(p.s('key'))}, thông tin mà kế hoạch không được sửa`,
  'plan-clears': (p) => `${atVi(p)} xoá ${q(p.s('key'))}, thông tin mà trạm nào cũng cần`,
  'gap-id': (p) => `${q(p.s('id'))} không phải mã điểm chưa có sóng tốt (hamlet:<mã> hoặc school:<mã>)`,
  'gap-status': (p) => `${q(p.s('status'))} không phải trạng thái xử lý`,
  'gap-date': (p) => `ngày ${q(p.s('date'))} không phải ngày dạng YYYY-MM-DD`,
  'gap-date-order': (p) => `ngày ${dayVi(p.s('date'))} sớm hơn lần thay đổi gần nhất của điểm này, ngày ${dayVi(p.s('last'))}`,
  'gap-already-assigned': (p) => `không thể giao lại cho cùng nhà mạng: điểm này đã được giao cho ${p.s('operator')}`,
  'gap-transition': (p) =>
    `không thể chuyển từ ${statusVi(p.s('from'))} sang ${statusVi(p.s('to'))}: ${(HINT_VI[p.s('hint')] ?? HINT_VI['reopen'] ?? (() => ''))(p)}`,
  'gap-no-operator': () => 'khi giao phải ghi rõ nhà mạng nhận',
  'gap-operator-unassigned': (p) => `thay đổi ghi nhà mạng ${p.s('operator')}, nhưng điểm này chưa được giao cho ai`,
  'gap-operator-other': (p) => `thay đổi ghi nhà mạng ${p.s('operator')}, nhưng điểm này đang giao cho ${p.s('assigned')}: hãy giao lại trước`,
  'statuses-not': (p) => `${statusesAtVi(p)} không phải ${NOT_VI[p.s('what')] ?? ''}`,
  'statuses-unknown-field': (p) => `${statusesAtVi(p)} có trường dữ liệu lạ ${q(p.s('key'))}`,
  'statuses-schema': (p) => `phiên bản "schema" là ${p.s('schema')}, không phải 1`,
  'statuses-gap-id': (p) => `${statusesAtVi(p)}.gapId không phải ${q(p.s('expected'))}`,
  'statuses-change': (p) => `${p.s('at')}: ${problemText({ code: p.s('of') as ProblemCode, params: p.values() }, 'vi')}`,
  'statuses-json': (p) => `tệp không phải JSON hợp lệ (dòng ${num(p.n('line'), 'vi')}, cột ${num(p.n('column'), 'vi')})`,
  'statuses-binary': () => 'tệp không phải văn bản: tệp trạng thái là tệp JSON do nút "Xuất trạng thái" tạo ra',
  'engine-no-data': () => 'Chưa có dữ liệu: hãy đợi dữ liệu tải xong, hoặc nhập một thư mục dữ liệu.',
  'engine-no-candidates': () => 'Dữ liệu chưa có vị trí ứng viên: hãy nhập tệp candidates.geojson trước.',
  'engine-import-gone': () => 'Lần nhập này không còn chờ nữa; hãy kiểm tra lại các tệp.',
  'engine-fetch': (p) => `Không tải được tệp ${q(p.s('path'))} (HTTP ${p.s('status')}).`,
  'engine-restore': () => 'Dữ liệu đã nhập lần trước không còn qua được kiểm tra; dữ liệu có sẵn được giữ nguyên.',
  'engine-internal': (p) => `Tính toán bị lỗi (${p.s('detail')}); xin hãy báo lại lỗi này.`,
  'store-quota': (p) => `Bộ nhớ của trình duyệt đã đầy nên không lưu được ${WHAT_VI[p.s('what')] ?? 'dữ liệu'}; bản đã lưu trước đó vẫn được giữ. Hãy giải phóng dung lượng hoặc xuất ra tệp.`,
  'store-unavailable': (p) => `Trình duyệt này không lưu dữ liệu cho ứng dụng (chế độ ẩn danh, hoặc đã tắt lưu trữ), nên không giữ được ${WHAT_VI[p.s('what')] ?? 'dữ liệu'} ở đây; hãy xuất ra tệp.`,
  'store-blocked': () => 'Một thẻ Sóng Map khác đang dùng phiên bản dữ liệu cũ hơn; hãy đóng các thẻ khác rồi tải lại trang.',
  'store-newer': () => 'Dữ liệu trong trình duyệt này do một phiên bản Sóng Map mới hơn lưu; hãy cập nhật ứng dụng (tải lại trang) để dùng ở đây.',
  'store-unreadable': (p) => `Bản ${WHAT_VI[p.s('what')] ?? 'dữ liệu'} đã lưu ở đây không đọc được; bản đó được giữ nguyên, không bị ghi đè.`,
  'store-conflict': (p) => `Một thẻ hoặc cửa sổ khác đã lưu ${WHAT_VI[p.s('what')] ?? 'dữ liệu'} sau khi thẻ này đọc, nên bản của thẻ này chưa được lưu; cả hai bản đều được giữ.`,
  'store-invalid': (p) => `Chưa lưu ${WHAT_VI[p.s('what')] ?? 'dữ liệu'}: dữ liệu không đúng dạng.`,
  'store-failed': (p) => `Trình duyệt không lưu được ${WHAT_VI[p.s('what')] ?? 'dữ liệu'} (${p.s('detail')}).`,
};

const TEXTS: Readonly<Record<Lang, ProblemTexts>> = { vi: VI, en: EN };

/** A problem as a sentence in the language asked for. */
export function problemText(found: Problem, lang: Lang): string {
  const text = (TEXTS[lang] ?? EN)[found.code];
  return text === undefined ? found.code : text(new Params(found.params));
}
