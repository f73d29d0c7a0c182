// Shown form (names) ↔ stored form (ids). Conversion replaces only the text of each reference, so the
// user's spacing, case and full-width punctuation survive a round trip exactly.

import type { Span } from './span';
import { tableText } from './printer';

export interface Replacement {
  readonly span: Span;
  readonly text: string;
}

/** A reference's text in one form: ids with `#` (stored) or names (shown). */
export function referenceText(
  kind: 'field' | 'column',
  field: string,
  table: string | undefined,
  byId: boolean,
): string {
  const name = (byId ? '#' : '') + field;
  if (kind === 'field') return `{${name}}`;
  const prefix = table === undefined ? '' : tableText({ name: table, byId, span: { start: 0, end: 0 } });
  return `${prefix}[${name}]`;
}

/** Applies non-overlapping replacements to `source`. */
export function splice(source: string, replacements: readonly Replacement[]): string {
  const sorted = [...replacements].sort((a, b) => a.span.start - b.span.start);
  let out = '';
  let at = 0;
  for (const r of sorted) {
    out += source.slice(at, r.span.start) + r.text;
    at = r.span.end;
  }
  return out + source.slice(at);
}
