// The timeline the worker sends with the dataset must give, on any day, the same figures as
// the engine's own classification of that day: the cards and the map never disagree.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDataset } from '../../src/domain/parse/index.ts';
import { fromDay, toDay } from '../../src/domain/progress/days.ts';
import { districtScope, PROVINCE_SCOPE } from '../../src/domain/progress/timeline.ts';
import { valueAt } from '../../src/domain/progress/steps.ts';
import type { Dataset } from '../../src/domain/types.ts';
import { CoverageSession } from '../../src/worker/compute.ts';
import { buffersOf } from '../../src/worker/moved.ts';

function bundled(): Dataset {
  const files = readdirSync('data', { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(geojson|csv|json)$/.test(f))
    .map((path) => ({ path, text: readFileSync(`data/${path}`, 'utf8') }));
  const { dataset } = parseDataset(files);
  if (!dataset) throw new Error('bundled data does not parse');
  return dataset;
}

const dataset = bundled();
const session = new CoverageSession(dataset);
const timeline = await session.timeline();

// Every tower and upgrade date, the day before each, and the ends of the range.
const towerDays = dataset.towers.flatMap((t) => [t.serviceDate, t.upgradeDate]).filter((d): d is string => !!d);
const days = [...new Set(towerDays.flatMap((d) => [toDay(d), toDay(d) - 1]))]
  .filter((_, i) => i % 7 === 0)
  .concat([timeline.firstDay - 1, timeline.lastDay]);

describe('worker timeline against per-day classification (bundled data)', () => {
  it('spans the data: first tower date to the last delivery or deadline', () => {
    expect(fromDay(timeline.firstDay)).toBe('2004-03-23');
    expect(fromDay(timeline.lastDay)).toBe('2022-12-14');
  });

  it.each(days.map((d) => [fromDay(d), d]))('counts on %s equal the engine (province and districts)', (_iso, day) => {
    const figures = session.coverage(1, fromDay(day as number)).figures;
    const at = (key: keyof typeof timeline.series, scope: number) => valueAt(timeline.series[key][scope]!, day as number);
    expect(at('hamlets_good', PROVINCE_SCOPE)).toBe(figures.hamlets.good);
    expect(at('population_good', PROVINCE_SCOPE)).toBe(figures.hamlets.population_good);
    expect(at('schools_good', PROVINCE_SCOPE)).toBe(figures.schools.good);
    expect(at('students_good', PROVINCE_SCOPE)).toBe(figures.schools.students_good);
    figures.areas.forEach((area, k) => {
      expect(at('hamlets_good', districtScope(k))).toBe(area.hamlets_good);
      expect(at('population_good', districtScope(k))).toBe(area.population_good);
      expect(at('schools_good', districtScope(k))).toBe(area.schools_good);
      expect(timeline.totals.hamlets[districtScope(k)]).toBe(area.hamlets);
    });
  });

  it('moves every array when sent (none is copied)', () => {
    const copy = structuredClone(timeline);
    const sent = structuredClone(copy, { transfer: buffersOf(copy) });
    const arrays = [...Object.values(copy.totals), ...Object.values(copy.series).flat().flatMap((s) => [s.days, s.values])];
    expect(arrays.every((a) => a.buffer.byteLength === 0)).toBe(true);
    expect(sent).toEqual(timeline);
  });
});
