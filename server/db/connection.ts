// Opens the embedded SQLite database: WAL, synced on every commit, foreign keys, busy timeout.
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from './database';
import { registerSqlite } from './raw';

export interface Connection {
  db: Kysely<Database>;
  sqlite: SQLite.Database;
}

export function openSqlite(file: string): Connection {
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // A commit that answered must survive a power cut (README "Durability"). In WAL mode NORMAL syncs only at
  // checkpoints; FULL syncs the log on each commit: one fsync per edit (~4 ms on the benchmark VM's disk).
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('cache_size = -65536');
  const slowMs = Number(process.env.SEGSHEET_LOG_SLOW_MS ?? 0);
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: sqlite }),
    ...(slowMs > 0
      ? {
          log: (event) => {
            if (event.queryDurationMillis >= slowMs) console.log(`[sql ${event.queryDurationMillis.toFixed(1)} ms] ${event.query.sql.slice(0, 160)}`);
          },
        }
      : {}),
  });
  registerSqlite(db, sqlite);
  return { db, sqlite };
}

/**
 * A read-only connection to the same file for requests that only read (grid pages, the table list, health).
 * WAL lets it read what is committed while the app's connection is inside a long transaction (a 1M-row import
 * commit holds it for seconds): those reads no longer wait for it.
 */
export function openReader(file: string): Connection {
  const sqlite = new SQLite(file, { readonly: true, fileMustExist: true });
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('cache_size = -32768');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  registerSqlite(db, sqlite);
  return { db, sqlite };
}
