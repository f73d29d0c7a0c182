// Rows per value of a formula over a whole table: the grouping wizard's live counts on big tables.
import { isError, toCellValue } from '../../../formulas';
import type { Value } from '../../../formulas';
import type { CellValue, Language } from '../../../common';

/** Distinct values answered at most (a wizard has a handful of groups; a formula of ids would have millions). */
export const MAX_COUNTED_VALUES = 1000;

export interface ValueCount {
  value: CellValue;
  count: number;
}

function bump<K>(map: Map<K, ValueCount>, key: K, value: () => CellValue): void {
  const c = map.get(key);
  if (c) c.count++;
  else map.set(key, { value: value(), count: 1 });
}

/**
 * Counts values by their JSON form: blanks ('' too, as the grid shows them) as null, errors by code without
 * their per-row message, dates as "YYYY-MM-DD". Most frequent first; blanks, then errors, after values on ties.
 */
export function countValues(values: readonly Value[], language: Language): ValueCount[] {
  const plain = new Map<string | number | boolean, ValueCount>();
  const errors = new Map<string, ValueCount>();
  let blanks = 0;
  for (const v of values) {
    if (v === null || v === '') blanks++;
    else if (isError(v)) bump(errors, v.code, () => ({ error: v.code }));
    else if (typeof v !== 'object' && (typeof v !== 'number' || Number.isFinite(v))) bump(plain, v, () => v);
    else {
      const cell = toCellValue(v, language);
      if (cell === null) blanks++;
      else if (typeof cell === 'object') bump(errors, cell.error, () => ({ error: cell.error }));
      else bump(plain, cell, () => cell);
    }
  }
  const all = [...plain.values(), ...(blanks > 0 ? [{ value: null, count: blanks }] : []), ...errors.values()];
  return all.sort((a, b) => b.count - a.count).slice(0, MAX_COUNTED_VALUES);
}
