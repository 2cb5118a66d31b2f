// A value as both dictionaries show it ("is a string ("abc")", "là một chuỗi ("abc")") and
// what a number must be, shared by issues-en/vi.ts and the contract v2 texts (issues-v2.ts).
import { num, q, type Params } from './format.ts';

export interface ValueWords {
  /** "a string", "một chuỗi": the type of `got`. */
  typeName(p: Params): string;
  /** The value itself: strings quoted, arrays by their length. */
  show(p: Params): string;
  /** "is a string ("abc")". */
  isShown(p: Params): string;
  /** What a number must be, by the `mustBe` key ("lon": "a longitude in degrees"). */
  mustBe(p: Params): string;
}

const TYPE_EN: Readonly<Record<string, string>> = {
  null: 'null',
  array: 'an array',
  string: 'a string',
  number: 'a number',
  boolean: 'a boolean',
  missing: 'missing',
  object: 'an object',
};

const MUST_BE_EN: Readonly<Record<string, string>> = {
  number: 'a number',
  count: 'a whole number ≥ 0',
  lon: 'a longitude in degrees',
  lat: 'a latitude in degrees',
  mbps: 'a speed in Mbps',
  kbps: 'a speed in kbps',
  ms: 'a latency in ms',
  'mbps-min': 'a speed in Mbps (a number ≥ 0)',
  'ms-min': 'a latency in ms (a number ≥ 0)',
};

function showEn(p: Params): string {
  switch (p.type()) {
    case 'string':
      return q(p.s('value'));
    case 'number':
    case 'boolean':
      return p.s('value');
    case 'null':
      return 'null';
    case 'missing':
      return 'nothing';
    case 'array':
      return `an array of ${p.n('length')}`;
    default:
      return 'an object';
  }
}

export const VALUE_EN: ValueWords = {
  typeName: (p) => TYPE_EN[p.type()] ?? 'an object',
  show: showEn,
  isShown: (p) => `is ${VALUE_EN.typeName(p)} (${showEn(p)})`,
  mustBe: (p) => MUST_BE_EN[p.s('mustBe')] ?? 'a number',
};

const TYPE_VI: Readonly<Record<string, string>> = {
  null: 'null',
  array: 'một mảng',
  string: 'một chuỗi',
  number: 'một số',
  boolean: 'một giá trị true/false',
  missing: 'không có',
  object: 'một đối tượng JSON',
};

const MUST_BE_VI: Readonly<Record<string, string>> = {
  number: 'một số',
  count: 'một số nguyên ≥ 0',
  lon: 'kinh độ tính bằng độ',
  lat: 'vĩ độ tính bằng độ',
  mbps: 'tốc độ tính bằng Mbps',
  kbps: 'tốc độ tính bằng kbps',
  ms: 'độ trễ tính bằng ms',
  'mbps-min': 'tốc độ tính bằng Mbps (một số ≥ 0)',
  'ms-min': 'độ trễ tính bằng ms (một số ≥ 0)',
};

function showVi(p: Params): string {
  switch (p.type()) {
    case 'string':
      return q(p.s('value'));
    case 'number':
      return num(p.s('value'), 'vi');
    case 'boolean':
      return p.s('value');
    case 'null':
      return 'null';
    case 'missing':
      return 'không có gì';
    case 'array':
      return `một mảng ${num(p.n('length'), 'vi')} phần tử`;
    default:
      return 'một đối tượng JSON';
  }
}

export const VALUE_VI: ValueWords = {
  typeName: (p) => TYPE_VI[p.type()] ?? 'một đối tượng JSON',
  show: showVi,
  isShown: (p) => `là ${VALUE_VI.typeName(p)} (${showVi(p)})`,
  mustBe: (p) => MUST_BE_VI[p.s('mustBe')] ?? 'một số',
};
