import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDataset } from '../../../src/domain/parse/index.ts';
import { buildPointTable, findPoint, hamletAt, pointAt, pointSums, schoolAt } from '../../../src/domain/points/table.ts';
import { SCHOOL_LEVELS, type Hamlet, type School } from '../../../src/domain/types.ts';
import { readDataFolder } from '../../../src/cli/folder.ts';

const text = fc.string({ unit: fc.constantFrom('a', 'ấ', 'p', ' ', '1', 'Đ', '\u0000', '😀'), maxLength: 6 });
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const count = fc.integer({ min: 0, max: 5000 });

const hamlet: fc.Arbitrary<Hamlet> = fc
  .record({
    id: text, name: text, lon: fc.double({ min: -180, max: 180, noNaN: true }), lat: fc.double({ min: -90, max: 90, noNaN: true }),
    population: count, households: maybe(count), poorHouseholds: maybe(count), students: maybe(count),
    gridPower: fc.boolean(), commune: maybe(text), district: maybe(text), synthetic: fc.boolean(),
  })
  .map((h) => Object.fromEntries(Object.entries(h).filter(([, v]) => v !== undefined)) as unknown as Hamlet);

const school: fc.Arbitrary<School> = fc
  .record({
    id: text, name: text, lon: fc.double({ min: -180, max: 180, noNaN: true }), lat: fc.double({ min: -90, max: 90, noNaN: true }),
    level: fc.constantFrom(...SCHOOL_LEVELS), students: count, studentsInNeed: maybe(count),
    fixedBroadband: fc.boolean(), commune: maybe(text), district: maybe(text), synthetic: fc.boolean(),
  })
  .map((s) => Object.fromEntries(Object.entries(s).filter(([, v]) => v !== undefined)) as unknown as School);

describe('point table', () => {
  it('gives back every hamlet and school exactly as given (random points)', () => {
    fc.assert(
      fc.property(fc.array(hamlet, { maxLength: 30 }), fc.array(school, { maxLength: 30 }), (hamlets, schools) => {
        const table = buildPointTable(hamlets, schools);
        expect(table.count).toBe(hamlets.length + schools.length);
        hamlets.forEach((h, i) => expect(hamletAt(table, i)).toStrictEqual(h));
        schools.forEach((s, j) => expect(schoolAt(table, hamlets.length + j)).toStrictEqual(s));
        expect(pointSums(table)).toEqual({
          population: hamlets.reduce((a, h) => a + h.population, 0),
          students: schools.reduce((a, s) => a + s.students, 0),
        });
      }),
      { numRuns: 200 },
    );
  });

  it('gives back the bundled data point for point', () => {
    const { dataset } = parseDataset(readDataFolder('data'));
    if (!dataset) throw new Error('bundled data did not parse');
    const table = buildPointTable(dataset.hamlets, dataset.schools);
    expect(table.count).toBeGreaterThan(1000);
    dataset.hamlets.forEach((h, i) => expect(pointAt(table, i)).toStrictEqual({ kind: 'hamlet', item: h }));
    dataset.schools.forEach((s, j) => expect(pointAt(table, dataset.hamlets.length + j)).toStrictEqual({ kind: 'school', item: s }));
    expect(pointAt(table, -1)).toBeUndefined();
    expect(pointAt(table, table.count)).toBeUndefined();
    expect(pointAt(table, 0.5)).toBeUndefined();
  });

  it('finds a point by kind and id, the first of repeated ids', () => {
    const h = (id: string): Hamlet => ({ id, name: id, lon: 105, lat: 9, population: 1, gridPower: true, synthetic: true });
    const s = (id: string): School => ({ id, name: id, lon: 105, lat: 9, level: 'primary', students: 1, fixedBroadband: false, synthetic: true });
    const table = buildPointTable([h('A'), h('B'), h('A')], [s('A'), s('C')]);
    expect(findPoint(table, 'hamlet', 'A')).toBe(0);
    expect(findPoint(table, 'hamlet', 'B')).toBe(1);
    expect(findPoint(table, 'school', 'A')).toBe(3);
    expect(findPoint(table, 'school', 'C')).toBe(4);
    expect(findPoint(table, 'school', 'B')).toBeUndefined();
    expect(findPoint(table, 'hamlet', 'C')).toBeUndefined();
  });
});
