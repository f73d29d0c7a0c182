// checkFormula: parse + bind + cycle check, producing everything the server and editor need about one
// formula: diagnostics, stored and shown forms, result type, references, and the checked tree to compile.

import { createDiagnosticSink, sortDiagnostics } from '../diagnostics/diagnostic';
import type { Diagnostic, Language } from '../diagnostics/codes';
import type { StaticType } from '../eval/values';
import type { FieldRef } from '../graph/graph';
import { referenceText, splice } from '../syntax/forms';
import { parse, type FormulaForm } from '../syntax/parser';
import { bind, type Binding } from './binder';
import type { CheckedFormula } from './bound';
import { findCycle } from './cycles';
import { registryLibrary, type FunctionLibrary } from './library';
import { resolveRef, type FormulaSchema } from './schema';

export interface CheckOptions {
  /** Which form `source` is in; default 'shown' (names). */
  readonly form?: FormulaForm;
  readonly language?: Language;
  /** The formula field being edited: enables FORMULA_CYCLE through the schema's other formulas. */
  readonly fieldId?: string;
  readonly functions?: FunctionLibrary;
}

export interface CheckResult {
  readonly ok: boolean;
  readonly diagnostics: readonly Diagnostic[];
  readonly stored?: string;
  readonly shown?: string;
  readonly resultType: StaticType;
  readonly references: readonly FieldRef[];
  readonly columnWide: boolean;
  readonly usesToday: boolean;
  readonly formula?: CheckedFormula;
}

export function checkFormula(source: string, schema: FormulaSchema, tableId: string, options: CheckOptions = {}): CheckResult {
  const form = options.form ?? 'shown';
  const language = options.language ?? 'en';
  const library = options.functions ?? registryLibrary;
  const parsed = parse(source, { form, language });
  const failed = (diagnostics: readonly Diagnostic[]): CheckResult => ({
    ok: false,
    diagnostics: sortDiagnostics(diagnostics),
    resultType: 'mixed',
    references: [],
    columnWide: false,
    usesToday: false,
  });
  if (parsed.ast === undefined) return failed(parsed.diagnostics);

  const sink = createDiagnosticSink(language);
  const binding = bind(parsed.ast, schema, tableId, library, sink);
  if (options.fieldId !== undefined) {
    const cycle = findCycle(schema, tableId, options.fieldId, binding, library);
    if (cycle !== undefined) sink.report('FORMULA_CYCLE', cycle.at, { path: cycle.path });
  }
  const diagnostics = sortDiagnostics([...parsed.diagnostics.map((d) => suggestBraces(d, source, schema, tableId)), ...sink.list]);
  const forms = binding.unresolved === 0 && parsed.diagnostics.length === 0 ? convertForms(source, binding) : {};
  const ok = diagnostics.length === 0;
  const formula: CheckedFormula | undefined = ok
    ? {
        source,
        form,
        tableId,
        root: binding.root,
        resultType: binding.root.type,
        references: binding.references,
        columnWide: binding.columnWide,
        usesToday: binding.usesToday,
      }
    : undefined;
  return {
    ok,
    diagnostics,
    ...forms,
    resultType: binding.root.type,
    references: binding.references,
    columnWide: binding.columnWide,
    usesToday: binding.usesToday,
    ...(formula === undefined ? {} : { formula }),
  };
}

/** A bare word that names a field of the table was surely meant as that field: offer `{name}`. */
function suggestBraces(d: Diagnostic, source: string, schema: FormulaSchema, tableId: string): Diagnostic {
  if (d.code !== 'FORMULA_BARE_NAME') return d;
  const name = source.slice(d.start, d.end);
  const fields = schema.tables.find((t) => t.id === tableId)?.fields ?? [];
  const field = resolveRef(fields, { name, byId: false, span: { start: d.start, end: d.end } });
  return field === undefined ? d : { ...d, suggestion: `{${field.name}}` };
}

function convertForms(source: string, binding: Binding): { stored: string; shown: string } {
  const stored = binding.resolved.map((ref) => ({
    span: ref.span,
    text: referenceText(ref.kind, ref.field.id, ref.table?.id, true),
  }));
  const shown = binding.resolved.map((ref) => ({
    span: ref.span,
    text: referenceText(ref.kind, ref.field.name, ref.table?.name, false),
  }));
  return { stored: splice(source, stored), shown: splice(source, shown) };
}

/**
 * Stored form → shown form. A reference to a field in the trash (SchemaTable.deletedFields) shows its name;
 * other references that no longer resolve (a purged field) are left as written.
 */
export function storedToShown(
  stored: string,
  schema: FormulaSchema,
  tableId: string,
  options: { readonly functions?: FunctionLibrary } = {},
): string {
  const parsed = parse(stored, { form: 'stored' });
  if (parsed.ast === undefined) return stored;
  const binding = bind(parsed.ast, schema, tableId, options.functions ?? registryLibrary, createDiagnosticSink('en'));
  return splice(
    stored,
    [...binding.resolved, ...binding.deleted].map((ref) => ({ span: ref.span, text: referenceText(ref.kind, ref.field.name, ref.table?.name, false) })),
  );
}

/** Shown form → stored form, or the diagnostics that prevent it. */
export function shownToStored(
  shown: string,
  schema: FormulaSchema,
  tableId: string,
  options: { readonly functions?: FunctionLibrary; readonly language?: Language } = {},
): { readonly ok: boolean; readonly stored?: string; readonly diagnostics: readonly Diagnostic[] } {
  const result = checkFormula(shown, schema, tableId, options);
  return result.stored === undefined
    ? { ok: false, diagnostics: result.diagnostics }
    : { ok: true, stored: result.stored, diagnostics: result.diagnostics };
}
