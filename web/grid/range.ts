import type { CellValue, Field } from '../api/types';
import { isErrorValue } from './group-colors';

export interface CellPos {
  row: number;
  col: number;
}
export interface CellRange {
  anchor: CellPos;
  focus: CellPos;
}
export interface Bounds {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export function boundsOf(r: CellRange): Bounds {
  return {
    top: Math.min(r.anchor.row, r.focus.row),
    bottom: Math.max(r.anchor.row, r.focus.row),
    left: Math.min(r.anchor.col, r.focus.col),
    right: Math.max(r.anchor.col, r.focus.col),
  };
}

export function inBounds(b: Bounds, row: number, col: number): boolean {
  return row >= b.top && row <= b.bottom && col >= b.left && col <= b.right;
}

export function sizeOf(b: Bounds): { rows: number; cols: number } {
  return { rows: b.bottom - b.top + 1, cols: b.right - b.left + 1 };
}

/** A cell as text on the clipboard, in the form Excel reads back (not the locale's display form). */
export function cellToClipboard(field: Field, v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (isErrorValue(v)) return v.error;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') return String(v);
  void field;
  return v;
}
