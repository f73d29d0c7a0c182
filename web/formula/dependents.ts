import { checkFormula, createDependencyGraph } from '../../formulas';
import type { GraphFormula } from '../../formulas';
import type { Table } from '../api/types';
import { toSchema } from './formula-lang';

/** A formula field that reads another field. */
export interface FormulaDependent {
  tableId: string;
  tableName: string;
  fieldId: string;
  fieldName: string;
}

type KnownTable = Pick<Table, 'id' | 'name' | 'fields'>;

/**
 * The formula fields of any of `tables` that use the field directly (they turn #REF! when it is deleted),
 * the field's own table first. Formulas are in the shown form the server sends, so they bind by name.
 */
export function formulaDependents(tables: readonly KnownTable[], target: { tableId: string; fieldId: string }): FormulaDependent[] {
  const schema = toSchema(tables);
  const formulas: GraphFormula[] = [];
  const byKey = new Map<string, FormulaDependent>();
  for (const t of tables) {
    for (const f of t.fields) {
      if (f.type !== 'formula' || !f.formula) continue;
      // A formula already broken elsewhere still reads the fields it names.
      const { references } = checkFormula(f.formula, schema, t.id);
      formulas.push({ tableId: t.id, fieldId: f.id, references });
      byKey.set(`${t.id}\u0000${f.id}`, { tableId: t.id, tableName: t.name, fieldId: f.id, fieldName: f.name });
    }
  }
  const found = createDependencyGraph(formulas)
    .directDependents(target)
    .map((d) => byKey.get(`${d.field.tableId}\u0000${d.field.fieldId}`))
    .filter((d): d is FormulaDependent => d !== undefined && !(d.tableId === target.tableId && d.fieldId === target.fieldId));
  const order = tables.map((t) => t.id);
  const rank = (d: FormulaDependent) => (d.tableId === target.tableId ? -1 : order.indexOf(d.tableId));
  return found.sort((a, b) => rank(a) - rank(b));
}
