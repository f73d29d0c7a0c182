import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { getApi } from '../api/client';
import type { Field, Filter, Table, TableSummary, Workbook } from '../api/types';
import { formatHash, parseHash } from './hash';

/** The open workbook, its tables and the selected table (with its fields). */
export const useWorkbookStore = defineStore('workbook', () => {
  const workbooks = ref<Workbook[]>([]);
  const workbook = ref<Workbook | null>(null);
  const table = ref<Table | null>(null);
  const loading = ref(false);
  const loadError = ref<unknown>(null);
  /** Total rows of the current view (after filters), as the grid last reported it. */
  const viewTotal = ref<number | null>(null);
  /** Sort and filter of the grid's view, as last sent to the server (export of the current view uses it). */
  const viewQuery = ref<{ sort?: string; filter: Filter | null; q?: string }>({ filter: null });
  /** Rows of the whole table (without filter or search), as last known. */
  const tableTotal = ref<number | null>(null);
  /** The search box text (`q`), applied to the rows on the server. */
  const search = ref('');
  /** Bumped whenever the grid must refetch its rows. */
  const rowsEpoch = ref(0);

  const tables = computed<TableSummary[]>(() => workbook.value?.tables ?? []);
  const fields = computed<Field[]>(() => table.value?.fields ?? []);

  /** No table open: nothing of the last one's counts stays in the status bar. */
  function clearTable(): void {
    table.value = null;
    viewTotal.value = null;
    tableTotal.value = null;
  }

  function syncHash(): void {
    if (typeof location === 'undefined') return;
    const h = formatHash({ workbookId: workbook.value?.id ?? null, tableId: table.value?.id ?? null });
    if (location.hash !== h) history.replaceState(null, '', h || location.pathname);
  }

  /** Load the workbook list and open the one named in the hash, else the first. */
  async function init(hash: string): Promise<void> {
    loading.value = true;
    loadError.value = null;
    try {
      const want = parseHash(hash);
      workbooks.value = await getApi().listWorkbooks();
      const target = workbooks.value.find((w) => w.id === want.workbookId) ?? workbooks.value[0];
      if (target) await openWorkbook(target.id, want.tableId);
    } catch (e) {
      loadError.value = e;
    } finally {
      loading.value = false;
    }
  }

  /** Follow a hash the user typed or a link opened (back/forward, bookmarks). */
  async function followHash(hash: string): Promise<void> {
    const want = parseHash(hash);
    try {
      if (want.workbookId && want.workbookId !== workbook.value?.id) await openWorkbook(want.workbookId, want.tableId);
      else if (want.tableId && want.tableId !== table.value?.id) await openTable(want.tableId);
    } catch (e) {
      loadError.value = e;
    }
  }

  async function createWorkbook(name: string): Promise<void> {
    const wb = await getApi().createWorkbook({ name });
    workbooks.value = [...workbooks.value, wb];
    await openWorkbook(wb.id, null);
  }

  /** Keep the list's entry of a workbook the server just answered in step with it. */
  function remember(wb: Workbook): void {
    workbooks.value = workbooks.value.map((w) => (w.id === wb.id ? wb : w));
    if (workbook.value?.id === wb.id) workbook.value = wb;
  }

  /** Re-read the workbook list (after a restore from the trash, or another tab's changes). */
  async function reloadWorkbooks(): Promise<void> {
    workbooks.value = await getApi().listWorkbooks();
  }

  async function renameWorkbook(name: string): Promise<void> {
    if (!workbook.value) return;
    remember(await getApi().patchWorkbook(workbook.value.id, { name }));
  }

  /** Set what TODAY() means (null: the current date); the server recomputes, so the rows and charts reload. */
  async function setAsOf(asOf: string | null): Promise<void> {
    if (!workbook.value) return;
    remember(await getApi().patchWorkbook(workbook.value.id, { asOf }));
    await refreshTable();
  }

  /** Move the open workbook one place up (-1) or down (+1) in the list. */
  async function moveWorkbook(delta: -1 | 1): Promise<void> {
    const id = workbook.value?.id;
    const ids = workbooks.value.map((w) => w.id);
    const next = id ? moved(ids, id, delta) : null;
    if (next) workbooks.value = await getApi().reorderWorkbooks(next);
  }

  /** Move a table of the open workbook one place up (-1) or down (+1). */
  async function moveTable(id: string, delta: -1 | 1): Promise<void> {
    if (!workbook.value) return;
    const next = moved(tables.value.map((t) => t.id), id, delta);
    if (next) remember(await getApi().reorderTables(workbook.value.id, next));
  }

  /** Move the open workbook to the trash and open its neighbour in the list, if any. */
  async function deleteWorkbook(): Promise<void> {
    const id = workbook.value?.id;
    if (!id) return;
    await getApi().deleteWorkbook(id);
    const at = workbooks.value.findIndex((w) => w.id === id);
    workbooks.value = workbooks.value.filter((w) => w.id !== id);
    const neighbour = workbooks.value[Math.min(Math.max(at, 0), workbooks.value.length - 1)];
    if (neighbour) return openWorkbook(neighbour.id, null);
    workbook.value = null;
    clearTable();
    syncHash();
  }

  /** Bring a trashed workbook back; with no workbook open, open it. */
  async function restoreWorkbook(trashId: string): Promise<void> {
    const r = await getApi().restore(trashId);
    await reloadWorkbooks();
    if (!workbook.value) await openWorkbook(r.workbookId, null);
  }

  async function openWorkbook(id: string, tableId: string | null): Promise<void> {
    const wb = await getApi().getWorkbook(id);
    workbook.value = wb;
    remember(wb);
    clearTable();
    const t = wb.tables.find((x) => x.id === tableId) ?? wb.tables[0];
    if (t) await openTable(t.id);
    else syncHash();
  }

  async function openTable(id: string): Promise<void> {
    const t = await getApi().getTable(id);
    table.value = t;
    viewTotal.value = t.rowCount;
    tableTotal.value = t.rowCount;
    viewQuery.value = { filter: null };
    search.value = '';
    syncHash();
  }

  /** Re-read the workbook (table list) after tables were added, renamed, deleted or restored. */
  async function refreshWorkbook(): Promise<void> {
    if (!workbook.value) return;
    remember(await getApi().getWorkbook(workbook.value.id));
    // The open table may be gone (e.g. an undo trashed the customer table a template made): show another.
    if (table.value && !workbook.value.tables.some((x) => x.id === table.value?.id)) {
      clearTable();
      const first = workbook.value.tables[0];
      if (first) await openTable(first.id);
      else syncHash();
    }
  }

  /** Re-read the current table's fields (after a field change) and refetch its rows. */
  async function refreshTable(): Promise<void> {
    if (!table.value) return;
    table.value = await getApi().getTable(table.value.id);
    rowsEpoch.value++;
  }

  /** Re-read the current table's fields and row count without resetting the grid. */
  async function refreshTableFields(): Promise<void> {
    if (!table.value) return;
    const t = await getApi().getTable(table.value.id);
    if (table.value?.id === t.id) table.value = t;
  }

  async function createTable(name: string): Promise<void> {
    if (!workbook.value) return;
    const t = await getApi().createTable(workbook.value.id, { name });
    await refreshWorkbook();
    await openTable(t.id);
  }

  async function renameTable(id: string, name: string): Promise<void> {
    await getApi().patchTable(id, { name });
    await refreshWorkbook();
    if (table.value?.id === id) table.value = { ...table.value, name };
  }

  async function deleteTable(id: string): Promise<void> {
    await getApi().deleteTable(id);
    await refreshWorkbook();
    if (table.value?.id === id) {
      clearTable();
      const first = tables.value[0];
      if (first) await openTable(first.id);
      else syncHash();
    }
  }

  function removeField(id: string): void {
    if (table.value) table.value = { ...table.value, fields: table.value.fields.filter((f) => f.id !== id) };
  }

  /** Put fields in this order (ids not listed keep their place at the end). */
  function orderFields(order: readonly string[]): void {
    if (!table.value) return;
    const byId = new Map(table.value.fields.map((f) => [f.id, f]));
    const next = order.map((id) => byId.get(id)).filter((f): f is Field => f !== undefined);
    for (const f of table.value.fields) if (!order.includes(f.id)) next.push(f);
    table.value = { ...table.value, fields: next };
  }

  function setField(field: Field): void {
    if (!table.value) return;
    const i = table.value.fields.findIndex((f) => f.id === field.id);
    const next = [...table.value.fields];
    if (i >= 0) next[i] = field;
    else next.push(field);
    table.value = { ...table.value, fields: next };
  }

  return {
    workbooks, workbook, table, tables, fields, loading, loadError, viewTotal, tableTotal, viewQuery, search, rowsEpoch, removeField, orderFields,
    init, followHash, refreshTableFields, createWorkbook, openWorkbook, openTable, refreshWorkbook, refreshTable, createTable, renameTable,
    deleteTable, setField, reloadWorkbooks, renameWorkbook, setAsOf, moveWorkbook, moveTable, deleteWorkbook, restoreWorkbook,
  };
});

/** `ids` with `id` moved one place; null when it is not there or already at that end. */
export function moved(ids: readonly string[], id: string, delta: -1 | 1): string[] | null {
  const from = ids.indexOf(id);
  const to = from + delta;
  if (from < 0 || to < 0 || to >= ids.length) return null;
  const next = [...ids];
  next.splice(from, 1);
  next.splice(to, 0, id);
  return next;
}
