// Autocomplete candidates at a cursor: fields inside `{…}`, columns inside `[…]` (of the named table),
// functions and tables where a name is being typed. The editor shows `label` and splices `apply` over
// [from, to).

import { contextAt, type CallContext } from '../syntax/cursor';
import { referenceText } from '../syntax/forms';
import { tableText } from '../syntax/printer';
import { registryLibrary, type FunctionLibrary } from './library';
import { resolveRef, type FormulaSchema, type SchemaField } from './schema';

export interface Completion {
  readonly label: string;
  readonly apply: string;
  readonly kind: 'field' | 'column' | 'function' | 'table' | 'constant';
  /** Field type, or the function's syntax line in the requested language. */
  readonly detail?: string;
}

export interface Completions {
  readonly from: number;
  readonly to: number;
  readonly options: readonly Completion[];
  readonly call?: CallContext;
}

export function completionsAt(
  source: string,
  offset: number,
  schema: FormulaSchema,
  tableId: string,
  options: { readonly functions?: FunctionLibrary; readonly language?: 'zh-CN' | 'en' } = {},
): Completions {
  const context = contextAt(source, offset);
  const library = options.functions ?? registryLibrary;
  const language = options.language ?? 'en';
  const own = schema.tables.find((t) => t.id === tableId);
  const matches = (name: string): boolean => name.toLowerCase().includes(context.prefix.trim().toLowerCase());
  const base = { from: context.from, to: context.to, ...(context.call === undefined ? {} : { call: context.call }) };
  const fieldsOf = (fields: readonly SchemaField[] | undefined, make: (f: SchemaField) => Completion): Completion[] =>
    (fields ?? []).filter((f) => matches(f.name)).map(make);

  switch (context.kind) {
    case 'field':
      return { ...base, options: fieldsOf(own?.fields, (f) => ({ label: f.name, apply: referenceText('field', f.name, undefined, false), kind: 'field', detail: f.type })) };
    case 'column': {
      const table = context.table === undefined ? own : resolveRef(schema.tables, { name: context.table, byId: false, span: { start: 0, end: 0 } });
      const written = context.table === undefined ? undefined : table?.name;
      return {
        ...base,
        options: fieldsOf(table?.fields, (f) => ({ label: f.name, apply: referenceText('column', f.name, written, false), kind: 'column', detail: f.type })),
      };
    }
    case 'name':
    case 'value': {
      const functions: Completion[] = library
        .all()
        .filter((f) => matches(f.name))
        .map((f) => ({ label: f.name, apply: `${f.name}(`, kind: 'function', detail: f.docs[language].syntax }));
      const tables: Completion[] = schema.tables
        .filter((t) => matches(t.name))
        .map((t) => ({ label: t.name, apply: `${tableText({ name: t.name, byId: false, span: { start: 0, end: 0 } })}[`, kind: 'table' }));
      const constants: Completion[] = ['TRUE', 'FALSE'].filter(matches).map((c) => ({ label: c, apply: c, kind: 'constant' }));
      const fields = context.kind === 'value' ? fieldsOf(own?.fields, (f) => ({ label: `{${f.name}}`, apply: referenceText('field', f.name, undefined, false), kind: 'field', detail: f.type })) : [];
      return { ...base, options: [...fields, ...functions, ...constants, ...tables] };
    }
    case 'none':
      return { ...base, options: [] };
  }
}
