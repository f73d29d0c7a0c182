// Collects the cells a write changed (its own and every formula cell), for the `changes` of the answer.
import { MAX_CHANGED_CELLS } from '../../../common';
import type { CellValue, Change, WriteResult } from '../../../common';

export class ChangeCollector {
  private readonly byTable = new Map<string, Map<string, Change>>();
  private cells = 0;
  private readonly overflow = new Set<string>();

  /** Adds changed cells of a row (later values of the same cell win). */
  add(tableId: string, rowId: string, version: number, cells: Record<string, CellValue>): void {
    if (this.overflow.has(tableId)) return;
    if (this.cells > MAX_CHANGED_CELLS) {
      // Past the limit the answer lists no cells: stop keeping them (a recompute may touch millions).
      for (const t of this.byTable.keys()) this.overflow.add(t);
      this.overflow.add(tableId);
      this.byTable.clear();
      return;
    }
    let rows = this.byTable.get(tableId);
    if (!rows) {
      rows = new Map();
      this.byTable.set(tableId, rows);
    }
    let change = rows.get(rowId);
    if (!change) {
      change = { tableId, rowId, version, cells: {} };
      rows.set(rowId, change);
    }
    change.version = Math.max(change.version, version);
    for (const [k, v] of Object.entries(cells)) {
      if (!(k in change.cells)) this.cells++;
      change.cells[k] = v;
    }
  }

  /** One changed cell: `add` without an object and its entries per call (a recompute adds thousands). */
  addCell(tableId: string, rowId: number, version: number, fieldId: string, cell: CellValue): void {
    if (this.overflow.has(tableId)) return;
    const rows = this.byTable.get(tableId);
    if (this.cells > MAX_CHANGED_CELLS || !rows) return this.add(tableId, String(rowId), version, { [fieldId]: cell });
    const key = String(rowId);
    let change = rows.get(key);
    if (!change) {
      change = { tableId, rowId: key, version, cells: {} };
      rows.set(key, change);
    }
    change.version = Math.max(change.version, version);
    if (!(fieldId in change.cells)) this.cells++;
    change.cells[fieldId] = cell;
  }

  /** Marks a whole table as changed beyond listing (e.g. many rows): the client refetches it. */
  refetch(tableId: string): void {
    this.overflow.add(tableId);
  }

  get cellCount(): number {
    return this.cells;
  }

  result(): WriteResult {
    if (this.cells > MAX_CHANGED_CELLS || this.overflow.size > 0) {
      const tables = new Set([...this.byTable.keys(), ...this.overflow]);
      return { changes: [], refetch: [...tables] };
    }
    const changes: Change[] = [];
    for (const rows of this.byTable.values()) changes.push(...rows.values());
    return { changes };
  }
}
