// Reading a data folder from disk for the command-line tools: the files whose names tell a
// kind of contract file, as `SourceFile`s for `parseDataset` (which does all the checking).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { kindFromName, type SourceFile } from '../domain/parse/index.ts';

/** Every file under the folder, as paths relative to it with "/" separators, sorted. */
export function listFolder(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) found.push(relative(root, full).split(sep).join('/'));
    }
  };
  walk(root);
  return found.sort();
}

/** The folder's data files (README.md and the like are skipped), read as UTF-8. */
export function readDataFolder(root: string): SourceFile[] {
  return listFolder(root)
    .filter((path) => kindFromName(path) !== undefined)
    .map((path) => ({ path, text: readFileSync(join(root, path), 'utf8') }));
}

/** A short reason for a file-system error, without a stack. */
export function fsReason(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'ENOTDIR') return 'not a folder';
  if (code === 'EISDIR') return 'is a folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ERR_STRING_TOO_LONG') return 'the file is too large to read';
  return error instanceof Error ? error.message : String(error);
}
