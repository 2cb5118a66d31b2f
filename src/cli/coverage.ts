/**
 * `npm run coverage -- --data <folder> --scenario <current|planned|YYYY-MM-DD> [--out <file.json>]`
 *
 * Checks the data folder with the importer's own checks (`parseDataset`), then writes the
 * contract's coverage JSON object to --out, or else to stdout and nothing else there.
 * Bad input or options: exit 1, nothing on stdout, one line per problem on stderr.
 * Warnings (e.g. points inside no district) go to stderr and keep exit 0.
 * npm prints its own "> song-map coverage" header on stdout: use `npm run -s coverage -- …`
 * (or --out) when piping the JSON.
 */
import { statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dateProblem, formatIssue, parseDataset } from '../domain/parse/index.ts';
import { coverageReport } from '../domain/coverage/report.ts';
import { fsReason, readDataFolder } from './folder.ts';

export interface CoverageIo {
  /** One chunk of stdout; a newline follows it. */
  out(text: string): void;
  /** One line of stderr. */
  err(line: string): void;
}

const USAGE = 'usage: npm run coverage -- --data <folder> --scenario <current|planned|YYYY-MM-DD> [--out <file.json>]';

interface Args {
  data: string;
  scenario: string;
  out?: string;
}

const OPTIONS = ['--data', '--scenario', '--out'] as const;
type Option = (typeof OPTIONS)[number];

function scenarioProblem(value: string): string | undefined {
  if (value === 'current' || value === 'planned') return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const problem = dateProblem(value);
    return problem === undefined ? undefined : `--scenario ${problem}`;
  }
  return `--scenario ${JSON.stringify(value)} is not current, planned or a date YYYY-MM-DD`;
}

function parseArgs(argv: readonly string[]): Args | 'help' | string {
  const given: Partial<Record<Option, string>> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') continue;
    if (arg === '-h' || arg === '--help') return 'help';
    const eq = arg.indexOf('=');
    const name = eq > 0 && arg.startsWith('--') ? arg.slice(0, eq) : arg;
    if (!(OPTIONS as readonly string[]).includes(name)) {
      return arg.startsWith('-') ? `unknown option ${JSON.stringify(arg)}` : `unexpected argument ${JSON.stringify(arg)}`;
    }
    const option = name as Option;
    let value: string | undefined;
    if (eq > 0 && name !== arg) value = arg.slice(eq + 1);
    else {
      value = argv[i + 1];
      if (value === undefined || (value.startsWith('--') && value.length > 2)) return `${option} needs a value`;
      i++;
    }
    if (value === '') return `${option} needs a value`;
    if (given[option] !== undefined) return `${option} is given twice`;
    given[option] = value;
  }
  if (given['--data'] === undefined) return 'missing --data <folder>';
  if (given['--scenario'] === undefined) return 'missing --scenario <current|planned|YYYY-MM-DD>';
  const problem = scenarioProblem(given['--scenario']);
  if (problem !== undefined) return problem;
  const args: Args = { data: given['--data'], scenario: given['--scenario'] };
  if (given['--out'] !== undefined) args.out = given['--out'];
  return args;
}

/** Runs the command; returns the exit status. Never throws. */
export async function runCoverage(argv: readonly string[], io: CoverageIo): Promise<number> {
  const args = parseArgs(argv);
  if (args === 'help') {
    io.out(USAGE);
    return 0;
  }
  if (typeof args === 'string') {
    io.err(`error: ${args}`);
    io.err(USAGE);
    return 1;
  }
  try {
    try {
      if (!statSync(args.data).isDirectory()) {
        io.err(`error: --data ${args.data}: is a file; give the data folder`);
        return 1;
      }
    } catch (error) {
      io.err(`error: --data ${args.data}: ${fsReason(error) === 'no such file or folder' ? 'no such folder' : fsReason(error)}`);
      return 1;
    }
    let files;
    try {
      files = readDataFolder(args.data);
    } catch (error) {
      const path = (error as { path?: unknown } | null)?.path;
      io.err(`error: ${typeof path === 'string' ? path : args.data}: ${fsReason(error)}`);
      return 1;
    }
    const { dataset, issues } = parseDataset(files);
    const failed = dataset === undefined || issues.some((issue) => issue.severity === 'error');
    for (const issue of issues) io.err(`${issue.severity}: ${formatIssue(issue)}`);
    if (failed) {
      if (!issues.some((issue) => issue.severity === 'error')) io.err(`error: ${args.data}: not a complete data folder`);
      return 1;
    }
    const json = JSON.stringify(coverageReport(dataset, args.scenario), null, 2);
    if (args.out !== undefined) {
      try {
        writeFileSync(args.out, `${json}\n`, 'utf8');
      } catch (error) {
        io.err(`error: --out ${args.out}: cannot write: ${fsReason(error)}`);
        return 1;
      }
    } else {
      io.out(json);
    }
    return 0;
  } catch (error) {
    // A bug, not bad input: still one line, no stack.
    io.err(`error: coverage failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

const invokedPath = process.argv[1];
if (invokedPath !== undefined && resolve(invokedPath) === fileURLToPath(import.meta.url)) {
  // A reader that stops early (`| head`) closes the pipe: end quietly, not with a stack.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  // exitCode, not exit(): let a large JSON drain to a pipe before the process ends.
  process.exitCode = await runCoverage(process.argv.slice(2), {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
  });
}
