// Resolves names against the schema, checks argument counts and kinds, infers types. Every problem is a
// diagnostic with the exact span; binding goes on after a problem so the editor sees all of them at once.

import type { DiagnosticSink } from '../diagnostics/diagnostic';
import type { StaticType } from '../eval/values';
import type { FieldRef } from '../graph/graph';
import type { Expr, RefName } from '../syntax/ast';
import { print } from '../syntax/printer';
import type { Span } from '../syntax/span';
import type { Bound } from './bound';
import { arityText, completesGroups, paramAt, type FunctionLibrary } from './library';
import { inferBinary, inferUnary } from './infer';
import { closest, resolveRef, type DeletedField, type FormulaSchema, type SchemaField, type SchemaTable } from './schema';

/** A reference that resolved, with what the shown and stored forms need to rewrite it. */
export interface ResolvedRef {
  readonly kind: 'field' | 'column';
  readonly span: Span;
  readonly field: SchemaField;
  /** The table written before `[…]`, if any. */
  readonly table?: SchemaTable;
}

/** A reference to a field in the trash: unresolved, but the shown form can still name it. */
export interface DeletedRef {
  readonly kind: 'field' | 'column';
  readonly span: Span;
  readonly field: DeletedField;
  readonly table?: SchemaTable;
}

export interface Binding {
  readonly root: Bound;
  readonly resolved: readonly ResolvedRef[];
  readonly deleted: readonly DeletedRef[];
  readonly unresolved: number;
  readonly references: readonly FieldRef[];
  readonly columnWide: boolean;
  readonly usesToday: boolean;
}

type Position = 'value' | 'column';

export function bind(ast: Expr, schema: FormulaSchema, tableId: string, library: FunctionLibrary, sink: DiagnosticSink): Binding {
  const own = schema.tables.find((t) => t.id === tableId);
  const resolved: ResolvedRef[] = [];
  const deleted: DeletedRef[] = [];
  const references = new Map<string, FieldRef>();
  let unresolved = 0;
  let columnWide = false;
  let usesToday = false;
  const lang = sink.language;

  const addRef = (ref: FieldRef): void => {
    const key = `${ref.tableId}\u0000${ref.fieldId}`;
    const seen = references.get(key);
    // A field read both per row and as a column is a column dependency.
    if (seen === undefined || (seen.mode === 'row' && ref.mode === 'column')) references.set(key, ref);
  };

  const unknownField = (ref: RefName, table: SchemaTable | undefined, at: Omit<DeletedRef, 'field'>): void => {
    unresolved++;
    const trashed = table?.deletedFields === undefined ? undefined : resolveRef(table.deletedFields, ref);
    if (trashed !== undefined) {
      deleted.push({ ...at, field: trashed });
      const params = { name: trashed.name, table: table !== undefined && table !== own ? table.name : '', deleted: 1 };
      sink.report('FORMULA_UNKNOWN_FIELD', ref.span, params);
      return;
    }
    const names = table?.fields.map((f) => f.name) ?? [];
    const suggestion = ref.byId ? undefined : closest(ref.name, names);
    const params = { name: ref.name, table: table !== undefined && table !== own ? table.name : '', suggestion: suggestion ?? '' };
    sink.report('FORMULA_UNKNOWN_FIELD', ref.span, params, suggestion);
  };

  const visit = (node: Expr, position: Position): Bound => {
    const invalid: Bound = { kind: 'invalid', node, type: 'mixed' };
    switch (node.kind) {
      case 'number':
        return { kind: 'literal', node, type: 'number', value: node.value };
      case 'text':
        return { kind: 'literal', node, type: 'text', value: node.value };
      case 'boolean':
        return { kind: 'literal', node, type: 'boolean', value: node.value };
      case 'missing':
        return invalid; // the parser reported it
      case 'field': {
        const field = own === undefined ? undefined : resolveRef(own.fields, node.field);
        if (own === undefined || field === undefined) {
          unknownField(node.field, own, { kind: 'field', span: node.span });
          return invalid;
        }
        resolved.push({ kind: 'field', span: node.span, field });
        // Value arguments are evaluated only at the row being computed, even inside column functions
        // (every implementation calls eval(row)); only columns make a dependency column-wide.
        addRef({ tableId, fieldId: field.id, mode: 'row' });
        return { kind: 'field', node, type: field.type, tableId, fieldId: field.id };
      }
      case 'column': {
        if (position === 'value') {
          sink.report('FORMULA_COLUMN_AS_VALUE', node.span, { text: print(node), name: node.field.name });
        }
        let table = own;
        if (node.table !== undefined) {
          table = resolveRef(schema.tables, node.table);
          if (table === undefined) {
            unresolved++;
            const suggestion = node.table.byId ? undefined : closest(node.table.name, schema.tables.map((t) => t.name));
            sink.report('FORMULA_UNKNOWN_TABLE', node.table.span, { name: node.table.name, suggestion: suggestion ?? '' }, suggestion);
            return invalid;
          }
        }
        const field = table === undefined ? undefined : resolveRef(table.fields, node.field);
        if (table === undefined || field === undefined) {
          unknownField(node.field, table, { kind: 'column', span: node.span, ...(node.table === undefined ? {} : { table }) });
          return invalid;
        }
        resolved.push({ kind: 'column', span: node.span, field, ...(node.table === undefined ? {} : { table }) });
        addRef({ tableId: table.id, fieldId: field.id, mode: 'column' });
        columnWide = true;
        return { kind: 'column', node, type: field.type, tableId: table.id, fieldId: field.id };
      }
      case 'paren': {
        const inner = visit(node.inner, position);
        return { kind: 'paren', node, type: inner.type, inner };
      }
      case 'unary': {
        const operand = visit(node.operand, 'value');
        return { kind: 'unary', node, type: inferUnary(operand.type), op: node.op, operand };
      }
      case 'percent': {
        const operand = visit(node.operand, 'value');
        return { kind: 'percent', node, type: 'number', operand };
      }
      case 'binary': {
        const left = visit(node.left, 'value');
        const right = visit(node.right, 'value');
        return { kind: 'binary', node, type: inferBinary(node.op, left.type, right.type), op: node.op, left, right };
      }
      case 'call':
        return visitCall(node);
    }
  };

  const visitCall = (node: Extract<Expr, { kind: 'call' }>): Bound => {
    const upper = node.name.toUpperCase();
    const def = library.lookup(upper);
    if (def === undefined) {
      // TRUE() and FALSE() work even if the library does not define them, as in Excel.
      if ((upper === 'TRUE' || upper === 'FALSE') && node.args.length === 0) {
        return { kind: 'literal', node, type: 'boolean', value: upper === 'TRUE' };
      }
      const suggestion = closest(upper, library.all().map((f) => f.name));
      sink.report('FORMULA_UNKNOWN_FUNCTION', node.nameSpan, { name: node.name, suggestion: suggestion ?? '' }, suggestion);
      node.args.forEach((arg) => visit(arg, 'column')); // still check the arguments
      return { kind: 'invalid', node, type: 'mixed' };
    }
    const count = node.args.length;
    const syntax = def.docs[lang].syntax;
    if (count < def.minArgs || count > def.maxArgs) {
      const arity = arityText(def);
      const extra = node.args[def.maxArgs];
      const at = count > def.maxArgs && extra !== undefined ? { start: extra.span.start, end: node.span.end } : node.span;
      sink.report('FORMULA_ARG_COUNT', at, { name: def.name, count, expected: lang === 'zh-CN' ? arity.zh : arity.en, syntax });
    } else if (!completesGroups(def, count)) {
      const first = def.params.findIndex((p) => p.repeats === true);
      const group = def.params.length - first;
      const counts = `${first + group}, ${first + 2 * group}, ${first + 3 * group}…`;
      sink.report('FORMULA_ARG_COUNT', node.span, { name: def.name, count, expected: counts, syntax });
    }
    if (def.usesToday === true) usesToday = true;
    if (def.columnWide) columnWide = true;
    const args = node.args.map((arg, index): Bound => {
      const kind = paramAt(def, index)?.kind ?? 'either';
      const isColumn = unwrapColumn(arg);
      if (kind === 'column' && !isColumn && arg.kind !== 'missing') {
        sink.report('FORMULA_ARG_KIND', arg.span, { name: def.name, param: index + 1, want: 'column', syntax });
      } else if (kind === 'value' && isColumn) {
        sink.report('FORMULA_ARG_KIND', arg.span, { name: def.name, param: index + 1, want: 'value', syntax });
      }
      // Positions only decide whether a column is out of place; kind errors were reported just above.
      return visit(arg, kind === 'value' && !isColumn ? 'value' : 'column');
    });
    return { kind: 'call', node, type: safeReturns(def.returns, args.map((a) => a.type)), def, args };
  };

  const root = visit(ast, 'value');
  return { root, resolved, deleted, unresolved, references: [...references.values()], columnWide, usesToday };
}

function unwrapColumn(node: Expr): boolean {
  let current = node;
  while (current.kind === 'paren') current = current.inner;
  return current.kind === 'column';
}

/** A library's type rule must not break checking; an unexpected failure means "unknown type". */
function safeReturns(returns: (types: readonly StaticType[]) => StaticType, types: readonly StaticType[]): StaticType {
  try {
    return returns(types);
  } catch {
    return 'mixed';
  }
}
