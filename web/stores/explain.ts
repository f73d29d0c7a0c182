import type { CellClickedEvent } from 'ag-grid-community';
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { getApi } from '../api/client';
import type { Explain, Field, Row } from '../api/types';
import { useGridStore } from './grid';
import { useWorkbookStore } from './workbook';

/** "Why this group?": the evaluation trace of the formula cell last clicked. */
export const useExplainStore = defineStore('explain', () => {
  const open = ref(false);
  const field = ref<Field | null>(null);
  const row = ref<Row | null>(null);
  const result = ref<Explain | null>(null);
  const loading = ref(false);
  const error = ref<unknown>(null);
  let seq = 0;

  /** Explain a cell; `quiet` keeps the current content on screen until the new answer is in (a refresh). */
  async function load(f: Field, r: Row, quiet = false): Promise<void> {
    const tableId = useWorkbookStore().table?.id;
    if (!tableId) return;
    const mine = ++seq;
    field.value = f;
    row.value = r;
    if (!quiet) {
      loading.value = true;
      error.value = null;
    }
    try {
      const res = await getApi().explain(tableId, r.id, f.id);
      if (mine === seq) {
        result.value = res;
        error.value = null;
      }
    } catch (e) {
      if (mine === seq) {
        error.value = e;
        result.value = null;
      }
    } finally {
      if (mine === seq) loading.value = false;
    }
  }

  /**
   * Explain the same cell again after something that may have changed it (a write, a field edited, deleted
   * or restored): with the field's current definition and the row as the grid now holds it.
   */
  async function refresh(): Promise<void> {
    const f = field.value;
    const r = row.value;
    if (!open.value || !f || !r) return;
    const current = useWorkbookStore().fields.find((x) => x.id === f.id);
    if (!current || current.type !== 'formula') {
      close();
      return;
    }
    const g = useGridStore().api;
    const live = g && !g.isDestroyed() ? (g.getRowNode(r.id)?.data as Row | undefined) : undefined;
    await load(current, live ?? r, true);
  }

  /** A click on a formula cell shows (or follows with) its explanation while the panel is open. */
  function onCellClicked(e: CellClickedEvent<Row>): void {
    const wb = useWorkbookStore();
    const f = wb.fields.find((x) => x.id === e.column.getColId());
    if (!f || f.type !== 'formula' || !e.data) return;
    open.value = true;
    void load(f, e.data);
  }

  function close(): void {
    open.value = false;
    seq++;
  }

  return { open, field, row, result, loading, error, load, refresh, onCellClicked, close };
});
