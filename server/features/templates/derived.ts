// A customer table derived from an orders table ("from transactions"): one row per distinct customer among
// the orders, kept in sync whenever the orders change (called from the recompute path).
import { sql } from 'kysely';
import type { Executor } from '../../db/database';
import { sqlColumn, sqlTable } from '../../db/ids';
import { userDb } from '../../db/user-tables';
import type { CellValue } from '../../wire';
import { findTable } from '../meta';
import type { ChangeCollector } from '../recompute/changes';

export interface DerivedLink {
  ordersTableId: string;
  /** Orders field whose distinct non-blank values are the customers (the customer field, or `_included`). */
  sourceFieldId: string;
  customerTableId: string;
  targetFieldId: string;
}

const key = (ordersTableId: string): string => `derived:${ordersTableId}`;

export async function readLink(db: Executor, ordersTableId: string): Promise<DerivedLink | undefined> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', key(ordersTableId)).executeTakeFirst();
  return row ? (JSON.parse(row.value) as DerivedLink) : undefined;
}

export async function saveLink(db: Executor, link: DerivedLink): Promise<void> {
  const value = JSON.stringify(link);
  await db
    .insertInto('settings')
    .values({ key: key(link.ordersTableId), value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}

type Apply = {
  insert: (db: Executor, tableId: string, rows: { cells: Record<string, CellValue> }[], collector: ChangeCollector) => Promise<number[]>;
  remove: (db: Executor, tableId: string, ids: string[], collector: ChangeCollector) => Promise<void>;
};

/** Adds customers that appeared among the orders and removes those that no longer appear. */
export async function syncDerived(db: Executor, ordersTableId: string, collector: ChangeCollector, apply: Apply): Promise<void> {
  const link = await readLink(db, ordersTableId);
  if (!link || !(await findTable(db, link.customerTableId)) || !(await findTable(db, ordersTableId))) return;
  const src = sql.ref(sqlColumn(link.sourceFieldId));
  const source = await sql<{ v: string | number }>`select distinct ${src} as v from ${sql.table(sqlTable(ordersTableId))} where ${src} is not null and ${src} <> ''`.execute(userDb(db));
  const target = sqlColumn(link.targetFieldId);
  const existing = await userDb(db).selectFrom(sqlTable(link.customerTableId)).select(['id', target]).execute();
  const norm = (v: unknown): string => (typeof v === 'number' ? `n:${v}` : `s:${String(v)}`);
  const want = new Map(source.rows.map((r) => [norm(r.v), r.v]));
  const have = new Set<string>();
  const gone: string[] = [];
  for (const r of existing) {
    const k = norm(r[target]);
    if (want.has(k) && !have.has(k)) have.add(k);
    else gone.push(String(r.id));
  }
  const added = [...want].filter(([k]) => !have.has(k)).map(([, v]) => ({ cells: { [link.targetFieldId]: v } }));
  if (gone.length > 0) await apply.remove(db, link.customerTableId, gone, collector);
  if (added.length > 0) await apply.insert(db, link.customerTableId, added, collector);
}
