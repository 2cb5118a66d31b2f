/**
 * `npm run calibrate -- --data <folder> [--scenario current|planned|YYYY-MM-DD] [--out <file.json>]`
 *
 * Fits one radius factor per operator to the folder's measurements.csv (contract, "Version
 * 2", `calibrate`) and writes `{ "scenario", "operators": [...] }` to --out, or else to
 * stdout and nothing else there. The scenario defaults to `current`. Bad input: exit 1,
 * nothing on stdout, one line per problem on stderr.
 */
import { pointColumns } from '../domain/coverage/columns.ts';
import { calibrate } from '../domain/evidence/calibrate.ts';
import { scenarioLevelsFor } from '../domain/evidence/levels.ts';
import { testColumns } from '../domain/evidence/tests.ts';
import { evidenceOf } from './evidence.ts';
import { commandArgs, loadDataFolder, readOptions, runAsMain, scenarioProblem, writeJson, type CommandIo } from './json-command.ts';

const USAGE = 'usage: npm run calibrate -- --data <folder> [--scenario <current|planned|YYYY-MM-DD>] [--out <file.json>] [--lang en|vi]';
const OPTIONS = ['--data', '--scenario', '--out'] as const;

interface Args {
  data: string;
  scenario: string;
  out?: string;
}

function parseArgs(argv: readonly string[]): Args | 'help' | string {
  const read = readOptions(argv, OPTIONS);
  if (read === 'help') return 'help';
  const { given, problems } = read;
  if (problems[0] !== undefined) return problems[0];
  if (given['--data'] === undefined) return 'missing --data <folder>';
  const scenario = given['--scenario'] ?? 'current';
  const problem = scenarioProblem(scenario);
  if (problem !== undefined) return problem;
  const args: Args = { data: given['--data'], scenario };
  if (given['--out'] !== undefined) args.out = given['--out'];
  return args;
}

/** Runs the command; returns the exit status. Never throws. */
export async function runCalibrate(argv: readonly string[], io: CommandIo): Promise<number> {
  const start = commandArgs(argv, io, USAGE, parseArgs);
  if (typeof start === 'number') return start;
  const { args, lang } = start;
  try {
    const dataset = loadDataFolder(args.data, io, lang);
    if (!dataset) return 1;
    if (dataset.measurements === undefined) {
      io.err(`warning: ${args.data}: no measurements.csv: no test to fit, every factor stays 1`);
    }
    const params = evidenceOf(dataset);
    const report = calibrate(
      {
        scenario: args.scenario,
        operators: dataset.towers.map((t) => t.operator),
        points: pointColumns(dataset.hamlets, dataset.schools),
        tests: testColumns(dataset.measurements ?? []),
        params,
      },
      scenarioLevelsFor(dataset, args.scenario),
    );
    return writeJson(report, args.out, io);
  } catch (error) {
    io.err(`error: calibrate failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

await runAsMain(import.meta.url, runCalibrate);
