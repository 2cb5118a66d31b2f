// Reading a data folder from disk for the command-line tools: the files whose names tell a
// kind of contract file, and the files the app's importer reads (a CSV of hamlets, schools or
// towers, a cell export: domain/import/folder-import.ts), as `SourceFile`s.
import { isUtf8 } from 'node:buffer';
import { decodeFile, sniff } from '../domain/parse/sniff.ts';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { readFeatureChunksSync, STREAM_KINDS } from '../domain/parse/columnar/reader.ts';
import { DATASET_PATHS, type FolderOptions, type SourceFile } from '../domain/parse/index.ts';
import type { FileKind } from '../domain/types.ts';
import { fileAsciiJsonChunks } from './file-chunks.ts';
import { isDataFile } from '../domain/import/folder-import.ts';

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

/**
 * The folder's data files (README.md and the like are skipped), read as UTF-8, or as UTF-16
 * when their first bytes say so (parse/sniff.ts). A binary file is read as UTF-8 all the same:
 * its checks then fail on the text, as they would on any file that is not GeoJSON or CSV.
 */
export function readDataFolder(root: string): SourceFile[] {
  return listFolder(root).flatMap((path) => {
    // A CSV is read once to tell a cell export; any other data file is read once anyway.
    let text: string | undefined;
    const textOf = (): string => (text ??= readText(join(root, path)));
    return isDataFile(path, textOf) ? [{ path, text: textOf() }] : [];
  });
}

/** One file's text as `readDataFolder` reads it. */
function readText(file: string): string {
  const bytes = readFileSync(file);
  // Valid UTF-8 through Buffer's decoder: the same text as TextDecoder's, several times faster.
  const found = sniff(bytes);
  if (found.kind === 'text' && found.encoding === 'utf-8' && isUtf8(bytes)) return bytes.toString('utf8');
  const decoded = decodeFile(bytes);
  return decoded.ok ? decoded.text : bytes.toString('utf8');
}

/**
 * The folder's data files as `readDataFolder` gives them, except the hamlets, schools and
 * towers files of the data set: those are streamed (domain/parse/columnar) and, when they
 * have no error, handed over already checked with their warnings (the streaming reader's
 * issues are the ordinary parser's, in its order), their text never held whole (an empty
 * `text` stands for it). A file with an error is read the ordinary way (and every other
 * file is read as `readDataFolder` reads it). What the commands use (json-command.ts `loadDataFolder`):
 * about as fast as the whole-text read and half its memory (test/bench/columnar.ts).
 */
export function readDataFolderChecked(root: string): { files: SourceFile[]; checked: NonNullable<FolderOptions['checked']> } {
  const checked: NonNullable<FolderOptions['checked']> = {};
  const streamed = new Map<string, FileKind>(STREAM_KINDS.map((kind) => [DATASET_PATHS[kind], kind]));
  const files = listFolder(root)
    .filter((path) => isDataFile(path, () => readText(join(root, path))))
    .map((path) => {
      const kind = streamed.get(path);
      if (kind === 'hamlets' || kind === 'schools' || kind === 'towers') {
        const records: unknown[] = [];
        const outcome = readFeatureChunksSync(kind, path, fileAsciiJsonChunks(join(root, path)), (batch) => {
          for (const record of batch) records.push(record);
        });
        // Warnings allowed (stacked points, say: real files have them), said as the ordinary parser says them.
        if (outcome.status === 'read' && !outcome.failed && outcome.features > 0 && outcome.count === outcome.features) {
          (checked as Record<string, unknown>)[kind] = { text: '', result: { value: records, issues: [], count: outcome.count }, issues: outcome.issues };
          return { path, text: '' };
        }
      }
      return { path, text: readText(join(root, path)) };
    });
  return { files, checked };
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
