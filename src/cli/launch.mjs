// `node src/cli/launch.mjs <command> [args]`: runs src/cli/<command>.ts from one JavaScript file
// that esbuild bundles from the sources and keeps in node_modules/.cache/song-map-cli/. Through
// tsx's loader each of the command's hundred-odd modules is resolved and compiled on a loader
// thread: about 0.7 s before the first line runs, against about 0.1 s for one bundled file.
// The bundle is made again when any of its sources is newer than it (or gone), so an edit
// counts at once; packages stay outside it, as node_modules has them.
import { build } from 'esbuild';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const COMMANDS = ['coverage', 'validate', 'siting', 'calibrate', 'data'];

const command = process.argv[2];
if (!COMMANDS.includes(command ?? '')) {
  process.stderr.write(`launch.mjs: the command must be one of ${COMMANDS.join(', ')}\n`);
  process.exit(2);
}

/** Where the bundles are kept; undefined where node_modules cannot be written to. */
function cacheFolder() {
  const folder = join(ROOT, 'node_modules/.cache/song-map-cli');
  try {
    mkdirSync(folder, { recursive: true });
    return folder;
  } catch {
    return undefined;
  }
}

/** True when the bundle and its list of sources exist and no source changed since it was made. */
function fresh(bundle, inputs) {
  try {
    const made = statSync(bundle).mtimeMs;
    const sources = JSON.parse(readFileSync(inputs, 'utf8'));
    return sources.every((source) => statSync(join(ROOT, source)).mtimeMs < made);
  } catch {
    return false;
  }
}

const folder = cacheFolder();
if (folder === undefined) {
  // Nowhere to keep a bundle: the sources run through tsx's loader, as `tsx` would run them.
  const { register } = await import('tsx/esm/api');
  register();
  const source = join(ROOT, `src/cli/${command}.ts`);
  process.argv.splice(1, 2, source);
  await import(pathToFileURL(source).href);
} else {
  const bundle = join(folder, `${command}.mjs`);
  const inputs = join(folder, `${command}.inputs.json`);
  if (!fresh(bundle, inputs)) {
    // Written beside, then renamed: two commands started at once never read half a file.
    const part = `${bundle}.${process.pid}.part`;
    const result = await build({
      entryPoints: [join(ROOT, `src/cli/${command}.ts`)],
      absWorkingDir: ROOT,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      outfile: part,
      metafile: true,
      logLevel: 'error',
    });
    writeFileSync(`${inputs}.${process.pid}.part`, JSON.stringify(Object.keys(result.metafile.inputs)));
    renameSync(`${inputs}.${process.pid}.part`, inputs);
    renameSync(part, bundle);
  }
  // The command runs when it is the script node was started with (json-command.ts runAsMain).
  process.argv.splice(1, 2, bundle);
  await import(pathToFileURL(bundle).href);
}
