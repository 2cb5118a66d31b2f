/**
 * `npm run sync-server -- --data <folder> --tokens <tokens.json> [--port 8787] [--host 127.0.0.1] [--db <file>]`
 *
 * Starts the shared register's sync server: loads the data folder with the importer's own
 * checks (to know each gap's network), the tokens file (tokens.ts), and the event log
 * (default `<data>/.sync/register.sqlite`), then serves WebSocket on host:port until
 * SIGINT/SIGTERM. One line on stdout once listening; problems on stderr, exit 1.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fsReason } from '../cli/folder.ts';
import { loadDataFolder, readOptions, runAsMain, type CommandIo } from '../cli/json-command.ts';
import { plannedNetworks } from '../domain/gaps/network.ts';
import { startSyncServer } from './sync-server.ts';
import { Tokens } from './tokens.ts';

const USAGE = 'usage: npm run sync-server -- --data <folder> --tokens <tokens.json> [--port 8787] [--host 127.0.0.1] [--db <file>]';
const OPTIONS = ['--data', '--tokens', '--port', '--host', '--db'] as const;

export async function runSyncServer(argv: readonly string[], io: CommandIo): Promise<number> {
  const read = readOptions(argv, OPTIONS);
  if (read === 'help') {
    io.out(USAGE);
    return 0;
  }
  const { given, problems } = read;
  if (given['--data'] === undefined) problems.push('missing --data <folder>');
  if (given['--tokens'] === undefined) problems.push('missing --tokens <tokens.json>');
  const port = Number(given['--port'] ?? '8787');
  if (!Number.isInteger(port) || port < 0 || port > 65535) problems.push(`--port ${JSON.stringify(given['--port'])} is not a port number`);
  if (problems.length > 0) {
    for (const p of problems) io.err(`error: ${p}`);
    io.err(USAGE);
    return 1;
  }
  const data = given['--data'] as string;
  const tokensPath = given['--tokens'] as string;
  let tokensValue: unknown;
  try {
    tokensValue = JSON.parse(readFileSync(tokensPath, 'utf8'));
  } catch (error) {
    io.err(`error: --tokens ${tokensPath}: ${error instanceof SyntaxError ? `not JSON: ${error.message}` : fsReason(error)}`);
    return 1;
  }
  const tokens = Tokens.read(tokensValue);
  if (Array.isArray(tokens)) {
    for (const p of tokens) io.err(`error: --tokens ${tokensPath}: ${p}`);
    return 1;
  }
  const dataset = loadDataFolder(data, io);
  if (dataset === undefined) return 1;
  const networks = plannedNetworks(dataset);
  const towerOperators = new Set(dataset.towers.map((t) => t.operator));
  for (const operator of tokens.operators()) {
    if (!towerOperators.has(operator)) io.err(`warning: --tokens: no tower of the operator "${operator}" in ${data}: its partner can change only gaps assigned to it`);
  }
  const dbPath = given['--db'] ?? join(data, '.sync', 'register.sqlite');
  try {
    const server = await startSyncServer({ dbPath, tokens, networks, host: given['--host'] ?? '127.0.0.1', port });
    io.out(`sync server listening on ws://${server.host}:${server.port} (${server.size()} changes in ${dbPath}, ${networks.size} gaps with a network)`);
    const stop = () => void server.close().then(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    return 0;
  } catch (error) {
    io.err(`error: cannot start the sync server: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

await runAsMain(import.meta.url, runSyncServer);
