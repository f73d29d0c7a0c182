// The entry point of FORMULAS.md ("The entry point that tests and tools use"): one call from formula text
// and plain row objects to one JSON value per row. It builds a schema from the tables it is given, checks,
// compiles and runs; anything wrong with the formula itself is thrown as a FormulaError.

import { FormulaError } from './diagnostics/formula-error';
import { toCellValue, fromCellValue } from './eval/convert';
import { compileFormula } from './eval/evaluate';
import type { CellValue, Value } from './eval/values';
import { checkFormula } from './types/checker';
import type { FunctionLibrary } from './types/library';
import type { FormulaSchema, SchemaTable } from './types/schema';

export type TableData = {
  fields: { name: string; type: 'text' | 'number' | 'date' | 'boolean' }[];
  rows: Record<string, string | number | boolean | null>[];
};

export function evaluateFormula(
  source: string,
  table: TableData,
  options?: { tables?: Record<string, TableData>; asOf?: string },
): CellValue[] {
  return evaluateFormulaWith(source, table, options ?? {});
}

/** evaluateFormula with a chosen function library (tests). */
export function evaluateFormulaWith(
  source: string,
  table: TableData,
  options: { tables?: Record<string, TableData>; asOf?: string; functions?: FunctionLibrary },
): CellValue[] {
  // Ids are positions: names are what the caller knows, and positions cannot clash with them.
  const datas: TableData[] = [table, ...Object.values(options.tables ?? {})];
  const names = ['', ...Object.keys(options.tables ?? {})];
  const tables: SchemaTable[] = datas.map((data, t) => ({
    id: `t${t}`,
    name: names[t] as string,
    fields: data.fields.map((field, f) => ({ id: `f${f}`, name: field.name, type: field.type })),
  }));
  const schema: FormulaSchema = { tables };
  const checked = checkFormula(source, schema, 't0', options.functions === undefined ? {} : { functions: options.functions });
  if (checked.formula === undefined) throw new FormulaError(checked.diagnostics);
  const compiled = compileFormula(checked.formula);
  const values = compiled.run({
    rowCount: table.rows.length,
    asOf: options.asOf ?? localToday(),
    column(tableId, fieldId): Value[] {
      const data = datas[Number(tableId.slice(1))];
      const field = data?.fields[Number(fieldId.slice(1))];
      if (data === undefined || field === undefined) return [];
      return data.rows.map((row) => fromCellValue(row[field.name], field.type));
    },
  });
  return values.map((value) => toCellValue(value));
}

/** Today in the local time zone as YYYY-MM-DD (FORMULAS.md: the server's time zone by default). */
function localToday(): string {
  const now = new Date();
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
