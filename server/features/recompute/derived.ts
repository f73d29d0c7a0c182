// A customer table derived from an orders table ("from transactions"): one row per distinct customer among
// the orders. The recompute path keeps it in sync: after the formulas of a write are evaluated, customers that
// appeared among the orders are added and those that no longer appear are removed, then the customer table is
// recomputed for the rows that came and went.
import { sql } from 'kysely';
import type { Executor } from '../../db/database';
import { sqlColumn, sqlTable } from '../../db/ids';
import { userDb } from '../../db/user-tables';
import { findTable, listFields } from '../meta';
import { deleteRowsById, encodeCells, insertRows } from '../rows/rows.repository';
import type { ChangeCollector } from './changes';
import { besideColumns, withTableWrite } from './column-cache';
import { Frames } from './frames';

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

/** The customer tables made from these orders tables (several when made with different mappings or conditions). */
async function linksOf(db: Executor, ordersTableIds: readonly string[]): Promise<DerivedLink[]> {
  if (ordersTableIds.length === 0) return [];
  const rows = await db.selectFrom('settings').select('value').where('key', 'in', ordersTableIds.map(key)).execute();
  return rows.flatMap((row) => {
    const value = JSON.parse(row.value) as DerivedLink | DerivedLink[];
    return Array.isArray(value) ? value : [value];
  });
}

export function readLinks(db: Executor, ordersTableId: string): Promise<DerivedLink[]> {
  return linksOf(db, [ordersTableId]);
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

/** Rows of a customer table that came (new customers) or went (customers no longer among the orders). */
export interface DerivedRowsChange {
  tableId: string;
  fieldIds: string[];
  rowIds: number[];
  inserted?: boolean;
  deleted?: boolean;
}

/**
 * Brings the customer tables made from these orders tables up to date (`changed` says which links' source
 * column may have changed) and answers the customer rows that came and went, for the recompute to visit.
 */
export async function syncDerived(
  db: Executor,
  ordersTableIds: readonly string[],
  changed: (link: DerivedLink) => boolean,
  collector: ChangeCollector,
): Promise<DerivedRowsChange[]> {
  const out: DerivedRowsChange[] = [];
  for (const link of await linksOf(db, ordersTableIds)) {
    if (!changed(link) || !(await findTable(db, link.customerTableId)) || !(await findTable(db, link.ordersTableId))) continue;
    out.push(...(await syncLink(db, link, collector)));
  }
  return out;
}

/** The distict non-blank values of the source field, in order of first appearance. */
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

async function syncLink(db: Executor, link: DerivedLink, collector: ChangeCollector): Promise<DerivedRowsChange[]> {
  const source = await sourceValues(db, link);
  const target = sqlColumn(link.targetFieldId);
  const existing = await userDb(db).selectFrom(sqlTable(link.customerTableId)).select(['id', target]).execute();
  const norm = (v: unknown): string => (typeof v === 'number' ? `n:${v}` : `s:${String(v)}`);
  const want = new Map(source.map((v) => [norm(v), v]));
  const have = new Set<string>();
  const gone: number[] = [];
  for (const r of existing) {
    const k = norm(r[target]);
    if (want.has(k) && !have.has(k)) have.add(k);
    else gone.push(Number(r.id));
  }
  const added = [...want].filter(([k]) => !have.has(k)).map(([, v]) => v);
  if (gone.length === 0 && added.length === 0) return [];
  const tableId = link.customerTableId;
  const fields = await listFields(db, tableId);
  const dataFields = fields.filter((f) => f.type !== 'formula').map((f) => f.id);
  const out: DerivedRowsChange[] = [];
  if (gone.length > 0) {
    await withTableWrite(db, tableId, () => deleteRowsById(db, tableId, gone), () => false);
    out.push({ tableId, fieldIds: fields.map((f) => f.id), rowIds: gone, deleted: true });
  }
  if (added.length > 0) {
    const byId = new Map(fields.map((f) => [f.id, f]));
    const records = added.map((v) => encodeCells(byId, { [link.targetFieldId]: v }));
    const ids = await withTableWrite(db, tableId, () => insertRows(db, tableId, records), () => false);
    ids.forEach((id, i) => collector.add(tableId, String(id), 1, { [link.targetFieldId]: added[i] ?? null }));
    out.push({ tableId, fieldIds: dataFields, rowIds: ids, inserted: true });
  }
  return out;
}
