// Columns built batch by batch equal the columns built from the ordinary parser's records.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PointTableSink, TowerTableSink, buildTowerTable, towerAt } from '../../../src/domain/parse/columnar/columns.ts';
import { readFeatureChunksSync } from '../../../src/domain/parse/columnar/reader.ts';
import { parseFileDetailed } from '../../../src/domain/parse/index.ts';
import { buildPointTable } from '../../../src/domain/points/table.ts';
import type { Hamlet, School, Tower } from '../../../src/domain/types.ts';

const read = (path: string): string => readFileSync(`test/fixtures/good/${path}`, 'utf8');

function chunks(text: string, size: number): string[] {
  const out: string[] = [];
  for (let at = 0; at < text.length; at += size) out.push(text.slice(at, at + size));
  return out;
}

describe('columns from the streaming reader', () => {
  const hamletsText = read('hamlets.geojson');
  const schoolsText = read('schools.geojson');
  const towersText = read('towers.geojson');
  const hamlets = parseFileDetailed('hamlets', 'h', hamletsText).value as Hamlet[];
  const schools = parseFileDetailed('schools', 's', schoolsText).value as School[];
  const towers = parseFileDetailed('towers', 't', towersText).value as Tower[];

  it('gives the point table of the parsed records, whatever the chunks', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400 }), fc.integer({ min: 1, max: 400 }), (a, b) => {
        const sink = new PointTableSink();
        expect(readFeatureChunksSync('hamlets', 'h', chunks(hamletsText, a), sink.hamlets).status).toBe('read');
        expect(readFeatureChunksSync('schools', 's', chunks(schoolsText, b), sink.schools).status).toBe('read');
        expect(sink.table()).toEqual(buildPointTable(hamlets, schools));
      }),
      { numRuns: 40, seed: 20 },
    );
  });

  it('gives tower columns that rebuild the parsed towers', () => {
    const sink = new TowerTableSink();
    expect(readFeatureChunksSync('towers', 't', chunks(towersText, 13), sink.towers).status).toBe('read');
    const table = sink.table();
    expect(table).toEqual(buildTowerTable(towers));
    expect(Array.from({ length: table.count }, (_, i) => towerAt(table, i))).toEqual(towers);
    expect(towers.some((t) => t.upgradeTechnology !== undefined && t.serviceDate !== undefined)).toBe(true);
  });
});
