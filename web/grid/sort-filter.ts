import type { FilterModel, SortModelItem } from 'ag-grid-community';
import type { Filter, FilterCondition } from '../api/types';

type Scalar = string | number | boolean | null;

/** AG Grid's sort model → the server's `sort=fieldId:asc,fieldId:desc`. */
export function sortModelToParam(model: readonly SortModelItem[]): string | undefined {
  const parts = model.map((m) => `${m.colId}:${m.sort}`);
  return parts.length ? parts.join(',') : undefined;
}

interface SimpleModel {
  filterType?: string;
  type?: string | null;
  filter?: string | number | null;
  filterTo?: number | null;
  dateFrom?: string | null;
  dateTo?: string | null;
  values?: unknown[];
}
interface CombinedModel {
  filterType?: string;
  operator: 'AND' | 'OR';
  conditions: SimpleModel[];
}

function isCombined(m: unknown): m is CombinedModel {
  return typeof m === 'object' && m !== null && 'conditions' in m && Array.isArray((m as CombinedModel).conditions);
}

function day(s: string | null | undefined): string | null {
  return s ? s.slice(0, 10) : null;
}

/** One column condition from AG Grid (text/number/date filters, or our group "set" filter). */
export function simpleToCondition(fieldId: string, m: SimpleModel): FilterCondition | Filter | null {
  if (m.filterType === 'set') {
    const values = (m.values ?? []).filter((v): v is Scalar => v === null || ['string', 'number', 'boolean'].includes(typeof v));
    const named = values.filter((v) => v !== null);
    const blank = named.length < values.length;
    const inCond: FilterCondition = { fieldId, op: 'in', value: named };
    if (!blank) return inCond;
    const empty: FilterCondition = { fieldId, op: 'empty' };
    return named.length ? { or: [inCond, empty] } : empty;
  }
  const isDate = m.filterType === 'date';
  const v: Scalar = isDate ? day(m.dateFrom) : (m.filter ?? null);
  const v2: Scalar = isDate ? day(m.dateTo) : (m.filterTo ?? null);
  switch (m.type) {
    case 'equals': return { fieldId, op: 'eq', value: v };
    case 'notEqual': return { fieldId, op: 'ne', value: v };
    case 'contains': return { fieldId, op: 'contains', value: v };
    case 'notContains': return { fieldId, op: 'notContains', value: v };
    case 'greaterThan': return { fieldId, op: 'gt', value: v };
    case 'greaterThanOrEqual': return { fieldId, op: 'gte', value: v };
    case 'lessThan': return { fieldId, op: 'lt', value: v };
    case 'lessThanOrEqual': return { fieldId, op: 'lte', value: v };
    case 'inRange': return { fieldId, op: 'between', value: [v, v2] };
    case 'blank': return { fieldId, op: 'empty' };
    case 'notBlank': return { fieldId, op: 'notEmpty' };
    default: return null;
  }
}

/** AG Grid's filter model (keyed by colId = fieldId) → the server's filter JSON, or null when empty. */
export function filterModelToFilter(model: FilterModel | null | undefined): Filter | null {
  const all: (FilterCondition | Filter)[] = [];
  for (const [fieldId, m] of Object.entries(model ?? {})) {
    if (isCombined(m)) {
      const parts = m.conditions.map((c) => simpleToCondition(fieldId, c)).filter((c) => c !== null);
      if (parts.length === 1 && parts[0]) all.push(parts[0]);
      else if (parts.length > 1) all.push(m.operator === 'OR' ? { or: parts } : { and: parts });
    } else {
      const c = simpleToCondition(fieldId, m as SimpleModel);
      if (c) all.push(c);
    }
  }
  return all.length ? { and: all } : null;
}

