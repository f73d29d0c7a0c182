import type { Change, Row } from '../api/types';

/** The part of AG Grid's API that applying server changes needs (kept small so it can be faked in tests). */
export interface RowLookup {
  getRowNode(id: string): { data: Row | undefined } | undefined;
}

/**
 * Write the server's changed cells into the rows the grid holds; returns the ids of rows touched
 * (rows not loaded are skipped: they will be read fresh when scrolled to).
 */
export function applyChanges(grid: RowLookup, tableId: string, changes: readonly Change[]): string[] {
  const touched: string[] = [];
  for (const c of changes) {
    if (c.tableId !== tableId) continue;
    const node = grid.getRowNode(c.rowId);
    const row = node?.data;
    if (!row) continue;
    Object.assign(row.cells, c.cells);
    row.version = c.version;
    touched.push(c.rowId);
  }
  return touched;
}
