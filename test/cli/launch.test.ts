// The commands' launcher (src/cli/launch.mjs): the bundled command says what the sources run
// through tsx say, byte for byte; the bundle is reused while its sources are unchanged and
// made again when one is newer or gone.
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const CACHE = 'node_modules/.cache/song-map-cli';
const ARGS = ['--data', 'test/fixtures/good', '--scenario', 'planned'];
const launch = (command: string, args: string[]) => spawnSync('node', ['src/cli/launch.mjs', command, ...args], { encoding: 'utf8' });

describe('src/cli/launch.mjs', () => {
  it('gives the same output and exit status as the sources through tsx', () => {
    const viaTsx = spawnSync('node_modules/.bin/tsx', ['src/cli/coverage.ts', ...ARGS], { encoding: 'utf8' });
    const bundled = launch('coverage', ARGS);
    expect(bundled.status).toBe(0);
    expect(bundled.stdout).toBe(viaTsx.stdout);
    expect(bundled.stdout.length).toBeGreaterThan(1000);
    const bad = launch('coverage', ['--data', 'test/fixtures/good', '--scenario', '2021-13-01']);
    const badTsx = spawnSync('node_modules/.bin/tsx', ['src/cli/coverage.ts', '--data', 'test/fixtures/good', '--scenario', '2021-13-01'], { encoding: 'utf8' });
    expect(bad.status).toBe(badTsx.status);
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toBe(badTsx.stderr);
  }, 60000);

  it('reuses the bundle while no source changed, and makes it again when one is newer or gone', () => {
    expect(launch('validate', ['test/fixtures/good']).status).toBe(0);
    const bundle = `${CACHE}/validate.mjs`;
    const made = statSync(bundle).mtimeMs;
    expect(launch('validate', ['test/fixtures/good']).status).toBe(0);
    expect(statSync(bundle).mtimeMs).toBe(made);
    const inputs = JSON.parse(readFileSync(`${CACHE}/validate.inputs.json`, 'utf8')) as string[];
    expect(inputs).toContain('src/cli/validate.ts');
    writeFileSync(`${CACHE}/validate.inputs.json`, JSON.stringify([...inputs, 'src/cli/no-such-file.ts']));
    expect(launch('validate', ['test/fixtures/good']).status).toBe(0);
    expect(statSync(bundle).mtimeMs).toBeGreaterThan(made);
    expect(readFileSync(`${CACHE}/validate.inputs.json`, 'utf8')).not.toContain('no-such-file');
  }, 60000);

  it('refuses an unknown command', () => {
    const result = launch('format-disk', []);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('coverage');
  });
});
