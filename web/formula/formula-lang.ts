import { allFunctions, checkFormula, tokenize } from '../../formulas';
import type { Diagnostic, FormulaSchema, FunctionDef, SchemaField, TokenKind } from '../../formulas';
import type { Field, FieldType, Language, Table, TrashItem } from '../api/types';

/** A coloured stretch of the formula text (CSS class per token kind). */
export interface Highlight {
  from: number;
  to: number;
  cls: string;
}

const CLASS: Partial<Record<TokenKind, string>> = {
  number: 'f-number',
  string: 'f-string',
  field: 'f-field',
  column: 'f-column',
  quotedName: 'f-table',
  op: 'f-op',
  comma: 'f-punct',
  lparen: 'f-punct',
  rparen: 'f-punct',
  error: 'f-error',
};

/** Highlighting from the formula lexer: function names, TRUE/FALSE, refs, strings, numbers, operators. */
export function highlights(source: string): Highlight[] {
  const out: Highlight[] = [];
  const tokens = tokenize(source);
  tokens.forEach((t, i) => {
    if (t.kind === 'eof' || t.span.end <= t.span.start) return;
    let cls = CLASS[t.kind];
    if (t.kind === 'name') {
      const next = tokens[i + 1];
      const upper = t.value.toUpperCase();
      if (upper === 'TRUE' || upper === 'FALSE') cls = 'f-bool';
      else if (next?.kind === 'lparen') cls = 'f-function';
      else if (next?.kind === 'column') cls = 'f-table';
      else cls = 'f-name';
    }
    if (cls) out.push({ from: t.span.start, to: t.span.end, cls });
  });
  return out;
}

function schemaType(f: Field): SchemaField['type'] {
  if (f.type === 'select') return 'text';
  if (f.type === 'formula') return f.resultType ?? 'mixed';
  return f.type;
}

/**
 * The checker's view of the workbook: every table whose fields we know, with the fields in the trash (so a
 * reference to one says it was deleted instead of suggesting a look-alike name).
 */
export function toSchema(
  tables: readonly Pick<Table, 'id' | 'name' | 'fields'>[],
  trash: readonly Pick<TrashItem, 'kind' | 'objectId' | 'name' | 'tableId'>[] = [],
): FormulaSchema {
  return {
    tables: tables.map((t) => ({
      id: t.id,
      name: t.name,
      fields: t.fields.map((f) => ({ id: f.id, name: f.name, type: schemaType(f) })),
      deletedFields: trash.filter((x) => x.kind === 'field' && x.tableId === t.id).map((x) => ({ id: x.objectId, name: x.name })),
    })),
  };
}

/** Errors as the user types, in their language (the server checks again before saving). */
export function localDiagnostics(source: string, schema: FormulaSchema, tableId: string, language: Language): Diagnostic[] {
  if (source.trim() === '') return [];
  return [...checkFormula(source, schema, tableId, { language }).diagnostics];
}

export interface Completion {
  label: string;
  /** Text put in place of [from, to). */
  apply: string;
  kind: 'function' | 'field' | 'column' | 'constant';
  detail?: string;
  info?: string;
}
export interface CompletionResult {
  from: number;
  to: number;
  options: Completion[];
}

function functionCompletion(f: FunctionDef, language: Language): Completion {
  const d = f.docs[language];
  return { label: f.name, apply: `${f.name}(`, kind: 'function', detail: d.syntax, info: `${d.summary}\n${d.example}` };
}

/**
 * What to offer at the cursor: fields after `{` (row value) or `[` (column), functions and TRUE/FALSE
 * while typing a name. Returns null when nothing fits.
 */
/** Field types as the completion list names them (the same words as the UI's fieldType messages). */
const TYPE_NAMES: Record<Language, Record<FieldType, string>> = {
  'zh-CN': { text: '文本', number: '数字', date: '日期', boolean: '复选框', select: '单选', formula: '公式' },
  en: { text: 'Text', number: 'Number', date: 'Date', boolean: 'Checkbox', select: 'Single select', formula: 'Formula' },
};

export function completionsAt(source: string, pos: number, fields: readonly Field[], language: Language, explicit = false): CompletionResult | null {
  const before = source.slice(0, pos);
  const ref = /([{[])([^{}[\]]*)$/.exec(before);
  if (ref && ref[1] !== undefined) {
    const open = ref[1];
    const close = open === '{' ? '}' : ']';
    const from = pos - (ref[2]?.length ?? 0) - 1;
    const hasClose = source[pos] === close;
    const typed = (ref[2] ?? '').trim().toLowerCase();
    const rank = (name: string) => (name.toLowerCase().startsWith(typed) ? 0 : 1);
    const matching = fields.filter((f) => f.name.toLowerCase().includes(typed)).sort((a, b) => rank(a.name) - rank(b.name));
    if (matching.length === 0) return null;
    return {
      from,
      to: hasClose ? pos + 1 : pos,
      options: matching.map((f) => ({
        label: `${open}${f.name}${close}`,
        apply: `${open}${f.name}${close}`,
        kind: open === '{' ? 'field' : 'column',
        detail: TYPE_NAMES[language][f.type],
        info: f.description,
      })),
    };
  }
  const word = /[\p{L}_][\p{L}\p{N}_.]*$/u.exec(before);
  if (!word && !explicit) return null;
  const from = word ? pos - word[0].length : pos;
  const prefix = (word?.[0] ?? '').toUpperCase();
  const fns = allFunctions().filter((f) => f.name.startsWith(prefix)).map((f) => functionCompletion(f, language));
  // TRUE and FALSE are also functions (TRUE()): list each name once.
  const consts: Completion[] = ['TRUE', 'FALSE'].filter((c) => c.startsWith(prefix) && !fns.some((f) => f.label === c)).map((c) => ({ label: c, apply: c, kind: 'constant' }));
  const flds: Completion[] = fields
    .filter((f) => prefix === '' || f.name.toUpperCase().includes(prefix))
    .map((f) => ({ label: `{${f.name}}`, apply: `{${f.name}}`, kind: 'field', detail: TYPE_NAMES[language][f.type], info: f.description }));
  const options = [...fns, ...consts, ...flds];
  return options.length ? { from, to: pos, options } : null;
}

const COMPARISON = new Set(['=', '<>', '<', '>', '<=', '>=']);

/**
 * The labels a grouping formula can give, in order: its text literals that are results, not operands of a
 * comparison or `&` (IFS({销售额}>=1e4,"高",TRUE,"低") → 高, 低).
 */
export function labelsFromFormula(source: string): string[] {
  const tokens = tokenize(source).filter((t) => t.kind !== 'eof');
  const out: string[] = [];
  tokens.forEach((t, i) => {
    if (t.kind !== 'string' || t.value === '') return;
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    const isOperand = (x: typeof t | undefined) => x?.kind === 'op' && (COMPARISON.has(x.value) || x.value === '&');
    if (isOperand(prev) || isOperand(next)) return;
    if (!out.includes(t.value)) out.push(t.value);
  });
  return out;
}

/** Rename result labels inside a formula: every text literal equal to an old label becomes the new one. */
export function renameLabelsInFormula(source: string, renames: ReadonlyMap<string, string>): string {
  let out = '';
  let at = 0;
  for (const t of tokenize(source)) {
    if (t.kind !== 'string') continue;
    const next = renames.get(t.value);
    if (next === undefined || next === t.value) continue;
    out += source.slice(at, t.span.start) + `"${next.replace(/"/g, '""')}"`;
    at = t.span.end;
  }
  return out + source.slice(at);
}
