// POST /api/tables/:id/summary: GROUP BY one or two fields in SQL, with count, measures and shares.
// Groups come in the field's grouping order (its groups, or its options), then other values by count,
// then blank, then errors.
import { sql } from 'kysely';
import type { RawBuilder } from 'kysely';
import type { Executor } from '../../db/database';
import { sqlColumn, sqlTable, sqlTagColumn } from '../../db/ids';
import { userDb } from '../../db/user-tables';
import { AppError } from '../../http/app-error';
import type { CellValue, SummaryGroup, SummaryRequest, SummaryResult } from '../../wire';
import { getTable, listFields } from '../meta';
import type { FieldMeta } from '../meta';
import { filterSql } from '../rows/row-query';

const MAX_GROUPS = 10_000;

function fieldOf(fields: readonly FieldMeta[], id: string): FieldMeta {
  const f = fields.find((x) => x.id === id);
  if (!f) throw new AppError('FIELD_NOT_FOUND', { fieldId: id });
  return f;
}

/** Tag of a formula cell: null (plain value), 'B' (boolean) or the error code. */
function tagSql(f: FieldMeta): RawBuilder<unknown> {
  if (f.type !== 'formula') return sql`null`;
  const e = sql.ref(sqlTagColumn(f.id));
  return sql`case when ${e} is null then null when ${e} = 'B' then 'B' else json_extract(${e}, '$.error') end`;
}

function decodeKey(f: FieldMeta, value: unknown, tag: unknown): CellValue {
  if (typeof tag === 'string') {
    if (tag === 'B') return value === 1;
    return { error: tag as '#N/A' };
  }
  if (value === null || value === undefined || value === '') return null;
  if (f.type === 'boolean') return value === 1;
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (typeof value === 'bigint') return Number(value);
  return null;
}

function measureSql(f: FieldMeta, op: 'sum' | 'avg' | 'min' | 'max'): RawBuilder<unknown> {
  const c = sql.ref(sqlColumn(f.id));
  const numeric = f.type === 'number' ? c : sql`case when typeof(${c}) in ('integer', 'real') then ${c} end`;
  if (f.type === 'date' && (op === 'min' || op === 'max')) return op === 'min' ? sql`min(${c})` : sql`max(${c})`;
  if (f.type !== 'number' && !(f.type === 'formula' && (f.resultType === 'number' || f.resultType === 'mixed'))) {
    throw new AppError('BAD_REQUEST', { reason: `field ${f.name} is not numeric: ${op} needs numbers` });
  }
  switch (op) {
    case 'sum':
      return sql`total(${numeric})`;
    case 'avg':
      return sql`avg(${numeric})`;
    case 'min':
      return sql`min(${numeric})`;
    case 'max':
      return sql`max(${numeric})`;
  }
}

/** Sort rank of a key: listed groups/options first (in order), others by count, then blank, then errors. */
function ranker(f: FieldMeta, counts: Map<string, number>): (key: CellValue) => [number, number, string] {
  const listed = (f.groups ?? f.options ?? []).map((g) => g.value);
  return (key) => {
    if (key !== null && typeof key === 'object') return [3, 0, key.error];
    if (key === null) return [2, 0, ''];
    const i = typeof key === 'string' ? listed.indexOf(key) : -1;
    if (i >= 0) return [0, i, ''];
    return [1, -(counts.get(JSON.stringify(key)) ?? 0), String(key)];
  };
}

function compareRank(a: [number, number, string], b: [number, number, string]): number {
  return a[0] - b[0] || a[1] - b[1] || (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0);
}

export async function summarize(db: Executor, tableId: string, req: SummaryRequest): Promise<SummaryResult> {
  await getTable(db, tableId);
  const fields = await listFields(db, tableId);
  const groupFields = req.groupBy.map((id) => fieldOf(fields, id));
  const measures = (req.measures ?? []).map((m) => ({ ...m, field: fieldOf(fields, m.fieldId) }));
  const selects: RawBuilder<unknown>[] = [];
  const groupTerms: RawBuilder<unknown>[] = [];
  groupFields.forEach((f, i) => {
    selects.push(sql`${sql.ref(sqlColumn(f.id))} as ${sql.ref(`k${i}`)}`, sql`${tagSql(f)} as ${sql.ref(`g${i}`)}`);
    groupTerms.push(sql.ref(`k${i}`), sql.ref(`g${i}`));
  });
  selects.push(sql`count(*) as n`);
  measures.forEach((m, i) => selects.push(sql`${measureSql(m.field, m.op)} as ${sql.ref(`m${i}`)}`));
  const where = req.filter ? filterSql(fields, req.filter) : sql<boolean>`1`;
  const result = await sql<Record<string, unknown>>`select ${sql.join(selects)} from ${sql.table(sqlTable(tableId))} where ${where} group by ${sql.join(groupTerms)} limit ${MAX_GROUPS + 1}`.execute(
    userDb(db),
  );
  if (result.rows.length > MAX_GROUPS) throw new AppError('BAD_REQUEST', { reason: `more than ${MAX_GROUPS} groups: group by a field with fewer distinct values` });
  const groups: SummaryGroup[] = result.rows.map((r) => ({
    key: groupFields.map((f, i) => decodeKey(f, r[`k${i}`], r[`g${i}`])),
    count: Number(r.n),
    measures: measures.map((m, i) => {
      const v = r[`m${i}`];
      return typeof v === 'number' || typeof v === 'string' ? v : typeof v === 'bigint' ? Number(v) : null;
    }),
    share: 0,
  }));
  // Groups with the same decoded key (e.g. text differing only in storage) are merged.
  const merged = new Map<string, SummaryGroup>();
  for (const g of groups) {
    const k = JSON.stringify(g.key);
    const prev = merged.get(k);
    if (prev) prev.count += g.count;
    else merged.set(k, g);
  }
  const list = [...merged.values()];
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
