// `npm test`: every check in one run, ending with the plain line CI reads:
// "N passed, N failed" (typecheck, lint and build count as one test each).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { browserPath } from './browser/chromium.mjs';

const bin = (name) => `node_modules/.bin/${name}`;
const requireBrowser = process.env.REQUIRE_BROWSER_TESTS === '1';
let passed = 0;
let failed = 0;
let skipped = 0;
const lines = [];

function run(title, command, args) {
  console.log(`\n=== ${title}: ${command} ${args.join(' ')}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  return { ok: result.status === 0, seconds };
}

/** Steps run at once, each one's output printed whole when it ends, then counted in the given order. */
async function together(steps) {
  const started = Date.now();
  const results = await Promise.all(
    steps.map(
      ([title, command, args]) =>
        new Promise((resolve) => {
          const child = spawn(command, args, { env: process.env });
          let output = '';
          child.stdout.on('data', (d) => (output += d));
          child.stderr.on('data', (d) => (output += d));
          let ended = false;
          const done = (ok) => {
            if (ended) return;
            ended = true;
            const seconds = ((Date.now() - started) / 1000).toFixed(1);
            console.log(`\n=== ${title}: ${command} ${args.join(' ')}\n${output}`);
            resolve({ title, ok, seconds });
          };
          child.on('error', (error) => {
            output += String(error);
            done(false);
          });
          child.on('close', (code) => done(code === 0));
        }),
    ),
  );
  for (const { title, ok, seconds } of results) {
    if (ok) passed++;
    else failed++;
    lines.push(`${ok ? 'ok  ' : 'FAIL'} ${title} (${seconds} s)`);
  }
}

function step(title, command, args) {
  const { ok, seconds } = run(title, command, args);
  if (ok) passed++;
  else failed++;
  lines.push(`${ok ? 'ok  ' : 'FAIL'} ${title} (${seconds} s)`);
  return ok;
}

function suite(title, report, projects) {
  rmSync(report, { force: true });
  const { ok, seconds } = run(title, bin('vitest'), [
    'run',
    ...projects.flatMap((project) => ['--project', project]),
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
  ]);
  if (!existsSync(report)) {
    failed++;
    lines.push(`FAIL ${title}: no report (${seconds} s)`);
    return;
  }
  const json = JSON.parse(readFileSync(report, 'utf8'));
  const p = json.numPassedTests;
  const f = json.numFailedTests + (ok || json.numFailedTests > 0 ? 0 : 1);
  const s = json.numPendingTests + json.numTodoTests;
  passed += p;
  failed += f;
  skipped += s;
  lines.push(`${f === 0 ? 'ok  ' : 'FAIL'} ${title}: ${p} passed, ${f} failed, ${s} skipped (${seconds} s)`);
  lines.push(...failures(json));
}

// CI keeps only the end of the output: each failed test's name and the start of its message go
// into the closing lines, so that a failure there can be read without the full log.
function failures(json) {
  const escape = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');
  const plain = (text) => text.replace(escape, '');
  return json.testResults.flatMap((file) =>
    file.assertionResults
      .filter((test) => test.status === 'failed')
      .map((test) => {
        const message = plain(test.failureMessages?.[0] ?? '').split('\n').slice(0, 12).join('\n       ');
        return `  ✗ ${file.name.replace(`${process.cwd()}/`, '')} › ${test.fullName}\n       ${message.slice(0, 1500)}`;
      }),
  );
}

mkdirSync('test-results', { recursive: true });
// Typecheck and lint are one process each: side by side 40 s, one after the other 49 s
// (measured on the same day here).
await together([
  ['typecheck', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']],
  ['lint', bin('eslint'), ['--max-warnings', '0', '.']],
]);
suite('unit tests', 'test-results/unit.json', ['unit', 'unit-isolated']);
const built = step('production build', bin('vite'), ['build', '--logLevel', 'warn']);

const chromium = browserPath();
if (!chromium) {
  const banner = [
    '!'.repeat(78),
    '!! No Chromium found (looked for $CHROMIUM_PATH, /usr/bin/chromium).',
    requireBrowser
      ? '!! REQUIRE_BROWSER_TESTS=1: the browser tests are mandatory here, so this FAILS.'
      : '!! The browser tests are SKIPPED. Install it: apt-get install -y chromium (or run .ci/run).',
    '!'.repeat(78),
  ];
  console.log(`\n${banner.join('\n')}`);
  lines.push(requireBrowser ? 'FAIL browser tests: no Chromium' : 'SKIP browser tests: no Chromium');
  if (requireBrowser) failed++;
  else skipped++;
} else if (!built) {
  failed++;
  lines.push('FAIL browser tests: the build failed');
} else {
  suite('browser tests', 'test-results/browser.json', ['browser']);
}

console.log(`\n${lines.join('\n')}`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed === 0 ? 0 : 1);
