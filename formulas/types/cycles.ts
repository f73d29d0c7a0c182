// Save-time cycle check: would the edited formula, together with the workbook's other formulas, make a
// field depend on itself? Reported with the path in names, at the reference that closes the loop.

import { createDiagnosticSink } from '../diagnostics/diagnostic';
import { createDependencyGraph, type GraphFormula } from '../graph/graph';
import { parse } from '../syntax/parser';
import type { Span } from '../syntax/span';
import { bind, type Binding } from './binder';
import type { FunctionLibrary } from './library';
import type { FormulaSchema } from './schema';

/**
 * Parsed once per schema object: the server checks every stored formula of a workbook against one schema
 * during a recompute, and each check with a fieldId needs all the others — without this that is O(n²)
 * parses. Schema objects are treated as immutable (their types are readonly).
 */
const parsedSchemas = new WeakMap<FormulaSchema, WeakMap<FunctionLibrary, readonly GraphFormula[]>>();

/** References of every formula field in the schema (stored forms), skipping one field if asked. */
export function schemaFormulas(schema: FormulaSchema, library: FunctionLibrary, skip?: { tableId: string; fieldId: string }): GraphFormula[] {
  let byLibrary = parsedSchemas.get(schema);
  if (byLibrary === undefined) {
    byLibrary = new WeakMap();
    parsedSchemas.set(schema, byLibrary);
  }
  let all = byLibrary.get(library);
  if (all === undefined) {
    all = parseSchemaFormulas(schema, library);
    byLibrary.set(library, all);
  }
  return skip === undefined ? [...all] : all.filter((f) => f.tableId !== skip.tableId || f.fieldId !== skip.fieldId);
}

function parseSchemaFormulas(schema: FormulaSchema, library: FunctionLibrary): GraphFormula[] {
  const out: GraphFormula[] = [];
  for (const table of schema.tables) {
    for (const field of table.fields) {
      if (field.formula === undefined) continue;
      const parsed = parse(field.formula, { form: 'stored' });
      if (parsed.ast === undefined) continue;
      const binding = bind(parsed.ast, schema, table.id, library, createDiagnosticSink('en'));
      out.push({ tableId: table.id, fieldId: field.id, references: binding.references, usesToday: binding.usesToday });
    }
  }
  return out;
}

export function findCycle(
  schema: FormulaSchema,
  tableId: string,
  fieldId: string,
  binding: Binding,
  library: FunctionLibrary,
): { at: Span; path: string } | undefined {
  const self = { tableId, fieldId };
  const formulas = schemaFormulas(schema, library, self);
  formulas.push({ ...self, references: binding.references });
  const cycle = createDependencyGraph(formulas).cycleThrough(self);
  if (cycle === undefined) return undefined;
  const next = cycle[1];
  const closing = binding.resolved.find(
    (ref) => ref.field.id === next?.fieldId && (ref.table?.id ?? tableId) === next.tableId,
  );
  const name = (key: { tableId: string; fieldId: string }): string => {
    const table = schema.tables.find((t) => t.id === key.tableId);
    const field = table?.fields.find((f) => f.id === key.fieldId);
    const fieldName = field?.name ?? key.fieldId;
    return key.tableId === tableId ? fieldName : `${table?.name ?? key.tableId}[${fieldName}]`;
  };
  return { at: closing?.span ?? binding.root.node.span, path: cycle.map(name).join(' → ') };
}
