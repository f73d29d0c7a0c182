// The one place the server talks to the formula engine (formulas/index.ts).
import { checkFormula, compileFormula, storedToShown } from '../../../formulas';
import type { CheckResult, CompiledFormula, Diagnostic, FormulaSchema, StaticType } from '../../../formulas';
import { AppError } from '../../http/app-error';
import type { Language, ResultType } from '../../../common';
import type { FieldMeta, TableMeta } from '../meta';

export interface WorkbookSchemaInfo {
  /** trashedFields: fields in the trash, so formulas that use one name it (while still failing as #REF!). */
  tables: (TableMeta & { fields: FieldMeta[]; trashedFields?: { id: string; name: string }[] })[];
}

/** The engine's type of a field: select reads as text, a formula as its result type. */
export function staticTypeOf(f: FieldMeta): StaticType {
  switch (f.type) {
    case 'select':
      return 'text';
    case 'formula':
      return f.resultType ?? 'mixed';
    default:
      return f.type;
  }
}

export function toFormulaSchema(info: WorkbookSchemaInfo): FormulaSchema {
  return {
    tables: info.tables.map((t) => ({
      id: t.id,
      name: t.name,
      fields: t.fields.map((f) => ({
        id: f.id,
        name: f.name,
        type: staticTypeOf(f),
        ...(f.type === 'formula' && f.formula !== null ? { formula: f.formula } : {}),
      })),
      ...(t.trashedFields?.length ? { deletedFields: t.trashedFields } : {}),
    })),
  };
}

/** Stored formula (references by id) → the form users see (references by name). */
export function shownFormula(stored: string, tableId: string, schema: WorkbookSchemaInfo): string {
  return storedToShown(stored, toFormulaSchema(schema), tableId);
}

export interface CheckedFieldFormula {
  stored: string;
  resultType: ResultType;
  result: CheckResult;
}

function plain(d: Diagnostic): { code: string; message: string; start: number; end: number } {
  return { code: d.code, message: d.message, start: d.start, end: d.end };
}

/** Diagnostics of a refused formula in both languages, for the error envelope. */
export function formulaError(source: string, schema: FormulaSchema, tableId: string, fieldId: string | undefined, en: readonly Diagnostic[]): AppError {
  const zh = checkFormula(source, schema, tableId, { language: 'zh-CN', ...(fieldId ? { fieldId } : {}) }).diagnostics;
  const cycle = en.find((d) => d.code === 'FORMULA_CYCLE');
  const cycleZh = zh.find((d) => d.code === 'FORMULA_CYCLE');
  const details = {
    diagnostics: en.map(plain),
    diagnosticsZh: zh.map(plain),
    first: en[0]?.message ?? '',
    firstZh: zh[0]?.message ?? '',
    ...(cycle ? { cycle: cycle.message, cycleZh: cycleZh?.message ?? cycle.message } : {}),
  };
  return new AppError(cycle ? 'FORMULA_CYCLE' : 'FORMULA_INVALID', details);
}

/** Checks a formula typed by a user (shown form); throws FORMULA_INVALID / FORMULA_CYCLE with the diagnostics. */
export function checkFieldFormula(
  source: string,
  info: WorkbookSchemaInfo,
  tableId: string,
  options: { fieldId?: string; language?: Language },
): CheckedFieldFormula {
  const schema = toFormulaSchema(info);
  const result = checkFormula(source, schema, tableId, { language: 'en', ...(options.fieldId ? { fieldId: options.fieldId } : {}) });
  if (!result.ok || result.stored === undefined) throw formulaError(source, schema, tableId, options.fieldId, result.diagnostics);
  return { stored: result.stored, resultType: result.resultType, result };
}

export type StoredCheck =
  | { ok: true; compiled: CompiledFormula; result: CheckResult }
  | { ok: false; error: '#REF!' | '#CYCLE!' | '#NAME?'; message: string };

/** A stored formula of the schema, compiled; or the error value its cells show when it no longer checks. */
export function compileStored(stored: string, schema: FormulaSchema, tableId: string, fieldId: string, language: Language): StoredCheck {
  const result = checkFormula(stored, schema, tableId, { form: 'stored', fieldId, language });
  if (result.ok && result.formula) return { ok: true, compiled: compileFormula(result.formula), result };
  const first = result.diagnostics[0];
  const error = result.diagnostics.some((d) => d.code === 'FORMULA_CYCLE')
    ? '#CYCLE!'
    : result.diagnostics.some((d) => d.code === 'FORMULA_UNKNOWN_FUNCTION')
      ? '#NAME?'
      : '#REF!';
  return { ok: false, error, message: first?.message ?? error };
}
