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
  'engine-import-gone',
  'engine-fetch',
  'engine-restore',
  'engine-internal',
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
  'engine-import-gone': () => 'This import is no longer waiting; check the files again.',
  'engine-fetch': (p) => `The file ${q(p.s('path'))} could not be loaded (HTTP ${p.s('status')}).`,
  'engine-restore': () => 'The data imported earlier no longer passes the checks; the bundled data stays.',
  'engine-internal': (p) => `The computation failed (${p.s('detail')}); please report this.`,
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
  'engine-import-gone': () => 'Lần nhập này không còn chờ nữa; hãy kiểm tra lại các tệp.',
  'engine-fetch': (p) => `Không tải được tệp ${q(p.s('path'))} (HTTP ${p.s('status')}).`,
  'engine-restore': () => 'Dữ liệu đã nhập lần trước không còn qua được kiểm tra; dữ liệu có sẵn được giữ nguyên.',
  'engine-internal': (p) => `Tính toán bị lỗi (${p.s('detail')}); xin hãy báo lại lỗi này.`,
};

const TEXTS: Readonly<Record<Lang, ProblemTexts>> = { vi: VI, en: EN };

/** A problem as a sentence in the language asked for. */
export function problemText(found: Problem, lang: Lang): string {
  const text = (TEXTS[lang] ?? EN)[found.code];
  return text === undefined ? found.code : text(new Params(found.params));
}
