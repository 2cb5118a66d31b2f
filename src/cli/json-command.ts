// What the JSON-writing commands (`coverage`, `siting`) share: read and check a data folder,
// write one JSON object to --out or stdout, and run as the main module.
import { closeSync, openSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dateProblem, parseDataset } from '../domain/parse/index.ts';
import type { Lang } from '../domain/messages/render.ts';
import type { Dataset } from '../domain/types.ts';
import { fsReason, readDataFolder, readDataFolderChecked } from './folder.ts';
import { needsImporter, readFolder } from '../domain/import/folder-import.ts';
import { issueLine, takeLang } from './lang.ts';

/** Where a command writes: the JSON (stdout) and one line per problem (stderr). */
export interface CommandIo {
  out: (text: string) => void;
  err: (line: string) => void;
  /**
   * Stdout as it is, no newline added: for output written a piece at a time. Without it
   * (tests) the pieces are joined and said with one `out`.
   */
  write?: (piece: string) => void;
}

/**
 * `--name value` / `--name=value` options, each at most once and never empty: the values
 * given, and one line per problem, in the order met; 'help' for -h / --help.
 */
export function readOptions<O extends string>(argv: readonly string[], options: readonly O[]): 'help' | { given: Partial<Record<O, string>>; problems: string[] } {
  const given: Partial<Record<O, string>> = {};
  const problems: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') continue;
    if (arg === '-h' || arg === '--help') return 'help';
    const eq = arg.indexOf('=');
    const name = eq > 0 && arg.startsWith('--') ? arg.slice(0, eq) : arg;
    if (!(options as readonly string[]).includes(name)) {
      problems.push(arg.startsWith('-') ? `unknown option ${JSON.stringify(arg)}` : `unexpected argument ${JSON.stringify(arg)}`);
      continue;
    }
    const option = name as O;
    let value: string | undefined;
    if (eq > 0 && name !== arg) value = arg.slice(eq + 1);
    else {
      value = argv[i + 1];
      if (value === undefined || (value.startsWith('--') && value.length > 2)) {
        problems.push(`${option} needs a value`);
        continue;
      }
      i++;
    }
    if (value === '') problems.push(`${option} needs a value`);
    else if (given[option] !== undefined) problems.push(`${option} is given twice`);
    else given[option] = value;
  }
  return { given, problems };
}

/**
 * The data folder read and checked with the importer's own checks; undefined when it cannot
 * be used, after one line per problem on `io.err` (warnings are said too).
 */
export function loadDataFolder(root: string, io: CommandIo, lang: Lang = 'en'): Dataset | undefined {
  try {
    if (!statSync(root).isDirectory()) {
      io.err(`error: --data ${root}: is a file; give the data folder`);
      return undefined;
    }
  } catch (error) {
    io.err(`error: --data ${root}: ${fsReason(error) === 'no such file or folder' ? 'no such folder' : fsReason(error)}`);
    return undefined;
  }
  // Hamlets, schools and towers streamed into records, never held as whole texts.
  let read;
  try {
    read = readDataFolderChecked(root);
  } catch (error) {
    const path = (error as { path?: unknown } | null)?.path;
    io.err(`error: ${typeof path === 'string' ? path : root}: ${fsReason(error)}`);
    return undefined;
  }
  // The files the app imports (CSV, cell exports, mapped GeoJSON) go through its importer,
  // which needs every file's text; a folder of contract files alone keeps the streamed records.
  const foreign = read.files.some((f) => needsImporter(f.path, f.text));
  const { dataset, issues } = foreign ? readFolder(readDataFolder(root)) : parseDataset(read.files, { checked: read.checked });
  const failed = dataset === undefined || issues.some((issue) => issue.severity === 'error');
  for (const issue of issues) io.err(`${issue.severity}: ${issueLine(issue, lang)}`);
  if (failed) {
    if (!issues.some((issue) => issue.severity === 'error')) io.err(`error: ${root}: not a complete data folder`);
    return undefined;
  }
  return dataset;
}

/** Writes `value` as indented JSON to `out` (a path) or else `io.out`; the exit status. */
export function writeJson(value: unknown, out: string | undefined, io: CommandIo): number {
  const json = JSON.stringify(value, null, 2);
  if (out === undefined) {
    io.out(json);
    return 0;
  }
  try {
    writeFileSync(out, `${json}\n`, 'utf8');
    return 0;
  } catch (error) {
    io.err(`error: --out ${out}: cannot write: ${fsReason(error)}`);
    return 1;
  }
}

/** An `--out` file that could not be written. */
class WriteFailed extends Error {
  constructor(override readonly cause: unknown) {
    super('cannot write');
  }
}

/**
 * Writes what `produce` gives, piece by piece, then a newline, to `out` (a path) or else
 * stdout (`io.write`, or one `io.out`); the exit status.
 */
export function writePieces(produce: (write: (piece: string) => void) => void, out: string | undefined, io: CommandIo): number {
  if (out === undefined) {
    if (io.write !== undefined) {
      produce(io.write);
      io.write('\n');
    } else {
      const pieces: string[] = [];
      produce((piece) => pieces.push(piece));
      io.out(pieces.join(''));
    }
    return 0;
  }
  const write = (fd: number, piece: string): void => {
    try {
      writeSync(fd, piece, null, 'utf8');
    } catch (error) {
      throw new WriteFailed(error);
    }
  };
  let fd: number;
  try {
    fd = openSync(out, 'w');
  } catch (error) {
    io.err(`error: --out ${out}: cannot write: ${fsReason(error)}`);
    return 1;
  }
  try {
    produce((piece) => write(fd, piece));
    write(fd, '\n');
    return 0;
  } catch (error) {
    if (!(error instanceof WriteFailed)) throw error;
    io.err(`error: --out ${out}: cannot write: ${fsReason(error.cause)}`);
    return 1;
  } finally {
    closeSync(fd);
  }
}

/**
 * The start every data command shares: `--lang` taken, the options read; `--help` prints the
 * usage (exit 0), a problem prints it after one error line (exit 1). Returns the arguments
 * and the language, or the exit status.
 */
export function commandArgs<A>(argv: readonly string[], io: CommandIo, usage: string, parse: (argv: readonly string[]) => A | 'help' | string): { args: A; lang: Lang } | number {
  const { argv: rest, lang, problem } = takeLang(argv);
  const args = problem ?? parse(rest);
  if (args === 'help') {
    io.out(usage);
    return 0;
  }
  if (typeof args === 'string') {
    io.err(`error: ${args}`);
    io.err(usage);
    return 1;
  }
  return { args, lang };
}

/** What is wrong with a `--scenario` value (current, planned or a real day YYYY-MM-DD), or undefined. */
export function scenarioProblem(value: string): string | undefined {
  if (value === 'current' || value === 'planned') return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const problem = dateProblem(value);
    return problem === undefined ? undefined : `--scenario ${problem}`;
  }
  return `--scenario ${JSON.stringify(value)} is not current, planned or a date YYYY-MM-DD`;
}

/** Runs `command` when the module at `moduleUrl` is the process's entry point. */
export async function runAsMain(moduleUrl: string, command: (argv: readonly string[], io: CommandIo) => Promise<number>): Promise<void> {
  const invokedPath = process.argv[1];
  if (invokedPath === undefined || resolve(invokedPath) !== fileURLToPath(moduleUrl)) return;
  // A reader that stops early (`| head`) closes the pipe: end quietly, not with a stack.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  // exitCode, not exit(): let a large JSON drain to a pipe before the process ends.
  process.exitCode = await command(process.argv.slice(2), {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    write: (piece) => process.stdout.write(piece),
  });
}
