// Where an export reads: its own read-only connection to the database file, inside one read transaction, so the
// table's metadata, the row count and every row come from one committed snapshot (WAL lets the app's connection
// keep writing meanwhile) and a long export never holds the app's only connection. A database with no file (in
// memory) cannot be opened twice: then the app's connection is held for the export instead.
import { existsSync } from 'node:fs';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database, Executor } from '../../db/database';
import { sqliteOf, withConnection } from '../../db/raw';
import { decodeCell } from '../../db/user-tables';
import type { CellValue } from '../../../common';
import type { FieldMeta } from '../meta';

export interface ExportSource {
  /** Reads on the export's snapshot (metadata, counts). */
  readonly db: Executor;
  readonly sqlite: SQLite.Database;
  close(): void;
}

function openSnapshot(dbFile: string): ExportSource {
  const sqlite = new SQLite(dbFile, { readonly: true, fileMustExist: true });
  try {
    sqlite.pragma('busy_timeout = 5000');
    // Deferred: the snapshot is taken by the first read and kept until the connection closes.
    sqlite.exec('BEGIN');
  } catch (error) {
    sqlite.close();
    throw error;
  }
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, sqlite, close: () => sqlite.close() };
}

function holdAppConnection(db: Executor): Promise<ExportSource> {
  return new Promise((resolve, reject) => {
    withConnection(db, (conn) => new Promise<void>((release) => resolve({ db: conn, sqlite: sqliteOf(conn), close: release }))).catch(reject);
  });
}

export async function openExportSource(appDb: Executor, dbFile: string): Promise<ExportSource> {
  const source = dbFile !== '' && dbFile !== ':memory:' && existsSync(dbFile) ? openSnapshot(dbFile) : await holdAppConnection(appDb);
  let closed = false;
  return {
    ...source,
    close() {
      if (closed) return;
      closed = true;
      source.close();
    },
  };
}

/** Most rows, and longest time, one slice may take before the event loop gets a turn. */
const SLICE_ROWS = 5000;
const SLICE_MS = 10;
/**
 * A client that stays connected but stops reading for this long loses its export: its open snapshot would
 * otherwise keep the WAL from being checkpointed for as long as the socket lives.
 */
export const STALLED_EXPORT_MS = 10 * 60_000;

/**
 * The selected rows of a compiled query, decoded into one reused array, read a slice at a time. Owns the source:
 * closes it after the last row, on close(), and on a failed read.
 */
export class RowCursor {
  private readonly rows: IterableIterator<unknown[]>;
  /** Position of each field's value (and tag) in the selected columns: id, _version, then c_ (+ e_ for formulas). */
  private readonly at: number[] = [];
  private readonly cells: CellValue[];
  private open = true;
  private stalled = false;
  private readonly watchdog: NodeJS.Timeout;

  constructor(
    private readonly source: ExportSource,
    compiled: { sql: string; parameters: readonly unknown[] },
    private readonly fields: readonly FieldMeta[],
    stalledAfterMs = STALLED_EXPORT_MS,
  ) {
    this.watchdog = setTimeout(() => {
      this.stalled = true;
      this.close();
    }, stalledAfterMs);
    this.watchdog.unref();
    let k = 2;
    for (const f of fields) {
      this.at.push(k);
      k += f.type === 'formula' ? 2 : 1;
    }
    this.cells = new Array<CellValue>(fields.length).fill(null);
    this.rows = source.sqlite.prepare(compiled.sql).raw(true).iterate(compiled.parameters) as IterableIterator<unknown[]>;
  }

  get closed(): boolean {
    return !this.open;
  }

  /** Visits the next slice of rows; false once there are no more (or the cursor was closed). */
  readSlice(visit: (cells: readonly CellValue[]) => void): boolean {
    // A cut-short file must not look complete: the stream fails instead of ending.
    if (this.stalled) throw new Error('export stopped: the client read nothing for too long');
    if (!this.open) return false;
    this.watchdog.refresh();
    const started = performance.now();
    try {
      for (let n = 1; ; n++) {
        const next = this.rows.next();
        if (next.done) {
          this.close();
          return false;
        }
        this.decode(next.value);
        visit(this.cells);
        if (n >= SLICE_ROWS || (n % 64 === 0 && performance.now() - started > SLICE_MS)) return true;
      }
    } catch (error) {
      this.close();
      throw error;
    }
  }

  close(): void {
    if (!this.open) return;
    this.open = false;
    clearTimeout(this.watchdog);
    try {
      this.rows.return?.();
    } finally {
      this.source.close();
    }
  }

  private decode(row: unknown[]): void {
    for (let i = 0; i < this.fields.length; i++) {
      const f = this.fields[i];
      const p = this.at[i] ?? 0;
      if (f) this.cells[i] = decodeCell(f.type, row[p], f.type === 'formula' ? row[p + 1] : null);
    }
  }
}
