import type { CellValue, Field, Row } from '../api/types';
import { pinnedFieldId } from './column-defs';
import { formatCell } from './format';

/** How a row is named to the user (a delete confirmation): the text of its first field, the pinned one. */
export function rowLabel(fields: readonly Field[], row: Row | undefined, locale: string): string {
  const id = pinnedFieldId(fields);
  const field = fields.find((f) => f.id === id);
  const value: CellValue = field && row ? (row.cells[field.id] ?? null) : null;
  if (!field || value === null || typeof value === 'object') return '';
  return formatCell(field, value, locale).trim();
}
