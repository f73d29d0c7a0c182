// A field's definition as stored (formula in stored form), used by create, patch and the operation log.
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

export function definitionColumns(d: FieldDefinition): {
  name: string;
  type: string;
  formula: string | null;
  result_type: string | null;
  options: string | null;
  groups: string | null;
  description: string | null;
  format: string | null;
  hidden: number;
} {
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
