// Shared by the sync server tests and the load bench: tokens, a child-process server on
// loopback, a raw WebSocket conversation, and valid chains of events.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import type { GapEvent } from '../../src/domain/gaps/history.ts';
import type { ServerMessage } from '../../src/domain/gaps/sync-protocol.ts';

export const PROVINCE_TOKEN = 'province-token-4f1c9a7e2b6d8035';
export const VIETTEL_TOKEN = 'viettel-token-9b2e7c4a1f3d6085';
export const VNPT_TOKEN = 'vnpt-token-1a7f3c9e5b2d4068aa';
export const PROVINCE = { org: 'Sở TT&TT Cà Mau', role: 'province' as const };
export const VIETTEL = { org: 'Viettel Cà Mau', role: 'partner' as const };

export const TOKENS = {
  [PROVINCE_TOKEN]: { organisation: PROVINCE.org },
  [VIETTEL_TOKEN]: { organisation: VIETTEL.org, operator: 'Viettel' },
  [VNPT_TOKEN]: { organisation: 'VNPT Cà Mau', operator: 'VNPT' },
};

/** A fresh folder with tokens.json; the log goes in it too. */
export function workFolder(): { dir: string; tokens: string; db: string } {
  const dir = mkdtempSync(join(tmpdir(), 'song-sync-'));
  const tokens = join(dir, 'tokens.json');
  writeFileSync(tokens, JSON.stringify(TOKENS));
  return { dir, tokens, db: join(dir, 'register.sqlite') };
}

export interface ChildServer {
  child: ChildProcess;
  url: string;
  /** Resolves when the process has exited. */
  exited: Promise<void>;
}

/** `npm run sync-server` as a child process on 127.0.0.1 and a free port (the same entry point, without npm). */
export function startChildServer(folder: { tokens: string; db: string }, port = 0): Promise<ChildServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts', '--data', 'data', '--tokens', folder.tokens, '--db', folder.db, '--host', '127.0.0.1', '--port', String(port)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (ws:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (match) resolve({ child, url: match[1] as string, exited });
    });
    child.once('exit', (code) => reject(new Error(`the sync server exited (${code}) before listening: ${err}`)));
  });
}

/** A raw protocol conversation: every message received, in order. */
export class RawClient {
  readonly messages: ServerMessage[] = [];
  readonly socket: WebSocket;
  closeCode: number | undefined;
  private waiters: (() => void)[] = [];

  constructor(url: string) {
    this.socket = new WebSocket(url);
    this.socket.on('message', (data) => {
      this.messages.push(JSON.parse(data.toString()) as ServerMessage);
      for (const w of this.waiters.splice(0)) w();
    });
    this.socket.on('close', (code) => {
      this.closeCode = code;
      for (const w of this.waiters.splice(0)) w();
    });
  }

  opened(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.socket.once('open', () => resolve());
      this.socket.once('error', reject);
    });
  }

  send(message: unknown): void {
    this.socket.send(JSON.stringify(message));
  }

  /** Waits until `test` holds of the messages (or the socket closed), 10 s at most. */
  async until<T>(test: (messages: ServerMessage[]) => T | undefined): Promise<T> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const found = test(this.messages);
      if (found !== undefined) return found;
      if (this.closeCode !== undefined) throw new Error(`closed (${this.closeCode}) while waiting`);
      if (Date.now() > deadline) throw new Error(`timed out waiting; got ${JSON.stringify(this.messages).slice(0, 500)}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 200);
      });
    }
  }

  ack(ref: number) {
    return this.until((ms) => ms.find((m): m is Extract<ServerMessage, { type: 'ack' }> => m.type === 'ack' && m.ref === ref));
  }

  close(): void {
    this.socket.terminate();
  }
}

/** Events the server has sent (catch-up and live), in order. */
export function received(messages: readonly ServerMessage[]): GapEvent[] {
  return messages.flatMap((m) => (m.type === 'events' ? m.events : []));
}

/** A valid chain on one gap: assigned, in progress, resolved, reopened, assigned… `length` events. */
export function chain(gapId: string, length: number, prefix: string, signer: { org: string; role: 'province' | 'partner' } = PROVINCE, operator = 'Viettel'): GapEvent[] {
  const steps: Pick<GapEvent, 'status' | 'operator'>[] = [{ status: 'assigned', operator }, { status: 'in_progress' }, { status: 'resolved' }, { status: 'open' }];
  const out: GapEvent[] = [];
  for (let k = 0; k < length; k++) {
    const step = steps[k % steps.length] as Pick<GapEvent, 'status' | 'operator'>;
    const event: GapEvent = { id: `${prefix}-${String(k).padStart(6, '0')}`, gapId, ...step, date: '2025-06-01', ...signer };
    const parent = out[k - 1];
    if (parent !== undefined) event.parent = parent.id;
    out.push(event);
  }
  return out;
}
