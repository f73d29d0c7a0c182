// The one recompute path. Every change (cells, rows, fields, the as-of date) names what changed; the
// dependency graph of formulas/ orders the formula fields, and each is evaluated column-at-a-time over
// only what must change: the changed rows for row-local formulas, whole columns for column functions and
// references to other tables. Results are written in the caller's transaction.
import { createDependencyGraph, toCellValue } from '../../../formulas';
import type { CompiledFormula, FormulaData, GraphFormula, Value } from '../../../formulas';
import type { Executor } from '../../db/database';
import type { CellValue, Language } from '../../../common';
import { loadSchemaInfo } from '../dto';
import { compileStored, toFormulaSchema } from '../formulas/engine';
import { getWorkbook } from '../meta';
import type { FieldMeta } from '../meta';
import { readRowsById } from '../rows/rows.repository';
import { ChangeCollector } from './changes';
import { besideColumns } from './column-cache';
import { syncDerived } from './derived';
import type { DerivedLink } from './derived';
import { Frames, signatureOf, toValue } from './frames';
import { writeFormulaCells } from './write-back';

export interface FieldKey {
  tableId: string;
  fieldId: string;
}

export interface Trigger {
  /** Data changed in these rows (inserted, updated or deleted rows; ids of user-table rows). */
  rows?: { tableId: string; fieldIds: readonly string[]; rowIds: readonly number[]; inserted?: boolean; deleted?: boolean }[];
  /** These fields changed in every row (created, redefined, retyped, trashed, restored). */
  fields?: readonly FieldKey[];
  /** The as-of date changed: formulas using TODAY(). */
  today?: boolean;
  /** Everything. */
  all?: boolean;
}

type Dirty = 'all' | Set<number>;

interface Plan {
  field: FieldMeta;
  compiled?: CompiledFormula;
  /** The error every cell shows when the formula no longer checks (a referenced field was deleted…). */
  error?: CellValue;
  usesToday: boolean;
  columnWide: boolean;
  references: readonly { tableId: string; fieldId: string; mode: 'row' | 'column' }[];
}

const key = (tableId: string, fieldId: string): string => `${tableId}.${fieldId}`;

/** Today in the server's time zone, as YYYY-MM-DD. */
export function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function sameCell(a: CellValue, b: CellValue): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  return a.error === b.error && a.message === b.message;
}

export async function recompute(db: Executor, workbookId: string, trigger: Trigger, collector: ChangeCollector): Promise<void> {
  const { dirty, tableIds } = await recomputeFormulas(db, workbookId, trigger, collector);
  // Customer tables derived from orders follow them: the rows that came and went are recomputed in turn.
  const touched = (link: DerivedLink): boolean => {
    const d = dirty.get(key(link.ordersTableId, link.sourceFieldId));
    return trigger.all === true || d === 'all' || (d !== undefined && d.size > 0);
  };
  const rows = await syncDerived(db, tableIds, touched, collector);
  if (rows.length > 0) await recompute(db, workbookId, { rows }, collector);
}

/** Evaluates what the trigger makes stale; answers what changed (formula and data fields) and the workbook's tables. */
async function recomputeFormulas(db: Executor, workbookId: string, trigger: Trigger, collector: ChangeCollector): Promise<{ dirty: Map<string, Dirty>; tableIds: string[] }> {
  const wb = await getWorkbook(db, workbookId);
  const language: Language = wb.language;
  const info = await loadSchemaInfo(db, workbookId);
  const schema = toFormulaSchema(info);
  const fieldsById = new Map<string, FieldMeta>();
  for (const t of info.tables) for (const f of t.fields) fieldsById.set(f.id, f);

  const plans = new Map<string, Plan>();
  for (const t of info.tables) {
    for (const f of t.fields) {
      if (f.type !== 'formula' || f.formula === null) continue;
      const c = compileStored(f.formula, schema, t.id, f.id, language);
      if (c.ok && c.result.resultType !== f.resultType) {
        // A formula it reads changed type: keep the stored result type current.
        const resultType = c.result.resultType;
        await besideColumns(db, () => db.updateTable('fields').set({ result_type: resultType }).where('id', '=', f.id).execute());
        f.resultType = c.result.resultType;
      }
      plans.set(
        key(t.id, f.id),
        c.ok
          ? { field: f, compiled: c.compiled, usesToday: c.result.usesToday, columnWide: c.result.columnWide, references: c.result.references }
          : { field: f, error: { error: c.error, message: c.message }, usesToday: false, columnWide: true, references: [] },
      );
    }
  }
  const tableIds = info.tables.map((t) => t.id);
  const dirty = new Map<string, Dirty>();
  const markRows = (k: string, ids: Iterable<number>): void => {
    const cur = dirty.get(k);
    if (cur === 'all') return;
    const set = cur ?? new Set<number>();
    for (const id of ids) set.add(id);
    dirty.set(k, set);
  };
  for (const r of trigger.rows ?? []) for (const f of r.fieldIds) markRows(key(r.tableId, f), r.rowIds);
  for (const f of trigger.fields ?? []) dirty.set(key(f.tableId, f.fieldId), 'all');
  if (plans.size === 0) return { dirty, tableIds };

  const graphInput: GraphFormula[] = [...plans.values()].map((p) => ({ tableId: p.field.tableId, fieldId: p.field.id, references: p.references, usesToday: p.usesToday }));
  const graph = createDependencyGraph(graphInput);
  const order = graph.order().map((k) => key(k.tableId, k.fieldId));
  for (const k of plans.keys()) if (!order.includes(k)) order.push(k);

  const force = new Set<string>();
  // Rows that came or went change every column of their table, formula columns included, even where the
  // formula's value in the remaining rows did not change: a column function over it (PARETO, RANK, *IFS…)
  // ranges over other rows now.
  const cameOrWent = new Map<string, number[]>();
  for (const r of trigger.rows ?? []) {
    if (r.inserted || r.deleted) cameOrWent.set(r.tableId, [...(cameOrWent.get(r.tableId) ?? []), ...r.rowIds]);
  }
  for (const f of trigger.fields ?? []) force.add(key(f.tableId, f.fieldId));
  const schemaChanged = (trigger.fields?.length ?? 0) > 0 || trigger.all === true;
  for (const [k, p] of plans) {
    if (trigger.all || (trigger.today && p.usesToday) || (schemaChanged && p.error)) force.add(k);
  }

  const frames = new Frames(db, fieldsById);
  const asOf = wb.asOf ?? todayIso();

  for (const k of order) {
    const plan = plans.get(k);
    if (!plan) continue;
    const { field } = plan;
    let rows: Dirty | undefined = force.has(k) ? 'all' : undefined;
    if (rows === undefined) {
      for (const ref of plan.references) {
        const d = dirty.get(key(ref.tableId, ref.fieldId));
        if (!d || (d !== 'all' && d.size === 0)) continue;
        if (ref.mode === 'column' || d === 'all' || plan.columnWide) {
          rows = 'all';
          break;
        }
        rows ??= new Set<number>();
        for (const id of d) rows.add(id);
      }
    }
    // New rows get every formula of their table, whatever it reads (TODAY(), constants…).
    for (const r of trigger.rows ?? []) {
      if (!r.inserted || r.tableId !== field.tableId || r.rowIds.length === 0 || rows === 'all') continue;
      if (plan.columnWide) rows = 'all';
      else {
        rows ??= new Set<number>();
        for (const id of r.rowIds) rows.add(id);
      }
    }
    if (rows === undefined) continue;
    const changed = await evaluate(db, frames, plan, rows, asOf, language, collector);
    for (const id of cameOrWent.get(field.tableId) ?? []) changed.add(id);
    dirty.set(k, changed);
  }
  return { dirty, tableIds };
}

/** Evaluates one formula field over `rows`, writes what changed and answers the changed row ids. */
async function evaluate(
  db: Executor,
  frames: Frames,
  plan: Plan,
  rows: Dirty,
  asOf: string,
  language: Language,
  collector: ChangeCollector,
): Promise<Set<number>> {
  const { field } = plan;
  const tableId = field.tableId;
  let ids: ArrayLike<number>;
  let versions: ArrayLike<number>;
  let old: CellValue[];
  let computed: Value[] | CellValue[];
  let fromEngine = true;

  if (rows !== 'all' && !plan.columnWide && plan.compiled) {
    // Row-local: evaluate only the changed rows, as a small table of their own.
    const refFields = plan.references.map((r) => frames.field(r.fieldId)).filter((f): f is FieldMeta => f !== undefined);
    const byId = await readRowsById(db, tableId, [field, ...refFields.filter((f) => f.id !== field.id)], [...rows]);
    const list = [...byId.values()];
    ids = list.map((r) => Number(r.id));
    versions = list.map((r) => r.version);
    old = list.map((r) => r.cells[field.id] ?? null);
    const cols = new Map<string, Value[]>();
    for (const f of refFields) cols.set(f.id, list.map((r) => toValue(f, r.cells[f.id] ?? null)));
    const data: FormulaData = { rowCount: list.length, asOf, column: (_t, f) => cols.get(f) ?? list.map(() => null) };
    computed = list.length > 0 ? plan.compiled.run(data) : [];
  } else {
    const byTable = new Map<string, string[]>([[tableId, [field.id]]]);
    for (const r of plan.references) byTable.set(r.tableId, [...(byTable.get(r.tableId) ?? []), r.fieldId]);
    for (const [t, ids] of byTable) await frames.preload(t, ids);
    const frame = await frames.frame(tableId);
    const own = await frames.column(tableId, field.id);
    ids = frame.ids;
    versions = await frames.versions(tableId);
    old = own.cells;
    if (plan.compiled) {
      for (const r of plan.references) await frames.column(r.tableId, r.fieldId);
      const data: FormulaData = { rowCount: frame.ids.length, asOf, column: (t, f) => frames.values(t, f) };
      computed = plan.compiled.run(data);
    } else {
      const err = plan.error ?? null;
      computed = new Array<CellValue>(ids.length).fill(err);
      fromEngine = false;
    }
  }

  const changedIds: number[] = [];
  const changedCells: CellValue[] = [];
  const changedValues: Value[] = [];
  for (let i = 0; i < ids.length; i++) {
    const v = computed[i] ?? null;
    const cell: CellValue = fromEngine ? toCellValue(v as Value, language) : (v as CellValue);
    if (sameCell(cell, old[i] ?? null)) continue;
    const id = ids[i] ?? 0;
    changedIds.push(id);
    changedCells.push(cell);
    changedValues.push(fromEngine ? (v as Value) : toValue(field, cell));
    collector.addCell(tableId, id, versions[i] ?? 1, field.id, cell);
  }
  if (changedIds.length > 0) {
    await writeFormulaCells(db, tableId, field.id, signatureOf(field), changedIds, changedCells, changedValues);
  }
  return new Set(changedIds);
}

export interface RecomputeOptions {
  onlyToday?: boolean;
}

/** Recomputes every formula field of a workbook (or those using TODAY()). */
export async function recomputeWorkbook(db: Executor, workbookId: string, options: RecomputeOptions, collector?: ChangeCollector): Promise<void> {
  await recompute(db, workbookId, options.onlyToday ? { today: true } : { all: true }, collector ?? new ChangeCollector());
}
