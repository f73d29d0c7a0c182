import { defineStore } from 'pinia';
import { ref, watch } from 'vue';
import { getApi } from '../api/client';
import type { UndoResult } from '../api/types';
import { useWorkbookStore } from './workbook';

/**
 * Undo/redo through the server's operation log. The server is the truth (it survives reloads), so undo
 * starts enabled; a direction is turned off only when the server answered UNDO_EMPTY for it, and back on
 * when something could have given it a step again: a write enables undo, an undo enables redo.
 */
export const useHistoryStore = defineStore('history', () => {
  const busy = ref(false);
  const canUndo = ref(true);
  const canRedo = ref(false);
  /** Writes still waiting for the server (the status bar says "Saving…"). */
  const pending = ref(0);
  const wb = useWorkbookStore();

  // Another workbook has its own log: start over. Writes outside track() (fields, tables, imports,
  // templates) show up as changed fields, tables or a new rows epoch: undo may have a step again.
  watch(() => wb.workbook?.id, () => {
    canUndo.value = true;
    canRedo.value = false;
  }, { flush: 'sync' });
  watch([() => wb.fields, () => wb.tables, () => wb.rowsEpoch], () => {
    canUndo.value = true;
  }, { flush: 'sync' });

  /** Wrap a data write: after it, undo is possible and redo is not. */
  async function track<T>(p: Promise<T>): Promise<T> {
    pending.value++;
    try {
      const v = await p;
      canUndo.value = true;
      canRedo.value = false;
      return v;
    } finally {
      pending.value--;
    }
  }

  async function run(kind: 'undo' | 'redo'): Promise<UndoResult | null> {
    if (!wb.workbook || busy.value) return null;
    busy.value = true;
    try {
      const res = kind === 'undo' ? await getApi().undo(wb.workbook.id) : await getApi().redo(wb.workbook.id);
      // Either way there is now a step to go back over; the same direction may have more.
      canUndo.value = true;
      canRedo.value = true;
      return res;
    } catch (e) {
      if (typeof e === 'object' && e !== null && 'code' in e && e.code === 'UNDO_EMPTY') {
        if (kind === 'undo') canUndo.value = false;
        else canRedo.value = false;
      }
      throw e;
    } finally {
      busy.value = false;
    }
  }

  return { busy, canUndo, canRedo, pending, track, undo: () => run('undo'), redo: () => run('redo') };
});
