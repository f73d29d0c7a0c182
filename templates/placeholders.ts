// The placeholder syntax of formula templates (templates/README.md "Formula templates").
//
// A template's formula is written in the formula language of FORMULAS.md, except that every field,
// parameter and label is a placeholder, replaced when the template is applied:
//
//   {input:amount}   [input:amount]   the mapped field of an input: this row's value / the whole column
//   {output:tier}    [output:tier]    another output of the same template (made before this one)
//   {param:top}                       a parameter's value, as a literal (number, "text", TRUE/FALSE)
//   {label:high}     {label:tier.high} a group's label, as a text literal, in the workbook's language
//                                     (a bare key names a group of the output being rendered)
//   [orders:amount]                   a column of the orders table (customer summary formulas only)
//
// A template never contains any other brace or bracket: there are no field names in templates.

export type PlaceholderKind = 'input' | 'output' | 'param' | 'label' | 'orders';
export type PlaceholderMode = 'row' | 'column';

export interface Placeholder {
  readonly kind: PlaceholderKind;
  readonly key: string;
  readonly mode: PlaceholderMode;
  /** Offsets of the whole placeholder, braces included, in the template text. */
  readonly start: number;
  readonly end: number;
}

export type TemplatePart = { readonly text: string } | { readonly placeholder: Placeholder };

export interface PlaceholderProblem {
  readonly message: string;
  readonly start: number;
  readonly end: number;
}

const KINDS: ReadonlySet<string> = new Set(['input', 'output', 'param', 'label', 'orders']);
const ROW_ONLY: ReadonlySet<string> = new Set(['param', 'label']);
const COLUMN_ONLY: ReadonlySet<string> = new Set(['orders']);
const KEY = /^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)?$/;

/** Splits a formula template into text and placeholders; problems say what is malformed and where. */
export function parseFormulaTemplate(source: string): {
  parts: TemplatePart[];
  placeholders: Placeholder[];
  problems: PlaceholderProblem[];
} {
  const parts: TemplatePart[] = [];
  const placeholders: Placeholder[] = [];
  const problems: PlaceholderProblem[] = [];
  let text = '';
  let i = 0;
  while (i < source.length) {
    const ch = source[i];
    if (ch === '"') {
      // A text literal: copied as is (its quotes doubled inside), placeholders are not looked for in it.
      let j = i + 1;
      while (j < source.length) {
        if (source[j] === '"') {
          if (source[j + 1] === '"') j += 2;
          else break;
        } else j += 1;
      }
      if (j >= source.length) problems.push({ message: 'unterminated text literal', start: i, end: source.length });
      text += source.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (ch === '{' || ch === '[') {
      const close = ch === '{' ? '}' : ']';
      const end = source.indexOf(close, i + 1);
      if (end < 0) {
        problems.push({ message: `"${ch}" is never closed`, start: i, end: source.length });
        text += source.slice(i);
        break;
      }
      const inner = source.slice(i + 1, end);
      const colon = inner.indexOf(':');
      const kind = colon < 0 ? '' : inner.slice(0, colon);
      const key = colon < 0 ? '' : inner.slice(colon + 1);
      const mode: PlaceholderMode = ch === '{' ? 'row' : 'column';
      if (!KINDS.has(kind) || !KEY.test(key)) {
        problems.push({
          message: `"${source.slice(i, end + 1)}" is not a placeholder (expected {input:key}, [input:key], {output:key}, [output:key], {param:key}, {label:key} or [orders:key])`,
          start: i,
          end: end + 1,
        });
      } else if ((mode === 'column' && ROW_ONLY.has(kind)) || (mode === 'row' && COLUMN_ONLY.has(kind))) {
        problems.push({
          message: `${kind} placeholders are written ${ROW_ONLY.has(kind) ? `{${kind}:…}` : `[${kind}:…]`}`,
          start: i,
          end: end + 1,
        });
      } else {
        if (text) parts.push({ text });
        text = '';
        const placeholder: Placeholder = { kind: kind as PlaceholderKind, key, mode, start: i, end: end + 1 };
        parts.push({ placeholder });
        placeholders.push(placeholder);
      }
      i = end + 1;
      continue;
    }
    if (ch === '}' || ch === ']') problems.push({ message: `unmatched "${ch}"`, start: i, end: i + 1 });
    text += ch;
    i += 1;
  }
  if (text) parts.push({ text });
  return { parts, placeholders, problems };
}
