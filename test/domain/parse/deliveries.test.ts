import { describe, expect, it } from 'vitest';
import { formatIssue, parseFile, parseFileDetailed } from '../../../src/domain/parse/index.ts';

const HEADER = 'date,school_id,kind,quantity';
const parse = (text: string) => parseFile('deliveries', 'd.csv', text);
const messages = (text: string) => parse(text).issues.map(formatIssue);

describe('parseFile: deliveries.csv', () => {
  it('reads rows, with an optional donor and a quoted comma', () => {
    const { value, issues } = parse('date,school_id,kind,quantity,donor\r\n2021-09-10,007,computer,20,Viettel\r\n2021-09-12,S1,data_sim,45,\r\n2021-10-02,S2,computer,15,"Quỹ Khuyến học, Cà Mau"\r\n');
    expect(issues).toEqual([]);
    expect(value).toEqual([
      { date: '2021-09-10', schoolId: '007', kind: 'computer', quantity: 20, donor: 'Viettel' },
      { date: '2021-09-12', schoolId: 'S1', kind: 'data_sim', quantity: 45 },
      { date: '2021-10-02', schoolId: 'S2', kind: 'computer', quantity: 15, donor: 'Quỹ Khuyến học, Cà Mau' },
    ]);
  });

  it('accepts columns in any order and extra columns', () => {
    expect(parse('note,quantity,kind,school_id,date\nhello,3,computer,S1,2021-09-10\n').value).toEqual([
      { date: '2021-09-10', schoolId: 'S1', kind: 'computer', quantity: 3 },
    ]);
  });

  it('numbers lines from the header as line 1, across blank lines and quoted line breaks', () => {
    const text = `${HEADER},donor\n2021-09-10,S1,computer,1,"two\nlines"\n\n2021-09-11,S1,computer,0,x\n`;
    expect(messages(text)).toEqual(['d.csv: line 5, field "quantity": is 0, must be a whole number ≥ 1']);
    const detailed = parseFileDetailed('deliveries', 'd.csv', `${HEADER}\n\n2021-09-10,S1,computer,1\n2021-09-11,S2,computer,2\n`);
    expect(detailed.lines).toEqual([3, 4]);
  });

  it.each([
    ['2021-02-30,S1,computer,1', 'd.csv: line 2, field "date": "2021-02-30" is not a real date: February 2021 has 28 days'],
    ['10/09/2021,S1,computer,1', 'd.csv: line 2, field "date": "10/09/2021" is not an ISO date YYYY-MM-DD (if it is day/month/year, write 2021-09-10)'],
    [',S1,computer,1', 'd.csv: line 2, field "date": is empty, must be a date YYYY-MM-DD'],
    ['2021-09-10,,computer,1', 'd.csv: line 2, field "school_id": is empty, must name a school id'],
    ['2021-09-10,S1,Computer,1', 'd.csv: line 2, field "kind": is "Computer", must be one of "computer", "data_sim"'],
    ['2021-09-10,S1,computer,-1', 'd.csv: line 2, field "quantity": is "-1", must be a whole number ≥ 1'],
    ['2021-09-10,S1,computer,2.5', 'd.csv: line 2, field "quantity": is "2.5", must be a whole number ≥ 1'],
    ['2021-09-10,S1,computer,"1,5"', 'd.csv: line 2, field "quantity": is "1,5", which uses a decimal comma'],
    ['2021-09-10,S1,computer,"4,500"', 'd.csv: line 2, field "quantity": is "4,500": write whole numbers without thousands separators (4500)'],
    ['2021-09-10,S1,computer,', 'd.csv: line 2, field "quantity": is empty, must be a whole number ≥ 1'],
    ['2021-09-10,S1,computer', 'd.csv: line 2: has 3 fields, the header has 4'],
    ['2021-09-10,"S1,computer,1', 'd.csv: line 2: Quoted field unterminated'],
  ])('refuses %j', (row, message) => {
    const { value, issues } = parse(`${HEADER}\n${row}\n`);
    expect(value).toBeUndefined();
    expect(issues.map(formatIssue)).toContainEqual(expect.stringContaining(message));
  });

  it.each([
    ['date;school_id;kind;quantity\n2021-09-10;S1;computer;1\n', 'd.csv: line 1: the columns are separated by ";"'],
    ['date\tschool_id\tkind\tquantity\n', 'd.csv: line 1: the columns are separated by tabs'],
    ['Date,School,Kind,Qty\n', 'd.csv: line 1: the header lacks "date", "school_id", "kind", "quantity" (it has "Date", "School", "Kind", "Qty")'],
    [`${HEADER},date\n`, 'd.csv: line 1: the header names "date" twice'],
    ['', 'd.csv: the file is empty; expected the header date,school_id,kind,quantity (and donor, operator, optional)'],
  ])('refuses the file %j', (text, message) => {
    expect(messages(text)).toEqual([expect.stringContaining(message)]);
  });

  it('reports a BOM with its fix, and still checks the rows', () => {
    const { issues } = parse(`\uFEFF${HEADER}\n2021-09-10,S1,computer,0\n`);
    expect(issues.map((i) => [i.code, i.fix, i.line])).toEqual([
      ['bom', 'strip-bom', undefined],
      ['quantity', undefined, 2],
    ]);
  });

  it('checks the text of every cell', () => {
    const { issues } = parse(`${HEADER},donor\n2021-09-10,S1,computer,1,${'Cà Mau'.normalize('NFD')}\n`);
    expect(issues).toMatchObject([{ code: 'not-nfc', line: 2, field: 'donor', fix: 'normalize-nfc' }]);
  });

  describe('the operator column (contract "Version 2")', () => {
    const OP = `${HEADER},operator`;

    it('keeps the network of a data_sim row, in any column order', () => {
      const { value, issues } = parse(`operator,${HEADER}\nVNPT,2021-09-12,S1,data_sim,45\n`);
      expect(issues).toEqual([]);
      expect(value).toEqual([{ date: '2021-09-12', schoolId: 'S1', kind: 'data_sim', quantity: 45, operator: 'VNPT' }]);
    });

    it('says a blank operator of a data_sim row, which keeps its row without a network', () => {
      const { value, issues } = parse(`${OP}\n2021-09-12,S1,data_sim,4,\n2021-09-12,S2,data_sim,5, \n`);
      expect(value).toEqual([
        { date: '2021-09-12', schoolId: 'S1', kind: 'data_sim', quantity: 4 },
        { date: '2021-09-12', schoolId: 'S2', kind: 'data_sim', quantity: 5 },
      ]);
      expect(issues.map((i) => [i.severity, i.code, i.line, i.field])).toEqual([
        ['warning', 'operator-empty', 2, 'operator'],
        ['warning', 'operator-empty', 3, 'operator'],
      ]);
      expect(issues.map(formatIssue)[0]).toBe('d.csv: line 2, field "operator": is empty on a data_sim row; its SIMs count under "unknown network"');
    });

    it('warns of an operator on a computer row and leaves it out', () => {
      const { value, issues } = parse(`${OP}\n2021-09-10,S1,computer,3,Viettel\n2021-09-10,S1,computer,3,\n`);
      expect(value).toEqual([
        { date: '2021-09-10', schoolId: 'S1', kind: 'computer', quantity: 3 },
        { date: '2021-09-10', schoolId: 'S1', kind: 'computer', quantity: 3 },
      ]);
      expect(issues.map(formatIssue)).toEqual([
        'd.csv: line 2, field "operator": is "Viettel" on a computer row; operator names the network of a data_sim row only, so it is ignored here',
      ]);
    });

    it('still refuses a bad row and checks the operator\'s text', () => {
      const { value, issues } = parse(`${OP}\n2021-09-10,S1,data_sim,0,VNPT\n2021-09-10,S2,data_sim,1,${'Mạng'.normalize('NFD')}\n`);
      expect(value).toBeUndefined();
      expect(issues.map((i) => [i.code, i.line, i.field])).toEqual([
        ['quantity', 2, 'quantity'],
        ['not-nfc', 3, 'operator'],
      ]);
    });

    it('has no warning when the column is absent', () => {
      expect(parse(`${HEADER}\n2021-09-12,S1,data_sim,4\n`).issues).toEqual([]);
    });
  });
});
