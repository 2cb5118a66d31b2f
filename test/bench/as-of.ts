// `npm run bench` (second part): the leadership view's time axis.
//
//   timeline   buildTimeline: every point's level changes through time (tower states ×
//              nearby points) folded into per-scope step series, plus deliveries;
//   naive      what it replaces: one full classification per distinct tower date
//              (onAirTowers + classify), measured on a sample of dates and scaled;
//   step       one as-of day once the timeline exists: every card (TargetTrack.card), the
//              district and commune rows, and the worker's classification for the map on
//              that day (CoverageSession.coverage), median over 30 days.
// Bundled Cà Mau data, then 100k points × 10k towers (Mekong density) with service and
// upgrade dates spread over 2015-2023.
import { classify } from '../../src/domain/coverage/classify.ts';
import { onAirTowers, pointColumns } from '../../src/domain/coverage/columns.ts';
import { parseDataset } from '../../src/domain/parse/index.ts';
import { fromDay, toDay } from '../../src/domain/progress/days.ts';
import { communeRows, districtRows, targetTracks } from '../../src/domain/progress/snapshot.ts';
import { buildTimeline } from '../../src/domain/progress/timeline.ts';
import type { Dataset, Technology } from '../../src/domain/types.ts';
import { readDataFolder } from '../../src/cli/folder.ts';
import { CoverageSession } from '../../src/worker/compute.ts';
import { MEKONG, randomPoints, randomTowers, rng } from './data.ts';
import { median, time } from './measure.ts';

const fmt = (ms: number) => (ms < 10 ? ms.toFixed(2) : ms.toFixed(0));

function bundled(): Dataset {
  const { dataset, issues } = parseDataset(readDataFolder('data'));
  if (!dataset) throw new Error(issues.map((i) => i.message).join('\n'));
  return dataset as Dataset;
}

/** 100k points and 10k towers with dates: 60% built 2015-2020, 30% 2021-2023, 10% planned; 15% upgraded. */
function synthetic(base: Dataset): Dataset {
  const random = rng(7);
  const points = randomPoints(11, 100_000, MEKONG);
  const schoolsFrom = Math.floor(points.count * 0.95);
  const day = (from: string, years: number) => fromDay(toDay(from) + Math.floor(random() * 365 * years));
  const towers = randomTowers(12, 10_000, MEKONG).map((t) => {
    const r = random();
    const upgrade = t.technology !== '5G' && random() < 0.15;
    const to: Technology = t.technology === '4G' ? '5G' : '4G';
    return {
      ...t,
      status: r < 0.9 ? ('existing' as const) : ('planned' as const),
      serviceDate: r < 0.6 ? day('2015-01-01', 6) : day('2021-01-01', 3),
      ...(upgrade && r < 0.9 ? { upgradeTechnology: to, upgradeDate: day('2021-01-01', 3) } : {}),
    };
  });
  const hamlets = Array.from({ length: schoolsFrom }, (_, i) => ({
    id: `H${i}`,
    name: `H${i}`,
    lon: points.lon[i] as number,
    lat: points.lat[i] as number,
    population: 200 + Math.floor(random() * 2000),
    gridPower: true,
    synthetic: true,
  }));
  const schools = Array.from({ length: points.count - schoolsFrom }, (_, j) => ({
    id: `S${j}`,
    name: `S${j}`,
    lon: points.lon[schoolsFrom + j] as number,
    lat: points.lat[schoolsFrom + j] as number,
    level: 'primary' as const,
    students: 300,
    studentsInNeed: 30,
    fixedBroadband: points.fixedBroadband[schoolsFrom + j] === 1,
    synthetic: true,
  }));
  const deliveries = schools.map((s, j) => ({
    date: day('2021-06-01', 1.5),
    schoolId: s.id,
    kind: j % 3 === 0 ? ('data_sim' as const) : ('computer' as const),
    quantity: 1 + Math.floor(random() * 40),
  }));
  return { ...base, hamlets, schools, towers, deliveries };
}

function measure(label: string, dataset: Dataset): void {
  const timelineRuns: number[] = [];
  let timeline = buildTimeline(dataset);
  for (let i = 0; i < 3; i++) timelineRuns.push(time(() => (timeline = buildTimeline(dataset))));
  let tracks = targetTracks(timeline, dataset.programme);
  const tracksMs = time(() => (tracks = targetTracks(timeline, dataset.programme)));

  const dates = [...new Set(dataset.towers.flatMap((t) => [t.serviceDate, t.upgradeDate]).filter((d): d is string => !!d))].sort();
  const points = pointColumns(dataset.hamlets, dataset.schools);
  const sample = dates.filter((_, i) => i % Math.max(1, Math.floor(dates.length / 12)) === 0);
  const perDate = median(sample.map((d) => time(() => classify(points, onAirTowers(dataset.towers, d)))));
  const naiveMs = perDate * dates.length;

  const session = new CoverageSession(dataset);
  const first = toDay('2021-01-01');
  const lookups: number[] = [];
  const maps: number[] = [];
  for (let k = 0; k < 30; k++) {
    const d = first + k * 7;
    lookups.push(
      time(() => {
        for (const track of tracks) track.card(d);
        districtRows(timeline, dataset.programme, d);
        communeRows(timeline, dataset.programme, d);
      }),
    );
    maps.push(time(() => session.coverage(k, fromDay(d))));
  }
  const timelineMs = median(timelineRuns);
  console.log(
    `${label.padEnd(26)} timeline ${fmt(timelineMs).padStart(6)} ms (+ target tracks ${fmt(tracksMs)} ms) · ` +
      `naive ${dates.length} classifications ${fmt(naiveMs).padStart(7)} ms (${fmt(perDate)} ms each) = ${(naiveMs / timelineMs).toFixed(1)}× · ` +
      `as-of step: figures ${fmt(median(lookups))} ms + map ${fmt(median(maps))} ms`,
  );
}

const base = bundled();
console.log('');
console.log('as-of day (leadership view), median, one thread:');
measure(`bundled (${base.hamlets.length + base.schools.length} pts × ${base.towers.length} twr)`, base);
measure('100k pts × 10k towers', synthetic(base));
