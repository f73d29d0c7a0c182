import type { Field } from '../api/types';
import { isChipField } from '../grid/group-colors';

/** Fields a distribution or cross-tab can group by: groupings, selects, text and yes/no fields. */
export function groupableFields(fields: readonly Field[]): Field[] {
  return fields.filter((f) => isChipField(f) || f.type === 'text' || f.type === 'boolean' || (f.type === 'formula' && (f.resultType === 'text' || f.resultType === 'boolean')));
}

/** Fields a sum, average, Pareto or histogram can measure. */
export function numberFields(fields: readonly Field[]): Field[] {
  return fields.filter((f) => f.type === 'number' || (f.type === 'formula' && f.resultType === 'number'));
}

/** The filter model AG Grid's column filter takes for "this field equals this group". */
export function filterModelFor(field: Field | undefined, key: unknown): Record<string, unknown> | null {
  if (!field) return null;
  const blankOrError = key === null || key === undefined || key === '' || (typeof key === 'object');
  if (isChipField(field)) return { filterType: 'set', values: [blankOrError ? null : key] };
  if (blankOrError) return { filterType: field.type === 'number' ? 'number' : 'text', type: 'blank' };
  if (field.type === 'number' || (field.type === 'formula' && field.resultType === 'number')) return { filterType: 'number', type: 'equals', filter: key };
  return { filterType: 'text', type: 'equals', filter: String(key) };
}
