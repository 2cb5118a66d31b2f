// `npx tsx test/bench/columnar.ts [folder]`: reading the hamlets, schools and towers files of a
// (national) data folder, four ways, each in its own process so that peak memory is its own:
//   bare      readFileSync + JSON.parse of each file (the floor every JSON reader pays)
//   ordinary  readFileSync + parseFileDetailed (what the CLI did: tree of objects, then records)
//   stream    1 MiB chunks → the streaming reader → records (what the CLI does now)
//   columns   1 MiB chunks → the streaming reader → typed columns (what the worker can keep)
//   parquet   hamlets.parquet … → importPointFile (GeoParquet → rows → the CSV import's checks)
//   fgb       hamlets.fgb … → importPointFile (FlatGeobuf, the same way)
// Make the folder first: `npm run data -- --scale national --out /tmp/nat1 [--format parquet]`
// (or --scale 0.1); the parquet and fgb rows run only when those files are there.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fileAsciiJsonChunks } from '../../src/cli/file-chunks.ts';
import { importPointFile } from '../../src/domain/formats/index.ts';
import { PointTableSink, TowerTableSink } from '../../src/domain/parse/columnar/columns.ts';
import { readFeatureChunksSync, STREAM_KINDS, type RecordSink, type StreamKind } from '../../src/domain/parse/columnar/reader.ts';
import { parseFileDetailed } from '../../src/domain/parse/index.ts';

const MODES = ['bare', 'ordinary', 'stream', 'columns', 'parquet', 'fgb'] as const;
type Mode = (typeof MODES)[number];

const path = (folder: string, kind: StreamKind): string => join(folder, `${kind}.geojson`);

const BINARY = { parquet: ['geoparquet', '.parquet'], fgb: ['flatgeobuf', '.fgb'] } as const;

/** Runs one mode here; returns records (or values) kept, so that nothing is freed early. */
async function runMode(mode: Mode, folder: string): Promise<unknown[]> {
  const kept: unknown[] = [];
  const points = new PointTableSink();
  const towers = new TowerTableSink();
  for (const kind of STREAM_KINDS) {
    const file = path(folder, kind);
    if (mode === 'parquet' || mode === 'fgb') {
      const [format, extension] = BINARY[mode];
      const binary = join(folder, `${kind}${extension}`);
      const result = await importPointFile(kind, binary, new Uint8Array(readFileSync(binary)), format);
      if (result.value === undefined) throw new Error(`${binary}: ${result.issues[0]?.message ?? 'refused'}`);
      kept.push(result.value);
    } else if (mode === 'bare') {
      kept.push(JSON.parse(readFileSync(file, 'utf8')));
    } else if (mode === 'ordinary') {
      const result = parseFileDetailed(kind, file, readFileSync(file, 'utf8'));
      if (result.value === undefined) throw new Error(`${file}: ${result.issues[0]?.message ?? 'refused'}`);
      kept.push(result.value);
    } else {
      const records: unknown[] = [];
      const columnsSink = kind === 'towers' ? towers.towers : kind === 'hamlets' ? points.hamlets : points.schools;
      const sink = mode === 'stream' ? (batch: unknown[]) => batch.forEach((r) => records.push(r)) : columnsSink;
      const outcome = readFeatureChunksSync(kind, file, fileAsciiJsonChunks(file), sink as RecordSink<StreamKind>);
      if (outcome.status !== 'read' || outcome.failed) throw new Error(`${file}: ${JSON.stringify(outcome).slice(0, 300)}`);
      kept.push(records);
    }
  }
  if (mode === 'columns') kept.push(points.table(), towers.table());
  return kept;
}

const [, , first, second] = process.argv;
if (first === '--child') {
  const mode = second as Mode;
  const folder = process.argv[4] as string;
  const start = performance.now();
  const kept = await runMode(mode, folder);
  const ms = performance.now() - start;
  const heapMb = process.memoryUsage().heapUsed / 2 ** 20;
  const rssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(JSON.stringify({ mode, ms, rssMb, heapMb, kept: kept.length }));
} else {
  const folder = first ?? '/tmp/nat1';
  const self = fileURLToPath(import.meta.url);
  const rows: Record<Mode, { ms: number; rssMb: number; heapMb: number }> = {} as never;
  const modes = MODES.filter((mode) => !(mode in BINARY) || existsSync(join(folder, `hamlets${BINARY[mode as keyof typeof BINARY][1]}`)));
  for (const mode of modes) {
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--max-old-space-size=8192', self, '--child', mode, folder], { encoding: 'utf8', maxBuffer: 1 << 20 });
    rows[mode] = JSON.parse(out) as { ms: number; rssMb: number; heapMb: number };
  }
  const bare = rows.bare;
  console.log(`reading hamlets, schools, towers of ${folder}`);
  console.log('mode       time (s)  × bare   peak RSS (MB)  heap after (MB)');
  for (const mode of modes) {
    const r = rows[mode];
    console.log(
      `${mode.padEnd(9)}  ${(r.ms / 1000).toFixed(2).padStart(8)}  ${(r.ms / bare.ms).toFixed(2).padStart(6)}  ${r.rssMb.toFixed(0).padStart(13)}  ${r.heapMb.toFixed(0).padStart(15)}`,
    );
  }
}
