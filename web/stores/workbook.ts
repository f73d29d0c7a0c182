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

  async function openWorkbook(id: string, tableId: string | null): Promise<void> {
    const wb = await getApi().getWorkbook(id);
    workbook.value = wb;
    table.value = null;
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
    workbook.value = await getApi().getWorkbook(workbook.value.id);
    // The open table may be gone (e.g. an undo trashed the customer table a template made): show another.
    if (table.value && !workbook.value.tables.some((x) => x.id === table.value?.id)) {
      table.value = null;
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
      table.value = null;
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
    deleteTable, setField,
  };
});
