/**
 * `npm run coverage -- --data <folder> --scenario <current|planned|YYYY-MM-DD> [--out <file.json>]
 *   [--radius-model fixed|path_loss] [--operator NAME]`
 *
 * Checks the data folder with the importer's own checks (`parseDataset`), then writes the
 * contract's coverage JSON object to --out, or else to stdout and nothing else there.
 * Bad input or options: exit 1, nothing on stdout, one line per problem on stderr.
 * Warnings (e.g. points inside no district) go to stderr and keep exit 0.
 * npm prints its own "> song-map coverage" header on stdout: use `npm run -s coverage -- …`
 * (or --out) when piping the JSON.
 * --out x.csv or x.parquet: the `points` go to that file as a table, written a chunk at a time
 * (coverage-table.ts), and the rest of the object to stdout.
 */
import { computeCoverage } from '../domain/coverage/report.ts';
import { writeCoverageJson } from './coverage-json.ts';
import { evidenceOf, measuredOf } from './evidence.ts';
import type { RadiusModelName } from '../domain/types.ts';
import { commandArgs, loadDataFolder, readOptions, runAsMain, scenarioProblem, writeJson, writePieces, type CommandIo } from './json-command.ts';
import { checkNetworkOptions, readNetworkOptions } from './network-options.ts';

const isTableOut = (path: string): boolean => /\.(csv|parquet)$/i.test(path);

/** One chunk of stdout (a newline follows it) and one line of stderr at a time. */
export type CoverageIo = CommandIo;

const USAGE =
  'usage: npm run coverage -- --data <folder> --scenario <current|planned|YYYY-MM-DD> [--out <file.json>] [--radius-model fixed|path_loss] [--operator NAME] [--lang en|vi]';

interface Args {
  data: string;
  scenario: string;
  out?: string;
  radiusModel?: RadiusModelName;
  operator?: string;
}

const OPTIONS = ['--data', '--scenario', '--out', '--radius-model', '--operator'] as const;

function parseArgs(argv: readonly string[]): Args | 'help' | string {
  const read = readOptions(argv, OPTIONS);
  if (read === 'help') return 'help';
  const { given, problems } = read;
  // One line is enough here: the first problem met.
  if (problems[0] !== undefined) return problems[0];
  if (given['--data'] === undefined) return 'missing --data <folder>';
  if (given['--scenario'] === undefined) return 'missing --scenario <current|planned|YYYY-MM-DD>';
  const problem = scenarioProblem(given['--scenario']);
  if (problem !== undefined) return problem;
  const network = readNetworkOptions(given);
  if (typeof network === 'string') return network;
  const args: Args = { data: given['--data'], scenario: given['--scenario'], ...network };
  if (given['--out'] !== undefined) args.out = given['--out'];
  if (given['--operator'] !== undefined) args.operator = given['--operator'];
  return args;
}

/** Runs the command; returns the exit status. Never throws. */
export async function runCoverage(argv: readonly string[], io: CoverageIo): Promise<number> {
  const start = commandArgs(argv, io, USAGE, parseArgs);
  if (typeof start === 'number') return start;
  const { args, lang } = start;
  try {
    const dataset = loadDataFolder(args.data, io, lang);
    if (!dataset || !checkNetworkOptions(dataset, args, io, lang)) return 1;
    const options = { ...(args.radiusModel === undefined ? {} : { radiusModel: args.radiusModel }), ...(args.operator === undefined ? {} : { operator: args.operator }) };
    if (args.out !== undefined && isTableOut(args.out)) {
      const out = args.out;
      // Loaded only here: the Parquet writer is some fifty modules, a second of start-up on a busy machine.
      const { writeCoverageTable } = await import('./coverage-table.ts');
      const summary = (() => {
        try {
          return writeCoverageTable(out, dataset, computeCoverage(dataset, args.scenario, {}, options));
        } catch (error) {
          io.err(`error: --out ${out}: cannot write: ${error instanceof Error ? error.message : String(error)}`);
          return undefined;
        }
      })();
      return summary === undefined ? 1 : writeJson(summary, undefined, io);
    }
    const columns = computeCoverage(dataset, args.scenario, {}, options);
    const measured = measuredOf(dataset, args.scenario, evidenceOf(dataset), args.operator);
    // Written a piece at a time: the same text as JSON.stringify of the whole report, never held whole.
    return writePieces((write) => writeCoverageJson(dataset, columns, measured, write), args.out, io);
  } catch (error) {
    // A bug, not bad input: still one line, no stack.
    io.err(`error: coverage failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

await runAsMain(import.meta.url, runCoverage);
