// Metadata of workbooks, tables and fields as the services use it (rows of the fixed tables → typed objects).
import type { Executor, FieldRow } from '../db/database';
import type { FieldGroup, FieldType, Language, ResultType, SelectOption } from '../../common';
import { notFound } from '../http/app-error';

export interface WorkbookMeta {
  id: string;
  name: string;
  language: Language;
  asOf: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface TableMeta {
  id: string;
  workbookId: string;
  name: string;
  position: number;
}

export interface FieldMeta {
  id: string;
  tableId: string;
  name: string;
  type: FieldType;
  /** Stored form of the formula (references by id). */
  formula: string | null;
  resultType: ResultType | null;
  options: SelectOption[] | null;
  groups: FieldGroup[] | null;
  description: string | null;
  format: string | null;
  hidden: boolean;
  position: number;
}

/** The field's groups in their order: a grouping column's groups, else a select field's options. */
export function declaredGroupValues(f: FieldMeta): string[] {
  return (f.groups ?? f.options ?? []).map((g) => g.value);
}

function parseJsonArray<T>(text: string | null): T[] | null {
  if (text === null) return null;
  const v = JSON.parse(text) as unknown;
  return Array.isArray(v) ? (v as T[]) : null;
}

export async function findWorkbook(db: Executor, id: string): Promise<WorkbookMeta | undefined> {
  const r = await db.selectFrom('workbooks').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  if (!r) return undefined;
  return {
    id: r.id,
    name: r.name,
    language: r.language === 'en' ? 'en' : 'zh-CN',
    asOf: r.as_of,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export async function getWorkbook(db: Executor, id: string): Promise<WorkbookMeta> {
  const wb = await findWorkbook(db, id);
  if (!wb) throw notFound('workbook', id);
  return wb;
}

/** A live table (not trashed, in a live workbook). */
export async function findTable(db: Executor, id: string): Promise<TableMeta | undefined> {
  const r = await db
    .selectFrom('tables')
    .innerJoin('workbooks', 'workbooks.id', 'tables.workbook_id')
    .select(['tables.id', 'tables.workbook_id', 'tables.name', 'tables.position'])
    .where('tables.id', '=', id)
    .where('tables.deleted_at', 'is', null)
    .where('workbooks.deleted_at', 'is', null)
    .executeTakeFirst();
  return r ? { id: r.id, workbookId: r.workbook_id, name: r.name, position: r.position } : undefined;
}

export async function getTable(db: Executor, id: string): Promise<TableMeta> {
  const t = await findTable(db, id);
  if (!t) throw notFound('table', id);
  return t;
}

export async function listTables(db: Executor, workbookId: string): Promise<TableMeta[]> {
  const rows = await db
    .selectFrom('tables')
    .select(['id', 'workbook_id', 'name', 'position'])
    .where('workbook_id', '=', workbookId)
    .where('deleted_at', 'is', null)
    .orderBy('position')
    .orderBy('created_at')
    .execute();
  return rows.map((r) => ({ id: r.id, workbookId: r.workbook_id, name: r.name, position: r.position }));
}

const FIELD_COLUMNS = ['id', 'table_id', 'name', 'type', 'formula', 'result_type', 'options', 'groups', 'description', 'format', 'hidden', 'position'] as const;

export function fieldFromRow(r: Pick<FieldRow, (typeof FIELD_COLUMNS)[number]>): FieldMeta {
  return {
    id: r.id,
    tableId: r.table_id,
    name: r.name,
    type: r.type as FieldType,
    formula: r.formula,
    resultType: (r.result_type as ResultType | null) ?? null,
    options: parseJsonArray<SelectOption>(r.options),
    groups: parseJsonArray<FieldGroup>(r.groups),
    description: r.description,
    format: r.format,
    hidden: r.hidden === 1,
    position: r.position,
  };
}

/** Live fields of a table, in order. */
export async function listFields(db: Executor, tableId: string): Promise<FieldMeta[]> {
  const rows = await db
    .selectFrom('fields')
    .select(FIELD_COLUMNS)
    .where('table_id', '=', tableId)
    .where('deleted_at', 'is', null)
    .orderBy('position')
    .orderBy('created_at')
    .execute();
  return rows.map(fieldFromRow);
}

/** Every field of a table, those in the trash too (they come back with their data), in order. */
export async function listFieldsWithTrashed(db: Executor, tableId: string): Promise<FieldMeta[]> {
  const rows = await db.selectFrom('fields').select(FIELD_COLUMNS).where('table_id', '=', tableId).orderBy('position').orderBy('created_at').execute();
  return rows.map(fieldFromRow);
}

/** A live field of a live table. */
export async function getField(db: Executor, id: string): Promise<FieldMeta> {
  const r = await db.selectFrom('fields').select(FIELD_COLUMNS).where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  if (!r || !(await findTable(db, r.table_id))) throw notFound('field', id);
  return fieldFromRow(r);
}

/** Live fields of every live table of a workbook, keyed by table id. */
export async function listWorkbookFields(db: Executor, workbookId: string): Promise<Map<string, FieldMeta[]>> {
  const rows = await db
    .selectFrom('fields')
    .innerJoin('tables', 'tables.id', 'fields.table_id')
    .select(FIELD_COLUMNS.map((c) => `fields.${c}` as const))
    .where('tables.workbook_id', '=', workbookId)
    .where('tables.deleted_at', 'is', null)
    .where('fields.deleted_at', 'is', null)
    .orderBy('fields.position')
    .orderBy('fields.created_at')
    .execute();
  const out = new Map<string, FieldMeta[]>();
  for (const r of rows) {
    const f = fieldFromRow(r);
    const list = out.get(f.tableId) ?? [];
    list.push(f);
    out.set(f.tableId, list);
  }
  return out;
}

/** Fields in the trash of every live table of a workbook, keyed by table id: formulas still name them. */
export async function listTrashedWorkbookFields(db: Executor, workbookId: string): Promise<Map<string, { id: string; name: string }[]>> {
  const rows = await db
    .selectFrom('fields')
    .innerJoin('tables', 'tables.id', 'fields.table_id')
    .select(['fields.id', 'fields.table_id', 'fields.name'])
    .where('tables.workbook_id', '=', workbookId)
    .where('tables.deleted_at', 'is', null)
    .where('fields.deleted_at', 'is not', null)
    .orderBy('fields.deleted_at', 'desc')
    .execute();
  const out = new Map<string, { id: string; name: string }[]>();
  for (const r of rows) {
    const list = out.get(r.table_id) ?? [];
    list.push({ id: r.id, name: r.name });
    out.set(r.table_id, list);
  }
  return out;
}
