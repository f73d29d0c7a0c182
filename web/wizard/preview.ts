import { evaluateFormula } from '../../formulas';
import type { CellValue } from '../api/types';

export interface GroupCount {
  label: string;
  count: number;
}
export interface GroupPreview {
  groups: GroupCount[];
  unclassified: number;
  /** Other labels the formula gave (not in the declared list). */
  other: GroupCount[];
  total: number;
}

type Scalar = string | number | boolean | null;
export type SourceType = 'text' | 'number' | 'date' | 'boolean';

/**
 * Run the wizard's formula over (a sample of) the source column in the browser and count rows per group;
 * blanks and errors are "unclassified". Column functions see only the sample, so counts are exact when
 * the sample is the whole table.
 */
export function previewGroups(formula: string, field: string, type: SourceType, values: readonly CellValue[], labels: readonly string[], asOf?: string): GroupPreview {
  const rows = values.map((v): Record<string, Scalar> => ({ [field]: typeof v === 'object' && v !== null ? null : v }));
  const out = evaluateFormula(formula, { fields: [{ name: field, type }], rows }, asOf ? { asOf } : {});
  const counts = new Map<string, number>();
  let unclassified = 0;
  for (const v of out) {
    if (v === null || v === '' || (typeof v === 'object' && v !== null)) {
      unclassified++;
      continue;
    }
    const k = String(v);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const groups = labels.map((label) => ({ label, count: counts.get(label) ?? 0 }));
  const other = [...counts].filter(([k]) => !labels.includes(k)).map(([label, count]) => ({ label, count }));
  return { groups, unclassified, other, total: out.length };
}

/** Distinct values of a category column, most frequent first. */
export function categoriesOf(values: readonly CellValue[]): { value: string; count: number }[] {
  const m = new Map<string, number>();
  for (const v of values) {
    if (v === null || v === '' || typeof v === 'object') continue;
    const k = String(v);
    m.set(k, (m.get(k) ?? 0) + 1);
  }
  return [...m].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count);
}
