// The workbook as the checker sees it, and name resolution with "did you mean" suggestions.

import type { StaticType } from '../eval/values';
import type { RefName } from '../syntax/ast';

export type FieldType = StaticType;

export interface SchemaField {
  readonly id: string;
  readonly name: string;
  readonly type: FieldType;
  /** The field's formula in STORED form, when it is a formula field (lets the checker find cycles). */
  readonly formula?: string;
}

export interface SchemaTable {
  readonly id: string;
  readonly name: string;
  readonly fields: readonly SchemaField[];
  /**
   * Fields in the trash. They never bind (a reference to one is FORMULA_UNKNOWN_FIELD, its cells #REF!), but
   * the shown form and the message name them instead of showing their id.
   */
  readonly deletedFields?: readonly DeletedField[];
}

export interface DeletedField {
  readonly id: string;
  readonly name: string;
}

export interface FormulaSchema {
  readonly tables: readonly SchemaTable[];
}

type Named = { readonly id: string; readonly name: string };

/**
 * Finds a table or field by a reference: by id when the reference is `#id` (stored form), else by name —
 * exactly first, then ignoring case and surrounding spaces if that picks exactly one (forgiving input).
 */
export function resolveRef<T extends Named>(items: readonly T[], ref: RefName): T | undefined {
  if (ref.byId) return items.find((item) => item.id === ref.name);
  const exact = items.find((item) => item.name === ref.name);
  if (exact !== undefined) return exact;
  const key = fold(ref.name);
  const loose = items.filter((item) => fold(item.name) === key);
  return loose.length === 1 ? loose[0] : undefined;
}

function fold(name: string): string {
  return name.trim().toLowerCase();
}

/** The closest candidate by edit distance (case-insensitive), if close enough to be a plausible typo. */
export function closest(name: string, candidates: readonly string[]): string | undefined {
  const key = fold(name);
  if (key === '') return undefined;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const folded = fold(candidate);
    // A name contained in the other ("销售" in "销售额") is a strong hint even when the lengths differ a lot.
    const distance = score(key, folded, bestDistance);
    if (distance < bestDistance) {
      bestDistance = distance;
      best = candidate;
    }
  }
  const allowed = Math.max(1, Math.ceil(key.length / 3));
  return bestDistance <= allowed ? best : undefined;
}

/** How far a typed name is from a candidate; lower is closer. */
function score(key: string, candidate: string, limit: number): number {
  // A name contained in the other ("销售" in "销售额") is a strong hint even when the lengths differ a lot.
  if (candidate.includes(key) || key.includes(candidate)) return Math.abs(candidate.length - key.length) * 0.5;
  // An abbreviation keeping the first letter ("amt" for "amount").
  if (key[0] === candidate[0] && isSubsequence(key, candidate)) return 0.9 + Math.min(candidate.length - key.length, 9) * 0.01;
  let best = editDistance(key, candidate, limit);
  // A typo at the start of a longer name ("Ordrs" for "Orders 2024").
  for (let n = key.length - 1; n <= key.length + 1; n++) {
    if (n > 0 && n < candidate.length) best = Math.min(best, editDistance(key, candidate.slice(0, n), limit) + 0.5);
  }
  return best;
}

function isSubsequence(short: string, long: string): boolean {
  let at = 0;
  for (const ch of long) if (ch === short[at]) at++;
  return at === short.length;
}

/** Levenshtein distance, giving up early (returns Infinity) once it cannot beat `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) >= limit) return Infinity;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + cost);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin >= limit) return Infinity;
    previous = current;
  }
  return previous[b.length] as number;
}
