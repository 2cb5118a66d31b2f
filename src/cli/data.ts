// `npm run data`: writes the simulated files of the bundled dataset from the committed
// boundaries; with --boundaries-from <dir>, first rebuilds those boundaries (and copies
// PROVENANCE.md) from the real source files. An --out folder without boundaries gets a
// copy of the committed ones, so that it is a complete data folder. With --scale national
// (or a fraction of it, e.g. --scale 0.1), writes instead a simulated national-scale data
// folder for benchmarks (src/synthesis/national.ts) into --out, never into data/.
// With --format parquet (or fgb), also writes hamlets, schools and towers as GeoParquet (or
// FlatGeobuf) beside their GeoJSON (domain/formats), read back from the GeoJSON just written.
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { BoundaryKind } from '../synthesis/boundaries.ts';
import {
  BOUNDARY_KINDS,
  REAL_SOURCE_FILES,
  boundaryPath,
  convertBoundaries,
  readBoundaries,
} from '../synthesis/boundaries.ts';
import { DEFAULT_SEED, serializeDataset, simulate } from '../synthesis/index.ts';
import { writeNationalDataset } from '../synthesis/national.ts';
import { summaryLines } from '../synthesis/summary.ts';
import { FORMAT_EXTENSION, writePointFile, type PointFormat } from '../domain/formats/index.ts';
import { readFeatureChunksSync, STREAM_KINDS } from '../domain/parse/columnar/reader.ts';
import { fileAsciiJsonChunks } from './file-chunks.ts';

const DEFAULT_OUT = 'data';

interface Options {
  out: string;
  outGiven: boolean;
  seed: number;
  boundariesFrom?: string;
  /** Set by --scale national (1) or --scale <fraction>; absent for the province. */
  nationalScale?: number;
  /** --format parquet / fgb: the point files also in that format. */
  format?: PointFormat;
}

const USAGE =
  'usage: npm run data -- [--out <dir>] [--seed <n>] [--boundaries-from <dir>] [--scale province|national|<fraction of national>] [--format geojson|parquet|fgb]';
const FLAGS = ['--out', '--seed', '--boundaries-from', '--scale', '--format'];

const FORMATS: Record<string, PointFormat | undefined> = { geojson: undefined, parquet: 'geoparquet', geoparquet: 'geoparquet', fgb: 'flatgeobuf', flatgeobuf: 'flatgeobuf' };

function parseScale(value: string): number | undefined {
  if (value === 'province') return undefined;
  if (value === 'national') return 1;
  const scale = Number(value);
  if (!(scale > 0 && scale <= 4)) throw new Error(`--scale must be province, national or a number above 0 and at most 4, not ${value}`);
  return scale;
}

function parseArgs(args: string[]): Options {
  const options: Options = { out: DEFAULT_OUT, outGiven: false, seed: DEFAULT_SEED };
  for (let i = 0; i < args.length; i++) {
    const flag = args[i] as string;
    const value = args[i + 1];
    if (!FLAGS.includes(flag)) throw new Error(`unknown argument ${flag}\n${USAGE}`);
    if (value === undefined || value.startsWith('--')) throw new Error(`${flag} needs a value\n${USAGE}`);
    i++;
    if (flag === '--out') {
      options.out = value;
      options.outGiven = true;
    } else if (flag === '--boundaries-from') options.boundariesFrom = value;
    else if (flag === '--format') {
      if (!Object.hasOwn(FORMATS, value)) throw new Error(`--format must be geojson, parquet or fgb, not ${value}`);
      const format = FORMATS[value];
      if (format === undefined) delete options.format;
      else options.format = format;
    }
    else if (flag === '--scale') {
      const scale = parseScale(value);
      if (scale === undefined) delete options.nationalScale;
      else options.nationalScale = scale;
    } else {
      const seed = Number(value);
      if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
        throw new Error(`--seed must be an integer from 0 to 4294967295, not ${value}`);
      }
      options.seed = seed;
    }
  }
  return options;
}

function write(outDir: string, path: string, text: string): void {
  const target = join(outDir, path);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, text, 'utf8');
}

/** The point files of a folder just written, also in `format`, beside their GeoJSON. */
function writeFormat(outDir: string, format: PointFormat): void {
  for (const kind of STREAM_KINDS) {
    const source = join(outDir, `${kind}.geojson`);
    const records: unknown[] = [];
    const outcome = readFeatureChunksSync(kind, source, fileAsciiJsonChunks(source), (batch) => {
      for (const record of batch) records.push(record);
    });
    if (outcome.status !== 'read' || outcome.failed) throw new Error(`${source}: cannot be read back to write ${format}`);
    const target = join(outDir, `${kind}${FORMAT_EXTENSION[format]}`);
    writeFileSync(target, writePointFile(kind, records as never, format));
  }
  console.log(`${format}: wrote ${STREAM_KINDS.map((kind) => `${kind}${FORMAT_EXTENSION[format]}`).join(', ')} to ${outDir}`);
}

function readKinds(dir: string, name: (kind: BoundaryKind) => string): Record<BoundaryKind, string> {
  const texts = {} as Record<BoundaryKind, string>;
  for (const kind of BOUNDARY_KINDS) texts[kind] = readFileSync(join(dir, name(kind)), 'utf8');
  return texts;
}

/** The national-scale folder, streamed to disk file by file. */
function writeNational(options: Options, scale: number, started: number): void {
  if (!options.outGiven) throw new Error(`--scale national needs --out <dir> (it never writes into ${DEFAULT_OUT}/)\n${USAGE}`);
  if (options.boundariesFrom !== undefined) throw new Error('--boundaries-from does not go with --scale national');
  const outDir = resolve(options.out);
  if (outDir === resolve(DEFAULT_OUT)) throw new Error(`--scale national must not write into the committed ${DEFAULT_OUT}/ folder`);
  for (const kind of ['communes', 'coastline'] as const) {
    if (existsSync(join(outDir, boundaryPath(kind)))) {
      throw new Error(`${join(outDir, boundaryPath(kind))} is from another data set and would not fit; use a new or empty folder`);
    }
  }
  const fds = new Map<string, number>();
  const summary = writeNationalDataset({ seed: options.seed, scale }, (path, chunk) => {
    let fd = fds.get(path);
    if (fd === undefined) {
      const target = join(outDir, path);
      mkdirSync(dirname(target), { recursive: true });
      fd = openSync(target, 'w');
      fds.set(path, fd);
    }
    writeSync(fd, chunk, null, 'utf8');
  });
  for (const fd of fds.values()) closeSync(fd);
  if (options.format !== undefined) writeFormat(outDir, options.format);
  console.log(`seed ${options.seed}, national scale ${scale}: wrote ${[...fds.keys()].join(', ')} to ${outDir}`);
  console.log(
    `${summary.hamlets} hamlets (${summary.population} people, ${summary.offGrid} off the grid), ${summary.schools} schools, ` +
      `${summary.towers} towers (${summary.planned} planned, ${summary.upgrades} upgrades), ${summary.deliveries} deliveries; ` +
      `${summary.towns} towns, ${summary.districts} simulated regions`,
  );
  console.log(`done in ${((performance.now() - started) / 1000).toFixed(2)} s`);
}

function main(): void {
  const started = performance.now();
  const options = parseArgs(process.argv.slice(2));
  if (options.nationalScale !== undefined) {
    writeNational(options, options.nationalScale, started);
    return;
  }
  const outDir = resolve(options.out);
  if (options.boundariesFrom !== undefined) {
    const sourceDir = resolve(options.boundariesFrom);
    const converted = convertBoundaries(readKinds(sourceDir, (kind) => REAL_SOURCE_FILES[kind]));
    for (const [path, text] of Object.entries(converted)) write(outDir, path, text);
    write(outDir, 'PROVENANCE.md', readFileSync(join(sourceDir, 'PROVENANCE.md'), 'utf8'));
    console.log(`boundaries: converted from ${sourceDir}`);
  } else if (!existsSync(join(outDir, boundaryPath('communes')))) {
    const committedDir = resolve(DEFAULT_OUT);
    for (const kind of BOUNDARY_KINDS) {
      write(outDir, boundaryPath(kind), readFileSync(join(committedDir, boundaryPath(kind)), 'utf8'));
    }
    write(outDir, 'PROVENANCE.md', readFileSync(join(committedDir, 'PROVENANCE.md'), 'utf8'));
    console.log(`boundaries: copied from ${committedDir}`);
  }
  const boundaries = readBoundaries(readKinds(outDir, boundaryPath));
  const data = simulate(boundaries, options.seed);
  const files = serializeDataset(data);
  for (const [path, text] of Object.entries(files)) write(outDir, path, text);
  if (options.format !== undefined) writeFormat(outDir, options.format);
  console.log(`seed ${options.seed}: wrote ${Object.keys(files).join(', ')} to ${outDir}`);
  for (const line of summaryLines(data)) console.log(line);
  console.log(`done in ${((performance.now() - started) / 1000).toFixed(2)} s`);
}

try {
  main();
} catch (error) {
  console.error(`data: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
