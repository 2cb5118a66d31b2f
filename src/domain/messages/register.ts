// The gap register's problems (gaps/history*.ts, gaps/network.ts, the sync server): a code
// from the closed list below and its parameters, said in Vietnamese or English. A change's
// workflow fault carries the status workflow's own problem (`of` and its parameters), so
// it reads as the status panel says it.
import { writeDay } from '../input/day.ts';
import { Params, q, type Lang } from './format.ts';
import { problemText, type ProblemCode } from './problems.ts';

export const REGISTER_CODES = [
  'register.eventField',
  'register.eventNotObject',
  'register.dueNotAssignment',
  'register.dueBeforeDate',
  'register.workflow',
  'register.parentOtherGap',
  'register.parentMissing',
  'register.parentInvalid',
  'register.parentCycle',
  'register.idTaken',
  'register.idClash',
  'register.fileNotObject',
  'register.fileSchema1',
  'register.fileSchema',
  'register.fileField',
  'register.fileNoEvents',
  'sync.assignOther',
  'sync.outsideNetwork',
  'sync.wrongOrganisation',
  'sync.dateAhead',
  'sync.notStored',
  'sync.noHello',
  'sync.badMessage',
  'sync.tokenUnknown',
] as const;

export type RegisterCode = (typeof REGISTER_CODES)[number];

/** What is wrong with one field of a change (`register.eventField`'s `what`). */
export const FIELD_FAULTS = ['unknown', 'id', 'gapId', 'status', 'date', 'text', 'role', 'parent'] as const;
export type FieldFault = (typeof FIELD_FAULTS)[number];

const FAULT: Readonly<Record<Lang, Readonly<Record<FieldFault, string>>>> = {
  en: {
    unknown: 'unknown field',
    id: 'not an event id',
    gapId: 'not a gap id (hamlet:<id> or school:<id>)',
    status: 'not one of open, assigned, in_progress, resolved, disputed',
    date: 'not a date YYYY-MM-DD',
    text: 'not text',
    role: 'not one of province, partner',
    parent: 'not an event id',
  },
  vi: {
    unknown: 'trường không có trong tệp trạng thái',
    id: 'không phải mã thay đổi',
    gapId: 'không phải mã điểm (hamlet:<mã> hoặc school:<mã>)',
    status: 'không phải một trong open, assigned, in_progress, resolved, disputed',
    date: 'không phải ngày dạng YYYY-MM-DD',
    text: 'không phải văn bản',
    role: 'không phải province hoặc partner',
    parent: 'không phải mã thay đổi',
  },
};

type Texts = { readonly [C in RegisterCode]: (p: Params, lang: Lang) => string };

/**
 * The status workflow's own problem carried along: its code as `of` (or as `outer` when that
 * problem has an `of` of its own), its parameters beside; from older records, `reason`.
 */
function inner(p: Params, lang: Lang): string {
  const code = p.has('outer') ? p.s('outer') : p.s('of');
  return code ? problemText({ code: code as ProblemCode, params: p.values() }, lang) : p.s('reason');
}
const day = (p: Params, key: string, lang: Lang) => writeDay(p.s(key), lang);

const EN: Texts = {
  'register.eventField': (p) => `${p.s('at')}.${p.s('field')}: ${FAULT.en[p.s('what') as FieldFault] ?? p.s('problem')}`,
  'register.eventNotObject': (p) => `${p.s('at')} is not a status change`,
  'register.dueNotAssignment': (p) => `${p.s('gapId')}: change ${p.s('eventId')} has a due date but is not an assignment`,
  'register.dueBeforeDate': (p, lang) => `${p.s('gapId')}: the due date ${day(p, 'due', lang)} is before the day of the assignment, ${day(p, 'date', lang)}`,
  'register.workflow': (p, lang) => `${p.s('gapId')}: ${inner(p, lang)}`,
  'register.parentOtherGap': (p) => `${p.s('gapId')}: change ${p.s('eventId')} follows ${p.s('parent')}, a change of another gap`,
  'register.parentMissing': (p) => `${p.s('gapId')}: change ${p.s('eventId')} follows ${p.s('parent')}, which is not in the register`,
  'register.parentInvalid': (p) => `${p.s('gapId')}: change ${p.s('eventId')} follows ${p.s('parent')}, a change that is not valid`,
  'register.parentCycle': (p) => `${p.s('gapId')}: change ${p.s('eventId')} is in a loop of changes that follow each other`,
  'register.idTaken': (p) => `the id ${p.s('eventId')} is already taken`,
  'register.idClash': (p) => `the id ${p.s('eventId')} names two different changes`,
  'register.fileNotObject': () => 'the status file is not a JSON object',
  'register.fileSchema1': (p, lang) => `the status file (schema 1): ${inner(p, lang)}`,
  'register.fileSchema': (p) => `the status file's schema is ${p.s('schema')}, not 1 or 2`,
  'register.fileField': (p) => `the status file has an unknown field ${q(p.s('field'))}`,
  'register.fileNoEvents': () => 'the status file has no list of events',
  'sync.assignOther': (p) => `${p.s('gapId')}: ${p.s('own')} may assign a gap only to itself, not to ${p.s('operator') || 'nobody'}`,
  'sync.outsideNetwork': (p) => `${p.s('gapId')} is not in ${p.s('operator')}'s network (it is assigned to another operator, or to no one and its nearest planned 4G/5G tower is not ${p.s('operator')}'s)`,
  'sync.wrongOrganisation': (p) => `change ${p.s('eventId')} is signed by ${p.s('org') || 'nobody'}, but the token is ${p.s('sender')}'s`,
  'sync.dateAhead': (p, lang) => `change ${p.s('eventId')} is dated ${day(p, 'date', lang)}, after ${day(p, 'latest', lang)}: check the device's clock`,
  'sync.notStored': () => 'the server could not store the changes; they stay on this device and are sent again later',
  'sync.noHello': () => 'the connection did not start with an access token',
  'sync.badMessage': () => 'the server received a message it cannot read',
  'sync.tokenUnknown': () => 'the access token is not known to this server',
};

const VI: Texts = {
  'register.eventField': (p) => `${p.s('at')}.${p.s('field')}: ${FAULT.vi[p.s('what') as FieldFault] ?? p.s('problem')}`,
  'register.eventNotObject': (p) => `${p.s('at')} không phải một thay đổi trạng thái`,
  'register.dueNotAssignment': (p) => `${p.s('gapId')}: thay đổi ${p.s('eventId')} có hạn xử lý nhưng không phải là giao việc`,
  'register.dueBeforeDate': (p, lang) => `${p.s('gapId')}: hạn xử lý ${day(p, 'due', lang)} sớm hơn ngày giao việc ${day(p, 'date', lang)}`,
  'register.workflow': (p, lang) => `${p.s('gapId')}: ${inner(p, lang)}`,
  'register.parentOtherGap': (p) => `${p.s('gapId')}: thay đổi ${p.s('eventId')} nối tiếp ${p.s('parent')}, là thay đổi của một điểm khác`,
  'register.parentMissing': (p) => `${p.s('gapId')}: thay đổi ${p.s('eventId')} nối tiếp ${p.s('parent')}, nhưng thay đổi đó không có trong sổ`,
  'register.parentInvalid': (p) => `${p.s('gapId')}: thay đổi ${p.s('eventId')} nối tiếp ${p.s('parent')}, một thay đổi không hợp lệ`,
  'register.parentCycle': (p) => `${p.s('gapId')}: thay đổi ${p.s('eventId')} nằm trong một vòng các thay đổi nối tiếp nhau`,
  'register.idTaken': (p) => `mã ${p.s('eventId')} đã được dùng`,
  'register.idClash': (p) => `mã ${p.s('eventId')} chỉ hai thay đổi khác nhau`,
  'register.fileNotObject': () => 'tệp trạng thái không phải một đối tượng JSON',
  'register.fileSchema1': (p, lang) => `tệp trạng thái (phiên bản 1): ${inner(p, lang)}`,
  'register.fileSchema': (p) => `phiên bản "schema" của tệp trạng thái là ${p.s('schema')}, không phải 1 hoặc 2`,
  'register.fileField': (p) => `tệp trạng thái có trường lạ ${q(p.s('field'))}`,
  'register.fileNoEvents': () => 'tệp trạng thái không có danh sách thay đổi ("events")',
  'sync.assignOther': (p) => `${p.s('gapId')}: ${p.s('own')} chỉ được giao điểm cho chính mình, không cho ${p.s('operator') || 'không ai'}`,
  'sync.outsideNetwork': (p) => `${p.s('gapId')} không thuộc mạng của ${p.s('operator')} (đã giao cho nhà mạng khác, hoặc chưa giao và trạm 4G/5G quy hoạch gần nhất không phải của ${p.s('operator')})`,
  'sync.wrongOrganisation': (p) => `thay đổi ${p.s('eventId')} ghi tên ${p.s('org') || 'không ai'}, nhưng mã truy cập là của ${p.s('sender')}`,
  'sync.dateAhead': (p, lang) => `thay đổi ${p.s('eventId')} ghi ngày ${day(p, 'date', lang)}, sau ngày ${day(p, 'latest', lang)}: hãy kiểm tra đồng hồ của máy`,
  'sync.notStored': () => 'máy chủ chưa lưu được các thay đổi; chúng vẫn ở trên máy này và sẽ được gửi lại sau',
  'sync.noHello': () => 'kết nối không bắt đầu bằng mã truy cập',
  'sync.badMessage': () => 'máy chủ nhận được một tin không đọc được',
  'sync.tokenUnknown': () => 'máy chủ không biết mã truy cập này',
};

const TEXTS: Readonly<Record<Lang, Texts>> = { vi: VI, en: EN };

/** A register problem as a sentence in the language asked for (the code itself if unknown). */
export function registerText(found: { code: string; params: Record<string, string | number> }, lang: Lang): string {
  const text = TEXTS[lang][found.code as RegisterCode];
  return text === undefined ? found.code : text(new Params(found.params), lang);
}

