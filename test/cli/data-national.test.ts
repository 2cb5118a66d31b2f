// `npm run data -- --scale …`: the national-scale folder on disk is the generator's text, and
// the command never writes it into the committed data/ folder.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_SEED } from '../../src/synthesis/index.ts';
import { writeNationalDataset } from '../../src/synthesis/national.ts';

const out = mkdtempSync(join(tmpdir(), 'song-national-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

const data = (...args: string[]) => spawnSync('node', ['src/cli/launch.mjs', 'data', ...args], { encoding: 'utf8' });

describe('npm run data -- --scale', () => {
  it('writes the national generator’s files into --out', () => {
    const run = data('--scale', '0.001', '--out', out);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/900 hamlets .*100 schools, 100 towers/);
    const expected: Record<string, string> = {};
    writeNationalDataset({ seed: DEFAULT_SEED, scale: 0.001 }, (path, chunk) => {
      expected[path] = (expected[path] ?? '') + chunk;
    });
    for (const [path, text] of Object.entries(expected)) expect(readFileSync(join(out, path), 'utf8'), path).toBe(text);
  });

  it('needs --out and refuses the committed data folder', () => {
    for (const args of [['--scale', 'national'], ['--scale', 'national', '--out', 'data'], ['--scale', '0']]) {
      const run = data(...args);
      expect(run.status, args.join(' ')).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(/^data: --scale/);
    }
  });
});
