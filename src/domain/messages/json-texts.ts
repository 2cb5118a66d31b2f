// What is wrong with a JSON text (parse/json-syntax.ts finds it), in each language.
import { num, q, type Params } from './format.ts';

function described(ch: string): string {
  return ch === '' ? 'the end of the text' : q(ch);
}

export function jsonEn(p: Params): string {
  const found = described(p.s('found'));
  switch (p.s('reason')) {
    case 'u-escape':
      return 'a \\u escape needs four hex digits';
    case 'bad-escape':
      return `\\${p.s('char')} is not a valid escape in a JSON string (write \\\\ for a backslash)`;
    case 'control-char':
      return 'a raw control character (such as a line break) is not allowed inside a string; write \\n or remove it';
    case 'ends-in-string':
      return 'the text ends inside a string';
    case 'infinity':
      return 'Infinity is not valid JSON; use a finite number';
    case 'minus':
      return 'a minus sign must be followed by digits';
    case 'leading-zero':
      return 'numbers must not have leading zeros (an id such as "007" must be a string in double quotes)';
    case 'digit-after-point':
      return 'a digit must follow the decimal point or exponent';
    case 'ends-early': {
      const open = p.n('brackets');
      return `the text ends before the JSON value is complete${open === 0 ? '' : ` (${open} unclosed bracket${open === 1 ? '' : 's'})`}`;
    }
    case 'after-end':
      return `unexpected ${found} after the end of the JSON value`;
    case 'colon':
      return `expected ":" after a property name, found ${found}`;
    case 'comma-or-close':
      return `expected "," or ${q(p.s('closer'))}, found ${found}`;
    case 'nan':
      return 'NaN is not valid JSON; use null or a number';
    case 'undefined':
      return 'undefined is not valid JSON; use null or leave the property out';
    case 'single-quote':
      return 'strings must be in double quotes ("), not single quotes';
    case 'comment':
      return 'comments are not allowed in JSON';
    case 'trailing-comma':
      return `a trailing comma before ${q(p.s('found'))} is not allowed in JSON; remove the last comma`;
    case 'leading-point':
      return 'a number must start with a digit (write 0.5, not .5)';
    case 'plus':
      return 'a number must not start with "+"';
    case 'bad-close':
      return `${q(p.s('found'))} does not close the open ${p.s('closer') === ']' ? 'array' : 'object'} (expected a value)`;
    case 'unquoted-key':
      return 'property names must be in double quotes';
    case 'key':
      return `expected a property name in double quotes, found ${found}`;
    case 'ends-in-word':
      return `the text ends inside the word ${p.s('word')}`;
    case 'value':
      return `expected a JSON value, found ${found}`;
    default:
      return `the file is not valid JSON (${p.s('detail')})`;
  }
}


const describedVi = (ch: string): string => (ch === '' ? 'hết văn bản' : q(ch));

export function jsonVi(p: Params): string {
  const found = describedVi(p.s('found'));
  switch (p.s('reason')) {
    case 'u-escape':
      return 'chuỗi thoát \\u cần đủ bốn chữ số hệ mười sáu';
    case 'bad-escape':
      return `\\${p.s('char')} không phải chuỗi thoát hợp lệ trong chuỗi JSON (viết \\\\ cho một dấu gạch chéo ngược)`;
    case 'control-char':
      return 'trong chuỗi không được có ký tự điều khiển (như dấu xuống dòng); hãy viết \\n hoặc xoá nó';
    case 'ends-in-string':
      return 'văn bản kết thúc khi một chuỗi còn chưa đóng';
    case 'infinity':
      return 'JSON không chấp nhận Infinity; hãy dùng một số hữu hạn';
    case 'minus':
      return 'sau dấu trừ phải có chữ số';
    case 'leading-zero':
      return 'số không được bắt đầu bằng chữ số 0 (một mã như "007" phải là chuỗi trong dấu ngoặc kép)';
    case 'digit-after-point':
      return 'sau dấu chấm thập phân hoặc số mũ phải có chữ số';
    case 'ends-early': {
      const open = p.n('brackets');
      return `văn bản kết thúc trước khi giá trị JSON hoàn chỉnh${open === 0 ? '' : ` (còn ${num(open, 'vi')} dấu ngoặc chưa đóng)`}`;
    }
    case 'after-end':
      return `có ${found} thừa sau khi giá trị JSON đã kết thúc`;
    case 'colon':
      return `cần dấu ":" sau tên thuộc tính, nhưng gặp ${found}`;
    case 'comma-or-close':
      return `cần dấu "," hoặc ${q(p.s('closer'))}, nhưng gặp ${found}`;
    case 'nan':
      return 'JSON không chấp nhận NaN; hãy dùng null hoặc một số';
    case 'undefined':
      return 'JSON không chấp nhận undefined; hãy dùng null hoặc bỏ thuộc tính đó';
    case 'single-quote':
      return 'chuỗi phải nằm trong dấu ngoặc kép ("), không dùng dấu nháy đơn';
    case 'comment':
      return 'JSON không cho phép chú thích';
    case 'trailing-comma':
      return `JSON không cho phép dấu phẩy thừa trước ${q(p.s('found'))}; hãy xoá dấu phẩy cuối cùng`;
    case 'leading-point':
      return 'số phải bắt đầu bằng chữ số (viết 0.5, không viết .5)';
    case 'plus':
      return 'số không được bắt đầu bằng "+"';
    case 'bad-close':
      return `${q(p.s('found'))} không đóng được ${p.s('closer') === ']' ? 'mảng' : 'đối tượng JSON'} đang mở (cần một giá trị)`;
    case 'unquoted-key':
      return 'tên thuộc tính phải nằm trong dấu ngoặc kép';
    case 'key':
      return `cần tên thuộc tính trong dấu ngoặc kép, nhưng gặp ${found}`;
    case 'ends-in-word':
      return `văn bản kết thúc giữa chừng từ ${p.s('word')}`;
    case 'value':
      return `cần một giá trị JSON, nhưng gặp ${found}`;
    default:
      // The engine's own words are English (and differ between browsers): not repeated here.
      return 'tệp không phải JSON hợp lệ';
  }
}

