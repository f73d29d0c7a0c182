// A customer table derived from an orders table ("from transactions"): one row per distinct customer among
// the orders, kept in sync whenever the orders change (called from the recompute path).
import { sql } from 'kysely';
import type { Executor } from '../../db/database';
import { sqlColumn, sqlTable } from '../../db/ids';
import { userDb } from '../../db/user-tables';
import type { CellValue } from '../../wire';
import { findTable, listFields } from '../meta';
import { besideColumns } from '../recompute/column-cache';
import { Frames } from '../recompute/frames';
import type { ChangeCollector } from '../recompute/changes';

export interface DerivedLink {
  ordersTableId: string;
  /** Orders field whose distinct non-blank values are the customers (the customer field, or `_included`). */
  sourceFieldId: string;
  customerTableId: string;
  targetFieldId: string;
  /** What the customer table was made from: the order inputs (input → field id) and the row condition. */
  mapping?: Record<string, string>;
  rows?: string;
}

const key = (ordersTableId: string): string => `derived:${ordersTableId}`;

/** The customer tables made from an orders table (several when made with different mappings or conditions). */
export async function readLinks(db: Executor, ordersTableId: string): Promise<DerivedLink[]> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', key(ordersTableId)).executeTakeFirst();
  if (!row) return [];
  const value = JSON.parse(row.value) as DerivedLink | DerivedLink[];
  return Array.isArray(value) ? value : [value];
}

/** Adds a link, or replaces the one of the same customer table. */
export async function saveLink(db: Executor, link: DerivedLink): Promise<void> {
  const links = [...(await readLinks(db, link.ordersTableId)).filter((l) => l.customerTableId !== link.customerTableId), link];
  const value = JSON.stringify(links);
  // A setting, not rows: the columns cached for the orders (read again by the summary formulas) stay valid.
  await besideColumns(db, () =>
    db
      .insertInto('settings')
      .values({ key: key(link.ordersTableId), value })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
      .execute(),
  );
}

/** The live customer table made from these orders with this mapping and row condition, if any (to reuse it). */
export async function findLink(db: Executor, ordersTableId: string, mapping: Record<string, string>, rows: string): Promise<DerivedLink | undefined> {
  const same = (a: Record<string, string>, b: Record<string, string>): boolean =>
    Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([k, v]) => b[k] === v);
  for (const link of (await readLinks(db, ordersTableId)).reverse()) {
    if ((link.rows ?? '') !== rows || !same(link.mapping ?? {}, mapping)) continue;
    if (await findTable(db, link.customerTableId)) return link;
  }
  return undefined;
}

type Apply = {
  insert: (db: Executor, tableId: string, rows: { cells: Record<string, CellValue> }[], collector: ChangeCollector) => Promise<number[]>;
  remove: (db: Executor, tableId: string, ids: string[], collector: ChangeCollector) => Promise<void>;
};

/** Adds customers that appeared among the orders and removes those that no longer appear. */
export async function syncDerived(db: Executor, ordersTableId: string, collector: ChangeCollector, apply: Apply): Promise<void> {
  const links = await readLinks(db, ordersTableId);
  if (links.length === 0 || !(await findTable(db, ordersTableId))) return;
  for (const link of links) if (await findTable(db, link.customerTableId)) await syncLink(db, link, collector, apply);
}

/** The distinct non-blank values of the source field, in order of first appearance. */
async function sourceValues(db: Executor, link: DerivedLink): Promise<(string | number)[]> {
  const field = (await listFields(db, link.ordersTableId)).find((f) => f.id === link.sourceFieldId);
  if (field && (field.type === 'number' || field.type === 'text' || field.type === 'formula')) {
    // Through the column cache: the formulas over these orders read the same column (a SELECT DISTINCT over
    // every order would cost more than reading it, and read it once more).
    const { cells } = await new Frames(db, new Map([[field.id, field]])).column(link.ordersTableId, field.id);
    const seen = new Set<string | number>();
    for (const c of cells) if (typeof c === 'number' || (typeof c === 'string' && c !== '')) seen.add(c);
    return [...seen];
  }
  const src = sql.ref(sqlColumn(link.sourceFieldId));
  const source = await sql<{ v: string | number }>`select distinct ${src} as v from ${sql.table(sqlTable(link.ordersTableId))} where ${src} is not null and ${src} <> ''`.execute(userDb(db));
  return source.rows.map((r) => r.v);
}

async function syncLink(db: Executor, link: DerivedLink, collector: ChangeCollector, apply: Apply): Promise<void> {
  const source = await sourceValues(db, link);
  const target = sqlColumn(link.targetFieldId);
  const existing = await userDb(db).selectFrom(sqlTable(link.customerTableId)).select(['id', target]).execute();
  const norm = (v: unknown): string => (typeof v === 'number' ? `n:${v}` : `s:${String(v)}`);
  const want = new Map(source.map((v) => [norm(v), v]));
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
