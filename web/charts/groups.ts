// Group order and looks, as shared/API.md "Summary" says: the field's grouping order (its `groups`, else its
// select options), then other values by count, then blank ("未分组 / Unclassified"), then errors.
import type { CellValue, Field, FilterCondition, Language } from '../../common';
import type { ChartText } from './chart-text';
import { declaredGroups, ERROR_OUTLINE, groupColor, isBlankValue, isErrorValue, outlineFor } from './palette';

export type GroupKind = 'declared' | 'other' | 'blank' | 'error';

export interface ChartGroup {
  /** Stable id of the group within its field ("v:高", "blank", "error:#N/A"). */
  id: string;
  /** The cell value it stands for (what a click filters the grid by). */
  key: CellValue;
  kind: GroupKind;
  label: string;
  color: string;
  outline: string;
  description?: string;
  action?: string;
}

export interface KeyCount {
  key: CellValue;
  count: number;
}

/** Values that print the same (5 and "5") are one group, as declared groups are text. */
export function groupId(key: CellValue | undefined): string {
  if (isBlankValue(key)) return 'blank';
  if (isErrorValue(key)) return `error:${key.error}`;
  return `v:${String(key)}`;
}

export function groupKind(field: Field | undefined, key: CellValue): GroupKind {
  if (isBlankValue(key)) return 'blank';
  if (isErrorValue(key)) return 'error';
  const text = String(key);
  return declaredGroups(field).some((g) => g.value === text) ? 'declared' : 'other';
}

const TIER: Record<GroupKind, number> = { declared: 0, other: 1, blank: 2, error: 3 };

/**
 * The distinct keys in grouping order. Duplicates (by groupId) are merged and their counts added;
 * with `withDeclared`, declared groups that have no rows are kept too (so charts keep their places).
 */
export function orderKeys(field: Field | undefined, entries: readonly KeyCount[], withDeclared = false): KeyCount[] {
  const merged = new Map<string, KeyCount>();
  if (withDeclared) for (const g of declaredGroups(field)) merged.set(groupId(g.value), { key: g.value, count: 0 });
  for (const e of entries) {
    const id = groupId(e.key);
    const prev = merged.get(id);
    if (prev) prev.count += e.count;
    else merged.set(id, { key: isBlankValue(e.key) ? null : e.key, count: e.count });
  }
  const declared = declaredGroups(field).map((g) => g.value);
  const position = (k: CellValue): number => (isBlankValue(k) || isErrorValue(k) ? -1 : declared.indexOf(String(k)));
  const text = (k: CellValue): string => (isErrorValue(k) ? k.error : String(k));
  return [...merged.values()].sort((a, b) => {
    const ka = groupKind(field, a.key);
    const kb = groupKind(field, b.key);
    if (ka !== kb) return TIER[ka] - TIER[kb];
    if (ka === 'declared') return position(a.key) - position(b.key);
    if (a.count !== b.count) return b.count - a.count;
    return text(a.key) < text(b.key) ? -1 : text(a.key) > text(b.key) ? 1 : 0;
  });
}

/** How a key reads as a group name. */
export function groupLabel(key: CellValue, t: ChartText, locale: Language): string {
  if (isBlankValue(key)) return t('unclassified');
  if (isErrorValue(key)) return t('errorGroup', { code: key.error });
  if (typeof key === 'number') return new Intl.NumberFormat(locale, { maximumFractionDigits: 10 }).format(key);
  if (typeof key === 'boolean') return key ? 'TRUE' : 'FALSE';
  return key;
}

export function describeGroup(field: Field | undefined, key: CellValue, t: ChartText, locale: Language): ChartGroup {
  const kind = groupKind(field, key);
  const color = groupColor(field, key);
  const def = kind === 'declared' ? declaredGroups(field).find((g) => g.value === String(key)) : undefined;
  const group: ChartGroup = {
    id: groupId(key),
    key: isBlankValue(key) ? null : key,
    kind,
    label: groupLabel(key, t, locale),
    color,
    outline: kind === 'error' ? ERROR_OUTLINE : outlineFor(color),
  };
  if (def?.description) group.description = def.description;
  if (def?.action) group.action = def.action;
  return group;
}

/**
 * The grid filter condition for a clicked group; null for an error group (errors cannot be filtered by value:
 * the page can sort by the field instead).
 */
export function groupFilter(fieldId: string, key: CellValue): FilterCondition | null {
  if (isBlankValue(key)) return { fieldId, op: 'empty' };
  if (isErrorValue(key)) return null;
  return { fieldId, op: 'eq', value: key };
}
