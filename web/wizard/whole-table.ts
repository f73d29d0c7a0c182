// Figures of the whole table from the server, for tables bigger than the wizard's sample: rows per group
// (formulas/check with counts), exact quantiles (one sorted row each), exact 80%/95% cuts, and categories.
import { getApi } from '../api/client';
import type { CellValue, Filter } from '../api/types';
import type { GroupPreview } from './preview';
import { num } from './rules';
import { type Bin, daysSince } from './suggest';

type Counts = { value: CellValue; count: number }[];

/** Rows per value of a formula over the whole table, or the first problem of a formula that does not check. */
export async function countFormula(tableId: string, source: string, signal?: AbortSignal): Promise<{ counts: Counts; rows: number } | { error: string }> {
  const r = await getApi().checkFormula(tableId, { source, counts: true }, signal);
  if (!r.ok) return { error: r.diagnostics[0]?.message ?? '' };
  return { counts: r.counts ?? [], rows: r.countedRows ?? 0 };
}

/** The server's counts as the wizard's preview: blanks and errors are "unclassified". */
export function countsToPreview(counts: Counts, rows: number, labels: readonly string[]): GroupPreview {
  const byLabel = new Map<string, number>();
  let unclassified = 0;
  for (const c of counts) {
    if (c.value === null || c.value === '' || typeof c.value === 'object') unclassified += c.count;
    else byLabel.set(String(c.value), (byLabel.get(String(c.value)) ?? 0) + c.count);
  }
  return {
    groups: labels.map((label) => ({ label, count: byLabel.get(label) ?? 0 })),
    unclassified,
    other: [...byLabel].filter(([k]) => !labels.includes(k)).map(([label, count]) => ({ label, count })),
    total: rows,
  };
}

/** Distinct values of a field over the whole table, most frequent first (the server answers the top 1,000). */
export async function wholeCategories(tableId: string, fieldName: string, signal?: AbortSignal): Promise<{ value: string; count: number }[]> {
  const r = await countFormula(tableId, `{${fieldName}}`, signal);
  if ('error' in r) return [];
  return r.counts.flatMap((c) => (c.value === null || c.value === '' || typeof c.value === 'object' ? [] : [{ value: String(c.value), count: c.count }]));
}

const notEmpty = (fieldId: string): Filter => ({ and: [{ fieldId, op: 'notEmpty' }] });

/** Values at the given positions (0 = smallest, 1 = largest) of the non-blank values, one small request each. */
export async function wholeQuantiles(tableId: string, fieldId: string, qs: readonly number[], signal?: AbortSignal): Promise<CellValue[]> {
  const api = getApi();
  const sort = `${fieldId}:asc`;
  const first = await api.getRows(tableId, { offset: 0, limit: 1, sort, filter: notEmpty(fieldId) }, signal);
  const n = first.total;
  if (n === 0) return [];
  return Promise.all(
    qs.map(async (q) => {
      const offset = Math.min(n - 1, Math.max(0, Math.floor(q * n)));
      const page = offset === 0 ? first : await api.getRows(tableId, { offset, limit: 1, sort, filter: notEmpty(fieldId) }, signal);
      return page.rows[0]?.cells[fieldId] ?? null;
    }),
  );
}

/** PERCENTILE.INC of a number column over every row, per share (the server evaluates a one-value formula). */
export async function wholePercentiles(tableId: string, fieldName: string, ps: readonly number[], signal?: AbortSignal): Promise<number[]> {
  const got = await Promise.all(ps.map((p) => countFormula(tableId, `PERCENTILE([${fieldName}],${num(Math.min(1, Math.max(0, p)))})`, signal)));
  return got.map((r) => {
    const v = 'error' in r ? null : r.counts[0]?.value;
    return typeof v === 'number' ? v : NaN;
  });
}

/**
 * The smallest value of the rows that make up the first `share` of the total (largest first), per share: the
 * server counts the rows with PARETO ≤ share (the same test the ABC method writes), then reads that row.
 */
export async function wholeParetoCuts(tableId: string, field: { id: string; name: string }, shares: readonly number[], signal?: AbortSignal): Promise<number[]> {
  const api = getApi();
  const out: number[] = [];
  for (const share of shares) {
    const ref = `{${field.name}}`;
    const r = await countFormula(tableId, `IF(ISNUMBER(${ref}),IF(PARETO([${field.name}],${ref})<=${num(share)},"in","out"),"")`, signal);
    const inside = 'error' in r ? 0 : (r.counts.find((c) => c.value === 'in')?.count ?? 0);
    const page = await api.getRows(tableId, { offset: Math.max(0, inside - 1), limit: 1, sort: `${field.id}:desc`, filter: notEmpty(field.id) }, signal);
    const v = page.rows[0]?.cells[field.id];
    if (typeof v === 'number') out.push(v);
  }
  return out;
}

/** A round bin width (1, 2 or 5 × 10ⁿ) giving about `bins` bins over `span`. */
export function niceStep(span: number, bins: number): number {
  if (!(span > 0)) return 1;
  const raw = span / bins;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const candidates = [1, 2, 5, 10].map((m) => Math.max(1, m * mag));
  const off = (s: number) => Math.abs(Math.log(span / s / bins));
  return candidates.reduce((best, s) => (off(s) < off(best) ? s : best));
}

/**
 * Histogram of the days since a date over every row: the earliest and latest dates give the range, then the
 * server counts each row's bin (days rounded down to a round width; the server's TODAY() is the workbook's as-of).
 */
export async function wholeDayHistogram(tableId: string, field: { id: string; name: string }, bins: number, asOfMs: number, signal?: AbortSignal): Promise<Bin[]> {
  const [earliest, latest] = await wholeQuantiles(tableId, field.id, [0, 1], signal);
  if (typeof earliest !== 'string' || typeof latest !== 'string') return [];
  const lo = daysSince(latest, asOfMs);
  const step = niceStep(daysSince(earliest, asOfMs) - lo, bins);
  const ref = `{${field.name}}`;
  const r = await countFormula(tableId, `IF(ISBLANK(${ref}),"",INT((TODAY()-${ref})/${step})*${step})`, signal);
  if ('error' in r) return [];
  return r.counts
    .flatMap((c) => (typeof c.value === 'number' ? [{ from: c.value, to: c.value + step, count: c.count }] : []))
    .sort((a, b) => a.from - b.from);
}
