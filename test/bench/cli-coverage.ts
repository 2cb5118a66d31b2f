// `npm run bench:cli [-- --folder <dir>] [--runs <n>] [--scenario <s>]`: the coverage command
// end to end against the floor any JSON tool pays on the same files, measured in the same run
// (machines differ; a ratio does not):
//   baseline   a bare node process: readFileSync + JSON.parse of hamlets, schools and towers,
//              then JSON.stringify(…, null, 2) of the command's own output and its write
//              (parsing that output to have it is timed apart and taken off)
//   coverage   `npm run -s coverage -- --data <dir> --scenario current --out <file>`: wall time
//              and peak resident memory (/usr/bin/time -v, which takes the largest process)
// Runs alternate; the best of each counts. Budgets (issue 20): coverage ≤ 1.5 × baseline, and
// ≤ 800 MB resident on the national set (`npm run data -- --scale national --out <dir>`, then
// --folder <dir>). GeoPandas (test/bench/geopandas-coverage.py) gets a row when python3
// can import it, and a line saying it was skipped when not.
// Without --folder: a seeded 250,000 points × 20,000 towers folder in the temp dir, made once
// (`npm run data -- --scale 0.25`, 25,000 towers thinned to 20,000: every fifth left out).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TIME = '/usr/bin/time';
const RATIO_BUDGET = 1.5;
const RSS_BUDGET_MB = 800;
const KINDS = ['hamlets', 'schools', 'towers'] as const;

interface Options {
  folder?: string;
  runs: number;
  scenario: string;
}

function parseArgs(argv: readonly string[]): Options {
  const options: Options = { runs: 3, scenario: 'current' };
  for (let i = 0; i < argv.length; i++) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (flag === '--') continue;
    if (value === undefined) throw new Error(`${flag} needs a value`);
    if (flag === '--folder') options.folder = value;
    else if (flag === '--runs') options.runs = Math.max(1, Number(value) | 0);
    else if (flag === '--scenario') options.scenario = value;
    else throw new Error(`unknown option ${flag}; usage: npm run bench:cli -- [--folder <dir>] [--runs <n>] [--scenario <s>]`);
    i++;
  }
  return options;
}

/** The default folder: 250k points (scale 0.25) and every fifth of its 25k towers left out. */
function defaultFolder(): string {
  const dir = join(tmpdir(), 'song-bench-cli-250k');
  const ready = join(dir, '.bench-ready');
  if (existsSync(ready)) return dir;
  rmSync(dir, { recursive: true, force: true });
  console.log(`making ${dir} (npm run data -- --scale 0.25; once)`);
  const made = spawnSync('npm', ['run', '-s', 'data', '--', '--scale', '0.25', '--out', dir], { cwd: ROOT, stdio: 'inherit' });
  if (made.status !== 0) throw new Error('npm run data failed');
  thinTowers(join(dir, 'towers.geojson'));
  writeFileSync(ready, 'made by test/bench/cli-coverage.ts\n');
  return dir;
}

/** Leaves out every fifth tower of a file written a feature a line (as the synthesis writes it). */
function thinTowers(path: string): void {
  const lines = readFileSync(path, 'utf8').split('\n');
  const head = lines[0] as string;
  const features = lines.slice(1).filter((line) => line.startsWith('{"type":"Feature"'));
  const kept = features.filter((_, i) => i % 5 !== 4).map((line) => line.replace(/,$/, ''));
  writeFileSync(path, `${head}\n${kept.join(',\n')}\n]}\n`);
}

interface Measure {
  ms: number;
  /** User + system CPU time (on a busy machine, steadier than wall time). */
  cpuMs?: number;
  rssMb?: number;
}

/** Runs a command; its wall time and, through /usr/bin/time -v, its peak resident memory. */
function timed(command: string, args: readonly string[]): Measure & { stdout: string } {
  const withTime = existsSync(TIME);
  const report = join(tmpdir(), `song-bench-time-${process.pid}.txt`);
  const [file, argv] = withTime ? [TIME, ['-v', '-o', report, command, ...args]] : [command, [...args]];
  const start = performance.now();
  const run = spawnSync(file, argv, { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 24 });
  const ms = performance.now() - start;
  if (run.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${run.status}):\n${run.stderr.slice(-2000)}`);
  if (!withTime) return { ms, stdout: run.stdout };
  const text = readFileSync(report, 'utf8');
  rmSync(report, { force: true });
  const field = (name: string): number | undefined => {
    const value = new RegExp(`${name}: ([\\d.]+)`).exec(text)?.[1];
    return value === undefined ? undefined : Number(value);
  };
  const [kb, user, system] = [field('Maximum resident set size \\(kbytes\\)'), field('User time \\(seconds\\)'), field('System time \\(seconds\\)')];
  return {
    ms,
    stdout: run.stdout,
    ...(kb === undefined ? {} : { rssMb: kb / 1024 }),
    ...(user === undefined || system === undefined ? {} : { cpuMs: (user + system) * 1000 }),
  };
}

// The baseline, as plain JavaScript for a bare `node` (no tsx, no project code).
const BASELINE = `
import { readFileSync, writeFileSync } from 'node:fs';
const [dir, reportPath, out] = process.argv.slice(1);
for (const kind of ${JSON.stringify(KINDS)}) JSON.parse(readFileSync(dir + '/' + kind + '.geojson', 'utf8'));
const start = performance.now();
const report = JSON.parse(readFileSync(reportPath, 'utf8'));
const loadMs = performance.now() - start;
writeFileSync(out, JSON.stringify(report, null, 2) + '\\n');
process.stdout.write(JSON.stringify({ loadMs }));
`;

function baseline(folder: string, report: string, out: string): Measure {
  const run = timed(process.execPath, ['--input-type=module', '-e', BASELINE, folder, report, out]);
  const { loadMs } = JSON.parse(run.stdout) as { loadMs: number };
  const { ms, cpuMs, rssMb } = run;
  return { ms: ms - loadMs, ...(cpuMs === undefined ? {} : { cpuMs: cpuMs - loadMs }), ...(rssMb === undefined ? {} : { rssMb }) };
}

function coverage(folder: string, scenario: string, out: string): Measure {
  const { stdout: _stdout, ...measure } = timed('npm', ['run', '-s', 'coverage', '--', '--data', folder, '--scenario', scenario, '--out', out]);
  return measure;
}

/** GeoPandas on the same files, or why not. */
function geopandas(folder: string, out: string): Measure | string {
  const probe = spawnSync('python3', ['-c', 'import geopandas, shapely'], { encoding: 'utf8' });
  if (probe.error !== undefined || probe.status !== 0) return 'skipped: python3 cannot import geopandas and shapely';
  try {
    return timed('python3', [join(ROOT, 'test/bench/geopandas-coverage.py'), folder, out]);
  } catch (error) {
    return `failed: ${error instanceof Error ? error.message.split('\n').slice(-3).join(' ') : String(error)}`;
  }
}

const seconds = (ms: number): string => (ms / 1000).toFixed(2).padStart(7);
const best = (runs: readonly Measure[]): Measure => runs.reduce((a, b) => (b.ms < a.ms ? b : a));
const mb = (m: Measure | undefined): string => (m?.rssMb === undefined ? '      ?' : m.rssMb.toFixed(0).padStart(7));
const verdict = (ok: boolean): string => (ok ? 'PASS' : 'FAIL');

function main(): void {
  const options = parseArgs(process.argv.slice(2));
  const folder = options.folder ?? defaultFolder();
  const work = mkdtempSync(join(tmpdir(), 'song-bench-cli-'));
  try {
    const reportPath = join(work, 'coverage.json');
    const base: Measure[] = [];
    const cov: Measure[] = [];
    // Coverage first: the baseline writes the text coverage wrote.
    for (let run = 0; run < options.runs; run++) {
      cov.push(coverage(folder, options.scenario, reportPath));
      base.push(baseline(folder, reportPath, join(work, 'baseline.json')));
    }
    const sizes = KINDS.map((kind) => statSync(join(folder, `${kind}.geojson`)).size);
    const report = JSON.parse(readFileSync(reportPath, 'utf8')) as { hamlets: { total: number }; schools: { total: number } };
    const towers = (readFileSync(join(folder, 'towers.geojson'), 'utf8').match(/"type":"Feature"/g) ?? []).length;
    const inputMb = sizes.reduce((a, b) => a + b, 0) / 1e6;
    console.log(
      `coverage --scenario ${options.scenario} on ${folder}: ${report.hamlets.total + report.schools.total} points, ${towers} towers, ` +
        `${inputMb.toFixed(0)} MB of GeoJSON in, ${(statSync(reportPath).size / 1e6).toFixed(0)} MB of JSON out`,
    );
    const runs = (list: readonly Measure[]): string => list.map((m) => seconds(m.ms)).join(' ');
    console.log(`${'row'.padEnd(34)} ${'runs (s)'.padEnd(8 * options.runs)} best (s)  CPU (s)  peak RSS (MB)`);
    const row = (name: string, list: readonly Measure[]): void => {
      const cpu = best(list).cpuMs;
      console.log(`${name.padEnd(34)} ${runs(list)} ${seconds(best(list).ms)}  ${cpu === undefined ? '      ?' : seconds(cpu)}  ${mb(best(list))}`);
    };
    row('baseline: JSON.parse + write', base);
    row('npm run coverage', cov);
    const ratio = best(cov).ms / best(base).ms;
    console.log(`coverage / baseline, wall: ${ratio.toFixed(2)}×  (budget ≤ ${RATIO_BUDGET}×)  ${verdict(ratio <= RATIO_BUDGET)}`);
    const [covCpu, baseCpu] = [best(cov).cpuMs, best(base).cpuMs];
    if (covCpu !== undefined && baseCpu !== undefined) console.log(`coverage / baseline, CPU: ${(covCpu / baseCpu).toFixed(2)}×  (for a busy machine, where wall times wander)`);
    const peak = Math.max(...cov.map((m) => m.rssMb ?? Number.NaN));
    if (Number.isNaN(peak)) console.log(`peak RSS: not measured (no ${TIME})`);
    else console.log(`coverage peak RSS: ${peak.toFixed(0)} MB  (budget ≤ ${RSS_BUDGET_MB} MB on the national set)  ${verdict(peak <= RSS_BUDGET_MB)}`);
    const gp = geopandas(folder, join(work, 'geopandas.json'));
    if (typeof gp === 'string') console.log(`GeoPandas: ${gp}`);
    else console.log(`${'GeoPandas + STRtree (python3)'.padEnd(34)} ${seconds(gp.ms)}  ${mb(gp)}   (${(gp.ms / best(base).ms).toFixed(2)}× baseline)`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main();
