// Columns of user tables for formula evaluation (engine values, in row-id order), read column-at-a-time
// (one SELECT of one column, plucked: no row objects; text columns as JSON arrays) and kept in the connection's
// column cache.
import { sql } from 'kysely';
import { fromCellValue } from '../../../formulas';
import type { Value } from '../../../formulas';
import type { Executor } from '../../db/database';
import { sqlColumn, sqlTable, sqlTagColumn } from '../../db/ids';
import { prepared, sqliteOf, withConnection } from '../../db/raw';
import { decodeCell, ROW_ID, ROW_VERSION, userDb } from '../../db/user-tables';
import type { CellValue } from '../../../common';
import type { FieldMeta } from '../meta';
import { staticTypeOf } from '../formulas/engine';
import { columnCache, positionOf } from './column-cache';
import type { CachedColumn, TableColumns } from './column-cache';

export type TableFrame = TableColumns;

export function toValue(field: FieldMeta, cell: CellValue): Value {
  return fromCellValue(cell, staticTypeOf(field));
}

export const signatureOf = (f: FieldMeta): string => `${f.type}:${f.resultType ?? ''}`;

/** One column of a table, in row-id order, as plain values (SQL built by Kysely, run plucked). */
function pluck(db: Executor, tableId: string, column: string): unknown[] {
  const q = userDb(db).selectFrom(sqlTable(tableId)).select(column).orderBy(ROW_ID).compile();
  return prepared(sqliteOf(db), q.sql).pluck(true).all(...q.parameters);
}

/** Rows per JSON array of a text column: bounds the text SQLite builds at once. */
const TEXT_CHUNK = 65_536;

/**
 * A text column (text, date and select fields) as JSON arrays built by SQLite and parsed by V8, a chunk of rows
 * at a time: one value crosses into JavaScript per chunk instead of one per row, which is most of the cost of
 * reading strings. (Numbers are no faster this way: SQLite formats them slowly.) Anything JSON cannot hold (a
 * blob) is plucked instead.
 */
function pluckText(db: Executor, tableId: string, column: string, ids: Float64Array): unknown[] {
  const n = ids.length;
  const out = new Array<unknown>(n);
  for (let from = 0; from < n; from += TEXT_CHUNK) {
    const to = Math.min(n, from + TEXT_CHUNK);
    const rows = userDb(db)
      .selectFrom(sqlTable(tableId))
      .select(sql.ref(column).as('v'))
      .where(ROW_ID, '>=', ids[from] ?? 0)
      .where(ROW_ID, '<=', ids[to - 1] ?? 0)
      .orderBy(ROW_ID);
    const q = userDb(db).selectFrom(rows.as('r')).select(sql<string>`json_group_array(${sql.ref('r.v')})`.as('a')).compile();
    let chunk: unknown;
    try {
      chunk = JSON.parse(String(prepared(sqliteOf(db), q.sql).pluck(true).get(...q.parameters)));
    } catch {
      return pluck(db, tableId, column);
    }
    if (!Array.isArray(chunk) || chunk.length !== to - from) return pluck(db, tableId, column);
    for (let i = from; i < to; i++) out[i] = chunk[i - from];
  }
  return out;
}

/** One number from a one-value query (count, min or max of the row ids). */
function scalar(db: Executor, q: { sql: string; parameters: readonly unknown[] }): number {
  return Number(prepared(sqliteOf(db), q.sql).pluck(true).get(...q.parameters) ?? 0);
}

/**
 * Row ids of a table, ascending. Tables whose rows were never deleted hold exactly min…max: then count, min and
 * max (each answered from the b-tree without reading rows) give them, and the scan of every id is saved.
 */
function readIds(db: Executor, tableId: string): Float64Array {
  const t = userDb(db).selectFrom(sqlTable(tableId));
  const n = scalar(db, t.select((eb) => eb.fn.countAll().as('n')).compile());
  if (n === 0) return new Float64Array(0);
  const lo = scalar(db, t.select((eb) => eb.fn.min(ROW_ID).as('lo')).compile());
  const hi = scalar(db, t.select((eb) => eb.fn.max(ROW_ID).as('hi')).compile());
  if (hi - lo + 1 !== n) return Float64Array.from(pluck(db, tableId, ROW_ID) as number[]);
  const ids = new Float64Array(n);
  for (let i = 0; i < n; i++) ids[i] = lo + i;
  return ids;
}

/**
 * A formula column in one scan: the value, or an empty blob (never a stored value) where the row has a tag
 * (errors, booleans), so the tags are read only when there are any.
 */
function pluckFormula(db: Executor, tableId: string, fieldId: string): unknown[] {
  const [v, tag] = [sql.ref(sqlColumn(fieldId)), sql.ref(sqlTagColumn(fieldId))];
  const q = userDb(db).selectFrom(sqlTable(tableId)).select(sql<unknown>`iif(${tag} is null, ${v}, x'')`.as('v')).orderBy(ROW_ID).compile();
  return prepared(sqliteOf(db), q.sql).pluck(true).all(...q.parameters);
}

/** Non-null tags of a formula column (errors, booleans) with their values: few rows, read with their ids. */
function tags(db: Executor, tableId: string, fieldId: string): { id: number; value: unknown; tag: unknown }[] {
  const e = sqlTagColumn(fieldId);
  const q = userDb(db).selectFrom(sqlTable(tableId)).select([ROW_ID, sqlColumn(fieldId), e]).where(e, 'is not', null).compile();
  const rows = prepared(sqliteOf(db), q.sql).raw(true).all(...q.parameters) as [number, unknown, unknown][];
  return rows.map(([id, value, tag]) => ({ id: Number(id), value, tag }));
}

/** Text → engine value for a column of this type; dates share one object per distinct text. */
function textDecoder(type: ReturnType<typeof staticTypeOf>): (s: string) => Value {
  const memo = new Map<string, Value>();
  return (s) => {
    if (type !== 'date' && type !== 'mixed') return s;
    let v = memo.get(s);
    if (v === undefined) {
      v = fromCellValue(s, type);
      if (memo.size < 100_000) memo.set(s, v);
    }
    return v;
  };
}

/** Stored values (as SQLite answers them) of a data field → engine values, converted in place. */
function storedToValues(f: FieldMeta, raw: unknown[]): Value[] {
  const values = raw as Value[];
  const type = staticTypeOf(f);
  const fromText = textDecoder(type);
  for (let i = 0; i < raw.length; i++) {
    const v = raw[i];
    if (v === null || v === undefined) values[i] = null;
    else if (typeof v === 'number') values[i] = f.type === 'boolean' ? v === 1 : Number.isFinite(v) ? v : toValue(f, v);
    else if (typeof v === 'string') values[i] = type === 'text' ? v : fromText(v);
    else values[i] = toValue(f, decodeCell(f.type, v, null));
  }
  return values;
}

/** A formula column's stored values and tags → cells and engine values. */
function decodeFormula(db: Executor, tableId: string, frame: TableColumns, f: FieldMeta, raw: unknown[]): CachedColumn {
  const n = raw.length;
  const values = raw as Value[];
  const fromText = textDecoder(staticTypeOf(f));
  const cells = new Array<CellValue>(n);
  const valueOf = (c: CellValue): Value => (typeof c === 'string' ? fromText(c) : c === null || typeof c !== 'object' ? c : toValue(f, c));
  let tagged = false;
  for (let i = 0; i < n; i++) {
    const v = raw[i];
    if (typeof v === 'number') cells[i] = v; // values[i] is v already (values is raw)
    else if (v instanceof Uint8Array) {
      tagged = true;
      cells[i] = null;
      values[i] = null;
    } else {
      const c = decodeCell('formula', v, null);
      cells[i] = c;
      values[i] = valueOf(c);
    }
  }
  if (tagged) {
    for (const { id, value, tag } of tags(db, tableId, f.id)) {
      const i = positionOf(frame.ids, id);
      if (i < 0) continue;
      const c = decodeCell('formula', value, tag);
      cells[i] = c;
      values[i] = valueOf(c);
    }
  }
  return { signature: signatureOf(f), values, cells };
}

/** Stored values of one field → engine values (and cells for formula fields). */
function decodeColumn(db: Executor, tableId: string, frame: TableColumns, f: FieldMeta): CachedColumn {
  if (f.type === 'formula') return decodeFormula(db, tableId, frame, f, pluckFormula(db, tableId, f.id));
  const text = f.type === 'text' || f.type === 'date' || f.type === 'select';
  const raw = text ? pluckText(db, tableId, sqlColumn(f.id), frame.ids) : pluck(db, tableId, sqlColumn(f.id));
  return { signature: signatureOf(f), values: storedToValues(f, raw) };
}

/**
 * The columns of a table just filled with consecutive row ids from `firstId` (an import into a new table), as
 * they were written: the formulas that come next do not read them back. Call it after the table's last write
 * in the transaction; the entry is trusted once the transaction commits.
 */
export function adoptTable(db: Executor, tableId: string, firstId: number, fields: readonly FieldMeta[], stored: unknown[][]): void {
  const n = stored[0]?.length ?? 0;
  const ids = new Float64Array(n);
  for (let i = 0; i < n; i++) ids[i] = firstId + i;
  const e = columnCache(db).put(db, tableId, ids);
  fields.forEach((f, k) => {
    const raw = stored[k];
    if (f.type !== 'formula' && raw && raw.length === n) e.columns.set(f.id, { signature: signatureOf(f), values: storedToValues(f, raw) });
  });
  columnCache(db).trim();
}

export class Frames {
  /** Entries this evaluation uses (kept even if the cache drops them meanwhile). */
  private readonly frames = new Map<string, TableColumns>();
  constructor(
    private readonly db: Executor,
    private readonly fieldsById: ReadonlyMap<string, FieldMeta>,
  ) {}

  field(fieldId: string): FieldMeta | undefined {
    return this.fieldsById.get(fieldId);
  }

  async frame(tableId: string): Promise<TableFrame> {
    const mine = this.frames.get(tableId);
    if (mine) return mine;
    return withConnection(this.db, (conn) => {
      const cache = columnCache(conn);
      let e = cache.get(this.db, tableId);
      if (!e) {
        const ids = readIds(conn, tableId);
        e = cache.put(this.db, tableId, ids);
      }
      this.frames.set(tableId, e);
      return e;
    });
  }

  /** Row versions of a table (read once, then kept current with the entry). */
  async versions(tableId: string): Promise<Float64Array> {
    const frame = await this.frame(tableId);
    if (frame.versions && frame.versions.length === frame.ids.length) return frame.versions;
    const versions = await withConnection(this.db, (conn) => Float64Array.from(pluck(conn, tableId, ROW_VERSION) as number[]));
    frame.versions = versions;
    return versions;
  }

  /**
   * Makes sure the columns of these fields of a table are loaded: one plucked SELECT per column (reading several
   * columns in one scan needs an array per row, which costs more memory than the scans save).
   */
  async preload(tableId: string, fieldIds: readonly string[]): Promise<void> {
    for (const id of new Set(fieldIds)) await this.column(tableId, id);
  }

  /** The full column of a field. Unknown fields (trashed) read as blanks. */
  async column(tableId: string, fieldId: string): Promise<{ values: Value[]; cells: CellValue[] }> {
    const frame = await this.frame(tableId);
    const field = this.fieldsById.get(fieldId);
    if (!field || field.tableId !== tableId) {
      const blank = new Array<null>(frame.ids.length).fill(null);
      return { values: blank, cells: blank };
    }
    let col = frame.columns.get(fieldId);
    if (!col || col.signature !== signatureOf(field)) {
      const loaded = await withConnection(this.db, (conn) => decodeColumn(conn, tableId, frame, field));
      frame.columns.set(fieldId, loaded);
      columnCache(this.db).trim();
      col = loaded;
    }
    return { values: col.values, cells: col.cells ?? (col.values as CellValue[]) };
  }

  /** Values of a loaded column, for FormulaData.column (blanks when not loaded). */
  values(tableId: string, fieldId: string): readonly Value[] {
    const frame = this.frames.get(tableId);
    const col = frame?.columns.get(fieldId);
    if (col) return col.values;
    return new Array<null>(frame?.ids.length ?? 0).fill(null);
  }

  cached(tableId: string): TableFrame | undefined {
    return this.frames.get(tableId);
  }
}

/**
 * Puts a whole column just computed and written (a new formula field filled in chunks) into the cache entry of
 * its table, so the formula that reads it next does not read it back. Only when the entry still has exactly
 * these rows; inside a transaction the entry then waits for its commit, like any entry it changed.
 */
export function adoptColumn(db: Executor, tableId: string, ids: Float64Array, field: FieldMeta, cells: CellValue[]): void {
  const cache = columnCache(db);
  const e = cache.get(db, tableId);
  if (!e || e.ids.length !== ids.length || e.ids[0] !== ids[0] || e.ids[ids.length - 1] !== ids[ids.length - 1]) return;
  const values = new Array<Value>(cells.length);
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i] ?? null;
    values[i] = typeof c === 'number' ? c : toValue(field, c);
  }
  e.columns.set(field.id, { signature: signatureOf(field), values, cells });
  if (db.isTransaction) e.pending = db;
  cache.trim();
}

/** Patches cached columns after row cells were written (data fields or formula results). */
export function patchCells(
  e: TableColumns,
  fields: ReadonlyMap<string, FieldMeta>,
  rows: readonly { id: number; version?: number; cells: Readonly<Record<string, CellValue>> }[],
): boolean {
  for (const r of rows) {
    const i = positionOf(e.ids, r.id);
    if (i < 0) return false;
    if (r.version !== undefined && e.versions) e.versions[i] = r.version;
    for (const [fieldId, cell] of Object.entries(r.cells)) {
      const col = e.columns.get(fieldId);
      const f = fields.get(fieldId);
      if (!col) continue;
      if (!f || col.signature !== signatureOf(f)) {
        e.columns.delete(fieldId);
        continue;
      }
      col.values[i] = toValue(f, cell);
      if (col.cells) col.cells[i] = cell;
    }
  }
  return true;
}
