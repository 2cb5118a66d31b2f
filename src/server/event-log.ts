/**
 * The sync server's append-only event log: one SQLite table (better-sqlite3), rows only
 * ever inserted. WAL with synchronous=FULL, so a transaction that has returned is on disk
 * (the WAL is fsynced at each commit) and survives a crash or SIGKILL: the server
 * acknowledges a change only after its `append` returns.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { GapEvent } from '../domain/gaps/history.ts';

export interface LoggedEvent {
  seq: number;
  event: GapEvent;
}

export class EventLog {
  private readonly db: Database.Database;
  private readonly insert: Database.Statement<[string, string, string, string, string]>;
  private readonly page: Database.Statement<[number, number], { seq: number; json: string }>;
  private readonly appendAll: (rows: { event: GapEvent; tokenOrg: string; at: string }[]) => number[];

  constructor(path: string) {
    mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS events (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        gap_id TEXT NOT NULL,
        json TEXT NOT NULL,
        token_org TEXT NOT NULL,
        received_at TEXT NOT NULL
      );
      CREATE TRIGGER IF NOT EXISTS events_no_update BEFORE UPDATE ON events BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
      CREATE TRIGGER IF NOT EXISTS events_no_delete BEFORE DELETE ON events BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
    `);
    this.insert = this.db.prepare('INSERT INTO events (id, gap_id, json, token_org, received_at) VALUES (?, ?, ?, ?, ?)');
    this.page = this.db.prepare('SELECT seq, json FROM events WHERE seq > ? ORDER BY seq LIMIT ?');
    this.appendAll = this.db.transaction((rows: { event: GapEvent; tokenOrg: string; at: string }[]) =>
      rows.map(({ event, tokenOrg, at }) => Number(this.insert.run(event.id, event.gapId, JSON.stringify(event), tokenOrg, at).lastInsertRowid)),
    );
  }

  /** Appends the events in one transaction, committed (fsynced) when this returns; their sequence numbers. */
  append(events: readonly GapEvent[], tokenOrg: string, at = new Date().toISOString()): number[] {
    return this.appendFrom(events.map((event) => ({ event, tokenOrg })), at);
  }

  /** `append` for events of several senders (`tokenOrg`: whose token sent each). */
  appendFrom(rows: readonly { event: GapEvent; tokenOrg: string }[], at = new Date().toISOString()): number[] {
    return this.appendAll(rows.map((row) => ({ ...row, at })));
  }

  /** Up to `limit` events after sequence number `after`, in order. */
  after(after: number, limit: number): LoggedEvent[] {
    return this.page.all(after, limit).map((row) => ({ seq: row.seq, event: JSON.parse(row.json) as GapEvent }));
  }

  /** Every event, in order. */
  *all(pageSize = 10_000): Generator<LoggedEvent> {
    for (let after = 0; ; ) {
      const rows = this.after(after, pageSize);
      yield* rows;
      if (rows.length < pageSize) return;
      after = (rows[rows.length - 1] as LoggedEvent).seq;
    }
  }

  /** The last sequence number (0 for an empty log). */
  head(): number {
    const row = this.db.prepare('SELECT MAX(seq) AS seq FROM events').get() as { seq: number | null };
    return row.seq ?? 0;
  }

  close(): void {
    this.db.close();
  }
}
