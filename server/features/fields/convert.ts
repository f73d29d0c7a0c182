// Converting a cell to another field type (type changes): what converts, and what would be lost.
import type { CellInput, CellValue } from '../../../common';
import { checkCell } from '../rows/cells';
import type { FieldMeta } from '../meta';

export type Conversion = { ok: true; value: CellValue } | { ok: false };

export function convertCell(value: CellValue, to: FieldMeta): Conversion {
  if (value === null) return { ok: true, value: null };
  if (typeof value === 'object') return { ok: false };
  if (to.type === 'formula') return { ok: false };
  if (to.type === 'text' && typeof value === 'boolean') return { ok: true, value: value ? 'TRUE' : 'FALSE' };
  const input: CellInput = value;
  const r = checkCell(to, input);
  return r.ok ? { ok: true, value: r.value } : { ok: false };
}
