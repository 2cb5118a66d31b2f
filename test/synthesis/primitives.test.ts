import { describe, expect, it } from 'vitest';
import { apportion } from '../../src/synthesis/apportion.ts';
import { dayToIso, isoToDay, randomIsoDate } from '../../src/synthesis/dates.ts';
import { simOperator } from '../../src/synthesis/deliveries.ts';
import { createRandom } from '../../src/synthesis/random.ts';
import { csvText, featureCollectionText, round5 } from '../../src/synthesis/serialize.ts';

describe('createRandom', () => {
  it('repeats its sequence for a seed and differs across seeds', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const first = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(first);
    expect(createRandom(43).next()).not.toBe(first[0]);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('forks streams that do not depend on draws already made', () => {
    const a = createRandom(7);
    const b = createRandom(7);
    b.next();
    b.next();
    expect(a.fork('x').next()).toBe(b.fork('x').next());
    expect(a.fork('x').next()).not.toBe(a.fork('y').next());
  });

  it('draws integers in range and never picks a zero weight', () => {
    const r = createRandom(1);
    for (let i = 0; i < 1000; i++) {
      const n = r.int(4, 6);
      expect(n >= 4 && n <= 6 && Number.isInteger(n)).toBe(true);
      expect(r.weightedIndex([0, 3, 0, 1])).not.toBe(0);
    }
  });
});

describe('apportion', () => {
  it('sums exactly to the total, largest remainders first, ties to the earlier index', () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(apportion(7, [0.5, 1.5])).toEqual([2, 5]);
    expect(apportion(0, [1, 2])).toEqual([0, 0]);
    const shares = apportion(18_931, [0.7, 1.2, 0.9, 1.4, 0.55]);
    expect(shares.reduce((a, b) => a + b, 0)).toBe(18_931);
  });
});

describe('dates', () => {
  it('round-trips ISO dates through whole days and stays inside the range', () => {
    expect(dayToIso(isoToDay('2021-10-15'))).toBe('2021-10-15');
    expect(isoToDay('2021-03-01') - isoToDay('2021-02-28')).toBe(1);
    const r = createRandom(3);
    for (let i = 0; i < 200; i++) {
      const d = randomIsoDate('2021-08-01', '2021-08-03', r.next);
      expect(['2021-08-01', '2021-08-02', '2021-08-03']).toContain(d);
    }
  });
});

describe('serialisation', () => {
  it('rounds to 5 decimals without negative zero', () => {
    expect(round5(105.123456)).toBe(105.12346);
    expect(Object.is(round5(-0.000001), 0)).toBe(true);
  });

  it('writes one feature a line, properties in the given order, NFC text, undefined left out', () => {
    const text = featureCollectionText([
      { properties: { id: 'A', name: 'Ca\u0300 Mau', skip: undefined, n: 1 }, geometry: { type: 'Point', coordinates: [105, 9] } },
      { properties: { id: 'B' }, geometry: null },
    ]);
    expect(text).toBe(
      '{"type":"FeatureCollection","features":[\n' +
        '{"type":"Feature","properties":{"id":"A","name":"Cà Mau","n":1},"geometry":{"type":"Point","coordinates":[105,9]}},\n' +
        '{"type":"Feature","properties":{"id":"B"},"geometry":null}\n' +
        ']}\n',
    );
    expect(featureCollectionText([])).toBe('{"type":"FeatureCollection","features":[\n]}\n');
  });

  it('quotes CSV fields only when needed', () => {
    expect(csvText(['a', 'b'], [['x,y', 2], ['say "hi"', 'Sở GD&ĐT']])).toBe('a,b\n"x,y",2\n"say ""hi""",Sở GD&ĐT\n');
  });
});

describe('simOperator', () => {
  it('takes an operator donor as it is, else picks from the school id alone', () => {
    expect(simOperator('VNPT', 'S-1')).toBe('VNPT');
    const picked = simOperator('Sở GD&ĐT', 'S-1');
    expect(['Viettel', 'VNPT', 'MobiFone']).toContain(picked);
    expect(simOperator(undefined, 'S-1')).toBe(picked);
    const spread = new Set(Array.from({ length: 60 }, (_, i) => simOperator(undefined, `S-${i}`)));
    expect(spread.size).toBe(3);
  });
});
