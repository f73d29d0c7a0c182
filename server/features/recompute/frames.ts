// Columns of user tables loaded for formula evaluation (engine values, in row-id order), cached per recompute.
import { fromCellValue } from '../../../formulas';
import type { Value } from '../../../formulas';
import type { Executor } from '../../db/database';
import { sqlColumn, sqlTable, sqlTagColumn } from '../../db/ids';
import { decodeCell, ROW_ID, ROW_VERSION, userDb } from '../../db/user-tables';
import type { CellValue } from '../../wire';
import type { FieldMeta } from '../meta';
import { staticTypeOf } from '../formulas/engine';

export interface TableFrame {
  ids: number[];
  versions: number[];
  index: Map<number, number>;
  /** fieldId → values (engine form) and stored cells (JSON form). */
  columns: Map<string, { values: Value[]; cells: CellValue[] }>;
}

export function toValue(field: FieldMeta, cell: CellValue): Value {
  return fromCellValue(cell, staticTypeOf(field));
}

export class Frames {
  private readonly frames = new Map<string, TableFrame>();

  constructor(
    private readonly db: Executor,
    private readonly fieldsById: ReadonlyMap<string, FieldMeta>,
  ) {}

  field(fieldId: string): FieldMeta | undefined {
    return this.fieldsById.get(fieldId);
  }

  async frame(tableId: string): Promise<TableFrame> {
    let f = this.frames.get(tableId);
    if (!f) {
      const rows = await userDb(this.db).selectFrom(sqlTable(tableId)).select([ROW_ID, ROW_VERSION]).orderBy(ROW_ID).execute();
      const ids = rows.map((r) => Number(r[ROW_ID]));
      f = { ids, versions: rows.map((r) => Number(r[ROW_VERSION])), index: new Map(ids.map((id, i) => [id, i])), columns: new Map() };
      this.frames.set(tableId, f);
    }
    return f;
  }

  /** Loads the row ids (if needed) and every missing column of a table in one query. */
  async preload(tableId: string, fieldIds: readonly string[]): Promise<void> {
    let frame = this.frames.get(tableId);
    const wanted = [...new Set(fieldIds)].filter((id) => {
      const f = this.fieldsById.get(id);
      return f !== undefined && f.tableId === tableId && !frame?.columns.has(id);
    });
    if (frame && wanted.length === 0) return;
    const fields = wanted.map((id) => this.fieldsById.get(id)).filter((f): f is FieldMeta => f !== undefined);
    const cols = [ROW_ID, ROW_VERSION];
    for (const f of fields) {
      cols.push(sqlColumn(f.id));
      if (f.type === 'formula') cols.push(sqlTagColumn(f.id));
    }
    const rows = await userDb(this.db).selectFrom(sqlTable(tableId)).select(cols).orderBy(ROW_ID).execute();
    if (!frame) {
      const ids = rows.map((r) => Number(r[ROW_ID]));
      frame = { ids, versions: rows.map((r) => Number(r[ROW_VERSION])), index: new Map(ids.map((id, i) => [id, i])), columns: new Map() };
      this.frames.set(tableId, frame);
    }
    const f0 = frame;
    if (rows.length !== f0.ids.length) {
      // Rows changed since the frame was read (cannot happen inside one transaction): fall back to one by one.
      for (const f of fields) await this.column(tableId, f.id);
      return;
    }
    for (const f of fields) {
      const c = sqlColumn(f.id);
      const e = sqlTagColumn(f.id);
      const cells: CellValue[] = new Array<CellValue>(rows.length);
      const values: Value[] = new Array<Value>(rows.length);
      for (let i = 0; i < rows.length; i++) {
        const r = rows[i] as Record<string, unknown>;
        const cell = decodeCell(f.type, r[c], f.type === 'formula' ? r[e] : null);
        cells[i] = cell;
        values[i] = toValue(f, cell);
      }
      f0.columns.set(f.id, { values, cells });
    }
  }

  /** Loads (once) the full column of a field. Unknown fields (trashed) read as blanks. */
  async column(tableId: string, fieldId: string): Promise<{ values: Value[]; cells: CellValue[] }> {
    const frame = await this.frame(tableId);
    let col = frame.columns.get(fieldId);
    if (col) return col;
    const field = this.fieldsById.get(fieldId);
    if (!field || field.tableId !== tableId) {
      col = { values: frame.ids.map(() => null), cells: frame.ids.map(() => null) };
    } else {
      const cols = [ROW_ID, sqlColumn(fieldId), ...(field.type === 'formula' ? [sqlTagColumn(fieldId)] : [])];
      const rows = await userDb(this.db).selectFrom(sqlTable(tableId)).select(cols).orderBy(ROW_ID).execute();
      const cells: CellValue[] = frame.ids.map(() => null);
      for (const r of rows) {
        const i = frame.index.get(Number(r[ROW_ID]));
        if (i === undefined) continue;
        cells[i] = decodeCell(field.type, r[sqlColumn(fieldId)], field.type === 'formula' ? r[sqlTagColumn(fieldId)] : null);
      }
      col = { values: cells.map((c) => toValue(field, c)), cells };
    }
    frame.columns.set(fieldId, col);
    return col;
  }

  /** Updates a cached column after new formula values were written. */
  async setCells(tableId: string, fieldId: string, rowIds: readonly number[], cells: readonly CellValue[], values: readonly Value[]): Promise<void> {
    const frame = this.frames.get(tableId);
    const col = frame?.columns.get(fieldId);
    if (!frame || !col) return;
    rowIds.forEach((id, k) => {
      const i = frame.index.get(id);
      if (i === undefined) return;
      col.cells[i] = cells[k] ?? null;
      col.values[i] = values[k] ?? null;
    });
  }

  cached(tableId: string): TableFrame | undefined {
    return this.frames.get(tableId);
  }
}
