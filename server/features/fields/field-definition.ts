// A field's definition as stored (formula in stored form), used by create, patch and the operation log.
import type { FieldGroup, FieldType, ResultType, SelectOption } from '../../wire';
import type { FieldMeta } from '../meta';

export interface FieldDefinition {
  name: string;
  type: FieldType;
  formula: string | null;
  resultType: ResultType | null;
  options: SelectOption[] | null;
  groups: FieldGroup[] | null;
  description: string | null;
  format: string | null;
  hidden: boolean;
}

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
