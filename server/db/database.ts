// The fixed metadata tables (Kysely types). User tables (t_<id>) are reached through user-tables.ts.
import type { Generated, Kysely, Selectable, Transaction } from 'kysely';

export interface WorkbooksTable {
  id: string;
  name: string;
  language: string;
  as_of: string | null;
  dashboard: string | null;
  /** Place in the list of workbooks. */
  position: number;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface TablesTable {
  id: string;
  workbook_id: string;
  name: string;
  position: number;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface FieldsTable {
  id: string;
  table_id: string;
  name: string;
  type: string;
  /** Stored form: field references by id. */
  formula: string | null;
  result_type: string | null;
  /** JSON arrays. */
  options: string | null;
  groups: string | null;
  description: string | null;
  format: string | null;
  hidden: number;
  position: number;
  created_at: string;
  deleted_at: string | null;
}

/** A row of `fields` as read: the one type of a field row (pick the columns a query selects). */
export type FieldRow = Selectable<FieldsTable>;

export interface SettingsTable {
  key: string;
  value: string;
}

export interface TrashTable {
  id: string;
  kind: string;
  object_id: string;
  workbook_id: string;
  table_id: string | null;
  name: string;
  deleted_at: string;
}

export interface OperationsTable {
  id: Generated<number>;
  workbook_id: string;
  description: string;
  /** JSON of an Operation (history/operation.ts). */
  forward: string;
  inverse: string;
  /** 0: done (can be undone), 1: undone (can be redone). */
  undone: number;
  /** Operations of one user action sent in several requests share it: undone and redone together. */
  step: string | null;
  created_at: string;
}

/** An uploaded file waiting for its commit (features/imports/imports.store.ts); the file is <dataDir>/imports/<id>. */
export interface PendingImportsTable {
  id: string;
  workbook_id: string;
  filename: string;
  /** JSON of what the preview learnt (imports.store.ts `Learnt`). */
  learnt: string;
  created_at: string;
}

export interface Database {
  workbooks: WorkbooksTable;
  tables: TablesTable;
  fields: FieldsTable;
  settings: SettingsTable;
  trash: TrashTable;
  operations: OperationsTable;
  pending_imports: PendingImportsTable;
}

export type Db = Kysely<Database>;
/** A database handle or an open transaction: every service takes one as its first argument. */
export type Executor = Kysely<Database> | Transaction<Database>;
