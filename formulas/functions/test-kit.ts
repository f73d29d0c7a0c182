// Shared by the function-family tests: a one-row table with a field of every type (blanks included)
// and helpers that run a formula through the public entry point, so tests see what users see.
import { evaluateFormula, type TableData } from '../index';
import type { CellValue } from '../eval/values';

/** One row: N=5, T="abc", S="3" (numeric text), D=2024-01-31, B=TRUE, and blank fields of each type. */
export const ONE_ROW: TableData = {
  fields: [
    { name: 'N', type: 'number' },
    { name: 'T', type: 'text' },
    { name: 'S', type: 'text' },
    { name: 'D', type: 'date' },
    { name: 'B', type: 'boolean' },
    { name: 'Blank', type: 'number' },
    { name: 'BlankText', type: 'text' },
    { name: 'BlankDate', type: 'date' },
  ],
  rows: [{ N: 5, T: 'abc', S: '3', D: '2024-01-31', B: true, Blank: null, BlankText: null, BlankDate: null }],
};

export const AS_OF = '2024-05-01';

/** The formula's value on the first row of `table` (ONE_ROW by default). */
export function one(formula: string, table: TableData = ONE_ROW, tables?: Record<string, TableData>): CellValue {
  const [first] = evaluateFormula(formula, table, { asOf: AS_OF, ...(tables ? { tables } : {}) });
  return first === undefined ? null : first;
}

/** The formula's values on every row. */
export function all(formula: string, table: TableData, tables?: Record<string, TableData>): CellValue[] {
  return evaluateFormula(formula, table, { asOf: AS_OF, ...(tables ? { tables } : {}) });
}

/** An expected error cell (the message is free to change). */
export function err(code: string): { error: string } {
  return { error: code };
}

/** A number column table: field X holds the values, row by row. */
export function column(values: readonly (number | string | boolean | null)[], type: 'number' | 'text' | 'date' | 'boolean' = 'number'): TableData {
  return { fields: [{ name: 'X', type }], rows: values.map((X) => ({ X })) };
}
