// Reads and writes of user-table rows (t_<id>), all through Kysely with generated identifiers.
import { CompiledQuery, sql } from 'kysely';
import type { RawBuilder } from 'kysely';
import type { Executor } from '../../db/database';
import { sqlColumn, sqlTable, sqlTagColumn } from '../../db/ids';
import { decodeCell, encodeCell, ROW_ID, ROW_VERSION, userDb } from '../../db/user-tables';
import type { SqlValue, UserRecord } from '../../db/user-tables';
import type { CellValue, Row } from '../../../common';
import type { FieldMeta } from '../meta';

/** SQLite allows 32,766 bound values per statement. */
const MAX_PARAMS = 30_000;
const SAFE_COLUMN = /^(id|_version|[ce]_[a-z][a-z0-9]{1,40})$/;

export function selectColumns(fields: readonly FieldMeta[]): string[] {
  const cols = [ROW_ID, ROW_VERSION];
  for (const f of fields) {
    cols.push(sqlColumn(f.id));
    if (f.type === 'formula') cols.push(sqlTagColumn(f.id));
  }
  return cols;
}

export function decodeRow(fields: readonly FieldMeta[], r: Record<string, unknown>): Row {
  const cells: Record<string, CellValue> = {};
  for (const f of fields) cells[f.id] = decodeCell(f.type, r[sqlColumn(f.id)], f.type === 'formula' ? r[sqlTagColumn(f.id)] : null);
  return { id: String(r[ROW_ID]), version: Number(r[ROW_VERSION]), cells };
}

export interface PageQuery {
  where?: RawBuilder<boolean>;
  order?: RawBuilder<unknown>;
  offset?: number;
  limit?: number;
}

export async function readRows(db: Executor, tableId: string, fields: readonly FieldMeta[], q: PageQuery): Promise<Row[]> {
  let query = userDb(db).selectFrom(sqlTable(tableId)).select(selectColumns(fields));
  if (q.where) query = query.where(q.where);
  query = q.order ? query.orderBy(q.order) : query.orderBy(ROW_ID);
  if (q.limit !== undefined) query = query.limit(q.limit).offset(q.offset ?? 0);
  const rows = await query.execute();
  return rows.map((r) => decodeRow(fields, r));
}

export async function countRows(db: Executor, tableId: string, where?: RawBuilder<boolean>): Promise<number> {
  let query = userDb(db).selectFrom(sqlTable(tableId)).select(sql<number>`count(*)`.as('n'));
  if (where) query = query.where(where);
  const r = await query.executeTakeFirst();
  return Number(r?.n ?? 0);
}

/** Rows by id (missing ids are absent from the map). */
export async function readRowsById(db: Executor, tableId: string, fields: readonly FieldMeta[], ids: readonly number[]): Promise<Map<number, Row>> {
  const out = new Map<number, Row>();
  const chunk = 10_000;
  for (let i = 0; i < ids.length; i += chunk) {
    const part = ids.slice(i, i + chunk);
    const rows = await userDb(db).selectFrom(sqlTable(tableId)).select(selectColumns(fields)).where(ROW_ID, 'in', part).execute();
    for (const r of rows) out.set(Number(r[ROW_ID]), decodeRow(fields, r));
  }
  return out;
}

export function encodeCells(fields: ReadonlyMap<string, FieldMeta>, cells: Readonly<Record<string, CellValue>>): UserRecord {
  const rec: UserRecord = {};
  for (const [fieldId, value] of Object.entries(cells)) {
    const f = fields.get(fieldId);
    if (!f) continue;
    const [v, tag] = encodeCell(f.type, value);
    rec[sqlColumn(f.id)] = v;
    if (f.type === 'formula') rec[sqlTagColumn(f.id)] = tag;
  }
  return rec;
}

/** Inserts rows (with their ids when given: undo of a delete). Answers the new ids in order. */
export async function insertRows(db: Executor, tableId: string, records: readonly UserRecord[]): Promise<number[]> {
  const ids: number[] = [];
  if (records.length === 0) return ids;
  const columns = new Set<string>();
  for (const r of records) for (const k of Object.keys(r)) columns.add(k);
  const cols = [...columns];
  for (const c of cols) if (!SAFE_COLUMN.test(c)) throw new Error(`Unsafe column name: ${JSON.stringify(c)}`);
  const perStatement = Math.max(1, Math.floor(MAX_PARAMS / Math.max(1, cols.length)));
  for (let i = 0; i < records.length; i += perStatement) {
    const part = records.slice(i, i + perStatement);
    if (cols.length === 0) {
      for (const _ of part) {
        const res = await userDb(db).insertInto(sqlTable(tableId)).defaultValues().returning(ROW_ID).executeTakeFirstOrThrow();
        ids.push(Number(res[ROW_ID]));
      }
      continue;
    }
    // One prepared text per chunk size, built from generated identifiers only; every value is bound.
    const tuple = `(${cols.map(() => '?').join(',')})`;
    const text = `insert into "${sqlTable(tableId)}" (${cols.map((c) => `"${c}"`).join(',')}) values ${Array.from({ length: part.length }, () => tuple).join(',')} returning "${ROW_ID}"`;
    const params: SqlValue[] = [];
    for (const r of part) for (const c of cols) params.push(r[c] ?? null);
    const res = await db.executeQuery<Record<string, unknown>>(CompiledQuery.raw(text, params));
    for (const r of res.rows) ids.push(Number(r[ROW_ID]));
  }
  return ids;
}

/** Writes stored values into one row and bumps its version. Answers the new version. */
export async function updateRow(db: Executor, tableId: string, rowId: number, rec: UserRecord): Promise<number> {
  const set: Record<string, SqlValue | RawBuilder<number>> = { ...rec, [ROW_VERSION]: sql<number>`${sql.ref(ROW_VERSION)} + 1` };
  const res = await userDb(db)
    .updateTable(sqlTable(tableId))
    .set(set)
    .where(ROW_ID, '=', rowId)
    .returning(ROW_VERSION)
    .executeTakeFirst();
  return Number(res?.[ROW_VERSION] ?? 0);
}

export async function deleteRowsById(db: Executor, tableId: string, ids: readonly number[]): Promise<void> {
  const chunk = 10_000;
  for (let i = 0; i < ids.length; i += chunk) {
    await userDb(db).deleteFrom(sqlTable(tableId)).where(ROW_ID, 'in', ids.slice(i, i + chunk)).execute();
  }
}
