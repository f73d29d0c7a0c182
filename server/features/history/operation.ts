// What the operation log keeps: each edit and its inverse, as data.
import type { CellValue } from '../../../common';
import type { FieldDefinition } from '../fields/field-definition';

export interface RowCells {
  id: string;
  cells: Record<string, CellValue>;
}

export type Operation =
  | { kind: 'rows.insert'; tableId: string; rows: RowCells[] }
  | { kind: 'rows.delete'; tableId: string; ids: string[] }
  | { kind: 'rows.update'; tableId: string; rows: RowCells[] }
  | { kind: 'table.trash'; tableId: string }
  | { kind: 'table.restore'; tableId: string }
  | { kind: 'table.rename'; tableId: string; name: string }
  | { kind: 'field.trash'; fieldId: string }
  | { kind: 'field.restore'; fieldId: string }
  | { kind: 'field.define'; fieldId: string; definition: FieldDefinition; rows?: RowCells[] }
  | { kind: 'batch'; ops: Operation[] };

export interface Description {
  en: string;
  zh: string;
}
