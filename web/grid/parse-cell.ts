import { type CellRefusal, readCellText } from '../../common';
import type { CellValue, Field } from '../api/types';

/** Why a text cannot go into a cell: the cell-text reader's reasons (common/), or a formula cell. */
export type ParseFailure = CellRefusal | 'readOnly';
export type Parsed = { ok: true; value: CellValue } | { ok: false; reason: ParseFailure };

/**
 * Text pasted or typed into a cell → the field's value, or why it cannot be: number, date and boolean cells read
 * it as imports and the API do (common/'s readCellText). Blank text is a blank cell.
 */
export function parseCellText(field: Field, text: string): Parsed {
  switch (field.type) {
    case 'formula':
      return { ok: false, reason: 'readOnly' };
    case 'number':
    case 'date':
    case 'boolean':
      return readCellText(field.type, text);
    case 'select':
      return { ok: true, value: text.trim() === '' ? null : text.trim() };
    case 'text':
      return { ok: true, value: text.trim() === '' ? null : text };
  }
}
