// POST /api/tables/:id/histogram: counts of a number field in equal-width bins with round edges, in SQL
// (two queries: the range, then one GROUP BY over the bin index). Blanks, text and error cells are left out.
import { sql } from 'kysely';
import type { RawBuilder } from 'kysely';
import type { Executor } from '../../db/database';
import { sqlColumn, sqlTable, sqlTagColumn } from '../../db/ids';
import { userDb } from '../../db/user-tables';
import { AppError } from '../../http/app-error';
import type { HistogramBin, HistogramRequest, HistogramResult } from '../../../common';
import { getTable, listFields } from '../meta';
import type { FieldMeta } from '../meta';
import { filterSql } from '../rows/row-query';

export const DEFAULT_BINS = 20;

/** Equal-width edges over [min, max] with a round step (1, 2 or 5 × 10ⁿ), about `target` bins. */
export function niceEdges(min: number, max: number, target = DEFAULT_BINS): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [];
  if (min === max) return [min - 0.5, min + 0.5];
  const raw = (max - min) / Math.max(1, target);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const start = Math.floor(min / step) * step;
  const edges: number[] = [];
  for (let e = start; e <= max + step * 1e-9; e += step) edges.push(Number(e.toPrecision(12)));
  const last = edges[edges.length - 1];
  if (last === undefined || last < max) edges.push(Number(((last ?? start) + step).toPrecision(12)));
  if (edges.length === 1) edges.push(Number(((edges[0] ?? start) + step).toPrecision(12)));
  return edges;
}

/** The field's value where it is a number, else NULL (a formula's text, boolean or error is not a number). */
export function numberSql(f: FieldMeta): RawBuilder<number | null> {
  const c = sql.ref(sqlColumn(f.id));
  if (f.type === 'number') return sql<number | null>`${c}`;
  if (f.type === 'formula' && (f.resultType === 'number' || f.resultType === 'mixed')) {
    return sql<number | null>`(case when ${sql.ref(sqlTagColumn(f.id))} is null and typeof(${c}) in ('integer', 'real') then ${c} end)`;
  }
  throw new AppError('BAD_REQUEST', { reason: `field ${f.name} is not numeric: a histogram needs numbers` });
}

export async function histogram(db: Executor, tableId: string, req: HistogramRequest): Promise<HistogramResult> {
  await getTable(db, tableId);
  const fields = await listFields(db, tableId);
  const field = fields.find((f) => f.id === req.fieldId);
  if (!field) throw new AppError('FIELD_NOT_FOUND', { fieldId: req.fieldId });
  const x = numberSql(field);
  const where = sql<boolean>`${req.filter ? filterSql(fields, req.filter) : sql`1`} and ${x} is not null`;
  const table = sql.table(sqlTable(tableId));
  const range = await sql<{ lo: number | null; hi: number | null; n: number }>`select min(${x}) as lo, max(${x}) as hi, count(*) as n from ${table} where ${where}`.execute(userDb(db));
  const r = range.rows[0];
  if (!r || r.lo === null || r.hi === null || Number(r.n) === 0) return { bins: [], min: null, max: null, count: 0 };
  const lo = Number(r.lo);
  const hi = Number(r.hi);
  const edges = niceEdges(lo, hi, req.bins ?? DEFAULT_BINS);
  const start = edges[0] ?? lo;
  const step = (edges[1] ?? start + 1) - start;
  const last = edges.length - 2;
  // Bin i holds [edge_i, edge_i+1); the top edge belongs to the last bin. The 1e-9 (of a step) keeps a value
  // exactly on an edge in the bin it opens despite floating division (0.3 / 0.1 = 2.9999999999999996).
  const counted = await sql<{ b: number; n: number }>`select min(max(cast((${x} - ${start}) / ${step} + 1e-9 as integer), 0), ${last}) as b, count(*) as n from ${table} where ${where} group by b`.execute(userDb(db));
  const bins: HistogramBin[] = edges.slice(0, -1).map((from, i) => ({ from, to: edges[i + 1] ?? from, count: 0 }));
  for (const row of counted.rows) {
    const bin = bins[Number(row.b)];
    if (bin) bin.count += Number(row.n);
  }
  return { bins, min: lo, max: hi, count: Number(r.n) };
}
