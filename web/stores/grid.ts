import type { GridApi } from 'ag-grid-community';
import { defineStore } from 'pinia';
import { computed, markRaw, shallowRef } from 'vue';
import type { Row, WriteResult } from '../api/types';
import { applyChanges } from '../grid/apply-changes';
import { isViewFiltered } from '../grid/empty-overlay';
import { useSelectionStore } from './selection';
import { useWorkbookStore } from './workbook';

/** The live AG Grid of the open table, and how server answers are written into it. */
export const useGridStore = defineStore('grid', () => {
  const api = shallowRef<GridApi<Row> | null>(null);
  /** The column filters of the live grid, as of its last filterChanged. */
  const filterModel = shallowRef<Record<string, unknown>>({});
  /** Whether the rows shown are narrowed by the search box or a column filter. */
  const filtered = computed(() => isViewFiltered(useWorkbookStore().search, filterModel.value));

  function attach(a: GridApi<Row> | null): void {
    api.value = a ? markRaw(a) : null;
    filterModel.value = a?.getFilterModel() ?? {};
  }

  function noteFilters(): void {
    const g = api.value;
    filterModel.value = g && !g.isDestroyed() ? g.getFilterModel() : {};
  }

  /** Back to all rows: the search box and every column filter cleared at once. */
  function clearFilters(): void {
    const wb = useWorkbookStore();
    const hadSearch = wb.search !== '';
    wb.search = '';
    const g = api.value;
    if (g && !g.isDestroyed() && Object.keys(g.getFilterModel()).length > 0) g.setFilterModel(null);
    else if (hadSearch) reload();
  }

  /** Write a write's changed cells into loaded rows, or reload when the server says to refetch. */
  function applyResult(res: WriteResult): void {
    const g = api.value;
    const tableId = useWorkbookStore().table?.id;
    if (!g || !tableId || g.isDestroyed()) return;
    if (res.refetch?.includes(tableId)) {
      g.refreshInfiniteCache();
      return;
    }
    const ids = applyChanges({ getRowNode: (id) => g.getRowNode(id) }, tableId, res.changes);
    const nodes = ids.map((id) => g.getRowNode(id)).filter((n) => n !== undefined);
    if (nodes.length) g.refreshCells({ rowNodes: nodes, force: true });
    useSelectionStore().refresh();
  }

  /** Reload the rows (keeping the scroll position). */
  function reload(): void {
    const g = api.value;
    if (g && !g.isDestroyed()) g.refreshInfiniteCache();
  }

  return { api, filterModel, filtered, attach, noteFilters, clearFilters, applyResult, reload };
});
