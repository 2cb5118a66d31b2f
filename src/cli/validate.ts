/**
 * `npm run validate -- <file-or-folder> [--kind K]`: checks data against the contract.
 * Exit 0 with one summary line per file on stdout when all is well; otherwise exit 1, one
 * line per problem on stderr and nothing on stdout. Warnings go to stderr and keep exit 0.
 */
import { readFileSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FILE_KINDS, type FileKind, type Issue } from '../domain/types.ts';
import { decodeFile } from '../domain/parse/sniff.ts';
import { makeIssue } from '../domain/parse/issues.ts';
import {
  countNoun,
  kindFromName,
  parseFileDetailed,
  validateFolder,
} from '../domain/parse/index.ts';
import type { Lang } from '../domain/messages/render.ts';
import { fsReason, readDataFolder } from './folder.ts';
import { needsImporter, readFolder } from '../domain/import/folder-import.ts';
import { readImportFile } from '../domain/import/staging.ts';
import { issueLine, takeLang } from './lang.ts';

export interface ValidateIo {
  out(line: string): void;
  err(line: string): void;
}

const USAGE = `usage: validate <file-or-folder> [--kind ${FILE_KINDS.join('|')}] [--lang en|vi]`;

interface Args {
  target: string;
  kind?: FileKind;
}

function parseArgs(argv: string[]): Args | string {
  const positional: string[] = [];
  let kind: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--kind') {
      kind = argv[++i];
      if (kind === undefined) return '--kind needs a value';
    } else if (arg.startsWith('--kind=')) {
      kind = arg.slice('--kind='.length);
    } else if (arg === '--') {
      continue;
    } else if (arg.startsWith('-') && arg !== '-') {
      return `unknown option ${JSON.stringify(arg)}`;
    } else {
      positional.push(arg);
    }
  }
  if (positional.length !== 1) return positional.length === 0 ? 'no file or folder given' : 'give one file or folder';
  if (kind !== undefined && !(FILE_KINDS as readonly string[]).includes(kind)) {
    return `unknown --kind ${JSON.stringify(kind)}; use one of ${FILE_KINDS.join(', ')}`;
  }
  const args: Args = { target: positional[0] as string };
  if (kind !== undefined) args.kind = kind as FileKind;
  return args;
}

function summary(path: string, kind: FileKind, count: number, issues: Issue[]): string {
  const warnings = issues.filter((i) => i.severity === 'warning' && i.file === path).length;
  return `ok  ${path}  ${countNoun(kind, count)}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
}

/** Writes the report; returns the exit status. */
function report(io: ValidateIo, issues: Issue[], summaries: string[], lang: Lang): number {
  const failed = issues.some((i) => i.severity === 'error');
  if (!failed) for (const line of summaries) io.out(line);
  for (const issue of issues) io.err(`${issue.severity}: ${issueLine(issue, lang)}`);
  return failed ? 1 : 0;
}

/** One file the app's importer reads (a CSV of points, a cell export, mapped GeoJSON), read by it. */
function validateImported(path: string, text: string, kind: FileKind | undefined, io: ValidateIo, lang: Lang): number {
  const { staged, issues } = readImportFile({ name: path, text, ...(kind ? { kind } : {}) });
  const summaries = staged.kind ? [summary(path, staged.kind, staged.validRows, issues)] : [];
  return report(io, issues, summaries, lang);
}

function validateOne(path: string, kindArg: FileKind | undefined, io: ValidateIo, lang: Lang): number {
  const kind = kindArg ?? kindFromName(basename(path));
  if (kind === undefined && /\.(csv|tsv|txt)$/i.test(path)) {
    // Named for no contract kind: a CSV of points or a cell export is read by the importer.
    const decoded = decodeFile(readFileSync(path));
    if (decoded.ok && needsImporter(basename(path), decoded.text)) return validateImported(path, decoded.text, undefined, io, lang);
  }
  if (kind === undefined) {
    io.err(
      `error: ${path}: cannot tell the kind of file from its name; name it after its kind (e.g. my_towers.geojson) or give --kind ${FILE_KINDS.join('|')}`,
    );
    return 1;
  }
  // The first bytes say what the file is: an image or a workbook is named for what it is,
  // UTF-16 is read as such (parse/sniff.ts), as the app's importer does.
  const decoded = decodeFile(readFileSync(path));
  if (!decoded.ok) return report(io, [makeIssue('error', 'binary-file', path, {}, { format: decoded.format })], [], lang);
  if (needsImporter(basename(path), decoded.text) || (kindArg !== undefined && /\.(csv|tsv|txt)$/i.test(path) && kind !== 'deliveries' && kind !== 'measurements')) {
    // A CSV of points, a cell export or mapped GeoJSON: read as the app's importer reads it.
    return validateImported(path, decoded.text, kindArg, io, lang);
  }
  const result = parseFileDetailed(kind, path, decoded.text);
  return report(io, result.issues, [summary(path, kind, result.count, result.issues)], lang);
}

function validateFolderAt(root: string, io: ValidateIo, lang: Lang): number {
  const files = readDataFolder(root);
  const read = readFolder(files);
  if (read.imported.length === 0) {
    const folder = validateFolder(files, { checkEveryKnownFile: true });
    return report(io, folder.issues, folder.files.map((f) => summary(f.path, f.kind, f.count, folder.issues)), lang);
  }
  // Files the importer read are summed up under their own names, the others as validate does.
  const byPath = new Map(read.imported.map((f) => [f.path, f]));
  const folder = validateFolder(read.sources, { checkEveryKnownFile: true });
  const summaries = [
    ...read.imported.map((f) => summary(f.name, f.kind ?? 'towers', f.validRows, read.issues)),
    ...folder.files.filter((f) => !byPath.has(f.path)).map((f) => summary(f.path, f.kind, f.count, read.issues)),
  ].sort((a, b) => a.localeCompare(b));
  return report(io, read.issues, summaries, lang);
}

export async function runValidate(argv: string[], io: ValidateIo): Promise<number> {
  const { argv: rest, lang, problem } = takeLang(argv);
  const args = problem ?? parseArgs(rest);
  if (typeof args === 'string') {
    io.err(`error: ${args}`);
    io.err(USAGE);
    return 1;
  }
  try {
    const stats = statSync(args.target);
    if (stats.isDirectory()) {
      if (args.kind !== undefined) {
        io.err(`error: --kind applies to a single file, and ${args.target} is a folder`);
        return 1;
      }
      return validateFolderAt(args.target, io, lang);
    }
    return validateOne(args.target, args.kind, io, lang);
  } catch (error) {
    const path = (error as { path?: unknown } | null)?.path;
    io.err(`error: ${typeof path === 'string' ? path : args.target}: ${fsReason(error)}`);
    return 1;
  }
}

const invokedPath = process.argv[1];
if (invokedPath !== undefined && resolve(invokedPath) === fileURLToPath(import.meta.url)) {
  const code = await runValidate(process.argv.slice(2), {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
  });
  process.exit(code);
}
