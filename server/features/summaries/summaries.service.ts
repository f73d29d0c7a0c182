// POST /api/tables/:id/summary: groups of one or two fields with count, measures and shares, in one scan (the
// WHERE in SQL, the grouping in our aggregate function: group-scan.ts says why).
// Groups come in the field's grouping order (its groups, or its options), then other values by count,
// then blank, then errors.
import { sql } from 'kysely';
import type { RawBuilder } from 'kysely';
import type { Executor } from '../../db/database';
import { sqlColumn, sqlTable, sqlTagColumn } from '../../db/ids';
import { prepared, sqliteOf, withConnection } from '../../db/raw';
import { userDb } from '../../db/user-tables';
import { AppError } from '../../http/app-error';
import type { CellValue, SummaryGroup, SummaryRequest, SummaryResult } from '../../../common';
import { declaredGroupValues, getTable, listFields } from '../meta';
import type { FieldMeta } from '../meta';
import { filterSql } from '../rows/row-query';
import { GROUP_FN, mergeInto, measureValue, registerGroupScan, scanGroups, TooManyGroups } from './group-scan';
import type { GroupAcc, ScanMeasure, ScanOp } from './group-scan';
import { scanInWorker } from './scan-pool';

const MAX_GROUPS = 10_000;

function fieldOf(fields: readonly FieldMeta[], id: string): FieldMeta {
  const f = fields.find((x) => x.id === id);
  if (!f) throw new AppError('FIELD_NOT_FOUND', { fieldId: id });
  return f;
}

/** A formula cell's tag as a key part: null (plain value), 'B' (boolean) or the error code. */
function tagKey(tag: unknown): string | null {
  if (typeof tag !== 'string') return null;
  if (tag === 'B') return tag;
  try {
    const parsed: unknown = JSON.parse(tag);
    const code: unknown = typeof parsed === 'object' && parsed !== null ? Reflect.get(parsed, 'error') : undefined;
    return typeof code === 'string' ? code : null;
  } catch {
    return '#VALUE!';
  }
}

function decodeKey(f: FieldMeta, value: unknown, tag: string | null): CellValue {
  if (tag !== null) {
    if (tag === 'B') return value === 1 || value === 1n;
    return { error: tag as '#N/A' };
  }
  if (value === null || value === undefined || value === '') return null;
  if (f.type === 'boolean') return value === 1 || value === 1n;
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (typeof value === 'bigint') return Number(value);
  return null;
}

/** What a measure counts: numbers only, except min/max of a date (its text). Other fields are refused. */
function measureSpec(f: FieldMeta, op: ScanOp): ScanMeasure {
  if (f.type === 'date' && (op === 'min' || op === 'max')) return { op, numeric: false };
  if (f.type !== 'number' && !(f.type === 'formula' && (f.resultType === 'number' || f.resultType === 'mixed'))) {
    throw new AppError('BAD_REQUEST', { reason: `field ${f.name} is not numeric: ${op} needs numbers` });
  }
  return { op, numeric: true };
}

/** Sort rank of a key: listed groups/options first (in order), others by count, then blank, then errors. */
function ranker(f: FieldMeta, counts: Map<string, number>): (key: CellValue) => [number, number, string] {
  const listed = declaredGroupValues(f);
  return (key) => {
    if (key !== null && typeof key === 'object') return [3, 0, key.error];
    if (key === null) return [2, 0, ''];
    // A number key is its declared group when it prints the same (NTILE's 3 is the group "3"), as in the web's charts.
    const i = typeof key === 'string' || typeof key === 'number' ? listed.indexOf(String(key)) : -1;
    if (i >= 0) return [0, i, ''];
    return [1, -(counts.get(JSON.stringify(key)) ?? 0), String(key)];
  };
}

function compareRank(a: [number, number, string], b: [number, number, string]): number {
  return a[0] - b[0] || a[1] - b[1] || (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0);
}

export interface SummarizeOptions {
  /** The database file: given, a scan outside a transaction may run in the scan worker (scan-pool.ts). */
  dbFile?: string;
}

export async function summarize(db: Executor, tableId: string, req: SummaryRequest, options: SummarizeOptions = {}): Promise<SummaryResult> {
  await getTable(db, tableId);
  const fields = await listFields(db, tableId);
  const groupFields = req.groupBy.map((id) => fieldOf(fields, id));
  const measures = (req.measures ?? []).map((m) => ({ ...m, field: fieldOf(fields, m.fieldId) }));
  const specs = measures.map((m) => measureSpec(m.field, m.op));
  // The raw stored values go to the aggregate (group-scan.ts): each field's value, and a formula's tag.
  const args: RawBuilder<unknown>[] = [];
  const slots = groupFields.map((f) => {
    args.push(sql.ref(sqlColumn(f.id)));
    if (f.type !== 'formula') return { value: args.length - 1, tag: -1 };
    args.push(sql.ref(sqlTagColumn(f.id)));
    return { value: args.length - 2, tag: args.length - 1 };
  });
  const keys = args.length;
  for (const m of measures) args.push(sql.ref(sqlColumn(m.field.id)));
  const where = req.filter ? filterSql(fields, req.filter) : sql<boolean>`1`;
  const query = sql`select ${sql.raw(GROUP_FN)}(${sql.join(args)}) as n from ${sql.table(sqlTable(tableId))} where ${where}`.compile(userDb(db));
  const tooMany = () => new AppError('BAD_REQUEST', { reason: `more than ${MAX_GROUPS} groups: group by a field with fewer distinct values` });
  // Outside a transaction the scan may run in the worker (committed data is what a reader sees anyway); inside
  // one it must see the transaction's own writes, so it runs on this connection.
  const job = { sql: query.sql, params: query.parameters, keys, measures: specs, maxGroups: MAX_GROUPS };
  const pooled = options.dbFile && !db.isTransaction ? await scanInWorker(options.dbFile, job) : undefined;
  if (pooled && 'tooMany' in pooled) throw tooMany();
  const scanned = pooled && 'groups' in pooled ? pooled.groups : await withConnection(db, () => {
    const sqlite = sqliteOf(db);
    registerGroupScan(sqlite);
    try {
      return scanGroups(prepared(sqlite, query.sql), query.parameters, keys, specs, MAX_GROUPS);
    } catch (error) {
      if (error instanceof TooManyGroups) throw tooMany();
      throw error;
    }
  });
  // Raw keys that decode alike (blank text and NULL, an integer and a real) are one group, measures included.
  const merged = new Map<string, { key: CellValue[]; acc: GroupAcc }>();
  for (const acc of scanned) {
    const key = groupFields.map((f, i) => {
      const slot = slots[i];
      return slot ? decodeKey(f, acc.raw[slot.value], slot.tag < 0 ? null : tagKey(acc.raw[slot.tag])) : null;
    });
    const k = JSON.stringify(key);
    const prev = merged.get(k);
    if (prev) mergeInto(prev.acc, acc, specs);
    else merged.set(k, { key, acc });
  }
  const list: SummaryGroup[] = [...merged.values()].map(({ key, acc }) => ({
    key,
    count: acc.n,
    measures: specs.map((m, j) => measureValue(acc, j, m.op)),
    share: 0,
  }));
  const total = list.reduce((s, g) => s + g.count, 0);
  for (const g of list) g.share = total === 0 ? 0 : g.count / total;
  const rankers = groupFields.map((f, i) => {
    const counts = new Map<string, number>();
    for (const g of list) {
      const k = JSON.stringify(g.key[i] ?? null);
      counts.set(k, (counts.get(k) ?? 0) + g.count);
    }
    return ranker(f, counts);
  });
  list.sort((a, b) => {
    for (let i = 0; i < rankers.length; i++) {
      const rank = rankers[i];
      if (!rank) continue;
      const c = compareRank(rank(a.key[i] ?? null), rank(b.key[i] ?? null));
      if (c !== 0) return c;
    }
    return 0;
  });
  return { groups: list, total };
}
