import type { CellValue, Field, Row, SelectOption } from '../api/types';
import { PALETTE } from './group-colors';
import { type ParseFailure, parseCellText } from './parse-cell';

export interface PasteError {
  /** 0-based row index in the grid's view. */
  rowIndex: number;
  fieldId: string;
  fieldName: string;
  text: string;
  reason: ParseFailure | 'server';
  /** The server's own message for a cell it refused. */
  message?: string;
}

export interface PastePlan {
  /** rowIndex: the row in the grid's view, to place the server's per-cell errors. */
  updates: { rowIndex: number; id: string; version: number; cells: Record<string, CellValue> }[];
  inserts: { rowIndex: number; cells: Record<string, CellValue> }[];
  /** Select options to add before writing (values pasted into a select that it does not offer yet). */
  newOptions: Record<string, SelectOption[]>;
  errors: PasteError[];
  /** Rows of the view whose data was not loaded and so could not be written. */
  missingRows: number[];
}

export interface PasteTarget {
  /** Displayed fields from the first column of the paste to the right edge. */
  fields: readonly Field[];
  startRow: number;
  /** Rows in the current view; pasting past the end adds rows. */
  rowCount: number;
  rowAt: (rowIndex: number) => Row | undefined;
  /** When the paste is one cell and the selection is larger, Excel fills the selection. */
  fill?: { rows: number; cols: number };
}

/** The block a paste writes: the clipboard's, or one value repeated over a larger selection (as Excel does). */
export function pasteBlock(matrix: readonly (readonly string[])[], fill?: { rows: number; cols: number }): readonly (readonly string[])[] {
  const single = matrix.length === 1 && matrix[0]?.length === 1;
  if (!single || !fill || (fill.rows <= 1 && fill.cols <= 1)) return matrix;
  const v = matrix[0]?.[0] ?? '';
  return Array.from({ length: fill.rows }, () => Array.from({ length: fill.cols }, () => v));
}

/** Spread a block of clipboard text over the grid from the start cell: which rows to update and add. */
export function planPaste(matrix: readonly (readonly string[])[], target: PasteTarget): PastePlan {
  const block = pasteBlock(matrix, target.fill);
  const plan: PastePlan = { updates: [], inserts: [], newOptions: {}, errors: [], missingRows: [] };
  const known = new Map<string, Set<string>>();
  for (const f of target.fields) if (f.type === 'select') known.set(f.id, new Set((f.options ?? []).map((o) => o.value)));

  block.forEach((line, i) => {
    const rowIndex = target.startRow + i;
    const cells: Record<string, CellValue> = {};
    line.forEach((text, j) => {
      const field = target.fields[j];
      if (!field) return;
      const parsed = parseCellText(field, text);
      if (!parsed.ok) {
        if (!(parsed.reason === 'readOnly' && text.trim() === '')) {
          plan.errors.push({ rowIndex, fieldId: field.id, fieldName: field.name, text, reason: parsed.reason });
        }
        return;
      }
      cells[field.id] = parsed.value;
      const opts = known.get(field.id);
      if (opts && typeof parsed.value === 'string' && !opts.has(parsed.value)) {
        opts.add(parsed.value);
        const added = (plan.newOptions[field.id] ??= []);
        const n = (field.options?.length ?? 0) + added.length;
        added.push({ value: parsed.value, color: PALETTE[n % PALETTE.length] ?? '#e5e7eb' });
      }
    });
    if (rowIndex < target.rowCount) {
      const row = target.rowAt(rowIndex);
      if (!row) plan.missingRows.push(rowIndex);
      else if (Object.keys(cells).length) plan.updates.push({ rowIndex, id: row.id, version: row.version, cells });
    } else {
      plan.inserts.push({ rowIndex, cells });
    }
  });
  return plan;
}
