import { describe, expect, it } from 'vitest';
import { formatIssue, parseFile } from '../../../src/domain/parse/index.ts';

describe('parseFile: programme.json', () => {
  const target = (extra: Record<string, unknown> = {}) => ({
    id: 't',
    metric: 'hamlets_good_pct',
    target: 100,
    deadline: '2021-10-15',
    label_vi: 'Phủ sóng',
    label_en: 'Coverage',
    ...extra,
  });
  const programme = (targets: unknown[]) => JSON.stringify({ name: 'Sóng và máy tính cho em', targets });

  it('reads the name and targets', () => {
    const { value, issues } = parseFile('programme', 'p.json', programme([target(), target({ id: 'c', metric: 'computers_delivered', target: 4500 })]));
    expect(issues).toEqual([]);
    expect(value).toEqual({
      name: 'Sóng và máy tính cho em',
      targets: [
        { id: 't', metric: 'hamlets_good_pct', target: 100, deadline: '2021-10-15', labelVi: 'Phủ sóng', labelEn: 'Coverage' },
        { id: 'c', metric: 'computers_delivered', target: 4500, deadline: '2021-10-15', labelVi: 'Phủ sóng', labelEn: 'Coverage' },
      ],
    });
  });

  it.each([
    [[target(), target()], 'p.json: target 2, field "id": id "t" is already used by target 1; ids must be unique within the file'],
    [[target({ target: -1, metric: 'computers_delivered' })], 'p.json: target 1, field "target": is -1, must be ≥ 0'],
    [[target({ target: '90' })], 'p.json: target 1, field "target": is a string ("90"), must be a number'],
    [[target({ label_en: ' ' })], 'p.json: target 1, field "label_en": is blank (" "), must be a non-empty string'],
    [[target({ label_vi: undefined })], 'p.json: target 1, field "label_vi": is missing (required in every target)'],
    [[target({ deadline: '2021-09-31' })], 'p.json: target 1, field "deadline": "2021-09-31" is not a real date: September 2021 has 30 days'],
    [['t'], 'p.json: target 1: is a string ("t"), must be an object'],
  ])('refuses %j', (targets, message) => {
    const { value, issues } = parseFile('programme', 'p.json', programme(targets));
    expect(value).toBeUndefined();
    expect(issues.map(formatIssue)).toEqual([message]);
  });

  it.each([
    ['[]', 'p.json: the file holds a JSON array of 0 items, must be an object'],
    ['{"name": "P"}', 'p.json: field "targets": is missing, must be an array of targets'],
    ['{"targets": []}', 'p.json: field "name": is missing (required in programme.json)'],
  ])('refuses the file %j', (text, message) => {
    expect(parseFile('programme', 'p.json', text).issues.map(formatIssue)).toEqual([expect.stringContaining(message)]);
  });
});
