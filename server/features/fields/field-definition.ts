// A field's definition as stored (formula in stored form), used by create, patch and the operation log.
import type { FieldRow } from '../../db/database';
import type { FieldMeta } from '../meta';

/** Everything of a field but where it lives: one definition with FieldMeta, so the two cannot drift. */
export type FieldDefinition = Omit<FieldMeta, 'id' | 'tableId' | 'position'>;

export function definitionOf(f: FieldMeta): FieldDefinition {
  return {
    name: f.name,
    type: f.type,
    formula: f.formula,
    resultType: f.resultType,
    options: f.options,
    groups: f.groups,
    description: f.description,
    format: f.format,
    hidden: f.hidden,
  };
}

/** The columns of a field row that hold its definition. */
type DefinitionColumns = Omit<FieldRow, 'id' | 'table_id' | 'position' | 'created_at' | 'deleted_at'>;

export function definitionColumns(d: FieldDefinition): DefinitionColumns {
  return {
    name: d.name,
    type: d.type,
    formula: d.formula,
    result_type: d.resultType,
    options: d.options ? JSON.stringify(d.options) : null,
    groups: d.groups ? JSON.stringify(d.groups) : null,
    description: d.description,
    format: d.format,
    hidden: d.hidden ? 1 : 0,
  };
}
