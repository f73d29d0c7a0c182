// Metadata → wire shapes.
import type { Executor } from '../db/database';
import type { Field, Table, TableSummary, Workbook } from '../../common';
import type { FieldMeta, TableMeta, WorkbookMeta } from './meta';
import { listFields, listTables, listTrashedWorkbookFields, listWorkbookFields } from './meta';
import { countRows } from './rows/rows.repository';
import { shownFormula } from './formulas/engine';
import type { WorkbookSchemaInfo } from './formulas/engine';

export function fieldToDto(f: FieldMeta, schema: WorkbookSchemaInfo): Field {
  const dto: Field = { id: f.id, tableId: f.tableId, name: f.name, type: f.type };
  if (f.type === 'formula' && f.formula !== null) {
    dto.formula = shownFormula(f.formula, f.tableId, schema);
    if (f.resultType) dto.resultType = f.resultType;
  }
  if (f.options) dto.options = f.options;
  if (f.groups) dto.groups = f.groups;
  if (f.description !== null) dto.description = f.description;
  if (f.format !== null) dto.format = f.format;
  if (f.hidden) dto.hidden = true;
  return dto;
}

/** Tables and fields of a workbook, as the formula engine needs them to print and bind names. */
export async function loadSchemaInfo(db: Executor, workbookId: string): Promise<WorkbookSchemaInfo> {
  const tables = await listTables(db, workbookId);
  const fields = await listWorkbookFields(db, workbookId);
  const trashed = await listTrashedWorkbookFields(db, workbookId);
  return { tables: tables.map((t) => ({ ...t, fields: fields.get(t.id) ?? [], trashedFields: trashed.get(t.id) ?? [] })) };
}

export async function tableToDto(db: Executor, t: TableMeta, schema?: WorkbookSchemaInfo): Promise<Table> {
  const info = schema ?? (await loadSchemaInfo(db, t.workbookId));
  const fields = info.tables.find((x) => x.id === t.id)?.fields ?? (await listFields(db, t.id));
  return {
    id: t.id,
    workbookId: t.workbookId,
    name: t.name,
    fields: fields.map((f) => fieldToDto(f, info)),
    rowCount: await countRows(db, t.id),
  };
}

export async function workbookToDto(db: Executor, wb: WorkbookMeta): Promise<Workbook> {
  const tables = await listTables(db, wb.id);
  const fields = await listWorkbookFields(db, wb.id);
  const summaries: TableSummary[] = [];
  for (const t of tables) {
    summaries.push({
      id: t.id,
      workbookId: wb.id,
      name: t.name,
      rowCount: await countRows(db, t.id),
      fieldCount: fields.get(t.id)?.length ?? 0,
    });
  }
  return { id: wb.id, name: wb.name, language: wb.language, asOf: wb.asOf, tables: summaries, createdAt: wb.createdAt, updatedAt: wb.updatedAt };
}
