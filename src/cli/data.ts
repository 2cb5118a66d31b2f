// `npm run data`: writes the simulated files of the bundled dataset from the committed
// boundaries; with --boundaries-from <dir>, first rebuilds those boundaries (and copies
// PROVENANCE.md) from the real source files. An --out folder without boundaries gets a
// copy of the committed ones, so that it is a complete data folder.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { BoundaryKind } from '../domain/synthesis/boundaries.ts';
import {
  BOUNDARY_KINDS,
  REAL_SOURCE_FILES,
  boundaryPath,
  convertBoundaries,
  readBoundaries,
} from '../domain/synthesis/boundaries.ts';
import { DEFAULT_SEED, serializeDataset, simulate } from '../domain/synthesis/index.ts';
import { summaryLines } from '../domain/synthesis/summary.ts';

const DEFAULT_OUT = 'data';

interface Options {
  out: string;
  seed: number;
  boundariesFrom?: string;
}

const USAGE = 'usage: npm run data -- [--out <dir>] [--seed <n>] [--boundaries-from <dir>]';

function parseArgs(args: string[]): Options {
  const options: Options = { out: DEFAULT_OUT, seed: DEFAULT_SEED };
  for (let i = 0; i < args.length; i++) {
    const flag = args[i];
    const value = args[i + 1];
    if (flag !== '--out' && flag !== '--seed' && flag !== '--boundaries-from') {
      throw new Error(`unknown argument ${flag}\n${USAGE}`);
    }
    if (value === undefined || value.startsWith('--')) throw new Error(`${flag} needs a value\n${USAGE}`);
    i++;
    if (flag === '--out') options.out = value;
    else if (flag === '--boundaries-from') options.boundariesFrom = value;
    else {
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

function readKinds(dir: string, name: (kind: BoundaryKind) => string): Record<BoundaryKind, string> {
  const texts = {} as Record<BoundaryKind, string>;
  for (const kind of BOUNDARY_KINDS) texts[kind] = readFileSync(join(dir, name(kind)), 'utf8');
  return texts;
}

function main(): void {
  const started = performance.now();
  const options = parseArgs(process.argv.slice(2));
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
