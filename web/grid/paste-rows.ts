import type { Row, RowsPage } from '../api/types';

/** The API's largest page of GET /rows and largest batch of POST/PATCH /rows (shared/API.md, "Limits"). */
export const PAGE_LIMIT = 1000;
export const BATCH_LIMIT = 10_000;

/** A page of the grid's current view (its sort, filter and search), read from the server. */
export type FetchViewPage = (offset: number, limit: number) => Promise<RowsPage>;

/** Runs of consecutive indexes in [start, end) that `has` says are missing, as [from, to) pairs. */
export function missingRuns(start: number, end: number, has: (i: number) => boolean): [number, number][] {
  const runs: [number, number][] = [];
  for (let i = start; i < end; i++) {
    if (has(i)) continue;
    const last = runs[runs.length - 1];
    if (last && last[1] === i) last[1] = i + 1;
    else runs.push([i, i + 1]);
  }
  return runs;
}

/**
 * The rows at view indexes [start, end): those the infinite model holds, and the rest read from the server by
 * offset (pages of ≤ 1000) in the same sort and filter, so a paste can reach rows that were never scrolled to.
 */
export async function targetRows(
  start: number,
  end: number,
  loaded: (i: number) => Row | undefined,
  fetchPage: FetchViewPage,
): Promise<Map<number, Row>> {
  const rows = new Map<number, Row>();
  for (let i = start; i < end; i++) {
    const row = loaded(i);
    if (row) rows.set(i, row);
  }
  for (const [from, to] of missingRuns(start, end, (i) => rows.has(i))) {
    for (let offset = from; offset < to; offset += PAGE_LIMIT) {
      const page = await fetchPage(offset, Math.min(PAGE_LIMIT, to - offset));
      page.rows.forEach((row, k) => rows.set(offset + k, row));
    }
  }
  return rows;
}

/** Consecutive slices of at most `size` items (one request each). */
export function chunks<T>(items: readonly T[], size = BATCH_LIMIT): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
