// POST formulas/check (diagnostics or a preview of the first 20 values) and the explain trace of one cell.
import { checkFormula, compileFormula, storedToShown, toCellValue } from '../../../formulas';
import type { CompiledFormula, FormulaData, Value } from '../../../formulas';
import type { Executor } from '../../db/database';
import { AppError, notFound } from '../../http/app-error';
import type { ExplainResult, FormulaCheckResult, Language } from '../../../common';
import { loadSchemaInfo } from '../dto';
import { getField, getTable, getWorkbook } from '../meta';
import type { FieldMeta } from '../meta';
import { positionOf } from '../recompute/column-cache';
import { Frames, toValue } from '../recompute/frames';
import { todayIso } from '../recompute/recompute.service';
import { readRows, readRowsById } from '../rows/rows.repository';
import { countValues } from './count-values';
import { toFormulaSchema } from './engine';
import type { WorkbookSchemaInfo } from './engine';

const PREVIEW_ROWS = 20;

function fieldsOf(info: WorkbookSchemaInfo): Map<string, FieldMeta> {
  const out = new Map<string, FieldMeta>();
  for (const t of info.tables) for (const f of t.fields) out.set(f.id, f);
  return out;
}

/** Data for a column-wide formula: the full columns of every reference. */
async function fullData(frames: Frames, tableId: string, compiled: CompiledFormula, asOf: string): Promise<FormulaData> {
  const frame = await frames.frame(tableId);
  for (const r of compiled.references) await frames.column(r.tableId, r.fieldId);
  return { rowCount: frame.ids.length, asOf, column: (t, f) => frames.values(t, f) };
}

function smallData(fields: Map<string, FieldMeta>, compiled: CompiledFormula, rows: { cells: Record<string, unknown> }[], asOf: string): FormulaData {
  const cols = new Map<string, Value[]>();
  for (const r of compiled.references) {
    const f = fields.get(r.fieldId);
    if (f) cols.set(f.id, rows.map((row) => toValue(f, (row.cells[f.id] ?? null) as never)));
  }
  return { rowCount: rows.length, asOf, column: (_t, f) => cols.get(f) ?? rows.map(() => null) };
}

export interface CheckOptions {
  fieldId?: string | undefined;
  /** Count the formula's values over the whole table too. */
  counts?: boolean | undefined;
}

export async function checkFormulaService(db: Executor, tableId: string, source: string, options: CheckOptions, language: Language): Promise<FormulaCheckResult> {
  const { fieldId } = options;
  const table = await getTable(db, tableId);
  const wb = await getWorkbook(db, table.workbookId);
  if (fieldId !== undefined) {
    const f = await getField(db, fieldId);
    if (f.tableId !== tableId) throw new AppError('FIELD_NOT_FOUND', { fieldId });
  }
  const info = await loadSchemaInfo(db, table.workbookId);
  const result = checkFormula(source, toFormulaSchema(info), tableId, { language, ...(fieldId ? { fieldId } : {}) });
  if (!result.ok || !result.formula) {
    return { ok: false, diagnostics: result.diagnostics.map((d) => ({ code: d.code, message: d.message, start: d.start, end: d.end })) };
  }
  const compiled = compileFormula(result.formula);
  const asOf = wb.asOf ?? todayIso();
  const fields = fieldsOf(info);
  const tableFields = info.tables.find((t) => t.id === tableId)?.fields ?? [];
  let ids: string[];
  let values: Value[];
  let counted: Pick<Extract<FormulaCheckResult, { ok: true }>, 'counts' | 'countedRows'> = {};
  if (options.counts) {
    // Every row, from the column cache: the same values the saved column would hold.
    const frames = new Frames(db, fields);
    const data = await fullData(frames, tableId, compiled, asOf);
    const all = compiled.run(data);
    counted = { counts: countValues(all, language), countedRows: all.length };
    const frame = await frames.frame(tableId);
    const n = Math.min(PREVIEW_ROWS, frame.ids.length);
    ids = Array.from(frame.ids.subarray(0, n), String);
    values = all.slice(0, n);
  } else if (compiled.columnWide) {
    const frames = new Frames(db, fields);
    const data = await fullData(frames, tableId, compiled, asOf);
    const frame = await frames.frame(tableId);
    const n = Math.min(PREVIEW_ROWS, frame.ids.length);
    ids = Array.from(frame.ids.subarray(0, n), String);
    values = compiled.run(data, Array.from({ length: n }, (_, i) => i));
  } else {
    const rows = await readRows(db, tableId, tableFields, { limit: PREVIEW_ROWS, offset: 0 });
    ids = rows.map((r) => r.id);
    values = rows.length > 0 ? compiled.run(smallData(fields, compiled, rows, asOf)) : [];
  }
  return {
    ok: true,
    resultType: result.resultType,
    preview: ids.map((rowId, i) => ({ rowId, value: toCellValue(values[i] ?? null, language) })),
    ...counted,
  };
}

export async function explainCell(db: Executor, tableId: string, rowId: string, fieldId: string, language: Language): Promise<ExplainResult> {
  const table = await getTable(db, tableId);
  const wb = await getWorkbook(db, table.workbookId);
  const field = await getField(db, fieldId);
  if (field.tableId !== tableId) throw new AppError('FIELD_NOT_FOUND', { fieldId });
  if (field.type !== 'formula' || field.formula === null) throw new AppError('BAD_REQUEST', { reason: 'only formula fields can be explained' });
  const info = await loadSchemaInfo(db, table.workbookId);
  const schema = toFormulaSchema(info);
  const shown = storedToShown(field.formula, schema, tableId);
  // The stored form decides whether it still works (a new field may have taken a deleted one's name).
  const stored = checkFormula(field.formula, schema, tableId, { form: 'stored', language, fieldId });
  const result = stored.ok ? checkFormula(shown, schema, tableId, { language, fieldId }) : stored;
  const numericId = Number(rowId);
  const fields = fieldsOf(info);
  const tableFields = info.tables.find((t) => t.id === tableId)?.fields ?? [];
  const row = (await readRowsById(db, tableId, tableFields, Number.isSafeInteger(numericId) ? [numericId] : [])).get(numericId);
  if (!row) throw notFound('row', rowId);
  if (!result.ok || !result.formula) {
    const value = row.cells[fieldId] ?? null;
    const first = result.diagnostics[0];
    return { value, trace: { text: shown, start: 0, end: shown.length, value, ...(first ? { note: first.message } : {}), children: [] } };
  }
  const compiled = compileFormula(result.formula);
  const asOf = wb.asOf ?? todayIso();
  if (compiled.columnWide) {
    const frames = new Frames(db, fields);
    const data = await fullData(frames, tableId, compiled, asOf);
    const index = Math.max(0, positionOf((await frames.frame(tableId)).ids, numericId));
    return compiled.explain(data, index, language);
  }
  return compiled.explain(smallData(fields, compiled, [row], asOf), 0, language);
}
